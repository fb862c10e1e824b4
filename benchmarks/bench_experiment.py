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
figures, or call `run()` for (name, value, unit) rows. The machine should be
otherwise quiet: a busy neighbour steals a core and shrinks the speed-up.
"""

from __future__ import annotations

import math
import time

from simulation import Scenario, simulate
from simulation.experiment import replicate
from simulation.experiment.executors import chunk_size, run_chunks

SHORT = Scenario({"run.years": 1, "accounts.initial_customers": 60, "market.inbound_leads_per_month": 8.0,
                  "market.campaign_spend_per_month": 4000.0}, name="short")


def _seconds(scenario: Scenario, n: int, **where) -> float:
    start = time.perf_counter()
    replicate(scenario, n, seed=1, **where)
    return time.perf_counter() - start


def _echo(chunk: list[int]) -> list[int]:
    """A task that does nothing: what is left is the cost of shipping it."""
    return list(chunk)


def run() -> list[tuple[str, float, str]]:
    """Timings and speed-ups as (name, value, unit) rows."""
    simulate(keep_events=False)  # warm up imports and caches before timing
    default = Scenario(name="baseline")
    serial = _seconds(default, 100, workers=1)
    pool = _seconds(default, 100, workers=2)
    short_serial = _seconds(SHORT, 1000, workers=1)
    short_pool = _seconds(SHORT, 1000, workers=2)
    short_single = _seconds(SHORT, 1000, workers=2, chunk_size=1)
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
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name:<34} {value:10.3f} {unit}")
