"""Experiment figures: each has a title, axis labels with units, a legend where it needs one,
speaks both languages, and refuses an experiment of the wrong kind."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from simulation import Scenario, ScenarioError, simulate
from simulation.language import axis_unit, scenario_name
from simulation.plots import difference_histogram, fan_chart, kpi_errorbars, sweep_chart, tornado_chart
from simulation.experiment import compare, sensitivity, sweep
from simulation.results import KPI_SPECS, SERIES_KPIS, series_spec
from test_figure_layout import crowded

SMALL = Scenario({"run.years": 1, "accounts.initial_customers": 40, "market.inbound_leads_per_month": 6.0},
                 name="small")


@pytest.fixture(scope="module")
def pairs():
    return compare(SMALL, SMALL.replace({"funnel.promise_policy": "customer_wish"}, name="wish"), 4, seed=8)


@pytest.fixture(scope="module")
def grid():
    return sweep(SMALL, {"funnel.promise_policy": ["honest", "customer_wish"],
                         "market.competitor_intensity": [0.5, 1.5]}, 2, seed=8)


@pytest.fixture(scope="module")
def line():
    return sweep(SMALL, {"market.nurture_months": [2.0, 4.0, 6.0]}, 2, seed=8)


@pytest.fixture(scope="module")
def tornado():
    return sensitivity(SMALL, ["satisfaction.base_grade", "market.nurture_months"], 2, seed=8, kpi="nps")


def _check_labels(figure: Figure, legend: bool) -> None:
    ax = figure.axes[0]
    assert ax.get_title() and ax.get_ylabel()
    assert (ax.get_legend() is not None) == legend


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_figure_is_labelled(pairs, grid, line, tornado, language):
    cases = [
        (fan_chart(pairs, "margin", language), True),
        (difference_histogram(pairs, "nps", language), True),
        (tornado_chart(tornado, language=language), True),
        (sweep_chart(grid, "nps", language), False),
        (sweep_chart(line, "churn_rate_annual", language), True),
    ]
    for figure, legend in cases:
        _check_labels(figure, legend)
        assert figure.axes[0].get_xlabel()
    panels = kpi_errorbars(pairs, ["margin", "nps", "win_rate"], language)
    assert len(panels.axes) == 3 and all(ax.get_title() and ax.get_ylabel() for ax in panels.axes)
    assert panels.get_suptitle()


def test_texts_follow_the_language(pairs):
    assert "runs" in fan_chart(pairs, "margin", "en").axes[0].get_title()
    assert "maand" in fan_chart(pairs, "margin", "nl").axes[0].get_title()
    assert "Verschil" in difference_histogram(pairs, "margin", "nl").axes[0].get_xlabel()


def test_dutch_figures_show_dutch_labels_and_units(pairs, line, tornado):
    customers = fan_chart(pairs, "customers", "nl").axes[0]
    assert customers.get_ylabel() == "Klanten (aantal)" and customers.get_title().startswith("Klanten per maand")
    assert fan_chart(pairs, "service_cost", "nl").axes[0].get_ylabel() == "Kosten service (€)"
    assert sweep_chart(line, "nps", "nl").axes[0].get_xlabel().endswith("(maanden)")
    ticks = " ".join(t.get_text() for t in tornado_chart(tornado, language="nl").axes[0].get_yticklabels())
    assert "5,6–8,4" in ticks and "maanden" in ticks and "months" not in ticks  # the base grade 7 ± 20 %, Dutch style


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_title_or_label_runs_off_the_figure(pairs, line, tornado, language):
    """A title is centred on its axes and constrained layout does not wrap it: 'Marge per maand: gemiddelde en
    spreiding over 4 runs' ran off both edges of a fan chart, and so did a long KPI's title in a sweep or a
    tornado. Every monthly series, and the longest KPI labels, in both languages."""
    longest = sorted(KPI_SPECS, key=lambda kpi: -len(KPI_SPECS[kpi].label(language)))[:4]
    series = [c for c in pairs.monthly.columns if c not in ("variant", "replication", "month", "day")]
    figures = {**{f"fan {s}": fan_chart(pairs, s, language) for s in series},
               **{f"sweep {k}": sweep_chart(line, k, language) for k in longest},
               **{f"difference {k}": difference_histogram(pairs, k, language) for k in longest},
               "errorbars": kpi_errorbars(pairs, longest[:3], language),
               **{f"tornado {k}": tornado_chart(tornado, k, language) for k in longest}}
    assert not {name: found for name, figure in figures.items() if (found := crowded(figure))}


def test_every_monthly_series_is_drawn_with_a_label_and_unit_in_the_readers_language(pairs):
    """A fan chart of any monthly column names it as the KPI tables do: 'mql' was drawn as 'Mql', the quote
    costs as a count, in Dutch figures too. A column that is a KPI's monthly flow takes that KPI's label, so it
    must add up to that KPI."""
    columns = [c for c in pairs.monthly.columns if c not in ("variant", "replication", "month", "day")]
    run = simulate(SMALL, seed=8, keep_events=False)
    assert sorted(columns) == sorted(run.monthly.columns.drop(["month", "day"]))  # an experiment keeps them all
    for series in columns:
        spec = series_spec(series)
        for language in ("en", "nl"):
            ylabel = fan_chart(pairs, series, language).axes[0].get_ylabel().replace("\n", " ")
            assert ylabel == f"{spec.label(language)} ({axis_unit(spec.unit, language)})", (series, ylabel)
        if series in SERIES_KPIS:
            assert run.monthly[series].sum() == pytest.approx(run.kpis[SERIES_KPIS[series]]), series
    for language in ("en", "nl"):  # one name, one column: 'new' (a phase) is not 'new_customers' (first wins)
        labels = [series_spec(series).label(language) for series in columns]
        assert len(set(labels)) == len(labels), language
    assert fan_chart(pairs, "mql", "nl").axes[0].get_ylabel().replace("\n", " ") == ("Marketing-gekwalificeerde "
                                                                                     "leads (MQL) (leads)")
    assert fan_chart(pairs, "quote_costs", "nl").axes[0].get_ylabel() == "Offertekosten (€)"
    with pytest.raises(KeyError):
        series_spec("month")


def test_figures_show_what_the_tables_say(pairs, grid, tornado):
    row = pairs.differences(["nps"]).iloc[0]
    share = f"{100 * row['prob_a_beats_b']:.0f}%"
    assert share in difference_histogram(pairs, "nps").axes[0].get_title()
    heat = sweep_chart(grid, "nps").axes[0]
    assert len(heat.texts) == 4  # one annotated cell per grid point
    bars = tornado_chart(tornado).axes[0].patches
    assert len(bars) == 2 * 2  # a low and a high bar per parameter
    first = tornado.tornado().iloc[0]
    assert {round(b.get_width(), 6) for b in bars} >= {round(first["effect_low"], 6), round(first["effect_high"], 6)}


def test_drawing_into_a_given_axes_returns_its_figure(pairs):
    figure = Figure()
    ax = figure.add_subplot()
    assert fan_chart(pairs, "revenue", ax=ax) is figure


def test_wrong_experiment_kind_or_name_is_a_clear_error(pairs, tornado):
    with pytest.raises(ScenarioError, match="needs a sensitivity experiment"):
        tornado_chart(pairs)
    with pytest.raises(ScenarioError, match="needs a compare experiment"):
        difference_histogram(tornado)
    with pytest.raises(ScenarioError, match="Unknown KPI 'profit'"):
        difference_histogram(pairs, "profit")
    with pytest.raises(ScenarioError, match="Unknown monthly series 'happiness'"):
        fan_chart(pairs, "happiness")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_kpi_with_no_better_direction_is_higher_not_better_in_every_face(pairs, language):
    """A forecast error is as bad too high as too low: 'A better in 90 %' counted the runs in which A's was higher,
    and a manager read it as better (found by a manager's walkthrough)."""
    from simulation.experiment.tables import chance_table
    from simulation.widgets.formatting import uncertainty_cells

    assert KPI_SPECS["forecast_error"].better == 0 and KPI_SPECS["margin"].better > 0
    higher = {"en": "higher in", "nl": "hoger in"}[language]
    table = chance_table(pairs, ["margin", "forecast_error"], language)
    chance = table.iloc[:, -1].tolist()
    assert not chance[0].startswith(higher) and chance[1].startswith(higher), chance
    a, b = pairs.pair()
    cells = uncertainty_cells(a.to_dict("records"), b.to_dict("records"), ["margin", "forecast_error"], language)
    assert not cells[0][1].startswith(higher) and cells[1][1].startswith(higher), cells
    assert higher.split()[0] in difference_histogram(pairs, "forecast_error", language).axes[0].get_title()
    assert higher.split()[0] not in difference_histogram(pairs, "margin", language).axes[0].get_title()


def test_the_error_bars_name_presets_in_the_readers_language():
    """The Dutch error-bar figure named its scenarios 'honest_promise' and 'over_promise' (a manager's
    walkthrough found it; the difference histogram said 'eerlijk beloven')."""
    from dutch_figures import check_drawn_texts

    from simulation import preset

    small = {"run.years": 1, "accounts.initial_customers": 40, "market.inbound_leads_per_month": 6.0}
    result = compare(preset("honest_promise").replace(small), preset("over_promise").replace(small), 2, seed=8)
    figure = kpi_errorbars(result, ["margin", "nps"], "nl")
    figure.canvas.draw()
    check_drawn_texts(figure)
    names = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert names == [scenario_name(name, "nl") for name in result.variants], names


@pytest.mark.parametrize("counts", [[2, 4, 6], [3]])
def test_a_sweep_over_a_head_count_has_whole_ticks(counts):
    """'2,5 fte' on a sweep over key account managers (a manager's walkthrough): a head count has no half."""
    result = sweep(SMALL, {"organisation.key_account_managers": counts}, 2, seed=8)
    figure = sweep_chart(result, "margin")
    figure.canvas.draw()
    low, high = figure.axes[0].get_xlim()
    ticks = [tick for tick in figure.axes[0].get_xticks() if low <= tick <= high]
    assert ticks and all(float(tick).is_integer() for tick in ticks), ticks


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_sweeps_values_are_named_in_the_readers_language(grid, language):
    """The sweep's ticks were its values as Python writes them: 'honest', 'customer_wish' and '1.5' on a Dutch
    figure, and a share swept as '0,100' under '% per jaar' (found drawing `experiment sweep --figure`)."""
    from dutch_figures import check_drawn_texts

    def ticks(figure: Figure, axis: str) -> list[str]:
        figure.canvas.draw()
        return [label.get_text() for label in getattr(figure.axes[0], f"get_{axis}ticklabels")()]

    heat = sweep_chart(grid, "margin", language)
    assert ticks(heat, "x") == {"en": ["Promise what the customer wishes", "Honest estimate"],  # (pivot's order)
                                "nl": ["Beloven wat de klant wil", "Eerlijke inschatting"]}[language]
    assert ticks(heat, "y") == {"en": ["0.5", "1.5"], "nl": ["0,5", "1,5"]}[language]  # (× in the axis label)
    shares = sweep(SMALL, {"churn.annual_at_grade_6": [0.1, 0.175, 0.3]}, 2, seed=8)
    line = sweep_chart(shares, "margin", language)
    assert ticks(line, "x") == {"en": ["10.0%", "17.5%", "30.0%"], "nl": ["10,0 %", "17,5 %", "30,0 %"]}[language]
    if language == "nl":
        check_drawn_texts(heat)
        check_drawn_texts(line)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_tornados_legend_covers_no_bar_or_whisker(tornado, language):
    """The legend sat on the top bar's whisker (a manager's walkthrough): it has a band of its own above the bars."""
    figure = tornado_chart(tornado, language=language)
    renderer = figure._get_renderer()
    figure.draw(renderer)
    ax = figure.axes[0]
    legend = ax.get_legend().get_window_extent(renderer)
    bars = [bar.get_window_extent(renderer) for bar in ax.patches]
    whiskers = [Bbox(ax.transData.transform(segment)) for lines in ax.collections for segment in lines.get_segments()]
    assert len(bars) == len(whiskers) == 2 * len(tornado.tornado("nps"))
    covered = [box for box in (*bars, *whiskers) if legend.overlaps(box)]
    assert not covered, (legend, covered)


@pytest.mark.parametrize(("means", "language", "shown"), [
    ([-2.171e6, -2.178e6, -2.19e6, -2.23e6], "nl", ["€ −2,17 mln", "€ −2,18 mln", "€ −2,19 mln", "€ −2,23 mln"]),
    ([14.1e6, 12.3e6, 980e3], "en", ["€14M", "€12M", "€1M"]),  # (the kit writes no decimal from €10M on)
    ([5e5, 5e5, float("nan"), float("nan")], "en", ["€500k", "€500k", "n/a", "n/a"]),
    ([1.2e6, 1.2e6 + 1e-7], "nl", ["€ 1,2 mln", "€ 1,2 mln"]),  # apart only in the float's last bits
    ([150.0, 150.4, 151.0], "en", ["€150.0", "€150.4", "€151.0"]),  # whole euros below €10,000
    ([1.2e6, 1.25e6, 1.3e6], "nl", ["€ 1,20 mln", "€ 1,25 mln", "€ 1,30 mln"])])
def test_amounts_side_by_side_are_told_apart_at_one_scale(means, language, shown):
    """A sweep over two knobs printed '€ −2,2 mln' in all four cells, whose colours differed, and a sweep of an
    amount named 1,2 and 1,25 million both '€ 1,2 mln': amounts side by side are written at one scale with the
    decimals that tell them apart (found drawing `experiment sweep --figure`, and in review)."""
    from simulation.plots.style import distinct_euros

    assert distinct_euros(means, language) == shown


def test_a_sweep_of_many_or_crowded_values_gets_ticks_that_do_not_run_together():
    """More values than fit, or values close together ('10 %11 %12 %' drawn over each other): the axis gets
    ticks of its own, whole for a head count, with labels that do not touch."""
    many = sweep(SMALL, {"organisation.key_account_managers": list(range(0, 20, 2))}, 1, seed=8)
    crowded = sweep(SMALL, {"churn.annual_at_grade_6": [0.10, 0.11, 0.12, 0.30]}, 1, seed=8)
    for result, whole in ((many, True), (crowded, False)):
        figure = sweep_chart(result, "margin", "nl")
        renderer = figure._get_renderer()
        figure.draw(renderer)
        ax = figure.axes[0]
        low, high = ax.get_xlim()
        ticks = [tick for tick in ax.get_xticks() if low <= tick <= high]
        assert not whole or all(float(tick).is_integer() for tick in ticks), ticks
        boxes = [label.get_window_extent(renderer) for label in ax.get_xticklabels() if label.get_text()]
        assert len(boxes) >= 3 and not any(a.overlaps(b) for a, b in zip(boxes, boxes[1:])), ticks
