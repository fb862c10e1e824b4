"""Export a run's results to CSV, Excel or JSON so they can be used and re-created elsewhere.

The Excel workbook carries the scenario, its name and the seed on its own
sheet: with those, `simulate` gives the same numbers again. Every file is
written atomically and text cells cannot start a spreadsheet formula (see
`simulation.spreadsheets`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .files import check_target, write_text
from .language import resolve
from .results import SimulationResult
from .spreadsheets import write_csv, write_workbook

FORMATS = (".csv", ".xlsx", ".json")


def check_export_path(path: str | Path) -> Path:
    """The export path, checked before the run: a name, a known suffix, a folder that exists."""
    return check_target(path, "export", FORMATS)


def export_result(result: SimulationResult, path: str | Path, language: str | None = None) -> Path:
    """Write `result` by suffix: .csv (monthly time series), .xlsx (every table, the customer-month panel
    included, and a first sheet of warnings when a desk was overloaded), .json (summary, warnings included)."""
    language = resolve(language)
    path = check_export_path(path)
    if path.suffix == ".json":
        return write_text(path, json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    if path.suffix == ".csv":
        return write_csv(path, result.monthly)
    run_sheet = pd.DataFrame({"field": ["name", "seed", *result.scenario.keys()],
                              "value": [result.scenario.name, result.seed, *map(str, result.scenario.values())]})
    sheets = {"scenario": run_sheet, "kpis": result.kpi_table(language).reset_index(), "monthly": result.monthly,
              "customer_months": result.customer_months, "accounts": result.accounts, "leads": result.leads}
    warnings = result.warning_texts(language)
    if warnings:  # first, so a reader of the numbers sees that the company could not cope (overloaded desks)
        sheets = {"warnings": pd.DataFrame({"warning": list(warnings)}), **sheets}
    return write_workbook(path, sheets)
