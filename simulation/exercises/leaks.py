"""Does a feedback text give the answer away? A mechanical check on numbers and choice labels.

A hint may quote the student's own inputs (they are in the question) and the
constants of a concept ("promoters answer 9–10"), but never the expected
value or a rounded form of it, with a decimal point or a decimal comma. The
worked example after a few wrong tries uses this check to pick other
numbers, and the tests use it on every hint.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def number_forms(value: float) -> set[str]:
    """How a number can be written: 16.667 → 17, 16.7, 16,7, 16.67, 16,67 …; 75000 → 75000, 75.000, 75,000."""
    if not math.isfinite(value):
        return set()
    forms = set()
    for digits in range(4):
        text = f"{abs(value):.{digits}f}"
        forms |= {text, text.replace(".", ",")}
        whole = f"{abs(value):,.{digits}f}"
        forms |= {whole, whole.translate(str.maketrans(",.", ".,"))}
    return forms


def numbers_in(text: str) -> set[str]:
    """The numbers written in `text`, as written ('3.3.4', '75.000', '16,7')."""
    return set(_NUMBER.findall(text))


def literal_numbers(templates: Iterable[str]) -> set[str]:
    """Numbers in the fixed part of templates (constants of the concept, not filled in from values)."""
    return set().union(*(numbers_in(re.sub(r"\{[^{}]*\}", " ", t)) for t in templates)) if templates else set()


def leaks(text: str, expected: Any, labels: Iterable[str] = (), allowed: set[str] = frozenset()) -> bool:
    """True when `text` shows the expected number (a rounded form) or one of the right choice's `labels`."""
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if (numbers_in(text) - allowed) & number_forms(float(expected)):
            return True
    lowered = text.lower()
    return any(label and re.search(rf"(?<!\w){re.escape(label.lower())}(?!\w)", lowered) for label in labels)
