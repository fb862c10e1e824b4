"""The kit's user-facing errors: one base class, one "did you mean".

A `KitError` is a user mistake whose message is meant to be shown as it is:
the command line prints it on one line and exits with status 2, panels show
it in their status line, exercises turn it into feedback. Anything else that
escapes is a bug in the kit, and then a traceback is the right thing to show.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar


KitErrorKind = TypeVar("KitErrorKind", bound="KitError")


class KitError(ValueError):
    """A user mistake; the message names the field, the value and what is allowed.

    The message is English; a mistake a student can make in a Dutch lesson, exercise or game page also carries
    its Dutch message (`language.kit_error` makes both from one text row), which the face that shows it picks
    with `in_language`. It travels with the error, also through pickling (an exception's `__dict__` does).
    """

    def __init__(self, message: str = "", dutch: str | None = None):
        super().__init__(message)
        self.dutch = dutch

    def in_language(self, language: str) -> str:
        """The message in `language`: its Dutch one where it has one, else the English message."""
        return self.dutch if language == "nl" and self.dutch is not None else str(self)

    def recast(self, kind: type[KitErrorKind]) -> KitErrorKind:
        """The same mistake, in both languages, as another kind of kit error (a game's, an AttributeError's)."""
        return kind(str(self), self.dutch)


def closest(word: object, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known name closest to `word`, or None when nothing is close (or `word` is not text)."""
    if not isinstance(word, str):
        return None
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: object, known: Iterable[str], cutoff: float = 0.6, language: str = "en") -> str:
    """' Did you mean 'x'?' (Dutch: ' Bedoel je 'x'?') for the closest known name, or '' when nothing is
    close (or `word` is not text). English by default: most messages are for the one who wrote the code or
    the file; a student's box asks for Dutch."""
    match = closest(word, known, cutoff)
    if not match:
        return ""
    from .language import text  # the language layer builds on this module, so it is looked up when needed

    return text("error.did_you_mean", language, match=match)


def hint(word: object, known: Iterable[str]) -> Callable[[str], str]:
    """A `kit_error`'s ' Did you mean …?' value, told in each language the message is told in."""
    known = list(known)
    return lambda language: did_you_mean(word, known, language=language)


def shown(value: Any, width: int = 60) -> str:
    """`repr(value)` cut to `width` characters, safe for any value: a huge integer has no repr
    (Python refuses to print more than 4,300 digits) and a message must never fail."""
    try:
        text = repr(value)
    except ValueError:
        if isinstance(value, int):
            return f"an integer with about {int(value.bit_length() * 0.30103)} digits"
        return f"a {type(value).__name__} too large to show"
    return text if len(text) <= width else text[:width - 3] + "..."


def quoted(names: Iterable[object]) -> str:
    """"'a', 'b', 'c'": names as they are typed in code, for a message's list of what is allowed."""
    return ", ".join(map(repr, names))


def printable(text: str) -> str:
    """`text` with control characters shown as escapes (\\x1b, \\n): what a user typed can reach a
    message, and a terminal would act on an ANSI escape instead of showing it."""
    return "".join(repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cf") else c for c in str(text))


def command_word(word: object) -> str:
    """One word of a command a message suggests, as it is typed: in double quotes when it has a space or a
    character a shell reads (a path like 'spel klas 3/week 3.game'), which bash, zsh, cmd and PowerShell all take,
    so the suggestion can be copied as it is."""
    word = printable(str(word))
    return word if word and re.fullmatch(r"[\w%+=:./\\-]+", word) else f'"{word}"'
