"""The lesson panel: a few controls, a Run button, a KPI table and one figure.

This is the Plan–Do–Check–Act loop of the course in one widget: set a
strategy (plan), run it (do), read the KPIs and the figure (check), change a
control (act). The panel only builds a Scenario and hands it to `simulate`;
everything it shows comes from the result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import ipywidgets as widgets
from matplotlib.figure import Figure

from .. import plots
from ..kpis import check_kpis
from ..language import scenario_name, text
from ..paths import DEFAULT_PATHS
from ..results import SimulationResult
from ..scenario import Scenario
from .controls import ScenarioPanel
from .formatting import kpi_html
from .runner import ScenarioRunner

#: KPIs a panel shows unless a lesson picks its own: the few critical ones (start small).
DEFAULT_KPIS = ("deals_won", "win_rate", "customers_end", "churn_rate_annual", "avg_grade", "nps", "revenue",
                "margin")

FigureFunction = Callable[..., Figure]


def one_screen(left: list[widgets.Widget], figure: widgets.Image, width: int = 510) -> widgets.Box:
    """Controls, Run and table in a column on the left (at most `width` px), the figure on the right: one
    laptop screen (1366×768) shows them together, and on a narrow screen the figure wraps below."""
    column = widgets.VBox(left, layout=widgets.Layout(flex="0 0 auto", max_width=f"{width}px", margin="0 12px 0 0"))
    return widgets.Box([column, figure], layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"))


class SimulationPanel(ScenarioRunner):
    """Controls + Run + KPI table + figure for one scenario.

    `SimulationPanel(["funnel.promise_policy"], base="baseline", kpis=["win_rate", "churn_rate_annual"])`.
    By default the figure shows the monthly `paths` with a band over `replications` runs (the first,
    seed `seed`, at once; the rest in the background), and the table their lowest and highest value;
    `figure` is any other function `(result, language=...) -> Figure`, e.g. `plots.dashboard`. The
    panel runs once when it is made (`run_now=False` to wait for the button),
    and with `auto_run=True` again whenever a slider is released.
    """

    def __init__(self, params: Iterable[str] | None = None, *, concepts: Iterable[str] | None = None,
                 base: Scenario | str | None = "baseline", kpis: Iterable[str] = DEFAULT_KPIS,
                 figure: FigureFunction | None = None, seed: int = 0, language: str | None = None,
                 auto_run: bool = False, run_now: bool = True, paths: Sequence[str] = DEFAULT_PATHS,
                 replications: int | None = None, workers: int | None = None):
        self.inputs = ScenarioPanel(params, concepts=concepts, base=base, language=language)
        super().__init__({"scenario": self.inputs}, seed, language, auto_run, replications, workers)
        self.kpis = check_kpis(kpis)
        self.figure_function = figure
        self.paths = tuple(paths)
        self.widget = one_screen([self.inputs.widget, self.toolbar(), self.table], self.image)
        if run_now:
            self.run()

    @property
    def controls(self) -> dict[str, widgets.ValueWidget]:
        """The controls by parameter name (set `.value` to change one, as a student would)."""
        return self.inputs.controls

    @property
    def result(self) -> SimulationResult | None:
        """The result of the last successful run."""
        return self.results.get("scenario")

    def scenario(self) -> Scenario | None:
        """The scenario the controls describe now (None, with a message, if invalid)."""
        return self.inputs.scenario()

    def _table_html(self) -> str:
        if not self.band_total:
            return kpi_html(self.result, self.kpis, self.language)
        runs = self.runs["scenario"] if self.band_complete else self.runs["scenario"][:1]
        return kpi_html(self.result, self.kpis, self.language, [run.kpis for run in runs], self.replications)

    def _figure(self) -> Figure:
        if self.figure_function is not None:
            return self.figure_function(self.result, language=self.language)
        name = scenario_name(self.result.scenario.name, self.language)
        return plots.paths({name: self.runs["scenario"]}, self.paths, language=self.language)

    def _done_text(self) -> str:
        years = self.result.scenario["run.years"]
        return text("panel.done", self.language, years=years, seed=self.seed, seconds=self._seconds_text())
