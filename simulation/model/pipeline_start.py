"""The pipeline the company has on day 0: leads already in every funnel stage (DOMAIN.md §2).

A run that starts with an empty funnel spends its first year filling it: the
decision stage of complex deals takes months to fill, and the nurturing pool
(leads that come back warm months later) takes a year or two. Deals won would
then rise by a fifth from year 1 to year 2, and a scenario would show its
warm-up instead of its lever. So the run starts with the leads a funnel in
steady state holds under the scenario's own lead flows and rules, stage by
stage, by Little's law: leads in a stage = leads entering it a month × months
spent in it.

The entering flows follow each pass through the funnel (campaign leads warm
up or are nurtured; MQLs are accepted, leak or are nurtured; SALs pass
qualification with the exact chance that enough observed criteria seem
'yes'), with nurtured leads returning warm. The first month is planned on
the work such a month asks (the base's follow-ups, the pipeline's
qualification) before the opportunities are seeded, because a quote's
calendar time depends on the quote share that plan leaves the role; where a
role's reps cannot make every quote asked of them, the rest wait until the
buyer's patience ends (a fluid queue) and only the quotes made reach the
decision stage. Every stage time is exponential, so a lead found in a stage
has a remaining time with the same distribution: a seeded lead simply starts
its stage afresh. Left out: the desks' queueing below capacity (they start
empty), the months in which reps are short of qualification hours (seeded
opportunities were qualified with the policy's full rigour), and win-back
leads (which need churned customers first); the nurturing pool holds at most
MAX_NURTURE_POOL_MONTHS of arrivals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .accounts import account_asks
from .clock import DAYS_PER_MONTH
from .entities import COLD, HOT, LEAD_OPEN_STATES, MQL, OPPORTUNITY, SAL, WARM, Lead
from .funnel import (
    DRAWS_PER_PASS,
    MARKETING_DAYS,
    SCOTSMAN,
    Qualified,
    believed_chance,
    qualification_hours,
)
from .market import (
    DISSATISFIED_GRADE,
    SATISFIED_GRADE,
    lead_rates,
    referral_rate,
    word_of_mouth_loss,
)
from .methods import method_for
from .organisation import competence_gap
from .relationship import enter_lead
from .world import World

QUALIFICATION_TRIES = 100  # draws of a seeded opportunity's criteria until they pass qualification (practically 2–3)
# A nurturing pool that returns nearly every lead only fills over decades; a company a few years old has at most
# this many months of its arrivals in it (the baseline's pool is about four months' worth, below the cap).
MAX_NURTURE_POOL_MONTHS = 12.0


@dataclass(frozen=True, slots=True)
class Seed:
    """Leads expected in one stage for one kind of lead: where it came from and what it is."""

    stage: str
    expected: float
    source: str
    size: int
    complex: bool
    preference: int
    reached: int  # the furthest milestone it had reached before the run (so it is not counted again)


def _share_at_least(grade: float, mean: float, sd: float) -> float:
    """Share of the starting base (grades normal around `mean`) at or above `grade`."""
    if sd <= 0:
        return float(mean >= grade)
    return 0.5 * math.erfc((grade - mean) / (sd * math.sqrt(2.0)))


def _at_least(chances: list[float], needed: int) -> float:
    """Chance that at least `needed` of independent events with these chances happen (Poisson-binomial)."""
    counts = [1.0]
    for p in chances:
        counts = [(counts[k] if k < len(counts) else 0.0) * (1.0 - p) + (counts[k - 1] * p if k else 0.0)
                  for k in range(len(counts) + 1)]
    return sum(counts[needed:])


def _arrivals(world: World) -> dict[str, tuple[float, str]]:
    """Leads a month by source (and their temperature) at the start: the base's word of mouth both ways.

    In a market game every supplier is asked for as many quotes as the company alone would be (some by buyers
    who came to a rival first), so its starting pipeline is the one of the company alone."""
    s = world.scenario
    campaign, inbound = lead_rates(s)
    base = s["accounts.initial_customers"]
    mean, sd = s["accounts.initial_grade_mean"], s["accounts.initial_grade_sd"]
    promoters = base * _share_at_least(SATISFIED_GRADE, mean, sd)
    detractors = base * (1.0 - _share_at_least(DISSATISFIED_GRADE, mean, sd))
    kept = 1.0 - word_of_mouth_loss(s, detractors, campaign + inbound)
    return {"campaign": (campaign * kept, COLD), "inbound": (inbound * kept, WARM),
            "referral": (referral_rate(s, promoters), WARM)}


@dataclass(frozen=True, slots=True)
class QuoteFlow:
    """Opportunities of one kind that reach a role's quote desk a month in steady state."""

    role: str
    rate: float  # opportunities a month
    work: float  # mean days of quote work (eight-hour days)
    decision_days: float  # mean days the buyer's DMU takes to decide
    source: str
    size: int
    complex: bool
    preference: int


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The steady state's pipeline before the quote desks: stays up to qualification, the opportunities a
    month that go to the desks, and the qualification hours a month each role is asked for."""

    seeds: list[Seed]
    quotes: list[QuoteFlow]
    qualification_hours: dict[str, float]


def expected_flows(world: World) -> Pipeline:
    """The leads a funnel in steady state holds up to qualification, by stage and kind (Little's law on each
    pass's flows), and the opportunities and qualification work it sends to each role a month."""
    rules, organisation = world.funnel, world.organisation
    alignment, nurture_return = rules.alignment, rules.nurture_return if rules.nurturing else 0.0
    seeds, quotes, hours = [], [], dict.fromkeys(organisation.headcount, 0.0)
    for source, (rate, temperature) in _arrivals(world).items():
        if rate <= 0:
            continue
        cold = rate if temperature == COLD else 0.0
        for size, size_share in enumerate(rules.size_shares):
            for complex_product, complex_share in ((False, 1.0 - rules.complex_share), (True, rules.complex_share)):
                for preference, preference_weight in enumerate(world.effects.positioning):
                    share = size_share * complex_share * preference_weight / sum(world.effects.positioning)
                    if share <= 0:
                        continue
                    lead = Lead(-1, source, WARM, size, complex_product, preference, 0.0)
                    role = organisation.role_for(size, complex_product)
                    chances = rules.criteria_chances(lead)
                    passing = 0.0 if role is None else _at_least(
                        [believed_chance(chances[i], rules.rigour) for i in rules.observed], rules.threshold)
                    sold = alignment.accepted if role is not None else 0.0
                    # Per warm pass: nurtured after rejection by sales, or after failing qualification.
                    rejected = (1.0 - alignment.accepted) * (1.0 - alignment.leaked)
                    failed = sold * (1.0 - passing)
                    from_marketing = cold * share * (1.0 - rules.cold_to_warm)
                    first_warm = (cold * rules.cold_to_warm + (rate - cold)) * share
                    loop = (rejected + failed) if rules.nurturing else 0.0
                    nurtured = (from_marketing + loop * first_warm) / (1.0 - nurture_return * loop)
                    warm = first_warm + nurture_return * nurtured  # MQLs a month, returned leads included
                    stays = [("marketing", cold * share * MARKETING_DAYS / DAYS_PER_MONTH, 0),
                             ("sales_acceptance", warm * alignment.handoff_days / DAYS_PER_MONTH, MQL)]
                    if rules.nurturing:
                        pool = nurtured * rules.nurture_months  # (= (from marketing + loop × warm) × months)
                        cap = MAX_NURTURE_POOL_MONTHS * rate * share
                        months = rules.nurture_months * (cap / pool if pool > cap else 1.0)
                        stays += [("nurturing", from_marketing * months, 0),
                                  ("nurturing", rejected * warm * months, MQL),
                                  ("nurturing", failed * warm * months, SAL)]
                    if role is not None:
                        method = method_for(rules.method_choice, role)
                        stays.append(("qualification", sold * warm * rules.qualification_mean(method) / DAYS_PER_MONTH,
                                      SAL))
                        hours[role] += sold * warm * qualification_hours(rules, lead, method)
                        quotes.append(QuoteFlow(role, sold * passing * warm,
                                                rules.quote_work(lead, method, competence_gap(role, size, complex_product)),
                                                rules.decision_mean(lead, method), source, size, complex_product,
                                                preference))
                    seeds += [Seed(stage, expected, source, size, complex_product, preference, reached)
                              for stage, expected, reached in stays if expected > 0]
    return Pipeline(seeds, quotes, hours)


def opportunity_seeds(world: World, quotes: list[QuoteFlow]) -> list[Seed]:
    """Opportunities at the quote desks and with the buyers, by the desks' own pace and capacity.

    A quote takes calendar time at the pace this month's plan leaves the role for quotes. Where a role's reps
    cannot make all the quotes asked of them (offered work above head count), the desk serves the share
    `served` = capacity ÷ offered work; the rest wait until the buyer's patience ends (a fluid queue: waiting
    = arrivals not served × mean patience), and only the served quotes reach the decision stage."""
    organisation, patience = world.organisation, world.funnel.patience / DAYS_PER_MONTH
    offered = dict.fromkeys(organisation.headcount, 0.0)  # reps' worth of quote work asked
    for flow in quotes:
        offered[flow.role] += flow.rate * organisation.quote_days(flow.role, flow.work) / DAYS_PER_MONTH
    seeds = []
    for flow in quotes:
        served = min(1.0, organisation.headcount[flow.role] / offered[flow.role]) if offered[flow.role] else 1.0
        making = flow.rate * served * organisation.quote_days(flow.role, flow.work) / DAYS_PER_MONTH
        waiting = flow.rate * (1.0 - served) * patience
        kind = (flow.source, flow.size, flow.complex, flow.preference, OPPORTUNITY)
        seeds += [Seed("quote", making + waiting, *kind),
                  Seed("decision", flow.rate * served * flow.decision_days / DAYS_PER_MONTH, *kind)]
    return [seed for seed in seeds if seed.expected > 0]


def expected_pipeline(world: World) -> list[Seed]:
    """Every stage's expected leads in steady state (after the first month's plan, which sets the quote pace)."""
    flows = expected_flows(world)
    return flows.seeds + opportunity_seeds(world, flows.quotes)


def plan_first_month(world: World, qualification: dict[str, float]) -> None:
    """Plan the first month's hours on the work a month in steady state asks: the base's follow-up orders and
    escalations, and the pipeline's qualification (later months plan on the month before's asks)."""
    organisation = world.organisation
    for account in world.accounts:
        for kind, hours in account_asks(world, account).items():
            organisation.ask(kind, account.role, hours)
    for role, hours in qualification.items():
        organisation.ask("qualification", role, hours)
    organisation.plan_month()


def seed_pipeline(world: World) -> None:
    """Plan the first month, then put the starting pipeline's leads in their stages: a Poisson number per
    stage, kinds by their weights."""
    stream, rules = world.streams["pipeline_start"], world.funnel
    flows = expected_flows(world)
    plan_first_month(world, flows.qualification_hours)
    seeds = flows.seeds + opportunity_seeds(world, flows.quotes)
    for stage in (*LEAD_OPEN_STATES, "nurturing"):
        kinds = [seed for seed in seeds if seed.stage == stage]
        weights = tuple(seed.expected for seed in kinds)
        for _ in range(stream.poisson(sum(weights))):
            seed = kinds[stream.pick(weights)]
            temperature = COLD if seed.reached == 0 else HOT if seed.reached >= SAL else WARM
            lead = Lead(len(world.leads), seed.source, temperature, seed.size, seed.complex, seed.preference,
                        world.env.now, state=stage, reached=seed.reached)
            qualified = None
            if stage in ("quote", "decision"):
                role = world.organisation.role_for(seed.size, seed.complex)
                method = method_for(rules.method_choice, role)
                for _ in range(QUALIFICATION_TRIES):  # an opportunity: criteria that passed qualification
                    draws = iter(stream.block(2 * len(SCOTSMAN)))  # each criterion's truth and check
                    qualified = Qualified.drawn(rules, lead, draws, rules.rigour, role, method)
                    if qualified.passes():
                        break
            world.tally.leads_at_start += 1
            enter_lead(world, lead, stream.block(DRAWS_PER_PASS), stage, qualified)
