"""Satisfaction = performance compared with expectation (DOMAIN.md §5).

Every experience (a quote, a delivery, a complaint, a visit) is scored as a
school grade: the grade the customer gives when expectations are met
(`quality`), plus `sensitivity` × the relative surprise. Disappointments weigh
`loss_aversion` times more than pleasant surprises. The account's grade moves
part of the way (`experience_weight`) towards each experience's score.

The expectation is what was promised, or the customer's own wish when nothing
was promised. Expectation management: a foreseeable delay announced in
advance resets most of the expectation before the customer experiences it.

The grade drives churn (a hazard calibrated on Popping's figures: grade 6 →
about 20 % lost per year, grade 8 → very few) and the NPS answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ..rng import Stream
from ..scenario import Scenario

ANNOUNCED_SHARE = 0.8  # share of a delay that an announcement takes out of the surprise


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
        hazard_6 = max(1e-12, -math.log(1.0 - scenario["churn.annual_at_grade_6"]))
        hazard_8 = max(1e-12, -math.log(1.0 - scenario["churn.annual_at_grade_8"]))
        self._hazard_8 = hazard_8
        self._hazard_slope = math.log(hazard_6 / hazard_8) / 2.0  # log-linear through both points

    def expectation(self, expected: float, actual: float, stream: Stream) -> float:
        """The expectation at the moment of the experience, after any announcement of a delay."""
        if actual > expected and self.announce_share > 0 and stream.chance(self.announce_share):
            return expected + ANNOUNCED_SHARE * (actual - expected)
        return expected

    def timing_score(self, quality: float, expected: float, actual: float) -> float:
        """Score of a timed experience: faster than expected pleases, slower disappoints."""
        surprise = (expected - actual) / expected
        if surprise >= 0:
            score = quality + self.gain * min(surprise, 1.0)
        else:
            score = quality + self.loss * max(surprise, -1.0)
        return min(10.0, max(1.0, score))

    def update(self, grade: float, score: float) -> float:
        """The new grade after one experience."""
        return grade + self.weight * (score - grade)

    def annual_hazard(self, grade: float) -> float:
        """Yearly churn hazard at this grade, through the grade-6 and grade-8 calibration points."""
        return self._hazard_8 * math.exp(self._hazard_slope * (8.0 - grade))

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
