"""Wire the mechanisms into one SimPy run and collect the monthly picture.

The management rhythm runs once a month: word of mouth, how much account
time each role has (coverage), a snapshot for the time series, and once a
year the optional review that ends unprofitable relationships.
"""

from __future__ import annotations

import gc
import math
import threading
from dataclasses import dataclass

import numpy as np

from ..scenario import Scenario
from . import accounts, market
from .entities import EX, LEAD_OPEN_STATES
from .funnel import FunnelRules
from .satisfaction import net_promoter_score
from .world import DAYS_PER_MONTH, DAYS_PER_YEAR, Process, World


def build_world(scenario: Scenario, seed: int, keep_events: bool = True) -> World:
    """A world with the existing customer base and all processes started."""
    world = World(scenario, seed, keep_events)
    world.funnel = FunnelRules(world)
    accounts.seed_customer_base(world)
    world.env.process(market.lead_arrivals(world))
    world.env.process(management(world))
    return world


GC_FIRST_GENERATION = 50_000  # objects allocated between young-generation collections during a run


def run_world(world: World) -> World:
    """Run to the horizon (the last month's snapshot is taken at the horizon itself).

    A run allocates hundreds of thousands of short-lived events; Python's default
    collector would walk the growing event log every 700 allocations, so the
    young generation is collected less often while the model runs. The setting
    is process-wide, so only the main thread changes it (runs in worker threads
    keep the defaults rather than race each other to restore them).
    """
    horizon = world.scenario["run.years"] * DAYS_PER_YEAR + 1e-6
    if threading.current_thread() is not threading.main_thread():
        world.env.run(until=horizon)
        return world
    thresholds = gc.get_threshold()
    gc.set_threshold(GC_FIRST_GENERATION, *thresholds[1:])
    try:
        world.env.run(until=horizon)
    finally:
        gc.set_threshold(*thresholds)
    return world


def planned_account_hours(world: World, active_per_role: dict[str, int]) -> dict[str, float]:
    """Hours each role would need this year to make every planned visit."""
    per_account = world.scenario["accounts.visits_per_year"] * world.scenario["accounts.visit_hours"]
    per_account *= world.effects.visit_hours_factor
    return {role: count * per_account for role, count in active_per_role.items()}


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


def management(world: World) -> Process:
    """Monthly rhythm of the sales organisation; also records the time series."""
    previous = _snapshot_flows(world)
    base = census(world)
    month = 0
    while True:
        world.organisation.update_coverage(planned_account_hours(world, base.active_per_role))
        market.word_of_mouth(world, base.grades)
        yield world.env.timeout(DAYS_PER_MONTH)
        month += 1
        if month % 12 == 0:  # before the snapshot, so the year's last row shows its outcome
            yearly_review(world)
        current = _snapshot_flows(world)
        base = census(world)
        world.monthly.append(_month_row(world, month, previous, current, base))
        previous = current


_FLOWS = ("leads", "referral_leads", "opportunities", "quotes_sent", "won", "lost", "new_customers", "won_back",
          "churned", "ended_by_supplier", "revenue", "complaints", "complaints_in_target", "forecast_value",
          "won_value")


@dataclass(slots=True)
class Census:
    """The customer base at one moment: one pass over the accounts serves the whole month."""

    phases: dict[str, int]
    grades: np.ndarray  # of active customers
    active_per_role: dict[str, int]


def census(world: World) -> Census:
    phases = {"new": 0, "loyal": 0, "ex": 0}
    grades: list[float] = []
    per_role: dict[str, int] = {}
    for account in world.accounts:
        phases[account.phase] += 1
        if account.phase != EX:
            grades.append(account.grade)
            per_role[account.role] = per_role.get(account.role, 0) + 1
    return Census(phases, np.array(grades), per_role)


def _snapshot_flows(world: World) -> dict[str, float]:
    tally = world.tally
    return {name: getattr(tally, name) for name in _FLOWS}


def _month_row(world: World, month: int, previous: dict, current: dict, base: Census) -> dict:
    """One row of the monthly time series: flows in the month, stocks at its end."""
    row: dict = {"month": month, "day": world.env.now}
    row.update({name: current[name] - previous[name] for name in _FLOWS})
    counts = world.lead_counts
    row["potential"] = sum(counts[s] for s in LEAD_OPEN_STATES)
    row.update(base.phases)
    grades = base.grades
    row["customers"] = len(grades)
    answers = world.satisfaction.nps_answers(grades, world.streams["survey"])
    surveyed = len(answers) > 0
    row["avg_grade"] = float(grades.mean()) if surveyed else math.nan
    row["nps"] = net_promoter_score(answers)
    row["promoters_share"] = float((answers >= 9).mean()) if surveyed else math.nan
    row["detractors_share"] = float((answers <= 6).mean()) if surveyed else math.nan
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
