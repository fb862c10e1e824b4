"""Degenerate settings reproduce what can be computed by hand (DESIGN.md: validation against theory)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from simulation import Scenario, simulate
from simulation.model.clock import DAYS_PER_MONTH, DAYS_PER_YEAR, HOURS_PER_WORKDAY
from simulation.model.funnel import (
    ALIGNMENT,
    AUTHORITY_PER_DMU_MEMBER,
    DISCOVERY_WIN,
    DMU_WIN_FACTOR,
    MAX_WIN_CHANCE,
    REFERENCE_RIGOUR,
    SOURCE_BONUS,
)
from simulation.model.methods import SALES_METHODS
from simulation.model.satisfaction import net_promoter_score
from simulation.parameters import SPECS

# Switch off every feedback loop: no existing customers, no word of mouth, no win-back, no nurturing.
QUIET_MARKET = {
    "accounts.initial_customers": 0,
    "market.campaign_spend_per_month": 0,
    "market.referrals_per_promoter": 0,
    "market.relations_harmed_per_detractor": 0,
    "market.win_back_share": 0,
    "market.lead_nurturing": False,
    "market.share_small": 0,
    "market.share_large": 0,  # medium customers only
    "market.complex_share": 0,  # simple products only
}
# Neutral strategy: every discipline at the competitors' level, so fit and promises don't move the win chance.
NEUTRAL_STRATEGY = {
    "strategy.customer_intimacy": 0.7,
    "strategy.operational_excellence": 0.7,
    "strategy.product_leadership": 0.7,
    "market.competitor_level": 0.7,
    "funnel.promise_speed_effect": 0,
    "funnel.late_quote_penalty": 0,
}


def test_nps_worked_example_from_the_course():
    answers = [9] * 25 + [7] * 55 + [5] * 20
    assert net_promoter_score(answers) == pytest.approx(5.0)
    assert net_promoter_score([10] * 3) == 100 and net_promoter_score([0, 6]) == -100


def _poisson_binomial_tail(chances: list[float], at_least: int) -> dict[int, float]:
    """P(exactly k yes answers) for k ≥ at_least, by enumerating all answer patterns."""
    probabilities: dict[int, float] = {}
    for pattern in itertools.product((0, 1), repeat=len(chances)):
        k = sum(pattern)
        if k >= at_least:
            p = math.prod(c if yes else 1 - c for c, yes in zip(chances, pattern))
            probabilities[k] = probabilities.get(k, 0.0) + p
    return probabilities


def _win_given_yes(yes: int, factor: float) -> float:
    """E[min(0.95, yes'/8)] when each of `yes` criteria stays 'yes' with chance `factor` after the quote."""
    return sum(math.comb(yes, j) * factor**j * (1 - factor) ** (yes - j) * min(MAX_WIN_CHANCE, j / 8)
               for j in range(yes + 1))


def test_fixed_probability_funnel_multiplies_out():
    """Won per lead = P(accepted by sales) × P(qualified) × E[win chance | qualified]."""
    yes = 0.5
    scenario = Scenario({**QUIET_MARKET, **NEUTRAL_STRATEGY, "run.years": 4, "market.inbound_leads_per_month": 120,
                         "funnel.sales_method": "spin", "market.alignment": "defined",
                         "funnel.criterion_yes_share": yes, "funnel.qualification_threshold": 0.5,
                         "funnel.qualification_rigour": 1.0, "funnel.buyer_patience_days": 120,
                         # reps with time to spare, so no buyer leaves the quote queue
                         "organisation.junior_account_managers": 20, "organisation.account_time_share": 0})
    accept = ALIGNMENT["defined"].accepted
    base = yes + ALIGNMENT["defined"].criterion_bonus + SOURCE_BONUS["inbound"]
    # Scotsman criteria for an inbound lead from a medium firm with a simple product and a two-person DMU: solution,
    # competition, opportunity (standard request), timing (it came to us), support, money, authority, necessity.
    chances = [base, base, base, base + 0.05, base, base, base - AUTHORITY_PER_DMU_MEMBER, base]
    tail = _poisson_binomial_tail(chances, at_least=4)
    qualified = sum(tail.values())
    # After the quote: SPIN on a simple product, a two-person DMU, every criterion checked (discovery above the
    # default rigour); promises and speed are switched off.
    factor = SALES_METHODS["spin"].simple * DMU_WIN_FACTOR * (1 + DISCOVERY_WIN * (1.0 - REFERENCE_RIGOUR))
    win_given_qualified = sum(p * _win_given_yes(k, factor) for k, p in tail.items()) / qualified

    result = simulate(scenario, seed=2024, keep_events="all")
    leads = result.leads[result.leads.created < (4 * DAYS_PER_YEAR - 150)]  # all decided by the end
    n = len(leads)
    reached_quote = set(result.events.query("entity == 'lead' and event == 'quote'").id)
    opportunities = leads.id.isin(reached_quote).sum()
    won = (leads.state == "won").sum()

    def within(observed, p, count):
        assert abs(observed / count - p) < 4 * math.sqrt(p * (1 - p) / count), (observed / count, p)

    within(opportunities, accept * qualified, n)
    within(won, win_given_qualified, opportunities)
    within(won, accept * qualified * win_given_qualified, n)


def test_constant_churn_hazard_gives_exponential_survival():
    annual = 0.3
    scenario = Scenario({**QUIET_MARKET, "market.inbound_leads_per_month": 0, "run.years": 3,
                         "accounts.initial_customers": 3000, "churn.annual_at_grade_6": annual,
                         "churn.annual_at_grade_8": annual, "churn.loyalty_spread": 0})
    accounts = simulate(scenario, seed=7).accounts
    hazard = -math.log(1 - annual)
    for years in (0.5, 1, 2, 3):
        t = round(years * 12) * DAYS_PER_MONTH  # survival is observed at whole months (monthly reviews)
        surviving = (accounts.end.isna() | (accounts.end > t)).mean()
        expected = math.exp(-hazard * years)
        assert abs(surviving - expected) < 4 * math.sqrt(expected * (1 - expected) / len(accounts)), years


def _erlang_c_sojourn(arrival_rate: float, service_mean: float, servers: int) -> float:
    """Mean time in an M/M/c system: waiting (Erlang C) plus service."""
    load = arrival_rate * service_mean
    rho = load / servers
    top = load**servers / math.factorial(servers) / (1 - rho)
    wait_probability = top / (sum(load**k / math.factorial(k) for k in range(servers)) + top)
    return wait_probability * service_mean / (servers * (1 - rho)) + service_mean


def test_quote_desk_is_an_mmc_queue():
    """Poisson leads, independent thinning and delays → Poisson quote requests; exponential work; c reps."""
    # A rep has hours_per_rep_year / DAYS_PER_YEAR working hours a calendar day, all for quotes here (no account
    # time, no qualification): this much work (in days of HOURS_PER_WORKDAY) takes one calendar day on average.
    hours_per_day = SPECS["organisation.hours_per_rep_year"].default / DAYS_PER_YEAR
    servers, work = 2, hours_per_day / HOURS_PER_WORKDAY / SALES_METHODS["transactional"].hours
    scenario = Scenario({**QUIET_MARKET, "run.years": 10, "market.inbound_leads_per_month": 60,
                         "market.alignment": "integrated", "funnel.qualification_threshold": 0,
                         "funnel.qualification_rigour": 0, "funnel.buyer_patience_days": 120,
                         "funnel.sales_method": "transactional",
                         "funnel.quote_work_days_simple": work, "strategy.operational_excellence": 0.5,
                         # nobody wins, so no customers take time or change the market
                         "market.competitor_level": 1.0, "strategy.customer_intimacy": 0,
                         "strategy.product_leadership": 0,
                         "organisation.junior_account_managers": servers, "organisation.account_time_share": 0})
    sojourns, rates = [], []
    for seed in range(3):
        events = simulate(scenario, seed=seed).events  # the quote rows are kept by default
        quotes = events[(events.event == "quote_sent") & (events.time > 60)]  # skip the warm-up
        sojourns.append(quotes.value.to_numpy())
        rates.append(len(quotes) / (10 * DAYS_PER_YEAR - 60))
    observed = np.concatenate(sojourns).mean()
    service = 1.0  # calendar days
    expected = _erlang_c_sojourn(float(np.mean(rates)), service, servers)
    assert 0.6 < np.mean(rates) * service / servers < 0.8, "the test must load the desk substantially"
    assert observed == pytest.approx(expected, rel=0.08)
