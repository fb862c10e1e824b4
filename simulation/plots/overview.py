"""Overview figures: a four-panel dashboard of one run and KPI bars comparing named scenarios.

The widget panels redraw these after every run, so they draw few artists
and reuse a figure passed in (`fig`) instead of opening new ones.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from ..errors import KitError
from ..kpis import check_kpi, check_kpis
from ..language import axis_unit, format_value, kit_error, resolve, text
from ..results import SimulationResult
from .money import revenue_cost_margin
from .single_run import funnel_chart, nps_breakdown, relationship_phases
from .style import INK, PANEL_WIDTH, SMALL, finish, sequential, unit_axis

#: How far the dashboard's line figures reach above their data: room for the legend, clear of the lines.
DASHBOARD_HEADROOM = 2.1

HATCHES = ("", "//", "..", "xx", "\\\\", "oo")


def _blank(fig: Figure | None, size: tuple[float, float], layout: str | None = "constrained") -> Figure:
    """The figure given (cleared, so a widget can redraw into it) or a new pyplot-free one."""
    if fig is None:
        return Figure(figsize=size, layout=layout)
    fig.clear()
    fig.set_layout_engine(layout)
    return fig


def dashboard(result: SimulationResult, language: str | None = None, *, fig: Figure | None = None) -> Figure:
    """Funnel, relationship cycle, NPS and money of one run in one figure: the four things to check first."""
    language = resolve(language)
    figure = _blank(fig, (6.2, 5.8), layout=None)  # fixed margins: a layout engine is twice as slow
    axes = figure.subplots(2, 2, gridspec_kw=dict(left=0.12, right=0.98, bottom=0.08, top=0.86, wspace=0.42,
                                                  hspace=0.72))
    funnel_chart(result, language, ax=axes[0, 0])
    relationship_phases(result, language, ax=axes[0, 1])
    nps_breakdown(result, language, ax=axes[1, 0])
    revenue_cost_margin(result, language, ax=axes[1, 1])
    for ax in axes.flat:  # four figures in one panel-sized figure: smaller (still ≥ 12 px) text, titles wrapped
        ax.set_title(textwrap.fill(ax.get_title(), 30), fontsize=10)
        ax.xaxis.label.set_fontsize(SMALL)
        ax.yaxis.label.set_fontsize(SMALL)
        ax.tick_params(labelsize=SMALL)
    for tick in axes[0, 0].get_xticklabels():  # the funnel's stage names slanted, each ending under its own bar
        tick.set(rotation=30, ha="right", rotation_mode="anchor")
    for ax in (axes[0, 1], axes[1, 1]):  # the legend in headroom above the lines, not over them, its entries
        ax.set_ylim(top=ax.get_ylim()[1] * DASHBOARD_HEADROOM)  # named short (the money and phase figures say more)
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(handles, [re.split(r":| \(", label)[0] for label in labels], loc="upper left", fontsize=SMALL,
                  framealpha=0.9, edgecolor="none", handlelength=1.5, borderaxespad=0.2)
    if axes[1, 0].get_legend() is not None:  # the NPS groups one under the other: side by side they ran into the
        axes[1, 0].legend(frameon=False, fontsize=SMALL, loc="lower left", borderaxespad=0.1)  # money's axis label
    figure.suptitle(text("dashboard.title", language, years=result.scenario["run.years"], seed=result.seed),
                    fontweight="bold")
    return figure


def compare_bars(results: Mapping[str, SimulationResult], kpis: Sequence[str], language: str | None = None, *,
                 fig: Figure | None = None) -> Figure:
    """Chosen KPIs of several named scenarios side by side, one panel per KPI (KPIs differ in unit)."""
    language = resolve(language)
    if not results:
        raise kit_error(KitError, "error.no_results")
    kpis = check_kpis(kpis)
    columns = min(3, len(kpis))
    rows = math.ceil(len(kpis) / columns)
    figure = _blank(fig, (PANEL_WIDTH, 0.5 + 1.8 * rows))
    names = list(results)
    colours = sequential(len(names))
    hatches = [HATCHES[i % len(HATCHES)] for i in range(len(names))]
    for i, kpi in enumerate(kpis):
        spec = check_kpi(kpi)
        ax = figure.add_subplot(rows, columns, i + 1)
        values = [results[name].kpis[kpi] for name in names]
        heights = [0.0 if math.isnan(v) else v for v in values]
        bars = ax.bar(range(len(names)), heights, color=colours, hatch=hatches, edgecolor=INK, linewidth=0.6)
        ax.set_xticks(range(len(names)), [textwrap.fill(name, 12) for name in names])  # long names on two lines
        ax.bar_label(bars, [format_value(v, spec.unit, language, compact=True) for v in values], fontsize=SMALL, padding=2)
        ax.axhline(0.0, color="black", linewidth=0.8)
        ax.margins(y=0.18)
        unit_axis(ax.yaxis, spec.unit, language)
        finish(ax, spec.label(language), "", axis_unit(spec.unit, language), legend=False, language=language)
    figure.suptitle(text("compare.title", language), fontweight="bold")
    return figure


def compare_kpis(results: Mapping[str, SimulationResult], kpis: Sequence[str], language: str | None = None, *,
                 fig: Figure | None = None) -> Figure:
    """Two or more scenarios on one axes: per KPI a bar per scenario, as a share of the largest of them,
    labelled with the value itself. Compact enough to sit beside a panel's controls (KPIs differ in
    unit, so bars compare scenarios within a KPI, not KPIs with each other)."""
    language = resolve(language)
    if not results:
        raise kit_error(KitError, "error.no_results")
    kpis, names = check_kpis(kpis), list(results)
    figure = _blank(fig, (PANEL_WIDTH, 0.8 + 0.26 * len(kpis) * len(names)))
    ax = figure.add_subplot()
    height = 0.8 / len(names)
    colours = sequential(len(names))
    for j, name in enumerate(names):
        values = [results[name].kpis[kpi] for kpi in kpis]
        scales = [max((abs(results[n].kpis[kpi]) for n in names if not math.isnan(results[n].kpis[kpi])),
                      default=0.0) or 1.0 for kpi in kpis]
        lengths = [0.0 if math.isnan(v) else v / s for v, s in zip(values, scales)]
        positions = [i + (j - (len(names) - 1) / 2) * height for i in range(len(kpis))]
        bars = ax.barh(positions, lengths, height=height * 0.9, color=colours[j], hatch=HATCHES[j % len(HATCHES)],
                       edgecolor=INK, linewidth=0.6, label=name)
        ax.bar_label(bars, [format_value(v, check_kpi(k).unit, language, compact=True) for v, k in zip(values, kpis)],
                     fontsize=SMALL, padding=3)
    ax.set_yticks(range(len(kpis)), [textwrap.fill(check_kpi(k).label(language), 22) for k in kpis])
    ax.invert_yaxis()
    ax.axvline(0.0, color="black", linewidth=0.8)
    ax.set_xlim(min(-0.05, ax.get_xlim()[0] - 0.25), 1.4)  # room for the value labels
    ax.set_xticks([])
    ax.spines[["top", "right", "bottom", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.legend(fontsize=SMALL, loc="lower right", frameon=False, ncols=len(names), bbox_to_anchor=(1.0, 1.0))
    figure.suptitle(text("compare.title", language), fontweight="bold", x=0.02, ha="left")
    return figure
