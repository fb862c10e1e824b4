"""Satisfaction = performance compared with expectation (DOMAIN.md §5).

Every experience (a quote, a delivery, a complaint, a visit) is scored as a
school grade: the grade this customer gives when expectations are met
(`quality`, which holds the customer's lasting disposition), plus
`sensitivity` × the relative surprise. Disappointments weigh `loss_aversion`
times more than pleasant surprises, and a broken promise costs trust on top
of the surprise. The customer's grade is an attitude: it moves a small part
of the way (`experience_weight`) towards each experience's score, so one bad
experience dents it and it recovers slowly.

The expectation is what was promised, or the customer's own wish when nothing
was promised. A delay announced in advance takes part of the surprise away,
but the promise is still broken.

The grade drives churn through a hazard calibrated on Popping's figures
(customers held at grade 6 lose about 20 % a year, at 8 very few), times the
customer's lasting loyalty, and the NPS answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..rng import Stream
from ..scenario import Scenario
from .bounds import bounded

ANNOUNCED_SHARE = 0.5  # share of a delay's surprise that an announcement takes away
BROKEN_PROMISE_PENALTY = 0.5  # grade points a broken promise costs on top of the surprise, announced or not
#: A delivery or quote this share sooner than expected pleases fully; sooner still adds nothing: the customer
#: still waited, and sees the promise was padded. (Without this cap a promise of twice the honest time won: every
#: delivery 'half the time early' bought more loyalty than the third of the deals it lost.) A complaint solved far
#: inside its norm is not capped: fast problem resolution is a driver of its own (DOMAIN.md §5).
EARLY_DELIGHT_MAX = 0.3


def loyalty_multiplier(z: float, spread: float, existing: bool) -> float:
    """A customer's lasting churn multiplier from a standard-normal draw `z`.

    Among the customers a company *has* (the existing base), the multiplier averages 1, so the calibration
    "held at grade 6, 20 % leave" holds for them. The less loyal leave first, so new customers are less loyal
    than the base: exp(σz + σ²/2) for newcomers keeps exp(σz − σ²/2) as the base's steady state (stock
    density ∝ inflow density ÷ hazard).
    """
    return math.exp(spread * z + (-0.5 if existing else 0.5) * spread * spread)


@lru_cache(maxsize=64)
def _base_loyalty(spread: float) -> tuple[np.ndarray, np.ndarray]:
    """Gauss–Hermite nodes and weights of the existing base's loyalty multipliers, LN(−σ²/2, σ)."""
    nodes, weights = np.polynomial.hermite_e.hermegauss(40)
    return np.exp(spread * nodes - 0.5 * spread * spread), weights / weights.sum()


def lost_in_a_year(hazard: float, spread: float) -> float:
    """Share of an existing base (loyalty spread σ) that leaves within a year at this average hazard."""
    loyalty, weights = _base_loyalty(spread)
    return float(weights @ -np.expm1(-hazard * loyalty))


@lru_cache(maxsize=256)
def _hazard_for_share(share: float, spread: float) -> float:
    """The hazard h at which an existing base loses `share` in a year: E[1 − e^(−hℓ)] = share (bisection)."""
    if share <= 0:
        return 1e-12
    low, high = 1e-12, 50.0
    for _ in range(80):
        middle = 0.5 * (low + high)
        if lost_in_a_year(middle, spread) < share:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


class Satisfaction:
    """Scores experiences and moves grades; one per run."""

    def __init__(self, scenario: Scenario):
        s = scenario.satisfaction
        self.gain = s.disconfirmation_sensitivity
        self.loss = s.disconfirmation_sensitivity * s.loss_aversion
        self.weight = s.experience_weight
        self.announce_share = s.expectation_management
        self.warmth = s.warmth_bonus
        self.nps_offset = s.nps_offset
        self.nps_noise = s.nps_noise
        self.critical_spread = s.critical_spread
        self.loyalty_spread = scenario["churn.loyalty_spread"]
        hazard_6 = _hazard_for_share(scenario["churn.annual_at_grade_6"], self.loyalty_spread)
        hazard_8 = _hazard_for_share(scenario["churn.annual_at_grade_8"], self.loyalty_spread)
        self.hazard_8 = hazard_8
        self.hazard_slope = math.log(hazard_6 / hazard_8) / 2.0  # log-linear through both points

    def expectation(self, expected: float, actual: float, stream: Stream) -> float:
        """The expectation at the moment of the experience, after any announcement of a delay."""
        if actual > expected and self.announce_share > 0 and stream.chance(self.announce_share):
            return expected + ANNOUNCED_SHARE * (actual - expected)
        return expected

    def timing_score(self, quality: float, expected: float, actual: float, promised: float = math.nan,
                     most_delight: float = 1.0) -> float:
        """Score of a timed experience: faster than expected pleases (up to `most_delight` of the expected time
        sooner), slower disappoints, a broken promise hurts.

        (Every delivery and complaint is scored, so a surprise is capped with a comparison rather than a builtin
        `min`/`max` call, with the same result, NaN included.)"""
        surprise = (expected - actual) / expected
        if surprise >= 0:
            score = quality + self.gain * (most_delight if surprise > most_delight else surprise)
        else:
            score = quality + self.loss * (-1.0 if surprise < -1.0 else surprise)
        if actual > promised:  # False when nothing was promised (NaN)
            score -= BROKEN_PROMISE_PENALTY
        return bounded(score, 1.0, 10.0)

    def promised_time_score(self, quality: float, expected: float, actual: float, promised: float) -> float:
        """Score of a quote or a delivery (the model's, the lessons' and the exercises' one rule): a timed
        experience against its expectation, a broken promise costing extra, the delight of an early one capped
        at EARLY_DELIGHT_MAX."""
        return self.timing_score(quality, expected, actual, promised, EARLY_DELIGHT_MAX)

    def update(self, grade: float, score: float) -> float:
        """The new grade after one experience."""
        return grade + self.weight * (score - grade)

    def annual_hazard(self, grade: float) -> float:
        """Yearly churn hazard of an average-loyalty customer at this grade (log-linear through 6 and 8)."""
        return self.hazard_8 * math.exp(self.hazard_slope * (8.0 - grade))

    def annual_churn_share(self, grade: float) -> float:
        """Share of an existing base held at this grade that leaves within a year."""
        return lost_in_a_year(self.annual_hazard(grade), self.loyalty_spread)

    def nps_answers(self, grades: np.ndarray, stream: Stream) -> np.ndarray:
        """Answers (0–10) of customers with these grades to 'How likely is it that you would recommend us?'."""
        answers = np.rint(grades + self.nps_offset + self.nps_noise * stream.normals(len(grades)))
        return np.clip(answers, 0, 10).astype(int)


def net_promoter_score(answers: Sequence[int] | np.ndarray) -> float:
    """NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100."""
    answers = np.asarray(answers)
    if answers.size == 0:
        return math.nan
    return 100.0 * (int((answers >= 9).sum()) - int((answers <= 6).sum())) / answers.size
