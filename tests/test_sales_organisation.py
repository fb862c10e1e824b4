"""One budget of sales time, roles with competence, and sales methods as situations (DOMAIN.md §3–4, §6).

Every comparison is paired on common random numbers over the same seeds, so
a difference is the lever's effect, not luck.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulation import Scenario, simulate
from simulation.model.accounts import visit_plan
from simulation.model.methods import SALES_METHODS, win_factor
from simulation.model.organisation import SEGMENT_LEVEL, competence_gap
from simulation.model.run import build_world
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


# --- Visits by segment (DOMAIN.md §4): simple products many short visits, complex few long ones, and a large
# customer's DMU takes more hours. `visit_plan` is the plan; the runs show the plan in the visits actually made.

ONE_ROLE_ENOUGH_TIME = {**{f"organisation.{r}": 0 for r in ROLES}, "organisation.senior_account_managers": 20,
                        "accounts.follow_up_hours": 0}  # one role, up to every segment, no follow-ups
ONE_ROLE_SHORT_OF_TIME = {**ONE_ROLE_ENOUGH_TIME, "organisation.senior_account_managers": 3}  # visit hours bind
SEGMENT_MARKETS = {  # every lead and every customer of one segment
    "small simple": {"market.share_small": 1, "market.share_large": 0, "market.complex_share": 0},
    "small complex": {"market.share_small": 1, "market.share_large": 0, "market.complex_share": 1},
    "large simple": {"market.share_small": 0, "market.share_large": 1, "market.complex_share": 0},
}


def _visits_per_customer_year(run) -> float:
    return run.kpis["visits_made"] / len(run.customer_months) * 12


def _paired_t(a, b) -> float:
    """t statistic of the paired differences a − b over the seeds."""
    difference = np.asarray(a, float) - np.asarray(b, float)
    return difference.mean() / (difference.std(ddof=1) / len(difference) ** 0.5)


@pytest.mark.parametrize("changes", [{}, {"accounts.visits_per_year": 10, "accounts.visit_hours": 3,
                                          "strategy.customer_intimacy": 0.2}])
def test_the_visit_plan_gives_simple_products_many_short_visits_complex_few_long_ones_and_large_dmus_more_hours(
        changes):
    for seed in range(3):
        world = build_world(Scenario(changes), seed)
        plan = {(size, complex_product): visit_plan(world, size, complex_product)
                for size in range(3) for complex_product in (False, True)}
        per_visit = {segment: hours / visits for segment, (visits, hours) in plan.items()}
        for size in range(3):
            assert plan[size, False][0] == pytest.approx(3 * plan[size, True][0])  # visits a month
            assert per_visit[size, True] == pytest.approx(4 * per_visit[size, False])  # hours a visit
            assert plan[size, False][0] == plan[0, False][0]  # how often does not depend on size
        for complex_product in (False, True):
            assert [per_visit[size, complex_product] / per_visit[0, complex_product] for size in range(3)] == \
                pytest.approx([1, 2, 4])
        # on average over simple and complex, a customer gets the scenario's visits per year
        average = (plan[1, False][0] + plan[1, True][0]) * 12 / 2
        assert average == pytest.approx(world.scenario["accounts.visits_per_year"])
        # each role books the planned hours of exactly the customers it serves
        booked = dict.fromkeys(ROLES, 0.0)
        for account in world.accounts:
            booked[account.role] += plan[account.size, account.complex][1]
        assert booked == pytest.approx(world.organisation.planned_hours)


def test_the_visits_made_follow_the_segments_plan_in_number_and_in_hours():
    """With time enough, a simple customer gets 3× the visits of a complex one and a large customer as many as a
    small one; when the visit hours are the bottleneck, the same hours buy a quarter as many visits of a complex or
    a large customer (4× the hours a visit)."""
    seeds = range(4)
    runs = {(team, market): _runs({**team_changes, **changes, "run.years": 1}, seeds)
            for team, team_changes in (("enough", ONE_ROLE_ENOUGH_TIME), ("short", ONE_ROLE_SHORT_OF_TIME))
            for market, changes in SEGMENT_MARKETS.items()}
    yearly = {key: np.mean([_visits_per_customer_year(r) for r in rs]) for key, rs in runs.items()}
    made = {key: _mean(rs, "visits_made") for key, rs in runs.items()}
    for market in SEGMENT_MARKETS:
        assert _mean(runs["enough", market], "visits_missed") < 0.01 * made["enough", market], market
        assert _mean(runs["short", market], "visits_missed") > 0.2 * made["short", market], market
    assert 2.6 < yearly["enough", "small simple"] / yearly["enough", "small complex"] < 3.4
    assert 0.9 < yearly["enough", "small simple"] / yearly["enough", "large simple"] < 1.1
    for other in ("small complex", "large simple"):
        assert 3.3 < made["short", "small simple"] / made["short", other] < 4.7, other
    # the plan in absolute terms: 1.5× and 0.5× the scenario's visits a year
    visits_per_year = SPECS["accounts.visits_per_year"].default
    assert yearly["enough", "small simple"] == pytest.approx(1.5 * visits_per_year, rel=0.1)
    assert yearly["enough", "small complex"] == pytest.approx(0.5 * visits_per_year, rel=0.1)


def test_visits_made_rise_in_proportion_to_the_planned_visits_while_capacity_allows():
    seeds = range(4)
    ample = {f"organisation.{r}": 20 for r in ROLES}
    yearly = {(team, visits): np.mean([_visits_per_customer_year(r) for r in
                                       _runs({**changes, "accounts.visits_per_year": visits, "run.years": 1}, seeds)])
              for team, changes in (("ample", ample), ("default", {})) for visits in (2, 4, 12)
              if team == "ample" or visits > 2}
    assert yearly["ample", 4] / yearly["ample", 2] == pytest.approx(2, rel=0.1)
    assert yearly["ample", 12] / yearly["ample", 4] == pytest.approx(3, rel=0.1)
    # the default team has no room for three times the visits: they stop where its account hours run out
    assert yearly["default", 4] == pytest.approx(yearly["ample", 4], rel=0.1)
    assert yearly["default", 12] / yearly["default", 4] < 2


# --- The cost of guessing the qualification criteria (DOMAIN.md §2–3): quote hours on deals that were never
# winnable (false qualification) and winnable leads rejected (false rejection), funnel.lead_journey.

@pytest.fixture(scope="module")
def one_year():
    return _runs({"run.years": 1})


def test_guessing_more_criteria_spends_quote_hours_on_deals_that_were_never_winnable_and_rejects_winnable_ones(
        one_year):
    guessing = _runs({"run.years": 1, "funnel.qualification_rigour": 0.3})
    for kpi in ("false_qualification_hours", "winnable_leads_rejected"):
        careful, careless = ([r.kpis[kpi] for r in runs] for runs in (one_year, guessing))
        assert _paired_t(careless, careful) > 3, kpi
        assert np.mean(careless) > 1.5 * np.mean(careful), kpi


def test_a_stricter_qualification_threshold_rejects_more_leads_and_more_winnable_ones():
    """From one criterion to two: more leads rejected, and more of them winnable. (Higher thresholds count as
    winnable only the leads that meet them, of which there are ever fewer: the count then falls again.)"""
    runs = {threshold: _runs({"run.years": 2, "funnel.qualification_threshold": threshold})
            for threshold in (0.125, 0.25, 0.375)}
    opportunities = [_mean(runs[t], "opportunities") for t in sorted(runs)]
    assert opportunities[0] > 1.2 * opportunities[1] > 1.2 ** 2 * opportunities[2]
    rejected = {t: [r.kpis["winnable_leads_rejected"] for r in rs] for t, rs in runs.items()}
    assert _paired_t(rejected[0.25], rejected[0.125]) > 3
    assert np.mean(rejected[0.25]) > 1.5 * np.mean(rejected[0.125])


def test_no_false_qualification_or_rejection_when_every_criterion_is_checked_or_nothing_is_required(one_year):
    """funnel.lead_journey: a checked criterion is the truth, so at rigour 1 what the rep believes is what is true;
    with a threshold of 0 every lead qualifies and no lead is truly below it."""
    kpis = ("false_qualification_hours", "winnable_leads_rejected")
    for run in one_year:  # the default rigour guesses some criteria: both costs occur
        assert all(run.kpis[kpi] > 0 for kpi in kpis), run.seed
    ample = {f"organisation.{role}": 2 * SPECS[f"organisation.{role}"].default for role in ROLES}  # hours to check
    for changes in ({"funnel.qualification_rigour": 1.0},
                    {"funnel.qualification_rigour": 1.0, "funnel.qualification_method": "bant"},
                    {"funnel.qualification_rigour": 1.0, "funnel.qualification_threshold": 0.5},
                    {"funnel.qualification_rigour": 0.3, "funnel.qualification_threshold": 0}):
        for run in _runs({"run.years": 1, **ample, **changes}):
            assert run.kpis["opportunities"] > 0
            assert [run.kpis[kpi] for kpi in kpis] == [0, 0], (changes, run.seed)


def test_reps_short_of_hours_check_fewer_criteria_and_never_plan_hours_they_do_not_have(baseline, monkeypatch):
    """One budget of sales time (organisation.plan_month): qualification gets what accounts leave; asked for more,
    the reps check fewer criteria, so the forecast inflates and more quote hours go to deals never winnable. The
    month's planned account and qualification hours never exceed the hours there are (before, qualification took
    what it asked, and the lean company 'worked' 176 % of its hours)."""
    from simulation.model.organisation import Organisation

    plan, overbooked = Organisation.plan_month, []

    def checked_plan(organisation):
        plan(organisation)
        planned = sum(organisation.hours_planned.values())
        overbooked.append(planned - sum(organisation.monthly_hours.values()))

    monkeypatch.setattr(Organisation, "plan_month", checked_plan)
    lean = _runs({f"organisation.{role}": 1 for role in ROLES})
    assert len(overbooked) == 36 * len(SEEDS) and max(overbooked) <= 1e-9
    assert _paired_t([r.kpis["forecast_error"] for r in lean], [r.kpis["forecast_error"] for r in baseline]) > 3
    share = {name: [r.kpis["false_qualification_hours"] / r.kpis["quotes_sent"] for r in runs]
             for name, runs in (("lean", lean), ("baseline", baseline))}
    assert _paired_t(share["lean"], share["baseline"]) > 3


def test_the_win_chances_are_calibrated_at_the_default_rigour():
    """Discovery multiplies the win chance by 1 at REFERENCE_RIGOUR: a new default rigour must move it too, on purpose."""
    from simulation.model.funnel import DISCOVERY_WIN, REFERENCE_RIGOUR
    from simulation.parameters import SPECS

    assert REFERENCE_RIGOUR == SPECS["funnel.qualification_rigour"].default
    assert 1 + DISCOVERY_WIN * (SPECS["funnel.qualification_rigour"].default - REFERENCE_RIGOUR) == 1.0


def test_a_role_without_reps_keeps_full_qualification_cover_so_reps_hired_in_a_later_round_check_at_once():
    """A game's round may rehire a role that had no reps: its first leads are qualified with the policy's rigour,
    not with the cover of a month in which the role had no hours (which would be none)."""
    from simulation.model.run import apply_decisions

    world = build_world(Scenario({"organisation.key_account_managers": 0}), seed=0)
    world.env.run(until=45)  # a month was planned without key account managers
    assert world.organisation.qualification_cover["key_account_managers"] == 1.0
    apply_decisions(world, Scenario({"organisation.key_account_managers": 2}))
    assert world.funnel.rigour * world.organisation.qualification_cover["key_account_managers"] == \
        SPECS["funnel.qualification_rigour"].default


def test_a_quote_takes_the_reps_real_hours_so_no_role_works_more_hours_than_it_has():
    """A rep has hours_per_rep_year / DAYS_PER_YEAR working hours a calendar day (4.4 at 1,600 h), and gives the
    quote share of them to quotes: a desk busy all month then does exactly the quote hours the plan left. (Before,
    a desk day counted 8 hours, and the lean company's reps 'worked' more hours than they had.)"""
    # One rep per role and many leads: the quote desks are busy all the time (this 'used' 105 % of the hours);
    # without service staff and with many long incidents, escalations would take every hour but for the tenth.
    lean = {f"organisation.{r}": 1 for r in ROLES}
    swamped = _runs({**lean, "market.inbound_leads_per_month": 100}, range(3))
    escalating = _runs({**lean, "market.inbound_leads_per_month": 100, "organisation.service_staff": 0,
                        "accounts.incidents_per_year": 24, "accounts.complaint_work_hours": 20}, range(2))
    assert max(r.kpis["rep_utilisation"] for r in swamped + escalating) <= 1.0


def test_a_quote_costs_money_that_shows_in_sales_cost_and_nowhere_else():
    """funnel.quote_cost_*: out-of-pocket cost per quote sent (DOMAIN.md §8 names quote cost), booked in the
    month's sales cost; it changes no decision, so the same seed gives the same run apart from the costs."""
    free = simulate(Scenario({"funnel.quote_cost_simple": 0, "funnel.quote_cost_complex": 0}), seed=3,
                    keep_events=False)
    flat = simulate(Scenario({"funnel.quote_cost_simple": 700, "funnel.quote_cost_complex": 700}), seed=3,
                    keep_events=False)
    costs = {"quote_cost", "sales_cost", "sales_cost_share", "margin", "acquisition_cost_per_customer",
             "acquisition_retention_ratio"}
    assert {k: v for k, v in free.kpis.items() if k not in costs} == {k: v for k, v in flat.kpis.items()
                                                                     if k not in costs}
    assert free.kpis["quote_cost"] == 0 and flat.kpis["quote_cost"] == 700 * flat.kpis["quotes_sent"]
    assert flat.kpis["sales_cost"] - free.kpis["sales_cost"] == pytest.approx(flat.kpis["quote_cost"])
    assert free.kpis["margin"] - flat.kpis["margin"] == pytest.approx(flat.kpis["quote_cost"])
    complex_only = simulate(Scenario({"funnel.quote_cost_simple": 0, "funnel.quote_cost_complex": 700}), seed=3,
                            keep_events=False)
    assert 0 < complex_only.kpis["quote_cost"] < flat.kpis["quote_cost"]


def test_the_first_month_is_planned_on_the_work_a_month_in_steady_state_asks(monkeypatch):
    """The first month's plan reads the base's expected follow-ups and the pipeline's expected qualification
    (pipeline_start.plan_first_month); later months read the month before's asks. The two agree, so month 1 is
    no lighter than the months after it (before, it was planned on no asks at all)."""
    from simulation.model.organisation import Organisation

    plan, asked = Organisation.plan_month, []

    def recorded_plan(organisation):
        asked.append({kind: sum(hours.values()) for kind, hours in organisation.asked.items()})
        plan(organisation)

    monkeypatch.setattr(Organisation, "plan_month", recorded_plan)
    for seed in SEEDS:
        world = build_world(Scenario(), seed=seed, events="none")
        world.env.run(until=world.manager)
    months = [asked[i:i + 36] for i in range(0, len(asked), 36)]
    for kind in ("follow_up", "qualification"):
        first = np.mean([run[0][kind] for run in months])
        later = np.mean([month[kind] for run in months for month in run[1:]])
        assert first == pytest.approx(later, rel=0.1), kind


@pytest.mark.parametrize("month", [0, 6])
def test_a_rounds_new_head_counts_plan_the_month_under_way(month):
    """A game's round applies its decisions at a month's start, after that month was planned: the month is planned
    again with the round's head counts (the first on the steady-state asks, a later one on the asks it was
    planned on), so it neither books the hours of reps let go nor leaves the new reps' hours unplanned."""
    from simulation.model.clock import DAYS_PER_MONTH
    from simulation.model.run import apply_decisions

    world = build_world(Scenario(), seed=1, events="none")
    if month:
        world.env.run(until=month * DAYS_PER_MONTH + 0.01)  # as a game's round ends, just past the month's plan
    organisation = world.organisation
    before = dict(organisation.quote_share)
    apply_decisions(world, Scenario({"organisation.junior_account_managers": 1, "organisation.inside_sales": 6}))
    assert organisation.quote_share["junior_account_managers"] < before["junior_account_managers"]
    assert organisation.quote_share["inside_sales"] > before["inside_sales"]
    assert sum(organisation.hours_planned.values()) <= sum(organisation.monthly_hours.values())
    assert organisation.hours_planned["accounts"] <= sum(organisation.monthly_hours.values()) * 0.9 + 1e-9


def test_an_open_deal_keeps_the_criteria_it_was_qualified_on_when_the_method_changes():
    """A game's later round may switch Scotsman to BANT: deals already qualified keep their eight criteria (their
    forecast weight is still a share of eight), so the round cannot relabel them."""
    from simulation.model.entities import Lead
    from simulation.model.funnel import FunnelRules, Qualified
    from simulation.model.methods import SALES_METHODS
    from simulation.model.run import apply_decisions

    world = build_world(Scenario({"funnel.qualification_method": "scotsman"}), seed=0, events="none")
    lead = Lead(-1, "inbound", "warm", 1, False, 0, 0.0)
    qualified = Qualified.drawn(world.funnel, lead, iter([0.0] * 16), 1.0, "account_managers",
                                SALES_METHODS["spin"])  # every criterion 'yes', every one checked
    apply_decisions(world, Scenario({"funnel.qualification_method": "bant"}))
    assert isinstance(world.funnel, FunnelRules) and len(world.funnel.observed) == 4
    assert len(qualified.observed) == 8 and qualified.forecast_weight([True] * 4 + [False] * 4) == 0.5
