"""Export a run's results to CSV, Excel or JSON so they can be used and re-created elsewhere.

The Excel workbook carries the scenario, its name and the seed on its own
sheet: with those, `simulate` gives the same numbers again. Every file is
written atomically and text cells cannot start a spreadsheet formula (see
`simulation.spreadsheets`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from .columns import column_label, column_sheet
from .errors import KitError
from .files import check_target, write_text
from .language import kit_error, resolve
from .results import SimulationResult
from .spreadsheets import write_csv, write_workbook

FORMATS = (".csv", ".xlsx", ".json")


def check_export_path(path: str | Path, scenario_file: str | Path | None = None) -> Path:
    """The export path, checked before the run: a name, a known suffix, a folder that exists, and not the
    `scenario_file` the same command saves the scenario to (`run --export F --save-scenario F`): the results
    would silently replace the scenario that re-creates them."""
    checked = check_target(path, "export", FORMATS)
    if scenario_file is not None and _same_file(checked, Path(scenario_file)):
        raise kit_error(KitError, "error.export_is_scenario", path=str(path))
    return checked


def _same_file(one: Path, other: Path) -> bool:
    """Whether two names lead to one file: the same path once resolved ('./r.json', a link), or, when both
    exist, the same file on disk (a name in other letter case on Windows or macOS)."""
    if os.path.normcase(one.resolve()) == os.path.normcase(other.resolve()):
        return True
    return one.exists() and other.exists() and os.path.samefile(one, other)


def _cell(value: object) -> object:
    """A scenario value as the `scenario` sheet keeps it: numbers as numbers, so a spreadsheet can compute with
    them; a yes/no and a choice as the text a scenario file holds ('True', 'honest')."""
    return str(value) if isinstance(value, (bool, str)) else value


def _scenario_sheet(result: SimulationResult, language: str) -> pd.DataFrame:
    """Every scenario value, its name and the seed, with the parameter's label in `language` and its unit: what
    re-creates the run, readable without the parameter table."""
    fields = ["name", "seed", *result.scenario.keys()]
    labels, units = zip(*(column_label("scenario", field, language) for field in fields))
    return pd.DataFrame({"field": fields,
                         "value": [result.scenario.name, result.seed, *map(_cell, result.scenario.values())],
                         "label": labels, "unit": units})


def _kpi_sheet(result: SimulationResult, language: str | None) -> pd.DataFrame:
    """The KPIs with labels in `language`, the bare values and units: a spreadsheet reckons with the numbers (the
    'shown' text, '+14,9', would be escaped for a spreadsheet into a visible "'+14,9")."""
    return result.kpi_table(language).drop(columns="shown").reset_index()


def export_result(result: SimulationResult, path: str | Path, language: str | None = None) -> Path:
    """Write `result` by suffix: .csv (monthly time series), .xlsx (every table, the customer-month panel
    included, a last sheet saying what each column holds, and a first sheet of warnings when a desk was
    overloaded; labels in `language`), .json (summary, warnings included)."""
    language = resolve(language)
    path = check_export_path(path)
    suffix = path.suffix.lower()  # 'R.XLSX' is a workbook too
    if suffix == ".json":
        return write_text(path, json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    if suffix == ".csv":
        return write_csv(path, result.monthly)
    rows = {"monthly": result.monthly, "customer_months": result.customer_months, "accounts": result.accounts,
            "leads": result.leads}
    sheets = {"scenario": _scenario_sheet(result, language), "kpis": _kpi_sheet(result, language), **rows,
              "columns": column_sheet(rows, language)}
    warnings = result.warning_texts(language)
    if warnings:  # first, so a reader of the numbers sees that the company could not cope (overloaded desks)
        sheets = {"warnings": pd.DataFrame({"warning": list(warnings)}), **sheets}
    return write_workbook(path, sheets)
