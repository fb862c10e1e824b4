"""Value disciplines (Treacy & Wiersema): how the strategy reaches the other mechanisms.

The three investment levels (0 = neglected, 0.5 = market par, 1 = excellent)
do not score the strategy directly. They change the mechanisms:

* customer intimacy: warmer visits and more tailoring, at a higher cost to serve;
* operational excellence: faster delivery and quotes, lower prices and costs;
* product leadership: fewer incidents, a price premium;
* each customer values one discipline most and compares us on it with
  specialist competitors: the chance that the Scotsman criteria 'Solution'
  and 'Competition' are 'yes' grows *exponentially* with that gap, so
  excelling at one thing beats being average at all (stuck in the middle) by
  Jensen's inequality, not by a bonus term;
* a clear profile attracts the customers who value it: the share of leads
  (and of the customer base) valuing a discipline grows exponentially with
  our level on it (positioning), so a company that excels in one discipline
  mostly meets customers who value exactly that;
* a discipline below a sufficient level spoils every customer's experience.

Costs grow with the fourth power of each level: the last steps to excellence are
the dearest, so excelling at everything is unaffordable, and a budget spread
evenly buys middling levels everywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..scenario import Scenario
from .bounds import bounded

SUFFICIENT_LEVEL = 0.3  # below this level a discipline spoils every customer's experience
FIT_STEEPNESS = 8.0  # criterion chance × e^(8·gap): a 0.09 lead on the valued discipline doubles it
POSITIONING = 4.0  # share of leads valuing a discipline ∝ e^(4·level): at (0.9, 0.45, 0.45) three in four value the first
QUALITY_PER_LEVEL = 1.5  # grade points per level of the discipline the customer values
# Price against the market's (economics.price_level P): buyers compare, so a higher price wins fewer deals
# (win chance × P^−2) and customers buy less of their needs from us (share of wallet × P^−2), and it lowers the
# value they get for their money (grade −1·(P − 1)); a discount does the opposite and comes off the margin.
PRICE_ELASTICITY = 2.0  # win chance and share of wallet × P^−2 at price level P
PRICE_GRADE = 1.0  # grade points a customer gives less per unit of price level above the market's
INSUFFICIENCY_PENALTY = 4.0  # grade points per level below sufficient


@dataclass(frozen=True, slots=True)
class StrategyEffects:
    """What the value-discipline levels do to the other mechanisms."""

    levels: tuple[float, float, float]  # intimacy, excellence, leadership
    competitor_level: float
    delivery_factor: float
    quote_work_factor: float
    price_factor: float
    price_volume: float  # P^−PRICE_ELASTICITY: more deals and more of each customer's spend at a lower price
    gross_margin: float
    incident_factor: float
    warmth_factor: float
    visit_hours_factor: float
    annual_cost: float
    price_grade: float  # grade points a price above the market's costs (negative: a discount pleases)
    positioning: tuple[float, float, float]  # relative weights of leads valuing each discipline

    def fit(self, preference: int) -> float:
        """Multiplier of the 'Solution' and 'Competition' chances for a customer who values `preference` most."""
        return math.exp(FIT_STEEPNESS * (self.levels[preference] - self.competitor_level))

    def quality(self, base_grade: float, preference: int) -> float:
        """The grade a customer gives when expectations are met, given what they value."""
        shortfall = sum(max(0.0, SUFFICIENT_LEVEL - level) for level in self.levels)
        grade = (base_grade + QUALITY_PER_LEVEL * (self.levels[preference] - 0.5) - INSUFFICIENCY_PENALTY * shortfall
                 - self.price_grade)
        return bounded(grade, 1.0, 10.0)


def margin_at_price(gross_margin: float, price_level: float) -> float:
    """Gross margin at another price: what is delivered costs the same, so a discount comes off the margin
    (at price level 1 exactly the margin given)."""
    if price_level == 1.0:
        return gross_margin
    return (gross_margin + price_level - 1.0) / price_level


def strategy_effects(scenario: Scenario) -> StrategyEffects:
    """Derive the mechanism multipliers from the three discipline levels."""
    s = scenario.strategy
    intimacy, excellence, leadership = s.customer_intimacy, s.operational_excellence, s.product_leadership
    price = scenario["economics.price_level"]
    return StrategyEffects(
        levels=(intimacy, excellence, leadership),
        competitor_level=scenario["market.competitor_level"],
        delivery_factor=1.5 - excellence,
        quote_work_factor=1.25 - 0.5 * excellence,
        price_factor=(1.0 + 0.2 * (leadership - 0.5) - 0.1 * (excellence - 0.5)) * price,
        price_volume=price ** -PRICE_ELASTICITY,
        gross_margin=margin_at_price(min(0.95, scenario["economics.gross_margin"] + 0.1 * (excellence - 0.5)), price),
        incident_factor=1.5 - leadership,
        warmth_factor=0.5 + intimacy,
        visit_hours_factor=0.8 + 0.4 * intimacy,
        annual_cost=s.cost_per_level * (intimacy**4 + excellence**4 + leadership**4),
        price_grade=PRICE_GRADE * (price - 1.0),
        positioning=tuple(math.exp(POSITIONING * level) for level in (intimacy, excellence, leadership)),
    )
