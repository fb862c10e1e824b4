"""Widget panels without a browser: controls come from the parameter table, build the right Scenario,
show a message (not a traceback) for invalid input, run on the button, and switch language."""

from __future__ import annotations

import dataclasses

import ipywidgets as widgets
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from simulation import PARAMETERS, SPECS, ScenarioError, plots, preset, simulate
from simulation.comparison import kpi_difference
from simulation.language import format_value as format_kpi
from simulation.results import KPIS
from simulation.texts import UNITS
from simulation.widgets import (CompareView, ScenarioPanel, SimulationPanel, control_for, difference_summary,
                                get_language, kpi_summary, set_language)
from simulation.widgets import DEFAULT_KPIS
from simulation.widgets.controls import text_width
from simulation.plots.style import FIGURE_DPI

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class FigureSpy:
    """A tiny figure function that records how the panel called it and what the button showed meanwhile."""

    def __init__(self, button_of=None):
        self.calls: list[tuple] = []
        self.button_of = button_of
        self.button_states: list[tuple[bool, str]] = []

    def __call__(self, result, *args, language="en"):
        self.calls.append((result, args, language))
        if self.button_of is not None:
            button = self.button_of().run_button
            self.button_states.append((button.disabled, button.description))
        figure = Figure(figsize=(2, 1))
        figure.add_subplot().set_title(f"{id(result)} {language}")
        return figure


@pytest.fixture(autouse=True)
def one_run_per_panel(monkeypatch):
    """These tests are about controls, tables and languages: no band in the background (see test_paths)."""
    monkeypatch.setattr("simulation.widgets.background.DEFAULT_REPLICATIONS", 1)


@pytest.fixture
def dutch_default():
    previous = get_language()
    set_language("nl")
    yield
    set_language(previous)


@pytest.mark.parametrize("spec", PARAMETERS, ids=lambda spec: spec.name)
def test_every_parameter_gets_a_control_from_its_spec(spec):
    control = control_for(spec, spec.default, "en")
    assert control.value == spec.default
    assert control.description == spec.label_en
    assert control.tooltip == spec.help
    if spec.kind is bool:
        assert isinstance(control, widgets.Checkbox)
    elif spec.kind is str:
        assert isinstance(control, widgets.Dropdown)
        assert [value for _label, value in control.options] == list(spec.choices)
        assert all(label != value for label, value in control.options)  # every choice has a readable label
    else:
        assert isinstance(control, widgets.IntSlider if spec.kind is int else widgets.FloatSlider)
        assert (control.min, control.max) == (spec.low, spec.high)
        assert control.step == pytest.approx(spec.slider_step)
        assert control.continuous_update is False
    assert control_for(spec, spec.default, "nl").description == spec.label_nl


def test_every_choice_and_unit_has_a_readable_label_in_both_languages():
    for spec in PARAMETERS:
        assert len(spec.choice_labels) == len(spec.choices), spec.name
    units = {spec.unit for spec in PARAMETERS} | {spec.unit for spec in KPIS}
    assert units <= set(UNITS)


def test_slider_step_is_a_round_fraction_of_the_range():
    without_step = dataclasses.replace(SPECS["market.competitor_level"], step=None)  # range 0–1
    assert without_step.slider_step == pytest.approx(0.01)
    assert dataclasses.replace(without_step, high=300.0).slider_step == pytest.approx(5.0)


def test_panel_starts_at_its_base_scenario():
    panel = ScenarioPanel(concepts=["funnel"], base="over_promise")
    assert panel.scenario() == preset("over_promise")
    assert set(panel.controls) == {spec.name for spec in PARAMETERS if spec.concept == "funnel"}


def test_changing_a_control_changes_the_scenario():
    panel = ScenarioPanel(["funnel.promise_policy", "satisfaction.expectation_management"])
    panel.controls["funnel.promise_policy"].value = "no_promise"
    panel.controls["satisfaction.expectation_management"].value = 0.5
    assert panel.scenario().changes() == {"funnel.promise_policy": "no_promise",
                                          "satisfaction.expectation_management": 0.5}


def test_invalid_combination_shows_a_message_in_the_panel_and_clears_when_fixed():
    panel = ScenarioPanel(["market.share_small", "market.share_large"])
    panel.controls["market.share_large"].value = 0.6  # 0.5 small + 0.6 large > 1
    assert panel.scenario() is None
    assert "market.share_small" in panel.message.value and "market.share_large" in panel.message.value
    assert "Traceback" not in panel.message.value
    panel.controls["market.share_small"].value = 0.3
    assert panel.message.value == ""
    assert panel.scenario()["market.share_large"] == 0.6


def test_unknown_parameter_or_concept_names_what_is_wrong():
    with pytest.raises(ScenarioError, match="Did you mean 'funnel.promise_policy'"):
        ScenarioPanel(["funnel.promise_polcy"])
    with pytest.raises(ScenarioError, match="Unknown concept 'sales'"):
        ScenarioPanel(concepts=["sales"])


def test_run_simulates_the_panels_scenario_and_draws_table_and_figure():
    spy = FigureSpy()
    panel = SimulationPanel(["funnel.promise_policy"], kpis=["deals_won", "win_rate"], figure=spy, run_now=False)
    panel.controls["funnel.promise_policy"].value = "customer_wish"
    assert panel.run() is True
    assert panel.result.scenario.changes() == {"funnel.promise_policy": "customer_wish"}
    assert spy.calls[-1][0] is panel.result
    assert "Deals won" in panel.table.value and "Win rate" in panel.table.value
    assert format_kpi(panel.result.kpis["win_rate"], "share", "en") in panel.table.value
    assert bytes(panel.image.value).startswith(PNG_SIGNATURE)


def test_button_shows_busy_while_running_and_is_restored_after():
    holder = {}
    spy = FigureSpy(button_of=lambda: holder["panel"])
    holder["panel"] = panel = SimulationPanel(["run.years"], figure=spy, run_now=False)
    panel.run_button.click()
    assert spy.button_states == [(True, "Running…")]
    assert (panel.run_button.disabled, panel.run_button.description) == (False, "Run simulation")
    assert "seed 0" in panel.status.value


def test_changing_a_control_and_running_again_updates_table_and_figure():
    panel = SimulationPanel(["funnel.promise_policy"], kpis=["deals_won", "churn_rate_annual", "margin"])
    table, image, first = panel.table.value, panel.image.value, panel.result
    panel.controls["funnel.promise_policy"].value = "customer_wish"
    assert panel.result is first  # no run before the button
    assert "Run simulation" in panel.status.value
    panel.run()
    assert panel.result.scenario["funnel.promise_policy"] == "customer_wish"
    assert panel.table.value != table
    assert panel.image.value != image and bytes(panel.image.value).startswith(PNG_SIGNATURE)


def test_invalid_run_keeps_the_last_results_and_shows_the_message():
    spy = FigureSpy()
    panel = SimulationPanel(["market.share_small", "market.share_large"], figure=spy)
    result = panel.result
    panel.controls["market.share_large"].value = 0.7
    assert panel.run() is False
    assert panel.result is result and len(spy.calls) == 1
    assert "cannot be simulated" in panel.inputs.message.value
    assert "Not run: fix the setting" in panel.status.value  # it said 'Settings changed: press Run'


class FailingFigure(FigureSpy):
    """A figure function that draws once and then fails, as a lesson's own figure might on an odd scenario."""

    def __call__(self, result, *args, language="en"):
        if self.calls:
            raise ZeroDivisionError("float division by zero")
        return super().__call__(result, *args, language=language)


def test_a_figure_that_fails_is_reported_in_the_panel_and_keeps_the_last_results():
    panel = SimulationPanel(["funnel.promise_policy"], figure=FailingFigure())
    result, table, image = panel.result, panel.table.value, panel.image.value
    panel.controls["funnel.promise_policy"].value = "customer_wish"
    assert panel.run() is False
    assert "could not be drawn" in panel.status.value and "float division by zero" in panel.status.value
    assert (panel.run_button.disabled, panel.run_button.description) == (False, "Run simulation")
    assert panel.result is result and panel.table.value == table and panel.image.value == image
    panel.language_switch.value = "nl"  # redrawing in Dutch fails too: reported, not raised
    assert "kon niet worden getekend" in panel.status.value and panel.result is result


def test_auto_run_simulates_when_a_control_is_released():
    panel = SimulationPanel(["run.years"], figure=FigureSpy(), auto_run=True, run_now=False)
    panel.controls["run.years"].value = 1
    assert panel.result.scenario["run.years"] == 1


def test_language_switch_relabels_everything_without_simulating_again():
    spy = FigureSpy()
    panel = SimulationPanel(["funnel.promise_policy", "run.years"], figure=spy)
    result = panel.result
    panel.controls["funnel.promise_policy"].value = "honest_buffer"
    panel.language_switch.value = "nl"
    dropdown = panel.controls["funnel.promise_policy"]
    assert dropdown.description == "Beloftebeleid"
    assert (dropdown.value, dropdown.label) == ("honest_buffer", "Eerlijke inschatting plus buffer")
    assert panel.inputs.readouts["run.years"].value == "3 jaar"
    assert panel.run_button.description == "Simuleer"
    assert "Waarde" in panel.table.value and "Gewonnen deals" in panel.table.value
    assert spy.calls[-1][2] == "nl" and spy.calls[-1][0] is result
    assert panel.result is result
    assert "Simuleer" in panel.status.value  # the settings changed before the switch and still have no run


def test_default_language_is_set_in_one_place(dutch_default):
    panel = SimulationPanel(["run.years"], figure=FigureSpy(), run_now=False)
    assert panel.language == "nl" and panel.controls["run.years"].description == "Aantal jaren"
    with pytest.raises(ValueError, match="'en', 'nl'"):
        set_language("de")


def test_compare_view_runs_both_sides_on_the_same_random_numbers():
    spy = FigureSpy()
    view = CompareView("baseline", "baseline", ["funnel.promise_policy"], kpis=["deals_won", "margin"], figure=spy)
    assert view.names == ("A", "B")
    assert view.a.kpis == view.b.kpis  # same scenario, same seed: identical, bit for bit
    view.panels["B"].controls["funnel.promise_policy"].value = "customer_wish"
    view.run()
    results, kpis, language = spy.calls[-1][0], spy.calls[-1][1][0], spy.calls[-1][2]
    assert list(results) == ["A", "B"] and kpis == ["deals_won", "margin"] and language == "en"
    assert view.b.scenario["funnel.promise_policy"] == "customer_wish"
    assert view.a.scenario["funnel.promise_policy"] == "honest"
    assert view.a.kpis != view.b.kpis
    assert "Difference (A − B)" in view.table.value


def test_compare_view_names_its_sides_after_the_presets_and_draws_compare_bars():
    view = CompareView("honest_promise", "over_promise", ["funnel.promise_policy"], kpis=["churn_rate_annual"])
    assert view.names == ("honest promise", "over-promise")
    assert "A: honest promise" in view.table.value
    assert bytes(view.image.value).startswith(PNG_SIGNATURE)
    honest_is_better = view.a.kpis["churn_rate_annual"] < view.b.kpis["churn_rate_annual"]
    winner = "A" if honest_is_better else "B"  # the headers name the sides: 'A: honest promise'
    assert f">{winner}</td></tr>" in view.table.value


def test_summaries_for_lessons_are_readable_tables_in_the_chosen_language():
    honest, over = simulate("honest_promise", seed=2, keep_events=False), simulate("over_promise", seed=2,
                                                                                    keep_events=False)
    summary = kpi_summary(honest, ["win_rate", "margin"], language="nl")
    assert list(summary.index) == ["Scoringspercentage", "Marge"]
    assert summary.loc["Marge", "Waarde"] == format_kpi(honest.kpis["margin"], "€", "nl")
    difference = difference_summary(honest, over, ["churn_rate_annual"], names=("eerlijk", "beloven"), language="nl")
    assert list(difference.columns) == ["A: eerlijk", "B: beloven", "Verschil (A − B)", "Relatief t.o.v. B", "Beter"]
    row = difference.loc["Klantverloop per jaar"]
    expected = "A" if honest.kpis["churn_rate_annual"] < over.kpis["churn_rate_annual"] else "B"
    assert row["Beter"] == expected


def test_labels_get_room_for_the_longest_text_in_either_language():
    panel = ScenarioPanel(["market.word_of_mouth_lead_share", "run.years"])  # the Dutch label is the longest
    widths = {control.style.description_width for control in panel.controls.values()}
    panel.set_language("nl")
    assert {control.style.description_width for control in panel.controls.values()} == widths  # nothing jumps
    needed = text_width([SPECS["market.word_of_mouth_lead_share"].label_nl])
    assert widths == {f"{needed}px"} and needed > text_width(["Years to simulate"])


@pytest.fixture(scope="module")
def short_run():
    return simulate({"run.years": 1}, seed=1, keep_events=False)


TYPED_KPIS = {  # every place a user types KPI names, fed the typo 'win_rat'
    "SimulationPanel": lambda run: SimulationPanel(["run.years"], kpis=["deals_won", "win_rat"], run_now=False),
    "CompareView": lambda run: CompareView(params=["run.years"], kpis=["win_rat"], run_now=False),
    "kpi_summary": lambda run: kpi_summary(run, ["win_rat"]),
    "kpi_difference": lambda run: kpi_difference(run, run, ["win_rat"]),
    "compare_bars": lambda run: plots.compare_bars({"A": run}, ["win_rat"]),
}


@pytest.mark.parametrize("make", TYPED_KPIS.values(), ids=TYPED_KPIS)
def test_an_unknown_kpi_gets_the_same_message_everywhere(short_run, make):
    with pytest.raises(ScenarioError) as caught:
        make(short_run)
    assert str(caught.value).startswith("Unknown KPI 'win_rat'. Did you mean 'win_rate'")
    assert "Known KPIs: 'leads_generated', " in str(caught.value)


PANEL_FIGURES = {  # the figures the lessons put in panels, with how they are called there
    "dashboard": lambda run: plots.dashboard(run, language="nl"),
    "relationship_phases": lambda run: plots.relationship_phases(run, language="nl"),
    "funnel_chart": lambda run: plots.funnel_chart(run, language="nl"),
    "grade_distribution": lambda run: plots.grade_distribution(run, language="nl"),
    "revenue_cost_margin": lambda run: plots.revenue_cost_margin(run, language="nl"),
    "compare_kpis": lambda run: plots.compare_kpis({"A": run, "B": run}, list(DEFAULT_KPIS), language="nl"),
}


@pytest.mark.parametrize("draw", PANEL_FIGURES.values(), ids=PANEL_FIGURES)
def test_panel_figures_fit_beside_the_controls_and_are_legible_when_projected(short_run, draw):
    figure = draw(short_run)
    figure.draw_without_rendering()  # tick labels exist only once drawn
    sizes = [t.get_fontsize() for t in figure.findobj(Text) if t.get_text().strip() and t.get_visible()]
    assert min(sizes) * FIGURE_DPI / 72 >= 12  # pixels, shown at natural size
    width, height = figure.get_size_inches() * FIGURE_DPI
    assert width <= 720 and height <= 600


def test_a_panel_shown_before_its_cell_ran_says_to_run_the_cells():
    panel = SimulationPanel(["run.years"], figure=FigureSpy(), run_now=False, language="nl")
    bundle = panel._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Voer de cellen van deze les uit")
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "VBox" not in ScenarioPanel(["run.years"])._repr_mimebundle_()["text/plain"]


def test_sliders_show_the_value_with_its_unit_in_the_panels_language():
    panel = ScenarioPanel(["market.campaign_spend_per_month", "satisfaction.expectation_management"],
                          language="nl")
    panel.controls["market.campaign_spend_per_month"].value = 20_000
    assert panel.readouts["market.campaign_spend_per_month"].value == "€ 20.000 per maand"
    assert panel.readouts["satisfaction.expectation_management"].value == "0 %"
    panel.controls["satisfaction.expectation_management"].value = 0.45
    assert panel.readouts["satisfaction.expectation_management"].value == "45 %"
    panel.set_language("en")
    assert panel.readouts["market.campaign_spend_per_month"].value == "€20,000 per month"
    assert not panel.controls["market.campaign_spend_per_month"].readout  # the browser's readout knows no units
