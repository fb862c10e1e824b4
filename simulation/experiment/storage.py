"""Save an experiment to disk and load it back, so any table or figure can be re-created.

Two forms, chosen by the path:
- a folder: `runs.csv`, `monthly.csv` (and `events.csv` if kept) plus
  `experiment.json`, a sidecar with the kind, every scenario value, the seed,
  the uncertain assumptions, the design settings and the kit's version;
- a `.xlsx` workbook: one sheet per table (runs, monthly, summary, and the
  differences or tornado table where they apply) plus a sheet holding the
  same sidecar, for managers who live in Excel.
Both load back into an equal `ExperimentResult`: the folder bit for bit, the
workbook to 16 significant digits (what Excel keeps of a number), so the
folder is the form to archive. Parquet would need pyarrow, which the kit does
not otherwise depend on; CSV keeps the files readable.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..scenario import Scenario, ScenarioError
from . import assumptions
from .result import ExperimentResult

SIDECAR = "experiment.json"
FORMAT_VERSION = 1
EXCEL_ROWS = 1_048_576


def metadata(result: ExperimentResult) -> dict[str, Any]:
    """Everything about the experiment except its rows."""
    return {
        "format_version": FORMAT_VERSION,
        "kind": result.kind,
        "version": result.version,
        "seed": result.seed,
        "replications": result.replications,
        "scenarios": [{"label": label, "name": s.name, "values": s.to_dict()} for label, s in result.scenarios.items()],
        "seeds": {label: runs["seed"].tolist() for label, runs in result.runs.groupby("variant", sort=False)},
        "uncertain": assumptions.to_record(result.uncertain),
        "settings": result.settings,
        "dtypes": {name: {column: str(dtype) for column, dtype in table.dtypes.items()}
                   for name, table in _tables(result).items()},
    }


def _tables(result: ExperimentResult) -> dict[str, pd.DataFrame]:
    """The row tables; everything else is computed from them."""
    tables = {"runs": result.runs, "monthly": result.monthly}
    if result.events is not None:
        tables["events"] = result.events
    return tables


def _from_metadata(meta: dict[str, Any], tables: dict[str, pd.DataFrame], source: Path) -> ExperimentResult:
    """Rebuild the result; column types come from the sidecar, since a CSV or Excel reader
    guesses them (a money column of whole euros would come back as integers)."""
    if meta.get("format_version") != FORMAT_VERSION:
        raise ScenarioError(f"'{source}' has experiment format {meta.get('format_version')!r}; "
                            f"this version of the kit reads {FORMAT_VERSION}.")
    runs, monthly, events = (tables[name].astype(meta["dtypes"][name]) if name in meta["dtypes"] else None
                             for name in ("runs", "monthly", "events"))
    scenarios = {s["label"]: Scenario(s["values"], name=s["name"]) for s in meta["scenarios"]}
    return ExperimentResult(kind=meta["kind"], runs=runs, monthly=monthly, scenarios=scenarios, seed=meta["seed"],
                            uncertain=assumptions.from_record(meta["uncertain"]), settings=meta["settings"],
                            events=events, version=meta["version"])


def _extra_tables(result: ExperimentResult) -> dict[str, pd.DataFrame]:
    """The summary tables a reader of the workbook wants to see without computing them."""
    tables = {"summary": result.summary()}
    if result.kind == "compare":
        tables["differences"] = result.differences()
    if result.kind == "sensitivity":
        tables["tornado"] = result.tornado()
    return tables


def save_experiment(result: ExperimentResult, path: str | Path) -> Path:
    """Write `result` to a folder of CSV files with a JSON sidecar, or to a `.xlsx` workbook."""
    path = Path(path)
    sidecar = json.dumps(metadata(result), indent=2, ensure_ascii=False)
    tables = _tables(result)
    if path.suffix == ".xlsx":
        too_long = [name for name, table in tables.items() if len(table) >= EXCEL_ROWS]
        if too_long:
            raise ScenarioError(f"The {too_long[0]} table has more rows than an Excel sheet holds; "
                                f"save the experiment to a folder instead.")
        with pd.ExcelWriter(path, engine="openpyxl") as workbook:
            for name, table in {**tables, **_extra_tables(result)}.items():
                table.to_excel(workbook, sheet_name=name, index=False)
            pd.DataFrame({"experiment.json": sidecar.splitlines()}).to_excel(workbook, sheet_name="experiment",
                                                                            index=False)
        return path
    if path.suffix:
        raise ScenarioError(f"Save an experiment to a folder (no suffix) or a .xlsx file. Got '{path}'.")
    path.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table.to_csv(path / f"{name}.csv", index=False)
    (path / SIDECAR).write_text(sidecar + "\n", encoding="utf-8")
    return path


def load_experiment(path: str | Path) -> ExperimentResult:
    """Read what `save_experiment` wrote; a missing or foreign file gives one clear message."""
    path = Path(path)
    try:
        if path.suffix == ".xlsx":
            sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl")
            meta = json.loads("\n".join(sheets.pop("experiment")["experiment.json"].astype(str)))
            return _from_metadata(meta, sheets, path)
        meta = json.loads((path / SIDECAR).read_text(encoding="utf-8"))
        tables = {name: pd.read_csv(path / f"{name}.csv") for name in meta["dtypes"]}
        return _from_metadata(meta, tables, path)
    except ScenarioError:
        raise
    except FileNotFoundError as error:
        raise ScenarioError(f"Cannot load experiment '{path}': {error.filename} does not exist.") from None
    except (KeyError, ValueError) as error:
        raise ScenarioError(f"'{path}' is not a saved experiment ({error}).") from None
