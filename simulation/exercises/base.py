"""Building blocks of an exercise: bilingual text, the kinds of answer, typical mistakes.

An exercise is data. Its correct answer is never typed in: a `solve` function
computes it from the package (the NPS formula, the churn hazard, a seeded
simulation), so the exercises stay right when the model changes. A typical
mistake is computed the same way (e.g. "% promoters + % detractors" from the
same shares) and carries a hint that names the course concept behind it.

Three kinds of answer:

- `NumberAnswer`: a number with a unit and a tolerance ("5", "+5", "5%",
  "0,5" and "75.000" are understood, so Dutch notation works too);
- `ChoiceAnswer`: one of a few named options;
- `ScenarioAnswer`: a Scenario the student builds, checked against KPI goals
  by simulating it with a fixed seed.
"""

from __future__ import annotations

import math
import numbers
import re
import reprlib
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("en", "nl")


class _Formatter(string.Formatter):
    """Fills `{name:.1f}` fields; in Dutch numbers get a decimal comma and a thousands dot."""

    def __init__(self, language: str):
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        if self.language == "nl" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return text.translate(str.maketrans(",.", ".,"))
        return text


@dataclass(frozen=True)
class Text:
    """A text in English and Dutch; `{name}` fields are filled from the exercise's values."""

    en: str
    nl: str

    def __call__(self, language: str, **values: Any) -> str:
        return format_text(language, self.nl if language == "nl" else self.en, **values)


def format_text(language: str, template: str, **values: Any) -> str:
    """`template.format(**values)`, with Dutch number notation when `language` is "nl"."""
    return _Formatter(language).format(template, **values)


class AnswerError(ValueError):
    """The answer has the wrong form (e.g. a word where a number is expected); shown as feedback."""

    def __init__(self, text: Text, **values: Any):
        super().__init__(text.en)
        self.text = text
        self.values = values


@dataclass(frozen=True)
class Solution:
    """The correct answer and the numbers behind it, for the feedback texts."""

    answer: Any
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer (a value, or a function of the exercise's values) and its hint."""

    answer: Any
    hint: Text
    tolerance: float | None = None  # None: the exercise's own tolerance

    def wrong_answer(self, values: Mapping[str, Any]) -> Any:
        return self.answer(values) if callable(self.answer) else self.answer


@dataclass(frozen=True)
class Verdict:
    """What grading an answer gave: a score from 0 to 1 and the lines of feedback."""

    score: float
    lines: tuple[str, ...]


NOT_CORRECT = Text("Not correct.", "Niet goed.")
EXPECTED = Text("Expected {kind}; got {got}.", "Verwacht: {kind}; gekregen: {got}.")
REVISIT = Text("Revisit: docs/model.md § {section} and lesson notebooks/{lesson}.ipynb.",
               "Lees nog eens: docs/model.md § {section} en les notebooks/{lesson}.ipynb.")


class _Shortened(reprlib.Repr):
    """Reprs cut to a line, so feedback quoting a pasted essay or a huge number stays readable."""

    def __init__(self) -> None:
        super().__init__()
        self.maxstring = self.maxother = 60

    def repr_int(self, x: int, level: int) -> str:
        try:
            return super().repr_int(x, level)
        except ValueError:  # longer than Python will print (sys.get_int_max_str_digits)
            return f"<an integer of {x.bit_length()} bits>"


_SHORTENED = _Shortened()


def shown(value: Any) -> str:
    """`repr(value)` cut to about a line, for quoting what a student typed back to them."""
    return _SHORTENED.repr(value)


def clipped(text: str, limit: int = 300) -> str:
    """`text` with its middle cut out when longer than `limit`: a message says most at its start and end."""
    if len(text) <= limit:
        return text
    return f"{text[:limit // 2]}…{text[-(limit // 2):]}"


def unexpected(answer: Any) -> AnswerError:
    """The 'Expected …; got …' feedback for an answer of the wrong form, quoting the answer shortened."""
    return AnswerError(EXPECTED, got=shown(answer))


@dataclass(frozen=True)
class Exercise:
    """One assignment: the question, how to read and grade the answer, and the feedback texts.

    `solve(inputs)` computes the correct answer from the package; `question`, `explanation` and
    the hints are filled with the inputs and the solution's values, so they quote the same numbers.
    """

    id: str
    concept: str  # a key of simulation.parameters.CONCEPTS (the course concept, DOMAIN.md)
    title: Text
    question: Text
    kind: Any  # NumberAnswer, ChoiceAnswer or ScenarioAnswer
    solve: Callable[[Mapping[str, Any]], Solution]
    explanation: Text  # shown with a correct answer
    docs_section: str  # section of docs/model.md to revisit, e.g. "3.3.4"
    lesson: str  # lesson notebook to revisit, e.g. "04_satisfaction_nps_churn"
    inputs: Mapping[str, Any] = field(default_factory=dict)
    mistakes: tuple[Mistake, ...] = ()
    other_hint: Text | None = None  # for a wrong answer that is not one of the typical mistakes

    def solution(self, inputs: Mapping[str, Any] | None = None) -> Solution:
        """The correct answer for these inputs (default: the exercise's own)."""
        return self.solve(self.inputs if inputs is None else inputs)

    def model_answer(self) -> Any:
        """An answer that gets full marks, computed through the package."""
        return self.solution().answer

    def values(self, solution: Solution) -> dict[str, Any]:
        return {**self.inputs, **solution.values}

    def revisit(self, language: str) -> str:
        return REVISIT(language, section=self.docs_section, lesson=self.lesson)

    def wrong(self, language: str, values: Mapping[str, Any], typical: Mistake | None, fallback: Text) -> Verdict:
        """Feedback on a wrong answer: the typical mistake's hint, else the exercise's or the kind's."""
        hint = typical.hint if typical else self.other_hint or fallback
        return Verdict(0.0, (NOT_CORRECT(language), hint(language, **values)))


_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+$|^[+-]?[1-9]\d{0,2}(,\d{3})+$")


def parse_number(text: str, grouped: bool = False) -> float:
    """Read what a student types: '+5', '5 %', '0,05', and with `grouped` '€ 75.000' or '75,000'.

    For amounts (`grouped`), a dot or comma followed by groups of three digits separates
    thousands (Dutch '75.000', English '75,000'); any other comma is a Dutch decimal comma.
    Raises ValueError for text that is not a number.
    """
    cleaned = re.sub(r"[\s%€_]", "", text)
    if grouped and _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", "")
    return float(cleaned.replace(",", "."))


@dataclass(frozen=True)
class NumberAnswer:
    """A number in `unit`, right when within `tolerance` of the computed answer."""

    unit: Text
    example: str
    tolerance: float
    grouped: bool = False  # amounts in euro: '75.000' and '75,000' mean seventy-five thousand

    def describe(self, language: str) -> str:
        return Text("a number in {unit}, e.g. {example}", "een getal in {unit}, bijv. {example}")(
            language, unit=self.unit(language), example=self.example)

    def parse(self, answer: Any) -> float:
        if isinstance(answer, bool) or not isinstance(answer, (numbers.Real, str)):  # Real: numpy numbers too
            raise unexpected(answer)
        try:
            value = parse_number(answer, self.grouped) if isinstance(answer, str) else float(answer)
        except (ValueError, OverflowError):  # not a number, or an integer too large for a float
            raise unexpected(answer) from None
        if not math.isfinite(value):
            raise unexpected(answer)
        return value

    def close(self, answer: float, target: float, tolerance: float | None = None) -> bool:
        return abs(answer - target) <= (self.tolerance if tolerance is None else tolerance) + 1e-9

    def grade(self, exercise: Exercise, answer: float, solution: Solution, language: str) -> Verdict:
        values = {**exercise.values(solution), "answer": answer, "tolerance": self.tolerance,
                  "unit": self.unit(language)}
        if self.close(answer, solution.answer):
            return Verdict(1.0, (exercise.explanation(language, **values),))
        typical = next((m for m in exercise.mistakes if self.close(answer, m.wrong_answer(values), m.tolerance)), None)
        return exercise.wrong(language, values, typical, Text(
            "Your answer {answer:g} is more than {tolerance:g} {unit} away from the right one.",
            "Je antwoord {answer:g} ligt meer dan {tolerance:g} {unit} van het goede antwoord af."))


@dataclass(frozen=True)
class Option:
    """One choice: the key a student types and its label."""

    key: str
    label: Text


def _normalise(word: str) -> str:
    return re.sub(r"[\s_\-'\"]+", " ", word.strip().lower()).strip()


@dataclass(frozen=True)
class ChoiceAnswer:
    """One of a few options, given by key or label (case, spaces, '-' and '_' do not matter)."""

    options: tuple[Option, ...]

    def describe(self, language: str) -> str:
        keys = ", ".join(f"'{o.key}'" for o in self.options)
        return Text("one of {keys}", "een van {keys}")(language, keys=keys)

    def label(self, key: str, language: str) -> str:
        return next(o.label(language) for o in self.options if o.key == key)

    def parse(self, answer: Any) -> str:
        if isinstance(answer, str):
            for option in self.options:
                if _normalise(answer) in {_normalise(option.key), *(_normalise(option.label(lang)) for lang in LANGUAGES)}:
                    return option.key
        raise unexpected(answer)

    def grade(self, exercise: Exercise, answer: str, solution: Solution, language: str) -> Verdict:
        values = {**exercise.values(solution), "correct_label": self.label(solution.answer, language),
                  "your_label": self.label(answer, language)}
        if answer == solution.answer:
            return Verdict(1.0, (exercise.explanation(language, **values),))
        typical = next((m for m in exercise.mistakes if m.wrong_answer(values) == answer), None)
        return exercise.wrong(language, values, typical, Text(
            "'{your_label}' is not the best choice here.", "'{your_label}' is hier niet de beste keuze."))
