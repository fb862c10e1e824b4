"""Wire the mechanisms into one SimPy run and collect the monthly picture.

The management rhythm runs once a month: word of mouth, how much account
time each role has (coverage), a snapshot for the time series, and once a
year the optional review that ends unprofitable relationships.
"""

from __future__ import annotations

from ..scenario import Scenario
from . import accounts, market
from .entities import EX
from .funnel import FunnelRules
from .satisfaction import net_promoter_score
from .world import DAYS_PER_MONTH, DAYS_PER_YEAR, World


def build_world(scenario: Scenario, seed: int, keep_events: bool = True) -> World:
    """A world with the existing customer base and all processes started."""
    world = World(scenario, seed, keep_events)
    world.funnel = FunnelRules(world)
    accounts.seed_customer_base(world)
    world.env.process(market.lead_arrivals(world))
    world.env.process(management(world))
    return world


def run_world(world: World) -> World:
    """Run to the horizon (the last month's snapshot is taken at the horizon itself)."""
    world.env.run(until=world.scenario["run.years"] * DAYS_PER_YEAR + 1e-6)
    return world


def planned_account_hours(world: World) -> dict[str, float]:
    """Hours each role would need this year to make every planned visit."""
    per_account = world.scenario["accounts.visits_per_year"] * world.scenario["accounts.visit_hours"]
    per_account *= world.effects.visit_hours_factor
    need: dict[str, float] = {}
    for account in world.accounts:
        if account.phase != EX:
            need[account.role] = need.get(account.role, 0.0) + per_account
    return need


def yearly_review(world: World) -> None:
    """End relationships whose gross margin does not pay for the hours spent on them."""
    hours = world.scenario["organisation.hours_per_rep_year"]
    hourly = world.scenario["organisation.rep_cost_per_year"] / hours
    for account in world.accounts:
        if account.phase == EX:
            continue
        if world.scenario["churn.supplier_ends_unprofitable"] and \
                account.revenue_year * world.effects.gross_margin < account.serve_hours_year * hourly:
            accounts.end_relationship(world, account, "ended_by_supplier")
        account.revenue_year = account.serve_hours_year = 0.0


def management(world: World):
    """Monthly rhythm of the sales organisation; also records the time series."""
    previous = _snapshot_flows(world)
    month = 0
    while True:
        world.organisation.update_coverage(planned_account_hours(world))
        market.word_of_mouth(world)
        yield world.env.timeout(DAYS_PER_MONTH)
        month += 1
        if month % 12 == 0:  # before the snapshot, so the year's last row shows its outcome
            yearly_review(world)
        current = _snapshot_flows(world)
        world.monthly.append(_month_row(world, month, previous, current))
        previous = current


_FLOWS = ("leads", "referral_leads", "opportunities", "quotes_sent", "won", "lost", "new_customers", "won_back",
          "churned", "ended_by_supplier", "revenue", "complaints", "complaints_in_target", "forecast_value",
          "won_value")


def _snapshot_flows(world: World) -> dict[str, float]:
    tally = world.tally
    return {name: getattr(tally, name) for name in _FLOWS}


def _month_row(world: World, month: int, previous: dict, current: dict) -> dict:
    """One row of the monthly time series: flows in the month, stocks at its end."""
    row: dict = {"month": month, "day": world.env.now}
    row.update({name: current[name] - previous[name] for name in _FLOWS})
    counts = world.lead_counts
    row["potential"] = sum(counts[s] for s in ("marketing", "sales_acceptance", "qualification", "quote", "decision"))
    phases = {"new": 0, "loyal": 0, "ex": 0}
    grades = []
    for account in world.accounts:
        phases[account.phase] += 1
        if account.phase != EX:
            grades.append(account.grade)
    row.update(phases)
    row["customers"] = len(grades)
    row["avg_grade"] = sum(grades) / len(grades) if grades else float("nan")
    survey = world.streams["survey"]
    answers = [world.satisfaction.nps_answer(g, survey) for g in grades]
    row["nps"] = net_promoter_score(answers)
    row["promoters_share"] = sum(1 for x in answers if x >= 9) / len(answers) if answers else float("nan")
    row["detractors_share"] = sum(1 for x in answers if x <= 6) / len(answers) if answers else float("nan")
    costs = monthly_costs(world)
    row.update(costs)
    row["margin"] = row["revenue"] * world.effects.gross_margin - sum(costs.values())
    return row


def monthly_costs(world: World) -> dict[str, float]:
    """Sales cost (people and campaigns), cost to serve (service staff) and strategy investment per month."""
    o = world.organisation
    return {
        "sales_cost": o.rep_cost / 12.0 + world.scenario["market.campaign_spend_per_month"],
        "service_cost": o.service_cost / 12.0,
        "strategy_cost": world.effects.annual_cost / 12.0,
    }
