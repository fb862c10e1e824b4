"""`present NN`: a lesson as a page without code (Voilà), for projecting in class.

Voilà runs the lesson top to bottom and shows its text and outputs only; the
panels work as in the notebook. A Dutch class gets the Dutch lesson from
`notebooks/nl` (Dutch text, Dutch panels). Options the kit does not know
(`--port=9000`, `--no-browser`) go to Voilà as typed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .cli_scenario import add_language_argument, option_help
from .errors import KitError, shown
from .language import kit_error, resolve, text
from .lessons import DUTCH, LESSONS
from .termination import run_server

FIRST_LESSON = "00"


def lesson_path(number: str, language: str = "en") -> Path:
    """The lesson whose file name starts with `number` ('03' or '3'), in English, or from notebooks/nl in Dutch."""
    folder = DUTCH if language == "nl" else LESSONS
    matches = sorted(folder.glob(f"{number.zfill(2)}_*.ipynb"))
    if not matches:
        known = ", ".join(path.name[:2] for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")))
        raise kit_error(KitError, "error.no_lesson", got=shown(number), known=known)
    return matches[0]


def voila_command(lesson: str, language: str, voila_options: list[str]) -> list[str]:
    """The command that serves the lesson in the language's own version, without its code."""
    return [sys.executable, "-m", "voila", str(lesson_path(lesson, language)), "--theme=light", *voila_options]


def _present(args: argparse.Namespace) -> int:
    language = resolve(args.language)
    command = voila_command(args.lesson, language, args.passed_on)
    # KIT_LANGUAGE: the lesson's panels start in the class's language (`simulation.language`)
    return run_server(command, cwd=LESSONS.parent, env={**os.environ, "KIT_LANGUAGE": language})


def add_parser(commands: Any, language: str) -> argparse.ArgumentParser:
    """Register `present` on the kit's subcommands, its help in `language`; it passes what it does not know
    on to Voilà (`passed_on`), so `main` reads the command line with `parse_known_args`."""
    present = commands.add_parser("present", help=option_help("present", language),
                                  description=text("help.present.about", language))
    present.add_argument("lesson", nargs="?", default=FIRST_LESSON, metavar="NN",
                         help=option_help("present.lesson", language, first=FIRST_LESSON))
    add_language_argument(present, "present", language)
    present.set_defaults(handler=_present, passed_on=[])
    return present
