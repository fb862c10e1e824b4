"""What a run hands back agrees with itself: the customer-month panel, the monthly series and the KPIs."""

from __future__ import annotations

import numpy as np
import pytest

from simulation import Scenario, ScenarioError, simulate


@pytest.fixture(scope="module")
def result():
    return simulate(Scenario({"run.years": 2}), seed=4, keep_events=False)


def test_the_customer_month_panel_has_one_row_per_customer_per_month(result):
    panel = result.customer_months
    assert list(panel.columns) == ["customer_id", "month", "size", "complex", "role", "phase", "grade", "orders",
                                   "revenue", "left", "how"]
    assert not panel.duplicated(["customer_id", "month"]).any()
    active_at_end = panel[(panel.month == 24) & ~panel.left]
    assert len(active_at_end) == result.kpis["customers_end"]
    # every month's revenue is booked to some customer, and every churned customer left exactly once
    assert np.allclose(panel.groupby("month").revenue.sum().to_numpy(), result.monthly.revenue.to_numpy())
    assert (panel.how == "churned").sum() == result.monthly.churned.sum()
    assert set(panel.how) <= {"", "churned", "ended_by_supplier"}
    assert panel[panel.left].how.ne("").all()


def test_cohort_retention_and_churn_by_grade_are_one_groupby_away(result):
    panel = result.customer_months
    churn_by_band = panel.groupby(panel.grade.round()).left.mean()
    assert churn_by_band.index.min() < 7 < churn_by_band.index.max()


def test_kpis_and_monthly_series_add_up_exactly():
    """Nothing happens after the last monthly row, so no flow is in the KPIs and in no month."""
    for seed in range(3):
        r = simulate(Scenario({"run.years": 1, "market.referrals_per_promoter": 10,
                               "accounts.initial_grade_mean": 8.5}), seed=seed, keep_events=False)
        m = r.monthly
        assert r.kpis["leads_generated"] == m.leads.sum()
        assert r.kpis["referral_leads"] == m.referral_leads.sum()
        assert r.kpis["deals_won"] == m.won.sum()
        assert r.kpis["new_customers"] == m.new_customers.sum()
        assert r.kpis["revenue"] == pytest.approx(m.revenue.sum())
        assert r.kpis["complaints"] == m.complaints.sum()
        assert r.kpis["customers_end"] == m.customers.iloc[-1]


def test_runs_of_up_to_twenty_years_follow_a_cohort():
    long = simulate(Scenario({"run.years": 20, "accounts.initial_customers": 50,
                              "market.campaign_spend_per_month": 2000}), seed=1, keep_events=False)
    assert len(long.monthly) == 240 and long.conservation["balanced"]
    with pytest.raises(ScenarioError, match=r"run.years.*\[1, 20\]"):
        Scenario({"run.years": 21})


def test_an_overloaded_desk_is_flagged_not_ground_through():
    flooded = simulate(Scenario({"run.years": 1, "organisation.service_staff": 1, "accounts.incidents_per_year": 24,
                                 "accounts.complaint_work_hours": 20}), seed=0, keep_events=False)
    assert any("service desk overloaded" in warning for warning in flooded.warnings)
    assert "service desk overloaded" in " ".join(flooded.to_dict()["warnings"])
    calm = simulate(Scenario({"run.years": 1}), seed=0, keep_events=False)
    assert calm.warnings == ()


def test_the_default_event_log_keeps_what_the_figures_read():
    figures = simulate(Scenario({"run.years": 1}), seed=2)
    everything = simulate(Scenario({"run.years": 1}), seed=2, keep_events="all")
    assert set(figures.events.event) == {"quote_sent", "delivered"}
    kept = everything.events[everything.events.event.isin(["quote_sent", "delivered"])].reset_index(drop=True)
    assert kept.equals(figures.events)
    assert figures.kpis == everything.kpis
    assert simulate(Scenario({"run.years": 1}), seed=2, keep_events=False).events.empty
    with pytest.raises(ScenarioError, match="keep_events"):
        simulate(Scenario({"run.years": 1}), keep_events="some")


def test_the_forecast_is_as_reliable_as_the_qualification():
    """Baseline within ±30 % of what is won; checking every criterion makes it more reliable, guessing inflates it."""
    def forecast_error(changes: dict) -> float:
        return float(np.mean([simulate(Scenario(changes), seed=s, keep_events=False).kpis["forecast_error"]
                              for s in range(6)]))

    baseline, rigorous, sloppy = forecast_error({}), forecast_error({"funnel.qualification_rigour": 1.0}), \
        forecast_error({"funnel.qualification_rigour": 0.0})
    assert abs(baseline) <= 0.30
    assert abs(rigorous) < abs(baseline) < sloppy


def test_an_overloaded_run_says_so_in_the_panel_and_on_the_command_line(capsys):
    from simulation.cli import main
    from simulation.widgets import SimulationPanel

    flooded = {"run.years": 1, "organisation.service_staff": 1, "accounts.incidents_per_year": 24,
               "accounts.complaint_work_hours": 20}
    panel = SimulationPanel(list(flooded), base=Scenario(flooded), language="nl")
    assert panel.run()
    assert "Let op: servicedesk overbelast" in panel.status.value
    assert main(["run", *[arg for key, value in flooded.items() for arg in ("--set", f"{key}={value}")]]) == 0
    assert "warning: service desk overloaded" in capsys.readouterr().err
