"""One budget of sales time, roles with competence, and sales methods as situations (DOMAIN.md §3–4, §6).

Every comparison is paired on common random numbers over the same seeds, so
a difference is the lever's effect, not luck.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulation import Scenario, simulate
from simulation.model.methods import SALES_METHODS, win_factor
from simulation.model.organisation import SEGMENT_LEVEL, competence_gap
from simulation.parameters import ROLES, SPECS

SEEDS = range(6)


def _runs(changes: dict, seeds=SEEDS):
    return [simulate(Scenario(changes), seed=seed, keep_events=False) for seed in seeds]


def _mean(runs, kpi: str) -> float:
    return float(np.mean([r.kpis[kpi] for r in runs]))


@pytest.fixture(scope="module")
def baseline():
    return _runs({})


def test_the_matrix_gives_each_segment_its_role_and_lower_roles_fall_short():
    assert [SEGMENT_LEVEL[s, c] for s in range(3) for c in (False, True)] == [0, 1, 1, 2, 3, 4]
    assert competence_gap("key_account_managers", 2, True) == 0
    assert competence_gap("inside_sales", 2, True) == 4
    assert competence_gap("inside_sales", 0, False) == 0
    assert competence_gap("key_account_managers", 0, False) == 0  # over-qualified costs money, not deals


def test_cutting_reps_slows_quotes_skips_visits_and_misses_follow_ups(baseline):
    lean = _runs({f"organisation.{role}": 1 for role in ROLES})
    # (quotes that were sent: many buyers left the queue before theirs)
    assert _mean(lean, "quote_lead_time_days_mean") > 1.3 * _mean(baseline, "quote_lead_time_days_mean")
    assert _mean(lean, "no_quote_in_time") > 3 * max(1.0, _mean(baseline, "no_quote_in_time"))
    assert _mean(lean, "visits_missed") > 5 * max(10.0, _mean(baseline, "visits_missed"))
    assert _mean(lean, "follow_ups_missed") > 50
    assert _mean(lean, "opportunity_to_won") < _mean(baseline, "opportunity_to_won")
    assert _mean(lean, "avg_grade") < _mean(baseline, "avg_grade")


def test_more_visits_take_the_hours_quotes_need(baseline):
    busy = _runs({"accounts.visits_per_year": 12})
    assert _mean(busy, "quote_lead_time_days_mean") > _mean(baseline, "quote_lead_time_days_mean")
    assert _mean(busy, "deals_won") < _mean(baseline, "deals_won")
    assert _mean(busy, "sales_cost") > _mean(baseline, "sales_cost")  # travel


def test_margin_is_hump_shaped_in_head_count(baseline):
    """Too few reps lose deals and customers; too many cost more than they bring."""
    def scaled(factor: float) -> list:
        return _runs({f"organisation.{r}": round(SPECS[f"organisation.{r}"].default * factor) for r in ROLES})

    margins = {f: np.array([r.kpis["margin"] for r in scaled(f)]) for f in (0.5, 1.5)}
    base = np.array([r.kpis["margin"] for r in baseline])
    for factor, margin in margins.items():
        difference = margin - base
        assert difference.mean() / (difference.std(ddof=1) / len(base) ** 0.5) < -3, factor


def test_key_account_managers_do_better_on_large_complex_accounts():
    """The same large, complex leads and customers served by key account managers or by inside sales."""
    only_large_complex = {"market.share_small": 0, "market.share_large": 1, "market.complex_share": 1}
    kam = _runs({**only_large_complex, **{f"organisation.{r}": 0 for r in ROLES},
                 "organisation.key_account_managers": 6})
    inside = _runs({**only_large_complex, **{f"organisation.{r}": 0 for r in ROLES}, "organisation.inside_sales": 6})
    assert _mean(kam, "opportunity_to_won") > 1.5 * _mean(inside, "opportunity_to_won")
    assert _mean(kam, "quote_lead_time_days_mean") < _mean(inside, "quote_lead_time_days_mean")
    assert _mean(kam, "avg_grade") > _mean(inside, "avg_grade") + 0.5
    assert _mean(inside, "accounts_below_level_share") == 1.0 and _mean(kam, "accounts_below_level_share") == 0.0


def test_accounts_spill_to_a_lower_role_when_their_role_is_missing_and_the_results_show_it(baseline):
    assert _mean(baseline, "accounts_below_level_share") < 0.05
    no_kam = _runs({"organisation.key_account_managers": 0}, seeds=range(2))
    accounts = pd.concat([r.accounts for r in no_kam])
    large_complex = accounts[(accounts["size"] == "large") & accounts.complex]
    assert set(large_complex.role) <= {"senior_account_managers", "account_managers", "junior_account_managers"}
    assert _mean(no_kam, "accounts_below_level_share") > 0.03


def test_sales_methods_help_in_their_situation_and_hurt_elsewhere():
    transactional, strategic, spin = (SALES_METHODS[m] for m in ("transactional", "strategic", "spin"))
    assert win_factor(transactional, 0, False) > 1 > win_factor(transactional, 2, True)
    assert win_factor(strategic, 2, True) > 1 > win_factor(strategic, 0, False)
    assert win_factor(spin, 1, True) > win_factor(spin, 2, True)  # large buyers know SPIN
    # Ample reps of the matching role, so the methods' different hours do not turn into queues.
    simple_market = {"market.complex_share": 0, "market.share_small": 1, "market.share_large": 0,
                     "organisation.inside_sales": 20}
    complex_market = {"market.complex_share": 1, "market.share_small": 0, "market.share_large": 1,
                      "organisation.key_account_managers": 20}
    for market, better, worse in ((simple_market, "transactional", "strategic"),
                                  (complex_market, "strategic", "transactional")):
        wins = {m: _mean(_runs({**market, "funnel.sales_method": m}), "opportunity_to_won") for m in (better, worse)}
        assert wins[better] > wins[worse], (market, wins)


def test_a_mix_of_methods_is_possible_and_suits_each_role():
    mixed = simulate(Scenario({"funnel.sales_method": "mix", "run.years": 1}), seed=1, keep_events=False)
    assert mixed.kpis["deals_won"] > 0
