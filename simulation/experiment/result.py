"""The outcome of an experiment: flat rows plus everything needed to re-create them.

`runs` has one row per replication (variant, the design's parameter values,
replication number, seed, sampled assumptions, every KPI), `monthly` one row
per replication and month: Mesa-style batch rows, ready for `groupby`. The
summary tables (means with confidence intervals, differences, sweep and
tornado tables) are computed from those rows, so a result loaded from disk
answers every question and redraws every figure the original did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .. import __version__, kpis
from ..language import number, resolve, scenario_name, text
from ..parameters import SPECS
from ..results import KPIS
from ..scenario import Scenario, ScenarioError
from . import stats
from .assumptions import Distribution

KPI_NAMES = tuple(k.name for k in KPIS)
MONTHLY_KEYS = ("variant", "replication")


def check_kpi(kpi: str) -> str:
    """A KPI name, or the kit's one clear message (with "did you mean") for a name that does not exist."""
    return kpis.check_kpi(kpi).name


@dataclass(frozen=True)
class DeskWarning:
    """A desk that ended overloaded in some replications of one variant (see `simulation.model.run.overloads`):
    in how many, and its worst figures over them (the longest queue and the most incidents turned away, each
    the worst of any of those replications)."""

    variant: str
    desk: str  # a role's quote desk ('inside_sales', ...) or 'service'
    waiting: int  # the most requests still waiting at the end
    turned_away: int  # the most incidents turned away (service desk only)
    replications: int  # in how many replications the desk ended overloaded
    of: int  # the replications of the variant

    def text(self, language: str | None = None) -> str:
        """One line, e.g. 'baseline: service desk overloaded in 3 of 30 runs; at worst 2,000 incidents
        waiting, 5,477 turned away'."""
        language = resolve(language)
        counts = dict(variant=scenario_name(self.variant, language), k=self.replications, n=self.of, waiting=number(self.waiting, 0, language))
        if self.desk == "service":
            return text("warning.experiment_service", language, turned_away=number(self.turned_away, 0, language),
                        **counts)
        return text("warning.experiment_quotes", language, role=SPECS[f"organisation.{self.desk}"].label(language),
                    **counts)


@dataclass
class ExperimentResult:
    """Rows of an experiment and the record of how they were made (scenarios, seed, version)."""

    kind: str
    runs: pd.DataFrame
    monthly: pd.DataFrame
    scenarios: dict[str, Scenario]
    seed: int
    uncertain: dict[str, Distribution] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    events: pd.DataFrame | None = None
    version: str = __version__
    overloads: list[DeskWarning] = field(default_factory=list)  # desks that could not cope, per variant

    def side_names(self, language: str) -> dict[str, str]:
        """A comparison's two sides, 'a' and 'b', by name as a reader sees them in `language`."""
        return {side: scenario_name(self.settings[side], language) for side in ("a", "b")}

    @property
    def warnings(self) -> list[str]:
        """What a reader must know before trusting the numbers: one line per variant and overloaded desk (English)."""
        return self.warning_texts("en")

    def warning_texts(self, language: str | None = None) -> list[str]:
        """The warnings in `language`."""
        language = resolve(language)
        return [overload.text(language) for overload in self.overloads]

    @property
    def variants(self) -> list[str]:
        """Variant labels in the order they were run."""
        return list(self.scenarios)

    @property
    def replications(self) -> int:
        """Replications per variant."""
        return int(self.runs.groupby("variant", sort=False).size().max())

    @property
    def design_columns(self) -> list[str]:
        """Columns that describe a variant (swept values, tornado parameter and level)."""
        start, stop = list(self.runs.columns).index("variant") + 1, list(self.runs.columns).index("replication")
        return list(self.runs.columns[start:stop])

    def variant_runs(self, label: str) -> pd.DataFrame:
        """The rows of one variant, ordered by replication."""
        return self.runs[self.runs["variant"] == label].sort_values("replication")

    def summary(self, kpis: Sequence[str] | None = None, level: float = 0.95) -> pd.DataFrame:
        """Per variant and KPI: n, mean, standard deviation and confidence interval."""
        kpis = [check_kpi(k) for k in kpis] if kpis else list(KPI_NAMES)
        return stats.summarise(self.runs, kpis, ["variant", *self.design_columns], level)

    def bands(self, series: str, level: float = 0.95) -> pd.DataFrame:
        """Per variant and month: mean with confidence interval and the 5–95 % spread."""
        if series not in self.monthly.columns or series in MONTHLY_KEYS:
            allowed = ", ".join(c for c in self.monthly.columns if c not in (*MONTHLY_KEYS, "month", "day"))
            raise ScenarioError(f"Unknown monthly series '{series}'. Choose one of: {allowed}.")
        return stats.bands(self.monthly, series, ("variant",), level)

    def _require(self, kind: str) -> None:
        if self.kind != kind:
            raise ScenarioError(f"This table needs a {kind} experiment; this is a {self.kind} experiment.")

    def pair(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Runs of A and of B in a comparison, aligned replication by replication."""
        self._require("compare")
        return self.variant_runs(self.settings["a"]), self.variant_runs(self.settings["b"])

    def differences(self, kpis: Sequence[str] | None = None, level: float = 0.95) -> pd.DataFrame:
        """A − B per KPI with its confidence interval and the chance that A beats B."""
        kpis = [check_kpi(k) for k in kpis] if kpis else list(KPI_NAMES)
        a, b = self.pair()
        return stats.differences(a, b, kpis, paired=self.settings.get("paired", True), level=level)

    def tornado(self, kpi: str | None = None, level: float = 0.95) -> pd.DataFrame:
        """Per parameter: KPI at its low and high value, the paired effect of each against the base
        (with confidence intervals) and the swing, the KPI at the high value minus the KPI at the low value.

        The swing keeps its sign, so a KPI that falls as the assumption rises shows a negative swing (the
        direction is half of what a manager needs to know); the rows are ordered tornado-style by its size,
        the assumption that moves the KPI most first, whichever way."""
        self._require("sensitivity")
        kpi = check_kpi(kpi or self.settings["kpi"])
        base = self.variant_runs("base")
        rows, swings = [], []
        for parameter, (low, high) in self.settings["ranges"].items():
            effects, runs = [], {}
            for level_name in ("low", "high"):
                runs[level_name] = self.variant_runs(f"{parameter} {level_name}")
                effect = stats.differences(runs[level_name], base, [kpi], level=level).iloc[0]
                effects.extend([effect["mean_a"], effect["difference"], effect["ci_low"], effect["ci_high"]])
            rows.append((parameter, low, high, *effects))
            # The swing, paired too (the low and high runs share their seeds): how sure its size and sign are.
            swings.append(stats.differences(runs["high"], runs["low"], [kpi], level=level).iloc[0])
        table = pd.DataFrame(rows, columns=["parameter", "low", "high", "kpi_low", "effect_low", "effect_low_ci_low",
                                            "effect_low_ci_high", "kpi_high", "effect_high", "effect_high_ci_low",
                                            "effect_high_ci_high"])
        table.insert(1, "kpi", kpi)
        table["base"] = stats.mean_ci(base[kpi].to_numpy(dtype=float), level)[1]
        table["swing"] = table["kpi_high"] - table["kpi_low"]
        table["swing_ci_low"] = [swing["ci_low"] for swing in swings]
        table["swing_ci_high"] = [swing["ci_high"] for swing in swings]
        return table.sort_values("swing", ascending=False, kind="stable", key=abs).reset_index(drop=True)
