"""The replication cache: a panel's Run after changing one side runs only that side, with the same numbers.

Small one-year scenarios keep each run to a few hundredths of a second.
"""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from simulation import Scenario, simulate
from simulation.experiment import compare
from simulation.experiment.run_cache import RunCache, job_key
from simulation.experiment.runner import simulate_jobs
from simulation.paths import path_seeds
from simulation.widgets import background
from simulation.widgets.background import Replications

SMALL = {"run.years": 1, "accounts.initial_customers": 60, "market.inbound_leads_per_month": 8.0,
         "market.campaign_spend_per_month": 4000.0}
VARY = {"market.competitor_intensity": (0.6, 1.6)}


class Counting:
    """simulate_jobs that counts the replications it really runs."""

    def __init__(self):
        self.runs = 0

    def __call__(self, jobs):
        self.runs += len(jobs)
        return simulate_jobs(jobs)


@pytest.fixture
def counted(monkeypatch) -> Counting:
    counting = Counting()
    monkeypatch.setattr("simulation.experiment.runner.simulate_jobs", counting)
    monkeypatch.setattr(background, "simulate_jobs", counting)
    return counting


def test_changing_b_runs_only_b_and_gives_the_numbers_of_a_fresh_experiment(counted):
    honest = Scenario({**SMALL, "funnel.promise_policy": "honest"}, name="honest")
    wish, late = (Scenario({**SMALL, "funnel.promise_policy": policy}, name=policy)
                  for policy in ("customer_wish", "no_promise"))
    cache, reports = RunCache(), []
    compare(honest, wish, 4, seed=3, uncertain=VARY, workers=1, cache=cache)
    assert counted.runs == 8 and len(cache) == 8
    cached = compare(honest, late, 4, seed=3, uncertain=VARY, workers=1, cache=cache,
                     progress=lambda done, total: reports.append((done, total)))
    assert counted.runs == 12  # only B's four replications ran
    assert reports[0] == (4, 8) and reports[-1] == (8, 8)  # A's replications count as done at once
    fresh = compare(honest, late, 4, seed=3, uncertain=VARY, workers=1)
    pd.testing.assert_frame_equal(cached.runs, fresh.runs)
    pd.testing.assert_frame_equal(cached.monthly, fresh.monthly)


def test_what_determines_a_run_is_its_values_seed_and_sampled_assumptions_not_its_name():
    values = Scenario(SMALL).to_dict()
    key = job_key(("a", values, 7, {"market.competitor_intensity": 0.9}, False))
    assert key == job_key(("b", dict(values), 7, {"market.competitor_intensity": 0.9}, False))
    assert key != job_key(("a", values, 8, {"market.competitor_intensity": 0.9}, False))
    assert key != job_key(("a", values, 7, {"market.competitor_intensity": 1.0}, False))
    assert key != job_key(("a", {**values, "run.years": 2}, 7, {"market.competitor_intensity": 0.9}, False))
    assert job_key(("a", values, 7, {}, True)) is None  # runs that keep their event log are not kept


def _simulated_and_kept(jobs, keep):
    """What `RunCache.run` asks of its computation: the outcomes, each stored as it is done."""
    outcomes = []
    for job in jobs:
        outcomes.extend(simulate_jobs([job]))
        keep([job], outcomes[-1:])
    return outcomes


def test_the_cache_is_bounded_and_its_outcomes_read_only(counted):
    values = Scenario(SMALL).to_dict()
    jobs = [("small", values, seed, {}, False) for seed in range(3)]
    cache = RunCache(size=2)
    outcomes = cache.run(jobs, _simulated_and_kept)
    assert len(cache) == 2 and cache.lookup(jobs[:1]) == [None]  # the oldest went first
    with pytest.raises(ValueError):
        outcomes[2][1]["customers"][0] = -1.0
    one_run = sum(column.nbytes for column in outcomes[0][1].values())
    by_bytes = RunCache(max_bytes=2 * one_run)
    by_bytes.run(jobs, _simulated_and_kept)
    assert len(by_bytes) == 2  # the bytes bound, not the count, dropped the oldest
    by_bytes.clear()
    assert len(by_bytes) == 0 and by_bytes.lookup(jobs) == [None, None, None]


def test_a_band_after_changing_one_scenario_runs_only_that_one(counted, monkeypatch):
    monkeypatch.setattr(background, "RUNS", RunCache())
    a, b, c = (Scenario({**SMALL, "market.competitor_intensity": level}, name=f"level {level}")
               for level in (0.8, 1.0, 1.2))
    def band(scenarios):
        finished = threading.Event()
        updates = []

        def update(runs, done, total):
            updates.append((done, total))
            if done == total:
                finished.set()

        first = {name: simulate(scenario, 11, keep_events=False) for name, scenario in scenarios.items()}
        replications = Replications(False)
        runs = replications.start(scenarios, first, seed=11, n=4, on_update=update).result(timeout=120)
        assert finished.is_set()
        return runs

    band({"A": a, "B": b})
    assert counted.runs == 6
    runs = band({"A": a, "B": c})
    assert counted.runs == 9  # A's three replications came from the cache
    assert [len(runs[name]) for name in "AB"] == [4, 4]
    seeds = path_seeds(11, 4)
    assert [r.kpis for r in runs["B"]] == [simulate(c, seed, keep_events=False).kpis for seed in seeds]
