"""The model's actors: leads (potential customers) and accounts (customers).

States follow the customer relationship cycle (klantrelatiecyclus): a lead
moves cold → warm → hot through the funnel stages and ends won, lost, leaked
or in nurturing; an account is a new, loyal or ex-customer.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..rng import Stream

# Lead states. Open stages first, then the states a lead can rest in.
LEAD_OPEN_STATES = ("marketing", "sales_acceptance", "qualification", "quote", "decision")
LEAD_REST_STATES = ("nurturing", "dormant", "leaked", "dropped", "won", "lost")
LEAD_STATES = LEAD_OPEN_STATES + LEAD_REST_STATES

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
    source: str  # campaign, inbound, referral, win_back
    temperature: str
    size: int  # index into SIZES
    complex: bool
    preference: int  # index into DISCIPLINES: what this customer values most
    created: float
    state: str = "marketing"
    account: Account | None = None  # set for win-back leads
    opportunity_start: float = -1.0


@dataclass(slots=True, eq=False)
class Account:
    """A customer: its segment, satisfaction and the money it brings."""

    id: int
    size: int
    complex: bool
    preference: int
    role: str
    potential: float  # € per year at full share of wallet
    grade: float
    start: float
    stream: Stream  # this customer's own draws: churn, orders, visits, incidents, deliveries, complaints
    phase: str = NEW
    quality: float = 7.0  # grade it gives when expectations are exactly met
    repeat_orders: int = 0
    end: float = -1.0
    revenue: float = 0.0
    revenue_year: float = 0.0  # since the last yearly profitability review
    serve_hours_year: float = 0.0
    wins: int = 1
