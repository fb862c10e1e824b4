"""`python -m simulation grade SUBMISSIONS/ --out gradebook.csv`: the command line of `grade_folder`."""

from __future__ import annotations

import argparse
from typing import Any

from ..cli_scenario import add_language_argument
from ..errors import printable
from ..language import resolve, text
from . import LMS_LAYOUTS, grade_folder
from .run import TIME_LIMIT


def _grade(args: argparse.Namespace) -> int:
    """Grade the folder; a mistake (a folder that is not there) is told by the kit's `main`, in `--language`."""
    language = resolve(args.language)
    book = grade_folder(args.folder, args.out, course=args.course, exercises=args.exercises or (),
                        lms=args.lms or (), item=args.item, workers=args.workers, timeout=args.timeout,
                        cache=not args.no_cache, progress=not args.quiet, language=language)
    full = sum(r.total == len(book.exercise_ids) for r in book.results) if book.exercise_ids else 0
    print(text("grade.done", language, submissions=len(book.results), exercises=len(book.exercise_ids), full=full,
               files=len(book.files), gradebook=printable(args.out)))
    for result in book.results:
        if result.remarks:
            print(f"  {printable(result.file)}: {printable(result.status_in(language))}")  # names come from students
    return 0


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Register the `grade` subcommand on the kit's argparse subcommands."""
    parser = commands.add_parser("grade", help="run and grade a folder of submitted exercise notebooks")
    parser.add_argument("folder", help="folder with the submitted notebooks (one file per student)")
    parser.add_argument("--out", required=True, help="gradebook CSV to write; the other files go beside it")
    parser.add_argument("--course", help="the course salt the students used in start(..., course=...)")
    parser.add_argument("--exercises", nargs="+", metavar="ID", help="the exercises to grade (default: all answered)")
    parser.add_argument("--lms", nargs="+", choices=LMS_LAYOUTS, help="also write these LMS import layouts")
    parser.add_argument("--item", default="B2B sales exercises", help="grade item name in the LMS layouts")
    parser.add_argument("--workers", type=int, default=2, help="notebooks run at the same time (default 2)")
    parser.add_argument("--timeout", type=float, default=TIME_LIMIT, help="seconds per notebook (default %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="run every notebook again, changed or not")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    add_language_argument(parser, "the summary, the gradebook's status column and mistakes (each student's "
                                  "feedback is in the language the student chose)")
    parser.set_defaults(handler=_grade)
    return parser
