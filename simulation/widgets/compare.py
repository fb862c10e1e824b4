"""Two strategies side by side on the same random numbers: the compare view.

The course's central claims are comparisons: over-promising wins more deals
now and loses more customers later; excelling in one value discipline beats
being stuck in the middle. `CompareView` puts scenario A and scenario B next
to each other, each with its own controls, runs both on the same seed (common
random numbers, so the difference is the strategy and not luck) and shows
the KPIs of both, their difference and which one is better.
"""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets
from matplotlib.figure import Figure

from .. import plots
from ..kpis import check_kpis
from ..results import SimulationResult, as_scenario
from ..scenario import Scenario
from .controls import ScenarioPanel
from .formatting import difference_html
from .language import ui
from .panel import DEFAULT_KPIS, side_by_side, toolbar
from .runner import Runner


def _readable(name: str) -> str:
    return name.replace("_", " ")


class CompareView(Runner):
    """Scenario A and B with the same controls, one Run button, a comparison figure and a difference table.

    `CompareView("honest_promise", "over_promise", params=["funnel.promise_policy"])`. `names` label
    the two sides (default: the scenarios' names); `figure` is any function
    `(results: dict[name, SimulationResult], kpis, language=...) -> Figure`,
    by default `plots.compare_bars`.
    """

    def __init__(self, a: Scenario | str | None = "honest_promise", b: Scenario | str | None = "over_promise",
                 params: Iterable[str] | None = None, *, concepts: Iterable[str] | None = None,
                 kpis: Iterable[str] = DEFAULT_KPIS, names: tuple[str, str] | None = None, figure=None,
                 seed: int = 0, language: str | None = None, auto_run: bool = False, run_now: bool = True):
        a, b = as_scenario(a), as_scenario(b)
        if names is None:
            names = (_readable(a.name), _readable(b.name)) if a.name != b.name else ("A", "B")
        if names[0] == names[1]:
            raise ValueError(f"The two scenarios need different names to be told apart. Got {names!r}.")
        self.names = tuple(names)
        panels = {name: ScenarioPanel(params, concepts=concepts, base=base, language=language, title=f"{side}: {name}")
                  for side, name, base in zip("AB", self.names, (a, b))}
        super().__init__(panels, seed, language, auto_run)
        self.kpis = check_kpis(kpis)
        self.figure_function = figure or plots.compare_bars
        sides = side_by_side([panel.widget for panel in panels.values()])
        self.widget = widgets.VBox([sides, toolbar(self), self.table, self.image])
        if run_now:
            self.run()

    @property
    def a(self) -> SimulationResult | None:
        """The result of scenario A's last run."""
        return self.results.get(self.names[0])

    @property
    def b(self) -> SimulationResult | None:
        """The result of scenario B's last run."""
        return self.results.get(self.names[1])

    def _table_html(self) -> str:
        return difference_html(self.a, self.b, self.kpis, self.names, self.language)

    def _figure(self) -> Figure:
        return self.figure_function(self.results, self.kpis, language=self.language)

    def _done_text(self) -> str:
        return ui("done_compare", self.language, seed=self.seed, seconds=self._seconds_text())
