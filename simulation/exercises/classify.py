"""Classification exercises: which course term fits this statement? One factory for many concepts.

A student gets one statement from a pool (their own, through the student
number), and names the term it illustrates. A wrong choice gets the meaning
of the term the student chose, never the right one, so the hint teaches the
difference without giving the answer away.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .base import ChoiceAnswer, Exercise, Mistake, Option, Solution, Text

COURSE_LESSON = "09_course_concepts"


@dataclass(frozen=True)
class Term:
    """One option: its key, its label, what it means (the hint when it is chosen wrongly) and its short forms."""

    key: str
    label: Text
    meaning: Text
    aliases: tuple[str, ...] = ()


def _statement_inputs(cases: tuple[tuple[str, Text], ...], index: int) -> dict[str, Any]:
    key, text = cases[index]
    return {"case": index, "statement_en": text.en, "statement_nl": text.nl}


def classification(*, id: str, concept: str, title: Text, prompt: Text, terms: tuple[Term, ...],
                   cases: tuple[tuple[str, Text], ...], lesson: str = COURSE_LESSON, docs_section: str = "") -> Exercise:
    """An Exercise asking which of `terms` a statement (one of `cases`: term key and text) illustrates."""
    meanings = {term.key: term.meaning for term in terms}
    unknown = {key for key, _ in cases} - set(meanings)
    if unknown:
        raise ValueError(f"cases name unknown terms: {sorted(unknown)}")

    def solve(inputs: Mapping[str, Any]) -> Solution:
        key = cases[inputs["case"]][0]
        return Solution(key, {"meaning_en": meanings[key].en, "meaning_nl": meanings[key].nl})

    return Exercise(
        id=id, concept=concept, title=title,
        question=Text(f"{prompt.en}\n“{{statement_en}}”", f"{prompt.nl}\n“{{statement_nl}}”"),
        kind=ChoiceAnswer(tuple(Option(term.key, term.label, term.aliases) for term in terms)),
        solve=solve,
        explanation=Text("Right: '{correct_label}'. It means: {meaning_en}",
                         "Goed: '{correct_label}'. Dat betekent: {meaning_nl}"),
        docs_section=docs_section, lesson=lesson,
        inputs=_statement_inputs(cases, 0),
        mistakes=tuple(Mistake(term.key, Text(
            f"'{{your_label}}' means: {term.meaning.en} Does that fit the statement? Compare it with the other terms.",
            f"'{{your_label}}' betekent: {term.meaning.nl} Past dat bij de uitspraak? Vergelijk met de andere "
            "begrippen."), name=Text(f"chose '{term.label.en}'", f"koos '{term.label.nl}'")) for term in terms),
        vary=lambda rng: _statement_inputs(cases, rng.randrange(len(cases))),
    )

