"""A student's own numbers: every input derives from (student number, exercise id, course salt).

The derivation is a SHA-256 hash, never Python's `hash()` (which changes per
process), so the same student always gets the same numbers, in the notebook
and in the trainer's grading run, on any machine. The course salt is a word
the trainer chooses per course or year: with another salt, last year's
answers no longer fit. Without a student number the exercise uses its
shared practice inputs.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Mapping
from typing import Any

from .base import AnswerError, Exercise, Text, of_type

_STUDENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")

BAD_STUDENT = Text(
    "A student number is letters and digits (at most 40, '.', '-' and '_' allowed), e.g. 's1234567'. Got {got}.",
    "Een studentnummer bestaat uit letters en cijfers (hoogstens 40, '.', '-' en '_' mogen), bijv. 's1234567'. "
    "Gekregen: {got}.")


def normalise_student(student: Any) -> str | None:
    """The student number as the hash uses it ('S123 ' and 's123' are one student); None: practice mode.

    Raises AnswerError (shown as feedback) for something that is no student number.
    """
    if student is None or student is Ellipsis or (isinstance(student, str) and not student.strip()):
        return None
    if isinstance(student, bool) or type(student) not in (int, str):
        raise AnswerError(BAD_STUDENT, got=of_type(student))
    text = str(student).strip()
    if not _STUDENT.match(text):
        raise AnswerError(BAD_STUDENT, got=repr(text[:50]))
    return text.lower()


def derived_seed(student: str, exercise_id: str, course: str | None = None) -> int:
    """A 64-bit number that only this student, exercise and course salt give."""
    key = "\x1f".join((course or "", student, exercise_id)).encode("utf-8")
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big")


def inputs_for(exercise: Exercise, student: str | None, course: str | None = None) -> Mapping[str, Any]:
    """The exercise's inputs for this student (the shared practice inputs when `student` is None)."""
    if student is None or exercise.vary is None:
        return exercise.inputs
    rng = random.Random(derived_seed(student, exercise.id, course))
    return {**exercise.inputs, **exercise.vary(rng)}
