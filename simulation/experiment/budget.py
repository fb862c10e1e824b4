"""Limits that protect the machine, and an estimate before a long experiment.

A typo such as `-n 1000000000` or a sweep over 400 × 400 values should get a
message in a second, not a MemoryError after minutes or a run that never
ends. Hard limits (replications, grid points, runs) are far beyond any
teaching or management question. Below them, an experiment that would take
longer than ten minutes or need more than 2 GB is described first (runs,
estimated time and memory) and only runs when the user insists:
`force=True`, or `--yes` on the command line.

The time a run takes grows with the scenario's load, so the estimate scales
the measured cost of the default scenario (`SECONDS_PER_RUN_YEAR`) by
`load_factor`: per simulated year, about

    SECONDS_PER_LEAD · L · (1 + L / CONGESTION_LEADS) + SECONDS_PER_CUSTOMER · C

for L expected leads a month (campaign + inbound + referrals) and C customers
at the start (about 0.1 s for the default scenario, which is what
`SECONDS_PER_RUN_YEAR` says). Calibrated with one-year runs on 2 idle cores
(seconds per simulated year, measured → formula): default (136 leads a month,
300 customers) 0.09–0.11 → 0.10; 1,016 leads 0.55 → 0.48; 3,016 leads
1.43 → 1.93; 8,504 leads (every lead knob at its maximum) 6.95–7.49 → 10.2;
5,000 customers 0.86–1.34 → 1.01; both at their maximum 11.4 → 11.2. Rough
by design (within about 40 %, erring high for many leads): how fast queues
grow at overloaded desks decides the rest.
"""

from __future__ import annotations

import functools
from functools import partial
from typing import Any

import numpy as np

from ..errors import shown
from ..language import duration, format_value, kit_error, text
from ..model.market import lead_rates, referral_rate
from ..scenario import Scenario, ScenarioError
from .executors import SECONDS_PER_RUN_YEAR
from .insist import over_limit

MAX_REPLICATIONS = 100_000
MAX_GRID_POINTS = 10_000
MAX_RUNS = 1_000_000
#: Above these estimates an experiment runs only when the user insists.
LONG_SECONDS = 600.0
LARGE_BYTES = 2e9
#: What a replication keeps in memory: its KPI row and monthly series (measured: ~3 kB a year), or,
#: with `keep_events`, every event (~11,600 events a year of the default scenario, ~400 bytes each).
BYTES_PER_RUN = 4_000
BYTES_PER_RUN_YEAR = 12_000
EVENT_BYTES_PER_RUN_YEAR = 5_000_000
#: The load formula (seconds per simulated year, see above): each lead a month costs this much, and more as
#: the queues it joins grow (doubling at CONGESTION_LEADS leads a month); each starting customer this much.
SECONDS_PER_LEAD = 0.000_31
CONGESTION_LEADS = 3_000.0
SECONDS_PER_CUSTOMER = 0.000_19
#: The share of customers counted as promoters when estimating referral leads (measured: 0.1–0.3).
PROMOTER_SHARE = 0.2
#: A single run expected to take longer than this is announced first (`python -m simulation run`).
NOTICE_SECONDS = 30.0


def check_replications(value: Any) -> int:
    """A number of replications: a whole number from 1 to MAX_REPLICATIONS, or a message that names both ends."""
    if (isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer))
            or not 1 <= value <= MAX_REPLICATIONS):
        raise kit_error(ScenarioError, "error.replications", most=MAX_REPLICATIONS, got=shown(value))
    return int(value)


def leads_per_month(scenario: Scenario) -> float:
    """The leads a month a scenario brings: campaign and inbound leads, and referrals from its starting customers."""
    return sum(lead_rates(scenario)) + referral_rate(scenario, scenario["accounts.initial_customers"] * PROMOTER_SHARE)


def _load(scenario: Scenario) -> float:
    leads = leads_per_month(scenario)
    return (SECONDS_PER_LEAD * leads * (1.0 + leads / CONGESTION_LEADS)
            + SECONDS_PER_CUSTOMER * scenario["accounts.initial_customers"])


@functools.cache
def _default_load() -> float:
    return _load(Scenario())


def load_factor(scenario: Scenario) -> float:
    """How many times longer a simulated year of `scenario` takes than one of the default scenario."""
    return _load(scenario) / _default_load()


def run_seconds(scenario: Scenario) -> float:
    """Rough wall time of one run of `scenario` (all its years), in seconds."""
    return scenario["run.years"] * SECONDS_PER_RUN_YEAR * load_factor(scenario)


def estimate(runs: int, years: float, width: int, keep_events: bool = False,
             work_years: float | None = None) -> tuple[float, float]:
    """Rough wall time (seconds) and memory (bytes) of `runs` replications of `years` on `width` workers.
    `work_years` is the mean run's years times its `load_factor` (default: `years` of the default scenario)."""
    seconds = runs * (years if work_years is None else work_years) * SECONDS_PER_RUN_YEAR / max(width, 1)
    per_year = BYTES_PER_RUN_YEAR + (EVENT_BYTES_PER_RUN_YEAR if keep_events else 0)
    return seconds, runs * (BYTES_PER_RUN + years * per_year)


def check_budget(runs: int, years: float, width: int, keep_events: bool = False, force: bool = False,
                 work_years: float | None = None, leads: float | None = None) -> None:
    """Refuse an experiment beyond the hard limit; describe a long or large one and refuse it unless `force`.
    `work_years` and `leads` (the busiest scenario's leads a month) describe the load (see `estimate`)."""
    if runs > MAX_RUNS:
        raise kit_error(ScenarioError, "error.runs_most", runs=runs, most=MAX_RUNS)
    seconds, memory = estimate(runs, years, width, keep_events, work_years)
    if force or (seconds <= LONG_SECONDS and memory <= LARGE_BYTES):
        return
    busy = leads is not None and work_years is not None and work_years > 2 * years
    raise over_limit("error.runs_long", runs=runs, years=partial(format_value, years, "years"),
                    busy=partial(text, "error.runs_busy", leads=leads) if busy else "",
                    duration=partial(duration, seconds), workers=partial(format_value, width, "workers"),
                    memory=memory / 1e9)
