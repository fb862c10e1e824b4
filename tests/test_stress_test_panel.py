"""The stress-test panel of notebook 08: Run gives the chance that A beats B, with a figure and progress."""

from __future__ import annotations

import re

import pytest

from simulation import ScenarioError, preset
from simulation.experiment import compare
from simulation.language import text
from simulation.widgets import StressTestPanel, chance_table, runs_table

ONE_YEAR = dict(replications=3, years=1, workers=1)


@pytest.fixture(scope="module")
def panel():
    """A panel run once with its defaults; tests that change the controls build their own."""
    panel = StressTestPanel(**ONE_YEAR)
    panel.run()
    return panel


def test_run_answers_with_the_chance_per_kpi_and_a_figure(panel):
    assert panel.result.settings["a"] == "honest_promise" and panel.result.settings["b"] == "over_promise"
    assert (panel.progress.value, panel.progress.max) == (6, 6)  # both strategies, every run counted
    assert "A better in" in panel.table.value and "Margin" in panel.table.value
    assert "honest promise against over-promise" in panel.status.value
    assert panel.image.value[:4] == b"\x89PNG"
    assert set(panel.result.uncertain) == {"market.competitor_intensity", "churn.annual_at_grade_6"}


def test_the_controls_decide_what_runs():
    panel = StressTestPanel(**ONE_YEAR)
    panel.ranges["market.competitor_intensity"].value = (1.2, 1.4)
    panel.choose_b.value = "customer_intimacy"
    result = panel.run()
    assert result.settings["b"] == "customer_intimacy"
    assert result.runs["market.competitor_intensity"].between(1.2, 1.4).all()
    assert result.scenarios["customer_intimacy"]["run.years"] == 1


def test_chance_table_reads_like_a_report(panel):
    table = chance_table(panel.result, ["margin", "nps", "churn_rate_annual"], language="nl")
    assert list(table.index) == ["Marge", "Net Promotor Score", "Klantverloop per jaar"]
    assert list(table.columns) == ["A: eerlijk beloven", "B: te veel beloven", "A − B", "95 %-interval van A − B",
                                   "A beter in"]
    assert table.iloc[0, -1].endswith(" %") and " – " in table.iloc[0, 3]
    assert table.iloc[0, 0].startswith("€ ") and "e+" not in table.to_string()


def test_a_range_that_cannot_be_simulated_is_shown_not_raised():
    panel = StressTestPanel(assumptions={"market.share_small": (0.6, 0.95)}, **ONE_YEAR)
    assert panel.run() is None
    assert "share_small" in panel.status.value and not panel.run_button.disabled


def test_a_range_closed_to_one_value_is_that_value_known():
    """Both handles on one value is a natural thing to try ('what if churn at a 6 were exactly 15 %?'); it was
    refused with a Python repr, 'Je gaf Uniform(low=0.15, high=0.15)'."""
    panel = StressTestPanel(**ONE_YEAR)
    panel.ranges["churn.annual_at_grade_6"].value = (0.15, 0.15)
    result = panel.run()
    assert result is not None and "Uniform" not in panel.status.value
    assert set(result.uncertain) == {"market.competitor_intensity"}
    assert result.scenarios["honest_promise"]["churn.annual_at_grade_6"] == 0.15


def test_only_numeric_parameters_can_be_ranges():
    with pytest.raises(ScenarioError, match="funnel.promise_policy"):
        StressTestPanel(assumptions={"funnel.promise_policy": (0, 1)})


def test_the_panel_speaks_dutch_too(panel):
    panel.language_switch.value = "nl"
    assert panel.run_button.description == "Start stresstest"
    assert "A beter in" in panel.table.value and "eerlijk beloven" in panel.choose_a.label
    assert panel.range_readouts["churn.annual_at_grade_6"].value == "12–30 % per jaar"  # the unit said once
    panel.language_switch.value = "en"


def test_switching_the_language_is_no_change_of_settings():
    """New dropdown options in Dutch briefly move strategy A to the first preset: that must not mark the answer out
    of date, nor start a run ahead of other settings."""
    panel = StressTestPanel(replications=3, years=1, workers=2)
    panel.run()
    ahead = panel._ahead
    panel.set_language("nl")
    assert not panel.stale and "gepaarde runs" in panel.status.value and panel._ahead is ahead
    assert panel.choose_a.value == "honest_promise" and panel.choose_a.label == "eerlijk beloven"
    panel.choose_b.value = "baseline"  # a real change still counts
    assert panel.stale and panel._ahead.settings[1] == "baseline"


def test_a_range_readout_follows_its_slider():
    panel = StressTestPanel(**ONE_YEAR)
    panel.ranges["churn.annual_at_grade_6"].value = (0.1, 0.25)
    assert panel.range_readouts["churn.annual_at_grade_6"].value == "10%–25% per year"


def test_the_starting_settings_run_ahead_on_a_warm_pool_and_give_the_same_numbers(panel):
    ahead = StressTestPanel(replications=3, years=1, workers=2)  # a pool of 2, started with the panel
    assert ahead.pool is not None and ahead._ahead is not None
    result = ahead.run()
    assert result.runs[["variant", "margin"]].equals(panel.result.runs[["variant", "margin"]])  # bit for bit
    ahead.years.value = 2  # other settings: run ahead from the change, and Run takes that run
    assert ahead.run().scenarios["honest_promise"]["run.years"] == 2
    assert (ahead.progress.value, ahead.progress.max) == (6, 6)


def test_a_change_starts_the_new_settings_at_once_and_a_later_change_stops_the_earlier():
    """The seconds between choosing and pressing Run are not lost: each change runs ahead in the background;
    Run takes that run (and shows its progress); a run ahead of settings changed again stops."""
    from concurrent.futures import CancelledError

    from simulation.widgets.stress_test import _Superseded

    panel = StressTestPanel(replications=3, years=2, workers=2)
    panel.ranges["market.competitor_intensity"].value = (1.1, 1.3)
    first = panel._ahead
    panel.choose_b.value = "customer_intimacy"
    assert first.cancelled and panel._ahead.settings == panel._settings()
    with pytest.raises((_Superseded, CancelledError)):  # stopped at its next run, or before it started
        first.future.result()
    started = panel._ahead.future
    result = panel.run()
    assert started.done() and result is started.result()
    assert result.settings["b"] == "customer_intimacy" and result.runs["market.competitor_intensity"].between(1.1, 1.3).all()
    assert (panel.progress.value, panel.progress.max) == (6, 6)


def test_the_answer_fills_in_pair_by_pair_and_the_figure_follows_with_all(monkeypatch):
    """While the pairs run, the table gives the answer over the first pairs finished and says so; the figure of
    the Run before is hidden meanwhile; the last Run's answer and figure come with all the pairs."""
    from simulation.experiment import runner

    monkeypatch.setattr(runner, "PARTIAL_SECONDS", 0.0)
    monkeypatch.setattr(runner, "PARTIAL_FIRST", 1)
    panel = StressTestPanel(**ONE_YEAR)
    panel.run()
    seen = []
    panel.status.observe(lambda change: seen.append((change["new"], panel.image.layout.display, panel.table.value)),
                         names="value")
    panel.ranges["market.competitor_intensity"].value = (1.2, 1.4)
    result = panel.run()
    so_far = [(status, display, table) for status, display, table in seen if "Answer so far" in status]
    assert [status for status, _, _ in so_far] == [f"<i>{text('stress.so_far', 'en', done=k, total=3)}</i>"
                                                   for k in (1, 2)]
    assert all(display == "none" and "A better in" in table for _, display, table in so_far)
    assert so_far[0][2] != panel.table.value  # one pair's answer, then all three
    assert panel.image.layout.display is None and "3 paired runs" in panel.status.value
    assert result.replications == 3


@pytest.mark.parametrize("failure", [ScenarioError("The worker processes stopped."), KeyboardInterrupt()])
def test_a_run_that_fails_after_an_answer_so_far_puts_the_last_answer_back(monkeypatch, failure):
    """An answer so far of a Run that then fails (a broken pool, the student stopping the kernel) does not stay
    on screen with the figure hidden: the last finished Run's table and figure come back."""
    from simulation.experiment import runner

    monkeypatch.setattr(runner, "PARTIAL_SECONDS", 0.0)
    monkeypatch.setattr(runner, "PARTIAL_FIRST", 1)
    panel = StressTestPanel(**ONE_YEAR)
    panel.run()
    table, figure = panel.table.value, panel.image.value
    calls, simulate_jobs = [], runner.simulate_jobs

    def failing(jobs):
        calls.append(jobs)
        if len(calls) == 4:  # the first pair has run and its answer is on screen
            raise failure
        return simulate_jobs(jobs)

    monkeypatch.setattr(runner, "simulate_jobs", failing)
    seen = []
    panel.status.observe(lambda change: seen.append(change["new"]), names="value")
    panel.ranges["market.competitor_intensity"].value = (1.2, 1.4)
    if isinstance(failure, ScenarioError):
        assert panel.run() is None
        assert "worker processes stopped" in panel.status.value
    else:
        with pytest.raises(KeyboardInterrupt):
            panel.run()
    assert any("Answer so far" in status for status in seen)
    assert (panel.table.value, panel.image.value, panel.image.layout.display) == (table, figure, None)
    assert panel.result.runs["market.competitor_intensity"].between(0.7, 1.5).all()  # the last finished Run's


def test_an_answer_so_far_that_cannot_be_shown_does_not_stop_the_runs(monkeypatch):
    from simulation.experiment import runner
    from simulation.widgets import stress_test

    monkeypatch.setattr(runner, "PARTIAL_SECONDS", 0.0)
    monkeypatch.setattr(runner, "PARTIAL_FIRST", 1)
    panel = StressTestPanel(**ONE_YEAR)
    shown = stress_test.chance_table
    calls = []

    def failing_once(result, *args):
        calls.append(result.replications)
        if len(calls) == 1:
            raise ValueError("a table that cannot be drawn")
        return shown(result, *args)

    monkeypatch.setattr(stress_test, "chance_table", failing_once)
    result = panel.run()
    assert result is not None and result.replications == 3 and calls[0] == 1
    assert "3 paired runs" in panel.status.value and "A better in" in panel.table.value


def test_run_shows_the_run_aheads_answer_so_far_at_once():
    """Run pressed while the run ahead is under way shows its latest answer so far at once, not at its next one;
    pressed after the run ahead has finished, it shows the whole answer without a stale answer so far first."""
    import threading
    from concurrent.futures import Future

    from simulation.experiment import compare
    from simulation.widgets.stress_test import _Job

    panel = StressTestPanel(**ONE_YEAR)
    settings = panel._settings()
    so_far, whole = compare("honest_promise", "over_promise", 2, seed=0), panel._start(settings).future.result()
    answer = f"<i>{text('stress.so_far', 'en', done=2, total=3)}</i>"
    for finished in (False, True):
        future, seen = Future(), []
        panel.status.observe(lambda change, seen=seen: seen.append(change["new"]), names="value")
        panel._ahead = _Job(settings, future=future, so_far=so_far)
        if finished:
            future.set_result(whole)
        else:
            threading.Timer(0.5, future.set_result, [whole]).start()  # the run ahead ends while Run waits
        panel.run()
        assert (answer in seen) is not finished, seen
        assert "3 paired runs" in panel.status.value and panel.image.layout.display is None


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_figure_fits_beside_the_controls_and_keeps_its_texts_inside(language):
    """The longest strategy names, in either language: every title, label, tick and legend inside the figure, which
    is a panel's width (so it stands beside the controls on a laptop screen)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from simulation.language import scenario_name
    from simulation.plots.style import FIGURE_DPI, PANEL_WIDTH
    from simulation.presets import PRESETS
    from simulation.widgets.stress_test import difference_figure

    a, b = sorted(PRESETS, key=lambda name: len(scenario_name(name, language)))[-2:]
    panel = StressTestPanel(a=a, b=b, language=language, **ONE_YEAR)
    figure = difference_figure(panel.run(), panel.kpis, language)
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    width, height = figure.get_size_inches() * figure.dpi
    assert width <= PANEL_WIDTH * FIGURE_DPI + 1
    def drawn(labels, ticks, limits):  # matplotlib labels ticks beyond the axis too, but draws only those on it
        return [label for label, tick in zip(labels, ticks) if min(limits) <= tick <= max(limits)]

    texts = [figure.texts]
    for ax in figure.axes:
        texts += [[ax.title, ax.xaxis.label, ax.yaxis.label], ax.get_legend().get_texts(),
                  drawn(ax.get_xticklabels(), ax.get_xticks(), ax.get_xlim()),
                  drawn(ax.get_yticklabels(), ax.get_yticks(), ax.get_ylim())]
    shown = [t for group in texts for t in group if t.get_visible() and t.get_text()]
    assert any(scenario_name(a, language) in t.get_text() for t in shown)
    for item in shown:
        box = item.get_window_extent(renderer)
        assert box.x0 >= -1 and box.y0 >= -1 and box.x1 <= width + 1 and box.y1 <= height + 1, item.get_text()


@pytest.mark.parametrize(("name", "low", "high", "language", "shown"), [
    ("churn.annual_at_grade_6", 0.12, 0.3, "en", "12%–30% per year"),
    ("churn.annual_at_grade_6", 0.12, 0.3, "nl", "12–30 % per jaar"),
    ("market.competitor_intensity", 0.7, 1.5, "nl", "0,7×–1,5×"),
    ("market.campaign_spend_per_month", 10000, 40000, "nl", "€ 10.000 – € 40.000 per maand"),
    ("market.nurture_months", 1, 12, "en", "1.0–12.0 months"),  # a range counts in plurals, from 1 too
    ("market.nurture_months", 1, 12, "nl", "1,0–12,0 maanden"),
])
def test_a_range_says_its_unit_in_words_once(name, low, high, language, shown):
    from simulation.parameters import SPECS

    assert SPECS[name].range_text(low, high, language) == shown


def test_runs_table_shows_assumptions_and_kpis_without_seeds_or_scientific_notation(panel):
    table = runs_table(panel.result, language="nl")
    shown = table.to_string()
    assert "seed" not in shown.lower() and "e+" not in shown
    assert set(table.columns) == {"Intensiteit concurrentie", "Verloop bij een 6", "Marge", "Net Promotor Score"}
    assert table.iloc[0]["Marge"].startswith("€ ") and table.iloc[0]["Verloop bij een 6"].endswith(" % per jaar")
    assert table.index[0] == ("eerlijk beloven", 1)


def test_no_broken_image_before_the_first_run():
    fresh = StressTestPanel(**ONE_YEAR)
    assert fresh.image.layout.display == "none" and not fresh.image.value  # an empty image shows a broken icon
    fresh.run()
    assert fresh.image.layout.display is None and fresh.image.value[:4] == b"\x89PNG"


def test_an_overloaded_desk_is_named_in_the_status_line(panel, monkeypatch):
    """The numbers of a company that cannot cope come with a warning, in the panel's language."""
    from dataclasses import replace

    from simulation.experiment.result import DeskWarning

    busy = replace(panel.result, overloads=[DeskWarning("over_promise", "service", 2_000, 300, 2, 3)])
    monkeypatch.setitem(panel.results, "experiment", busy)
    monkeypatch.setattr(panel, "stale", False)  # the shared panel may have been left with changed settings
    panel._show_status()
    assert "over-promise: service desk overloaded in 2 of 3 runs; at worst 2,000 incidents waiting" \
        in panel.status.value
    monkeypatch.setattr(panel, "language", "nl")
    panel._show_status()
    assert "te veel beloven: servicedesk overbelast in 2 van 3 runs" in panel.status.value
    monkeypatch.setitem(panel.results, "experiment", panel.result.__class__(**{**vars(busy), "overloads": []}))
    panel._show_status()
    assert "overloaded" not in panel.status.value and "overbelast" not in panel.status.value


def test_the_tables_speak_the_lessons_language_by_default(panel):
    """A Dutch lesson calls set_language('nl') once; its tables then need no language argument (lesson 08)."""
    from simulation.widgets import set_language

    set_language("nl")
    try:
        chance, runs = chance_table(panel.result), runs_table(panel.result)
    finally:
        set_language("en")
    assert "Marge" in chance.index and "A beter in" in chance.columns
    assert list(runs.index.names) == [text("panel.scenario", "nl"), text("panel.run_number", "nl")]
    assert chance_table(panel.result).index[0] == "Margin"


def test_a_figure_that_fails_is_reported_in_the_panel_not_raised(monkeypatch):
    panel = StressTestPanel(**ONE_YEAR)
    panel.run()
    monkeypatch.setattr(panel, "_figure", lambda: 1 / 0)
    panel.language_switch.value = "nl"  # redrawing in Dutch fails: said in the status line, nothing raised
    assert "ZeroDivisionError: division by zero" in panel.status.value


def test_a_scenario_against_itself_is_equal_and_named_in_the_tables_language():
    """The same strategy as A and B: 'A better in 50 %' (a tie counts half) said more than the runs do, and the
    sides were named in English ('honest promise (A)') in a Dutch table."""
    same = preset("honest_promise").replace({"run.years": 1})
    table = chance_table(compare(same, same, 2, 0), language="nl")
    assert list(table.columns[:2]) == ["A: eerlijk beloven (A)", "B: eerlijk beloven (B)"]
    assert set(table[text("stress.chance", "nl")]) == {"gelijk"}


def _until(condition, seconds: float = 60.0) -> None:
    """Wait for something the button's Run does in its own thread (polling; the run itself sets the pace)."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the panel never got there"
        time.sleep(0.01)


@pytest.fixture
def counted_runs(monkeypatch):
    """A fresh run cache, and the replications actually simulated (so a test sees what was kept)."""
    from simulation.experiment import runner
    from simulation.experiment.run_cache import RunCache
    from simulation.widgets import background

    monkeypatch.setattr(background, "RUNS", RunCache())
    simulated, simulate_jobs = [], runner.simulate_jobs

    def counting(jobs):
        simulated.extend(jobs)
        return simulate_jobs(jobs)

    monkeypatch.setattr(runner, "simulate_jobs", counting)
    return simulated


def test_the_button_runs_in_the_background_so_it_can_stop_the_run(counted_runs, monkeypatch):
    """200 runs of 20 years take minutes, and a button's callback cannot be interrupted: the button's Run goes on
    in a thread of its own, the button says Stop meanwhile (not at once: a double-click is no Stop), and Stop ends
    the Run at its next finished run with the runs done kept, so pressing Run again goes on where it stopped and
    gives the same answer as one whole Run."""
    from simulation.experiment.run_cache import RunCache
    from simulation.widgets import background

    language = "en"  # (the Dutch button: test_the_kernel_hears_the_panel_during_the_buttons_run)
    settings = dict(replications=6, years=1, workers=1, language=language)
    panel = StressTestPanel(**settings)
    panel.run_button.click()  # returns while the Run goes on
    panel.run_button.click()  # the second click of a double-click
    _until(lambda: panel.run_button.description == "Stop")
    assert (panel.run_button.disabled, panel.run_button.button_style) == (False, "warning")
    panel.run_button.click()  # Stop
    assert panel.run_button.disabled  # until the run under way ends
    panel._press.result(60)
    stopped_at = len(counted_runs)
    assert 1 <= stopped_at < 12 and panel.result is None and not panel.image.value
    assert panel.status.value == "<i>{}</i>".format(text("stress.stopped", language, done=panel.progress.value,
                                                          total=12, run=text("stress.run", language)))
    assert (panel.run_button.description, panel.run_button.disabled, panel.run_button.button_style) == (
        text("stress.run", language), False, "primary")
    panel.run_button.click()  # go on
    panel._press.result(60)
    assert len(counted_runs) == 12  # the runs done before Stop were not run again
    monkeypatch.setattr(background, "RUNS", RunCache())  # one whole Run, computed afresh
    whole = StressTestPanel(**settings).run()
    assert len(counted_runs) == 24 and panel.result.runs.equals(whole.runs)  # bit for bit


def test_stop_on_a_pool_keeps_the_runs_under_way(monkeypatch):
    """On a pool a run is under way on the other core when Stop comes: it finishes and is kept (it was lost)."""
    from simulation.experiment.run_cache import RunCache
    from simulation.widgets import background

    monkeypatch.setattr(background, "RUNS", RunCache())
    panel = StressTestPanel(replications=10, years=2, workers=2, run_ahead=False)
    panel.run_button.click()
    _until(lambda: panel.run_button.description == "Stop" and panel.progress.value >= 1)
    panel.run_button.click()
    panel._press.result(60)
    done = int(re.search(r"Stopped after (\d+) of 20 runs", panel.status.value).group(1))
    _until(lambda: len(background.RUNS) >= done + 2)  # the run that ended the Run, and the one under way


def test_a_stop_heard_as_the_run_ends_does_nothing():
    """A click that reaches the kernel after the Run's answer is in but before its thread has ended is neither a
    Stop (it left the button disabled for good) nor a new Run."""
    from concurrent.futures import Future

    panel = StressTestPanel(**ONE_YEAR)
    ending = panel._press = Future()  # the thread of a Run whose answer is in
    panel.run_button.click()
    assert panel._press is ending and not panel.run_button.disabled and panel.status.value == ""


def test_a_run_that_ends_as_soon_as_stop_tells_it_leaves_stopped_and_the_button_back(monkeypatch):
    """The Run's thread may end ('Stopped after …', the button back) before the Stop click's own callback has gone
    on: the panel then said 'Stopping…' for good, with the button disabled (the browser test saw it in CI)."""
    import threading

    from simulation.widgets import stress_test

    panel = StressTestPanel(replications=6, years=1, workers=1, run_ahead=False)
    cancel = stress_test._Job.cancel

    def cancel_and_let_the_run_end(job):
        cancel(job)
        if threading.current_thread() is threading.main_thread():  # the click's callback waits for the Run's end
            panel._press.result(60)

    monkeypatch.setattr(stress_test._Job, "cancel", cancel_and_let_the_run_end)
    panel.run_button.click()
    _until(lambda: panel.run_button.description == "Stop")
    panel.run_button.click()  # Stop
    assert "Stopped after" in panel.status.value, panel.status.value
    assert (panel.run_button.description, panel.run_button.disabled) == (text("stress.run", "en"), False)


def test_a_language_switch_during_the_buttons_run_redraws_its_answer_so_far(counted_runs, monkeypatch):
    """The answer so far of the Run going on, not the last finished Run's (or none), in the new language."""
    from simulation.experiment import runner

    monkeypatch.setattr(runner, "PARTIAL_SECONDS", 0.0)
    monkeypatch.setattr(runner, "PARTIAL_FIRST", 1)
    panel = StressTestPanel(replications=6, years=1, workers=1)
    panel.run_button.click()
    _until(lambda: "Answer so far" in panel.status.value and panel.run_button.description == "Stop")
    panel.language_switch.value = "nl"
    assert "Tussenstand over de eerste" in panel.status.value and "A beter in" in panel.table.value
    assert panel.image.layout.display == "none" and panel.run_button.description == "Stop"
    panel._press.result(60)
    assert "6 gepaarde runs" in panel.status.value and panel.image.layout.display is None


def test_a_worker_that_dies_is_told_in_the_panels_language_and_replaced(monkeypatch):
    """A worker killed (out of memory) broke the pool for good: every later Run failed with BrokenProcessPool."""
    import os
    import signal

    from simulation.experiment.run_cache import RunCache
    from simulation.widgets import background

    monkeypatch.setattr(background, "RUNS", RunCache())
    panel = StressTestPanel(replications=2, years=1, workers=2, run_ahead=False, language="nl")
    broken = panel.pool
    for pid in list(broken._processes):
        os.kill(pid, signal.SIGKILL)
    assert panel.run() is None
    assert text("stress.workers_stopped", "nl", run="Start stresstest") in panel.status.value
    assert panel.pool is not broken and panel.run().replications == 2


def test_a_run_of_the_button_that_fails_says_so_in_the_panel(counted_runs, monkeypatch):
    """An error in the button's own thread would be seen by nobody; the status line says what failed."""
    from simulation.experiment import runner

    panel = StressTestPanel(**ONE_YEAR)
    monkeypatch.setattr(runner, "simulate_jobs", lambda jobs: 1 / 0)
    panel.language_switch.value = "nl"
    panel.run_button.click()
    panel._press.result(60)
    assert "De run is mislukt (ZeroDivisionError: division by zero)" in panel.status.value
    assert panel.run_button.description == "Start stresstest" and not panel.run_button.disabled


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_long_range_in_a_panel_table_breaks_only_after_its_dash(language):
    """A 20-year stress test's interval ('€ +37.474.989 – € +136.754.983') made the table wider than its column,
    over the figure beside it: a range may now go on the next line after its dash, a number never breaks."""
    import re

    from simulation.language import EN_DASH, euro, value_range
    from simulation.widgets.formatting import html_table

    interval = value_range(euro(37_474_989, language, signed=True), euro(136_754_983, language, signed=True))
    table = html_table(["KPI", "A − B", text("stress.interval", language)], [["Margin", "€ 2", interval]])
    cells = re.findall(r"<td style=\"([^\"]*)\">(.*?)</td>", table)
    assert all("white-space:nowrap" in style for style, _ in cells[:2])  # (a number never breaks)
    style, content = cells[2]
    pieces = re.findall(r'<span style="white-space:nowrap">(.*?)</span>', content)
    assert "white-space:normal" in style and content.count("</span> <span") == 1  # the one place to break
    assert pieces[0].endswith(EN_DASH) and " ".join(pieces) == interval


def test_the_kernel_hears_the_panel_during_the_buttons_run(counted_runs):
    """The kernel is free while the button's Run goes on, so a student can switch the language or move a control
    meanwhile: the button keeps saying Stop (in the new language), and an answer that comes for settings the
    controls have left says it is out of date; a Run from code after a stopped one is not stopped too."""
    panel = StressTestPanel(replications=6, years=1, workers=1)
    panel.run_button.click()
    _until(lambda: panel.run_button.description == "Stop")
    panel.language_switch.value = "nl"
    assert (panel.run_button.description, panel.run_button.disabled) == ("Stop", False)
    panel.choose_b.value = "baseline"
    panel._press.result(60)
    assert panel.result.settings["b"] == "over_promise" and panel.stale
    assert text("panel.stale", "nl", run="Start stresstest") in panel.status.value
    panel.years.value = 2  # both strategies again, 12 runs of 2 years: long enough to be stopped
    panel.run_button.click()
    _until(lambda: panel.run_button.description == "Stop")
    panel.run_button.click()
    panel._press.result(60)
    assert "Gestopt na" in panel.status.value
    panel.replications.value = 2  # (a short Run will do)
    assert panel.run().settings["b"] == "baseline" and panel.run_button.description == "Start stresstest"
