"""Write the Dutch lessons and exercises from the English notebooks and their Dutch text (simulation/lessons.py).

    python .ci/build_dutch_lessons.py                 every lesson and exercise notebook: build, run, clean, write
    python .ci/build_dutch_lessons.py 03 05           only these numbers (lessons and exercises)
    python .ci/build_dutch_lessons.py --lessons 03    only lessons (--exercises: only exercises)
    python .ci/build_dutch_lessons.py --no-execute    build and write without running (no outputs)
    python .ci/build_dutch_lessons.py --english 09    first re-run the English notebook 09 in place, then build

Run it after changing a notebook's code or its Dutch text (`notebooks/nl/text/`, `exercises/nl/text/`):
each Dutch notebook is run in a fresh kernel in its `nl/` folder, so its outputs are the Dutch panels'
and boxes' own, then cleaned like the English lessons (.ci/clean_notebooks.py) and written in one step.
After changing the English notebook itself (a new cell, new code, a model change), add `--english`: the
English notebook is run and cleaned the same way first, so both languages show the same run.
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


def run(notebook: nbformat.NotebookNode, folder: Path) -> None:
    """Run `notebook` top to bottom in a fresh kernel in `folder`, as a student runs it there."""
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()


def rerun_english(lesson: Path) -> Path:
    """Run the English notebook in its own folder, clean it and write it back in one step."""
    english = nbformat.read(lesson, as_version=4)
    run(english, lesson.parent)
    return write_text(lesson, nbformat.writes(clean(english)))


def build(lesson: Path, execute: bool = True) -> Path:
    english = nbformat.read(lesson, as_version=4)
    dutch = dutch_lesson(english, read_text(text_path(lesson)), lesson.name, read_code(text_path(lesson)),
                         exercises=is_exercise_notebook(lesson))
    for cell in dutch.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    if execute:
        run(dutch, dutch_path(lesson).parent)
    return write_text(dutch_path(lesson), nbformat.writes(clean(dutch)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("numbers", nargs="*", help="notebook numbers, e.g. 03 (default: every notebook)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--lessons", dest="kind", action="store_const", const="lessons", help="only the lessons")
    kind.add_argument("--exercises", dest="kind", action="store_const", const="exercises", help="only the exercises")
    parser.add_argument("--no-execute", action="store_true", help="write the notebooks without running them")
    parser.add_argument("--english", action="store_true",
                        help="first re-run and clean the English notebooks in place (after changing them)")
    args = parser.parse_intermixed_args(argv)  # '03 --exercises 05' as well as '--exercises 03 05'
    if args.english and args.no_execute:
        parser.error("--english runs the English notebooks; it cannot go with --no-execute")
    notebooks = (english_lessons() if args.kind != "exercises" else []) + \
        (english_exercises() if args.kind != "lessons" else [])
    wanted = {number.zfill(2) for number in args.numbers}
    unknown = sorted(wanted - {notebook.name[:2] for notebook in notebooks})
    if unknown:  # a typo would otherwise build nothing and say nothing
        parser.error(f"no {args.kind or 'lesson or exercise'} notebook numbered {', '.join(unknown)}")
    chosen = [lesson for lesson in notebooks if not wanted or lesson.name[:2] in wanted]
    for lesson in chosen:
        if args.english:
            print(f"ran {rerun_english(lesson).relative_to(ROOT)}", flush=True)
        print(f"wrote {build(lesson, not args.no_execute).relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
