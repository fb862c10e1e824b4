"""An experiment's answers as a manager reads them: formatted text in English or Dutch.

`ExperimentResult` gives the numbers (`summary`, `differences`, `tornado`)
for analysis and exports; these tables give the same answers as text for a
person ('€ 1.234.567', '+31,9', '85 %', '12–30 % per jaar'), with the KPIs',
parameters' and presets' labels in the language asked for, and no seeds
(those stay in `result.runs` and the exports). The stress-test panel,
lesson 08 and `python -m simulation experiment … --language nl` all show
these tables, so a comparison reads the same in every face.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..language import format_value, missing, percent, range_said_once, resolve, scenario_name, text, value_range
from ..parameters import SPECS
from ..results import KPI_SPECS
from . import stats
from .result import ExperimentResult, check_kpi


def interval(low: float, high: float, unit: str, language: str, signed: bool = False, short: bool = False) -> str:
    """A confidence interval as a range of two values with their unit: '€2,522,267 – €3,099,553'; 'n/a' (once)
    when there is none, as for a single replication. `short`, for a panel's narrow table: euros compact
    ('€3.8M – €4.5M'), other units said once ('−23.6 – −15.2 deals')."""
    if math.isnan(low) or math.isnan(high):
        return missing(language)
    if short and unit.startswith("€"):
        return value_range(*(format_value(v, unit, language, compact=True) for v in (low, high)))
    shown = (format_value(v, unit, language, signed=signed) for v in (low, high))
    return range_said_once(*shown) if short else value_range(*shown)


def _chance(row: Any, language: str) -> str:
    """The share of runs in which A is better (a tie counts half), or 'equal' where every pair tied: a scenario
    against itself is not 'better in 50 % of the runs'. For a KPI with no better direction (a forecast error is
    as bad too high as too low) the share is of runs in which A is higher, and the cell says so."""
    if row.ci_low == row.ci_high == row.difference == 0:
        return text("panel.same", language)
    share = percent(row.prob_a_beats_b, language, decimals=0)
    return share if KPI_SPECS[row.kpi].better else text("stress.chance_higher", language, share=share)


def chance_table(result: ExperimentResult, kpis: Sequence[str] = ("margin", "nps"),
                 language: str | None = None) -> pd.DataFrame:
    """A comparison per KPI: both means, A − B with its 95 % interval, and the share of runs in which A is
    better, in the session's language unless given."""
    language = resolve(language)
    rows = []
    for row in result.differences([check_kpi(k) for k in kpis]).itertuples():
        unit = KPI_SPECS[row.kpi].unit
        rows.append([KPI_SPECS[row.kpi].label(language), format_value(row.mean_a, unit, language),
                     format_value(row.mean_b, unit, language), format_value(row.difference, unit, language, signed=True),
                     interval(row.ci_low, row.ci_high, unit, language, signed=True),
                     _chance(row, language)])
    names = result.side_names(language)
    headers = [text("panel.kpi", language), f"A: {names['a']}", f"B: {names['b']}", "A − B",
               text("stress.interval", language), text("stress.chance", language)]
    return pd.DataFrame(rows, columns=headers).set_index(headers[0])


def means_table(result: ExperimentResult, kpis: Sequence[str] = ("margin", "nps"),
                language: str | None = None) -> pd.DataFrame:
    """Per scenario (or per point of a sweep, its values as the panels show them) and KPI: the mean and its
    95 % confidence interval; a sweep's points also against the first, paired (`_against_first`)."""
    language = resolve(language)
    swept = list(result.settings.get("parameters", [])) if result.kind == "sweep" else []
    summary = result.summary([check_kpi(k) for k in kpis])
    headers = ([SPECS[name].label(language) for name in swept] or [text("panel.scenario", language)]) + [
        text("panel.kpi", language), text("sweep.mean", language), text("sweep.ci", language)]
    if swept:
        headers.append(text("sweep.against_first", language))
        first = result.variants[0]
        runs = {variant: result.variant_runs(variant) for variant in result.variants}
    rows = []
    for row in summary.to_dict(orient="records"):
        unit = KPI_SPECS[row["kpi"]].unit
        where = ([SPECS[name].value_text(row[name], language) for name in swept]
                 or [scenario_name(row["variant"], language)])
        rows.append([*where, KPI_SPECS[row["kpi"]].label(language), format_value(row["mean"], unit, language),
                     interval(row["ci_low"], row["ci_high"], unit, language)])
        if swept:
            rows[-1].append(text("sweep.first", language) if row["variant"] == first else
                            _against_first(runs[row["variant"]], runs[first], row["kpi"], language))
    return pd.DataFrame(rows, columns=headers).set_index(headers[0])


def _against_first(runs: pd.DataFrame, first_runs: pd.DataFrame, kpi: str, language: str) -> str:
    """A sweep point's mean minus the first point's, with the 95 % interval of the paired differences: every point
    runs on the same seeds, so the pairs show a difference that the points' own overlapping intervals hide."""
    row = stats.differences(runs, first_runs, [kpi]).iloc[0]
    if math.isnan(row.difference):  # the KPI has no value in these runs: said once, not 'n/a (n/a)'
        return missing(language)
    unit = KPI_SPECS[kpi].unit
    return text("sweep.difference", language, difference=format_value(row.difference, unit, language, signed=True),
                interval=interval(row.ci_low, row.ci_high, unit, language, signed=True))


def tornado_table(result: ExperimentResult, kpi: str | None = None, language: str | None = None) -> pd.DataFrame:
    """Per assumption, the one that moves the KPI most first: its range, the KPI's mean at its low and at its
    high value, and the swing between them: high − low with its sign, so a KPI that falls as the assumption
    rises reads as a fall (a difference: shares in percentage points), with its paired 95 % interval (an
    interval across zero: the order of the rows may be noise)."""
    language = resolve(language)
    table = result.tornado(kpi)
    spec = KPI_SPECS[table["kpi"].iloc[0]]
    label = spec.label(language)
    rows = [[SPECS[r.parameter].label(language), SPECS[r.parameter].range_text(r.low, r.high, language),
             format_value(r.kpi_low, spec.unit, language), format_value(r.kpi_high, spec.unit, language),
             format_value(r.swing, spec.unit, language, signed=True),
             interval(r.swing_ci_low, r.swing_ci_high, spec.unit, language, signed=True)] for r in table.itertuples()]
    headers = [text("tornado.parameter", language), text("experiment.range", language),
               text("experiment.at_low", language, kpi=label), text("experiment.at_high", language, kpi=label),
               text("experiment.swing", language), text("experiment.swing_ci", language)]
    return pd.DataFrame(rows, columns=headers).set_index(headers[0])


def runs_table(result: ExperimentResult, columns: Sequence[str] = (), language: str | None = None,
               rows: int = 8) -> pd.DataFrame:
    """The first `rows` runs of an experiment: the sampled assumptions and the KPIs, in the session's language
    unless given."""
    language = resolve(language)
    columns = list(columns) or [*result.uncertain, "margin", "nps"]
    shown = result.runs.head(rows)
    table = pd.DataFrame(index=pd.MultiIndex.from_arrays(
        [[scenario_name(v, language) for v in shown["variant"]], shown["replication"] + 1],
        names=[text("panel.scenario", language), text("panel.run_number", language)]))
    for column in columns:
        if column in SPECS:
            spec = SPECS[column]  # drawn from a range: at the slider's precision
            table[spec.label(language)] = [spec.value_text(v, language, exact=False) for v in shown[column]]
        else:
            spec = KPI_SPECS[check_kpi(column)]
            table[spec.label(language)] = [format_value(v, spec.unit, language) for v in shown[column]]
    return table
