"""The story over time: monthly paths of a few KPIs, their spread over replications, and the crossing month.

The course's central lesson is temporal: over-promising wins deals *now* and
loses customers and margin *later*. Totals after three years hide the moment
the lines cross, and one seed hides how sure we are. This module turns runs
(one `SimulationResult`, or its monthly table, per replication) into paths:
the median month by month with a band over the replications, and finds the
month where one side's early lead turns into a lasting deficit. Pure
functions of the results: nothing here simulates or draws.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .errors import KitError, hint, quoted, shown
from .experiment.result import ExperimentResult
from .experiment.runner import Variant, run_variants
from .experiment.seeds import replication_seeds
from .language import kit_error, resolve, text
from .results import SimulationResult, as_scenario
from .scenario import Scenario
from .texts import TEXTS

Run = SimulationResult | pd.DataFrame  # a run, or its monthly table (or anything with a `.monthly` table)

#: The band drawn around a median path: every run stays inside it (with 10 runs, "where all 10 went").
DEFAULT_BAND = (0.0, 1.0)


@dataclass(frozen=True)
class PathKpi:
    """A KPI as a monthly path: how to read it from a run's monthly table, its unit and direction."""

    name: str
    unit: str
    better: int  # +1: higher is better
    series: Callable[[pd.DataFrame], pd.Series]  # monthly table -> values indexed by month

    def label(self, language: str) -> str:
        return text(f"paths.{self.name}", language)


def _level(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    return lambda monthly: monthly.set_index("month")[column].astype(float)


def _cumulative(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    return lambda monthly: monthly.set_index("month")[column].astype(float).cumsum()


def _per_quarter(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    """Quarter totals, placed at the quarter's last month, so they share the monthly time axis."""
    def series(monthly: pd.DataFrame) -> pd.Series:
        quarter = (monthly["month"].to_numpy() - 1) // 3
        totals = monthly.groupby(quarter)[column].sum().astype(float)
        return pd.Series(totals.to_numpy(), index=pd.Index(3 * (totals.index + 1), name="month"))
    return series


PATH_KPIS: dict[str, PathKpi] = {kpi.name: kpi for kpi in (
    PathKpi("customers", "customers", +1, _level("customers")),
    PathKpi("cumulative_margin", "€", +1, _cumulative("margin")),
    PathKpi("avg_grade", "grade 1–10", +1, _level("avg_grade")),
    PathKpi("nps", "−100…+100", +1, _level("nps")),
    PathKpi("won_per_quarter", "deals", +1, _per_quarter("won")),
)}

#: The four paths that tell the promise story: customers kept, money made, how customers feel, deals won.
DEFAULT_PATHS = ("customers", "cumulative_margin", "avg_grade", "won_per_quarter")


def path_kpi(name: str) -> PathKpi:
    """The path of `name`, or a message listing the paths there are."""
    if name not in PATH_KPIS:
        raise kit_error(KitError, "error.unknown_path", got=shown(name), hint=hint(name, PATH_KPIS),
                        names=quoted(PATH_KPIS))
    return PATH_KPIS[name]


def monthly_of(run: Run) -> pd.DataFrame:
    """The monthly table of a run (a result, a panel's replication) or the table itself."""
    return run if isinstance(run, pd.DataFrame) else run.monthly


def path(run: Run, kpi: str) -> pd.Series:
    """One run's path of `kpi`, indexed by month."""
    return path_kpi(kpi).series(monthly_of(run))


def band(runs: Sequence[Run], kpi: str, quantiles: tuple[float, float] = DEFAULT_BAND) -> pd.DataFrame:
    """Per month over the runs: the median and the band between two quantiles (columns median, low, high, runs)."""
    if not runs:
        raise kit_error(KitError, "error.band_without_runs")
    table = pd.concat([path(run, kpi) for run in runs], axis=1)
    values = table.to_numpy(dtype=float)
    return pd.DataFrame({"median": np.nanmedian(values, axis=1),
                         "low": np.nanquantile(values, quantiles[0], axis=1),
                         "high": np.nanquantile(values, quantiles[1], axis=1),
                         "runs": np.full(len(table), len(runs))}, index=table.index)


@dataclass(frozen=True)
class Crossing:
    """`early` ('A' or 'B') leads at first, last in `ahead_until`; from `month` on it stays behind until the end."""

    month: int
    early: str
    ahead_until: int


def crossing(a: pd.Series, b: pd.Series, better: int = +1, lasting: int = 2) -> Crossing | None:
    """The month from which the side that leads at the end stays ahead for good, if the other side
    led before it; None when the lines never cross that way (one side ahead throughout, or no
    leader for the last `lasting` points: a lead in the last point alone is noise, not a turn).
    Ties count as nobody ahead. Sides of different lengths (A over 5 years, B over 3) are compared over the
    months both have."""
    a, b = a.align(b, join="inner")
    lead = better * (a.to_numpy(dtype=float) - b.to_numpy(dtype=float))  # > 0: A ahead
    months = a.index.to_numpy()
    if len(lead) == 0 or lead[-1] == 0 or np.isnan(lead[-1]):
        return None
    final = np.sign(lead[-1])
    behind_or_tied = ~(np.sign(lead) == final)
    if not behind_or_tied.any():
        return None  # the final leader led all along
    start = int(np.flatnonzero(behind_or_tied)[-1]) + 1  # first month of the final leader's lasting lead
    if len(lead) - start < lasting:
        return None
    if not (np.sign(lead[:start]) == -final).any():
        return None  # only ties before: nobody had an early lead
    ahead = int(np.flatnonzero(np.sign(lead[:start]) == -final)[-1])
    return Crossing(int(months[start]), "B" if final > 0 else "A", int(months[ahead]))


def crossing_month(a: pd.Series, b: pd.Series, better: int = +1, lasting: int = 2) -> int | None:
    """The month where B's early lead turns into a lasting deficit (None if it does not)."""
    found = crossing(a, b, better, lasting)
    return found.month if found and found.early == "B" else None


def crossing_caption(found: Crossing | None, names: tuple[str, str], kpi: str, language: str) -> str:
    """'over-promise is ahead on customers until month 13, behind from month 14' / Dutch; '' when the lines
    do not cross (the months differ when the two are level in between)."""
    if found is None:
        return ""
    early = names[0] if found.early == "A" else names[1]
    return text("paths.crossing", language, name=early, kpi=text(f"paths.noun.{path_kpi(kpi).name}", language),
                ahead=found.ahead_until, month=found.month)


def path_seeds(seed: int, n: int) -> list[int]:
    """The seeds of `n` replications: `seed` itself first (the run a panel shows at once), then
    the experiment's replication seeds, so the band always contains the run shown first."""
    rest = [s for s in replication_seeds(seed, n) if s != seed]
    return [seed, *rest][:n]


def runs_of(experiment: ExperimentResult) -> dict[str, list[pd.DataFrame]]:
    """An experiment's monthly tables per variant, one per replication, ready for `plots.paths`."""
    return {variant: [table.drop(columns=["variant", "replication"]) for _, table in
                      experiment.monthly[experiment.monthly["variant"] == variant].groupby("replication")]
            for variant in experiment.variants}


def wins(runs_a: Sequence[Run], runs_b: Sequence[Run], kpi: str) -> tuple[int, int]:
    """(runs in which A ends ahead of B on the path `kpi`, pairs compared): pair i is replication i of each."""
    spec = path_kpi(kpi)
    ends = [(path(a, kpi).iloc[-1], path(b, kpi).iloc[-1]) for a, b in zip(runs_a, runs_b)]
    return sum(spec.better * (end_a - end_b) > 0 for end_a, end_b in ends), len(ends)


def medians(runs_by_name: Mapping[str, Sequence[Run]], kpi: str) -> dict[str, pd.Series]:
    """The median path of each scenario."""
    return {name: band(runs, kpi)["median"] for name, runs in runs_by_name.items()}


def wins_sentence(runs_a: Sequence[Run], runs_b: Sequence[Run], kpi: str, names: tuple[str, str],
                  language: str) -> str:
    """How sure we are, in a student's words, about the side ahead in most runs at the end:
    'In 9 of 10 runs honest promise ended with more customers than over-promise.' / Dutch."""
    k, n = wins(runs_a, runs_b, kpi)
    if 2 * k < n:  # B was ahead more often: say it of B
        k, names = wins(runs_b, runs_a, kpi)[0], (names[1], names[0])
    key = f"paths.wins.{kpi}" if f"paths.wins.{kpi}" in TEXTS else "paths.wins"
    return text(key, language, k=k, n=n, a=names[0], b=names[1], kpi=text(f"paths.noun.{kpi}", language))


def crossings(runs_by_name: Mapping[str, Sequence[Run]],
              kpis: Sequence[str] = DEFAULT_PATHS) -> dict[str, Crossing | None]:
    """Per KPI the crossing of the first two scenarios' median paths (as `plots.paths` marks it)."""
    first, second = list(runs_by_name)[:2]
    return {kpi: crossing(band(runs_by_name[first], kpi)["median"], band(runs_by_name[second], kpi)["median"],
                          path_kpi(kpi).better) for kpi in kpis}


def replicate_paths(scenarios: Mapping[str, Scenario | str], n: int = 10, seed: int = 0,
                    **options: Any) -> dict[str, list[pd.DataFrame]]:
    """`n` replications of each named scenario on common random numbers, `seed` first (the run a lesson
    shows), as monthly tables for `plots.paths`; `options` as for `experiment.replicate` (workers, …)."""
    seeds = path_seeds(seed, n)
    variants = [Variant(label, as_scenario(scenario), seeds) for label, scenario in scenarios.items()]
    return runs_of(run_variants("replicate", variants, seed, **options))


def describe(runs_by_name: Mapping[str, Sequence[Run]], kpis: Sequence[str] = DEFAULT_PATHS,
             language: str | None = None) -> str:
    """The figure's story in sentences a lesson can print and quote: where the first two scenarios'
    median paths cross, and in how many runs each ended ahead on customers and on margin."""
    language = resolve(language)
    names = tuple(runs_by_name)[:2]
    lines = [crossing_caption(found, names, kpi, language)
             for kpi, found in crossings(runs_by_name, kpis).items() if found]
    lines = lines or [text("paths.no_crossing", language)]
    lines += [wins_sentence(runs_by_name[names[0]], runs_by_name[names[1]], kpi, names, language)
              for kpi in ("customers", "cumulative_margin")]
    return "\n".join(lines)
