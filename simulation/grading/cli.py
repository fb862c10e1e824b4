"""`python -m simulation grade SUBMISSIONS/ --out gradebook.csv`: the command line of `grade_folder`."""

from __future__ import annotations

import argparse
from typing import Any

from ..cli_scenario import add_language_argument, option_help
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


def add_parser(commands: Any, language: str) -> argparse.ArgumentParser:
    """Register the `grade` subcommand on the kit's argparse subcommands, its help in `language`."""
    parser = commands.add_parser("grade", help=option_help("grade", language))
    parser.add_argument("folder", metavar=text("help.metavar.folder", language),
                        help=option_help("grade.folder", language))
    parser.add_argument("--out", required=True, metavar=text("help.metavar.file", language),
                        help=option_help("grade.out", language))
    parser.add_argument("--course", metavar=text("help.metavar.course", language),
                        help=option_help("grade.course", language))
    parser.add_argument("--exercises", nargs="+", metavar="ID", help=option_help("grade.exercises", language))
    parser.add_argument("--lms", nargs="+", choices=LMS_LAYOUTS, help=option_help("grade.lms", language))
    parser.add_argument("--item", default="B2B sales exercises", metavar=text("help.metavar.item", language),
                        help=option_help("grade.item", language))
    workers = 2
    parser.add_argument("--workers", type=int, default=workers, metavar="W",
                        help=option_help("grade.workers", language, n=workers))
    parser.add_argument("--timeout", type=float, default=TIME_LIMIT, metavar="S",
                        help=option_help("grade.timeout", language, seconds=TIME_LIMIT))
    parser.add_argument("--no-cache", action="store_true", help=option_help("grade.no_cache", language))
    parser.add_argument("--quiet", action="store_true", help=option_help("grade.quiet", language))
    add_language_argument(parser, "grade", language)
    parser.set_defaults(handler=_grade)
    return parser
