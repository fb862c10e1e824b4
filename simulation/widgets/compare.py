"""Two strategies side by side on the same random numbers: the compare view.

The course's central claims are comparisons: over-promising wins more deals
now and loses more customers later; excelling in one value discipline beats
being stuck in the middle. `CompareView` puts scenario A and scenario B next
to each other, each with its own controls, runs both on the same seed (common
random numbers, so the difference is the strategy and not luck) and shows
the KPIs of both, their difference A − B (the kit's one convention, as in
`experiment compare` and the stress test) and which one is better. Beside the
table the monthly paths of A and B share one time axis, with the month where
one side's early lead turns into a deficit marked; replications on common
random numbers fill in a band around each path and turn 'which is better' into
how sure we are: a 95 % interval of A − B and in how many runs A was better.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import ipywidgets as widgets
from matplotlib.figure import Figure

from .. import plots
from ..errors import KitError, shown
from ..kpis import check_kpis
from ..language import kit_error, resolve, scenario_name, text
from ..paths import DEFAULT_PATHS, wins_sentence
from ..results import SimulationResult, as_scenario
from ..scenario import Scenario
from .controls import ScenarioPanel
from .formatting import difference_html
from .panel import DEFAULT_KPIS, one_screen
from .runner import ScenarioRunner


class CompareView(ScenarioRunner):
    """Scenario A and B with the same controls, one Run button, a difference table (A − B) and a figure.

    `CompareView("honest_promise", "over_promise", params=["funnel.promise_policy"])`. `names` label
    the two sides (default: the scenarios' names in the panel's language). By default the figure shows
    the monthly `paths` of A and B with their bands over `replications` runs (the first, seed `seed`, at
    once; the rest in the background); `figure` is any other function
    `(results: dict[name, SimulationResult], kpis, language=...) -> Figure`, e.g. `plots.compare_kpis`.
    A's and B's controls sit in two tabs beside the table and the figure, so everything fits one screen.
    """

    def __init__(self, a: Scenario | str | None = "honest_promise", b: Scenario | str | None = "over_promise",
                 params: Iterable[str] | None = None, *, concepts: Iterable[str] | None = None,
                 kpis: Iterable[str] = DEFAULT_KPIS, names: tuple[str, str] | None = None, figure=None,
                 seed: int = 0, language: str | None = None, auto_run: bool = False, run_now: bool = True,
                 paths: Sequence[str] = DEFAULT_PATHS, replications: int | None = None, workers: int | None = None):
        a, b = as_scenario(a), as_scenario(b)
        self._given_names = names
        self._scenario_names = (a.name, b.name)
        self.names = self._names_in(resolve(language))
        panels = {side: ScenarioPanel(params, concepts=concepts, base=base, language=language)
                  for side, base in zip("AB", (a, b))}
        super().__init__(panels, seed, language, auto_run, replications, workers)
        self.kpis = check_kpis(kpis)
        self.figure_function = figure
        self.paths = tuple(paths)
        self.sides = widgets.Tab([panel.widget for panel in panels.values()])
        self._title_tabs()
        # the paths figure is 40 px narrower than a panel's (plots.paths.PATHS_WIDTH): room for the intervals
        self.widget = one_screen([self.sides, self.toolbar(), self.table], self.image, width=560)
        if run_now:
            self.run()

    def _names_in(self, language: str) -> tuple[str, str]:
        """The sides' names: as given, else the presets' names in `language` ('A' and 'B' if those are equal)."""
        names = self._given_names or tuple(scenario_name(name, language) for name in self._scenario_names)
        if self._given_names is None and names[0] == names[1]:
            names = ("A", "B")
        if names[0] == names[1]:
            raise kit_error(KitError, "error.same_names", got=shown(tuple(names)))
        return tuple(names)

    def _title_tabs(self) -> None:
        for index, (side, name) in enumerate(zip("AB", self.names)):
            self.sides.set_title(index, text("panel.side", self.language, side=side, name=name))

    def _relabel(self) -> None:
        super()._relabel()
        self.names = self._names_in(self.language)
        self._title_tabs()

    @property
    def a(self) -> SimulationResult | None:
        """The result of scenario A's last run."""
        return self.results.get("A")

    @property
    def b(self) -> SimulationResult | None:
        """The result of scenario B's last run."""
        return self.results.get("B")

    def _table_html(self) -> str:
        if not self.band_total:
            return difference_html(self.a, self.b, self.kpis, self.names, self.language)
        runs = self.runs if self.band_complete else {side: runs[:1] for side, runs in self.runs.items()}
        table = difference_html(self.a, self.b, self.kpis, self.names, self.language,
                                runs=tuple([run.kpis for run in runs[side]] for side in "AB"))
        if not self.band_complete:
            return table
        sentences = [wins_sentence(runs["A"], runs["B"], kpi, self.names, self.language)
                     for kpi in ("customers", "cumulative_margin")]
        return table + "".join(f"<div style='margin:2px 0'>{html.escape(s)}</div>" for s in sentences)

    def _figure(self) -> Figure:
        if self.figure_function is not None:
            return self.figure_function(dict(zip(self.names, (self.a, self.b))), self.kpis, language=self.language)
        return plots.paths(dict(zip(self.names, (self.runs["A"], self.runs["B"]))), self.paths,
                           language=self.language)

    def _done_text(self) -> str:
        return text("panel.done_compare", self.language, seed=self.seed, seconds=self._seconds_text())
