"""Paths over time with bands: the crossing month as computed by hand, bands that hold every run,
captions in both languages, the figure, and panels that show the first run before the band is complete."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from simulation import plots, preset, simulate
from simulation.paths import (DEFAULT_PATHS, Crossing, band, crossing, crossing_caption, crossing_month, describe, path,
                              path_seeds, replicate_paths, wins_sentence)
from simulation.widgets import CompareView, SimulationPanel

TWO_YEARS = {"run.years": 2}


@pytest.fixture(scope="module")
def runs():
    """Honest promises against over-promising, 3 replications of 2 years on common random numbers."""
    return {name: [simulate(preset(name).replace(TWO_YEARS), seed, keep_events=False) for seed in path_seeds(0, 3)]
            for name in ("honest_promise", "over_promise")}


def test_the_crossing_month_is_the_one_computed_by_hand_from_the_monthly_series(runs):
    checked = 0
    for honest_run, over_run in zip(runs["honest_promise"], runs["over_promise"]):
        honest, over = honest_run.monthly, over_run.monthly
        lead_of_honest = list(honest["customers"] - over["customers"])  # month by month, A − B
        if not any(lead < 0 for lead in lead_of_honest):
            continue  # honest promising led throughout: no crossing to find in this replication
        months = list(honest["month"])
        last_not_ahead = max(i for i, lead in enumerate(lead_of_honest) if lead <= 0)  # by hand
        assert len(months) - (last_not_ahead + 1) >= 2  # honest promising stays ahead for more than a month
        by_hand = months[last_not_ahead + 1]
        found = crossing(path(honest_run, "customers"), path(over_run, "customers"))
        assert found.month == by_hand and found.early == "B"
        assert crossing_month(path(honest, "customers"), path(over, "customers")) == by_hand
        checked += 1
    assert checked >= 2  # over-promising leads first in most replications (lesson 03's story)


@pytest.mark.parametrize("a, b, expected", [
    ([1, 2, 3], [0, 1, 2], None),  # A ahead throughout: no crossing
    ([1, 1, 1], [1, 1, 1], None),  # level throughout
    ([1, 2, 3], [1, 2, 3.5], None),  # A never led: B's lead is not a reversal
    ([0, 1, 3, 4], [1, 1, 2, 3], Crossing(3, "B", 1)),  # B ahead in month 1, level in 2, behind from 3
    ([0, 2, 1, 4, 5], [1, 1, 2, 3, 3], Crossing(4, "B", 3)),  # a lead lost and retaken: from the last change
    ([2, 1, 0, 0], [1, 1, 1, 1], Crossing(3, "A", 1)),  # A's early lead turns: found, but not B's crossing
    ([0, 1, 1, 2], [1, 1, 1, 1], None),  # ahead in the last month only: noise, not a lasting turn
])
def test_crossing_needs_an_early_lead_that_turns_into_a_lasting_deficit(a, b, expected):
    index = pd.Index(range(1, len(a) + 1), name="month")
    assert crossing(pd.Series(a, index=index, dtype=float), pd.Series(b, index=index, dtype=float)) == expected


def test_a_lower_is_better_kpi_crosses_the_other_way():
    index = pd.Index([1, 2, 3, 4], name="month")
    a, b = pd.Series([5.0, 3, 1, 1], index=index), pd.Series([3.0, 3, 3, 3], index=index)
    assert crossing(a, b, better=-1) == Crossing(3, "B", 1)


@pytest.mark.parametrize("kpi", DEFAULT_PATHS)
def test_the_band_contains_the_single_seed_path(runs, kpi):
    single = path(simulate(preset("over_promise").replace(TWO_YEARS), 0, keep_events=False), kpi)
    table = band(runs["over_promise"], kpi)
    assert (table["low"] <= single).all() and (single <= table["high"]).all()
    assert (table["low"] <= table["median"]).all() and (table["median"] <= table["high"]).all()
    assert table["runs"].iloc[0] == 3


def test_captions_name_the_crossing_in_english_and_dutch():
    found = Crossing(14, "B", 13)
    assert crossing_caption(found, ("honest promise", "over-promise"), "customers", "en") == \
        "over-promise is ahead on customers until month 13, behind from month 14"
    assert crossing_caption(found, ("eerlijk beloven", "te veel beloven"), "cumulative_margin", "nl") == \
        "te veel beloven ligt qua marge voor tot maand 13, achter vanaf maand 14"
    assert crossing_caption(None, ("a", "b"), "customers", "en") == ""


def test_how_sure_we_are_is_said_in_words_about_the_side_ahead_in_most_runs(runs):
    honest, over = runs["honest_promise"], runs["over_promise"]
    ahead = sum(path(h, "customers").iloc[-1] > path(o, "customers").iloc[-1] for h, o in zip(honest, over))
    assert ahead >= 2  # honest promising keeps more customers on these seeds
    assert wins_sentence(honest, over, "customers", ("honest", "over"), "en") == \
        f"In {ahead} of 3 runs honest ended with more customers than over."
    assert wins_sentence(over, honest, "customers", ("te veel", "eerlijk"), "nl") == \
        f"In {ahead} van de 3 runs eindigde eerlijk met meer klanten dan te veel."


def _monthly(customers: list[float]) -> pd.DataFrame:
    months = range(1, len(customers) + 1)
    return pd.DataFrame({"month": months, "customers": customers, "margin": [1e5] * len(customers),
                         "avg_grade": [7.0] * len(customers), "nps": [10.0] * len(customers),
                         "won": [2] * len(customers)})


def test_the_figure_marks_the_crossing_is_greyscale_safe_legible_and_speaks_dutch():
    runs = {"eerlijk": [_monthly([100, 99, 101, 103, 104, 105]), _monthly([100, 98, 102, 104, 105, 106])],
            "te veel": [_monthly([100, 101, 102, 102, 101, 100]), _monthly([100, 102, 101, 101, 100, 99])]}
    figure = plots.paths(runs, language="nl")
    assert isinstance(figure, Figure)
    customers = figure.axes[0]
    assert "te veel ligt qua klanten voor tot maand 2, achter vanaf maand 4" in " ".join(
        customers.get_title(loc="left").split())
    assert any(line.get_xdata()[0] == line.get_xdata()[-1] for line in customers.get_lines())  # the marker
    styles = {line.get_linestyle() for line in customers.get_lines()[:2]}
    assert len(styles) == 2  # the scenarios differ without colour
    assert {patch.get_hatch() for patch in customers.collections} >= {"//", "\\\\"}
    texts = [t for t in figure.findobj(Text) if t.get_text()]
    assert min(t.get_fontsize() for t in texts) >= 9  # 12.5 px at the panels' 100 dpi
    assert any(t.get_text() == "Maand van de simulatie" for t in texts)


def test_the_figure_draws_into_a_given_axes():
    figure = Figure()
    ax = figure.add_subplot()
    assert plots.paths({"A": [_monthly([1, 2, 3])]}, ["customers"], ax=ax) is figure
    assert ax.get_title(loc="left") == "Customers"


def test_the_compare_view_shows_the_first_run_before_the_band_is_complete(monkeypatch):
    seen = []
    draw = plots.paths

    def spy(runs_by_name, *args, **kwargs):
        seen.append([len(runs) for runs in runs_by_name.values()])
        return draw(runs_by_name, *args, **kwargs)

    monkeypatch.setattr(plots, "paths", spy)
    a, b = preset("honest_promise").replace({"run.years": 1}), preset("over_promise").replace({"run.years": 1})
    view = CompareView(a, b, ["funnel.promise_policy"], kpis=["customers_end", "margin"], replications=3, workers=1)
    assert seen[0] == [1, 1]  # the first answer: one seed per side, drawn at once
    view.wait(60)
    assert view.band_complete and seen[-1] == [3, 3]
    assert len(view.runs["A"]) == len(view.runs["B"]) == 3
    assert view.runs["A"][0].kpis == view.a.kpis  # the run shown first is the band's first run
    assert "Band complete: 3 runs" in view.status.value
    assert "Difference (A − B): 95% interval" in view.table.value and " of 3</td>" in view.table.value
    assert "In " in view.table.value and " of 3 runs " in view.table.value
    view.set_language("nl")
    assert "Verschil (A − B): 95 %-interval" in view.table.value and "Band compleet" in view.status.value


def test_the_single_panel_shows_paths_and_the_spread_of_its_runs():
    panel = SimulationPanel(["run.years"], base=preset("baseline").replace({"run.years": 1}), kpis=["margin"],
                            replications=2, workers=1)
    assert "…" in panel.table.value or panel.band_complete
    panel.wait(60)
    assert "Lowest–highest of 2 runs" in panel.table.value and panel.band_complete
    assert bytes(panel.image.value).startswith(b"\x89PNG")


def test_a_lesson_can_replicate_paths_and_print_their_story_in_both_languages():
    runs = replicate_paths({"honest": preset("honest_promise").replace({"run.years": 1}),
                            "over": preset("over_promise").replace({"run.years": 1})}, n=2, seed=0)
    assert [len(r) for r in runs.values()] == [2, 2]
    first = simulate(preset("honest_promise").replace({"run.years": 1}), 0, keep_events=False)
    assert path(runs["honest"][0], "customers").equals(path(first, "customers"))  # seed 0 comes first
    english, dutch = describe(runs).splitlines(), describe(runs, language="nl").splitlines()
    assert english[-1].startswith("In ") and " of 2 runs " in english[-1]
    assert dutch[-1].startswith("In ") and " van de 2 runs " in dutch[-1]


def test_the_story_and_figure_of_the_paths_speak_the_kits_language(runs, kit_in_dutch):
    """A Dutch lesson sets the language once; `describe(runs)` and `plots.paths(runs)` then need no argument."""
    assert describe(runs) == describe(runs, language="nl") != describe(runs, language="en")
    labels = [[(ax.get_xlabel(), ax.get_ylabel()) for ax in plots.paths(runs, language=language).axes]
              for language in (None, "nl", "en")]
    assert labels[0] == labels[1] != labels[2]


def test_sides_of_different_lengths_cross_over_the_months_both_have():
    """Lesson 03 puts 'Years to simulate' in both tabs: A over 5 years and B over 3 failed to draw ('operands could
    not be broadcast'); the crossing is looked for where both sides have months."""
    a = pd.Series([0.0, 1, 3, 4, 9, 9], index=pd.Index(range(1, 7), name="month"))
    b = pd.Series([1.0, 1, 2, 3], index=pd.Index(range(1, 5), name="month"))
    assert crossing(a, b) == crossing(a.iloc[:4], b) == Crossing(3, "B", 1)


def test_a_compare_view_draws_sides_of_different_horizons():
    view = CompareView("honest_promise", "over_promise", ["run.years"], replications=1)
    view.panels["A"].controls["run.years"].value = 2
    assert view.run() and "could not be drawn" not in view.status.value


def test_the_paths_speak_dutch_numbers_on_whole_months():
    """The Dutch paths showed '7.5' on the grade axis and months '2.5, 5.0, 7.5' on a one-year run."""
    runs = {"A": [simulate(preset("baseline").replace({"run.years": 1}), 0, keep_events=False)]}
    figure = plots.paths(runs, ["avg_grade"], language="nl")
    figure.canvas.draw()
    ax = figure.axes[0]
    grade_ticks = [tick.get_text() for tick in ax.get_yticklabels() if tick.get_text()]
    month_ticks = [tick.get_text() for tick in ax.get_xticklabels() if tick.get_text()]
    assert grade_ticks and all("." not in tick for tick in grade_ticks) and any("," in tick for tick in grade_ticks)
    assert month_ticks and all(tick.lstrip("−").isdigit() for tick in month_ticks), month_ticks
