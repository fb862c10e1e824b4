"""Personal numbers, feedback that never gives the answer away, worked examples, plain-data answers.

The no-leak test is mechanical: for every exercise and several students, every
message a wrong or close answer can get (typical mistakes, another wrong
answer, a close one, the worked example after three tries) is searched for
the expected value in its rounded forms, with a decimal point and a decimal
comma, and for the right choice's key and labels.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from simulation import Scenario, preset
from simulation.errors import KitError
from simulation.exercises import EXERCISES, RECORD_MIME, SESSION, ChoiceAnswer, NumberAnswer, check, grade, show, start
from simulation.exercises.base import REVISIT, REVISIT_LESSON, AnswerError
from simulation.exercises.checker import WORKED_AFTER
from simulation.exercises.leaks import leaks, literal_numbers, number_forms, numbers_in
from simulation.exercises.personal import derived_seed, inputs_for
from simulation.exercises.plain import plain

STUDENTS = (None, "s1001", "s2002", "s3003")
IDS = list(EXERCISES)


@pytest.fixture(autouse=True)
def practice_mode():
    start()
    yield
    start()


def _templates(exercise) -> list[str]:
    texts = (exercise.question, exercise.title, *exercise.texts(), REVISIT, REVISIT_LESSON)
    return [t for text in texts for t in (text.en, text.nl)]


def _wrong_answers(exercise, inputs, expected) -> list:
    """Every typical mistake, plus a far and (for numbers) a close answer."""
    values = exercise.values(exercise.solution(inputs), inputs)
    answers = [m.wrong_answer(values) for m in exercise.mistakes]
    if isinstance(exercise.kind, NumberAnswer):
        answers += [expected + 2 * exercise.kind.tolerance, expected + 10 * exercise.kind.near_band + 7.3]
    elif isinstance(exercise.kind, ChoiceAnswer):
        answers += [o.key for o in exercise.kind.options]
    else:  # a scenario: one that misses the goals, one that changes the market
        answers += ["baseline", {"satisfaction.nps_offset": 3}]
    return answers


def _right_labels(exercise, expected) -> tuple[str, ...]:
    if isinstance(exercise.kind, ChoiceAnswer):
        return (expected, *(exercise.kind.label(expected, language) for language in ("en", "nl")))
    return ()


@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("student", STUDENTS)
def test_no_hint_contains_the_answer(exercise_id, student):
    exercise = EXERCISES[exercise_id]
    start(student)
    inputs = inputs_for(exercise, SESSION.student)
    expected = exercise.solution(inputs).answer
    seen = 0
    for language in ("en", "nl"):
        allowed = literal_numbers(_templates(exercise)) | numbers_in(exercise.question(language, **inputs))
        for wrong in _wrong_answers(exercise, inputs, expected) * WORKED_AFTER:  # the last round has the example
            feedback = check(exercise_id, wrong, language)
            if feedback.correct:
                continue
            seen += 1
            message = feedback.message
            if isinstance(wrong, str):  # the student's own choice, echoed, may contain the right label as a word
                for label in sorted(_right_labels(exercise, wrong), key=len, reverse=True):
                    message = re.sub(re.escape(label), "", message, flags=re.IGNORECASE)
            assert not leaks(message, expected, _right_labels(exercise, expected), allowed), feedback.message
    assert seen


def test_the_leak_check_finds_rounded_forms_with_point_or_comma():
    assert {"17", "16.7", "16,7", "16.67", "16,67"} <= number_forms(16.667)
    assert {"75000", "75.000", "75,000"} <= number_forms(75_000)
    assert leaks("you are off by 16,7 points", 16.667) and leaks("write +5 instead", 5)
    assert not leaks("promoters answer 9–10", 5) and not leaks("docs § 3.3.4", 4)
    assert leaks("the answer is honest_buffer", "honest_buffer", ["honest_buffer"]) and not leaks("support", "x", ["up"])


@pytest.mark.parametrize("exercise_id", [e.id for e in EXERCISES.values() if e.vary])
def test_students_get_their_own_numbers_and_always_the_same(exercise_id):
    exercise = EXERCISES[exercise_id]
    seen = [inputs_for(exercise, f"s{n}") for n in range(6)]
    assert any(one != seen[0] for one in seen[1:])  # two student numbers get different inputs
    assert inputs_for(exercise, "s0") == seen[0]  # the same student, the same numbers


def test_the_derivation_is_sha256_of_student_exercise_and_course_salt():
    digest = hashlib.sha256("salt\x1fs1\x1fnps-variant".encode()).digest()
    assert derived_seed("s1", "nps-variant", "salt") == int.from_bytes(digest[:8], "big")
    exercise = EXERCISES["nps-survey"]
    assert inputs_for(exercise, "s1", "2026") != inputs_for(exercise, "s1", "2027")


def test_the_checker_uses_the_students_own_numbers():
    exercise = EXERCISES["nps-variant"]
    practice, own = exercise.model_answer(), exercise.model_answer(inputs_for(exercise, "s1001"))
    assert practice != own
    card = start(" S1001 ", language="nl")
    assert "s1001" in card.message and "jouw eigen getallen" in card.message
    assert check("nps-variant", own).correct and not check("nps-variant", practice).correct
    assert "Oefenmodus" not in show("nps-variant").message


def test_practice_mode_says_so():
    assert "Practice mode" in show("nps-variant").message and "Practice mode" in start().message
    assert check("nps-variant", EXERCISES["nps-variant"].model_answer()).correct


@pytest.mark.parametrize("student", [12.5, "", "s 1", "x" * 41, ["s1"], "=cmd()"])
def test_a_bad_student_number_is_feedback(student):
    card = start(student)
    assert card.status in ("wrong", "question") and "Traceback" not in card.message
    if card.status == "wrong":
        assert "student number" in card.message and SESSION.student is None


def test_a_bad_language_or_course_at_start_is_feedback():
    import numpy as np

    for language in ("de", ["nl"], np.array(["en", "nl"]), None):
        assert start("s1", language=language).status == "wrong"
    assert start("s1", course=["x"]).status == "question" and SESSION.course is None


def test_a_worked_example_with_other_numbers_comes_after_three_wrong_tries():
    start("s2002")
    inputs = inputs_for(EXERCISES["complaint-goal"], "s2002")
    messages = [check("complaint-goal", 1000 + n).message for n in range(WORKED_AFTER)]
    assert not any("Worked example" in m for m in messages[:-1]) and "Worked example with other numbers" in messages[-1]
    example = messages[-1].split("Worked example with other numbers:")[1]
    assert f"{inputs['complaints']} complaints came in; {inputs['within']}" not in example
    assert "Uitgewerkt voorbeeld" in check("complaint-goal", 1, "nl").message


def test_a_simulation_question_shows_the_method_not_another_run():
    for _ in range(WORKED_AFTER):
        message = check("lead-nurturing", 10_000).message
    assert "How to get there:" in message and "simulate(base, seed=" in message


# --- answers are plain data: the checker never calls the student's object (issue 13, point 3)

class Forged(Scenario):
    """A scenario that hides its forbidden changes and lies about its values."""

    def changes(self):
        return {}

    def __getitem__(self, key):
        return Scenario()[key]

    def to_dict(self, nested=False):
        return dict(Scenario())


def test_a_scenario_subclass_cannot_hide_forbidden_changes():
    forged = Forged({"satisfaction.nps_offset": 3, "funnel.promise_policy": "honest_buffer"})
    feedback = check("build-nps-scenario", forged)
    assert feedback.score == 0 and "You changed satisfaction.nps_offset" in feedback.message
    assert grade("build-nps-scenario", forged).score == 0


class Booby:
    """Every method raises: plain() must refuse it without calling any."""

    def __getattribute__(self, name):
        raise AssertionError(f"the checker called {name}")


class LyingFloat(float):
    def __float__(self):
        raise AssertionError("called __float__")

    def __repr__(self):
        raise AssertionError("called __repr__")


class LyingDict(dict):
    def items(self):
        raise AssertionError("called items")


def test_plain_copies_stored_values_without_calling_methods():
    assert plain(LyingFloat(5.0)) == 5.0 and type(plain(LyingFloat(5.0))) is float
    assert plain(LyingDict({"a": [1, (2, 3)]})) == {"a": [1, [2, 3]]}
    assert plain(preset("honest_promise"))["funnel.promise_policy"] == preset("honest_promise")["funnel.promise_policy"]
    with pytest.raises(AnswerError):
        plain(Booby())
    assert check("nps-variant", Booby()).message.startswith("Expected ")
    assert check("nps-variant", LyingFloat(EXERCISES["nps-variant"].model_answer())).correct


def test_answer_errors_are_kit_errors():
    assert issubclass(AnswerError, KitError)


def test_check_records_the_plain_answer_for_the_grading_run():
    start("s1001", course="c1")
    bundle = check("build-nps-scenario", preset("baseline").replace({"funnel.sales_method": "spin"}))._repr_mimebundle_()
    record = bundle[RECORD_MIME]
    assert record["kind"] == "answer" and record["student"] == "s1001" and record["course"] == "c1"
    assert record["answer"]["funnel.sales_method"] == "spin" and json.loads(json.dumps(record)) == record
    assert check("nps-variant", float("nan"))._repr_mimebundle_()[RECORD_MIME]["answer"].startswith("<unreadable")
    assert "text/html" in bundle and start("s1")._repr_mimebundle_()[RECORD_MIME]["kind"] == "start"


MISTAKES = {"empty": lambda: "", "blank": lambda: "   ", "typo": lambda: {"funnel.promis_policy": "honest"},
            "word": lambda: {"run.years": "abc"}, "huge": lambda: 10**5000, "booby": Booby,
            "list-booby": lambda: [Booby()], "dict-booby": lambda: {Booby(): 1}}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_every_student_mistake_is_a_feedback_box(mistake):
    answer = MISTAKES[mistake]()  # made here: pytest itself would ask a Booby for its __class__
    for exercise_id in ("nps-variant", "build-nps-scenario", "spin-questions"):
        feedback = check(exercise_id, answer)
        assert feedback.status == "wrong" and "Traceback" not in feedback.message and feedback.message


def test_a_kit_error_raised_in_a_cell_shows_a_box_not_a_traceback(capsys):
    """`answer = preset('baseline').replace({typo: ...})` raises before check() is called: the box comes from
    IPython's handler that start() installs; a bug that is no kit error keeps its traceback."""
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    config = Config()
    config.HistoryManager.hist_file = ":memory:"
    shell = InteractiveShell.instance(config=config)
    try:
        shell.run_cell("from simulation.exercises import start\nstart('s1', language='nl')")
        capsys.readouterr()
        typo = shell.run_cell("from simulation import preset\n"
                              "answer = preset('baseline').replace({'funnel.promis_policy': 'honest'})")
        out = capsys.readouterr()
        shown_text = out.out + out.err
        assert not typo.success and "Gestopt bij een fout" in out.out and "Deze cel stopte bij een fout" in out.out
        assert "Onbekende parameter 'funnel.promis_policy'. Bedoel je 'funnel.promise_policy'?" in out.out  # Dutch too
        assert "Traceback" not in shown_text and "ScenarioError" not in shown_text
        shell.run_cell("1 / 0")
        assert "ZeroDivisionError" in capsys.readouterr().out
    finally:
        shell.set_custom_exc((), None)
        InteractiveShell.clear_instance()


def test_a_handler_someone_else_installed_is_left_alone():
    from simulation.exercises.checker import show_errors_as_boxes

    class Shell:
        custom_exceptions = (ZeroDivisionError,)

        def set_custom_exc(self, exc_tuple, handler):
            raise AssertionError("replaced another handler")

    import IPython

    original = IPython.get_ipython
    IPython.get_ipython = lambda: Shell()
    try:
        assert show_errors_as_boxes() is False
    finally:
        IPython.get_ipython = original
    assert show_errors_as_boxes() is False  # no IPython shell at all (pytest): nothing to install
