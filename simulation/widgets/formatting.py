"""KPI values as a student reads them, and the small HTML tables the panels show.

A KPI table full of `3.078150e-01` teaches nothing; a panel shows "30.8%",
"€5,985,801", "36.1 days" instead, with the decimal comma and thousands dot in
Dutch. Differences between two scenarios get a sign, and shares differ in
percentage points, not percent.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from ..comparison import kpi_difference
from ..kpis import check_kpi
from ..plots.style import format_count, kpi_unit, text
from ..results import KPIS, SimulationResult
from .language import resolve, ui

# What the relative-size word of a share difference is in each language.
_POINTS = {"en": " pp", "nl": " %-punt"}


def _number(value: float, decimals: int, language: str, signed: bool = False) -> str:
    digits = f"{value:{'+' if signed else ''},.{decimals}f}"
    if language == "nl":
        digits = digits.translate(str.maketrans(",.", ".,"))
    return digits.replace("-", "−")


def format_kpi(value: float, unit: str, language: str, signed: bool = False) -> str:
    """One KPI value (or, with `signed`, a difference) with its unit, e.g. '30.8%', '€5,985,801', '+2.1 pp'."""
    if value is None or math.isnan(value):
        return text("compare.missing", language)
    if unit.startswith("share"):
        suffix = _POINTS[language] if signed else kpi_unit(unit, language) if unit != "share" else "%"
        return _number(100 * value, 1, language, signed) + suffix
    if unit.startswith("€"):
        sign = ("+" if value > 0 else "−" if value < 0 else "") if signed else "−" if value < 0 else ""
        amount = sign + ("€" if language == "en" else "€ ") + format_count(abs(value), language)
        return amount + kpi_unit(unit, language).removeprefix("€")
    if unit == "−100…+100":
        return _number(value, 1, language, signed=True)
    if unit == "grade 1–10":
        return _number(value, 2, language, signed)
    if unit == "×":
        return _number(value, 1, language, signed) + "×"
    if float(value).is_integer() and not signed:
        return f"{format_count(value, language)} {kpi_unit(unit, language)}"
    return f"{_number(value, 0 if float(value).is_integer() else 1, language, signed)} {kpi_unit(unit, language)}"


def format_relative(relative: float, language: str) -> str:
    """A relative difference as a signed percentage, or 'n/a'."""
    if math.isnan(relative):
        return text("compare.missing", language)
    return _number(100 * relative, 1, language, signed=True) + "%"


def html_table(headers: list[str], rows: list[list[str]]) -> str:
    """A compact striped HTML table; every column after the first is right-aligned (numbers)."""
    cell = "padding:2px 10px;border-bottom:1px solid #ddd;"

    def row(cells: list[str], tag: str, shade: bool) -> str:
        background = "background:#f4f4f4;" if shade else ""
        parts = [f'<{tag} style="{cell}text-align:{"left" if i == 0 else "right"};{background}">'
                 f"{html.escape(c)}</{tag}>" for i, c in enumerate(cells)]
        return "<tr>" + "".join(parts) + "</tr>"

    body = "".join(row(cells, "td", i % 2 == 1) for i, cells in enumerate(rows))
    return (f'<table style="border-collapse:collapse;font-size:0.95em;margin:4px 0">'
            f"<thead>{row(headers, 'th', False)}</thead><tbody>{body}</tbody></table>")


def kpi_rows(result: SimulationResult, kpis: list[str], language: str) -> list[list[str]]:
    """Rows (label, formatted value) of the chosen KPIs of one run."""
    rows = []
    for name in kpis:
        spec = check_kpi(name)
        rows.append([spec.label(language), format_kpi(result.kpis[name], spec.unit, language)])
    return rows


def kpi_html(result: SimulationResult, kpis: list[str], language: str) -> str:
    """The KPI table of one run as HTML."""
    return html_table([ui("kpi", language), ui("value", language)], kpi_rows(result, kpis, language))


def difference_rows(table: pd.DataFrame, names: tuple[str, str], language: str) -> list[list[str]]:
    """Rows of a `kpi_difference` table, formatted; 'better' shows the winning scenario's name."""
    winner = {"A": names[0], "B": names[1], "=": ui("same", language), "": ""}
    return [[row.label, format_kpi(row.A, row.unit, language), format_kpi(row.B, row.unit, language),
             format_kpi(row.difference, row.unit, language, signed=True),
             format_relative(row.relative_difference, language), winner[row.better]]
            for row in table.itertuples()]


def difference_headers(names: tuple[str, str], language: str) -> list[str]:
    return [ui("kpi", language), f"A: {names[0]}", f"B: {names[1]}", ui("difference", language),
            ui("relative", language), ui("better", language)]


def difference_html(a: SimulationResult, b: SimulationResult, kpis: list[str], names: tuple[str, str],
                    language: str) -> str:
    """The KPI difference table of B against A as HTML, headed by the scenarios' names."""
    table = kpi_difference(a, b, kpis, language)
    return html_table(difference_headers(names, language), difference_rows(table, names, language))


def kpi_summary(result: SimulationResult, kpis: list[str] | None = None, language: str | None = None) -> pd.DataFrame:
    """The KPIs of one run as a readable table (formatted text), for printing in a lesson."""
    language = resolve(language)
    names = kpis or [spec.name for spec in KPIS]
    table = pd.DataFrame(kpi_rows(result, names, language), columns=[ui("kpi", language), ui("value", language)])
    return table.set_index(ui("kpi", language))


def difference_summary(a: SimulationResult, b: SimulationResult, kpis: list[str] | None = None,
                       names: tuple[str, str] = ("A", "B"), language: str | None = None) -> pd.DataFrame:
    """The KPI difference table of B against A as readable text, for printing in a lesson."""
    language = resolve(language)
    table = kpi_difference(a, b, kpis, language)
    headers = difference_headers(names, language)
    return pd.DataFrame(difference_rows(table, names, language), columns=headers).set_index(headers[0])
