"""Tables written for spreadsheet tools: text that cannot become a formula, and whole files only.

Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`,
`-` or `@` as a formula, and a tab or carriage return at the start can hide
one (CSV or formula injection). A scenario name is typed by a user and ends
up in every row of an experiment, so every text cell the kit writes to a
workbook or CSV goes through `escape_text`, which puts a `'` in front, as
OWASP recommends. A leading `'` is itself escaped the same way, so
`unescape_text` gives back exactly what was written and saved experiments
still load bit for bit. Numbers are never touched.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from pandas.api.types import is_object_dtype, is_string_dtype

from .files import atomic_path

#: When every workbook says it was made (its file properties, its parts' times in the zip): the same tables give
#: the same file, byte for byte, so a checksum or a diff tells whether results changed (ZIP's own first date).
WORKBOOK_TIME = (1980, 1, 1, 0, 0, 0)
_PROPERTY_TIMES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*")

#: A text cell starting with one of these gets a leading quote (a leading quote itself too, when reversible).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
REVERSIBLE_STARTS = (*FORMULA_STARTS, "'")


def escape_cell(value: Any, reversible: bool = True) -> Any:
    """`value` with a `'` in front when a spreadsheet could read it as a formula. `reversible` also escapes a
    leading `'` (the kit's own files load back exactly); files only people read, such as a gradebook, leave
    it, so a name like "'t Hart" stays as typed."""
    starts = REVERSIBLE_STARTS if reversible else FORMULA_STARTS
    return "'" + value if isinstance(value, str) and value.startswith(starts) else value


#: A CSV a trainer opens in a spreadsheet, by the trainer's language: Dutch Excel splits a CSV on ';' and reads
#: '0,5' as a number (a comma-separated file opens there in one column, its scores as text).
CSV_DELIMITERS = {"en": ",", "nl": ";"}
#: Begins a Dutch trainer's CSV file: it tells Excel the file is UTF-8 ('beëindigd', not 'beÃ«indigd'). A script
#: reads such a file with encoding 'utf-8-sig' (pandas strips it by itself).
BOM = "\ufeff"


def csv_number(value: float, language: str, spec: str = "g") -> str:
    """A number as a spreadsheet in `language`'s locale reads it: '0.5' / '0,5' (no thousands separator, and an
    ASCII minus: Excel reads the kit's '−' as text)."""
    shown = format(value, spec)
    return shown.replace(".", ",") if language == "nl" else shown


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]], language: str = "en") -> str:
    """CSV for people who open it in a spreadsheet in `language`'s locale (`CSV_DELIMITERS`, `csv_number` for
    floats, in Dutch after a `BOM`); a text cell that a spreadsheet would run as a formula is escaped, a name like
    "'t Hart" kept."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITERS[language], lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_number(cell, language) if isinstance(cell, float) else escape_cell(cell, reversible=False)
                      for cell in row] for row in rows)
    return (BOM if language == "nl" else "") + buffer.getvalue()


def unescape_cell(value: Any) -> Any:
    """Inverse of `escape_cell`."""
    return value[1:] if isinstance(value, str) and value.startswith("'") else value


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [name for name, dtype in frame.dtypes.items() if is_object_dtype(dtype) or is_string_dtype(dtype)]


def _map_text(frame: pd.DataFrame, function) -> pd.DataFrame:
    columns = _text_columns(frame)
    if not columns:
        return frame
    frame = frame.copy()
    for name in columns:
        frame[name] = frame[name].map(function, na_action="ignore")
    return frame


def escape_text(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells cannot start a formula."""
    return _map_text(frame, escape_cell)


def unescape_text(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` as it was before `escape_text`."""
    return _map_text(frame, unescape_cell)


def write_workbook(path: str | Path, sheets: Mapping[str, pd.DataFrame]) -> Path:
    """One sheet per table (no index column), text escaped, written atomically: an interrupted
    save leaves the previous workbook, never one with sheets missing.

    The workbook is built in memory and not with `with ExcelWriter(...)`: on an error or Ctrl-C that
    block still saves what it has, and openpyxl's complaint about a workbook without sheets would
    replace the KeyboardInterrupt."""
    with atomic_path(path) as temporary:  # also names the file when openpyxl's own scratch files fill the disk
        buffer = io.BytesIO()
        workbook = pd.ExcelWriter(buffer, engine="openpyxl")
        for name, table in sheets.items():
            escape_text(table).to_excel(workbook, sheet_name=name, index=False)
        workbook.close()
        temporary.write_bytes(_timeless(buffer.getvalue()))
    return Path(path)


def _timeless(workbook: bytes) -> bytes:
    """`workbook` (an .xlsx, a zip) with the moment it was saved replaced by `WORKBOOK_TIME`, in its document
    properties and in every part's zip entry; nothing else changes."""
    stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*WORKBOOK_TIME).encode()
    packed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(packed, "w") as target:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "docProps/core.xml":
                data = _PROPERTY_TIMES.sub(lambda found: found.group(1) + stamp, data)
            entry = zipfile.ZipInfo(part.filename, WORKBOOK_TIME)
            entry.external_attr = part.external_attr
            target.writestr(entry, data, compress_type=part.compress_type)
    return packed.getvalue()


def write_csv(path: str | Path, table: pd.DataFrame) -> Path:
    """`table` as CSV (no index column), text escaped, written atomically."""
    with atomic_path(path) as temporary:
        escape_text(table).to_csv(temporary, index=False)
    return Path(path)
