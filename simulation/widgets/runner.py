"""The frame every panel shares: language switch, Run button with a busy state, progress, status, table, figure.

The lesson panels, the compare view and the stress test are all a `Runner`:
they differ only in how they simulate (`_simulate`) and what they draw.

A panel only redraws when the student presses Run (or releases a slider, if
the panel runs automatically): the table's HTML and the figure's PNG are
each replaced in one assignment, so nothing flickers, and the matplotlib
figure is dropped right after it is rendered, so memory does not grow with
every run. Subclasses say how to simulate and what to draw.
"""

from __future__ import annotations

import html
import threading
import time

import ipywidgets as widgets
from matplotlib.figure import Figure

from ..errors import KitError, shown
from ..language import kit_error, number, resolve, text
from ..plots.style import figure_png
from ..results import SimulationResult, simulate
from ..scenario import Scenario, ScenarioError
from . import background
from .background import Replication, Replications
from .controls import ScenarioPanel, widget_bundle


class Runner:
    """Run button, busy indicator, progress bar, status, table and figure; subclasses say how to simulate.

    `run()` is what the button does (`_pressed`, here in the kernel; the stress test runs it in a thread of
    its own): `_simulate()` returns the results (or None when the input is invalid, with the message already
    shown), then the table and figure are redrawn from them.
    """

    run_key = "panel.run"

    def __init__(self, seed: int, language: str | None, auto_run: bool = False):
        self.seed = seed
        self.language = resolve(language)
        self.auto_run = auto_run
        self.results: dict = {}
        self.seconds: float | None = None
        self.stale = False
        self.busy = False  # a Run is going
        self._draw_lock = threading.RLock()  # the band is drawn from a background thread
        self.language_switch = widgets.ToggleButtons(  # EN / NL say what they are; no label taking room
            options=[("EN", "en"), ("NL", "nl")], value=self.language, tooltips=["English", "Nederlands"],
            style={"button_width": "40px"}, layout=widgets.Layout(width="auto"))
        self.run_button = widgets.Button(description=text(self.run_key, self.language), button_style="primary",
                                         icon="play", layout=widgets.Layout(width="170px"))
        self.progress = widgets.IntProgress(value=0, min=0, max=1, layout=widgets.Layout(width="160px",
                                                                                        display="none"))
        self.status = widgets.HTML()
        self.table = widgets.HTML()
        self.image = widgets.Image(format="png",  # natural size, shrunk only on a narrow screen; hidden while
                                   layout=widgets.Layout(max_width="100%", height="auto", align_self="flex-start",
                                                         display="none"))  # empty: a browser shows a broken image
        self.run_button.on_click(self._pressed)
        self.language_switch.observe(lambda change: self.set_language(change["new"]), names="value")

    def _repr_mimebundle_(self, **kwargs):
        return widget_bundle(self.widget, self.language, **kwargs)

    def toolbar(self) -> widgets.Box:
        """Run button, progress and language switch on one line, the status below them."""
        line = widgets.HBox([self.run_button, self.progress, self.language_switch],
                            layout=widgets.Layout(align_items="center", justify_content="space-between"))
        return widgets.VBox([line, self.status], layout=widgets.Layout(margin="4px 0"))

    # --- what subclasses do
    def _simulate(self) -> dict | None:
        raise NotImplementedError

    def _table_html(self) -> str:
        raise NotImplementedError

    def _figure(self) -> Figure:
        raise NotImplementedError

    def _done_text(self) -> str:
        raise NotImplementedError

    def _relabel(self) -> None:
        """Relabel the subclass's own controls in `self.language`."""

    def _shown(self) -> None:
        """Called after a Run's results are on screen: a subclass may go on in the background."""

    def _pressed(self, _button: widgets.Button) -> None:
        """What the Run button does: run, here in the kernel (a subclass may run in the background instead)."""
        self.run()

    # --- shared behaviour
    def _seconds_text(self) -> str:
        return number(self.seconds or 0.0, 1, self.language)

    def _show_status(self) -> None:
        if self.stale:
            self._note("panel.stale", run=text(self.run_key, self.language))
        else:
            self.status.value = self._done_text() if self.results else ""
            warnings = self._warnings()
            if warnings:
                shown = html.escape("; ".join(warnings))
                self.status.value += f"<br><b>{text('panel.warning', self.language, warnings=shown)}</b>"

    def _note(self, key: str, **values: object) -> None:
        """A passing state in the status line, in italics: out of date, an answer so far, stopping, stopped."""
        self.status.value = f"<i>{text(key, self.language, **values)}</i>"

    def _warnings(self) -> list[str]:
        """Warnings about the results shown (overloaded desks), in the panel's language."""
        return [warning for result in (self.results or {}).values() if isinstance(result, SimulationResult)
                for warning in result.warning_texts(self.language)]

    def _inputs_changed(self) -> None:
        """A control was set: run now, or say that the results shown are out of date."""
        if self.auto_run:
            self.run()
        else:
            self.stale = bool(self.results)
            self._show_status()

    def advance(self, done: int, total: int) -> None:
        """Show progress of a run of many simulations (the stress test's replications)."""
        self.progress.layout.display = None
        self.progress.max, self.progress.value = max(1, total), done

    def run(self) -> bool:
        """Simulate and redraw table and figure; the button says so meanwhile (`_set_busy`).

        Returns False, leaving the last results on screen, when the input is invalid or the figure
        cannot be drawn.
        """
        self._set_busy(True)
        started = time.perf_counter()
        try:
            results = self._simulate()
            if results is None or not self._show(results):
                return False
            self.seconds = time.perf_counter() - started
            self.stale = False
            self._show_status()
            self._shown()
            return True
        finally:
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        """The button while a Run is going ('Running…', disabled) and after it."""
        self.busy = busy
        self.run_button.disabled = busy
        self.run_button.description = text("panel.running" if busy else self.run_key, self.language)
        self.run_button.icon = "hourglass-half" if busy else "play"

    def redraw(self) -> None:
        """Replace the table and the figure with those of the current results, each in one step.

        Both are made before either is shown, so a figure that fails leaves the old table and figure together.
        """
        with self._draw_lock:
            table, image = self._table_html(), figure_png(self._figure())
            self.table.value, self.image.value = table, image
            self.image.layout.display = None

    def _show(self, results: dict) -> bool:
        """Draw `results`; if that fails, keep the last results on screen and say why in the status line.

        A button's callback that raises is silent in JupyterLab (the error goes to a log the student
        never opens), so the panel would seem to do nothing.
        """
        previous, self.results = self.results, results
        try:
            self.redraw()
        except Exception as error:  # any failure of a figure function, also a lesson's own
            self.results = previous
            self._draw_failed(error)
            return False
        return True

    def _draw_failed(self, error: Exception, key: str = "panel.draw_failed") -> None:
        """Say in the status line that drawing (or, with `key` "panel.run_failed", running) failed: a user mistake
        (a KPI name mistyped in a lesson's figure) in the panel's language, anything else with its type."""
        problem = (error.in_language(self.language) if isinstance(error, KitError)
                   else f"{type(error).__name__}: {error}")
        self.status.value = f"<b>{text(key, self.language, error=html.escape(problem))}</b>"

    def set_language(self, language: str) -> None:
        """Relabel the controls, the button, the table and the figure; no new simulation is needed."""
        language = resolve(language)
        if self.language_switch.value != language:
            self.language_switch.value = language  # its observer calls back here
            return
        self.language = language
        self._set_busy(self.busy)  # the button's words in the new language, for what it does now
        self._relabel()
        self._redraw_in_language()

    def _redraw_in_language(self) -> None:
        """The answer on screen and the status line again, in `self.language` (no new simulation)."""
        if self.results and not self._show(self.results):
            return
        self._show_status()


class ScenarioRunner(Runner):
    """A `Runner` over one or more named `ScenarioPanel`s, simulated on the same seed (common random numbers).

    The first seed is shown at once; then `replications` − 1 more seeds run in the background (on the
    kernel's shared process pool, or serially with `workers=1`), and `runs` fills in pair by pair, so
    the figure's band and the table's intervals follow while the student reads the first answer.
    """

    #: Least seconds between two redraws while the band fills in (each costs a figure's drawing time).
    REDRAW_SECONDS = 2.0

    def __init__(self, panels: dict[str, ScenarioPanel], seed: int, language: str | None, auto_run: bool,
                 replications: int | None = None, workers: int | None = None):
        super().__init__(seed, language, auto_run)
        self.panels = panels
        self.replications = background.DEFAULT_REPLICATIONS if replications is None else replications
        if self.replications < 1:
            raise kit_error(ScenarioError, "error.panel_replications", got=shown(self.replications))
        self.band = Replications(False if workers == 1 else None)
        self.runs: dict[str, list[Replication]] = {}
        self.band_done = self.band_total = 0
        self._band_started = self._last_redraw = 0.0
        self.band_seconds: float | None = None
        self._scenarios: dict[str, Scenario] = {}
        for panel in panels.values():
            panel.on_change(self._inputs_changed)

    def _simulate(self) -> dict[str, SimulationResult] | None:
        scenarios = {name: panel.scenario() for name, panel in self.panels.items()}
        if any(scenario is None for scenario in scenarios.values()):  # the controls say why; no stale 'press Run'
            self.status.value = f"<b>{text('panel.not_simulated', self.language)}</b>"
            return None
        self._scenarios = scenarios
        return {name: simulate(scenario, self.seed) for name, scenario in scenarios.items()}

    @property
    def band_complete(self) -> bool:
        """Whether every replication of the last Run is in `runs` (and so in the figure and table)."""
        return self.band_done == self.band_total

    def _show(self, results: dict) -> bool:
        """New results start with one run each (their band follows); a failed drawing keeps the old runs too."""
        if results is self.results:  # redrawn, e.g. in another language
            return super()._show(results)
        self.band.cancel()
        previous = self.runs, self.band_total, self.band_done, self.band_seconds
        self.runs = {name: [Replication.of(result)] for name, result in results.items()}
        self.band_total, self.band_done, self.band_seconds = self.replications - 1, 0, None
        if super()._show(results):
            return True
        self.runs, self.band_total, self.band_done, self.band_seconds = previous
        return False

    def _shown(self) -> None:
        if self.band_total:
            self._band_started = self._last_redraw = time.perf_counter()
            self.band.start(self._scenarios, self.results, self.seed, self.replications, self._band_update)
            self._show_status()

    def _band_update(self, runs: dict[str, list[Replication]], done: int, total: int) -> None:
        """A pair finished in the background: keep it, show progress, redraw now and then and at the end."""
        try:
            self.runs, self.band_done = runs, done
            self.advance(done + 1, total + 1)
            now = time.perf_counter()
            if done == total:
                self.band_seconds = now - self._band_started
            if done and (done == total or now - self._last_redraw >= self.REDRAW_SECONDS):
                self.redraw()
                self._last_redraw = time.perf_counter()
            self._show_status()
        except Exception as error:  # in a background thread nobody would see it otherwise
            self._draw_failed(error)

    def wait(self, timeout: float | None = None) -> None:
        """Wait until the band of the last Run is complete (for scripts, tests and lessons that quote it)."""
        if self.band.future is not None:
            self.band.future.result(timeout)

    def _show_status(self) -> None:
        super()._show_status()
        if self.stale or not self.results or not self.band_total:
            return
        if self.band_complete:
            seconds = number(self.band_seconds or 0.0, 1, self.language)
            line = text("paths.complete", self.language, total=self.band_total + 1, seconds=seconds)
        else:
            line = text("paths.filling", self.language, done=self.band_done + 1, total=self.band_total + 1)
        self.status.value += f"<br><span class='kit-band'>{line}</span>"

    def _relabel(self) -> None:
        for panel in self.panels.values():
            panel.set_language(self.language)
