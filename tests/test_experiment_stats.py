"""Statistics, seeds and uncertain assumptions of the experiment package (no model runs)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from simulation import ScenarioError
from simulation.experiment import Triangular, Uniform, replication_seeds
from simulation.experiment import assumptions
from simulation.experiment.stats import bands, differences, mean_ci, summarise, t_quantile


@pytest.mark.parametrize(("level", "df", "expected"), [
    (0.95, 1, 12.7062), (0.95, 2, 4.3027), (0.95, 3, 3.1824), (0.95, 9, 2.2622), (0.95, 29, 2.0452),
    (0.90, 5, 2.0150), (0.99, 7, 3.4995), (0.95, 100_000, 1.9600),
])
def test_t_quantile_matches_the_printed_tables(level, df, expected):
    assert t_quantile(level, df) == pytest.approx(expected, abs=1e-4)


def test_confidence_interval_covers_a_known_mean_95_percent_of_the_time():
    """5,000 samples of 5 from N(10, 2): the t interval must cover 10 in about 95 % of them
    (binomial standard error 0.3 %, so ±1.2 % is four standard errors)."""
    rng = np.random.default_rng(2024)
    samples = rng.normal(10.0, 2.0, size=(5000, 5))
    covered = [low <= 10.0 <= high for _, _, _, low, high in map(mean_ci, samples)]
    assert np.mean(covered) == pytest.approx(0.95, abs=0.012)


def test_normal_interval_would_undercover_small_samples():
    """The reason for t: with z = 1.96 and n = 5 coverage drops to about 88 %."""
    rng = np.random.default_rng(7)
    samples = rng.normal(0.0, 1.0, size=(5000, 5))
    half = 1.96 * samples.std(axis=1, ddof=1) / math.sqrt(5)
    assert np.mean(np.abs(samples.mean(axis=1)) <= half) < 0.90


def test_mean_ci_leaves_out_undefined_values_and_handles_tiny_samples():
    n, mean, sd, low, high = mean_ci([1.0, math.nan, 3.0])
    assert (n, mean, sd) == (2, 2.0, pytest.approx(math.sqrt(2)))
    assert low < 2.0 < high
    assert mean_ci([4.0])[:2] == (1, 4.0) and math.isnan(mean_ci([4.0])[3])
    assert mean_ci([math.nan])[0] == 0


def test_confidence_level_outside_zero_one_is_a_user_error():
    with pytest.raises(ScenarioError, match="confidence level"):
        t_quantile(95, 3)


def _pairs(shared_noise: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A is better by 1 on margin; both share a common component of the given size."""
    rng = np.random.default_rng(3)
    common = rng.normal(0, shared_noise, 40)
    a = pd.DataFrame({"margin": 1.0 + common + rng.normal(0, 0.5, 40), "churn_rate_annual": 0.10 + common / 100})
    b = pd.DataFrame({"margin": common + rng.normal(0, 0.5, 40), "churn_rate_annual": 0.12 + common / 100})
    return a, b


def test_paired_difference_is_sharper_than_independent_when_pairs_share_noise():
    a, b = _pairs(shared_noise=3.0)
    paired = differences(a, b, ["margin"], paired=True).iloc[0]
    independent = differences(a, b, ["margin"], paired=False).iloc[0]
    assert paired["difference"] == pytest.approx(independent["difference"])
    assert paired["ci_low"] <= 1.0 <= paired["ci_high"]
    assert (paired["ci_high"] - paired["ci_low"]) < 0.3 * (independent["ci_high"] - independent["ci_low"])


def test_beating_follows_the_kpi_direction():
    a, b = _pairs(shared_noise=1.0)
    table = differences(a, b, ["margin", "churn_rate_annual"]).set_index("kpi")
    assert table.loc["churn_rate_annual", "prob_a_beats_b"] == 1.0  # lower churn is better
    assert table.loc["churn_rate_annual", "difference"] < 0
    # per pair A − B ~ N(1, 0.71), so A wins with probability Φ(1.41) = 0.92 (se over 40 pairs: 0.04)
    assert table.loc["margin", "prob_a_beats_b"] == pytest.approx(0.92, abs=0.13)


def test_summary_and_bands_group_per_variant():
    runs = pd.DataFrame({"variant": ["x", "x", "y", "y"], "margin": [1.0, 3.0, 10.0, 14.0]})
    table = summarise(runs, ["margin"], ["variant"])
    assert table.set_index("variant")["mean"].to_dict() == {"x": 2.0, "y": 12.0}
    monthly = pd.DataFrame({"variant": ["x"] * 4, "month": [1, 1, 2, 2], "revenue": [1.0, 3.0, 5.0, 9.0]})
    band = bands(monthly, "revenue")
    assert band["mean"].tolist() == [2.0, 7.0]
    assert (band["p05"] <= band["p50"]).all() and (band["p50"] <= band["p95"]).all()


def test_seeds_are_distinct_recorded_and_extend_rather_than_redraw():
    seeds = replication_seeds(11, 1000)
    assert len(set(seeds)) == 1000
    assert replication_seeds(11, 10) == seeds[:10]
    assert replication_seeds(12, 10) != seeds[:10]
    assert all(0 <= s < 2**53 for s in seeds)


@pytest.mark.parametrize(("seed", "n"), [(-1, 5), (1.5, 5), (True, 5), (0, 0), (0, -3), (0, 2.0)])
def test_bad_seed_or_count_is_a_user_error(seed, n):
    with pytest.raises(ScenarioError, match="must be a"):
        replication_seeds(seed, n)


def _draws(distribution, name: str, count: int = 4000) -> np.ndarray:
    checked = assumptions.normalise({name: distribution})
    return np.array([assumptions.sample(checked, seed)[name] for seed in replication_seeds(1, count)])


def test_uniform_and_triangular_draws_have_their_known_means():
    uniform = _draws((0.8, 1.6), "market.competitor_intensity")
    assert uniform.min() >= 0.8 and uniform.max() < 1.6
    assert uniform.mean() == pytest.approx(1.2, abs=0.02)  # se 0.0037
    triangle = _draws(Triangular(5.0, 6.0, 8.0), "satisfaction.base_grade")
    assert triangle.mean() == pytest.approx((5 + 6 + 8) / 3, abs=0.03)  # se 0.0099
    assert np.median(triangle) < 6.5


def test_integer_assumptions_cover_both_ends():
    draws = _draws(Uniform(100, 103), "accounts.initial_customers", 800)
    assert set(draws.tolist()) == {100, 101, 102, 103}
    assert all(isinstance(v, int) for v in draws.tolist())


def test_adding_an_assumption_leaves_the_draws_of_another_unchanged():
    one = assumptions.normalise({"market.competitor_intensity": (0.5, 1.5)})
    two = assumptions.normalise({**one, "satisfaction.base_grade": (6, 8)})
    for seed in replication_seeds(3, 20):
        assert assumptions.sample(one, seed)["market.competitor_intensity"] == \
            assumptions.sample(two, seed)["market.competitor_intensity"]


@pytest.mark.parametrize(("name", "given", "message"), [
    ("market.competitor_intensityy", (0.5, 1.0), "Unknown parameter 'market.competitor_intensityy'. Did you mean"),
    ("funnel.promise_policy", ("honest", "no_promise"), "must be numeric"),
    ("market.competitor_intensity", (0.5, 9.0), r"range \[0, 3\]"),
    ("market.competitor_intensity", (1.5, 0.5), "from low to high"),
    ("market.competitor_intensity", Triangular(0.5, 2.0, 1.0), "from low to high"),
    ("market.competitor_intensity", 1.0, "needs a range"),
])
def test_bad_assumptions_name_the_field_and_what_is_allowed(name, given, message):
    with pytest.raises(ScenarioError, match=message):
        assumptions.normalise({name: given})


def test_command_line_ranges_and_records_round_trip():
    uniform = assumptions.parse_range("market.competitor_intensity", "0.8:1.5")
    triangle = assumptions.parse_range("satisfaction.base_grade", "6:7:8")
    assert (uniform, triangle) == (Uniform(0.8, 1.5), Triangular(6.0, 7.0, 8.0))
    checked = {"market.competitor_intensity": uniform, "satisfaction.base_grade": triangle}
    assert assumptions.from_record(assumptions.to_record(checked)) == checked
    with pytest.raises(ScenarioError, match="LOW:HIGH"):
        assumptions.parse_range("market.competitor_intensity", "high")
