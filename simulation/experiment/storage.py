"""Save an experiment to disk and load it back, so any table or figure can be re-created.

Two forms, chosen by the path:
- a folder: `runs.csv`, `monthly.csv` (and `events.csv` if kept) plus
  `experiment.json`, a sidecar with the kind, every scenario value, the seed,
  the uncertain assumptions, the design settings and the kit's version;
- a `.xlsx` workbook: one sheet per table (runs, monthly, summary, and the
  differences or tornado table where they apply), a sheet holding the same
  sidecar and a last one saying what each column holds (`columns`), for
  managers who live in Excel.
Both load back into an equal `ExperimentResult`: the folder bit for bit, the
workbook to 16 significant digits (what Excel keeps of a number), so the
folder is the form to archive. Parquet would need pyarrow, which the kit does
not otherwise depend on; CSV keeps the files readable.

Both are written whole or not at all (`simulation.files`): the folder as a
new folder with a `manifest.json` that is swapped in, and checked against
that manifest when loaded, so a folder mixed from two saves or cut short is
refused. What is loaded is treated as untrusted (`sidecar`).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..columns import column_sheet
from ..errors import KitError, shown
from ..language import kit_error, resolve
from ..files import atomic_folder, check_replaceable, check_target, parse_document, read_limited, verify_folder, \
    write_text
from ..scenario import ScenarioError
from ..spreadsheets import unescape_text, write_csv, write_workbook
from . import assumptions, sidecar
from .result import ExperimentResult
from .sidecar import TABLES

SIDECAR = "experiment.json"
FORMAT_VERSION = 1
EXCEL_ROWS = 1_048_576
#: The files a folder save writes; an existing folder holding anything else is not replaced.
OWNED = ("runs.csv", "monthly.csv", "events.csv", SIDECAR)
#: Reading limits: the record lists every seed (about 20 bytes each, 1,000,000 runs at most).
MAX_SIDECAR_BYTES = 100_000_000
MAX_WORKBOOK_BYTES = 500_000_000


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
        "warnings": [dataclasses.asdict(overload) for overload in result.overloads],  # optional: older saves lack it
    }


def _tables(result: ExperimentResult) -> dict[str, pd.DataFrame]:
    """The row tables; everything else is computed from them."""
    tables = {"runs": result.runs, "monthly": result.monthly}
    if result.events is not None:
        tables["events"] = result.events
    return tables


def _extra_tables(result: ExperimentResult) -> dict[str, pd.DataFrame]:
    """The summary tables a reader of the workbook wants to see without computing them."""
    tables = {"summary": result.summary()}
    if result.kind == "compare":
        tables["differences"] = result.differences()
    if result.kind == "sensitivity":
        tables["tornado"] = result.tornado()
    return tables


def check_experiment_path(path: str | Path) -> Path:
    """Where an experiment may be saved, checked before it runs: a .xlsx file or a folder (new, or
    holding only an earlier save), inside a folder that exists."""
    if not str(path).strip() or Path(path).suffix.lower() not in ("", ".xlsx"):  # 'OUT.XLSX' is a workbook too
        raise kit_error(ScenarioError, "error.experiment_path", got=shown(str(path)))
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return check_target(path, "experiment_workbook", (".xlsx",))
    check_target(path, "experiment_folder")
    check_replaceable(path, OWNED)
    return path


def save_experiment(result: ExperimentResult, path: str | Path, language: str | None = None) -> Path:
    """Write `result` to a folder of CSV files with a JSON sidecar, or to a `.xlsx` workbook, whose last sheet
    says what each column holds, in `language` (default: the session's). Either is written whole or not at
    all; text cells cannot start a spreadsheet formula."""
    path = check_experiment_path(path)
    sidecar = json.dumps(metadata(result), indent=2, ensure_ascii=False)
    tables = _tables(result)
    if path.suffix.lower() == ".xlsx":
        too_long = [name for name, table in tables.items() if len(table) >= EXCEL_ROWS]
        if too_long:
            raise kit_error(ScenarioError, "error.sheet_rows", table=too_long[0])
        sheets = {**tables, **_extra_tables(result), "experiment": pd.DataFrame({SIDECAR: sidecar.splitlines()})}
        return write_workbook(path, {**sheets, "columns": column_sheet(sheets, resolve(language))})
    with atomic_folder(path, OWNED) as folder:
        for name, table in tables.items():
            write_csv(folder / f"{name}.csv", table)
        write_text(folder / SIDECAR, sidecar + "\n")
    return path


def _read(path: Path) -> tuple[Any, dict[str, pd.DataFrame]]:
    """The record and the row tables, as read (text unescaped), with every limit and check on the way."""
    if path.suffix.lower() == ".xlsx":
        if not path.is_file():
            raise ScenarioError(f"'{path}' is not a plain file (a folder, device or pipe).")
        if path.stat().st_size > MAX_WORKBOOK_BYTES:
            raise ScenarioError(f"'{path}' is larger than {MAX_WORKBOOK_BYTES / 1e6:g} MB; an experiment workbook "
                                f"is at most a million rows. Is it the right file?")
        sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl")
        lines = unescape_text(sheets.pop("experiment"))[SIDECAR].astype(str)
        meta = _record("\n".join(lines).encode("utf-8"), path / "experiment sheet")
        return meta, {name: unescape_text(sheets[name]) for name in TABLES if name in sheets}
    meta = _record(read_limited(path / SIDECAR, MAX_SIDECAR_BYTES, "experiment_record"), path / SIDECAR)
    verify_folder(path, "experiment_folder")
    names = meta["dtypes"] if isinstance(meta.get("dtypes"), dict) else {}
    return meta, {name: unescape_text(pd.read_csv(path / f"{name}.csv")) for name in names if name in TABLES}


def _record(data: bytes, source: Path) -> Any:
    """The parsed record, refused when it is not JSON or of a format this kit does not read."""
    try:
        meta = parse_document(data, ".json", source)
    except KitError as error:
        raise sidecar.Invalid(str(error)) from None
    version = meta.get("format_version") if isinstance(meta, dict) else None
    if version != FORMAT_VERSION:
        raise ScenarioError(f"'{source.parent}' has experiment format {shown(version)}; "
                            f"this version of the kit reads {FORMAT_VERSION}.")
    return meta


def load_experiment(path: str | Path) -> ExperimentResult:
    """Read what `save_experiment` wrote. A missing, foreign, crafted, mixed or truncated file or
    folder gives one clear message and loads nothing."""
    path = Path(path)
    if not path.exists():
        raise ScenarioError(f"Cannot load experiment '{path}': it does not exist.")
    try:
        meta, tables = _read(path)
        scenarios = sidecar.check_record(meta)
        sidecar.check_rows(meta, tables)
        return sidecar.rebuild(meta, tables, scenarios)
    except sidecar.Invalid as error:
        raise ScenarioError(f"'{path}' is not a saved experiment: {error}.") from None
    except KitError as error:
        raise ScenarioError(str(error)) from None
    except FileNotFoundError as error:
        raise ScenarioError(f"Cannot load experiment '{path}': {error.filename} does not exist.") from None
    except (KeyError, ValueError, TypeError, AttributeError, OSError) as error:
        raise ScenarioError(f"'{path}' is not a saved experiment ({shown(error, 200)}).") from None
