"""The model's actors: leads (potential customers) and accounts (customers).

States follow the customer relationship cycle (klantrelatiecyclus): a lead
moves cold → warm → hot through the funnel stages and ends won, lost, leaked
or in nurturing; an account is a new, loyal or ex-customer. Customers differ
in lasting ways (what they value, how critical and how loyal they are), and
those differences stay with the account for its whole life.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..rng import Stream

# Lead states. Open stages first, then the states a lead can rest in.
LEAD_OPEN_STATES = ("marketing", "sales_acceptance", "qualification", "quote", "decision")
LEAD_REST_STATES = ("nurturing", "dormant", "leaked", "dropped", "won", "lost")
LEAD_STATES = LEAD_OPEN_STATES + LEAD_REST_STATES

# Funnel milestones a lead can reach (each counted once per lead, for the stage conversions).
MQL, SAL, OPPORTUNITY = 1, 2, 3

# Account phases of the relationship cycle.
NEW, LOYAL, EX = "new", "loyal", "ex"
ACCOUNT_PHASES = (NEW, LOYAL, EX)

SIZES = ("small", "medium", "large")
DISCIPLINES = ("customer_intimacy", "operational_excellence", "product_leadership")

COLD, WARM, HOT = "cold", "warm", "hot"


@dataclass(slots=True, eq=False)
class Lead:
    """A potential customer on its way through the funnel."""

    id: int
    source: str  # campaign, inbound, referral, win_back, switch (left another supplier)
    temperature: str
    size: int  # index into SIZES
    complex: bool
    preference: int  # index into DISCIPLINES: what this customer values most
    created: float
    state: str = "marketing"
    account: Account | None = None  # set for win-back leads
    opportunity_start: float = -1.0
    reached: int = 0  # the furthest milestone (MQL, SAL, OPPORTUNITY) this lead has reached
    tender: Any = None  # the buyer's request for quotes when it asked several suppliers (a market game)


@dataclass(slots=True, eq=False)
class Account:
    """A customer: its segment, lasting disposition, satisfaction and the money it brings."""

    id: int
    size: int
    complex: bool
    preference: int
    role: str  # the role that serves it (may be below the segment's level: spill-over)
    potential: float  # € per year at full share of wallet
    grade: float  # the customer's attitude, a school grade 1–10 that moves slowly
    start: float
    stream: Stream  # this customer's own draws: churn, orders, visits, incidents, deliveries, complaints
    loyalty: float = 1.0  # lasting multiplier of the churn hazard (below 1: more loyal than average)
    phase: str = NEW
    quality: float = 7.0  # grade this customer gives when expectations are exactly met
    repeat_orders: int = 0
    end: float = -1.0
    revenue: float = 0.0
    revenue_year: float = 0.0  # since the last yearly profitability review
    serve_hours_year: float = 0.0
    wins: int = 1
    orders_month: int = 0  # since the last monthly census (customer-month panel)
    revenue_month: float = 0.0
    end_reason: str = ""
