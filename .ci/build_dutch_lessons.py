"""Write the Dutch lessons from the English lessons and their Dutch text (simulation/lessons.py).

    python .ci/build_dutch_lessons.py                 every lesson: build, run top to bottom, clean, write
    python .ci/build_dutch_lessons.py 03 05           only these lessons
    python .ci/build_dutch_lessons.py --no-execute    build and write without running (no outputs)

Run it after changing a lesson's code or its Dutch text (`notebooks/nl/text/`): each Dutch lesson is
run in a fresh kernel in `notebooks/nl/`, so its outputs are the Dutch panels' own, then cleaned like
the English lessons (.ci/clean_notebooks.py) and written in one step.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / ".ci"))
from clean_notebooks import clean  # noqa: E402
from simulation.files import write_text  # noqa: E402
from simulation.lessons import (DUTCH, dutch_lesson, dutch_path, english_lessons, read_code, read_text,  # noqa: E402
                                text_path)


def build(lesson: Path, execute: bool = True) -> Path:
    english = nbformat.read(lesson, as_version=4)
    dutch = dutch_lesson(english, read_text(text_path(lesson)), lesson.name, read_code(text_path(lesson)))
    for cell in dutch.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    if execute:
        NotebookClient(dutch, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(DUTCH)}}).execute()
    return write_text(dutch_path(lesson), nbformat.writes(clean(dutch)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lessons", nargs="*", help="lesson numbers, e.g. 03 (default: every lesson)")
    parser.add_argument("--no-execute", action="store_true", help="write the lessons without running them")
    args = parser.parse_args(argv)
    chosen = [lesson for lesson in english_lessons()
              if not args.lessons or any(lesson.name.startswith(number.zfill(2)) for number in args.lessons)]
    for lesson in chosen:
        print(f"wrote {build(lesson, not args.no_execute).relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
