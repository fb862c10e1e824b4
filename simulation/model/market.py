"""Market-to-sales: lead generation and word of mouth (DOMAIN.md §1–2, §6).

Campaign leads (cold, bought with spend) and inbound leads (warm) arrive as
one Poisson stream. Word of mouth works both ways: a satisfied customer
(grade 8 or more) influences about 3 potential customers a year, a
dissatisfied one (below 6) up to 10 relations; a share of those become
referral leads, or are leads that never arrive.
"""

from __future__ import annotations

import numpy as np

from ..scenario import Scenario
from .clock import DAYS_PER_MONTH
from .entities import COLD, WARM
from .funnel import LEAD_DRAWS, exponential_days
from .relationship import new_lead
from .world import Process, World

SATISFIED_GRADE = 8.0  # customers from this grade on recommend us (promoters' grades)
DISSATISFIED_GRADE = 6.0  # customers below this grade talk others out of buying
MAX_WORD_OF_MOUTH_LOSS = 0.9  # bad word of mouth never scares off more than this share of arriving leads
ARRIVAL_DRAWS = 2 + LEAD_DRAWS  # an arrival's draws: when, from which source, and the lead's own


def lead_rates(scenario: Scenario) -> tuple[float, float]:
    """Campaign and inbound leads per month that a scenario's spend and inbound flow bring."""
    m = scenario.market
    return m.campaign_spend_per_month / 1000.0 * m.leads_per_1000_euro, m.inbound_leads_per_month


def referral_rate(scenario: Scenario, promoters: float) -> float:
    """Referral leads a month that this many promoters (customers at grade 8 or more) bring."""
    m = scenario.market
    return promoters * m.referrals_per_promoter / 12.0 * m.word_of_mouth_lead_share


def monthly_lead_rates(world: World) -> tuple[float, float]:
    """Campaign and inbound leads per month (in a market game: the buyers that come to us first, who also ask
    other suppliers, so that every supplier gets as many requests for quotes as the company alone would)."""
    campaign, inbound = lead_rates(world.scenario)
    if world.market is None:
        return campaign, inbound
    share = world.market.first_contact_share()
    return campaign * share, inbound * share


def lead_arrivals(world: World) -> Process:
    """Campaign and inbound leads arrive at random; bad word of mouth scares some off.

    The rates are read again when the decisions change (a game's new round), so a new campaign budget counts
    from the next lead on; with no leads at all the process looks again a month later. (A market's first-contact
    share depends only on its number of suppliers, who all join before the clock starts.)
    """
    stream, gossip = world.streams.blocks("lead_arrivals"), world.streams["word_of_mouth"]
    read_at = None  # the decisions' revision the rates were read for
    while True:
        if read_at != world.revision:
            read_at = world.revision
            campaign, inbound = monthly_lead_rates(world)
            total = campaign + inbound
        if total <= 0:
            yield world.env.timeout(DAYS_PER_MONTH)
            continue
        # An arrival's draws: the wait for it, campaign or inbound, and the lead's own (taken before the
        # word-of-mouth check, so arrivals stay in step).
        draws = stream.block(ARRIVAL_DRAWS)
        yield world.env.timeout(exponential_days(DAYS_PER_MONTH / total, draws[0]))
        is_campaign = draws[1] < campaign / total
        draws = draws[2:]
        if gossip.uniform() < world.word_of_mouth_loss:
            world.tally.leads_lost_to_word_of_mouth += 1
            continue
        source, temperature = ("campaign", COLD) if is_campaign else ("inbound", WARM)
        if world.market is None:
            new_lead(world, source, temperature, draws)
        else:  # the buyer also asks other suppliers for a quote
            world.market.request_quotes(world, source, temperature, draws)


def word_of_mouth(world: World, grades: np.ndarray) -> None:
    """Once a month: satisfied customers bring referral leads, dissatisfied ones cost leads."""
    promoters = int((grades >= SATISFIED_GRADE).sum())
    detractors = int((grades < DISSATISFIED_GRADE).sum())
    referrals = world.streams["referrals"].poisson(referral_rate(world.scenario, promoters))
    referral_stream = world.streams["referral_leads"]
    for _ in range(referrals):
        world.tally.referral_leads += 1
        new_lead(world, "referral", WARM, referral_stream.block(LEAD_DRAWS), deferred=True)
    world.word_of_mouth_loss = word_of_mouth_loss(world.scenario, detractors, sum(monthly_lead_rates(world)))


def word_of_mouth_loss(scenario: Scenario, detractors: float, arriving: float) -> float:
    """Share of the `arriving` leads a month that this many detractors (grade below 6) talk out of buying."""
    m = scenario.market
    harmed = detractors * m.relations_harmed_per_detractor / 12.0 * m.word_of_mouth_lead_share
    return 0.0 if arriving <= 0 else min(MAX_WORD_OF_MOUTH_LOSS, harmed / arriving)
