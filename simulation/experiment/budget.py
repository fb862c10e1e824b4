"""Limits that protect the machine, and an estimate before a long experiment.

A typo such as `-n 1000000000` or a sweep over 400 × 400 values should get a
message in a second, not a MemoryError after minutes or a run that never
ends. Hard limits (replications, grid points, runs) are far beyond any
teaching or management question. Below them, an experiment that would take
longer than ten minutes or need more than 2 GB is described first (runs,
estimated time and memory) and only runs when the user insists:
`force=True`, or `--yes` on the command line.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..scenario import ScenarioError, shown
from .executors import SECONDS_PER_RUN_YEAR

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


def check_count(value: Any, what: str, limit: int) -> int:
    """A whole number from 1 to `limit`, or a message that names both ends."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or not 1 <= value <= limit:
        raise ScenarioError(f"The number of {what} must be a whole number from 1 to {limit:,}. "
                            f"Got {shown(value)} instead.")
    return int(value)


def estimate(runs: int, years: float, width: int, keep_events: bool = False) -> tuple[float, float]:
    """Rough wall time (seconds) and memory (bytes) of `runs` replications of `years` on `width` workers,
    for a scenario of the usual size (an overloaded one takes longer)."""
    seconds = runs * years * SECONDS_PER_RUN_YEAR / max(width, 1)
    per_year = BYTES_PER_RUN_YEAR + (EVENT_BYTES_PER_RUN_YEAR if keep_events else 0)
    return seconds, runs * (BYTES_PER_RUN + years * per_year)


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} seconds"
    if seconds < 7200:
        return f"{seconds / 60:.0f} minutes"
    return f"{seconds / 3600:.1f} hours"


def check_budget(runs: int, years: float, width: int, keep_events: bool = False, force: bool = False) -> None:
    """Refuse an experiment beyond the hard limit; describe a long or large one and refuse it unless `force`."""
    if runs > MAX_RUNS:
        raise ScenarioError(f"This experiment has {runs:,} runs; the kit runs at most {MAX_RUNS:,} in one "
                            f"experiment. Use fewer replications or grid points.")
    seconds, memory = estimate(runs, years, width, keep_events)
    if force or (seconds <= LONG_SECONDS and memory <= LARGE_BYTES):
        return
    workers = f"{width} worker{'s' if width != 1 else ''}"
    raise ScenarioError(f"This experiment is {runs:,} runs of {years:g} year{'s' if years != 1 else ''}: about "
                        f"{_duration(seconds)} on {workers} and {memory / 1e9:.1f} GB of memory. To run it anyway, "
                        f"pass force=True (command line: --yes); or use fewer replications, grid points or years.")
