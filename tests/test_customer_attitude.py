"""Satisfaction as a lasting attitude and lasting differences between customers (DOMAIN.md §5, §10).

Measured on the baseline's own customers over eight years, the way an analyst
would: from the customer-month panel, churn in the year after a customer was
seen at a grade, and the yearly retention of cohorts by tenure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulation import Scenario, simulate
from simulation.model.clock import DAYS_PER_YEAR

YEARS = 8


@pytest.fixture(scope="module")
def long_runs():
    return [simulate(Scenario({"run.years": YEARS}), seed=seed, keep_events=False) for seed in range(4)]


@pytest.fixture(scope="module")
def churn_by_grade(long_runs) -> pd.DataFrame:
    """For every customer seen at the end of a year: its grade then, and whether it churned in the next year."""
    rows = []
    for run, result in enumerate(long_runs):
        panel = result.customer_months
        churned = panel[panel.how == "churned"][["customer_id", "month"]]
        for month in range(12, (YEARS - 1) * 12 + 1, 12):
            seen = panel[(panel.month == month) & ~panel.left]
            leaving = set(churned[(churned.month > month) & (churned.month <= month + 12)].customer_id)
            rows.append(seen.assign(left_next_year=seen.customer_id.isin(leaving), run=run))
    return pd.concat(rows)


def _share(frame: pd.DataFrame) -> tuple[float, float]:
    share = frame.left_next_year.mean()
    return share, (share * (1 - share) / len(frame)) ** 0.5


def test_customers_seen_at_about_6_lose_about_a_fifth_in_the_next_year(churn_by_grade):
    share, error = _share(churn_by_grade[churn_by_grade.grade.between(5.5, 6.5)])
    assert 0.14 <= share <= 0.26, (share, error)


def test_customers_at_8_or_more_rarely_leave_and_the_gap_to_7_8_is_large(churn_by_grade):
    high, high_error = _share(churn_by_grade[churn_by_grade.grade >= 8])
    middle, middle_error = _share(churn_by_grade[churn_by_grade.grade.between(7, 8, inclusive="left")])
    assert high < 0.04
    assert middle - high > 3 * (high_error**2 + middle_error**2) ** 0.5
    assert middle > 2 * high


def test_one_bad_experience_dents_the_grade_and_it_recovers_slowly():
    """The grade is an attitude: about a tenth of the way towards each experience, so it takes many months to
    recover from one disappointment."""
    from simulation.model.satisfaction import Satisfaction

    satisfaction = Satisfaction(Scenario())
    grade = 7.5
    dented = satisfaction.update(grade, 2.0)
    assert grade - dented < 1.0  # dented, not reset
    recovered = dented
    for _ in range(6):  # six ordinary experiences (about half a year) later
        recovered = satisfaction.update(recovered, grade)
    assert dented < recovered < grade - 0.2


def test_an_experience_in_the_model_moves_the_grade_as_the_rule_says():
    """`accounts.experience` bounds the score to 1–10 (`bounds.bounded`, comparisons instead of builtin calls) and
    applies `Satisfaction.update`: it must stay the rule the lessons and exercises teach, for scores in and out of
    bounds and NaN."""
    from types import SimpleNamespace

    from simulation.model.accounts import experience
    from simulation.model.satisfaction import Satisfaction

    for weight in (0.1, 0.35):
        satisfaction = Satisfaction(Scenario({"satisfaction.experience_weight": weight}))
        world = SimpleNamespace(satisfaction=satisfaction, log_all=False)
        for grade in (1.0, 4.2, 7.5, 10.0):
            for score in (-3.0, 1.0, 2.5, 7.5, 9.99, 10.0, 14.0, float("nan")):
                account = SimpleNamespace(grade=grade)
                experience(world, account, score)
                assert account.grade == satisfaction.update(grade, min(10.0, max(1.0, score))), (weight, grade, score)


def test_cohorts_retain_better_as_they_age_because_the_less_loyal_leave_first(long_runs):
    accounts = pd.concat([r.accounts.assign(run=i) for i, r in enumerate(long_runs)])
    won = accounts[accounts.start > 0]
    horizon = YEARS * DAYS_PER_YEAR

    def retention(tenure_year: int) -> tuple[float, int]:
        at_start = won[(won.start + tenure_year * DAYS_PER_YEAR <= horizon)
                       & (won.end.isna() | (won.end > won.start + (tenure_year - 1) * DAYS_PER_YEAR))]
        kept = at_start.end.isna() | (at_start.end > at_start.start + tenure_year * DAYS_PER_YEAR)
        return kept.mean(), len(at_start)

    (first, n_first), (third, n_third) = retention(1), retention(3)
    error = (first * (1 - first) / n_first + third * (1 - third) / n_third) ** 0.5
    assert third - first > 2 * error, (first, third)


def test_the_baseline_is_in_steady_state_from_year_one(long_runs):
    """Customers, grades, the loyal share and the pipeline change by less than 5 % a year from year 1 (yearly means
    over four seeds). The base and the pipeline start in their steady state (relationship.seed_customer_base,
    pipeline_start); with an empty starting pipeline the pipeline grew 8.7 % from year 1 to year 2.
    """
    monthly = pd.concat([r.monthly for r in long_runs], ignore_index=True)
    monthly = monthly.assign(year=(monthly.month - 1) // 12 + 1, loyal_share=monthly.loyal / monthly.customers)
    yearly = monthly.groupby("year")[["customers", "avg_grade", "loyal_share", "potential"]].mean()
    changes = yearly.pct_change().iloc[1:].abs()
    assert (changes < 0.05).all().all(), changes
    grades = pd.concat([r.customer_months for r in long_runs])
    spread = grades.groupby((grades.month - 1) // 12).grade.std()
    assert (spread.pct_change().iloc[1:].abs() < 0.05).all(), spread


def test_the_existing_base_starts_where_the_mechanisms_hold_it(long_runs):
    first_year = np.mean([r.monthly.avg_grade.iloc[:12].mean() for r in long_runs])
    last_year = np.mean([r.monthly.avg_grade.iloc[-12:].mean() for r in long_runs])
    assert abs(first_year - last_year) < 0.15
