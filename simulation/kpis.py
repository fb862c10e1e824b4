"""The one check of a KPI name, wherever a user types one: a panel's table, a comparison, a bar chart.

An unknown KPI is a user mistake like an unknown parameter, so it is a
`ScenarioError` whose message can be shown as is: it names the closest KPIs
(a typo such as 'win_rat') and lists every KPI, the same on every face of the kit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import hint, quoted, shown
from .language import kit_error
from .results import KPI_SPECS, KpiSpec
from .scenario import ScenarioError


def check_kpi(name: Any) -> KpiSpec:
    """The KPI's spec (label, unit, better direction), or a ScenarioError naming the closest KPIs."""
    if isinstance(name, str) and name in KPI_SPECS:
        return KPI_SPECS[name]
    raise kit_error(ScenarioError, "error.unknown_kpi", got=shown(name), names=quoted(KPI_SPECS),
                    hint=hint(name, KPI_SPECS))


def check_kpis(names: Iterable[Any]) -> list[str]:
    """The KPI names, at least one and each checked, so a typo is caught when a panel or figure is made."""
    checked = [check_kpi(name).name for name in names]
    if not checked:
        raise kit_error(ScenarioError, "error.no_kpis")
    return checked
