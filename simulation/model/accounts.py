"""Account management (order-to-loyal-customer): orders, service, complaints and churn.

A won deal makes a new customer; repeat orders make it loyal. Every month a
customer may order (more often, and a larger share of wallet, the higher its
grade; below grade 8 a follow-up order costs sales effort), get a visit from
its account manager (if the role has the hours), suffer service incidents and
complain, be tempted by a competitor, and leave. Every delivery and complaint
is an experience that compares performance with the expectation set
(DOMAIN.md §5). Ex-customers may be approached again (win-back).
"""

from __future__ import annotations

import math

from ..rng import Stream
from . import funnel
from .entities import EX, LOYAL, NEW, WARM, Account, Lead
from .world import DAYS_PER_MONTH, Process, World

AUTOMATIC_REORDER_GRADE = 8.0
WIN_BACK_DAYS = 180.0
INCIDENT_DISAPPOINTMENT = 1.0  # grade points below expectation for an incident nobody complained about
CUSTOMER_STREAM_BLOCK = 64
BUSINESS_HOURS_PER_DAY = 8.0  # service staff work business hours; the customer counts clock hours


def order_probability(grade: float) -> float:
    """Chance of an order in a month: about one in two at grade 8, one in three at grade 6."""
    return min(0.9, max(0.02, 0.1 * grade - 0.3))


def share_of_wallet(grade: float) -> float:
    """Share of the customer's spend that comes to us: 60 % at grade 8, 40 % at grade 6."""
    return min(0.9, max(0.05, 0.1 * grade - 0.2))


def open_account(world: World, lead: Lead, deal_value: float, expected_quote: float, quote_days: float) -> Account:
    """A won deal: a new customer (or a won-back ex-customer) with its first order."""
    env, sat = world.env, world.satisfaction
    quality = world.effects.quality(world.scenario["satisfaction.base_grade"], lead.preference)
    grade = sat.update(quality, sat.timing_score(quality, expected_quote, quote_days))
    account = lead.account
    if account is None:
        role = world.organisation.account_role[lead.size, lead.complex]
        potential = world.funnel.potential[lead.size]
        index = len(world.accounts)
        account = Account(index, lead.size, lead.complex, lead.preference, role, potential, grade, env.now,
                          customer_stream(world, index), quality=quality)
        world.accounts.append(account)
        world.tally.new_customers += 1
        world.log("account", account.id, "new_customer", grade)
    else:
        account.phase, account.end, account.grade, account.repeat_orders = NEW, -1.0, grade, 0
        account.revenue_year = account.serve_hours_year = 0.0
        account.wins += 1
        world.tally.won_back += 1
        world.log("account", account.id, "won_back", grade)
    place_order(world, account, deal_value)
    env.process(account_life(world, account))
    return account


def place_order(world: World, account: Account, value: float) -> None:
    """Book an order's revenue and start its delivery."""
    account.revenue += value
    account.revenue_year += value
    world.tally.revenue += value
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
    world.log("account", account.id, "delivered", actual, promised)
    if account.phase != EX:
        expected = sat.expectation(expected, actual, account.stream)
        experience(world, account, sat.timing_score(account.quality, expected, actual))


def experience(world: World, account: Account, score: float) -> None:
    """Move the account's grade towards the score of one experience (a school grade, 1–10)."""
    score = min(10.0, max(1.0, score))
    account.grade = world.satisfaction.update(account.grade, score)
    world.log("account", account.id, "grade", account.grade, score)


def complaint(world: World, account: Account) -> Process:
    """A complaint waits for service staff; handling time is compared with the promised target."""
    a = world.scenario.accounts
    tally, stream = world.tally, account.stream
    tally.complaints += 1
    start = world.env.now
    work_days = stream.exponential(a.complaint_work_hours) / BUSINESS_HOURS_PER_DAY  # drawn now, not when served
    with world.organisation.service_desk.request() as request:
        yield request
        yield world.env.timeout(work_days)
    hours = (world.env.now - start) * 24.0
    tally.complaints_in_target += hours <= a.complaint_target_hours
    world.log("account", account.id, "complaint_handled", hours, a.complaint_target_hours)
    if account.phase != EX:
        score = world.satisfaction.timing_score(account.quality - INCIDENT_DISAPPOINTMENT, a.complaint_target_hours, hours)
        experience(world, account, score)


def end_relationship(world: World, account: Account, reason: str) -> None:
    """The customer leaves (or is let go); some ex-customers are approached again later."""
    account.phase = EX
    account.end = world.env.now
    if reason == "churned":
        world.tally.churned += 1
    else:
        world.tally.ended_by_supplier += 1
    world.log("account", account.id, reason, account.grade)
    stream = world.streams["win_back"]
    if reason == "churned" and stream.chance(world.scenario["market.win_back_share"]):
        world.env.process(win_back(world, account, stream.exponential(WIN_BACK_DAYS)))


def win_back(world: World, account: Account, delay: float) -> Process:
    """An ex-customer becomes a potential customer again after a while."""
    yield world.env.timeout(delay)
    funnel.new_lead(world, "win_back", WARM, world.streams["win_back"].block(funnel.LEAD_DRAWS), account=account)


def account_life(world: World, account: Account, first_review: float = DAYS_PER_MONTH) -> Process:
    """Monthly rhythm of a customer: churn risk, orders, visits and incidents.

    Existing customers start at a random day of the month, so their monthly
    moments (and the complaints they bring) do not all fall on one day.
    """
    env, sat, fx = world.env, world.satisfaction, world.effects
    a = world.scenario.accounts
    uniform, poisson = account.stream.uniform, account.stream.poisson
    coverage = world.organisation.coverage
    competitor = world.scenario["market.competitor_intensity"]
    visits_per_month = a.visits_per_year / 12.0
    incidents_per_month = a.incidents_per_year * fx.incident_factor / 12.0
    visit_hours, follow_up_hours = a.visit_hours * fx.visit_hours_factor, a.follow_up_hours
    orders_to_loyal, complaint_share = a.orders_to_loyal, a.complaint_share
    order_value = account.potential * fx.price_factor / 6.0
    warmth = sat.warmth * fx.warmth_factor
    wins = account.wins
    next_review = first_review
    while True:
        yield env.timeout(next_review)
        next_review = DAYS_PER_MONTH
        if account.phase == EX or account.wins != wins:  # let go by the supplier, or a newer life runs
            return
        grade = account.grade
        monthly_hazard = sat.annual_hazard(grade) / 12.0
        if grade < AUTOMATIC_REORDER_GRADE:
            monthly_hazard *= competitor
        if uniform() < -math.expm1(-monthly_hazard):
            end_relationship(world, account, "churned")
            return
        if uniform() < order_probability(grade):
            if grade < AUTOMATIC_REORDER_GRADE:
                account.serve_hours_year += follow_up_hours
            account.repeat_orders += 1
            if account.phase == NEW and account.repeat_orders >= orders_to_loyal:
                account.phase = LOYAL
                world.log("account", account.id, "loyal", grade)
            place_order(world, account, order_value * share_of_wallet(grade))
        # Visits and incidents are two Poisson streams: draw their total, then split it (one draw most months).
        visits_expected = visits_per_month * coverage[account.role]
        moments = visits_expected + incidents_per_month
        for _ in range(poisson(moments)):
            if uniform() * moments < visits_expected:
                account.serve_hours_year += visit_hours
                experience(world, account, account.quality + warmth)
            elif uniform() < complaint_share:
                env.process(complaint(world, account))
            else:
                experience(world, account, account.quality - INCIDENT_DISAPPOINTMENT)


def customer_stream(world: World, index: int) -> Stream:
    """Each customer draws from its own stream, so one customer's luck does not depend on the others'."""
    return Stream(world.seed, f"customer-{index}", block=CUSTOMER_STREAM_BLOCK)


def seed_customer_base(world: World) -> None:
    """The existing customers the run starts from, spread over segments like the leads."""
    s = world.scenario
    stream = world.streams["customer_base"]
    shares = (s["market.share_small"], 1.0 - s["market.share_small"] - s["market.share_large"], s["market.share_large"])
    base = s["satisfaction.base_grade"]
    for index in range(s["accounts.initial_customers"]):
        size = stream.pick(shares)
        complex_product = stream.chance(s["market.complex_share"])
        preference = stream.pick((1.0, 1.0, 1.0))
        grade = min(10.0, max(1.0, s["accounts.initial_grade_mean"] + s["accounts.initial_grade_sd"] * stream.normal()))
        role = world.organisation.account_role[size, complex_product]
        account = Account(index, size, complex_product, preference, role, world.funnel.potential[size], grade,
                          0.0, customer_stream(world, index),
                          phase=LOYAL if stream.chance(s["accounts.initial_loyal_share"]) else NEW,
                          quality=world.effects.quality(base, preference), wins=1)
        world.accounts.append(account)
        world.env.process(account_life(world, account, stream.uniform() * DAYS_PER_MONTH))
