"""Account management (order-to-loyal-customer): orders, visits, service, complaints and churn.

Every month a customer may leave (a hazard set by the grade it holds and its
lasting loyalty), order (automatically at grade 8 or more; below that a
follow-up order costs rep hours and succeeds less often the lower the grade
and the less competent the rep for the segment, and a follow-up the reps have
no time for is a lost order), get visits from the role that serves it (as
many as that role's hours allow; a year of the visits the customer needs
turns up about one extra order, visits beyond the need please and sell less
and less, visits it needs but does not get are felt as neglect), and suffer
service incidents, some of which it complains about. Every delivery, complaint and visit is an experience that
compares performance with the expectation set (DOMAIN.md §5).
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import simpy

from ..parameters import SPECS
from ..rng import POISSON_INVERSION_MAX, Stream, poisson_count
from .bounds import bounded
from .clock import DAYS_PER_MONTH, HOURS_PER_WORKDAY
from .entities import EX, LOYAL, NEW, Account
from .organisation import COMPETENCE_GAP, competence_gap
from .world import World, start

AUTOMATIC_REORDER_GRADE = 8.0  # from this grade on follow-up orders come by themselves (Popping)
NO_FOLLOW_UP_GRADE = 4.0  # at or below this grade a follow-up order never succeeds (linear up to grade 8)
WALLET_PER_GRADE = 0.1  # share of wallet gained per grade point: 40 % at grade 6, 60 % at grade 8
WALLET_OFFSET = 0.2  # share of wallet = WALLET_PER_GRADE × grade − WALLET_OFFSET, within the bounds below
WALLET_MIN = 0.05  # even an unhappy customer buys a little from us
WALLET_MAX = 0.9  # even a delighted customer keeps a second supplier for some of its spend
INCIDENT_DISAPPOINTMENT = 1.0  # grade points below expectation for an incident, however well it is handled
#: Customers expect a complaint handled within a working day whatever the supplier's norm says (the course's own
#: example norm, 90 % within 24 h): a norm slower than that does not lower what they expect, only the KPI's bar;
#: a faster one raises it (expectation management works one way only here, DOMAIN.md §2 and §5).
COMPLAINT_WISH_HOURS = 24.0
NEGLECT = 1.0  # grade points below expectation for a visit the customer needed and did not get
ORDER_CHANCE = 1 / 3  # chance of an order moment in a month: about four orders a year
CUSTOMER_STREAM_BLOCK = 64  # draws fetched at a time for one customer's own stream (speed only)
ESCALATION_PACE = 0.25  # without service staff a rep gets to an incident at a quarter of a working day per day
MAX_SERVICE_QUEUE = 2000  # incidents waiting beyond this are turned away (the run is flagged as overloaded)
NORM_VISITS = SPECS["accounts.visits_per_year"].default  # the visits a medium customer needs a year


@dataclass(frozen=True, slots=True)
class VisitProfile:
    """How a segment is visited (DOMAIN.md §4): simple products many short visits, complex few long ones."""

    visits: float  # × the planned visits per year
    hours: float  # × the hours per visit, for a one-person DMU


VISIT_PROFILE = {False: VisitProfile(visits=1.5, hours=0.5), True: VisitProfile(visits=0.5, hours=2.0)}
SIZE_HOURS = (1.0, 2.0, 4.0)  # a medium customer's DMU takes twice a small one's hours, a large one's four times


def visit_plan(world: World, size: int, complex_product: bool) -> tuple[float, float]:
    """(visits a month, rep hours a month) planned for a customer of this segment."""
    profile = VISIT_PROFILE[complex_product]
    visits = world.scenario["accounts.visits_per_year"] * profile.visits / 12.0
    hours = world.scenario["accounts.visit_hours"] * profile.hours * SIZE_HOURS[size]
    return visits, visits * hours * world.effects.visit_hours_factor


def follow_up_success(grade: float) -> float:
    """Chance that a follow-up order below grade 8 succeeds: 75 % at 7, 50 % at 6, none at 4."""
    return bounded((grade - NO_FOLLOW_UP_GRADE) / (AUTOMATIC_REORDER_GRADE - NO_FOLLOW_UP_GRADE), 0.0, 1.0)


def order_value(world: World, account: Account) -> float:
    """An order at full share of wallet: a year's spend spread over the usual order moments."""
    return account.potential * world.effects.price_factor * world.effects.price_volume / (12.0 * ORDER_CHANCE)


def share_of_wallet(grade: float) -> float:
    """Share of the customer's spend that comes to us: 60 % at grade 8, 40 % at grade 6."""
    return bounded(WALLET_PER_GRADE * grade - WALLET_OFFSET, WALLET_MIN, WALLET_MAX)


def incidents_per_month(world: World) -> float:
    """A customer's mean incidents a month under the decisions in force."""
    return world.scenario["accounts.incidents_per_year"] * world.effects.incident_factor / 12.0


def follow_up_hours(world: World, size: int) -> float:
    """Rep hours one follow-up order of a customer of this size asks (a larger DMU takes longer)."""
    return world.scenario["accounts.follow_up_hours"] * SIZE_HOURS[size]


def account_asks(world: World, account: Account) -> dict[str, float]:
    """Rep hours a customer is expected to ask of its role in a month: follow-up orders below grade 8 (one at
    each order moment) and, without service staff, its incidents' work (how `account_life` and `incident` ask)."""
    asks = {"follow_up": 0.0, "escalation": 0.0}
    if account.grade < AUTOMATIC_REORDER_GRADE:
        asks["follow_up"] = ORDER_CHANCE * follow_up_hours(world, account.size)
    if world.organisation.service_desk is None:
        asks["escalation"] = incidents_per_month(world) * world.scenario["accounts.complaint_work_hours"]
    return asks


def place_order(world: World, account: Account, value: float) -> None:
    """Book an order's revenue and start its delivery."""
    account.revenue += value
    account.revenue_year += value
    account.revenue_month += value
    account.orders_month += 1
    world.tally.revenue += value
    if world.log_all:
        world.log("account", account.id, "order", value)
    rules = world.funnel
    actual = account.stream.lognormal(rules.delivery_mean[account.complex], rules.delivery_spread)
    # A delivery only waits, so a timeout with a callback does the work of a whole process at a third of the events.
    world.env.timeout(actual).callbacks.append(lambda _: delivered(world, account, actual))


def delivered(world: World, account: Account, actual: float) -> None:
    """The order arrives; the customer compares the real delivery time with what was promised."""
    rules, sat = world.funnel, world.satisfaction
    promised = rules.delivery_promise[account.complex]
    expected = world.keep_promise(promised, rules.delivery_wish[account.complex], actual)
    if world.log_figures:
        world.log_figure("account", account.id, "delivered", actual, promised)
    if account.phase != EX:
        expected = sat.expectation(expected, actual, account.stream)
        experience(world, account, sat.promised_time_score(account.quality, expected, actual, promised))


def experience(world: World, account: Account, score: float) -> None:
    """Move the account's grade towards the score of one experience (a school grade, 1–10)."""
    score = bounded(score, 1.0, 10.0)
    account.grade = world.satisfaction.update(account.grade, score)
    if world.log_all:
        world.log("account", account.id, "grade", account.grade, score)


def incident(world: World, account: Account, complaint: bool, target: float, mean_work: float) -> Generator[
        simpy.Event, Any, None]:
    """An incident waits for service staff (or, without them, for the account's rep); a complaint is also
    judged on its handling time: counted against the `target` hours promised when it happened, felt against the
    target or the customer's own wish (COMPLAINT_WISH_HOURS), whichever is sooner. (Started with
    `world.start`; the caller passes the target and the mean work hours in force, which it has read already.)"""
    env, tally = world.env, world.tally
    reported = env.now
    work_hours = account.stream.exponential(mean_work)  # drawn now, not when served
    desk = world.organisation.service_desk
    tally.complaints += complaint
    if desk is None:  # escalated to sales: the rep fits it in between other work
        world.organisation.ask("escalation", account.role, work_hours)
        yield env.timeout(work_hours / HOURS_PER_WORKDAY / ESCALATION_PACE)
    elif len(desk.queue) >= MAX_SERVICE_QUEUE:
        tally.overload_turned_away += 1
        if account.phase != EX:
            experience(world, account, 1.0)
        return
    else:
        with desk.request() as request:
            yield request
            yield env.timeout(work_hours / HOURS_PER_WORKDAY)
    if account.phase == EX:
        return
    quality = account.quality - INCIDENT_DISAPPOINTMENT
    if not complaint:
        experience(world, account, quality)
        return
    hours = (env.now - reported) * 24.0
    tally.complaints_in_target += hours <= target
    world.log("account", account.id, "complaint_handled", hours, target)
    expected = target if target < COMPLAINT_WISH_HOURS else COMPLAINT_WISH_HOURS
    experience(world, account, world.satisfaction.timing_score(quality, expected, hours))


def account_life(world: World, account: Account, first_review: float = DAYS_PER_MONTH) -> Generator[
        simpy.Event, Any, bool]:
    """Monthly rhythm of a customer until it leaves (returns True) or is let go by the supplier (False).

    Existing customers start at a random day of the month, so their monthly moments (and the complaints they
    bring) do not all fall on one day.
    """
    env, organisation, tally = world.env, world.organisation, world.tally
    timeout = env.timeout
    uniform, poisson, exp, expm1 = account.stream.uniform, account.stream.poisson, math.exp, math.expm1
    needed_visits = VISIT_PROFILE[account.complex].visits * NORM_VISITS / 12.0
    wins = account.wins
    follow_up_cover, visit_cover = organisation.follow_up_cover, organisation.visit_cover
    next_review = first_review
    revision = -1
    while True:
        yield timeout(next_review)
        next_review = DAYS_PER_MONTH
        if account.phase == EX or account.wins != wins:  # let go by the supplier, or a newer life runs
            return False
        if revision != world.revision:  # the decisions changed (a game's new round): read them again
            revision = world.revision
            sat, fx, a = world.satisfaction, world.effects, world.scenario.accounts
            competitor = world.scenario["market.competitor_intensity"]
            incident_rate, follow_up = incidents_per_month(world), follow_up_hours(world, account.size)
            full_order = order_value(world, account)
            role = account.role
            selling = COMPETENCE_GAP.win_factor ** competence_gap(role, account.size, account.complex)
            warmth = sat.warmth * fx.warmth_factor
            planned_visits, planned_hours = visit_plan(world, account.size, account.complex)
            hours_per_visit = planned_hours / planned_visits if planned_visits > 0 else 0.0
            visit_selling = selling / (needed_visits * 12.0)  # a year of needed visits turns up about one order
            complaint_share, orders_to_loyal = a.complaint_share, a.orders_to_loyal
            complaint_target, complaint_work = a.complaint_target_hours, a.complaint_work_hours
            # The churn hazard of sat.annual_hazard, unrolled: this loop runs once per customer per month.
            hazard_8, slope = sat.hazard_8 * account.loyalty / 12.0, sat.hazard_slope
            cover = hazard_grade = None  # the month's figures below follow the new decisions
        grade = account.grade
        if grade != hazard_grade:  # most months bring no experience: the grade, and so the hazard, stay put
            hazard_grade = grade
            monthly_hazard = hazard_8 * exp(slope * (8.0 - grade))
            if grade < AUTOMATIC_REORDER_GRADE:
                monthly_hazard *= competitor
            churn_chance = -expm1(-monthly_hazard)
        if uniform() < churn_chance:
            return True
        if uniform() < ORDER_CHANCE:
            if grade >= AUTOMATIC_REORDER_GRADE:
                ordered = True
            else:
                organisation.ask("follow_up", role, follow_up)
                account.serve_hours_year += follow_up
                covered = uniform() < follow_up_cover[role]
                tally.follow_ups_missed += not covered
                ordered = covered and uniform() < follow_up_success(grade) * selling
            if ordered:
                account.repeat_orders += 1
                if account.phase == NEW and account.repeat_orders >= orders_to_loyal:
                    account.phase = LOYAL
                    world.log("account", account.id, "loyal", grade)
                place_order(world, account, full_order * share_of_wallet(grade))
        if visit_cover[role] != cover:  # the visit figures change only with the month's plan (and the decisions)
            cover = visit_cover[role]
            visits = planned_visits * cover
            # Visits beyond the need please and sell less and less: their warmth and orders are shared out over
            # the need. (min(1.0, share) and max(0.0, missed) as comparisons: this runs in about one month in four.)
            share = needed_visits / visits if visits > 0 else 0.0
            saturation = share if share < 1.0 else 1.0
            warmth_per_visit = warmth * saturation
            missed = needed_visits - visits if needed_visits - visits > 0.0 else 0.0
            visited_or_missed = visits + missed
            # Visits, neglect and incidents are Poisson streams: draw their total, then split it (one draw most
            # months).
            moments = visited_or_missed + incident_rate
            none = exp(-moments) if 0 < moments <= POISSON_INVERSION_MAX else None  # `poisson`'s own chance of none
        if none is None:
            count = poisson(moments)
        else:  # `poisson(moments)`, with the chance of none computed once
            u = uniform()
            if u < none:  # most months
                continue
            count = poisson_count(u, moments, none)
        if not count:
            continue
        incidents = []
        for _ in range(count):
            u = uniform() * moments
            if u < visits:
                tally.visits_made += 1
                account.serve_hours_year += hours_per_visit
                experience(world, account, account.quality + warmth_per_visit)
                if uniform() < saturation * visit_selling:
                    place_order(world, account, full_order * share_of_wallet(account.grade))
            elif u < visited_or_missed:
                tally.visits_skipped += 1
                experience(world, account, account.quality - NEGLECT)
            else:
                incidents.append(uniform() < complaint_share)
        # After the month's own draws (an incident draws its work from the customer's stream when it starts).
        for complaint in incidents:
            start(env, incident(world, account, complaint, complaint_target, complaint_work), at_once=True)


def customer_stream(world: World, index: int) -> Stream:
    """Each customer draws from its own stream, so one customer's luck does not depend on the others'."""
    return Stream(world.seed, f"customer-{index}", block=CUSTOMER_STREAM_BLOCK)
