"""The stress-test panel: two strategies, uncertain assumptions as ranges, the chance that one wins.

A manager does not know next year's competitor pressure or how quickly
unhappy customers leave; the panel lets them state those as ranges, runs
both strategies on the same sampled worlds (paired replications), and answers
in their terms: "A gives more margin than B in 85 % of the futures we tried",
with the difference A − B and its 95 % interval, and the distribution of
A − B. It is a `Runner` like the lesson panels; it only builds scenarios and
calls `compare`. Its worker processes start when the panel is made, and the
panel's starting settings are already run in the background then (while the
student reads the lesson), so the first Run is as good as instant. Every
change of a control starts the new settings in the background at once (the
last change wins; an older run ahead stops), so the seconds between choosing
and pressing Run are not lost; Run then waits for that run, with its
progress; the pairs run one after the other, so the table gives the answer
over the pairs finished so far while the others run (the figure follows
with all of them). Runs are kept (`background.RUNS`), so choosing another
strategy B runs only B's 20; a new range or horizon runs all 40 (see README
for the measured seconds). The button's Run goes on in a thread of its own,
so the kernel stays free to hear the button again: during a Run it says
Stop (200 runs of 20 years take minutes), and a stopped Run's finished runs
are kept for the next.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import ipywidgets as widgets
from matplotlib.figure import Figure

from ..errors import shown
from ..experiment.designs import compare
from ..experiment.result import ExperimentResult, check_kpi
from ..experiment.tables import chance_table
from ..language import kit_error, scenario_name, text
from ..parameters import SPECS
from ..plots.experiment import difference_histogram
from ..plots.style import PANEL_WIDTH
from ..presets import PRESETS, preset
from ..scenario import ScenarioError, unknown_parameter
from . import background
from .background import warm_pool
from .controls import relabel_choices
from .formatting import html_table
from .runner import Runner

#: Assumptions a manager is typically unsure about, with a plausible starting range.
DEFAULT_ASSUMPTIONS = {"market.competitor_intensity": (0.7, 1.5), "churn.annual_at_grade_6": (0.12, 0.3)}
_WIDTH = {"description_width": "190px"}
#: The button says Stop this long after Run was pressed, not at once: the second click of a double-click is no Stop.
DOUBLE_CLICK_SECONDS = 0.5


def difference_figure(result: ExperimentResult, kpis: Sequence[str] = ("margin", "nps"),
                      language: str = "en") -> Figure:
    """The distribution of A − B for each KPI, one above the other, at a panel's width (beside the controls)."""
    figure = Figure(figsize=(PANEL_WIDTH, 2.8 * len(kpis)), layout="constrained")
    for ax, kpi in zip(figure.subplots(len(kpis), 1, squeeze=False)[:, 0], kpis):
        difference_histogram(result, kpi, language, ax=ax)
    return figure


class _Superseded(Exception):
    """Raised in a job that is no longer wanted: a run ahead whose settings are no longer the controls', or a Run
    the student stopped (it stops at its next finished run)."""


@dataclass
class _Job:
    """Settings being run in the background (ahead of Run, or for it), and how far that run is."""

    settings: tuple
    future: Future | None = None
    done: int = 0
    total: int = 0
    shown: bool = False  # Run waits for it: its progress (and its answers so far) go to the panel
    cancelled: bool = False  # the controls changed again, or Stop was pressed: it stops at its next finished run
    so_far: ExperimentResult | None = None  # its latest answer so far, shown as soon as Run waits for it

    def cancel(self) -> None:
        """Stop at the next finished run; one still waiting for the background thread never starts."""
        self.cancelled = True
        if self.future is not None:
            self.future.cancel()


class StressTestPanel(Runner):
    """Dropdowns for two presets, a range slider per uncertain assumption, a Run button with a
    progress bar, and as answer the chance that A beats B on margin and NPS with the figure."""

    run_key = "stress.run"

    def __init__(self, a: str = "honest_promise", b: str = "over_promise",
                 assumptions: Mapping[str, tuple[float, float]] | None = None, *, replications: int = 20,
                 years: int = 3, seed: int = 0, kpis: Sequence[str] = ("margin", "nps"),
                 language: str | None = None, workers: int | None = None, run_ahead: bool = True):
        super().__init__(seed, language)
        self._background = ThreadPoolExecutor(1)  # the experiments, one at a time: ahead of Run and for it
        self._presses = ThreadPoolExecutor(1)  # the button's Runs, which wait for them
        # What the button does: `_press` is its last Run (in `_presses`), the `_presses_made`th; `_stoppable`
        # says the Run going on (`busy`) is the button's; `_stop_offered`, that the button says Stop; `_stopping`,
        # that Stop was pressed; `_running` is the job that Run waits for (None before it has one, and after).
        self._press: Future | None = None
        self._presses_made = 0
        self._stoppable = self._stop_offered = self._stopping = False
        self._ahead: _Job | None = None
        self._running: _Job | None = None
        self._run_settings: tuple | None = None  # the settings of the last Run, which the controls may have left
        self._so_far_pairs = 0  # pairs of the answer so far on screen (0: the last finished Run's answer is)
        self._relabelling = False  # the dropdowns get options in another language: their values come and go
        self.kpis = [check_kpi(k) for k in kpis]
        self.choose_a, self.choose_b = (widgets.Dropdown(options=list(PRESETS), value=name, style=_WIDTH,
                                                         layout=widgets.Layout(width="440px")) for name in (a, b))
        self.ranges = {name: self._range_slider(name, bounds)
                       for name, bounds in (DEFAULT_ASSUMPTIONS if assumptions is None else assumptions).items()}
        self.range_readouts = {name: widgets.Label() for name in self.ranges}
        self.replications = widgets.IntSlider(value=replications, min=2, max=200, style=_WIDTH,
                                              continuous_update=False, layout=widgets.Layout(width="440px"))
        self.years = widgets.IntSlider(value=years, min=1, max=SPECS["run.years"].high, style=_WIDTH,
                                       continuous_update=False, layout=widgets.Layout(width="440px"))
        for control in (self.choose_a, self.choose_b, self.replications, self.years, *self.ranges.values()):
            control.observe(self._control_changed, names="value")
        self._relabel()
        rows = [widgets.HBox([slider, self.range_readouts[name]]) for name, slider in self.ranges.items()]
        self._workers = workers
        self.pool = warm_pool(workers)
        self._runs_ahead = run_ahead and self.pool is not None  # on one core it would slow the kernel down
        self._run_ahead()  # the starting settings, computed while the student reads
        left = [self.choose_a, self.choose_b, *rows, self.replications, self.years, self.toolbar(), self.table]
        column = widgets.VBox(left, layout=widgets.Layout(flex="0 0 auto", max_width="600px", margin="0 16px 0 0"))
        self.widget = widgets.Box([column, self.image], layout=widgets.Layout(flex_flow="row wrap",
                                                                             align_items="flex-start"))

    @property
    def answer(self) -> widgets.HTML:
        """The table with the answer (kept under its old name for lessons that read it)."""
        return self.table

    @property
    def result(self) -> ExperimentResult | None:
        """The experiment of the last successful run."""
        return self.results.get("experiment")

    def _control_changed(self, _change: dict) -> None:
        if not self._relabelling:
            self._inputs_changed()

    def _choice_options(self) -> None:
        """The strategies' names in the panel's language; no change of settings (`relabel_choices`: it would mark
        the answer out of date and start a run ahead)."""
        self._relabelling = True
        try:
            for dropdown in (self.choose_a, self.choose_b):
                relabel_choices(dropdown, [(scenario_name(name, self.language), name) for name in PRESETS])
        finally:
            self._relabelling = False

    def _range_slider(self, name: str, bounds: tuple[float, float]) -> widgets.FloatRangeSlider:
        if name not in SPECS:
            raise unknown_parameter(name)
        if SPECS[name].kind is not float:
            raise kit_error(ScenarioError, "error.not_a_range", got=shown(name))
        spec = SPECS[name]
        step = spec.slider_step
        return widgets.FloatRangeSlider(value=tuple(bounds), min=spec.low, max=spec.high, step=step, readout=False,
                                        tooltip=spec.help_text(self.language), continuous_update=False, style=_WIDTH,
                                        layout=widgets.Layout(width="440px"))

    def _relabel(self) -> None:
        language = self.language
        self.choose_a.description, self.choose_b.description = text("stress.a", language), text("stress.b", language)
        self.replications.description = text("stress.runs", language)
        self.years.description = text("stress.years", language)
        self._choice_options()
        for name, slider in self.ranges.items():
            slider.description = SPECS[name].label(language)
            slider.tooltip = SPECS[name].help_text(language)
        self._show_ranges()

    def _show_ranges(self) -> None:
        """The range readouts beside the sliders (the sliders show none: it would not say its unit once)."""
        for name, slider in self.ranges.items():
            self.range_readouts[name].value = SPECS[name].range_text(*slider.value, self.language)

    def _inputs_changed(self) -> None:
        self._show_ranges()  # the readouts follow the sliders; labels and choices follow only the language
        super()._inputs_changed()
        self._run_ahead()

    def _run_ahead(self) -> None:
        """Start the controls' settings in the background (without a warm pool: nothing, Run does it all)."""
        if not self._runs_ahead:
            return
        settings = self._settings()
        if self._ahead is not None:
            if self._ahead.settings == settings:
                return
            self._ahead.cancel()
        self._ahead = self._start(settings)

    def _start(self, settings: tuple) -> _Job:
        """Run `settings` in the background thread; the job says how far it is and stops when cancelled."""
        job = _Job(settings)

        def progress(done: int, total: int) -> None:
            if job.cancelled:
                raise _Superseded
            job.done, job.total = done, total
            if job.shown:
                self.advance(done, total)

        def so_far(result: ExperimentResult) -> None:
            job.so_far = result
            if job.shown:
                self._show_so_far(result, settings[2])

        def work() -> ExperimentResult:
            progress(0, 2 * settings[2])  # cancelled while it waited: stop before any run is sent
            return self._compare(settings, progress, so_far)

        job.future = self._background.submit(work)
        return job

    def _settings(self) -> tuple:
        """What the controls ask for, as a key: the same key, the same experiment."""
        ranges = tuple((name, tuple(slider.value)) for name, slider in self.ranges.items())
        return self.choose_a.value, self.choose_b.value, self.replications.value, self.years.value, ranges

    def _compare(self, settings: tuple, progress: Callable[[int, int], None],
                 so_far: Callable[[ExperimentResult], None]) -> ExperimentResult:
        a, b, replications, years, ranges = settings
        # A range with both handles on one value is that value, known: no uncertainty to draw from.
        changes = {"run.years": years, **{name: low for name, (low, high) in ranges if low == high}}
        uncertain = {name: (low, high) for name, (low, high) in ranges if low != high}
        # One run per task, so the progress ticks per run and no core idles while the other ends a chunk; the pairs
        # run one after the other, so the answer fills in while the student waits (`_show_so_far`).
        return compare(preset(a).replace(changes), preset(b).replace(changes),
                       replications, self.seed, uncertain=uncertain, progress=progress, executor=self.pool,
                       cache=background.RUNS, chunk_size=1, partial=so_far)

    def _show_so_far(self, result: ExperimentResult, pairs: int) -> None:
        """The answer over the first pairs finished (of `pairs`), while the others run; the figure (hidden meanwhile,
        as it belongs to the Run before) follows with all of them."""
        try:
            table = self._answer_html(result)
        except Exception:  # skipped, not raised: that would stop the runs; the Run's own answer says what failed
            return
        with self._draw_lock:
            if result.replications <= self._so_far_pairs:  # a later answer is on screen already
                return
            self._so_far_pairs = result.replications
            self.table.value = table
            self.image.layout.display = "none"
            self._note("stress.so_far", done=result.replications, total=pairs)

    def _put_back(self) -> None:
        """After a Run that showed answers so far and did not finish (an error, an interrupt, a figure that failed):
        the last finished Run's table and figure back on screen, or none. The status line is the caller's."""
        with self._draw_lock:
            if not self._so_far_pairs:
                return
            self._so_far_pairs = 0
            if self.results:
                try:
                    self.redraw()
                    return
                except Exception:  # its figure fails now too: no answer rather than a half one (the status says why)
                    pass
            self.table.value = ""
            self.image.layout.display = "none"

    def _show(self, results: dict) -> bool:
        shown = super()._show(results)
        if shown:
            self._so_far_pairs = 0  # the Run's own answer is on screen
        else:
            self._put_back()
        return shown

    def _simulate(self) -> dict | None:
        settings = self._settings()
        runs = 2 * settings[2]
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead.settings != settings:
            ahead.cancel()
        job = self._running = ahead if ahead is not None and ahead.settings == settings else self._start(settings)
        self._run_settings = settings
        if self._stopping:  # Stop was pressed before this Run had a job to stop
            job.cancel()
        try:
            job.shown = True  # from now on its progress and its answers so far show
            self.advance(job.done, job.total or runs)
            if job.so_far is not None and not job.future.done():  # (done: its whole answer follows at once)
                self._show_so_far(job.so_far, settings[2])
            result = job.future.result()
            self.advance(runs, runs)  # (the last tick may have raced the line above)
        except (_Superseded, CancelledError):  # stopped: the runs finished are kept for the next Run
            with self._draw_lock:  # (one step against `_stop`: no 'Stopping…' after 'Stopped after')
                self._running = None
                self._put_back()
                self._note("stress.stopped", done=job.done, total=runs, run=text(self.run_key, self.language))
            return None
        except (ScenarioError, BrokenProcessPool) as error:
            self._put_back()
            if isinstance(error, BrokenProcessPool):  # a worker died (out of memory, killed): new ones for the next
                self.pool.shutdown(wait=False, cancel_futures=True)
                self.pool = warm_pool(self._workers)
                error = kit_error(ScenarioError, "stress.workers_stopped", run=text(self.run_key, self.language))
            self.status.value = f"<b style='color:#c0392b'>{html.escape(error.in_language(self.language))}</b>"
            return None
        except BaseException:  # an interrupt, or a bug: the last finished answer, as it was, before the traceback
            job.cancel()  # (an interrupt stops only the waiting; the runs would go on)
            self._running = None
            self._put_back()
            self._show_status()
            raise
        finally:
            with self._draw_lock:
                self._running = None
        return {"experiment": result}

    def _pressed(self, _button: widgets.Button) -> None:
        """The button's Run goes on in a thread of its own, so the kernel stays free to hear the button again:
        pressed while it says Stop, it stops that Run (a kernel interrupt would not reach a button's callback).
        Pressed otherwise while that Run goes on, it does nothing: the second click of a double-click is no Stop,
        and a Stop heard as the Run ends is no new Run."""
        if self._press is not None and not self._press.done():
            if self._stop_offered:
                self._stop()
            return
        self._stopping = False
        self._presses_made += 1
        self._press = self._presses.submit(self._run_pressed)

    def _run_pressed(self) -> None:
        self._stoppable = True
        try:
            super().run()
        except Exception as error:  # a bug: in this thread nobody would see it otherwise
            self._draw_failed(error, "panel.run_failed")
        finally:
            self._stoppable = self._stopping = False

    def _show_status(self) -> None:
        """While a Run waits for its job, the status line is that Run's (a control changed meanwhile is said
        when its answer is in, `_shown`): stopping, or the answer so far."""
        job = self._running
        if job is None:
            super()._show_status()
        elif self._stopping:
            self._note("stress.stopping")
        elif self._so_far_pairs:
            self._note("stress.so_far", done=self._so_far_pairs, total=job.settings[2])
        else:
            self.status.value = ""

    def _redraw_in_language(self) -> None:
        """During a Run the answer so far, not the last Run's, is the one drawn again in the new language."""
        job = self._running
        if job is None:
            super()._redraw_in_language()
            return
        if self._so_far_pairs and job.so_far is not None:
            with self._draw_lock:
                self._so_far_pairs = 0  # the same answer so far, drawn again (a later one may come first)
            self._show_so_far(job.so_far, job.settings[2])
        self._show_status()

    def _shown(self) -> None:
        """A control changed while the button's Run went on (the kernel hears it meanwhile): the answer is of the
        settings Run was pressed with, so it says it is out of date, as after any change."""
        if self._settings() != self._run_settings:
            self.stale = True
            self._show_status()

    def _stop(self) -> None:
        """Stop the button's Run at its next finished run (the runs under way end, and are kept).

        'Stopping…' is said before the job is told, in one step with the Run's own end (`_simulate` lets go of
        its job under the same lock): the Run's thread may end as soon as its job is cancelled, and a 'Stopping…'
        written after that stayed for good, with the button disabled (seen in CI under load)."""
        with self._draw_lock:
            self._stopping = True  # (a Run still starting cancels its job as it makes it)
            job = self._running
            if job is not None:  # else its wait is over: nothing left on screen to change
                self.run_button.disabled = True
                self._note("stress.stopping")
        if job is not None:
            job.cancel()

    def _set_busy(self, busy: bool) -> None:
        """During the button's Run the button says Stop, from `DOUBLE_CLICK_SECONDS` after it was pressed; a Run
        called from code blocks the kernel, so there it says Running… (a Stop pressed then would only be heard
        after the Run, and start another)."""
        with self._draw_lock:  # (not between `_offer_stop`'s look at `busy` and its words)
            super()._set_busy(busy)
            if not busy:
                self._stop_offered = False
            elif self._stop_offered:  # (relabelled in another language)
                self._offer_stop(self._presses_made)
            elif self._stoppable:
                threading.Timer(DOUBLE_CLICK_SECONDS, self._offer_stop, [self._presses_made]).start()
            self.run_button.button_style = "warning" if busy and self._stoppable else "primary"

    def _offer_stop(self, press: int) -> None:
        """The button says Stop, if the button's `press`th Run still goes on."""
        with self._draw_lock:
            if not (self.busy and self._stoppable and press == self._presses_made):
                return
            self._stop_offered = True
            self.run_button.disabled = self._stopping  # (pressed already: until the runs under way end)
            self.run_button.description, self.run_button.icon = text("stress.stop", self.language), "stop"

    def run(self) -> ExperimentResult | None:
        """Run both strategies on the same sampled worlds and show the answer (what Run does). Called from code
        while the button's Run goes on, it waits for that Run first."""
        if self._press is not None:
            self._press.result()
        return self.result if super().run() else None

    def _table_html(self) -> str:
        return self._answer_html(self.result)

    def _answer_html(self, result: ExperimentResult) -> str:
        table = chance_table(result, self.kpis, self.language)
        return html_table([table.index.name, *table.columns],
                          [[index, *row] for index, row in zip(table.index, table.values)])

    def _figure(self) -> Figure:
        return difference_figure(self.result, self.kpis, self.language)

    def _warnings(self) -> list[str]:
        """Desks overloaded in some of the replications, per strategy, in the panel's language."""
        result = self.result if self.results else None
        return result.warning_texts(self.language) if result is not None else []

    def _done_text(self) -> str:
        return text("stress.done", self.language, n=self.result.replications, years=self.years.value,
                    seconds=self._seconds_text(), **self.result.side_names(self.language))
