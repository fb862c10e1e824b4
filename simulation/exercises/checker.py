"""Checking a student's answer and showing a question, in English or Dutch, with the student's own numbers.

    start("s1234567", language="nl")      # once, at the top of a notebook: your own numbers from now on
    show("nps-variant")                    # the question, with your numbers
    check("nps-variant", answer)           # green ✔ / amber ≈ (close) / red ✘ / grey ✎ (no answer yet)

`check` never raises for anything a student can type: an empty placeholder,
a word where a number is expected, an invalid scenario, an unknown exercise
id or language all come back as `Feedback`. The answer is first copied to
plain data (`plain.plain`), so the checker never calls a method of the
student's object. Each feedback also carries an answer record (plain JSON)
in the notebook's output: the trainer's grading run reads those records and
checks them again in its own process (`simulation.grading`).
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .. import __version__
from ..errors import KitError, did_you_mean, printable
from ..language import get_language, kit_error, resolve, say
from ..parameters import CONCEPTS
from .base import LANGUAGES, AnswerError, Exercise, Text, clipped, shown
from .catalogue import EXERCISES
from .personal import inputs_for, normalise_student
from .plain import plain
from .worked import worked_example

RECORD_MIME = "application/vnd.b2b-sales-kit.record+json"
WORKED_AFTER = 3  # wrong tries before a worked example with other numbers is offered

# status → (mark, border colour, background); the colours differ in lightness too.
_STYLES = {
    "correct": ("✔", "#1b6e35", "#e3f2e8"),
    "close": ("≈", "#8a5a00", "#fdf1d8"),
    "wrong": ("✘", "#a4161a", "#fbe5e4"),
    "pending": ("✎", "#5a5a5a", "#f1f1f1"),
    "question": ("?", "#1f4e8c", "#eaf0f8"),
}

_TITLES = {
    "correct": Text("Correct", "Goed"),
    "close": Text("Close", "Bijna"),
    "wrong": Text("Not yet", "Nog niet goed"),
    "pending": Text("No answer yet", "Nog geen antwoord"),
}

PRACTICE = Text(
    "Practice mode: everybody gets these numbers. For your own numbers (and for graded work), run "
    "start('your student number') at the top of the notebook.",
    "Oefenmodus: iedereen krijgt deze getallen. Voor je eigen getallen (en voor werk dat beoordeeld wordt) draai je "
    "bovenin het notebook start('je studentnummer').")
PERSONAL = Text("Student {student}: these numbers are your own.", "Student {student}: dit zijn jouw eigen getallen.")


@dataclass(frozen=True, repr=False)
class Card:
    """A titled box of text that notebooks show as HTML and consoles as plain text.

    `record` (plain JSON) travels in the notebook's output for the grading run; it is not shown.
    """

    status: str  # correct, close, wrong, pending or question
    title: str
    message: str
    record: Mapping[str, Any] | None = field(default=None, compare=False, kw_only=True)

    def __str__(self) -> str:
        return f"{_STYLES[self.status][0]} {self.title}\n{self.message}"

    __repr__ = __str__  # a console shows the text a student reads, not the fields

    def _repr_html_(self) -> str:
        mark, colour, background = _STYLES[self.status]
        body = "".join(f'<p style="margin:4px 0">{html.escape(line)}</p>' for line in self.message.splitlines())
        return (f'<div style="border-left:6px solid {colour};background:{background};padding:6px 12px;'
                f'margin:6px 0;color:#111"><b style="color:{colour}">{mark} {html.escape(self.title)}</b>{body}</div>')

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = {"text/plain": str(self), "text/html": self._repr_html_()}
        if self.record is not None:
            bundle[RECORD_MIME] = dict(self.record)
        return bundle


@dataclass(frozen=True, repr=False)
class Feedback(Card):
    """The verdict on one answer: right or not, a score from 0 to 1, and what to do next."""

    exercise_id: str = ""
    correct: bool = False
    score: float = 0.0
    mistake: Text | None = None  # the typical mistake recognised (`Mistake.label`), for the trainer's summary


@dataclass
class Session:
    """What `start` set for this notebook: who the student is, the language, the course salt; tries so far."""

    student: str | None = None
    name: str | None = None
    language: str = "en"
    course: str | None = None
    tries: Counter = field(default_factory=Counter)


SESSION = Session()


_CANNOT_CHECK = Text("Cannot check", "Kan niet nakijken")
_CANNOT_SHOW = Text("Cannot show", "Kan niet tonen")
_CANNOT_START = Text("Cannot start", "Kan niet beginnen")
# How the trainer's summary names an answer that was no typical mistake (`Feedback.mistake`).
_UNKNOWN = Text("unknown exercise", "onbekende opgave")
_NO_ANSWER = Text("no answer", "geen antwoord")
MALFORMED = Text("malformed answer", "antwoord in verkeerde vorm")
_UNKNOWN_EXERCISE = Text("Unknown exercise {exercise}.{hint}", "Onbekende opgave {exercise}.{hint}")
_SEE_THE_LIST = Text(" See list_exercises().", " Zie list_exercises().")


def _speaks(language: Any) -> bool:
    """Whether the kit speaks `language` (a student may pass anything, a list or an array included)."""
    return isinstance(language, str) and language in LANGUAGES


def _spoken(language: Any) -> str:
    """`language` when the kit speaks it, else English: the box that says the language is unknown."""
    return language if _speaks(language) else "en"


def _problem(exercise_id: Any, language: Any) -> str | None:
    """What is wrong with the language (in English: no other is known) or else the exercise id (in the
    student's language), if anything."""
    if not _speaks(language):
        return f"Unknown language {shown(plain_or_type(language))}: choose 'en' (English) or 'nl' (Nederlands)."
    if not isinstance(exercise_id, str) or exercise_id not in EXERCISES:
        hint = did_you_mean(exercise_id, EXERCISES, cutoff=0.5, language=language) or _SEE_THE_LIST(language)
        return _UNKNOWN_EXERCISE(language, exercise=shown(plain_or_type(exercise_id)), hint=hint)
    return None


def plain_or_type(value: Any) -> Any:
    """`value` as plain data to quote back, or its type name when it is no plain data."""
    try:
        return plain(value)
    except AnswerError:
        return f"<{type(value).__name__}>"


def _feedback(exercise: Exercise, status: str, score: float, lines: tuple[str, ...], language: str,
              mistake: Text | None = None) -> Feedback:
    title = f"{_TITLES[status](language)} — {exercise.title(language)}"
    if 0 < score < 1:
        title += say(" (score {score:.0%})", language, score=score)
    return Feedback(status, title, "\n".join(lines), exercise_id=exercise.id, correct=status == "correct",
                    score=score, mistake=mistake)


def grade(exercise_id: str, answer: Any, *, student: Any = None, course: str | None = None,
          language: str = "en") -> Feedback:
    """Grade `answer` for this student (None: practice numbers); no session, no tries, no record.

    This is what the grading run calls with the plain answer read from a notebook.
    """
    problem = _problem(exercise_id, language)
    if problem:
        return Feedback("wrong", _CANNOT_CHECK(_spoken(language)), problem, exercise_id=shown(plain_or_type(exercise_id)),
                        mistake=_UNKNOWN)
    exercise = EXERCISES[exercise_id]
    kind = exercise.kind.describe(language)
    try:
        student = normalise_student(student)
        answer = plain(answer)
        if answer is None or answer is Ellipsis:
            waiting = Text("Replace ... with your answer: {kind}.", "Vervang ... door je antwoord: {kind}.")
            return _feedback(exercise, "pending", 0.0, (waiting(language, kind=kind),), language, _NO_ANSWER)
        parsed = exercise.kind.parse(answer)
        inputs = inputs_for(exercise, student, course)
        solution = exercise.solution(inputs)
        verdict = exercise.kind.grade(exercise, parsed, solution, exercise.values(solution, inputs), language)
    except AnswerError as error:
        return _feedback(exercise, "wrong", 0.0, (error.text(language, kind=kind, **error.values),), language,
                         MALFORMED)
    if verdict.score == 1:
        return _feedback(exercise, "correct", 1.0, verdict.lines, language)
    status = "close" if verdict.close else "wrong"
    return _feedback(exercise, status, verdict.score, (*verdict.lines, exercise.revisit(language)), language,
                     verdict.mistake)


def _record(kind: str, **fields: Any) -> dict[str, Any]:
    """A record for the grading run; an answer that JSON cannot carry is recorded by its type."""
    record = {"kind": kind, "kit": __version__, **fields}
    try:
        json.dumps(record, allow_nan=False)
    except (TypeError, ValueError):
        record["answer"] = f"<unreadable {type(fields.get('answer')).__name__}>"
    return record


def check(exercise_id: str, answer: Any, language: str | None = None) -> Feedback:
    """Grade `answer` with the numbers of the student set by `start`; feedback in `language` (default: start's).

    After `WORKED_AFTER` wrong tries the feedback adds a worked example with other numbers.
    """
    language = SESSION.language if language is None else language
    feedback = grade(exercise_id, answer, student=SESSION.student, course=SESSION.course, language=language)
    if feedback.exercise_id not in EXERCISES:
        return feedback
    exercise, message = EXERCISES[exercise_id], feedback.message
    if feedback.status in ("wrong", "close") and feedback.mistake != MALFORMED:
        SESSION.tries[exercise_id] += 1
        if SESSION.tries[exercise_id] >= WORKED_AFTER:
            inputs = inputs_for(exercise, SESSION.student, SESSION.course)
            example = worked_example(exercise, inputs, language)
            message += f"\n{example}" if example else ""
    if feedback.status == "pending":  # nothing to record yet (and the placeholder's output stays the same)
        return feedback
    record = _record("answer", exercise=exercise_id, answer=plain_or_type(answer), student=SESSION.student,
                     course=SESSION.course, language=language)
    return Feedback(feedback.status, feedback.title, message, record=record, exercise_id=feedback.exercise_id,
                    correct=feedback.correct, score=feedback.score, mistake=feedback.mistake)


CELL_ERROR = Text("This cell stopped at a mistake, so nothing was checked. Correct it and run the cell again:",
                  "Deze cel stopte bij een fout, dus er is niets nagekeken. Verbeter hem en draai de cel opnieuw:")
LESSON_CELL_ERROR = Text("This cell stopped at a mistake. Correct it and run the cell again:",
                         "Deze cel stopte bij een fout. Verbeter hem en draai de cel opnieuw:")
CELL_STOPPED = Text("Stopped at a mistake", "Gestopt bij een fout")


def _told(error: KitError, language: str) -> str:
    """The mistake's message in `language`, shortened and safe to show."""
    return clipped(printable(error.in_language(language)))


def cell_error_box(error: KitError, language: str | None = None) -> Card:
    """The red box for a kit error raised in an exercise notebook's cell (e.g. a typo in `.replace({...})`),
    instead of a traceback, in the language `start` set."""
    language = SESSION.language if language is None else language
    return Card("wrong", CELL_STOPPED(language), f"{CELL_ERROR(language)}\n{_told(error, language)}",
                record=_record("cell_error", error=type(error).__name__))  # the grader counts the cell as raised


def lesson_error_box(error: KitError, language: str | None = None) -> Card:
    """The red box for a kit error raised in a lesson's cell, in the lesson's language (`set_language`).
    Nothing in a lesson is graded, so it carries no record."""
    language = get_language() if language is None else language
    return Card("wrong", CELL_STOPPED(language), f"{LESSON_CELL_ERROR(language)}\n{_told(error, language)}")


def _raised_by_the_cell(shell: Any, tb: Any) -> bool:
    """Whether the innermost frame of `tb` runs in the notebook's own namespace: the student's cell (or a function
    defined in one), not the kit or a library, where a NameError is a bug."""
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame.f_globals is shell.user_ns


def unknown_name(error: NameError) -> KitError:
    """A NameError of the student's own cell, told as the kit tells a mistake (in both languages)."""
    return kit_error(KitError, "error.unknown_name", name=error.name)


def show_errors_as_boxes(box: Callable[[KitError], Card] = cell_error_box) -> bool:
    """In a notebook, show a KitError raised in any cell (an answer built with a typo never reaches `check`)
    as `box` (an exercise notebook's by default, `lesson_error_box` in a lesson) instead of a traceback, and
    so a NameError raised by the cell itself: a student's typo ('answer = tien', text without quotes, or a
    cell above not run yet). A bug keeps its traceback. Leaves a handler that someone else installed alone."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # no IPython: a plain Python session shows Python's own message
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    installed = getattr(shell, "custom_exceptions", ())
    if installed and installed != _SHOWN_AS_BOXES:
        return False

    def show(shell: Any, etype: Any, value: KitError | NameError, tb: Any, tb_offset: Any = None) -> None:
        if isinstance(value, KitError):
            display(box(value))  # IPython still marks the cell as failed
        elif type(value) is NameError and value.name and _raised_by_the_cell(shell, tb):  # not UnboundLocalError
            display(box(unknown_name(value)))
        else:
            shell.showtraceback((etype, value, tb), tb_offset=tb_offset)

    shell.set_custom_exc(_SHOWN_AS_BOXES, show)
    return True


_SHOWN_AS_BOXES = (KitError, NameError)


def start(student: Any = None, *, name: str | None = None, language: str = "en", course: str | None = None) -> Card:
    """Set the student number (and language, course salt) for every exercise in this notebook.

    In a notebook it also turns a kit error raised in any later cell into a feedback box (`show_errors_as_boxes`).
    """
    show_errors_as_boxes()
    if not _speaks(language):
        return Card("wrong", _CANNOT_START("en"), _problem("nps-survey", language) or "")
    try:
        number = normalise_student(student)
    except AnswerError as error:
        return Card("wrong", _CANNOT_START(language), error.text(language, **error.values))
    clean_name = plain_or_type(name) if isinstance(name, str) else None
    SESSION.student, SESSION.name, SESSION.language = number, clean_name, language
    SESSION.course = course if isinstance(course, str) and course.strip() else None
    SESSION.tries.clear()
    text = PERSONAL(language, student=number) if number else PRACTICE(language)
    title = Text("Exercises ready", "Opgaven klaar")(language)
    typed = str(student).strip() if number else None  # as typed, for the LMS files ('S123' stays 'S123')
    return Card("question", title, text, record=_record("start", student=number, typed=typed, name=clean_name,
                                                        language=language, course=SESSION.course))


def show(exercise_id: str, language: str | None = None) -> Card:
    """The question of one exercise, with the student's own numbers and the form the answer takes."""
    language = SESSION.language if language is None else language
    problem = _problem(exercise_id, language)
    if problem:
        return Card("wrong", _CANNOT_SHOW(_spoken(language)), problem)
    exercise = EXERCISES[exercise_id]
    inputs = inputs_for(exercise, SESSION.student, SESSION.course)
    lines = [exercise.question(language, **inputs),
             Text("Answer: {kind}.", "Antwoord: {kind}.")(language, kind=exercise.kind.describe(language))]
    options = getattr(exercise.kind, "options", ())
    if any(option.label(language) != option.key for option in options):
        lines += [f"  • {option.key}: {option.label(language)}" for option in options]
    if SESSION.student is None and exercise.vary is not None:
        lines.append(PRACTICE(language))
    concept = CONCEPTS[exercise.concept][LANGUAGES.index(language)]
    return Card("question", f"{exercise.title(language)} ({concept})", "\n".join(lines))


#: The columns of `list_exercises`, headed in the language of the list.
_COLUMNS = (Text("title", "titel"), Text("concept", "begrip"), Text("lesson", "les"), Text("answer", "antwoord"))


def list_exercises(language: str | None = None, lesson: str | None = None) -> pd.DataFrame:
    """Every exercise: id, title, course concept, lesson and the form of the answer (in `language`, by
    default the kit's current language, so a Dutch lesson lists them in Dutch, headers included).

    `lesson` ('09' or '09_course_concepts') keeps one lesson's exercises: a lesson lists its own without
    filtering on a column whose name depends on the language."""
    language = resolve(language)
    chosen = [e for e in EXERCISES.values() if lesson is None or lesson in (e.lesson, e.lesson.split("_")[0])]
    if not chosen:
        lessons = sorted({e.lesson for e in EXERCISES.values()})
        raise kit_error(KitError, "error.lesson_without_exercises", example=lessons[-1],
                        got=shown(plain_or_type(lesson)), lessons=", ".join(lessons))
    column = LANGUAGES.index(language)
    rows = [(e.id, e.title(language), CONCEPTS[e.concept][column], e.lesson, e.kind.describe(language))
            for e in chosen]
    return pd.DataFrame(rows, columns=("id", *(header(language) for header in _COLUMNS))).set_index("id")
