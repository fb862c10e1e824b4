"""Overview figures: a four-panel dashboard of one run and KPI bars comparing named scenarios.

The widget panels redraw these after every run, so they draw few artists
and reuse a figure passed in (`fig`) instead of opening new ones.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from ..errors import KitError
from ..kpis import check_kpi, check_kpis
from ..language import axis_unit, format_value, text, unit_kind
from ..results import SimulationResult
from .money import revenue_cost_margin
from .single_run import funnel_chart, nps_breakdown, relationship_phases
from .style import INK, euro_axis, finish, percent_axis, sequential

HATCHES = ("", "//", "..", "xx", "\\\\", "oo")


def _blank(fig: Figure | None, size: tuple[float, float], layout: str | None = "constrained") -> Figure:
    """The figure given (cleared, so a widget can redraw into it) or a new pyplot-free one."""
    if fig is None:
        return Figure(figsize=size, layout=layout)
    fig.clear()
    fig.set_layout_engine(layout)
    return fig


def dashboard(result: SimulationResult, language: str = "en", *, fig: Figure | None = None) -> Figure:
    """Funnel, relationship cycle, NPS and money of one run in one figure: the four things to check first."""
    figure = _blank(fig, (12.0, 7.5), layout=None)  # fixed margins: a layout engine doubles the drawing time
    axes = figure.subplots(2, 2, gridspec_kw=dict(left=0.07, right=0.98, bottom=0.07, top=0.9, wspace=0.25,
                                                  hspace=0.4))
    funnel_chart(result, language, ax=axes[0, 0])
    relationship_phases(result, language, ax=axes[0, 1])
    nps_breakdown(result, language, ax=axes[1, 0])
    revenue_cost_margin(result, language, ax=axes[1, 1])
    figure.suptitle(text("dashboard.title", language, years=result.scenario["run.years"], seed=result.seed),
                    fontweight="bold")
    return figure


def compare_bars(results: Mapping[str, SimulationResult], kpis: Sequence[str], language: str = "en", *,
                 fig: Figure | None = None) -> Figure:
    """Chosen KPIs of several named scenarios side by side, one panel per KPI (KPIs differ in unit)."""
    if not results:
        raise KitError("The 'results' argument must hold at least one named SimulationResult.")
    kpis = check_kpis(kpis)
    columns = min(3, len(kpis))
    rows = math.ceil(len(kpis) / columns)
    figure = _blank(fig, (3.8 * columns, 3.3 * rows))
    names = list(results)
    colours = sequential(len(names))
    hatches = [HATCHES[i % len(HATCHES)] for i in range(len(names))]
    tilt = 25 if len(names) > 3 or max(len(n) for n in names) > 10 else 0
    for i, kpi in enumerate(kpis):
        spec = check_kpi(kpi)
        ax = figure.add_subplot(rows, columns, i + 1)
        values = [results[name].kpis[kpi] for name in names]
        heights = [0.0 if math.isnan(v) else v for v in values]
        bars = ax.bar(names, heights, color=colours, hatch=hatches, edgecolor=INK, linewidth=0.6)
        ax.bar_label(bars, [format_value(v, spec.unit, language, compact=True) for v in values], fontsize="small", padding=2)
        ax.axhline(0.0, color="black", linewidth=0.8)
        ax.margins(y=0.18)
        if spec.unit.startswith("€"):
            euro_axis(ax.yaxis, language)
        elif unit_kind(spec.unit) == "percent":
            percent_axis(ax.yaxis, language)
        ax.tick_params(axis="x", labelrotation=tilt)
        finish(ax, spec.label(language), "", axis_unit(spec.unit, language), legend=False)
    figure.suptitle(text("compare.title", language), fontweight="bold")
    return figure
