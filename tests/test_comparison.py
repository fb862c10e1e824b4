"""The KPI difference table of the compare view: B − A, relative to A, and which side is better."""

from __future__ import annotations

import math

import pytest

from simulation import KPI_SPECS, KPIS, simulate
from simulation import ScenarioError
from simulation.comparison import better_side, kpi_difference, yearly_totals
from simulation.kpis import check_kpi

NAN = math.nan


@pytest.fixture(scope="module")
def honest_and_over_promise():
    return simulate("honest_promise", seed=3), simulate("over_promise", seed=3)


def test_difference_is_a_minus_b_relative_to_b():
    """A − B, as in `experiment compare` and the stress test: one convention on every face."""
    table = kpi_difference({"revenue": 200.0, "churn_rate_annual": 0.1}, {"revenue": 250.0, "churn_rate_annual": 0.15},
                           ["revenue", "churn_rate_annual"])
    assert list(table.index) == ["revenue", "churn_rate_annual"]
    assert table.loc["revenue", "difference"] == -50.0
    assert table.loc["revenue", "relative_difference"] == pytest.approx(-0.2)
    assert table.loc["churn_rate_annual", "difference"] == pytest.approx(-0.05)
    assert table.loc["revenue", "better"] == "B"  # more revenue is better
    assert table.loc["churn_rate_annual", "better"] == "A"  # less churn is better


@pytest.mark.parametrize(("a", "b", "direction", "expected"), [
    (1.0, 2.0, +1, "B"), (1.0, 2.0, -1, "A"), (2.0, 2.0, +1, "="), (1.0, 2.0, 0, ""), (NAN, 2.0, +1, ""),
    (-3.0, -1.0, +1, "B"),
])
def test_better_side_follows_the_kpis_direction(a, b, direction, expected):
    assert better_side(a, b, direction) == expected


def test_relative_difference_is_undefined_when_b_is_zero_or_undefined():
    table = kpi_difference({"deals_won": 5.0, "win_rate": NAN}, {"deals_won": 0.0, "win_rate": 0.3},
                           ["deals_won", "win_rate"])
    assert math.isnan(table.loc["deals_won", "relative_difference"])
    assert math.isnan(table.loc["win_rate", "relative_difference"])
    assert table.loc["win_rate", "better"] == ""


def test_relative_difference_against_a_negative_b_keeps_the_direction():
    table = kpi_difference({"margin": -50.0}, {"margin": -100.0}, ["margin"])
    assert table.loc["margin", "relative_difference"] == pytest.approx(0.5)  # A is 50 % of |B| better


def test_relative_difference_across_zero_is_undefined():
    table = kpi_difference({"nps": 20.0, "margin": 100.0}, {"nps": -5.0, "margin": -1.0}, ["nps", "margin"])
    assert table["relative_difference"].isna().all()
    assert list(table["better"]) == ["A", "A"]


def test_labels_follow_the_language_and_every_kpi_is_in_the_default_table(honest_and_over_promise):
    table = kpi_difference(*honest_and_over_promise, language="nl")
    assert list(table.index) == [spec.name for spec in KPIS]
    assert table.loc["revenue", "label"] == KPI_SPECS["revenue"].label_nl
    assert set(table["better"]) <= {"A", "B", "=", ""}


def test_same_scenario_and_seed_differ_in_nothing():
    run = simulate("baseline", seed=1)
    table = kpi_difference(run, simulate("baseline", seed=1))
    defined = table.dropna(subset=["A"])
    assert (defined["difference"] == 0).all()
    assert not set(table["better"]) & {"A", "B"}


def test_table_of_two_runs_holds_their_kpis(honest_and_over_promise):
    honest, over = honest_and_over_promise
    table = kpi_difference(honest, over, ["deals_won", "churn_rate_annual", "margin"])
    for name, row in table.iterrows():
        assert (row.A, row.B) == (honest.kpis[name], over.kpis[name])
        assert row.difference == pytest.approx(honest.kpis[name] - over.kpis[name])
        assert row.better == better_side(row.A, row.B, KPI_SPECS[name].better)


def test_unknown_kpi_names_the_known_ones():
    with pytest.raises(ValueError, match="Unknown KPI 'wins'.*win_rate"):
        kpi_difference({}, {}, ["wins"])


def test_a_kpi_name_gives_its_spec_and_anything_else_a_message():
    assert check_kpi("nps") is KPI_SPECS["nps"]
    for name in (["nps"], None, 3):
        with pytest.raises(ScenarioError, match=r"Unknown KPI .*\. Known KPIs: 'leads_generated'"):
            check_kpi(name)


def test_yearly_totals_add_up_to_the_run_totals(honest_and_over_promise):
    honest, over = honest_and_over_promise
    table = yearly_totals({"honest": honest, "over": over}, "won")
    assert list(table.columns) == ["honest", "over"]
    assert list(table.index) == [1, 2, 3]
    assert table["honest"].sum() == honest.kpis["deals_won"]
    assert table["over"].sum() == over.kpis["deals_won"]


def test_yearly_totals_name_their_years_in_the_kits_language(honest_and_over_promise, kit_in_dutch):
    honest = honest_and_over_promise[0]
    assert yearly_totals({"honest": honest}, "won").index.name == "jaar"
    assert yearly_totals({"honest": honest}, "won", language="en").index.name == "year"


def test_yearly_totals_name_the_columns_that_exist(honest_and_over_promise):
    with pytest.raises(ValueError, match="Unknown monthly column 'wins'.*won"):
        yearly_totals({"honest": honest_and_over_promise[0]}, "wins")
