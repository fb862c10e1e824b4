"""Export a run's results to CSV, Excel or JSON so they can be used and re-created elsewhere.

The Excel workbook carries the scenario and seed on its own sheet: with those
two, `simulate` gives the same numbers again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .results import SimulationResult
from .scenario import ScenarioError

FORMATS = (".csv", ".xlsx", ".json")


def export_result(result: SimulationResult, path: str | Path, language: str = "en") -> Path:
    """Write `result` by suffix: .csv (monthly time series), .xlsx (every table), .json (summary)."""
    path = Path(path)
    if path.suffix not in FORMATS:
        raise ScenarioError(f"Export file '{path}' must end in one of {', '.join(FORMATS)}.")
    if path.suffix == ".json":
        path.write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    elif path.suffix == ".csv":
        result.monthly.to_csv(path, index=False)
    else:
        run_sheet = pd.DataFrame({"field": ["seed", *result.scenario.keys()],
                                  "value": [result.seed, *map(str, result.scenario.values())]})
        with pd.ExcelWriter(path, engine="openpyxl") as workbook:
            run_sheet.to_excel(workbook, sheet_name="scenario", index=False)
            result.kpi_table(language).to_excel(workbook, sheet_name="kpis")
            result.monthly.to_excel(workbook, sheet_name="monthly", index=False)
            result.accounts.to_excel(workbook, sheet_name="accounts", index=False)
            result.leads.to_excel(workbook, sheet_name="leads", index=False)
    return path
