"""Sales funnel (salestrechter): from lead to won or lost (DOMAIN.md §2–3).

A lead is warmed by marketing (cold → warm), handed to sales (warm → hot,
quality set by marketing–sales alignment), qualified on the Scotsman
criteria (or BANT, which only sees four of them), quoted by a rep of the role
that serves its segment (a queue), and decided by the customer's DMU.

The eight Scotsman criteria are the real drivers of the win chance: each
'yes' is worth 12.5 %. The rep's forecast uses the criteria the method
observes; the true chance also depends on fit with what the customer values,
the delivery promise and a late quote. Dropped leads go to nurturing, which
brings some of them back as warm leads.
"""

from __future__ import annotations

import math
from collections.abc import Generator, Iterator
from typing import Any

import simpy

from ..rng import pick
from . import accounts
from .entities import COLD, DISCIPLINES, HOT, WARM, Account, Lead
from .world import DAYS_PER_MONTH, Process, World

SCOTSMAN = ("solution", "competition", "opportunity", "timing", "support", "money", "authority", "necessity")
BANT = ("money", "authority", "necessity", "timing")
MARKETING_DAYS = 14.0
NO_PROMISE_AS = 1.25  # a customer without a promise assumes a quarter longer than their wish
MAX_WIN_CHANCE = 0.95
DRAWS_PER_PASS = 20  # the longest path through one pass of the funnel uses 17 draws
MIN_QUOTE_TIME_SHARE = 0.1  # even a rep who mostly visits customers keeps some time for quotes
LEAD_DRAWS = 3 + DRAWS_PER_PASS  # profile (size, product, preference) and the first pass

# alignment → (accepted by sales, leaked share of the rejected, hand-off days, criterion bonus)
ALIGNMENT = {
    "undefined": (0.40, 0.60, 10.0, -0.05),
    "defined": (0.50, 0.40, 5.0, 0.0),
    "aligned": (0.60, 0.20, 3.0, 0.03),
    "integrated": (0.70, 0.05, 1.0, 0.05),
}

# method → (criterion bonus, authority bonus, win × simple, win × complex, cycle ×). Illustrative
# values: consultative methods qualify better and win complex deals; transactional is fast and simple.
SALES_METHODS = {
    "transactional": (-0.05, -0.05, 1.10, 0.80, 0.80),
    "spin": (0.05, 0.00, 1.00, 1.10, 1.00),
    "solution": (0.05, 0.05, 0.95, 1.15, 1.10),
    "challenger": (0.00, 0.10, 1.00, 1.20, 0.95),
    "customer_centric": (0.08, 0.00, 1.00, 1.05, 1.10),
    "strategic": (0.05, 0.15, 0.90, 1.15, 1.20),
    "theory_of_constraints": (0.05, 0.05, 1.00, 1.10, 0.90),
}

OPERATIONAL_EXCELLENCE = DISCIPLINES.index("operational_excellence")
SOURCE_BONUS = {"campaign": 0.0, "inbound": 0.05, "referral": 0.10, "win_back": 0.05}


class FunnelRules:
    """The funnel's parameters, read once per run."""

    def __init__(self, world: World):
        sc = world.scenario
        f = sc.funnel
        self.accept, self.leak, self.handoff_days, align_bonus = ALIGNMENT[sc["market.alignment"]]
        bonus, self.authority_bonus, win_simple, win_complex, self.cycle = SALES_METHODS[f.sales_method]
        self.win_method = (win_simple, win_complex)
        self.base_yes = f.criterion_yes_share + bonus + align_bonus
        self.observed = tuple(SCOTSMAN.index(c) for c in (SCOTSMAN if f.qualification_method == "scotsman" else BANT))
        self.threshold = math.ceil(f.qualification_threshold * len(self.observed) - 1e-9)
        self.cold_to_warm = sc["market.cold_to_warm_share"]
        self.qualification_days = f.qualification_days * self.cycle
        self.decision_days = (f.decision_days_simple * self.cycle, f.decision_days_complex * self.cycle)
        fx = world.effects
        # Reps quote only in the hours account management leaves them, so the work stretches in calendar time.
        stretch = fx.quote_work_factor / max(MIN_QUOTE_TIME_SHARE, 1.0 - sc["organisation.account_time_share"])
        self.quote_work = (f.quote_work_days_simple * stretch, f.quote_work_days_complex * stretch)
        self.policy, self.buffer = f.promise_policy, f.promise_buffer
        self.wish_quote = f.customer_wish_quote_days
        self.speed_effect, self.late_penalty = f.promise_speed_effect, f.late_quote_penalty
        a = sc.accounts
        self.delivery_mean = (a.delivery_days_simple * fx.delivery_factor, a.delivery_days_complex * fx.delivery_factor)
        ratio = a.delivery_days_complex / a.delivery_days_simple
        self.delivery_wish = (a.customer_wish_delivery_days, a.customer_wish_delivery_days * ratio)
        self.delivery_promise = tuple(self.promise(m, w) for m, w in zip(self.delivery_mean, self.delivery_wish))
        self.competition_drag = 0.15 * (sc["market.competitor_intensity"] - 1.0)
        self.delivery_spread = a.delivery_spread
        self.potential = (a.annual_potential_small, a.annual_potential_medium, a.annual_potential_large)

    def promise(self, honest_estimate: float, wish: float) -> float:
        """What the policy promises for a quote or a delivery (NaN: no promise)."""
        if self.policy == "customer_wish":
            return wish
        if self.policy == "no_promise":
            return math.nan
        if self.policy == "honest_buffer":
            return honest_estimate * (1.0 + self.buffer)
        return honest_estimate

    def criteria_chances(self, world: World, lead: Lead) -> list[float]:
        """Chance of 'yes' for each Scotsman criterion, from the drivers of this lead."""
        base = self.base_yes + SOURCE_BONUS[lead.source]
        fx = world.effects
        chances = [
            base + 0.5 * (fx.levels[lead.preference] - fx.competitor_level),  # solution
            base - self.competition_drag,  # competition
            base + (0.1 if lead.complex else -0.05),  # opportunity: unique rather than standard
            base + (0.0 if lead.source == "campaign" else 0.05),  # timing: they came to us, so the moment is right
            base,  # support inside the customer
            base - (0.05 if lead.size == 0 else 0.0),  # money: small firms have tight budgets
            base + self.authority_bonus - 0.05 * (dmu_size(lead) - 1),  # authority: DMU in view
            base,  # necessity
        ]
        return [min(1.0, max(0.0, c)) for c in chances]


def dmu_size(lead: Lead) -> int:
    """People in the customer's decision making unit: one for a small simple deal, up to five."""
    return 1 + 2 * lead.complex + lead.size


def honest_quote_estimate(desk: simpy.Resource, work: float) -> float:
    """Expected time to a quote if it joins the queue now (M/M/c: wait for a free rep, then the work)."""
    in_system = len(desk.queue) + desk.count
    waiting = max(0, in_system - desk.capacity + 1) / desk.capacity * work
    return waiting + work


def new_lead(world: World, source: str, temperature: str, draws: list[float], account: Account | None = None) -> Lead:
    """Create a lead and start its journey; win-back leads inherit their old account's segment.

    `draws` (LEAD_DRAWS uniforms) fix the lead's profile and its first pass through the funnel, so the
    same arriving lead meets the same luck in every scenario run on the same seed.
    """
    s = world.scenario
    small, large = s["market.share_small"], s["market.share_large"]
    size = pick(draws[0], (small, 1.0 - small - large, large))
    complex_product = draws[1] < s["market.complex_share"]
    preference = pick(draws[2], (1.0, 1.0, 1.0))
    if account is not None:
        size, complex_product, preference = account.size, account.complex, account.preference
    lead = Lead(len(world.leads), source, temperature, size, complex_product, preference, world.env.now,
                state="marketing", account=account)
    world.leads.append(lead)
    world.lead_counts["marketing"] += 1
    world.tally.leads += 1
    world.log("lead", lead.id, "created")
    world.env.process(lead_journey(world, lead, draws[3:]))
    return lead


def nurture(world: World, lead: Lead, draws: Iterator[float]) -> Generator[simpy.Event, Any, bool]:
    """Lead nurturing: dropped leads receive content; some come back warm. Returns True if it does."""
    if not world.scenario["market.lead_nurturing"]:
        world.move(lead, "dropped")
        return False
    world.move(lead, "nurturing")
    yield world.env.timeout(-world.scenario["market.nurture_months"] * DAYS_PER_MONTH * math.log(1.0 - next(draws)))
    if next(draws) < world.scenario["market.nurture_return_share"]:
        lead.temperature = WARM
        return True
    world.move(lead, "dormant")
    return False


def stage(world: World, lead: Lead, state: str, mean_days: float, draws: Iterator[float]) -> Process:
    """Enter a funnel stage and spend an exponentially distributed time in it."""
    world.move(lead, state)
    yield world.env.timeout(-mean_days * math.log(1.0 - next(draws)))


def lead_journey(world: World, lead: Lead, first_pass: list[float]) -> Process:
    """One lead from first contact to won, lost, leaked, dropped or dormant."""
    rules = world.funnel
    journeys = world.streams["lead_journeys"]
    block = first_pass
    while True:
        # Each pass through the funnel takes its own block of draws (common random numbers).
        draws = iter(block or journeys.block(DRAWS_PER_PASS))
        block = None
        if lead.temperature == COLD:
            yield from stage(world, lead, "marketing", MARKETING_DAYS, draws)
            if next(draws) >= rules.cold_to_warm:
                if (yield from nurture(world, lead, draws)):
                    continue
                return
            lead.temperature = WARM
        yield from stage(world, lead, "sales_acceptance", rules.handoff_days, draws)
        if next(draws) >= rules.accept:
            if next(draws) < rules.leak:
                world.move(lead, "leaked")
                return
            if (yield from nurture(world, lead, draws)):
                continue
            return
        lead.temperature = HOT
        yield from stage(world, lead, "qualification", rules.qualification_days, draws)
        truth = [next(draws) < chance for chance in rules.criteria_chances(world, lead)]
        observed = sum(truth[i] for i in rules.observed)
        role = world.organisation.role_for(lead.size, lead.complex)
        if observed < rules.threshold or role is None:
            if role is None:
                world.move(lead, "dropped")
                return
            if (yield from nurture(world, lead, draws)):
                continue
            return
        yield from quote_and_decide(world, lead, sum(truth), observed / len(rules.observed), role, draws)
        return


def quote_and_decide(world: World, lead: Lead, true_yes: int, forecast_weight: float, role: str,
                     draws: Iterator[float]) -> Process:
    """Opportunity: a rep prepares the quote (queue), the DMU decides, won or lost."""
    env, rules, tally = world.env, world.funnel, world.tally
    tally.opportunities += 1
    lead.opportunity_start = env.now
    world.move(lead, "quote")
    desk = world.organisation.desks[role]
    work = rules.quote_work[lead.complex]
    promised = rules.promise(honest_quote_estimate(desk, work), rules.wish_quote)
    requested = env.now
    with desk.request() as request:
        yield request
        yield env.timeout(-work * math.log(1.0 - next(draws)))
    quote_days = env.now - requested
    tally.quotes_sent += 1
    tally.quote_days += quote_days
    world.log("lead", lead.id, "quote_sent", quote_days, promised)
    expected = world.keep_promise(promised, rules.wish_quote, quote_days)
    lateness = min(1.0, max(0.0, (quote_days - expected) / expected))
    wish = rules.delivery_wish[lead.complex]
    offered = rules.delivery_promise[lead.complex]
    if math.isnan(offered):
        offered = wish * NO_PROMISE_AS
    # Customers who value operational excellence weigh a fast promise fully, the others half.
    weight = 1.0 if lead.preference == OPERATIONAL_EXCELLENCE else 0.5
    attraction = min(2.0, max(0.25, math.exp(weight * rules.speed_effect * (wish - offered) / wish)))
    multiplier = world.effects.fit(lead.preference) * attraction * (1.0 - rules.late_penalty * lateness)
    win_chance = min(MAX_WIN_CHANCE, true_yes / 8 * multiplier * rules.win_method[lead.complex])

    world.move(lead, "decision")
    decision_days = rules.decision_days[lead.complex] * (1 + 0.1 * (dmu_size(lead) - 1))
    yield env.timeout(-decision_days * math.log(1.0 - next(draws)))
    value = rules.potential[lead.size] * world.effects.price_factor * (0.5 + next(draws)) / 4
    tally.decided += 1
    tally.cycle_days += env.now - lead.opportunity_start
    tally.forecast_value += forecast_weight * value
    if next(draws) < win_chance:
        tally.won += 1
        tally.won_value += value
        world.move(lead, "won")
        world.log("lead", lead.id, "deal", value)
        accounts.open_account(world, lead, value, expected, quote_days)
    else:
        tally.lost += 1
        world.move(lead, "lost")
