"""The small HTML tables the panels show and their DataFrame twins for a lesson's cells.

A KPI table full of `3.078150e-01` teaches nothing; every value goes through
`simulation.language.format_value` ("30.8%" / "30,8 %", "€5,985,801" /
"€ 5.985.801"). Differences between two scenarios are A − B, with a sign, and
shares differ in percentage points.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

import pandas as pd

from ..comparison import kpi_difference
from ..experiment.stats import beats, differences
from ..experiment.tables import interval
from ..kpis import check_kpi
from ..language import EN_DASH, format_value, missing, percent, resolve, text, value_range
from ..results import KPIS, SimulationResult

KpiValues = Mapping[str, float]  # one replication's KPIs


def format_relative(relative: float, language: str) -> str:
    """A relative difference as a signed percentage ('+12.5%' / '+12,5 %'), or 'n/a'."""
    return missing(language) if math.isnan(relative) else percent(relative, language, signed=True)


def html_table(headers: list[str], rows: list[list[str]]) -> str:
    """A compact striped HTML table; every column after the first is right-aligned (numbers).

    Values never break inside (a number broken over two lines misreads), a range only after its dash (a 20-year
    run's '€ +37.474.989 – € +136.754.983' would push the table over the figure beside it); headers may
    wrap, to keep the table narrow enough to sit beside the figure.
    """
    cell = "padding:1px 3px;line-height:1.35;border-bottom:1px solid #ddd;"

    def shown(value: str) -> tuple[str, str]:
        """A value cell's HTML and how it may wrap: a range after its dash only, anything else not at all."""
        ends = value.split(f" {EN_DASH} ")
        if len(ends) != 2:
            return html.escape(value), "white-space:nowrap;"
        return (f'<span style="white-space:nowrap">{html.escape(ends[0])} {EN_DASH}</span> '
                f'<span style="white-space:nowrap">{html.escape(ends[1])}</span>'), "white-space:normal;"

    def row(cells: list[str], tag: str, shade: bool) -> str:
        background = "background:#f4f4f4;" if shade else ""
        parts = []
        for i, value in enumerate(cells):
            content, wrap = ((html.escape(value), "white-space:normal;vertical-align:bottom;") if tag == "th"
                             else shown(value))
            parts.append(f'<{tag} style="{cell}{wrap}text-align:{"left" if i == 0 else "right"};{background}">'
                         f"{content}</{tag}>")
        return "<tr>" + "".join(parts) + "</tr>"

    body = "".join(row(cells, "td", i % 2 == 1) for i, cells in enumerate(rows))
    return (f'<table style="border-collapse:collapse;font-size:0.9em;margin:2px 0">'
            f"<thead>{row(headers, 'th', False)}</thead><tbody>{body}</tbody></table>")


def kpi_rows(result: SimulationResult, kpis: list[str], language: str) -> list[list[str]]:
    """Rows (label, formatted value) of the chosen KPIs of one run."""
    rows = []
    for name in kpis:
        spec = check_kpi(name)
        rows.append([spec.label(language), format_value(result.kpis[name], spec.unit, language)])
    return rows


def spread_cells(runs: Sequence[KpiValues], kpis: list[str], language: str) -> list[str]:
    """Per KPI the lowest and highest value over the replications ('€4.1M – €6.0M'); '…' while one run."""
    if len(runs) < 2:
        return [text("panel.pending", language)] * len(kpis)
    frame = pd.DataFrame(list(runs))
    cells = []
    for name in kpis:
        unit = check_kpi(name).unit
        cells.append(value_range(*(format_value(frame[name].min() if low else frame[name].max(), unit, language,
                                                compact=unit.startswith("€")) for low in (True, False))))
    return cells


def kpi_html(result: SimulationResult, kpis: list[str], language: str,
             runs: Sequence[KpiValues] | None = None, planned: int | None = None) -> str:
    """The KPI table of one run as HTML; with `runs` (KPIs per replication, `planned` of them in the end)
    also their lowest–highest."""
    headers, rows = [text("panel.kpi", language), text("panel.value", language)], kpi_rows(result, kpis, language)
    if runs is not None:
        headers.append(text("panel.spread", language, n=planned or len(runs)))
        rows = [row + [cell] for row, cell in zip(rows, spread_cells(runs, kpis, language))]
    return html_table(headers, rows)


def difference_rows(table: pd.DataFrame, names: tuple[str, str], language: str) -> list[list[str]]:
    """Rows of a `kpi_difference` table, formatted; 'better' shows the winning scenario's name."""
    winner = {"A": "A", "B": "B", "=": text("panel.same", language), "": ""}  # the headers name A and B
    return [[row.label, format_value(row.A, row.unit, language), format_value(row.B, row.unit, language),
             format_value(row.difference, row.unit, language, signed=True),
             format_relative(row.relative_difference, language), winner[row.better]]
            for row in table.itertuples()]


def difference_headers(names: tuple[str, str], language: str) -> list[str]:
    return [text("panel.kpi", language), f"A: {names[0]}", f"B: {names[1]}", text("panel.difference", language),
            text("panel.relative", language), text("panel.better", language)]


def uncertainty_cells(runs_a: Sequence[KpiValues], runs_b: Sequence[KpiValues], kpis: list[str],
                      language: str) -> list[list[str]] | None:
    """Per KPI over paired replications: the 95 % interval of A − B and in how many runs A was better
    ('9 of 10'); None while there is only one run."""
    if min(len(runs_a), len(runs_b)) < 2:
        return None
    frame_a, frame_b = pd.DataFrame(list(runs_a))[kpis], pd.DataFrame(list(runs_b))[kpis]
    rows = []
    for row in differences(frame_a, frame_b, kpis).itertuples():
        spec = check_kpi(row.kpi)
        better = int((beats(frame_a[row.kpi].to_numpy(), frame_b[row.kpi].to_numpy(), row.kpi) == 1).sum())
        said = "panel.k_of_n" if spec.better else "panel.k_of_n_higher"  # a KPI with no better side: higher
        rows.append([interval(row.ci_low, row.ci_high, spec.unit, language, signed=True, short=True),
                     text(said, language, k=better, n=len(frame_a))])
    return rows


def difference_html(a: SimulationResult, b: SimulationResult, kpis: list[str], names: tuple[str, str],
                    language: str, runs: tuple[Sequence[KpiValues], Sequence[KpiValues]] | None = None) -> str:
    """The KPI difference table, A − B, as HTML, headed by the scenarios' names.

    Without the relative column (it is in `difference_summary`): the panel's table must fit beside the figure.
    With `runs` (each side's KPIs per replication, pair by pair) the 'better' column gives way to how sure
    we are: in how many runs A was better ('…' until there are runs), and once there are, the difference
    becomes its 95 % interval over the runs (both would not fit beside the figure).
    """
    table = kpi_difference(a, b, kpis, language)
    drop = 4  # the column 'relative to B'
    rows = [cells[:drop] + cells[drop + 1:] for cells in difference_rows(table, names, language)]
    headers = difference_headers(names, language)
    headers = headers[:drop] + headers[drop + 1:]
    if runs is not None:
        sure = uncertainty_cells(*runs, kpis, language)
        if sure is None:
            rows = [cells[:-1] + [text("panel.pending", language)] for cells in rows]
        else:
            rows = [cells[:3] + extra for cells, extra in zip(rows, sure)]
            headers[3] = text("panel.difference_interval", language)
        headers[-1] = text("panel.a_better", language)
    return html_table(headers, rows)


def kpi_summary(result: SimulationResult, kpis: list[str] | None = None, language: str | None = None) -> pd.DataFrame:
    """The KPIs of one run as a readable table (formatted text), for printing in a lesson."""
    language = resolve(language)
    names = kpis or [spec.name for spec in KPIS]
    table = pd.DataFrame(kpi_rows(result, names, language), columns=[text("panel.kpi", language), text("panel.value", language)])
    return table.set_index(text("panel.kpi", language))


def difference_summary(a: SimulationResult, b: SimulationResult, kpis: list[str] | None = None,
                       names: tuple[str, str] = ("A", "B"), language: str | None = None) -> pd.DataFrame:
    """The KPI difference table, A − B, as readable text, for printing in a lesson."""
    language = resolve(language)
    table = kpi_difference(a, b, kpis, language)
    headers = difference_headers(names, language)
    return pd.DataFrame(difference_rows(table, names, language), columns=headers).set_index(headers[0])
