"""The Dutch lessons and exercises come from one source: the English notebook's code and its Dutch text
(simulation/lessons.py).

They must be up to date with both (rebuild with `python .ci/build_dutch_lessons.py`), run the very same
code (a cell that prints sentences of its own may have them in Dutch, nothing else), quote the same numbers
as the English text and output, be Dutch, and link to files that exist. nbval runs them top to bottom like
every lesson.
"""

from __future__ import annotations

import re
from collections import Counter

import nbformat
import pytest
from test_dutch_help import dutch_english_words, dutch_numbers, english_numbers, prose

from simulation.errors import KitError
from simulation.language import MINUS
from simulation.lessons import (LANGUAGE_TAG, _deeper, code_shape, dutch_lesson, dutch_path, english_exercises,
                                english_lessons, english_notebooks, is_exercise_notebook, read_code, read_text,
                                same_exercise_code, text_path, without_language_cell)

LESSONS = english_notebooks()  # the lessons and the exercises
EXERCISES = english_exercises()
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
DUTCH_WORDS = {"de", "het", "een", "en", "van", "is", "je", "niet", "met", "dat", "die", "voor", "op", "wat", "zijn"}
LINK = re.compile(r"\]\((?!https?:|#|mailto:)([^)#\s]+)")


def _pairs(lesson):
    english = nbformat.read(lesson, as_version=4)
    dutch = nbformat.read(dutch_path(lesson), as_version=4)
    return english, dutch


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_dutch_lesson_runs_the_english_code(lesson):
    english, dutch = _pairs(lesson)
    code = read_code(text_path(lesson))
    kept = without_language_cell(dutch)
    assert [(c.cell_type, c.id, c.metadata.get("tags", [])) for c in kept] == \
        [(c.cell_type, c.id, c.metadata.get("tags", [])) for c in english.cells]
    for shown, source in zip(kept, english.cells):
        if shown.cell_type == "code":
            assert shown.source == code.get(source.id, source.source), "rebuild with: python .ci/build_dutch_lessons.py"
            assert code_shape(shown.source) == code_shape(source.source)
    switches = [c for c in dutch.cells if LANGUAGE_TAG in c.metadata.get("tags", [])]
    if is_exercise_notebook(lesson):  # its own setup cell says LANGUAGE = "nl" (test below)
        assert not switches
    else:
        assert len(switches) == 1 and 'set_language("nl")' in switches[0].source


def test_dutch_code_may_differ_in_its_texts_only():
    english = 'for grade in (6, 7):\n    print(f"grade {grade}: {local(0.5 * grade):.0%}")  # a comment'
    dutch = 'for grade in (6, 7):\n    print(f"cijfer {grade}: {local(0.5 * grade):.1%}")  # een opmerking'
    assert code_shape(dutch) == code_shape(english)
    for changed in ('for grade in (6, 8):\n    print(f"cijfer {grade}: {local(0.5 * grade):.0%}")',
                    'for grade in (6, 7):\n    print(f"cijfer {grade}: {local(0.6 * grade):.0%}")',
                    'for grade in (6, 7):\n    print(f"cijfer {grade}: {local(0.5 / grade):.0%}")'):
        assert code_shape(changed) != code_shape(english)
    lesson = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title", id="m1"),
                                             nbformat.v4.new_code_cell(english, id="c1")])
    built = dutch_lesson(lesson, {"m1": "# Titel"}, "99_test.ipynb", {"c1": dutch})
    assert [cell.source for cell in built.cells if cell.cell_type == "code"][1] == dutch
    with pytest.raises(KitError, match=r"99_test.ipynb, cells c1, differs from the English code"):
        dutch_lesson(lesson, {"m1": "# Titel"}, "99_test.ipynb", {"c1": dutch.replace("0.5", "0.6")})
    with pytest.raises(KitError, match=r"99_test.ipynb, cell c1, is not Python: .* \(line 2\)"):
        dutch_lesson(lesson, {"m1": "# Titel"}, "99_test.ipynb", {"c1": dutch.replace("print(", "print((")})
    with pytest.raises(KitError, match=r"Dutch code for code cells that are gone \['c2'\]"):
        dutch_lesson(lesson, {"m1": "# Titel"}, "99_test.ipynb", {"c2": dutch})


ENGLISH_NUMBER_STYLE = re.compile(r"\d%|\d\.\d{1,2}(?!\d)|\d,\d{3}(?!\d)|(?<![\w-])-\d")  # 12.5%, 1,234, -3


def _output(cell, kind: str) -> str:
    """What a code cell printed ('stream') or showed as its value ('execute_result', as plain text)."""
    return "".join(output.get("text", "") if kind == "stream" else output.get("data", {}).get("text/plain", "")
                   for output in cell.get("outputs", []) if output.output_type == kind)


def _compared(lesson):
    """(cell id, kind, English output, Dutch output) of every code cell whose output the two lessons share.

    Left out: a cell that switches the language on purpose (lesson 00 shows a Dutch table in the English lesson,
    so both its outputs are Dutch), and a value shown by a cell whose output nbval does not check."""
    english, dutch = _pairs(lesson)
    for source, shown in zip(english.cells, without_language_cell(dutch)):
        if source.cell_type != "code" or "set_language(" in source.source:
            continue
        checked = "nbval-check-output" in source.metadata.get("tags", [])
        for kind in ("stream", "execute_result") if checked else ("stream",):
            if _output(source, kind).strip():
                yield source.id, kind, _output(source, kind), _output(shown, kind)


#: What an English exercise box writes as Python where the Dutch box has 'bijv.' and 'of' (prose() removes those).
ENGLISH_PYTHON = re.compile(r"e\.g\. \S+|\b[Ss]ales \d\.\d(?:(?:,| or) \d\.\d)*")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_what_the_dutch_lesson_prints_is_dutch_with_the_same_numbers(lesson):
    """A lesson's own sentences and tables (hand-worked examples, the paths' story) in Dutch words and number
    style, with the numbers of the English lesson (signs and format specs included: the Dutch code may only
    change texts, and this is where a changed name or format would show). An exercise notebook shows boxes
    (questions, 'no answer yet'): Dutch words too, where a box may quote Python (the example of what to type,
    'bijv. -8.5') and course names ('Sales 1.0'), as test_dutch_exercises allows."""
    for cell_id, kind, english, dutch in _compared(lesson):
        if is_exercise_notebook(lesson):
            english, dutch = prose(ENGLISH_PYTHON.sub(" ", english)), prose(dutch)
        where = f"{lesson.name}, cell {cell_id} ({kind})"
        assert dutch.strip(), f"{where}: the English lesson shows output here, the Dutch one nothing"
        if kind == "stream" or is_exercise_notebook(lesson):
            words = re.sub(r"\b[AB]\b", " ", dutch)  # the sides A and B are no English 'a'
            assert not dutch_english_words(words), f"{where}: English in {dutch!r}"
        assert not ENGLISH_NUMBER_STYLE.search(dutch), f"{where}: an English number style in {dutch!r}"
        assert dutch_numbers(dutch) == english_numbers(english), where
        assert dutch.count(MINUS) == english.count(MINUS), f"{where}: the minus signs differ"


def test_the_lessons_show_enough_output_to_compare():
    """The check above reads the saved output: notebooks saved without it would pass it unread."""
    compared = [kind for lesson in english_lessons() for _, kind, _, _ in _compared(lesson)]
    assert compared.count("stream") >= 15 and compared.count("execute_result") >= 8
    boxes = [kind for exercises in EXERCISES for _, kind, _, _ in _compared(exercises)]
    assert boxes.count("execute_result") >= 20


def test_the_dutch_output_check_can_fail():
    assert dutch_english_words("grade 6: 17 % of customers leave") >= {"grade", "customers"}
    assert dutch_numbers("A € 3.322.042, 12,5 %") == english_numbers("A €3,322,042, 12.5%") == [12.5, 3322042.0]
    assert all(ENGLISH_NUMBER_STYLE.search(english) for english in ("€ 3,322,042", "12.5 %", "12%", "was -3"))
    assert not ENGLISH_NUMBER_STYLE.search("€ 3.322.042, 12,5 %, −3, offerte-uren 1-daags")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_dutch_lesson_shows_its_dutch_text(lesson):
    english, dutch = _pairs(lesson)
    text = read_text(text_path(lesson))
    shown = {c.id: c.source for c in dutch.cells if c.cell_type == "markdown"}
    assert shown == {cell_id: _deeper(body) for cell_id, body in text.items()}, \
        "rebuild with: python .ci/build_dutch_lessons.py"


def _numbers(markdown: str, language: str) -> Counter:
    """The numbers a text quotes, as values: '1,234.5' (English) and '1.234,5' (Dutch) are the same."""
    markdown = re.sub(r"\([^)]*\.(?:ipynb|md|py)\)|`[^`]*`", "", markdown)  # file links and code say no numbers
    found = Counter()
    for token in NUMBER.findall(markdown):
        if language == "en":
            value = token.replace(",", "")
        else:
            value = token.replace(".", "").replace(",", ".") if re.search(r",\d+$", token) or token.count(".") > 1 \
                or re.fullmatch(r"\d{1,3}(\.\d{3})+", token) else token
        found[value.lstrip("0") or "0"] += 1
    return found


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_dutch_text_quotes_the_same_numbers_and_is_dutch(lesson):
    english, _ = _pairs(lesson)
    text = read_text(text_path(lesson))
    for cell in english.cells:
        if cell.cell_type != "markdown":
            continue
        dutch = text[cell.id]
        missing = _numbers(cell.source, "en") - _numbers(dutch, "nl")
        assert not missing, f"{lesson.name}, cell {cell.id}: numbers of the English text missing in Dutch: {missing}"
        words = re.findall(r"[a-zà-ÿ]+", dutch.lower())
        if len(words) >= 8:
            assert DUTCH_WORDS & set(words) and dutch != cell.source.strip(), \
                f"{lesson.name}, cell {cell.id} does not read as Dutch"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_dutch_lesson_links_to_files_that_exist(lesson):
    _, dutch = _pairs(lesson)
    for cell in dutch.cells:
        if cell.cell_type == "markdown":
            for target in LINK.findall(cell.source):
                assert (dutch_path(lesson).parent / target).exists(), \
                    f"{dutch_path(lesson).name}: link to {target} leads nowhere"


def test_a_dutch_code_section_is_one_python_block_beside_the_text(tmp_path):
    path = tmp_path / "99_test.md"
    path.write_text("<!-- cell m1 -->\n# Titel\n\n<!-- code c1 -->\nprint('hallo')\n", encoding="utf-8")
    with pytest.raises(KitError, match="cell c1 must be one block"):
        read_code(path)
    path.write_text("<!-- cell m1 -->\n# Titel\n\n<!-- code c1 -->\n```python\nprint('hallo')\n```\n", encoding="utf-8")
    assert read_code(path) == {"c1": "print('hallo')"} and read_text(path) == {"m1": "# Titel"}
    path.write_text("<!-- cell m1 -->\n# Titel\n\n<!-- cell m1 -->\n# Nog een titel\n", encoding="utf-8")
    with pytest.raises(KitError, match=r"<!-- cell m1 --> comes more than once"):
        read_text(path)


def test_the_dutch_lesson_texts_name_what_is_on_the_screen_in_dutch():
    """A Dutch student sees a 'paneel' with 'tabbladen' and sliders under their Dutch labels: the lesson text names
    them so (it said 'het panel', 'tab B' and '(`Years to simulate`)'); a course term (**Product leadership**) may
    stay. Code blocks are Python and left out."""
    from simulation.parameters import SPECS

    english_labels = {spec.label("en") for spec in SPECS.values()} - {spec.label("nl") for spec in SPECS.values()}
    for text in map(text_path, LESSONS):
        prose = re.sub(r"```.*?```", "", text.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert not re.findall(r"\b(?:panel|panels|tab|tabs)\b", prose, flags=re.IGNORECASE), text.name
        named = {italic or code for italic, code in  # a control is named in italics (not bold) or as code
                 re.findall(r"(?<!\*)\*([^*\n]+)\*(?!\*)|`([^`\n]+)`", prose)}
        assert not named & english_labels, text.name


def test_the_exercise_code_rule_can_fail():
    english = 'LANGUAGE = "en"  # "nl": in Dutch\nanswer = ...  # a number, e.g. +12\n' \
        'check("nps-variant", answer, LANGUAGE)'
    dutch = 'LANGUAGE = "nl"  # "en": in English\n# je antwoord:\nanswer = ...  # een getal, bijv. +12\n' \
        'check("nps-variant", answer, LANGUAGE)'
    assert same_exercise_code(english, dutch)
    for changed in (dutch.replace("nps-variant", "nps-variant-nl"), dutch.replace('"nl"', '"de"'),
                    dutch.replace("answer = ...", "answer = 12"), dutch.replace("check(", "show(")):
        assert not same_exercise_code(english, changed), changed
    assert not same_exercise_code('print("a # b")', 'print("a")')  # a '#' in a string is no comment
    lesson = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(english, id="c1")])
    with pytest.raises(KitError, match=r"only comments and LANGUAGE = \"nl\" may differ"):
        dutch_lesson(lesson, {}, "99_test.ipynb", {"c1": dutch.replace("nps-variant", "nps-variant-nl")},
                     exercises=True)


@pytest.mark.parametrize("exercises", EXERCISES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_dutch_exercise_notebook_checks_the_same_exercises_in_dutch(exercises):
    """Stricter than a lesson: the Dutch code may differ in its comments and in `LANGUAGE = "nl"` only, so it
    shows, checks and grades the very same exercises (an exercise id is a string, which a lesson may translate)."""
    english, dutch = _pairs(exercises)
    cells = [(source, shown) for source, shown in zip(english.cells, dutch.cells) if source.cell_type == "code"]
    assert [c.id for c in english.cells] == [c.id for c in dutch.cells]
    for source, shown in cells:
        assert same_exercise_code(source.source, shown.source), source.id
    assert 'LANGUAGE = "nl"' in cells[0][1].source and 'LANGUAGE = "en"' in cells[0][0].source
