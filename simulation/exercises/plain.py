"""Answers as plain data: numbers, text, lists and dicts, rebuilt without trusting the student's object.

A notebook can hand `check` an object that only looks like an answer: a
`Scenario` subclass whose `changes()` hides forbidden changes, a `float`
subclass whose `__float__` lies, a mapping whose `items()` changes between
calls. `plain` copies the *stored* value through the built-in types' own
slots (`float.__float__`, `str.__str__`, `dict.items`, the Scenario's
`_values` slot), so none of the student's methods runs, and the checker
sees only data. The same plain data is what a notebook records for the
trainer's grading run (JSON).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..scenario import Scenario
from .base import EXPECTED, AnswerError, of_type

MAX_DEPTH = 4
MAX_ITEMS = 10_000

_SCENARIO_VALUES = Scenario.__dict__["_values"]  # the slot descriptor: reads the stored dict, no method call


def _refused(value: Any) -> AnswerError:
    return AnswerError(EXPECTED, got=of_type(value))  # the type's name, never the object's repr


def plain(value: Any, depth: int = 0) -> Any:
    """A copy of `value` made of None, bool, int, float, str, list and dict only; AnswerError otherwise.

    Types are tested on `type(value)`, not with isinstance (which may ask the object for `__class__`).
    """
    kind = type(value)
    if value is None or value is Ellipsis or kind is bool:
        return value
    if issubclass(kind, Scenario):
        stored = _SCENARIO_VALUES.__get__(value)
        return plain(stored, depth) if type(stored) is dict else {}
    if issubclass(kind, np.generic) and kind.__module__ == "numpy":
        return _raise(value) if issubclass(kind, (np.complexfloating, np.void)) else plain(value.item(), depth)
    if issubclass(kind, int):
        return int.__int__(value)
    if issubclass(kind, float):
        return float.__float__(value)
    if issubclass(kind, str):
        return str.__str__(value)
    if depth >= MAX_DEPTH:
        raise _refused(value)
    if issubclass(kind, dict):
        items = list(dict.items(value))[:MAX_ITEMS]
        odd = next((key for key, _ in items if type(key) not in (str, int, float, bool) and key is not None), None)
        if odd is not None:
            raise _refused(odd)
        return {plain(key, depth + 1): plain(item, depth + 1) for key, item in items}
    if issubclass(kind, (list, tuple)):
        items = list(list.__iter__(value) if issubclass(kind, list) else tuple.__iter__(value))[:MAX_ITEMS]
        return [plain(item, depth + 1) for item in items]
    raise _refused(value)


def _raise(value: Any) -> Any:
    raise _refused(value)
