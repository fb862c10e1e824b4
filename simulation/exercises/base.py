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
import random
import re
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import KitError
from ..language import LANGUAGES, pick, say
from ..parameters import CONCEPTS


@dataclass(frozen=True)
class Text:
    """A text in English and Dutch; `{name}` fields are filled from the exercise's values."""

    en: str
    nl: str

    def __call__(self, language: str, **values: Any) -> str:
        return say(pick((self.en, self.nl), language), language, **values)


class AnswerError(KitError):
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
    name: Text | None = None  # how the trainer's summary names the mistake (default: the hint's first sentence)

    @property
    def label(self) -> Text:
        """The name in the trainer's summary, in both languages: the hint's first sentence, without the
        student's own numbers (the summary counts one mistake over all students)."""
        return self.name or Text(_summary_label(self.hint.en), _summary_label(self.hint.nl))

    def wrong_answer(self, values: Mapping[str, Any]) -> Any:
        return self.answer(values) if callable(self.answer) else self.answer


@dataclass(frozen=True)
class Verdict:
    """What grading an answer gave: a score from 0 to 1, the lines of feedback and the mistake recognised.

    `close` marks an answer within the wider tolerance (rounding, simulation noise): half marks.
    `mistake` names the typical mistake for the trainer's summary (`Mistake.label`), in both languages.
    """

    score: float
    lines: tuple[str, ...]
    close: bool = False
    mistake: Text | None = None


NOT_CORRECT = Text("Not correct.", "Niet goed.")
OTHER_MISTAKE = Text("another wrong answer", "overig fout antwoord")
CLOSE_MISTAKE = Text("close: rounding or noise", "bijna goed: afronding of toeval")
EXPECTED = Text("Expected {kind}; got {got}.", "Verwacht: {kind}; gekregen: {got}.")
_OF_TYPE = Text("a {type}", "een {type}")
_FIELD_IN_BRACKETS = re.compile(r"\s*\([^()]*\{[^}]*\}[^()]*\)")
_SENTENCE_END = re.compile(r"(?<=[.?!]) ")
SUMMARY_LABEL_LIMIT = 80


def _summary_label(hint: str) -> str:
    """A hint's first sentence (a question keeps its '?') without the bracketed numbers of one student. The
    summary lists three in one cell, so a hint whose first sentence is longer than `SUMMARY_LABEL_LIMIT` has a
    short `name` (a test checks every one)."""
    return _SENTENCE_END.split(_FIELD_IN_BRACKETS.sub("", hint), maxsplit=1)[0].rstrip(".")


def of_type(value: Any) -> Callable[[str], str]:
    """'a set' / 'een set': what a feedback box says it got when the value itself is not to be shown (a repr
    can be huge or the student's own object), as a value that `say` fills in per language."""
    return lambda language: _OF_TYPE(language, type=type(value).__name__)
REVISIT = Text("Concept: {concept}. Revisit docs/model.md § {section} and lesson notebooks/{lesson}.ipynb.",
               "Begrip: {concept}. Lees nog eens docs/model.md § {section} en les notebooks/nl/{lesson}.ipynb.")
REVISIT_LESSON = Text("Concept: {concept}. Revisit lesson notebooks/{lesson}.ipynb.",
                      "Begrip: {concept}. Lees nog eens les notebooks/nl/{lesson}.ipynb.")


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
    docs_section: str  # section of docs/model.md to revisit, e.g. "3.3.4" ("" for a concept the model leaves out)
    lesson: str  # lesson notebook to revisit, e.g. "04_satisfaction_nps_churn"
    inputs: Mapping[str, Any] = field(default_factory=dict)  # practice mode: the numbers everybody shares
    mistakes: tuple[Mistake, ...] = ()
    other_hint: Text | None = None  # for a wrong answer that is not one of the typical mistakes
    vary: Callable[[random.Random], Mapping[str, Any]] | None = None  # a student's own inputs (over `inputs`)
    method: Text | None = None  # the worked example when other numbers cannot be shown (e.g. simulations)
    simulated: bool = False  # the answer comes from simulations: worked examples show the method only

    def solution(self, inputs: Mapping[str, Any] | None = None) -> Solution:
        """The correct answer for these inputs (default: the practice-mode inputs)."""
        return self.solve(self.inputs if inputs is None else inputs)

    def model_answer(self, inputs: Mapping[str, Any] | None = None) -> Any:
        """An answer that gets full marks, computed through the package."""
        return self.solution(inputs).answer

    def values(self, solution: Solution, inputs: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**(self.inputs if inputs is None else inputs), **solution.values}

    def revisit(self, language: str) -> str:
        """The line under a wrong answer: the course concept, and where to read about it."""
        concept = CONCEPTS[self.concept][LANGUAGES.index(language)]  # not the title: it may list the options
        if not self.docs_section:  # a course concept the model does not simulate: the lesson only
            return REVISIT_LESSON(language, concept=concept, lesson=self.lesson)
        return REVISIT(language, concept=concept, section=self.docs_section, lesson=self.lesson)

    def texts(self) -> tuple[Text, ...]:
        """Every feedback text of the exercise that a wrong answer can show (for the no-leak test)."""
        return (*(m.hint for m in self.mistakes), *((self.other_hint,) if self.other_hint else ()),
                *((self.method,) if self.method else ()), *getattr(self.kind, "texts", ()))

    def wrong(self, language: str, values: Mapping[str, Any], typical: Mistake | None, fallback: Text) -> Verdict:
        """Feedback on a wrong answer: the typical mistake's hint, else the exercise's or the kind's."""
        hint = typical.hint if typical else self.other_hint or fallback
        label = typical.label if typical else OTHER_MISTAKE
        return Verdict(0.0, (NOT_CORRECT(language), hint(language, **values)), mistake=label)


_CLOSE = Text(
    "Close: your answer is within {near:,g} {unit} of the right one, but not within the {tolerance:,g} {unit} "
    "that counts as right. Round only at the end, and check the numbers you started from.",
    "Bijna: je antwoord ligt binnen {near:,g} {unit} van het goede, maar niet binnen de {tolerance:,g} {unit} die "
    "als goed telt. Rond pas aan het eind af, en controleer de getallen waarmee je begon.")
_FAR = Text(
    "Your answer is more than {near:,g} {unit} away from the right one.",
    "Je antwoord ligt meer dan {near:,g} {unit} van het goede antwoord af.")

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
    near: float | None = None  # 'close' (half marks) within this distance; default 4 × tolerance

    @property
    def near_band(self) -> float:
        return 4 * self.tolerance if self.near is None else self.near

    @property
    def texts(self) -> tuple[Text, ...]:
        return (_CLOSE, _FAR)

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

    def grade(self, exercise: Exercise, answer: float, solution: Solution, values: Mapping[str, Any],
              language: str) -> Verdict:
        values = {**values, "answer": answer, "tolerance": self.tolerance, "near": self.near_band,
                  "unit": self.unit(language)}
        if self.close(answer, solution.answer):
            return Verdict(1.0, (exercise.explanation(language, **values),))
        typical = next((m for m in exercise.mistakes if self.close(answer, m.wrong_answer(values), m.tolerance)), None)
        if typical is None and self.close(answer, solution.answer, self.near_band):
            return Verdict(0.5, (_CLOSE(language, **values),), close=True, mistake=CLOSE_MISTAKE)
        return exercise.wrong(language, values, typical, _FAR)


@dataclass(frozen=True)
class Option:
    """One choice: the key a student types and its label, and short forms students type for it (in any language:
    'oplossingsgericht' for 'Oplossingsgericht verkopen')."""

    key: str
    label: Text
    aliases: tuple[str, ...] = ()

    def names(self) -> set[str]:
        """Every way of typing this option, normalised: its key, its label in each language and its short forms."""
        return {_normalise(name) for name in (self.key, *(self.label(lang) for lang in LANGUAGES), *self.aliases)}


def _normalise(word: str) -> str:
    return re.sub(r"[\s_\-'\"]+", " ", word.strip().lower()).strip()


@dataclass(frozen=True)
class ChoiceAnswer:
    """One of a few options, given by key, label or short form (case, spaces, '-' and '_' do not matter)."""

    options: tuple[Option, ...]
    _keys: dict[str, str] = field(init=False, repr=False, compare=False)  # every typed name (normalised) → key

    def __post_init__(self) -> None:
        seen: dict[str, str] = {}
        for option in self.options:
            for name in option.names():
                if seen.setdefault(name, option.key) != option.key:  # one typed word must mean one option
                    raise ValueError(f"'{name}' would name both '{seen[name]}' and '{option.key}'")
        object.__setattr__(self, "_keys", seen)

    def describe(self, language: str) -> str:
        keys = ", ".join(f"'{o.key}'" for o in self.options)
        return Text("one of {keys}", "een van {keys}")(language, keys=keys)

    def label(self, key: str, language: str) -> str:
        return next(o.label(language) for o in self.options if o.key == key)

    def parse(self, answer: Any) -> str:
        if isinstance(answer, str) and _normalise(answer) in self._keys:
            return self._keys[_normalise(answer)]
        raise unexpected(answer)

    @property
    def texts(self) -> tuple[Text, ...]:
        return (_NOT_BEST,)

    def grade(self, exercise: Exercise, answer: str, solution: Solution, values: Mapping[str, Any],
              language: str) -> Verdict:
        """Right or not; the feedback on a wrong choice never names the right one (only the explanation does)."""
        values = {**values, "correct_label": self.label(solution.answer, language),
                  "your_label": self.label(answer, language)}
        if answer == solution.answer:
            return Verdict(1.0, (exercise.explanation(language, **values),))
        typical = next((m for m in exercise.mistakes if m.wrong_answer(values) == answer), None)
        hint_values = {k: v for k, v in values.items() if k != "correct_label"}
        return exercise.wrong(language, hint_values, typical, _NOT_BEST)


_NOT_BEST = Text("'{your_label}' is not the best choice here.", "'{your_label}' is hier niet de beste keuze.")
