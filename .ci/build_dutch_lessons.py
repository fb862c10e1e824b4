"""Write the Dutch lessons and exercises from the English notebooks and their Dutch text (simulation/lessons.py).

    python .ci/build_dutch_lessons.py                 every lesson and exercise notebook: build, run, clean, write
    python .ci/build_dutch_lessons.py 03 05           only these numbers (lessons and exercises)
    python .ci/build_dutch_lessons.py --lessons 03    only lessons (--exercises: only exercises)
    python .ci/build_dutch_lessons.py --no-execute    build and write without running (no outputs)

Run it after changing a notebook's code or its Dutch text (`notebooks/nl/text/`, `exercises/nl/text/`):
each Dutch notebook is run in a fresh kernel in its `nl/` folder, so its outputs are the Dutch panels'
and boxes' own, then cleaned like the English lessons (.ci/clean_notebooks.py) and written in one step.
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
from simulation.lessons import (dutch_lesson, dutch_path, english_exercises, english_lessons,  # noqa: E402
                                is_exercise_notebook, read_code, read_text, text_path)


def build(lesson: Path, execute: bool = True) -> Path:
    english = nbformat.read(lesson, as_version=4)
    dutch = dutch_lesson(english, read_text(text_path(lesson)), lesson.name, read_code(text_path(lesson)),
                         exercises=is_exercise_notebook(lesson))
    for cell in dutch.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    if execute:
        folder = str(dutch_path(lesson).parent)  # where the Dutch notebook is run, as a student runs it
        NotebookClient(dutch, timeout=600, kernel_name="python3", resources={"metadata": {"path": folder}}).execute()
    return write_text(dutch_path(lesson), nbformat.writes(clean(dutch)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("numbers", nargs="*", help="notebook numbers, e.g. 03 (default: every notebook)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--lessons", dest="kind", action="store_const", const="lessons", help="only the lessons")
    kind.add_argument("--exercises", dest="kind", action="store_const", const="exercises", help="only the exercises")
    parser.add_argument("--no-execute", action="store_true", help="write the notebooks without running them")
    args = parser.parse_intermixed_args(argv)  # '03 --exercises 05' as well as '--exercises 03 05'
    notebooks = (english_lessons() if args.kind != "exercises" else []) + \
        (english_exercises() if args.kind != "lessons" else [])
    wanted = {number.zfill(2) for number in args.numbers}
    unknown = sorted(wanted - {notebook.name[:2] for notebook in notebooks})
    if unknown:  # a typo would otherwise build nothing and say nothing
        parser.error(f"no {args.kind or 'lesson or exercise'} notebook numbered {', '.join(unknown)}")
    chosen = [lesson for lesson in notebooks if not wanted or lesson.name[:2] in wanted]
    for lesson in chosen:
        print(f"wrote {build(lesson, not args.no_execute).relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
