"""The frame every panel shares: language switch, Run button with a busy state, status line, KPI table, figure.

A panel only redraws when the student presses Run (or releases a slider, if
the panel runs automatically): the table's HTML and the figure's PNG are
each replaced in one assignment, so nothing flickers, and the matplotlib
figure is dropped right after it is rendered, so memory does not grow with
every run. Subclasses say how to simulate and what to draw.
"""

from __future__ import annotations

import html
import io
import time

import ipywidgets as widgets
from matplotlib.figure import Figure

from ..results import SimulationResult, simulate
from .controls import ScenarioPanel
from .language import resolve, ui

#: Resolution of a panel's figure, as in the notebook's inline backend.
FIGURE_DPI = 100


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes.

    Unlike the inline backend, no 'tight' cropping: the kit's figures lay
    themselves out, and cropping draws the figure twice, which would double
    the wait after every Run.
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=FIGURE_DPI)
    return buffer.getvalue()


class Runner:
    """Run button, busy indicator, status, table and figure over one or more named `ScenarioPanel`s.

    `run()` is what the button calls: it simulates every panel's scenario on
    the same seed (common random numbers) into `results`, keyed by name.
    """

    def __init__(self, panels: dict[str, ScenarioPanel], seed: int, language: str | None, auto_run: bool):
        self.panels = panels
        self.seed = seed
        self.language = resolve(language)
        self.auto_run = auto_run
        self.results: dict[str, SimulationResult] = {}
        self.seconds: float | None = None
        self.stale = False
        self.language_switch = widgets.ToggleButtons(
            options=[("EN", "en"), ("NL", "nl")], value=self.language, description=ui("language", self.language),
            style={"button_width": "48px"}, tooltip="English / Nederlands")
        self.run_button = widgets.Button(description=ui("run", self.language), button_style="primary",
                                         icon="play", layout=widgets.Layout(width="180px"))
        self.status = widgets.HTML()
        self.table = widgets.HTML()
        self.image = widgets.Image(format="png",  # natural size, shrunk only on a narrow screen
                                   layout=widgets.Layout(max_width="100%", height="auto", align_self="flex-start"))
        self.run_button.on_click(self.run)
        self.language_switch.observe(lambda change: self.set_language(change["new"]), names="value")
        for panel in panels.values():
            panel.on_change(self._inputs_changed)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    # --- what subclasses draw
    def _table_html(self) -> str:
        raise NotImplementedError

    def _figure(self) -> Figure:
        raise NotImplementedError

    def _done_text(self) -> str:
        raise NotImplementedError

    # --- shared behaviour
    def _seconds_text(self) -> str:
        text = f"{self.seconds:.1f}"
        return text.replace(".", ",") if self.language == "nl" else text

    def _show_status(self) -> None:
        if self.stale:
            self.status.value = f"<i>{ui('stale', self.language, run=ui('run', self.language))}</i>"
        else:
            self.status.value = self._done_text() if self.results else ""

    def _inputs_changed(self) -> None:
        """A control was set: run now, or say that the results shown are out of date."""
        if self.auto_run:
            self.run()
        else:
            self.stale = bool(self.results)
            self._show_status()

    def run(self, _button: widgets.Button | None = None) -> bool:
        """Simulate and redraw table and figure; the button shows 'Running…' and is disabled meanwhile.

        Returns False, leaving the last results on screen, when a panel shows an invalid combination
        or the figure cannot be drawn.
        """
        self.run_button.disabled = True
        self.run_button.description = ui("running", self.language)
        self.run_button.icon = "hourglass-half"
        started = time.perf_counter()
        try:
            scenarios = {name: panel.scenario() for name, panel in self.panels.items()}
            if any(scenario is None for scenario in scenarios.values()):
                return False
            if not self._show({name: simulate(scenario, self.seed) for name, scenario in scenarios.items()}):
                return False
            self.seconds = time.perf_counter() - started
            self.stale = False
            self._show_status()
            return True
        finally:
            self.run_button.disabled = False
            self.run_button.description = ui("run", self.language)
            self.run_button.icon = "play"

    def redraw(self) -> None:
        """Replace the table and the figure with those of the current results, each in one step.

        Both are made before either is shown, so a figure that fails leaves the old table and figure together.
        """
        table, image = self._table_html(), figure_png(self._figure())
        self.table.value, self.image.value = table, image

    def _show(self, results: dict[str, SimulationResult]) -> bool:
        """Draw `results`; if that fails, keep the last results on screen and say why in the status line.

        A button's callback that raises is silent in JupyterLab (the error goes to a log the student
        never opens), so the panel would seem to do nothing.
        """
        previous, self.results = self.results, results
        try:
            self.redraw()
        except Exception as error:  # any failure of a figure function, also a lesson's own
            self.results = previous
            problem = html.escape(f"{type(error).__name__}: {error}")
            self.status.value = f"<b>{ui('draw_failed', self.language, error=problem)}</b>"
            return False
        return True

    def set_language(self, language: str) -> None:
        """Relabel the controls, the button, the table and the figure; no new simulation is needed."""
        language = resolve(language)
        if self.language_switch.value != language:
            self.language_switch.value = language  # its observer calls back here
            return
        self.language = language
        self.language_switch.description = ui("language", language)
        self.run_button.description = ui("run", language)
        for panel in self.panels.values():
            panel.set_language(language)
        if self.results and not self._show(self.results):
            return
        self._show_status()
