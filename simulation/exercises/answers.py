"""The correct answers, computed through the package: never a number typed into an exercise.

Hand calculations (NPS, Scotsman weights, the churn hazard, a grade after one
delivery) call the model's own functions, so an exercise and the model can
never disagree. Questions about strategies run `simulate` with fixed seeds;
every run is cached per process (a Scenario is hashable), so checking the
same exercise twice, or two exercises that share runs, simulates only once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

from ..model.funnel import SCOTSMAN
from ..model.satisfaction import Satisfaction, net_promoter_score
from ..results import simulate
from ..scenario import Scenario

#: The answer a survey respondent in each NPS group gives in `survey_from_shares`.
GROUP_ANSWERS = {"promoters": 10, "passives": 8, "detractors": 5}


def survey_from_shares(promoters: int, passives: int, detractors: int) -> list[int]:
    """A survey of 100 answers with these percentages of promoters, passives and detractors."""
    if promoters + passives + detractors != 100:
        raise ValueError(f"The shares must add up to 100 %. Got {promoters} + {passives} + {detractors}.")
    counts = {"promoters": promoters, "passives": passives, "detractors": detractors}
    return [GROUP_ANSWERS[group] for group, count in counts.items() for _ in range(count)]


def nps_from_shares(promoters: int, passives: int, detractors: int) -> float:
    """The NPS of a survey with these percentages, through the model's own NPS formula."""
    return net_promoter_score(survey_from_shares(promoters, passives, detractors))


def criterion_weight() -> float:
    """Win chance (in %) one Scotsman 'yes' is worth: 100 % spread over the criteria."""
    return 100.0 / len(SCOTSMAN)


def weighted_forecast(pipeline: Sequence[tuple[str, float, int]]) -> float:
    """Scotsman-weighted forecast of open quotes (name, value in €, 'yes' answers): Σ value × chance."""
    return sum(value * yes * criterion_weight() / 100.0 for _, value, yes in pipeline)


def grade_after_delivery(grade: float, promised: float, actual: float, scenario: Scenario | None = None) -> float:
    """A customer's grade after one delivery, scored as the model scores one (`model.accounts.delivered`): against
    the promise (the expectation), a broken promise costing extra, the delight of an early one capped."""
    scenario = scenario or Scenario()
    satisfaction = Satisfaction(scenario)
    score = satisfaction.promised_time_score(scenario["satisfaction.base_grade"], promised, actual, promised)
    return satisfaction.update(grade, score)


def annual_churn_share(grade: float, scenario: Scenario | None = None) -> float:
    """Share of customers held at this grade that leaves within a year (model's churn hazard and loyalty)."""
    return Satisfaction(scenario or Scenario()).annual_churn_share(grade)


@lru_cache(maxsize=256)
def run_kpis(scenario: Scenario, seed: int) -> Mapping[str, float]:
    """The KPIs of one seeded run (read-only, cached per process)."""
    return MappingProxyType(simulate(scenario, seed, keep_events=False).kpis)


def mean_kpi(scenario: Scenario, kpi: str, seeds: Sequence[int]) -> float:
    """A KPI averaged over the seeds; the same seeds for every scenario give common random numbers."""
    return sum(run_kpis(scenario, seed)[kpi] for seed in seeds) / len(seeds)


def best_of(scenarios: Mapping[str, Scenario], kpi: str, seeds: Sequence[int]) -> tuple[str, dict[str, float]]:
    """The key of the scenario with the highest mean KPI, and every scenario's mean."""
    means = {key: mean_kpi(scenario, kpi, seeds) for key, scenario in scenarios.items()}
    return max(means, key=means.__getitem__), means
