"""Every figure the kit draws, laid out as it is shown: no text runs into another or off the figure, in either
language, with the names and values the lessons give it (four value disciplines, four alignment levels, a game).

A figure can pass every other test and still be unreadable: the standing bars of `compare_bars` put four
scenario names in the width of one panel, where they ran together ('operationalproduct'), and wrapping a
label in the dashboard's fixed margins pushed it off the figure.
"""

from __future__ import annotations

import itertools
import math

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from simulation import SPECS, Scenario, plots, preset, simulate  # noqa: E402
from simulation.experiment import compare, sensitivity, sweep  # noqa: E402
from simulation.game.debrief import path_figures, rank_figure  # noqa: E402
from simulation.game.engine import Game  # noqa: E402
from simulation.game.pages import team_figure  # noqa: E402
from simulation.language import scenario_name  # noqa: E402
from simulation.paths import path_seeds  # noqa: E402
from simulation.widgets.stress_test import difference_figure  # noqa: E402

#: How close two texts may come, in pixels, before they read as one.
GAP = 1.0


def _drawn_texts(figure: Figure) -> list[Text]:
    """The texts the figure draws: matplotlib keeps tick labels for ticks outside the axes' range, unseen."""
    unseen = set()
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            drawn = set(axis._update_ticks())
            unseen |= {label for tick in axis.get_major_ticks() + axis.get_minor_ticks() if tick not in drawn
                       for label in (tick.label1, tick.label2)}
    return [t for t in figure.findobj(Text)
            if t not in unseen and t.get_visible() and t.get_text().strip() and t.get_alpha() != 0]


def crowded(figure: Figure) -> list[str]:
    """The texts of `figure` (titles, labels, ticks, values, legends, notes) that come within `GAP` pixels of
    another or reach past the figure's edge, once it is laid out. Two texts slanted alike (a funnel's stage
    names) are not compared: their boxes overlap where the letters do not."""
    figure.draw_without_rendering()  # the layout, without drawing a pixel
    renderer = figure._get_renderer()
    boxes = [(t.get_text().replace("\n", " "), t.get_window_extent(renderer), t.get_rotation())
             for t in _drawn_texts(figure)]
    found = [f"{a!r} runs into {b!r}" for (a, one, turned), (b, other, turned_too) in itertools.combinations(boxes, 2)
             if not turned == turned_too != 0
             and min(one.x1, other.x1) - max(one.x0, other.x0) > -GAP
             and min(one.y1, other.y1) - max(one.y0, other.y0) > -GAP]
    edge = figure.bbox
    return found + [f"{name!r} runs off the figure" for name, box, _ in boxes
                    if box.x0 < edge.x0 - 1 or box.x1 > edge.x1 + 1 or box.y0 < edge.y0 - 1 or box.y1 > edge.y1 + 1]


def test_the_check_finds_texts_that_run_together_or_off_the_figure():
    figure = Figure(figsize=(3, 2), layout="constrained")
    ax = figure.add_subplot()
    ax.set_title("A title")
    assert crowded(figure) == []
    ax.text(0.5, 0.5, "one")
    ax.text(0.52, 0.5, "two")
    ax.text(1.5, 0.5, "far")
    assert crowded(figure) == ["'one' runs into 'two'", "'far' runs off the figure"]


SMALL = Scenario({"run.years": 1, "accounts.initial_customers": 40, "market.inbound_leads_per_month": 6.0},
                 name="small")
DISCIPLINES = ("customer_intimacy", "operational_excellence", "product_leadership", "stuck_in_the_middle")
ALIGNMENT = ("undefined", "defined", "aligned", "integrated")


@pytest.fixture(scope="module")
def run():
    return simulate({"run.years": 2}, seed=1, keep_events=True)


@pytest.fixture(scope="module")
def disciplines():
    """Lesson 05's four strategies, the longest names a comparison of the lessons gets."""
    return {name: simulate(preset(name).replace({"run.years": 1}), seed=0, keep_events=False) for name in DISCIPLINES}


@pytest.fixture(scope="module")
def alignment():
    """Lesson 07's four levels of alignment."""
    return {level: simulate(Scenario({"market.alignment": level, "run.years": 1}), seed=0, keep_events=False)
            for level in ALIGNMENT}


@pytest.fixture(scope="module")
def experiments():
    return {"no promise": simulate(SMALL.replace({"funnel.promise_policy": "no_promise"}), seed=3, keep_events=False),
            "pairs": compare(SMALL, SMALL.replace({"funnel.promise_policy": "customer_wish"}, name="wish"), 3, seed=8),
            "grid": sweep(SMALL, {"funnel.promise_policy": ["honest", "customer_wish"],
                                  "market.competitor_intensity": [0.5, 1.5]}, 2, seed=8),
            "line": sweep(SMALL, {"market.nurture_months": [2.0, 4.0, 6.0]}, 2, seed=8),
            "tornado": sensitivity(SMALL, ["satisfaction.base_grade", "market.nurture_months"], 2, seed=8,
                                   kpi="nps"),
            "paths": {scenario_name(name, "en"): [simulate(preset(name).replace({"run.years": 1}), seed,
                                                           keep_events=False) for seed in path_seeds(0, 2)]
                      for name in ("customer_intimacy", "stuck_in_the_middle")}}  # lesson 05's two


@pytest.fixture(scope="module")
def game(tmp_path_factory):
    game = Game.create(tmp_path_factory.mktemp("layout") / "layout.game",
                       {"rounds": 3, "suppliers": 3, "market": {"accounts.initial_customers": 60}},
                       teams=["Rood", "Blauw"])
    for _ in range(3):
        game.advance()
    yield game
    game.close()


def _every_figure(language, run, disciplines, alignment, experiments, game) -> dict[str, Figure]:
    named = {scenario_name(name, language): result for name, result in disciplines.items()}
    levels = {SPECS["market.alignment"].choice_label(level, language).split(":")[0]: result
              for level, result in alignment.items()}
    odd = {"honest promises with six months of nurturing first": run, "none": experiments["no promise"]}
    assert odd["none"].kpis["nps"] < 0 and odd["none"].kpis["margin"] < 0  # values left of zero,
    assert math.isnan(odd["none"].kpis["promises_kept_share"])  # and one missing
    pairs, order = experiments["pairs"], [standing.name for standing in game.leaderboard()]
    figures = {draw.__name__: draw(run, language) for draw in (
        plots.funnel_chart, plots.relationship_phases, plots.grade_distribution, plots.nps_breakdown,
        plots.cohort_retention, plots.promised_vs_delivered, plots.revenue_cost_margin, plots.forecast_vs_actual,
        plots.dashboard)}
    figures |= {
        "compare_bars of lesson 05": plots.compare_bars(named, ["win_rate", "avg_grade", "margin"], language),
        "compare_bars of lesson 07": plots.compare_bars(
            levels, ["opportunities", "deals_won", "acquisition_cost_per_customer"], language),
        "compare_bars, one KPI": plots.compare_bars(named, ["promises_kept_share"], language),
        "compare_bars, long names and values below zero or missing": plots.compare_bars(
            odd, ["nps", "margin", "promises_kept_share", "sales_cycle_days_mean"], language),
        "compare_kpis": plots.compare_kpis(named, ["deals_won", "margin", "nps", "win_rate"], language),
        "compare_kpis of a panel": plots.compare_kpis({"A": run, "B": run}, ["deals_won", "margin"], language),
        "fan_chart": plots.fan_chart(pairs, "margin", language),
        "difference_histogram": plots.difference_histogram(pairs, "nps", language),
        "kpi_errorbars": plots.kpi_errorbars(pairs, ["margin", "nps", "win_rate"], language),
        "tornado_chart": plots.tornado_chart(experiments["tornado"], language=language),
        "sweep_chart, a grid": plots.sweep_chart(experiments["grid"], "nps", language),
        "sweep_chart, a line": plots.sweep_chart(experiments["line"], "churn_rate_annual", language),
        "paths": plots.paths(experiments["paths"], language=language),
        "paths, two KPIs in a row": plots.paths(experiments["paths"], ["nps", "customers"], language=language),
        "stress test": difference_figure(pairs, ("margin", "nps"), language),
        "game team": team_figure([results["Rood"] for results in game.results()], language),
        "game ranks": rank_figure(game, order, [game.leaderboard(r) for r in (1, 2, 3)], language),
    }
    figures |= {f"game path {i}": figure
                for i, figure in enumerate(path_figures(game, order, game.results(), language))}
    return figures


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_text_of_any_figure_runs_into_another_or_off_the_figure(language, run, disciplines, alignment,
                                                                   experiments, game):
    figures = _every_figure(language, run, disciplines, alignment, experiments, game)
    assert len(figures) == 30
    assert not {name: found for name, figure in figures.items() if (found := crowded(figure))}
