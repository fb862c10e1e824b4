"""The stress-test panel's Run: 20 paired replications of a 3-year run (lesson 08), in seconds.

    python benchmarks/bench_stress_test.py

Prints the wall time of one Run as the student waits for it, in six situations:
- serial: every replication in the kernel's process (what `compare` chose by itself before);
- cold pool: a process pool started for this Run (what `workers=2` costs on every Run);
- warm pool: the panel's pool, started when the panel was made, on settings the student changed
  that both strategies depend on (a range, the years): every pair runs;
- one strategy changed: the student picks another strategy B; A's replications are kept from the
  Run before (`widgets.background.RUNS`), so only B's 20 run;
- a range changed, Run pressed REACH_SECONDS later: the change starts all 40 runs in the background at
  once (the panel runs ahead on every change), so Run waits only for what is left;
- run ahead: the panel's starting settings, computed in the background while the student reads.
For the warm-pool Run it also prints when the first answer over the pairs finished so far appeared.
The target is at most 5 s on 2 cores. Run it on an otherwise idle machine.

A shared machine's speed drifts (the same 40 serial runs took 7.6–14.2 s on this kit's 2-core VM), so the
seconds alone do not say whether the panel or the machine was slow. Each Run is therefore also printed as a
ratio to its floor, measured in the same process: the serial seconds per run times the runs each core has to do
(20 of the 40 on 2 cores). A ratio near 1 leaves nothing for the pool to win; only cheaper runs would help.
(It can come out below 1: a worker does nothing but runs, while this process also holds the panels and pandas.)
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the kit next to this script

from simulation import preset  # noqa: E402
from simulation.experiment import compare  # noqa: E402
from simulation.experiment.executors import local_cores  # noqa: E402
from simulation.experiment.run_cache import RunCache  # noqa: E402
from simulation.widgets import StressTestPanel, background  # noqa: E402
from simulation.widgets.stress_test import DEFAULT_ASSUMPTIONS  # noqa: E402

PAIRS, YEARS = 20, 3
READING_SECONDS = 20  # a student reading the lesson between the panel appearing and pressing Run
REACH_SECONDS = 2  # a student moving from a slider just set to the Run button


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _answers_so_far(panel: StressTestPanel) -> list[tuple[float, int]]:
    """Record when the panel shows an answer over the first pairs (seconds after Run was pressed, pairs)."""
    answers: list[tuple[float, int]] = []
    show, pressed = panel._show_so_far, panel.run

    def shown(result, pairs: int) -> None:
        answers.append((time.perf_counter() - started[0], result.replications))
        show(result, pairs)

    def run() -> None:
        started[0] = time.perf_counter()
        pressed()

    started = [0.0]
    panel._show_so_far, panel.run = shown, run
    return answers


def _compare(**options) -> None:
    years = {"run.years": YEARS}
    compare(preset("honest_promise").replace(years), preset("over_promise").replace(years), PAIRS, 0,
            uncertain=DEFAULT_ASSUMPTIONS, **options)


def _against(seconds: float, floor: float) -> str:
    return f"{seconds:5.1f} s  {seconds / floor:4.2f}× its floor of {floor:.1f} s"


def _floor(runs: int, seconds_per_run: float, cores: int) -> float:
    """The least a Run of `runs` can take: every core busy with its share of the runs, nothing else."""
    return seconds_per_run * math.ceil(runs / cores)


def main() -> None:
    cores = local_cores()
    print(f"{PAIRS} pairs of {YEARS}-year runs ({2 * PAIRS} simulations) on {cores} cores")
    serial = _timed(lambda: _compare(workers=1))
    run = serial / (2 * PAIRS)
    floor = _floor(2 * PAIRS, run, cores)
    print(f"  serial (before)      {serial:5.1f} s  ({run:.2f} s a run; all {2 * PAIRS} on {cores} cores need at "
          f"least {floor:.1f} s)")
    print(f"  cold pool            {_against(_timed(lambda: _compare(workers=cores)), floor)}")
    made = time.perf_counter()
    panel = StressTestPanel(replications=PAIRS, years=YEARS, run_ahead=False)
    print(f"  panel made (pool)    {time.perf_counter() - made:5.1f} s, before the student presses Run")
    answers = _answers_so_far(panel)
    seconds = _timed(panel.run)
    first = f"after {answers[0][0]:.1f} s, over {answers[0][1]} of {PAIRS} pairs" if answers else "none"
    print(f"  warm pool, Run       {_against(seconds, floor)}  (target: 5 s); first answer so far {first}")
    panel.choose_b.value = "baseline"
    changed_b = _against(_timed(panel.run), _floor(PAIRS, run, cores))
    print(f"  B changed, Run       {changed_b}  (A's {PAIRS} runs kept from the Run before)")
    background.RUNS = RunCache()  # the run-ahead must compute, not find the Runs above in the cache
    ahead = StressTestPanel(replications=PAIRS, years=YEARS)
    ahead.run()
    ahead.ranges["market.competitor_intensity"].value = (0.9, 1.4)  # both strategies run again, 40 runs
    time.sleep(REACH_SECONDS)
    print(f"  range changed, Run   {_timed(ahead.run):5.1f} s  {REACH_SECONDS} s after the change (run ahead from it)")
    background.RUNS = RunCache()
    ahead = StressTestPanel(replications=PAIRS, years=YEARS)
    time.sleep(READING_SECONDS)
    print(f"  run ahead, Run       {_timed(ahead.run):5.1f} s  after {READING_SECONDS} s of reading")


if __name__ == "__main__":
    main()
