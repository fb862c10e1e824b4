"""Dutch exercises speak Dutch: the course's terms and the kit's number style in every box a student reads.

A Dutch student sets `LANGUAGE = "nl"` in an exercise notebook; from then on the question, the feedback
(right, each typical mistake, a malformed answer), the worked example and the list of exercises are Dutch:
'passief tevredenen', not 'passives'; '25 %' and '1.600 uur', as the lessons and panels write them.
Code a box quotes (`simulate(...)`, 'market.lead_nurturing') and the example of what to type after
`answer =` are Python, so they stay as they are.
"""

from __future__ import annotations

import re

import pytest
from test_dutch_help import dutch_english_words, prose
from test_dutch_lessons import ENGLISH_NUMBER_STYLE  # '25%', '1,600', '0.45', '-3'
from test_exercises import asked_exercises

from simulation.errors import KitError
from simulation.exercises import EXERCISES, ChoiceAnswer, check, grade, list_exercises, show, start
from simulation.exercises.base import AnswerError
from simulation.exercises.personal import inputs_for
from simulation.exercises.worked import worked_example
from simulation.lessons import dutch_path, english_exercises


def dutch_boxes(exercise_id: str, student: str | None):
    """(what, title and text) of every box a Dutch student can see for this exercise."""
    exercise = EXERCISES[exercise_id]
    inputs = inputs_for(exercise, student)
    solution = exercise.solution(inputs)
    values = exercise.values(solution, inputs)
    start(student, language="nl")
    try:
        boxes = {"question": show(exercise_id),
                 "right answer": grade(exercise_id, solution.answer, student=student, language="nl"),
                 "malformed answer": grade(exercise_id, "vijf", student=student, language="nl")}
        for index, mistake in enumerate(exercise.mistakes):
            boxes[f"mistake {index}"] = grade(exercise_id, mistake.wrong_answer(values), student=student,
                                              language="nl")
        for what, box in boxes.items():
            yield what, f"{box.title}\n{box.message}"
            if getattr(box, "mistake", None):  # how the trainer's summary names it (a question has none)
                yield f"{what}, in the trainer's summary", box.mistake.nl
        yield "worked example", worked_example(exercise, inputs, "nl") or ""
    finally:
        start()


@pytest.mark.parametrize("student", [None, "s1001"], ids=["practice", "student"])
@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_every_dutch_box_is_dutch_in_words_and_number_style(exercise_id, student):
    for what, text in dutch_boxes(exercise_id, student):
        shown = prose(text)
        assert not dutch_english_words(shown), f"{exercise_id}, {what}: {dutch_english_words(shown)} in {text!r}"
        assert not ENGLISH_NUMBER_STYLE.search(shown), f"{exercise_id}, {what}: English number style in {text!r}"


def test_the_dutch_check_can_fail():
    assert dutch_english_words(prose("55 % passives (7–8)")) >= {"passives"}
    for english in ("25% van de klanten", "1,600 uur", "0.45 per maand", "verandert -8 %"):
        assert ENGLISH_NUMBER_STYLE.search(prose(english)), english
    for dutch in ("25 % van de klanten", "1.600 uur", "0,45 per maand", "−8,5 %", "§ 3.5", "bijv. -8.5",
                  "seed=12", "base.replace({'market.competitor_intensity': 2.0})", "Sales 1.0, 2.0 of 3.0?"):
        assert not ENGLISH_NUMBER_STYLE.search(prose(dutch)), dutch


def test_a_code_snippet_in_a_dutch_box_stays_python():
    """The method of a simulated exercise quotes code to run: 2.0 there is Python, not the Dutch '2,0'."""
    start(language="nl")
    try:
        method = worked_example(EXERCISES["stress-test-revenue"], inputs_for(EXERCISES["stress-test-revenue"], None),
                                "nl")
    finally:
        start()
    assert "{'market.competitor_intensity': 2.0}" in method


def test_the_list_of_exercises_has_dutch_headers_and_a_lesson_filter():
    dutch, english = list_exercises("nl"), list_exercises("en")
    assert list(dutch.columns) == ["titel", "begrip", "les", "antwoord"]
    assert list(english.columns) == ["title", "concept", "lesson", "answer"]
    lesson = list_exercises("en", lesson="09")
    assert list(lesson.index) == list(english.index[english["lesson"] == "09_course_concepts"])
    assert list(list_exercises("nl", lesson="09_course_concepts").index) == list(lesson.index)
    with pytest.raises(KitError, match=r"'lesson' argument .* Got '10'; lessons with exercises: 01_"):
        list_exercises(lesson="10")


def test_a_mistyped_exercise_is_told_in_the_students_language():
    start(language="nl")
    try:
        checked, shown = check("nps-survay", 20), show("xyz")
    finally:
        start()
    assert (checked.title, checked.message) == ("Kan niet nakijken", "Onbekende opgave 'nps-survay'. Bedoel je "
                                                                      "'nps-survey'?")
    assert (shown.title, shown.message) == ("Kan niet tonen", "Onbekende opgave 'xyz'. Zie list_exercises().")
    assert check("nps-survay", 20).message == "Unknown exercise 'nps-survay'. Did you mean 'nps-survey'?"


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_a_wrong_answer_sends_the_student_to_the_lesson_in_their_language(exercise_id):
    """The Dutch box named the English lesson (notebooks/04_….ipynb) though every lesson is in notebooks/nl/ too."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for language, folder in (("en", "notebooks"), ("nl", "notebooks/nl")):
        named = re.findall(r"notebooks/[\w/]+\.ipynb", EXERCISES[exercise_id].revisit(language))
        assert len(named) == 1 and Path(named[0]).parent == Path(folder), named
        assert (root / named[0]).is_file(), named


def _typed_as(kind, typed: str) -> str | None:
    """The option key a student's typed choice is read as, or None when the kit refuses it."""
    try:
        return kind.parse(typed)
    except AnswerError:
        return None


def _markdown(notebook) -> str:
    """The text of a notebook's markdown cells."""
    import nbformat

    return "\n".join(cell.source for cell in nbformat.read(notebook, as_version=4).cells if cell.cell_type == "markdown")


@pytest.mark.parametrize("notebook", english_exercises(), ids=lambda path: path.stem)
def test_the_dutch_notebook_says_how_to_type_a_choice_where_it_asks_one_and_its_example_is_accepted(notebook):
    """The hint that a choice may be typed in Dutch sat in set 01, which asks no choice, and was missing from
    04–05, which ask eleven; each example it gives ('"loyale klant"' or '"loyal"') must be read as the same option
    by a choice question of that notebook, or the hint teaches a typo."""
    kinds = [EXERCISES[id].kind for id in asked_exercises(notebook)]
    choices = [kind for kind in kinds if isinstance(kind, ChoiceAnswer)]
    assert kinds, notebook  # the pattern finds the notebook's exercises
    dutch = _markdown(dutch_path(notebook))
    hints = re.findall(r"^(?:Keuzes mag je|Een keuze typ je)\b.*$", dutch, flags=re.MULTILINE)
    assert len(hints) == (1 if choices else 0), hints
    for hint in hints:
        examples = re.findall(r'`"([^"`]+)"`', hint)
        assert len(examples) >= 2, hint
        read_as = [{_typed_as(kind, typed) for typed in examples} for kind in choices]
        assert any(len(keys) == 1 and None not in keys for keys in read_as), (hint, read_as)


@pytest.mark.parametrize("notebook", english_exercises(), ids=lambda path: path.stem)
def test_the_english_notebook_says_a_choice_may_be_typed_in_dutch_only_where_one_can(notebook):
    """The English sets 01 and 03 said, in their Dutch aside, that a choice may be typed in Dutch ('"omhoog"'),
    although 01 asks no choice and no option of 03 has a Dutch name; 04 and 05, whose options have Dutch names,
    did not say it. The aside stands where a choice question has an option with a Dutch name, and its example is
    such a name: read as one option, and neither that option's key nor its English label."""
    choices = [EXERCISES[id].kind for id in asked_exercises(notebook)
               if isinstance(EXERCISES[id].kind, ChoiceAnswer)]
    dutch_named = [kind for kind in choices
                   if any(option.label("nl").lower() != option.label("en").lower() for option in kind.options)]
    asides = re.findall(r"Keuzes mag je ook in het Nederlands typen(?: \(([^)]*)\))?", _markdown(notebook))
    assert len(asides) == (1 if dutch_named else 0), asides
    options = {option.key: option for kind in dutch_named for option in kind.options}
    for aside in asides:
        examples = re.findall(r'`"([^"`]+)"`', aside)
        assert examples, aside
        for typed in examples:
            read_as = {_typed_as(kind, typed) for kind in dutch_named} - {None}
            assert len(read_as) == 1, (typed, read_as)
            option = options[read_as.pop()]
            assert typed.lower() not in (option.key, option.label("en").lower()), typed


def test_a_sales_approach_may_be_typed_by_its_short_dutch_or_english_name():
    """A Dutch student types 'oplossingsgericht', not 'Oplossingsgericht verkopen' or the key 'solution'; before,
    that got 'expected one of …'. Every approach's name without '(Sales 1.0)' or 'verkopen' / 'selling' counts."""
    from simulation.exercises.checker import MALFORMED

    kind = EXERCISES["sales-approaches"].kind
    typed = {"transactional": ("transactioneel", "Transactional"), "solution": ("oplossingsgericht", "solution"),
             "strategic": ("strategisch", "Strategic"), "customer_centric": ("klantgericht", "customer centric"),
             "challenger": ("Challenger",), "theory_of_constraints": ("theory of constraints",)}
    assert typed.keys() == {option.key for option in kind.options}
    for key, names in typed.items():
        assert [kind.parse(name) for name in names] == [key] * len(names), names
    feedback = check("sales-approaches", "oplossingsgericht", "nl")
    assert feedback.mistake != MALFORMED and "een van" not in feedback.message  # graded, not refused
    assert check("sales-approaches", "oplosingsgericht", "nl").mistake == MALFORMED  # a typo still is


def test_a_trend_may_be_typed_by_its_to_side_as_set_05_says():
    kind = EXERCISES["crm-trends"].kind
    for option in kind.options:
        for language in ("en", "nl"):
            assert kind.parse(option.label(language).split(" → ")[1]) == option.key, option.label(language)
    with pytest.raises(AnswerError):
        kind.parse("leverancier")  # 'één leverancier' is the from side of another trend: no guess


def test_one_typed_name_may_not_mean_two_options():
    from simulation.exercises.base import Option, Text

    with pytest.raises(ValueError, match="'sales' would name both"):
        ChoiceAnswer((Option("one", Text("Sales 1.0", "Sales 1.0"), ("sales",)),
                      Option("two", Text("Sales 2.0", "Sales 2.0"), ("Sales",))))
    with pytest.raises(ValueError, match="'sales 2.0' would name both"):  # an alias that is another's label
        ChoiceAnswer((Option("one", Text("Sales 1.0", "Sales 1.0"), ("Sales 2.0",)),
                      Option("two", Text("Sales 2.0", "Sales 2.0"))))
    with pytest.raises(ValueError, match="'two' would name both"):  # an alias that is another's key
        ChoiceAnswer((Option("one", Text("Sales 1.0", "Sales 1.0"), ("two",)),
                      Option("two", Text("Sales 2.0", "Sales 2.0"))))
