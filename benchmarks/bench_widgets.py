"""Widget round trip: a student sets a control and presses Run; how long until table and figure are new?

    python benchmarks/bench_widgets.py

The round trip is what the panel's Run button does for the default scenario:
build the Scenario from the controls, simulate, format the KPI table and draw
the dashboard to PNG bytes (what the browser receives). The bare `simulate()`
of the same scenario, measured in the same process, is the baseline: the
difference is what the widget layer adds. The target is at most 1 s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark import _median_seconds  # noqa: E402

from simulation import plots, simulate  # noqa: E402
from simulation.widgets import CompareView, SimulationPanel  # noqa: E402
from simulation.plots.style import figure_png  # noqa: E402

SLIDER = "market.campaign_spend_per_month"


def _toggle(panel: SimulationPanel):
    """Move the campaign-spend slider by one step (back and forth), then press Run."""
    slider = panel.controls[SLIDER]

    def action():
        slider.value = slider.value + slider.step if slider.value < 30_000 else slider.value - slider.step
        assert panel.run()
    return action


def run() -> list[tuple[str, float, str]]:
    panel = SimulationPanel([SLIDER, "funnel.promise_policy"])
    result = panel.result
    simulate_time = _median_seconds(lambda: simulate(result.scenario, seed=0))
    figure_time = _median_seconds(lambda: figure_png(plots.dashboard(result)))
    round_trip = _median_seconds(_toggle(panel))
    language_time = _median_seconds(lambda: panel.set_language("nl" if panel.language == "en" else "en"))
    view = CompareView("honest_promise", "over_promise", ["funnel.promise_policy", "satisfaction.expectation_management"])
    compare_time = _median_seconds(view.run)
    view.wait(600)  # the band of the last of those Runs, so the pool is free
    (_, band_both), (first_b, band_b) = _band_seconds(view, both=True), _band_seconds(view, both=False)
    return [
        ("bare simulate(), default scenario (baseline)", simulate_time, "s"),
        ("dashboard drawn to PNG", figure_time, "s"),
        ("round trip: set slider → Run → KPI table + dashboard PNG", round_trip, "s"),
        ("round trip ÷ bare simulate()", round_trip / simulate_time, "×"),
        ("language switch (relabel, redraw, no simulation)", language_time, "s"),
        ("compare view Run: two scenarios + table + bars PNG", compare_time, "s"),
        ("compare view: band of 10 runs complete, both sides changed", band_both, "s"),
        ("compare view: first answer, only B changed", first_b, "s"),
        ("compare view: band of 10 runs complete, only B changed", band_b, "s"),
    ]


def _band_seconds(view: CompareView, both: bool) -> tuple[float, float]:
    """Press Run after changing the expectation management of B (and of A too, when `both`): the time from Run
    to the first answer on screen (Run returns) and to the complete band, as lesson 03's browser test sees them."""
    sides = ("A", "B") if both else ("B",)
    for side in sides:
        slider = view.panels[side].controls["satisfaction.expectation_management"]
        slider.value = round(slider.value + slider.step, 2) if slider.value < 0.5 else round(slider.value - slider.step, 2)
    started = time.perf_counter()
    assert view.run()
    first = time.perf_counter() - started
    view.wait(600)
    return first, time.perf_counter() - started


if __name__ == "__main__":
    for label, value, unit in run():
        print(f"  {label:<60} {value:>10,.3g} {unit}")
