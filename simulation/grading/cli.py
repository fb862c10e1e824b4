"""`python -m simulation grade SUBMISSIONS/ --out gradebook.csv`: the command line of `grade_folder`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import KitError, printable
from . import LMS_LAYOUTS, grade_folder


def _grade(args: argparse.Namespace) -> int:
    try:
        book = grade_folder(args.folder, args.out, course=args.course, exercises=args.exercises or (),
                            lms=args.lms or (), item=args.item, workers=args.workers, timeout=args.timeout,
                            cache=not args.no_cache, progress=not args.quiet)
    except KitError as error:
        print(f"error: {printable(error)}", file=sys.stderr)
        return 2
    full = sum(r.total == len(book.exercise_ids) for r in book.results)
    print(f"{len(book.results)} submission(s), {len(book.exercise_ids)} exercise(s), {full} with full marks; "
          f"wrote {len(book.files)} file(s), gradebook: {printable(args.out)}")
    for result in book.results:
        if result.status != "ok":
            print(f"  {printable(result.file)}: {printable(result.status)}")  # names come from students
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
    parser.add_argument("--timeout", type=float, default=120, help="seconds per notebook (default 120)")
    parser.add_argument("--no-cache", action="store_true", help="run every notebook again, changed or not")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(handler=_grade)
    return parser
