"""The Dutch lessons come from one source: the English lesson's code and its Dutch text (simulation/lessons.py).

They must be up to date with both (rebuild with `python .ci/build_dutch_lessons.py`), run the very same
code, quote the same numbers as the English text, be Dutch, and link to files that exist. nbval runs them
top to bottom like every lesson.
"""

from __future__ import annotations

import re
from collections import Counter

import nbformat
import pytest

from simulation.lessons import (DUTCH, LANGUAGE_TAG, _deeper, dutch_path, english_lessons, read_text, text_path,
                                without_language_cell)

LESSONS = english_lessons()
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
DUTCH_WORDS = {"de", "het", "een", "en", "van", "is", "je", "niet", "met", "dat", "die", "voor", "op", "wat", "zijn"}
LINK = re.compile(r"\]\((?!https?:|#|mailto:)([^)#\s]+)")


def _pairs(lesson):
    english = nbformat.read(lesson, as_version=4)
    dutch = nbformat.read(dutch_path(lesson), as_version=4)
    return english, dutch


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_the_dutch_lesson_runs_the_english_code(lesson):
    english, dutch = _pairs(lesson)
    kept = without_language_cell(dutch)
    assert [(c.cell_type, c.source if c.cell_type == "code" else c.id, c.metadata.get("tags", []))
            for c in kept] == [(c.cell_type, c.source if c.cell_type == "code" else c.id, c.metadata.get("tags", []))
                               for c in english.cells], "rebuild with: python .ci/build_dutch_lessons.py"
    switches = [c for c in dutch.cells if LANGUAGE_TAG in c.metadata.get("tags", [])]
    assert len(switches) == 1 and 'set_language("nl")' in switches[0].source


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
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


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
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


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_the_dutch_lesson_links_to_files_that_exist(lesson):
    _, dutch = _pairs(lesson)
    for cell in dutch.cells:
        if cell.cell_type == "markdown":
            for target in LINK.findall(cell.source):
                assert (DUTCH / target).exists(), f"{dutch_path(lesson).name}: link to {target} leads nowhere"
