"""Run a set of scenario variants, each for the same replications, and collect flat rows.

Every design (replicate, compare, sweep, sensitivity) is "some variants of a
scenario, n replications each". A replication returns only its KPIs and its
monthly series, not the whole event log, so memory stays bounded however many
replications run; the event log comes back only when asked for.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..language import kit_error, resolve, text
from ..model.run import collector_paused
from ..results import EVENT_COLUMNS, KPIS, simulate
from ..scenario import Scenario, ScenarioError
from . import assumptions
from .budget import check_budget, leads_per_month, load_factor
from .executors import planned_width, run_chunks
from .progress import Progress, ProgressOption
from .result import DeskWarning, ExperimentResult
from .run_cache import Job, Keep, Outcome, RunCache

#: Least seconds between two answers so far (`run_variants`' `partial`): each costs the waiting process some
#: milliseconds on the cores the workers run on.
PARTIAL_SECONDS = 1.0
#: Replications the first answer so far holds at least: over one pair, A is better in 0 % or 100 % of the runs.
PARTIAL_FIRST = 5


@dataclass(frozen=True)
class Variant:
    """One scenario in a design, the columns that describe it in every row, and its seeds."""

    label: str
    scenario: Scenario
    seeds: Sequence[int]
    columns: Mapping[str, Any] = field(default_factory=dict)


def simulate_jobs(jobs: Sequence[Job]) -> list[Outcome]:
    """Worker task: run each job; return KPIs (in KPIS order), monthly columns, maybe events, and the
    overloaded desks as plain (desk, waiting, turned_away) tuples."""
    out = []
    # The collector resumes only when the results' tables are gone: resumed with them alive, its first pass
    # would walk their tens of thousands of rows (about 1 % of a 3-year run; see `collector_paused`).
    with collector_paused():
        for name, values, seed, sampled, keep_events in jobs:
            scenario = Scenario({**values, **sampled}, name=name)
            result = simulate(scenario, seed, keep_events=keep_events)
            monthly = {column: result.monthly[column].to_numpy() for column in result.monthly.columns}
            overloads = tuple((o.desk, int(o.waiting), int(o.turned_away)) for o in result.overloads)
            out.append((tuple(result.kpis[k.name] for k in KPIS), monthly,
                        result.event_rows if keep_events else None, overloads))
            del result
    return out


def _check_uncertain(variants: Sequence[Variant], uncertain: Mapping[str, Any]) -> None:
    """An uncertain assumption may not also be what the design varies, and every combination of its
    extremes must be valid, checked before any work starts rather than failing halfway."""
    for name in uncertain:
        if len({v.scenario[name] for v in variants}) > 1 or any(name in v.columns for v in variants):
            raise kit_error(ScenarioError, "error.varied_and_uncertain", name=name)
    for variant in variants:
        for corner in assumptions.corners(uncertain):
            try:
                variant.scenario.replace(corner)
            except ScenarioError as error:
                names = _conflicting(variant.scenario, corner)
                key = "error.uncertain_range" if len(names) == 1 else "error.uncertain_ranges"
                raise kit_error(ScenarioError, key, error=error.in_language,
                                ranges=lambda language: assumptions.describe(uncertain, names, language)) from None


def _conflicting(scenario: Scenario, corner: Mapping[str, Any]) -> list[str]:
    """The fewest of the corner's ranges that still break a rule, the rest at the scenario's values,
    so the message names only the ranges the user has to narrow."""
    names = list(corner)
    for name in list(names):
        rest = [n for n in names if n != name]
        try:
            scenario.replace({n: corner[n] for n in rest})
        except ScenarioError:
            names = rest
    return names


def _monthly_frame(variants: Sequence[Variant], outcomes: list) -> pd.DataFrame:
    labels, replications, parts = [], [], []
    position = 0
    for variant in variants:
        for replication in range(len(variant.seeds)):
            monthly = outcomes[position][1]
            months = len(next(iter(monthly.values())))
            labels.append(np.full(months, variant.label, dtype=object))
            replications.append(np.full(months, replication, dtype=np.int64))
            parts.append(monthly)
            position += 1
    columns = {"variant": np.concatenate(labels), "replication": np.concatenate(replications)}
    columns.update({name: np.concatenate([p[name] for p in parts]) for name in parts[0]})
    return pd.DataFrame(columns)


def _events_frame(variants: Sequence[Variant], outcomes: list) -> pd.DataFrame:
    rows, position = [], 0
    for variant in variants:
        for replication in range(len(variant.seeds)):
            rows.extend((variant.label, replication, *event) for event in outcomes[position][2])
            position += 1
    return pd.DataFrame(rows, columns=("variant", "replication", *EVENT_COLUMNS))


def _desk_warnings(variants: Sequence[Variant], outcomes: list) -> list[DeskWarning]:
    """Per variant and overloaded desk: in how many replications, and the worst queue over them."""
    warnings, position = [], 0
    for variant in variants:
        runs = len(variant.seeds)
        desks: dict[str, list[tuple[int, int]]] = {}  # in order of first appearance: deterministic
        for outcome in outcomes[position:position + runs]:
            for desk, waiting, turned_away in outcome[3]:
                desks.setdefault(desk, []).append((waiting, turned_away))
        warnings.extend(DeskWarning(variant.label, desk, max(w for w, _ in hits), max(t for _, t in hits), len(hits),
                                    runs) for desk, hits in desks.items())
        position += runs
    return warnings


def _experiment(kind: str, variants: Sequence[Variant], rows: list[dict[str, Any]], outcomes: list, seed: int,
                uncertain: dict, settings: Mapping[str, Any] | None, keep_events: bool) -> ExperimentResult:
    """The experiment of these variants' rows and outcomes (variant by variant, replication by replication)."""
    names = [k.name for k in KPIS]
    runs = [{**row, **dict(zip(names, outcome[0]))} for row, outcome in zip(rows, outcomes)]
    return ExperimentResult(
        kind=kind, runs=pd.DataFrame(runs), monthly=_monthly_frame(variants, outcomes),
        scenarios={v.label: v.scenario for v in variants}, seed=seed, uncertain=uncertain,
        settings=dict(settings or {}), events=_events_frame(variants, outcomes) if keep_events else None,
        overloads=_desk_warnings(variants, outcomes))


class _SoFar:
    """Outcomes as they come in, and the experiment of the first replications finished in every variant
    (what `run_variants`' `partial` gets)."""

    def __init__(self, variants: Sequence[Variant], jobs: list[Job], rows: list[dict[str, Any]],
                 experiment: Callable[..., ExperimentResult], partial: Callable[[ExperimentResult], Any] | None):
        self.variants, self.rows, self.experiment, self.partial = variants, rows, experiment, partial
        self.outcomes: list[Outcome | None] = [None] * len(jobs)
        self._position = {id(job): index for index, job in enumerate(jobs)}  # the very job objects handed out
        self._starts = list(itertools.accumulate((len(v.seeds) for v in variants), initial=0))[:-1]
        self._replications = min(len(v.seeds) for v in variants)
        self.complete = 0  # the first replications finished in every variant
        self._shown = (0, -math.inf)  # replications in the last answer so far, and when it was given

    def add(self, jobs: Sequence[Job], outcomes: Sequence[Outcome]) -> None:
        for job, outcome in zip(jobs, outcomes):
            self.outcomes[self._position[id(job)]] = outcome
        while self.complete < self._replications and all(
                self.outcomes[start + self.complete] is not None for start in self._starts):
            self.complete += 1
        now = time.perf_counter()
        if (self.partial is not None and max(PARTIAL_FIRST, self._shown[0] + 1) <= self.complete < self._replications
                and now - self._shown[1] >= PARTIAL_SECONDS):
            self._shown = self.complete, now
            self.partial(self._first(self.complete))

    def _first(self, replications: int) -> ExperimentResult:
        """The experiment of the first `replications` of every variant (without event logs: they wait for the end)."""
        picked = [start + r for start in self._starts for r in range(replications)]
        variants = [dataclasses.replace(v, seeds=v.seeds[:replications]) for v in self.variants]
        return self.experiment(variants, [self.rows[i] for i in picked], [self.outcomes[i] for i in picked],
                               events=False)


def run_variants(kind: str, variants: Sequence[Variant], seed: int, *, uncertain: Mapping[str, Any] | None = None,
                 settings: Mapping[str, Any] | None = None, executor: Executor | None = None,
                 workers: int | None = None, chunk_size: int | None = None, progress: ProgressOption = None,
                 language: str | None = None, keep_events: bool = False, force: bool = False, cache: RunCache | None = None,
                 partial: Callable[[ExperimentResult], Any] | None = None) -> ExperimentResult:
    """Run every variant for its seeds and gather one row per replication, in a fixed order.
    A long or large experiment (see `budget`) runs only with `force`; with a `cache`, replications it
    already holds are not run again. With `partial`, the replications run across the variants (the first of
    each variant, then the second…), and `partial` gets the experiment of the first replications finished in
    every variant as they come in (from `PARTIAL_FIRST` on, at most every `PARTIAL_SECONDS`, never all of them:
    that is the result): an answer that fills in."""
    uncertain = assumptions.normalise(uncertain)
    _check_uncertain(variants, uncertain)
    years = max(v.scenario["run.years"] for v in variants)
    runs = sum(len(v.seeds) for v in variants)
    # the work of the mean run, in years of the default scenario: a busy scenario takes far longer a year
    work_years = sum(len(v.seeds) * v.scenario["run.years"] * load_factor(v.scenario) for v in variants) / runs
    width = planned_width(executor, workers, runs, work_years, force)
    check_budget(runs, years, width, keep_events, force, work_years=work_years,
                 leads=max(leads_per_month(v.scenario) for v in variants))
    jobs: list[Job] = []
    rows: list[dict[str, Any]] = []
    for variant in variants:
        values = variant.scenario.to_dict()  # one object per variant: pickled once per chunk
        for replication, run_seed in enumerate(variant.seeds):
            sampled = assumptions.sample(uncertain, run_seed)
            jobs.append((variant.scenario.name, values, run_seed, sampled, keep_events))
            rows.append({"variant": variant.label, **variant.columns, "replication": replication,
                         "seed": run_seed, **sampled})

    def experiment(chosen: Sequence[Variant], chosen_rows: list[dict[str, Any]], outcomes: list,
                   events: bool = keep_events) -> ExperimentResult:
        return _experiment(kind, chosen, chosen_rows, outcomes, seed, uncertain, settings, events)

    order = list(range(len(jobs)))
    if partial is not None:
        order.sort(key=lambda index: rows[index]["replication"])  # (a stable sort: variants in order)
    so_far = _SoFar(variants, jobs, rows, experiment, partial)
    with Progress(progress, len(jobs), text(f"experiment.{kind}", resolve(language))) as bar:
        def done(finished: Sequence[Job], outcomes: Sequence[Outcome]) -> None:
            bar.advance(len(finished))
            so_far.add(finished, outcomes)

        def compute(todo: list[Job], keep: Keep | None = None) -> list:
            return run_chunks(simulate_jobs, todo, executor=executor, workers=workers, run_years=work_years,
                              size=chunk_size, done=done, keep=keep, force=force)

        todo = [jobs[index] for index in order]
        outcomes = compute(todo) if cache is None else cache.run(todo, compute, found=done)
    in_order: list = [None] * len(jobs)
    for index, outcome in zip(order, outcomes):
        in_order[index] = outcome
    return experiment(variants, rows, in_order)
