"""Build-a-scenario answers: the student's Scenario is simulated and held against KPI goals.

Only management decisions (the `levers`) may differ from the baseline: a
student who lowers the customers' loss aversion or the competitors' level
has changed the world, not the company, and is told so. A scenario scores 1
when it meets every goal and 0 otherwise: the goals hold each other in check
(an NPS reached by shrinking the customer base misses another goal), and a
share of goals met paid half a point for any change that kept a goal the
baseline meets already, however much worse it made the rest.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..language import format_value
from ..presets import preset
from ..results import KPI_SPECS
from ..scenario import Scenario, ScenarioError
from . import answers
from .base import AnswerError, Exercise, Solution, Text, Verdict, clipped, unexpected

_AT_LEAST = Text("at least", "minstens")
_AT_MOST = Text("at most", "hoogstens")


@dataclass(frozen=True)
class Goal:
    """A KPI target such as 'NPS at least +20', with a hint naming the concept that moves it. The target is a
    number, or (`against`) another KPI of the same run, such as 'customers at the end at least those at the
    start', which `than` names ('as many as at the start')."""

    kpi: str
    target: float | None
    at_least: bool
    hint: Text
    against: str | None = None
    than: Text | None = None

    def target_in(self, kpis: Mapping[str, float]) -> float:
        return kpis[self.against] if self.against else self.target

    def met(self, kpis: Mapping[str, float]) -> bool:
        value, target = kpis[self.kpi], self.target_in(kpis)
        if math.isnan(value):
            return False
        return value >= target if self.at_least else value <= target

    def line(self, kpis: Mapping[str, float], language: str) -> str:
        """'✔ Net Promoter Score: +24.8 (goal: at least +20.0)', or against another KPI '✘ Customers at end:
        280 customers (goal: at least as many as at the start: 300 customers)'."""
        spec = KPI_SPECS[self.kpi]
        target = format_value(self.target_in(kpis), spec.unit, language)
        if self.than:
            target = f"{self.than(language)}: {target}"
        return "{mark} {label}: {value} ({goal} {bound} {target})".format(
            mark="✔" if self.met(kpis) else "✘", label=spec.label(language),
            value=format_value(kpis[self.kpi], spec.unit, language), goal=Text("goal:", "doel:")(language),
            bound=(_AT_LEAST if self.at_least else _AT_MOST)(language), target=target)


@dataclass(frozen=True)
class ScenarioAnswer:
    """A Scenario (or a mapping of changes, or a preset name) that must meet every goal on `seed`."""

    goals: tuple[Goal, ...]
    levers: tuple[str, ...]
    seed: int  # practice mode; a student's seed comes from the exercise's inputs ("seed")

    @property
    def texts(self) -> tuple[Text, ...]:
        return (_OUTSIDE, _UNCHANGED, *(goal.hint for goal in self.goals))

    def describe(self, language: str) -> str:
        return Text("a Scenario, e.g. preset('baseline').replace({{'funnel.sales_method': 'spin'}})",
                    "een Scenario, bijv. preset('baseline').replace({{'funnel.sales_method': 'spin'}})")(language)

    def parse(self, answer: Any) -> Scenario:
        """A Scenario rebuilt from plain data (a dict of values or a preset name), validated afresh."""
        if not isinstance(answer, (dict, str)):
            raise unexpected(answer)
        try:
            return preset(answer) if isinstance(answer, str) else Scenario(answer)
        except ScenarioError as error:
            raise AnswerError(Text("That is not a valid scenario: {error}", "Dat is geen geldig scenario: {error}"),
                              error=lambda language, told=error.in_language: clipped(told(language))) from None
        except Exception:  # e.g. a TypeError for a key that is not text: the answer is no scenario at all
            raise unexpected(answer) from None

    def grade(self, exercise: Exercise, answer: Scenario, solution: Solution, values: Mapping[str, Any],
              language: str) -> Verdict:
        """Levers only (judged on the rebuilt scenario's values, never the student's object), then the goals."""
        outside = sorted(name for name in Scenario.changes(answer) if name not in self.levers)
        if outside:
            return Verdict(0.0, (_OUTSIDE(language, names=", ".join(outside), levers=", ".join(self.levers)),),
                           mistake=_CHANGED_THE_MARKET)
        kpis = answers.run_kpis(answer, values.get("seed", self.seed))
        met = [goal.met(kpis) for goal in self.goals]
        lines = [goal.line(kpis, language) for goal in self.goals]
        if not Scenario.changes(answer):  # the template as handed out: how far it is, but a goal it meets is no score
            return Verdict(0.0, (*lines, _UNCHANGED(language)), mistake=_CHANGED_NOTHING)
        if all(met):
            lines.append(exercise.explanation(language, **values))
        else:
            lines += [goal.hint(language, **values) for goal, ok in zip(self.goals, met) if not ok]
        missed = [KPI_SPECS[goal.kpi] for goal, ok in zip(self.goals, met) if not ok]
        missed_label = Text("missed: " + ", ".join(kpi.label("en") for kpi in missed),
                            "doel niet gehaald: " + ", ".join(kpi.label("nl") for kpi in missed)) if missed else None
        return Verdict(float(all(met)), tuple(lines), mistake=missed_label)


_CHANGED_THE_MARKET = Text("changed the market, not a lever", "markt veranderd in plaats van een knop")
_CHANGED_NOTHING = Text("changed no lever", "geen knop veranderd")
_UNCHANGED = Text(
    "This is preset('baseline') as it is: you have not changed a lever yet. Change at least one with "
    ".replace({{...}}).",
    "Dit is preset('baseline') zoals het is: je hebt nog geen knop veranderd. Verander er minstens één met "
    ".replace({{...}}).")
_OUTSIDE = Text(
    "You changed {names}: that describes the market or the customers, not a decision the company takes. Change "
    "only these levers: {levers}.",
    "Je hebt {names} veranderd: dat beschrijft de markt of de klanten, geen besluit van het bedrijf. Verander "
    "alleen deze knoppen: {levers}.")
