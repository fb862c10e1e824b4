"""What each column of an exported table holds, in the reader's language: a workbook's `columns` sheet.

Column names and codes ('sal', 'loyal', 'prob_a_beats_b') are the kit's own
and the same in every language, so a program reads an English and a Dutch
export alike; this sheet is where a person looks them up. A column is told
by its own text (`column.<sheet>.<name>` where the same name means another
thing on another sheet, else `column.<name>`; the record sheet's one column
is `experiment.json`, so its text is `column.experiment.json`), else as the
KPI, monthly series or parameter it is named after. Units are keys, as on a run's `kpis`
sheet ('share': a fraction, not a percentage).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .errors import quoted
from .language import text
from .model.entities import ACCOUNT_PHASES, DISCIPLINES, LEAD_OPEN_STATES, LEAD_REST_STATES, SIZES
from .parameters import ROLES, SPECS
from .results import KPI_SPECS, series_spec
from .texts import TEXTS

#: The unit of each column with a text of its own that has one (the same keys as a KPI's unit: 'days', '€').
COLUMN_UNITS = {"month": "months", "day": "days", "grade": "grade 1–10", "orders": "orders", "revenue": "€",
                "start": "days", "end": "days", "created": "days", "time": "days", "n": "replications"}

#: The codes a column's text lists, from where the model defines them (a lead's sources and an ending's
#: reasons are written where they happen; a game's market adds the source 'switch', which a run never has).
CODES = {"sizes": SIZES, "phases": ACCOUNT_PHASES, "roles": ROLES, "disciplines": DISCIPLINES,
         "open": LEAD_OPEN_STATES, "resting": ("nurturing",),
         "ended": tuple(s for s in LEAD_REST_STATES if s != "nurturing"),
         "sources": ("campaign", "inbound", "referral", "win_back"), "reasons": ("churned", "ended_by_supplier"),
         "levels": ("base", "low", "high")}
_QUOTED = {name: quoted(codes) for name, codes in CODES.items()}  # as a text lists them, once


def column_label(sheet: str, column: str, language: str) -> tuple[str, str]:
    """The label in `language` and the unit key of `column` on `sheet`; a KeyError for a column nothing tells."""
    for key in (f"column.{sheet}.{column}", f"column.{column}"):
        if key in TEXTS:
            return text(key, language, **_QUOTED), COLUMN_UNITS.get(column, "")
    if sheet == "monthly":
        spec = series_spec(column)
    elif column in KPI_SPECS:
        spec = KPI_SPECS[column]
    else:
        spec = SPECS[column]  # a parameter: a sweep's grid or a sampled assumption
    return spec.label(language), spec.unit


def column_sheet(tables: Mapping[str, pd.DataFrame], language: str) -> pd.DataFrame:
    """Every column of `tables` (sheet name → table) with its label in `language` and its unit."""
    rows = [(sheet, column, *column_label(sheet, column, language))
            for sheet, table in tables.items() for column in table.columns]
    return pd.DataFrame(rows, columns=("sheet", "column", "label", "unit"))
