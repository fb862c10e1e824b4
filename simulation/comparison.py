"""Two scenarios side by side: which KPIs differ, by how much, and which side is better.

Comparing strategies (honest promises versus over-promising, one value
discipline versus another) is the core exercise of the course. Run both
scenarios on the same seed (common random numbers) so the difference comes
from the strategy, not from luck, then read the difference table: A − B in
the KPI's own unit, relative to B, and which side the KPI's direction
(`KpiSpec.better`) favours. A − B is the kit's one convention: the compare
view, this table, `experiment compare` and the stress test all show it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from .errors import KitError, hint, quoted, shown
from .kpis import check_kpi
from .language import kit_error, resolve, text
from .results import KPIS, SimulationResult

COLUMNS = ("label", "unit", "A", "B", "difference", "relative_difference", "better")


def _kpis_of(side: SimulationResult | Mapping[str, float]) -> Mapping[str, float]:
    return side.kpis if isinstance(side, SimulationResult) else side


def better_side(a: float, b: float, direction: int) -> str:
    """'A' or 'B' for the side the KPI's direction favours, '=' for a tie, '' when undefined or neutral."""
    if direction == 0 or math.isnan(a) or math.isnan(b):
        return ""
    if a == b:
        return "="
    return "B" if (b - a) * direction > 0 else "A"


def kpi_difference(a: SimulationResult | Mapping[str, float], b: SimulationResult | Mapping[str, float],
                   names: Iterable[str] | None = None, language: str | None = None) -> pd.DataFrame:
    """The KPI difference table A − B, one row per KPI (index: KPI name).

    `a` and `b` are results or KPI dicts; `names` picks and orders the KPIs
    (default: all). Columns: label (in `language`, default the session's), unit, A, B, difference
    (A − B), relative_difference ((A − B) / |B|; NaN when B is 0, either
    side is undefined, or the sides have opposite signs, as an NPS of +20
    against −5, where a percentage means nothing) and better ('A', 'B', '='
    or '' for KPIs without a better direction or with an undefined value).
    """
    kpis_a, kpis_b = _kpis_of(a), _kpis_of(b)
    selected = [spec.name for spec in KPIS] if names is None else list(names)
    rows = []
    for name in selected:
        spec = check_kpi(name)
        value_a, value_b = float(kpis_a[name]), float(kpis_b[name])
        difference = value_a - value_b
        relative = difference / abs(value_b) if value_a * value_b > 0 else math.nan
        rows.append((name, spec.label(language), spec.unit, value_a, value_b, difference, relative,
                     better_side(value_a, value_b, spec.better)))
    return pd.DataFrame(rows, columns=("kpi", *COLUMNS)).set_index("kpi")


def yearly_totals(results: Mapping[str, SimulationResult], column: str, language: str | None = None) -> pd.DataFrame:
    """A monthly flow (e.g. 'won', 'churned', 'margin') summed per simulated year, one column per scenario.

    Short-term wins and long-term losses show up here: a strategy can lead
    in year 1 and fall behind by year 3. A table to read: its index is named
    'year' or 'jaar' in the kit's language (code selects rows by number).
    """
    table = {}
    for name, result in results.items():
        monthly = result.monthly
        if column not in monthly:
            raise kit_error(KitError, "error.unknown_column", got=shown(column), hint=hint(column, monthly.columns),
                            names=quoted(monthly.columns))
        table[name] = monthly.groupby((monthly["month"] - 1) // 12 + 1)[column].sum()
    frame = pd.DataFrame(table)
    frame.index.name = text("time.year", resolve(language))
    return frame
