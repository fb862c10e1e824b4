"""Benchmark: do replications scale over worker processes?

Measures, in one process:
- 100 replications of the default scenario (3 years), serial and on a
  2-worker process pool, and the speed-up (target ≥ 1.8× on 2 cores);
- 1,000 short replications (1 year, a small customer base, ~0.02 s each),
  serial, on the pool with the default chunking and on the pool with one
  replication per task;
- the bare cost of a task on that pool: 1,000 tasks that do nothing, one per
  task, in wall time per task (pool start included).

Run it as a script (`python benchmarks/bench_experiment.py`) to print the
figures, or call `run()` for (name, value, unit) rows. Each figure is the
best of two rounds, and the last row is the Linux CPU pressure: well above
zero means other processes competed for the cores and the speed-ups
understate what a quiet machine gives.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

from simulation import Scenario, simulate
from simulation.experiment import replicate
from simulation.experiment.executors import chunk_size, run_chunks

SHORT = Scenario({"run.years": 1, "accounts.initial_customers": 60, "market.inbound_leads_per_month": 8.0,
                  "market.campaign_spend_per_month": 4000.0}, name="short")


def _seconds(scenario: Scenario, n: int, **where) -> float:
    start = time.perf_counter()
    replicate(scenario, n, seed=1, **where)
    return time.perf_counter() - start


def _best(scenario: Scenario, n: int, repeats: int, *settings: dict) -> list[float]:
    """Best wall time per setting over `repeats` rounds; the settings take turns within a round
    so a busy neighbour slows them alike."""
    times = [[_seconds(scenario, n, **where) for where in settings] for _ in range(repeats)]
    return [min(column) for column in zip(*times)]


def _echo(chunk: list[int]) -> list[int]:
    """A task that does nothing: what is left is the cost of shipping it."""
    return list(chunk)


def _cpu_pressure() -> float:
    """Share of the last minute in which some process waited for a CPU (Linux PSI), in %; NaN elsewhere."""
    try:
        fields = Path("/proc/pressure/cpu").read_text().split()
    except OSError:
        return math.nan
    return float(next(f for f in fields if f.startswith("avg60=")).split("=")[1])


def run(repeats: int = 2) -> list[tuple[str, float, str]]:
    """Timings and speed-ups as (name, value, unit) rows; best of `repeats` rounds."""
    simulate(keep_events=False)  # warm up imports and caches before timing
    serial_pool = ({"workers": 1}, {"workers": 2})
    serial, pool = _best(Scenario(name="baseline"), 100, repeats, *serial_pool)
    short_serial, short_pool, short_single = _best(SHORT, 1000, repeats, *serial_pool,
                                                   {"workers": 2, "chunk_size": 1})
    tasks = math.ceil(1000 / chunk_size(1000, 2, SHORT["run.years"]))
    start = time.perf_counter()
    run_chunks(_echo, list(range(1000)), workers=2, size=1)
    bare = (time.perf_counter() - start) / 1000
    return [
        ("default_100_serial", serial, "s"),
        ("default_100_pool2", pool, "s"),
        ("default_100_speedup", serial / pool, "x"),
        ("short_1000_serial", short_serial, "s"),
        ("short_1000_pool2_chunked", short_pool, "s"),
        ("short_1000_chunked_tasks", tasks, "tasks"),
        ("short_1000_speedup_chunked", short_serial / short_pool, "x"),
        ("short_1000_pool2_one_per_task", short_single, "s"),
        ("short_1000_speedup_one_per_task", short_serial / short_single, "x"),
        ("empty_task_wall_time_pool2", 1000 * bare, "ms"),
        ("cpu_pressure_last_minute", _cpu_pressure(), "%"),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name:<34} {value:10.3f} {unit}")
