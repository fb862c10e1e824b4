"""Checking a student's answer and showing a question, in English or Dutch.

`check` never raises for anything a student can type: an empty placeholder,
a word where a number is expected, an invalid scenario, an unknown exercise
id or language all come back as `Feedback` with a message that says what
was expected. In a notebook the feedback shows as a green (right), red (not
yet) or grey (no answer yet) box, with a ✔/✘/✎ mark so it reads in greyscale.
"""

from __future__ import annotations

import difflib
import html
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..parameters import CONCEPTS
from . import build_scenario, model_exercises, nps_scotsman
from .base import LANGUAGES, AnswerError, Exercise, Text, format_text, shown

EXERCISES: dict[str, Exercise] = {
    exercise.id: exercise
    for exercise in (*nps_scotsman.EXERCISES, *model_exercises.EXERCISES, build_scenario.BUILD_NPS)
}

# status → (mark, border colour, background); the colours differ in lightness too.
_STYLES = {
    "correct": ("✔", "#1b6e35", "#e3f2e8"),
    "wrong": ("✘", "#a4161a", "#fbe5e4"),
    "pending": ("✎", "#5a5a5a", "#f1f1f1"),
    "question": ("?", "#1f4e8c", "#eaf0f8"),
}

_TITLES = {
    "correct": Text("Correct", "Goed"),
    "wrong": Text("Not yet", "Nog niet goed"),
    "pending": Text("No answer yet", "Nog geen antwoord"),
}


@dataclass(frozen=True, repr=False)
class Card:
    """A titled box of text that notebooks show as HTML and consoles as plain text."""

    status: str  # correct, wrong, pending or question
    title: str
    message: str

    def __str__(self) -> str:
        return f"{_STYLES[self.status][0]} {self.title}\n{self.message}"

    __repr__ = __str__  # a console shows the text a student reads, not the fields

    def _repr_html_(self) -> str:
        mark, colour, background = _STYLES[self.status]
        body = "".join(f'<p style="margin:4px 0">{html.escape(line)}</p>' for line in self.message.splitlines())
        return (f'<div style="border-left:6px solid {colour};background:{background};padding:6px 12px;'
                f'margin:6px 0;color:#111"><b style="color:{colour}">{mark} {html.escape(self.title)}</b>{body}</div>')


@dataclass(frozen=True, repr=False)
class Feedback(Card):
    """The verdict on one answer: right or not, a score from 0 to 1, and what to do next."""

    exercise_id: str = ""
    correct: bool = False
    score: float = 0.0


def _unknown_exercise(exercise_id: Any) -> str:
    close = difflib.get_close_matches(exercise_id, EXERCISES, n=1, cutoff=0.5) if isinstance(exercise_id, str) else []
    hint = f" Did you mean '{close[0]}'?" if close else " See list_exercises()."
    return f"Unknown exercise {shown(exercise_id)}.{hint}"


def _problem(exercise_id: Any, language: Any) -> str | None:
    """What is wrong with the exercise id or the language, if anything (in English: it is the caller's slip).

    Only text is looked up: a list or an array would raise on `in` instead of being refused.
    """
    if not isinstance(language, str) or language not in LANGUAGES:
        return f"Unknown language {shown(language)}: choose 'en' (English) or 'nl' (Nederlands)."
    if not isinstance(exercise_id, str) or exercise_id not in EXERCISES:
        return _unknown_exercise(exercise_id)
    return None


def _feedback(exercise: Exercise, status: str, score: float, lines: tuple[str, ...], language: str) -> Feedback:
    title = f"{_TITLES[status](language)} — {exercise.title(language)}"
    if 0 < score < 1:
        title += format_text(language, " (score {score:.0f}%)", score=100 * score)
    return Feedback(status, title, "\n".join(lines), exercise.id, status == "correct", score)


def check(exercise_id: str, answer: Any, language: str = "en") -> Feedback:
    """Grade `answer` to exercise `exercise_id`; feedback in `language` ("en" or "nl")."""
    problem = _problem(exercise_id, language)
    if problem:
        return Feedback("wrong", "Cannot check", problem, shown(exercise_id))
    exercise = EXERCISES[exercise_id]
    kind = exercise.kind.describe(language)
    if answer is None or answer is Ellipsis:
        waiting = Text("Replace ... with your answer: {kind}.", "Vervang ... door je antwoord: {kind}.")
        return _feedback(exercise, "pending", 0.0, (waiting(language, kind=kind),), language)
    try:
        parsed = exercise.kind.parse(answer)
    except AnswerError as error:
        return _feedback(exercise, "wrong", 0.0, (error.text(language, kind=kind, **error.values),), language)
    verdict = exercise.kind.grade(exercise, parsed, exercise.solution(), language)
    if verdict.score == 1:
        return _feedback(exercise, "correct", 1.0, verdict.lines, language)
    return _feedback(exercise, "wrong", verdict.score, (*verdict.lines, exercise.revisit(language)), language)


def show(exercise_id: str, language: str = "en") -> Card:
    """The question of one exercise, with what form the answer takes."""
    problem = _problem(exercise_id, language)
    if problem:
        return Card("wrong", "Cannot show", problem)
    exercise = EXERCISES[exercise_id]
    lines = [exercise.question(language, **exercise.inputs),
             Text("Answer: {kind}.", "Antwoord: {kind}.")(language, kind=exercise.kind.describe(language))]
    options = getattr(exercise.kind, "options", ())
    if any(option.label(language) != option.key for option in options):
        lines += [f"  • {option.key}: {option.label(language)}" for option in options]
    concept = CONCEPTS[exercise.concept][LANGUAGES.index(language)]
    return Card("question", f"{exercise.title(language)} ({concept})", "\n".join(lines))


def list_exercises(language: str = "en") -> pd.DataFrame:
    """Every exercise: id, title, course concept and the form of the answer."""
    column = LANGUAGES.index(language) if language in LANGUAGES else 0
    rows = [(e.id, e.title(language), CONCEPTS[e.concept][column], e.kind.describe(language))
            for e in EXERCISES.values()]
    return pd.DataFrame(rows, columns=("id", "title", "concept", "answer")).set_index("id")
