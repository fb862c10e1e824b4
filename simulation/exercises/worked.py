"""The worked example a student gets after a few wrong tries: the same exercise, solved, with other numbers.

The other numbers come from the same derivation as a student's own (a made-up
student 'worked-example-k'), and are accepted only when neither their answer
nor anything in the text matches the student's expected answer (`leaks`).
Simulation questions show the method instead: another seed may well have the
same winner, and then the example would give the answer away.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .base import ChoiceAnswer, Exercise, NumberAnswer, Text
from .leaks import leaks, literal_numbers
from .personal import inputs_for

HEADER = Text("Worked example with other numbers:", "Uitgewerkt voorbeeld met andere getallen:")
METHOD = Text("How to get there:", "Zo pak je het aan:")
TRIES = 12


def _labels(exercise: Exercise, answer: Any) -> tuple[str, ...]:
    kind = exercise.kind
    if isinstance(kind, ChoiceAnswer):
        return (answer, *(kind.label(answer, language) for language in ("en", "nl")))
    return ()


def _same(exercise: Exercise, one: Any, other: Any) -> bool:
    if isinstance(exercise.kind, NumberAnswer):
        return exercise.kind.close(one, other, exercise.kind.near_band)
    return one == other


def worked_example(exercise: Exercise, inputs: Mapping[str, Any], language: str) -> str | None:
    """The exercise solved for other inputs, or its method; None when it has neither."""
    if exercise.simulated or exercise.vary is None:
        return f"{METHOD(language)} {exercise.method(language, **inputs)}" if exercise.method else None
    expected = exercise.solution(inputs).answer
    allowed = literal_numbers((exercise.question.en, exercise.question.nl))  # not the explanation's constants
    for k in range(1, TRIES + 1):
        other = inputs_for(exercise, f"worked-example-{k}")
        solution = exercise.solution(other)
        if _same(exercise, solution.answer, expected):
            continue
        values = {**exercise.values(solution, other), "answer": solution.answer}
        if isinstance(exercise.kind, ChoiceAnswer):
            values["correct_label"] = values["your_label"] = exercise.kind.label(solution.answer, language)
        text = f"{exercise.question(language, **other)}\n{exercise.explanation(language, **values)}"
        if not leaks(text, expected, _labels(exercise, expected), allowed):
            return f"{HEADER(language)}\n{text}"
    return None
