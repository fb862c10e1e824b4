"""Wire the mechanisms into one SimPy run and collect the monthly picture.

The management rhythm runs once a month: how each role splits its hours
(accounts, qualification, quotes), word of mouth, a snapshot for the time
series and the customer-month panel, and once a year the optional review
that ends unprofitable relationships. The run ends with the last month's
snapshot, so every flow in the KPIs is in some month.
"""

from __future__ import annotations

import contextlib
import gc
import math
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import simpy
from simpy.events import Condition

from ..scenario import Scenario
from . import market
from .accounts import visit_plan
from .clock import DAYS_PER_MONTH
from .entities import EX, LEAD_OPEN_STATES, LOYAL, NEW
from .funnel import FunnelRules
from .pipeline_start import seed_pipeline
from .relationship import end_relationship, seed_customer_base
from .satisfaction import net_promoter_score
from .world import Process, World, start

OVERLOADED_QUEUE = 100  # requests still waiting at the end above which a desk is reported as overloaded


def build_world(scenario: Scenario, seed: int, events: str = "figures", env: simpy.Environment | None = None,
                shared_market: Any = None, fixed_decisions: bool = False) -> World:
    """A world with the existing customer base and all processes started (on `env`, in `shared_market`, for
    a supplier of a market game). `fixed_decisions`: nothing will call `apply_decisions` on it (a run of one
    scenario), which spares the run some events (`World.fixed_decisions`)."""
    world = World(scenario, seed, events, env, shared_market, fixed_decisions)
    world.funnel = FunnelRules(world)
    seed_customer_base(world)
    seed_pipeline(world)
    start(world.env, market.lead_arrivals(world))
    world.manager = world.env.process(management(world))
    return world


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector while the model runs.

    A run allocates hundreds of thousands of short-lived events that reference
    counting frees; the cycle collector would only walk the growing world again
    and again (a tenth of a run's CPU, half of a 30-supplier game round's), so
    it pauses. The setting is process-wide, so only the main thread changes it
    (runs in worker threads leave it alone rather than race to restore it).
    """
    if threading.current_thread() is not threading.main_thread() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def apply_decisions(world: World, scenario: Scenario) -> None:
    """New decisions from now on (a game's next round): strategy, satisfaction, head counts, funnel rules.

    Leads already in a funnel stage finish it under the rules they started with; customers read the new
    decisions at their next monthly moment (they watch `world.revision`).
    """
    if world.fixed_decisions:  # its leads have read rules ahead of time: the new ones would not count for them
        raise RuntimeError("this world was built with fixed decisions (build_world(..., fixed_decisions=True))")
    world.read_decisions(scenario)
    world.organisation.resize(scenario)
    reassign_accounts(world)
    world.funnel = FunnelRules(world)
    world.revision += 1
    world.organisation.replan()  # the month under way, on the asks it was planned on, with this round's head counts


def reassign_accounts(world: World) -> None:
    """Recount each role's planned account hours; customers of a role without reps go to the nearest role with
    room, as a sales manager would hand them over (in the order they became customers)."""
    organisation = world.organisation
    planned = organisation.planned_hours
    planned.update(dict.fromkeys(planned, 0.0))
    orphans = []
    for account in world.accounts:
        if account.phase == EX:
            continue
        hours = visit_plan(world, account.size, account.complex)[1]
        if organisation.headcount[account.role] > 0:
            planned[account.role] += hours
        else:
            orphans.append((account, hours))
    for account, hours in orphans:
        account.role = organisation.assign(account.size, account.complex, hours)


def run_world(world: World) -> World:
    """Run until the management rhythm has taken the last month's snapshot."""
    with collector_paused():
        world.env.run(until=world.manager)
    return world


def release(world: World) -> None:
    """Take a finished run's world apart, so reference counting frees it as soon as its last user drops it.

    Its pending events, and the requests still waiting at its desks, hold suspended processes (and the callbacks
    that would resume them) in reference cycles through the world; left alone, the cycle collector would have
    to walk the whole run to free them. Dropping the callbacks first lets each suspended process close while its
    desk still lists its request (leaving a `with desk.request()` block takes the request off the desk's queue).
    Only for a world that has its environment to itself: a game's suppliers share theirs across rounds.
    """
    env = world.env
    for _, _, _, event in env._queue:
        event.callbacks = None
    env._queue.clear()
    desks = [*world.organisation.desks.values(), world.organisation.service_desk]
    for desk in desks:
        if desk is not None:
            for request in list(desk.put_queue):
                _drop_waiter(request)
            desk.put_queue.clear()
            desk.users.clear()


def _drop_waiter(request: simpy.Event) -> None:
    """Drop what waits for a desk request, so its process closes now, while the desk still lists the request.

    (A function of its own: a loop variable holding the last callback would keep that process alive until the
    desk's list is cleared, and its `with desk.request()` could then no longer take the request off it.)"""
    for callback in request.callbacks:  # a process waiting for it, or a buyer's `request | patience`
        condition = getattr(callback, "__self__", None)
        if isinstance(condition, Condition):  # holds itself in its callbacks (its value's builder)
            condition.callbacks = None
    request.callbacks = None


def yearly_review(world: World) -> None:
    """End relationships whose gross margin does not pay for the hours spent on them."""
    hours = world.scenario["organisation.hours_per_rep_year"]
    hourly = world.scenario["organisation.rep_cost_per_year"] / hours
    for account in world.accounts:
        if account.phase == EX:
            continue
        if world.scenario["churn.supplier_ends_unprofitable"] and \
                account.revenue_year * world.effects.gross_margin < account.serve_hours_year * hourly:
            end_relationship(world, account, "ended_by_supplier")
        account.revenue_year = account.serve_hours_year = 0.0


def management(world: World) -> Process:
    """Monthly rhythm of the sales organisation; also records the time series. Ends at the horizon."""
    months = round(world.scenario["run.years"] * 12)
    previous = _snapshot_flows(world)
    base = census(world, 0)
    for month in range(1, months + 1):  # (the first month was planned when the pipeline was seeded)
        market.word_of_mouth(world, base.grades)
        yield world.env.timeout(DAYS_PER_MONTH)
        world.settle_moves()
        world.organisation.close_month()
        if month % 12 == 0:  # before the snapshot, so the year's last row shows its outcome
            yearly_review(world)
        current = _snapshot_flows(world)
        base = census(world, month)
        world.monthly.append(_month_row(world, month, previous, current, base))
        previous = current
        if month < months:
            world.organisation.plan_month()  # the next month's hours, on this month's asks


_FLOWS = ("leads", "referral_leads", "leads_lost_to_word_of_mouth", "mql", "sal", "opportunities", "quotes_sent", "quote_costs",
          "no_quote_in_time", "won", "lost", "new_customers", "won_back", "churned", "ended_by_supplier", "revenue",
          "complaints", "complaints_in_target", "forecast_value", "won_value", "visits_made", "visits_skipped",
          "follow_ups_missed")


@dataclass(slots=True)
class Census:
    """The customer base at one moment: one pass over the accounts serves the whole month."""

    phases: dict[str, int]
    grades: np.ndarray  # of active customers


def census(world: World, month: int) -> Census:
    """Count the base and write this month's customer-month rows (every customer active during the month).

    The phases are counted from the active customers and the new ones among them (a loop over the whole base every
    month: a dictionary update per customer cost more than the rest of it)."""
    grades: list[float] = []
    rows = world.customer_months
    month_start = world.env.now - DAYS_PER_MONTH
    new = 0
    for account in world.accounts:
        phase = account.phase
        if phase != EX:
            grades.append(account.grade)
            new += phase == NEW
            if month:
                rows.append((account.id, month, account.size, account.complex, account.role, phase, account.grade,
                             account.orders_month, account.revenue_month, False, ""))
        elif month and account.end > month_start:  # left during the month
            rows.append((account.id, month, account.size, account.complex, account.role, phase, account.grade,
                         account.orders_month, account.revenue_month, True, account.end_reason))
        account.orders_month, account.revenue_month = 0, 0.0
    active = len(grades)
    phases = {NEW: new, LOYAL: active - new, EX: len(world.accounts) - active}
    return Census(phases, np.array(grades))


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
    costs = monthly_costs(world, row["visits_made"], row["quote_costs"])
    row.update(costs)
    row["margin"] = row["revenue"] * world.effects.gross_margin - sum(costs.values())
    return row


def monthly_costs(world: World, visits: int, quote_costs: float) -> dict[str, float]:
    """Sales cost (people, campaigns, travel, quotes), cost to serve (service staff) and strategy investment per
    month."""
    o, s = world.organisation, world.scenario
    return {
        "sales_cost": (o.rep_cost / 12.0 + s["market.campaign_spend_per_month"] + visits * s["accounts.visit_cost"]
                       + quote_costs),
        "service_cost": o.service_cost / 12.0,
        "strategy_cost": world.effects.annual_cost / 12.0,
    }


@dataclass(frozen=True, slots=True)
class Overload:
    """A desk whose queue kept growing: the run's numbers then describe a company that cannot cope."""

    desk: str  # a role's quote desk, or "service"
    waiting: int  # requests still waiting at the end
    turned_away: int = 0  # incidents refused because the service queue was full


def overloads(world: World) -> list[Overload]:
    """The desks that ended the run overloaded (more than OVERLOADED_QUEUE waiting, or incidents turned away)."""
    found = [Overload(role, len(desk.queue)) for role, desk in world.organisation.desks.items()
             if len(desk.queue) > OVERLOADED_QUEUE]
    desk, turned_away = world.organisation.service_desk, world.tally.overload_turned_away
    waiting = len(desk.queue) if desk is not None else 0
    if turned_away or waiting > OVERLOADED_QUEUE:
        found.append(Overload("service", waiting, turned_away))
    return found
