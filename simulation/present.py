"""`present NN`: a lesson as a page without code (Voilà), for projecting in class.

Voilà runs the lesson top to bottom and shows its text and outputs only; the
panels work as in the notebook. A Dutch class gets the Dutch lesson from
`notebooks/nl` (Dutch text, Dutch panels). `--port P` is present's own, as
it is `classroom`'s; options the kit does not know (`--no-browser`,
`--theme=dark`) go to Voilà as typed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .cli_scenario import add_language_argument, add_port_argument, check_port, option_help
from .errors import KitError, closest, hint, shown
from .language import kit_error, resolve, text
from .language_choice import LANGUAGE_VARIABLE
from .lessons import LESSONS, dutch_path, english_lessons
from .termination import module_command, run_command

FIRST_LESSON = "00"
VOILA_PORT = 8866  # Voilà's own default, for the help and the example in a mistake
#: present's own options: one typed nearly right (--langauge) is a typo, not an option for Voilà.
OWN_OPTIONS = ("--language", "--port", "--help")


def lesson_path(number: str, language: str = "en") -> Path:
    """The lesson `number` names, in English, or from notebooks/nl in Dutch: its number ('03' or '3'), or its name
    as the README lists it ('03_expectation_management', with or without the number, the folder or '.ipynb')."""
    lessons = english_lessons()
    if language == "nl":
        lessons = [dutch_path(lesson) for lesson in lessons]
    wanted = Path(number).name.removesuffix(".ipynb")
    for lesson in lessons:
        if wanted in (lesson.stem, lesson.stem.partition("_")[2]) or (
                wanted.isdigit() and lesson.name.startswith(f"{wanted.zfill(2)}_")):
            return lesson
    raise kit_error(KitError, "error.no_lesson", got=shown(number), known=", ".join(path.name[:2] for path in lessons))


def voila_command(lesson: str, language: str, voila_options: list[str], port: int | None = None) -> list[str]:
    """The command that serves the lesson in the language's own version, without its code, on `port` if given
    (else on Voilà's, which a Voilà configuration file may set); Voilà moves on to the next free port if it is
    in use."""
    on_port = [] if port is None else [f"--port={port}"]
    return module_command(sys.executable, "voila", str(lesson_path(lesson, language)), "--theme=light", *on_port,
                          *voila_options)


def check_passed_on(options: list[str]) -> list[str]:
    """The options that go on to Voilà, once none of them is a near miss of present's own: Voilà would start,
    then refuse it in English (or ignore it), and the class would see an English lesson."""
    for option in options:
        name = option.partition("=")[0]
        if name.startswith("--") and closest(name, OWN_OPTIONS, cutoff=0.8):
            raise kit_error(KitError, "error.present_option", got=shown(name), hint=hint(name, OWN_OPTIONS))
    return options


def _present(args: argparse.Namespace) -> int:
    check_port(args.port, VOILA_PORT)
    language = resolve(args.language)
    command = voila_command(args.lesson, language, check_passed_on(args.passed_on), args.port)
    # the lesson's panels start in the class's language (`simulation.language`)
    return run_command(command, cwd=LESSONS.parent, env={**os.environ, LANGUAGE_VARIABLE: language})


def add_parser(commands: Any, language: str) -> argparse.ArgumentParser:
    """Register `present` on the kit's subcommands, its help in `language`; it passes what it does not know
    on to Voilà (`passed_on`), so `main` reads the command line with `parse_known_args`."""
    present = commands.add_parser("present", help=option_help("present", language),
                                  description=text("help.present.about", language))
    present.add_argument("lesson", nargs="?", default=FIRST_LESSON, metavar="NN",
                         help=option_help("present.lesson", language, first=FIRST_LESSON))
    add_language_argument(present, "present", language)
    add_port_argument(present, "present", language, VOILA_PORT, servers_own=True)
    present.set_defaults(handler=_present, passed_on=[])
    return present
