"""Benchmarks of the kit, printed as figures with ratios against baselines run in the same process.

    python benchmarks/benchmark.py            everything
    python benchmarks/benchmark.py model      only the model section (also: widgets, experiment)

Model section: wall time of the default 3-year scenario, SimPy events per
second of the model, and the same for a bare SimPy timeout loop with as many
events, so the ratio shows what the model's own Python costs per event.
"""

from __future__ import annotations

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


def _median_seconds(action, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _bare_simpy(events: int, processes: int = 400) -> None:
    """The cheapest possible SimPy model: processes that only wait."""
    env = simpy.Environment()
    per_process = events // processes

    def waiter(env):
        for _ in range(per_process):
            yield env.timeout(1.0)

    for _ in range(processes):
        env.process(waiter(env))
    env.run()


def model_section() -> list[tuple[str, float, str]]:
    scenario = preset("baseline")
    world = run_world(build_world(scenario, seed=0, keep_events=False))
    events = next(world.env._eid)  # SimPy numbers every scheduled event; private, but exact
    run_time = _median_seconds(lambda: run_world(build_world(scenario, seed=0, keep_events=False)))
    simulate_time = _median_seconds(lambda: simulate(scenario, seed=0))
    bare_time = _median_seconds(lambda: _bare_simpy(events))
    per_event_model, per_event_bare = run_time / events, bare_time / events
    return [
        ("default scenario, 3 years, simulate() incl. results", simulate_time, "s"),
        ("SimPy events in the default scenario", events, "events"),
        ("model events per second", 1 / per_event_model, "events/s"),
        ("bare SimPy timeout loop events per second", 1 / per_event_bare, "events/s"),
        ("model cost per event ÷ bare SimPy cost per event", per_event_model / per_event_bare, "×"),
    ]


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
