"""Statistics for replications: confidence intervals, paired differences and bands.

A manager reading "margin +€ 120k" needs to know how sure that number is. A
replication is one possible history of the business; the mean over
replications estimates the expected outcome, and its confidence interval
(Student's t, since the number of replications is often small) says how
precisely the replications pin it down. The kit has no SciPy, so the t
quantile is computed here from the exact closed form of the t distribution
for integer degrees of freedom.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..results import KPI_SPECS
from ..scenario import ScenarioError


def _t_two_sided_mass(t: float, df: int) -> float:
    """P(|T| < t) for Student's t with integer `df` (Abramowitz & Stegun 26.7.3–4)."""
    theta = math.atan(t / math.sqrt(df))
    c2 = math.cos(theta) ** 2
    if df % 2 == 1:
        total, term = 0.0, 1.0
        for k in range(1, (df - 1) // 2 + 1):
            total += term
            term *= c2 * (2 * k) / (2 * k + 1)
        mass = 2 / math.pi * (theta + (math.sin(theta) * math.cos(theta) * total if df > 1 else 0.0))
    else:
        total, term = 0.0, 1.0
        for k in range(1, df // 2 + 1):
            total += term
            term *= c2 * (2 * k - 1) / (2 * k)
        mass = math.sin(theta) * total
    return mass


def t_quantile(level: float, df: int) -> float:
    """The t value with `level` of the mass between −t and +t (e.g. 0.95 → 1.96 for large df)."""
    if not 0 < level < 1:
        raise ScenarioError(f"The confidence level must lie strictly between 0 and 1. Got {level!r} instead.")
    low, high = 0.0, 1.0
    while _t_two_sided_mass(high, df) < level:
        high *= 2
    for _ in range(100):  # bisection to full double precision
        middle = (low + high) / 2
        if middle in (low, high):
            break
        low, high = (middle, high) if _t_two_sided_mass(middle, df) < level else (low, middle)
    return high


def mean_ci(values: Sequence[float] | np.ndarray, level: float = 0.95) -> tuple[int, float, float, float, float]:
    """(n, mean, standard deviation, CI low, CI high) over the non-missing values.

    NaN values (a KPI undefined in that replication, e.g. a win rate without
    decided deals) are left out rather than poisoning the mean.
    """
    data = np.asarray(values, dtype=float)
    data = data[~np.isnan(data)]
    n = data.size
    if n == 0:
        return 0, math.nan, math.nan, math.nan, math.nan
    mean = float(data.mean())
    if n == 1:
        return 1, mean, math.nan, math.nan, math.nan
    sd = float(data.std(ddof=1))
    half = t_quantile(level, n - 1) * sd / math.sqrt(n)
    return n, mean, sd, mean - half, mean + half


SUMMARY_COLUMNS = ("n", "mean", "sd", "ci_low", "ci_high")


def summarise(runs: pd.DataFrame, kpis: Sequence[str], by: Sequence[str], level: float = 0.95) -> pd.DataFrame:
    """One row per group and KPI: n, mean, standard deviation and confidence interval."""
    rows = []
    for key, group in runs.groupby(list(by), sort=False, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        for kpi in kpis:
            rows.append((*key, kpi, *mean_ci(group[kpi].to_numpy(dtype=float), level)))
    return pd.DataFrame(rows, columns=[*by, "kpi", *SUMMARY_COLUMNS])


def beats(a: np.ndarray, b: np.ndarray, kpi: str) -> np.ndarray:
    """Per pair 1 if A is better than B, 0 if worse, ½ on a tie; 'better' follows the KPI's
    direction (higher margin, lower churn). KPIs with no better direction count higher as better."""
    sign = -1.0 if KPI_SPECS[kpi].better < 0 else 1.0
    diff = sign * (np.asarray(a, dtype=float) - np.asarray(b, dtype=float))
    return np.where(diff > 0, 1.0, np.where(diff < 0, 0.0, 0.5))


def _difference(va: np.ndarray, vb: np.ndarray, paired: bool, level: float) -> tuple[int, float, float, float, float]:
    """(n, mean A − B, sd, CI low, CI high). Paired: the CI of the mean of per-pair differences.
    Independent: Welch's interval (degrees of freedom rounded down, which widens it slightly)."""
    if paired:
        return mean_ci(va - vb, level)
    na, ma, sa, _, _ = mean_ci(va, level)
    nb, mb, sb, _, _ = mean_ci(vb, level)
    if min(na, nb) < 2:
        return min(na, nb), ma - mb, math.nan, math.nan, math.nan
    variance_a, variance_b = sa * sa / na, sb * sb / nb
    spread = math.sqrt(variance_a + variance_b)
    if spread == 0:
        return min(na, nb), ma - mb, 0.0, ma - mb, ma - mb
    df = (variance_a + variance_b) ** 2 / (variance_a ** 2 / (na - 1) + variance_b ** 2 / (nb - 1))
    half = t_quantile(level, max(1, math.floor(df))) * spread
    return min(na, nb), ma - mb, spread * math.sqrt(min(na, nb)), ma - mb - half, ma - mb + half


def differences(a: pd.DataFrame, b: pd.DataFrame, kpis: Sequence[str], *, paired: bool = True,
                level: float = 0.95) -> pd.DataFrame:
    """Per KPI: means of A and B, the difference A − B with its confidence interval, and the
    share of pairs (replication i of A with replication i of B) in which A beats B."""
    rows = []
    for kpi in kpis:
        va, vb = a[kpi].to_numpy(dtype=float), b[kpi].to_numpy(dtype=float)
        both = ~(np.isnan(va) | np.isnan(vb))
        va, vb = va[both], vb[both]
        if va.size == 0:
            rows.append((kpi, math.nan, math.nan, 0, math.nan, math.nan, math.nan, math.nan, math.nan))
            continue
        rows.append((kpi, float(va.mean()), float(vb.mean()), *_difference(va, vb, paired, level),
                     float(beats(va, vb, kpi).mean())))
    return pd.DataFrame(rows, columns=["kpi", "mean_a", "mean_b", "n", "difference", "sd", "ci_low", "ci_high",
                                       "prob_a_beats_b"])


def bands(monthly: pd.DataFrame, series: str, by: Sequence[str] = ("variant",), level: float = 0.95) -> pd.DataFrame:
    """Per group and month: mean with its confidence interval, and quantiles of the spread
    across replications (what may happen in one history, not how sure the mean is)."""
    rows = []
    for key, group in monthly.groupby([*by, "month"], sort=False, dropna=False):
        values = group[series].to_numpy(dtype=float)
        n, mean, sd, low, high = mean_ci(values, level)
        quantiles = np.nanquantile(values, (0.05, 0.25, 0.5, 0.75, 0.95)) if n else [math.nan] * 5
        rows.append((*key, mean, low, high, *quantiles))
    return pd.DataFrame(rows, columns=[*by, "month", "mean", "ci_low", "ci_high", "p05", "p25", "p50", "p75", "p95"])
