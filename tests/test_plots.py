"""The standard figures: each is a labelled Figure that shows exactly the run's data, in English and Dutch."""

from __future__ import annotations

import io
import math
import re
import warnings

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from simulation import KPI_SPECS, preset, simulate  # noqa: E402
from simulation import plots  # noqa: E402
from simulation.language import format_values, text  # noqa: E402
from simulation.plots import style  # noqa: E402
from simulation.texts import TEXTS  # noqa: E402
from simulation.plots.money import monthly_costs  # noqa: E402
from simulation.plots.single_run import _survival, active_accounts  # noqa: E402

SINGLE = (plots.funnel_chart, plots.relationship_phases, plots.grade_distribution, plots.nps_breakdown,
          plots.cohort_retention, plots.promised_vs_delivered, plots.revenue_cost_margin, plots.forecast_vs_actual)
LANGUAGES = ("en", "nl")


@pytest.fixture(scope="module")
def result():
    return simulate({"run.years": 2}, seed=1, keep_events=True)


@pytest.fixture(scope="module")
def no_promise():
    return simulate({"run.years": 2, "funnel.promise_policy": "no_promise"}, seed=1, keep_events=True)


@pytest.fixture(scope="module")
def empty():
    """A run without a single lead or customer: nothing to count, grade, survey or deliver."""
    return simulate({"accounts.initial_customers": 0, "market.inbound_leads_per_month": 0,
                     "market.campaign_spend_per_month": 0, "run.years": 1}, seed=1)


def units(language: str) -> set[str]:
    return {text(key, language) for key in TEXTS if key.startswith("unit.")}


def has_unit(axis_label: str, language: str) -> bool:
    return any(axis_label.endswith(f"({unit})") for unit in units(language))


def texts(figure: Figure) -> list[str]:
    """Every title and axis label of a figure, for comparing languages."""
    return [t for ax in figure.axes for t in (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) if t]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("draw", SINGLE, ids=lambda f: f.__name__)
def test_figure_has_title_and_unit_labels_and_renders(result, draw, language):
    figure = draw(result, language)
    assert isinstance(figure, Figure)
    [ax] = figure.axes
    assert ax.get_title().strip()
    assert has_unit(ax.get_xlabel(), language) or has_unit(ax.get_ylabel(), language), \
        (ax.get_xlabel(), ax.get_ylabel())
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=50)
    assert buffer.getvalue().startswith(b"\x89PNG")


@pytest.mark.parametrize("draw", SINGLE, ids=lambda f: f.__name__)
def test_dutch_texts_differ_from_english(result, draw):
    english, dutch = texts(draw(result, "en")), texts(draw(result, "nl"))
    assert len(english) == len(dutch)
    assert english[0] != dutch[0]  # the title
    assert set(english) != set(dutch)


@pytest.mark.parametrize("draw", SINGLE, ids=lambda f: f.__name__)
def test_draws_into_the_axes_given_and_not_into_pyplot(result, draw):
    import matplotlib.pyplot as plt

    host = Figure()
    ax = host.add_subplot()
    assert draw(result, ax=ax) is host
    assert host.axes == [ax]
    assert ax.get_lines() or ax.patches
    assert plt.get_fignums() == []


@pytest.mark.parametrize("draw", (*SINGLE, plots.dashboard), ids=lambda f: f.__name__)
def test_a_figure_drawn_without_a_language_speaks_the_kits_language(result, draw, kit_in_dutch):
    """A Dutch lesson sets the language once and then calls `plots.funnel_chart(result)`: a Dutch figure."""
    assert texts(draw(result)) == texts(draw(result, "nl")) != texts(draw(result, "en"))


@pytest.mark.parametrize("draw", (plots.compare_bars, plots.compare_kpis), ids=lambda f: f.__name__)
def test_a_comparison_drawn_without_a_language_speaks_the_kits_language(result, no_promise, draw, kit_in_dutch):
    from matplotlib.text import Text

    def shown(figure):  # every text of the figure: a comparison's KPI names may be table cells, not axis labels
        return [text.get_text() for text in figure.findobj(Text) if text.get_text()]

    runs, kpis = {"A": result, "B": no_promise}, ["margin", "nps"]
    assert shown(draw(runs, kpis)) == shown(draw(runs, kpis, "nl")) != shown(draw(runs, kpis, "en"))


def test_unknown_language_is_refused_with_the_allowed_ones(result):
    with pytest.raises(ValueError, match=r"'language'.*'en', 'nl'.*'de'"):
        plots.funnel_chart(result, "de")


def test_funnel_bars_are_the_kpi_counts(result):
    ax = plots.funnel_chart(result).axes[0]
    heights = [bar.get_height() for bar in ax.patches]
    stages = ("leads_generated", "marketing_qualified_leads", "sales_accepted_leads", "opportunities", "quotes_sent",
              "deals_won")
    assert heights == [result.kpis[k] for k in stages]
    shown = {t.get_text() for t in ax.texts}
    assert f"{100 * result.kpis['lead_to_mql']:.0f}% →" in shown
    assert f"{100 * result.kpis['sal_to_opportunity']:.0f}% →" in shown


def test_phase_lines_are_the_monthly_stocks(result):
    ax = plots.relationship_phases(result).axes[0]
    lines = [np.asarray(line.get_ydata(), dtype=float) for line in ax.get_lines()]
    assert len(lines) == 4
    for line, phase in zip(lines, ("potential", "new", "loyal", "ex")):
        np.testing.assert_array_equal(line, result.monthly[phase].to_numpy())
        assert line[-1] == result.monthly[phase].iloc[-1]


def test_grade_histogram_counts_every_active_customer(result):
    ax = plots.grade_distribution(result, "nl").axes[0]
    grades = active_accounts(result)["grade"]
    assert len(grades) == result.kpis["customers_end"]
    assert sum(bar.get_height() for bar in ax.patches) == len(grades)
    average_line = ax.get_lines()[0]
    assert average_line.get_xdata()[0] == pytest.approx(grades.mean())
    assert f"{grades.mean():.1f}".replace(".", ",") in average_line.get_label()  # Dutch decimal comma


def test_nps_bar_splits_into_the_kpi_shares(result):
    figure = plots.nps_breakdown(result, "nl")
    ax = figure.axes[0]
    promoters, detractors = result.kpis["promoters_share"], result.kpis["detractors_share"]
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == pytest.approx([detractors, 1 - promoters - detractors, promoters])
    assert f"{result.kpis['nps']:+.0f}" in ax.get_title()
    assert (promoters - detractors) * 100 == pytest.approx(result.kpis["nps"], abs=1e-9)


def test_kaplan_meier_by_hand():
    durations = np.array([1.0, 2.0, 2.0, 3.0, 4.0])
    ended = np.array([True, True, False, True, False])  # one customer still active at 2, one at 4
    survival = _survival(durations, ended, np.arange(5.0))
    np.testing.assert_allclose(survival, [1.0, 4 / 5, 4 / 5 * 3 / 4, 4 / 5 * 3 / 4 * 1 / 2, 4 / 5 * 3 / 4 * 1 / 2])


def test_retention_of_the_existing_base_ends_at_the_share_still_a_customer(result):
    ax = plots.cohort_retention(result).axes[0]
    initial = result.accounts[result.accounts["start"] == 0]
    existing = ax.get_lines()[0]
    assert np.asarray(existing.get_xdata())[-1] == 24  # two years, in months
    assert np.asarray(existing.get_ydata())[-1] == pytest.approx(initial["end"].isna().mean())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == 3  # the existing base plus years 1 and 2
    assert sum(int(t.split("n=")[1].rstrip(")")) for t in legend) == len(result.accounts)


def test_lead_times_show_the_share_delivered_late(result):
    ax = plots.promised_vs_delivered(result).axes[0]
    events = result.events
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    for event, name in (("delivered", "Deliveries"), ("quote_sent", "Quotes")):
        rows = events[events["event"] == event]
        late = (rows["value"] > rows["reference"]).mean()
        assert f"{name}: {100 * late:.0f}% late" in legend
    for patch in ax.patches:  # each histogram is a distribution: its shares add up to 1
        assert patch.get_path().vertices[:, 1].max() <= 1.0


def test_lead_times_without_promises_show_actual_days(no_promise):
    assert no_promise.events.loc[no_promise.events["event"] == "delivered", "reference"].isna().all()
    ax = plots.promised_vs_delivered(no_promise).axes[0]
    assert ax.get_title() == text("promise.title_none", "en")
    assert ax.get_xlabel() == style.label("promise.actual", "days", "en")
    assert ax.get_lines() == []  # no 'on time' line when nothing was promised


def test_lead_times_need_the_event_log():
    bare = simulate({"run.years": 1}, seed=1, keep_events=False)
    with pytest.raises(ValueError, match="keep_events=True"):
        plots.promised_vs_delivered(bare)


def shown_texts(figure: Figure) -> list[str]:
    """Every text a reader sees: titles, axis labels, texts in the axes and legend entries."""
    legends = [ax.get_legend() for ax in figure.axes if ax.get_legend()]
    return [*texts(figure), *(t.get_text() for ax in figure.axes for t in ax.texts),
            *(t.get_text() for legend in legends for t in legend.get_texts()),
            *(t.get_text() for t in figure.texts)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("draw", (*SINGLE, plots.dashboard), ids=lambda f: f.__name__)
def test_a_run_without_customers_draws_every_figure_without_warnings_or_nan(empty, draw, language):
    assert empty.accounts.empty and empty.leads.empty and empty.events.empty
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # also numpy's 'mean of empty slice' and matplotlib's empty legend
        figure = draw(empty, language)
        figure.savefig(io.BytesIO(), format="png")
    assert not [t for t in shown_texts(figure) if re.search(r"\bnan\b", t, re.IGNORECASE)]


@pytest.mark.parametrize(("draw", "note"), [(plots.grade_distribution, "empty.active"),
                                            (plots.nps_breakdown, "empty.active"),
                                            (plots.cohort_retention, "empty.customers"),
                                            (plots.promised_vs_delivered, "empty.promises")],
                         ids=lambda x: getattr(x, "__name__", x))
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_figure_says_why_it_is_empty(empty, result, draw, note, language):
    assert text(note, language) in shown_texts(draw(empty, language))
    assert text(note, language) not in shown_texts(draw(result, language))


def test_money_lines_are_the_monthly_amounts(result):
    ax = plots.revenue_cost_margin(result).axes[0]
    revenue, costs, margin = (np.asarray(line.get_ydata(), dtype=float) for line in ax.get_lines()[:3])
    monthly = result.monthly
    np.testing.assert_allclose(revenue, monthly["revenue"])
    np.testing.assert_allclose(costs, monthly["sales_cost"] + monthly["service_cost"] + monthly["strategy_cost"])
    np.testing.assert_allclose(margin, monthly["margin"])
    assert costs.sum() == pytest.approx(monthly_costs(result).sum())


def test_forecast_lines_sum_to_the_monthly_totals(result):
    ax = plots.forecast_vs_actual(result).axes[0]
    forecast, won = (np.asarray(line.get_ydata(), dtype=float) for line in ax.get_lines())
    assert forecast.sum() == pytest.approx(result.monthly["forecast_value"].sum())
    assert won.sum() == pytest.approx(result.monthly["won_value"].sum())
    error = (forecast.sum() - won.sum()) / won.sum()
    assert f"{100 * error:+.0f}%".replace("-", "−") in ax.get_title()  # the kit's one minus sign


@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_lays_out_four_labelled_panels(result, language):
    figure = plots.dashboard(result, language)
    assert len(figure.axes) == 4
    assert figure.get_suptitle()
    assert all(ax.get_title() for ax in figure.axes)
    assert all(has_unit(ax.get_xlabel(), language) or has_unit(ax.get_ylabel(), language) for ax in figure.axes)


def test_dashboard_redraws_into_the_figure_given(result):
    host = Figure()
    assert plots.dashboard(result, fig=host) is host
    plots.dashboard(result, "nl", fig=host)
    assert len(host.axes) == 4
    assert host.get_suptitle() == text("dashboard.title", "nl", years=2, seed=1)


def test_compare_bars_show_each_scenarios_kpis(result, no_promise):
    kpis = ["win_rate", "nps", "margin", "sales_cycle_days_mean"]
    figure = plots.compare_bars({"honest": result, "no promise": no_promise}, kpis, "nl")
    assert len(figure.axes) == len(kpis)
    assert figure.get_suptitle() == text("compare.title", "nl")
    units = {"win_rate": "", "nps": " (−100 tot +100)", "margin": "", "sales_cycle_days_mean": " (dagen)"}
    for ax, kpi in zip(figure.axes, kpis):  # the unit where neither the name nor the values ('€ 2,8 mln') say it
        assert ax.get_title().replace("\n", " ") == KPI_SPECS[kpi].label("nl") + units[kpi]  # wrapped to its width
        assert [bar.get_width() for bar in ax.patches] == [result.kpis[kpi], no_promise.kpis[kpi]]
        values = format_values([run.kpis[kpi] for run in (result, no_promise)], KPI_SPECS[kpi].unit, "nl", compact=True)
        assert [t.get_text() for t in ax.texts] == values  # each bar says its value
        assert ax.yaxis_inverted()  # the first scenario on top, as in the tables
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == ["honest", "no promise"]
    assert no_promise.kpis["nps"] < 0  # a negative value sits right of zero: on its bar's left lie the names
    assert figure.axes[1].texts[1].xy == (0.0, 1)


def test_compare_bars_name_a_unit_in_both_languages_or_in_neither(result, no_promise):
    """'Offerte-uren aan … (uur)' said its unit twice in Dutch, where the English 'Quote hours on …' did not."""
    kpis = ["false_qualification_hours", "quote_lead_time_days_mean", "deals_won", "acquisition_retention_ratio",
            "avg_grade"]
    runs = {"honest": result, "no promise": no_promise}
    titles = {language: [ax.get_title().replace("\n", " ") for ax in plots.compare_bars(runs, kpis, language).axes]
              for language in LANGUAGES}
    with_unit = {language: [title != KPI_SPECS[kpi].label(language) for title, kpi in zip(titles[language], kpis)]
                 for language in LANGUAGES}
    assert with_unit["en"] == with_unit["nl"] == [False, True, False, False, True], titles


def test_compare_bars_name_an_unknown_kpi_and_suggest_one(result):
    with pytest.raises(ValueError, match=r"Unknown KPI 'win_rat'.*Did you mean 'win_rate'"):
        plots.compare_bars({"a": result}, ["win_rat"])
    with pytest.raises(ValueError, match="'kpis'"):
        plots.compare_bars({"a": result}, [])


def test_compare_bars_mark_undefined_kpis(result, no_promise):
    assert math.isnan(no_promise.kpis["promises_kept_share"])  # nothing promised, so nothing kept
    figure = plots.compare_bars({"honest": result, "no promise": no_promise}, ["promises_kept_share"], "nl")
    labels = [t.get_text() for t in figure.axes[0].texts]
    assert labels == [f"{100 * result.kpis['promises_kept_share']:.0f} %", "n.v.t."]  # Dutch: a space before %


def test_line_colours_differ_in_greyscale():
    def lightness(colour: str) -> float:
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
        luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        return 116 * luminance ** (1 / 3) - 16

    levels = sorted(lightness(c) for c in (style.NAVY, style.RED, style.STEEL, style.ORANGE))
    assert min(np.diff(levels)) >= 12
    for group in (("potential", "new", "loyal", "ex"), ("revenue", "costs", "margin"), ("forecast", "won_value")):
        looks = [(style.SERIES[s]["linestyle"], style.SERIES[s]["marker"]) for s in group]
        assert len(set(looks)) == len(group)  # also distinct without colour


@pytest.mark.parametrize(("top", "language", "labels"), [
    (0.2, "nl", ["0,0 %", "2,5 %", "5,0 %", "7,5 %", "10,0 %", "12,5 %", "15,0 %", "17,5 %", "20,0 %"]),
    (0.2, "en", ["0.0%", "2.5%", "5.0%", "7.5%", "10.0%", "12.5%", "15.0%", "17.5%", "20.0%"]),
    (0.5, "nl", ["0 %", "10 %", "20 %", "30 %", "40 %", "50 %"])])
def test_percent_ticks_show_the_decimals_their_steps_need(top, language, labels):
    """A share axis 2.5 points a tick printed '8 %' for 7.5 % (the game debrief's market share): a tick that lied."""
    ax = Figure().add_subplot()
    ax.set_ylim(0, top)
    style.percent_axis(ax.yaxis, language)
    ax.figure.canvas.draw()
    assert [tick.get_text() for tick in ax.get_yticklabels()] == labels


def _tick_labels(limits: tuple[float, float], set_axis) -> list[str]:
    ax = Figure().add_subplot()
    ax.plot([0, 1], list(limits))
    ax.set_ylim(*limits)
    set_axis(ax)
    ax.figure.canvas.draw()
    return [tick.get_text() for tick in ax.get_yticklabels()]


def test_euro_ticks_show_the_decimals_each_needs():
    """'€ 12 mln' sat between '€ 10 mln' and '€ 15 mln' for the tick at 12.5 million (the paths' margin)."""
    labels = _tick_labels((0, 20e6), lambda ax: style.euro_axis(ax.yaxis, "nl"))
    assert labels == ["€ 0", "€ 2,5 mln", "€ 5 mln", "€ 7,5 mln", "€ 10 mln", "€ 12,5 mln", "€ 15 mln", "€ 17,5 mln",
                      "€ 20 mln"]


@pytest.mark.parametrize(("limits", "language", "labels"), [
    ((0, 1.2e6), "nl", ["€ 0", "€ 0,2 mln", "€ 0,4 mln", "€ 0,6 mln", "€ 0,8 mln", "€ 1 mln", "€ 1,2 mln"]),
    ((-1e6, 0.6e6), "en", ["−€1M", "−€0.8M", "−€0.6M", "−€0.4M", "−€0.2M", "€0", "€0.2M", "€0.4M", "€0.6M"]),
    ((0, 1000), "nl", ["€ 0", "€ 200", "€ 400", "€ 600", "€ 800", "€ 1.000"]),  # whole euros below €10,000
    ((0, 900e3), "nl", ["€ 0", "€ 100k", "€ 200k", "€ 300k", "€ 400k", "€ 500k", "€ 600k", "€ 700k", "€ 800k",
                        "€ 900k"])])
def test_the_ticks_of_one_euro_axis_share_one_scale(limits, language, labels):
    """'€ 800k' stood next to '€ 1 mln' on one axis (a trainer's and a manager's walkthrough): the reader
    compares the numbers, not the suffixes. Every tick is written at the scale of the largest one shown."""
    assert _tick_labels(limits, lambda ax: style.euro_axis(ax.yaxis, language)) == labels


@pytest.mark.parametrize(("language", "labels"), [("nl", ["7,30", "7,35", "7,40", "7,45", "7,50", "7,55", "7,60"]),
                                                  ("en", ["7.30", "7.35", "7.40", "7.45", "7.50", "7.55", "7.60"])])
def test_a_plain_axis_speaks_the_figures_language(language, labels):
    """An axis without a formatter of its own (the average grade) had matplotlib's English '7.5' in Dutch."""
    shown = _tick_labels((7.3, 7.6), lambda ax: style.finish(ax, "t", "x", "y", legend=False, language=language))
    assert shown == labels


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_dashboards_texts_cover_neither_each_other_nor_the_lines(language):
    """Lesson 00's first figure at a projector: the funnel's stage names and conversion boxes ran into each other,
    the legends lay over the lines and the NPS groups ran into the next figure's axis label."""
    figure = plots.dashboard(simulate(preset("baseline"), 0, keep_events=False), language=language)
    renderer = figure._get_renderer()  # a Figure without pyplot has a plain canvas; this draws with Agg
    figure.draw(renderer)
    funnel, phases, nps, money = figure.axes[:4]
    boxes = [text.get_bbox_patch().get_window_extent(renderer) for text in funnel.texts if text.get_bbox_patch()]
    assert len(boxes) == 5 and not any(a.overlaps(b) for a, b in zip(boxes, boxes[1:]))
    ends = [label.get_window_extent(renderer).x1 for label in funnel.get_xticklabels() if label.get_text()]
    ticks = funnel.transData.transform([(x, 0) for x in funnel.get_xticks()])[:, 0]
    assert all(abs(end - tick) < 8 for end, tick in zip(ends, ticks))  # each slanted name ends under its own bar
    for ax in (phases, money):
        legend = ax.get_legend().get_window_extent(renderer)
        points = [xy for line in ax.get_lines() for xy in ax.transData.transform(line.get_xydata())]
        assert not any(legend.contains(x, y) for x, y in points)
        assert legend.x1 <= figure.bbox.x1  # inside the figure, not cut off
    assert nps.get_legend().get_window_extent(renderer).x1 <= nps.get_window_extent(renderer).x1 + 1
