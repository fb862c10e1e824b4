"""Benchmarks of the kit, printed as figures with ratios against baselines run in the same process.

    python benchmarks/benchmark.py            everything
    python benchmarks/benchmark.py model      only the model section (also: widgets, experiment)

Model section: CPU time of `simulate()` on the default 3-year scenario,
interleaved with two bare SimPy loops (plain waits, and waits with a random
draw each), CPU time, not wall time, so other load does not count. The bare
loops run a fixed REFERENCE_EVENTS events, the default run's count when the
"at most 5× a bare loop" target was set (issue 8): a fixed yardstick of this
machine's speed, so a model that needs fewer events counts as cheaper. The
same loops scaled to the model's own event count give the cost per event.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

import simpy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from simulation import simulate  # noqa: E402
from simulation.model.run import build_world, run_world  # noqa: E402
from simulation.presets import preset  # noqa: E402

REPEATS = 7
REFERENCE_EVENTS = 50_285  # SimPy events of a default 3-year run in commit c11cf45, when the target was set


def _cpu_seconds(action) -> float:
    """CPU time of one call: process time, so other load on the machine does not count."""
    start = time.process_time()
    action()
    return time.process_time() - start


def _bare_simpy(events: int, processes: int = 400) -> None:
    """The cheapest possible SimPy model: processes that only wait one day at a time."""
    env = simpy.Environment()
    per_process = events // processes

    def waiter(env):
        for _ in range(per_process):
            yield env.timeout(1.0)

    for _ in range(processes):
        env.process(waiter(env))
    env.run()


def _bare_simpy_random(events: int, processes: int = 400) -> None:
    """A bare SimPy loop whose waits are random (one exponential draw per event, as a model needs at least)."""
    env = simpy.Environment()
    per_process = events // processes
    draw = random.Random(0).expovariate

    def waiter(env):
        for _ in range(per_process):
            yield env.timeout(draw(1.0))

    for _ in range(processes):
        env.process(waiter(env))
    env.run()


def model_section() -> list[tuple[str, float, str]]:
    """CPU per default run against bare SimPy loops of a fixed size, interleaved so drift hits all alike."""
    scenario = preset("baseline")
    world = run_world(build_world(scenario, seed=0, events="none", fixed_decisions=True))  # as `simulate` builds it
    events = next(world.env._eid)  # SimPy numbers every scheduled event; private, but exact
    model, bare, bare_random = [], [], []
    for repeat in range(REPEATS):
        model.append(_cpu_seconds(lambda: simulate(scenario, seed=repeat)))
        bare.append(_cpu_seconds(lambda: _bare_simpy(REFERENCE_EVENTS)))
        bare_random.append(_cpu_seconds(lambda: _bare_simpy_random(REFERENCE_EVENTS)))
    model_cpu, bare_cpu, random_cpu = map(statistics.median, (model, bare, bare_random))
    wall = _median_seconds(lambda: simulate(scenario, seed=0))
    kept = simulate(scenario, seed=0)
    per_event = bare_cpu * events / REFERENCE_EVENTS
    return [
        ("default scenario, 3 years, simulate() CPU incl. results", model_cpu, "s"),
        ("default scenario, 3 years, simulate() wall time", wall, "s"),
        ("SimPy events in the default scenario", events, "events"),
        (f"bare SimPy timeout loop, {REFERENCE_EVENTS:,} events, CPU", bare_cpu, "s"),
        (f"bare SimPy loop with random delays, {REFERENCE_EVENTS:,} events, CPU", random_cpu, "s"),
        ("model CPU ÷ bare SimPy loop CPU (target ≤ 5)", model_cpu / bare_cpu, "×"),
        ("model CPU ÷ bare random-delay loop CPU", model_cpu / random_cpu, "×"),
        ("model CPU ÷ bare loop of the model's own event count (cost per event)", model_cpu / per_event, "×"),
        ("memory of one kept result (event log + tables)", _result_megabytes(kept), "MB"),
    ]


def _wall_seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _median_seconds(action, repeats: int = 3) -> float:
    """Median wall time of `action` over `repeats` calls: what a user waits for (the widget and experiment sections)."""
    return statistics.median(_wall_seconds(action) for _ in range(repeats))


def _result_megabytes(result) -> float:
    """Deep size of what a kept result holds: its row lists and the monthly frame."""
    rows = (result.event_rows, result.lead_rows, result.account_rows)
    size = sum(sys.getsizeof(r) + sum(sys.getsizeof(x) for row in r for x in row) + sum(map(sys.getsizeof, r))
               for r in rows)
    return (size + int(result.monthly.memory_usage(deep=True).sum())) / 1e6


def _section(name: str):
    if name == "model":
        return model_section
    module = __import__(f"bench_{name}")
    return module.run


def main(names: list[str]) -> None:
    for name in names or ["model", "widgets", "experiment"]:
        print(f"\n== {name} ==", flush=True)
        for label, value, unit in _section(name)():
            print(f"  {label:<60} {value:>14,.4g} {unit}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
