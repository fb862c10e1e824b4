"""Which language: the ones the kit speaks, the session's (`KIT_LANGUAGE`) and the one a command line asks for.

Standard library only, so `kit.py` reads it by path before the kit is
installed (as it reads `texts.py`): `python kit.py --language nl` opens the
Dutch lessons, and what `kit.py` says itself (installing, its help) follows
the same choice as every command of the kit (`simulation.language`,
`simulation.cli`), rather than a second copy of the rule.
"""

from __future__ import annotations

import os

LANGUAGES = ("en", "nl")
#: The environment variable that sets the session's language: a Dutch class sets it once; the kit's page servers
#: set it for the lessons and pages they start.
LANGUAGE_VARIABLE = "KIT_LANGUAGE"
LANGUAGE_OPTION = "--language"


def session_language() -> str:
    """The language of a command given no --language: `KIT_LANGUAGE` when it names one the kit speaks, else
    English."""
    language = os.environ.get(LANGUAGE_VARIABLE, "")
    return language if language in LANGUAGES else "en"


def language_option(argv: list[str]) -> tuple[list[str | None], list[str]]:
    """Every value typed for --language (`--language nl`, `--language=nl`, or shortened as argparse allows:
    `--lang nl`; None when the value is missing, as when an option follows: `classroom --lan --language nl`), and
    the command line without those options."""
    asked: list[str | None] = []
    rest: list[str] = []
    index = 0
    while index < len(argv):
        word = argv[index]
        option, equals, value = word.partition("=")
        index += 1
        if len(option) < 3 or not LANGUAGE_OPTION.startswith(option):
            rest.append(word)
        elif equals:
            asked.append(value)
        elif index < len(argv) and not argv[index].startswith("-"):
            asked.append(argv[index])
            index += 1
        else:
            asked.append(None)
    return asked, rest


def chosen_language(asked: list[str | None], default: str) -> str:
    """The last of the languages typed (`language_option`) that the kit speaks, as argparse keeps the last one,
    else `default`."""
    return next((language for language in reversed(asked) if language in LANGUAGES), default)


def typed_language(argv: list[str], default: str) -> str:
    """The language the command line asks for, else `default`: known before the command is understood, so its
    --help and a command typed wrong are told in it too."""
    return chosen_language(language_option(argv)[0], default)
