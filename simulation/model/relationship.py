"""The customer relationship cycle (klantrelatiecyclus, DOMAIN.md §1): from lead to customer to ex-customer.

A potential customer travels the funnel; a won deal makes a new customer
(or brings an ex-customer back); repeat orders make it loyal; when it leaves,
or the supplier ends the relationship, it becomes an ex-customer, and some
ex-customers are approached again as potential customers (win-back). This
module ties the funnel and account management together, so neither of them
needs the other.
"""

from __future__ import annotations

from ..rng import pick
from .accounts import account_life, customer_stream, place_order, visit_plan
from .bounds import bounded
from .clock import DAYS_PER_MONTH
from .entities import EX, LOYAL, NEW, WARM, Account, Lead
from .funnel import LEAD_DRAWS, Deal, Qualified, cold_lead_not_warmed, lead_journey
from .organisation import COMPETENCE_GAP, competence_gap
from .satisfaction import loyalty_multiplier
from .tender import Tender
from .world import World, start

WIN_BACK_DAYS = 180.0  # mean days before a churned customer is approached again


def new_lead(world: World, source: str, temperature: str, draws: list[float], account: Account | None = None,
             tender: Tender | None = None, deferred: bool = False) -> Lead:
    """Create a lead and start its relationship; win-back leads inherit their old account's segment.

    `draws` (LEAD_DRAWS uniforms) fix the lead's profile and its first pass through the funnel, so the
    same arriving lead meets the same luck in every scenario run on the same seed. A buyer that asks
    several suppliers (`tender`) is the same buyer at each of them: the first fixes its profile.
    The journey's first step (entering its first stage) is taken at once, unless `deferred`: then it follows
    the current event, for a caller that creates several leads and logs them all before their first steps.
    """
    rules = world.funnel
    size = pick(draws[0], rules.size_shares)
    complex_product = draws[1] < rules.complex_share
    preference = pick(draws[2], world.effects.positioning)
    if account is not None:
        size, complex_product, preference = account.size, account.complex, account.preference
    if tender is not None:
        if tender.profile is None:
            tender.profile = size, complex_product, preference
        size, complex_product, preference = tender.profile
    lead = Lead(len(world.leads), source, temperature, size, complex_product, preference, world.env.now,
                state="marketing", account=account, tender=tender)
    world.tally.leads += 1
    if world.log_all:
        world.log("lead", lead.id, "created")
    return enter_lead(world, lead, draws[3:], at_once=not deferred)


def enter_lead(world: World, lead: Lead, first_pass: list[float], stage: str = "marketing",
               qualified: Qualified | None = None, at_once: bool = True) -> Lead:
    """Put `lead` in the funnel at `stage` (its state) and start its journey (see `world.start` for `at_once`);
    a new cold lead that marketing will not warm goes through marketing without one (`cold_lead_not_warmed`)."""
    world.leads.append(lead)
    world.lead_counts[lead.state] += 1
    then = lambda deal: journey_ended(world, lead, deal)  # noqa: E731 (a lambda is called without a partial's detour)
    if stage == "marketing" and at_once and cold_lead_not_warmed(world, lead, first_pass, then):
        return lead
    start(world.env, lead_journey(world, lead, first_pass, stage, qualified), then, at_once=at_once)
    return lead


def journey_ended(world: World, lead: Lead, deal: Deal | None) -> None:
    """From potential customer to customer (and on to ex-customer and perhaps a win-back lead), or not."""
    if deal is None:
        if lead.tender is not None and not lead.tender.has_offer_from(world):
            lead.tender.withdraw(world)
        return
    customer_life(world, open_account(world, lead, deal))


def customer_life(world: World, account: Account, first_review: float = DAYS_PER_MONTH) -> None:
    """Start a customer's months (`account_life`) until it leaves (then it becomes an ex-customer) or the
    supplier lets it go."""
    start(world.env, account_life(world, account, first_review), lambda churned: _life_ended(world, account, churned),
          at_once=True)


def _life_ended(world: World, account: Account, churned: bool) -> None:
    if churned:
        end_relationship(world, account, "churned")


def personal_quality(world: World, preference: int, size: int, complex_product: bool, role: str,
                     disposition: float, advice: float = 0.0) -> float:
    """The grade this customer gives when expectations are met: what it values, the rep's competence for its
    segment, its lasting disposition (some customers are structurally more critical) and the advice it was
    sold with (`SalesMethod.complex_advice`)."""
    quality = world.effects.quality(world.scenario["satisfaction.base_grade"], preference)
    quality -= COMPETENCE_GAP.quality_loss * competence_gap(role, size, complex_product)
    return bounded(quality + disposition + advice, 1.0, 10.0)


def open_account(world: World, lead: Lead, deal: Deal) -> Account:
    """A won deal: a new customer (or a won-back ex-customer) with its first order."""
    env, sat = world.env, world.satisfaction
    account = lead.account
    if account is None:
        stream = customer_stream(world, len(world.accounts))
        role = world.organisation.assign(lead.size, lead.complex, visit_plan(world, lead.size, lead.complex)[1])
        disposition = sat.critical_spread * stream.normal()
        quality = personal_quality(world, lead.preference, lead.size, lead.complex, role, disposition,
                                   deal.method.complex_advice if lead.complex else 0.0)
        account = Account(len(world.accounts), lead.size, lead.complex, lead.preference, role,
                          world.funnel.potential[lead.size], quality, env.now, stream,
                          loyalty=loyalty_multiplier(stream.normal(), sat.loyalty_spread, existing=False),
                          quality=quality)
        world.accounts.append(account)
        world.tally.new_customers += 1
        world.log("account", account.id, "new_customer", quality)
    else:
        account.role = world.organisation.assign(account.size, account.complex,
                                                 visit_plan(world, account.size, account.complex)[1])
        account.phase, account.end, account.repeat_orders, account.end_reason = NEW, -1.0, 0, ""
        account.revenue_year = account.serve_hours_year = 0.0
        account.wins += 1
        world.tally.won_back += 1
        world.log("account", account.id, "won_back", account.grade)
    score = sat.promised_time_score(account.quality, deal.expected_quote, deal.quote_days, deal.promised_quote)
    account.grade = sat.update(account.grade, score)
    place_order(world, account, deal.value)
    return account


def end_relationship(world: World, account: Account, reason: str) -> None:
    """The customer leaves (or is let go); some ex-customers are approached again later."""
    account.phase = EX
    account.end = world.env.now
    account.end_reason = reason
    world.organisation.release(account.role, visit_plan(world, account.size, account.complex)[1])
    if reason == "churned":
        world.tally.churned += 1
    else:
        world.tally.ended_by_supplier += 1
    world.log("account", account.id, reason, account.grade)
    if reason == "churned" and world.market is not None:
        world.market.shop_around(world, account)
    stream = world.streams["win_back"]
    if reason == "churned" and stream.chance(world.scenario["market.win_back_share"]):
        # Only a wait: a timeout with a callback does the work of a process at a third of the events.
        world.env.timeout(stream.exponential(WIN_BACK_DAYS)).callbacks.append(lambda _: win_back(world, account))


def win_back(world: World, account: Account) -> None:
    """An ex-customer becomes a potential customer again after a while."""
    new_lead(world, "win_back", WARM, world.streams["win_back"].block(LEAD_DRAWS), account=account)


def seed_customer_base(world: World) -> None:
    """The existing customers the run starts from, spread over segments like the leads.

    Each customer's grade deviates from the base's average by its lasting disposition, and its loyalty is
    drawn as in a base that has had time to lose its least loyal customers (the model's steady state).
    """
    s = world.scenario
    stream = world.streams["customer_base"]
    sat = world.satisfaction
    shares = (s["market.share_small"], 1.0 - s["market.share_small"] - s["market.share_large"], s["market.share_large"])
    for index in range(s["accounts.initial_customers"]):
        size = stream.pick(shares)
        complex_product = stream.chance(s["market.complex_share"])
        preference = stream.pick(world.effects.positioning)
        deviation = s["accounts.initial_grade_sd"] * stream.normal()
        grade = bounded(s["accounts.initial_grade_mean"] + deviation, 1.0, 10.0)
        role = world.organisation.assign(size, complex_product, visit_plan(world, size, complex_product)[1])
        quality = personal_quality(world, preference, size, complex_product, role, deviation)
        account = Account(index, size, complex_product, preference, role, world.funnel.potential[size], grade,
                          0.0, customer_stream(world, index),
                          loyalty=loyalty_multiplier(stream.normal(), sat.loyalty_spread, existing=True),
                          phase=LOYAL if stream.chance(s["accounts.initial_loyal_share"]) else NEW,
                          quality=quality, wins=1)
        world.accounts.append(account)
        customer_life(world, account, stream.uniform() * DAYS_PER_MONTH)
