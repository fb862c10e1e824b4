"""Overview figures: a four-panel dashboard of one run and KPI bars comparing named scenarios.

The widget panels redraw these after every run, so they draw few artists
and reuse a figure passed in (`fig`) instead of opening new ones.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from ..errors import KitError
from ..kpis import check_kpi, check_kpis
from ..language import format_values, kit_error, resolve, text
from ..results import SimulationResult
from .money import revenue_cost_margin
from .single_run import funnel_chart, nps_breakdown, relationship_phases
from .style import INK, PANEL_WIDTH, SMALL, axes_size, fit, fitted, sequential, text_inches, tick_font, with_unit

#: How far the dashboard's line figures reach above their data: room for the legend, clear of the lines.
DASHBOARD_HEADROOM = 2.3
#: Several figures in one panel-sized figure: smaller text than a figure of its own, still at least 12 px.
SMALL_PANELS_TEXT = {"axes.titlesize": 10, "axes.labelsize": SMALL, "xtick.labelsize": SMALL, "ytick.labelsize": SMALL}

HATCHES = ("", "//", "..", "xx", "\\\\", "oo")
#: The widest a scenario's name may be beside the bars (inches): longer names wrap between words.
NAME_WIDTH = 1.0
#: The height of a line of the figures' smallest text (inches): 9 pt and the space between lines.
LINE_HEIGHT = 1.25 * SMALL / 72
#: The widest a KPI's name may be beside its bars in `compare_kpis` (inches): longer names wrap between words.
KPI_NAME_WIDTH = 1.6
#: A legend entry's room besides its text, in ems: the handle, the gap after it and the space between columns.
LEGEND_HANDLE = 2.0 + 0.8 + 2.0


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
    with rc_context(SMALL_PANELS_TEXT):  # set before the texts are made, so finish() wraps them at the size drawn
        axes = figure.subplots(2, 2, gridspec_kw=dict(left=0.12, right=0.98, bottom=0.10, top=0.86, wspace=0.36,
                                                      hspace=0.8))
        funnel_chart(result, language, ax=axes[0, 0])
        relationship_phases(result, language, ax=axes[0, 1])
        nps_breakdown(result, language, ax=axes[1, 0])
        revenue_cost_margin(result, language, ax=axes[1, 1])
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
    """Chosen KPIs of several named scenarios side by side, one panel per KPI (KPIs differ in unit), a bar per
    scenario. The bars lie down: a scenario's name sits on the left of its bar and its value after it, so
    four names such as 'operational excellence' and values such as '€ 9,1 mln' each have a line of their own
    (standing bars put them side by side under a panel a third of the figure wide, where they ran together)."""
    language = resolve(language)
    if not results:
        raise kit_error(KitError, "error.no_results")
    kpis = check_kpis(kpis)
    columns = min(3, len(kpis))
    rows = math.ceil(len(kpis) / columns)
    colours = sequential(len(results))
    hatches = [HATCHES[i % len(HATCHES)] for i in range(len(results))]
    with rc_context(SMALL_PANELS_TEXT):
        names = [fitted(name, NAME_WIDTH, tick_font("y")) for name in results]
        row = max(0.3, LINE_HEIGHT * max(name.count("\n") + 1 for name in names))  # three lines need more room
        figure = _blank(fig, (PANEL_WIDTH, 0.5 + rows * (0.6 + row * len(names))))
        axes = figure.subplots(rows, columns, sharey=True, squeeze=False).flat
        for ax in axes[len(kpis):]:
            ax.remove()
        axes[0].set_yticks(range(len(names)), names)
        axes[0].invert_yaxis()  # the first scenario on top, as in the tables (every panel shares it)
        for ax, kpi in zip(axes, kpis):
            spec = check_kpi(kpi)
            values = [run.kpis[kpi] for run in results.values()]
            ax.barh(range(len(names)), [0.0 if math.isnan(v) else v for v in values], height=0.7, color=colours,
                    hatch=hatches, edgecolor=INK, linewidth=0.6)
            shown = format_values(values, spec.unit, language, compact=True)
            for i, (value, label) in enumerate(zip(values, shown)):  # right of zero even for a bar below it, as
                ax.annotate(label, (0.0 if math.isnan(value) else max(0.0, value), i), xytext=(3, 0),  # the names
                            textcoords="offset points", ha="left", va="center", fontsize=SMALL)  # are on its left
            ax.axvline(0.0, color=INK, linewidth=0.8)
            ax.set_xticks([])  # each bar says its value; the constrained layout makes room for one past the edge
            ax.tick_params(axis="y", length=0)
            ax.set_title(with_unit(spec, language))
            ax.spines[["top", "right", "bottom", "left"]].set_visible(False)
        figure.suptitle(text("compare.title", language), fontweight="bold")
        figure.get_layout_engine().execute(figure)  # once, for all panels: then each title wraps to its width
        for ax in axes[:len(kpis)]:
            fit(ax.title, axes_size(ax)[0])
    return figure


def _legend_columns(names: Sequence[str]) -> int:
    """As many legend entries a row as fit the figure's width: four scenario names in one row pushed the legend
    and the bars off the figure."""
    font = FontProperties(size=SMALL)
    entry = max(text_inches(name, font) for name in names) + LEGEND_HANDLE * SMALL / 72
    return max(1, min(len(names), int(0.95 * PANEL_WIDTH / entry)))


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
    values = {kpi: [results[name].kpis[kpi] for name in names] for kpi in kpis}
    scales = {kpi: max((abs(v) for v in values[kpi] if not math.isnan(v)), default=0.0) or 1.0 for kpi in kpis}
    shown = {kpi: format_values(values[kpi], check_kpi(kpi).unit, language, compact=True) for kpi in kpis}
    for j, name in enumerate(names):  # one format for a KPI's bars, each as a share of that KPI's largest
        lengths = [0.0 if math.isnan(values[kpi][j]) else values[kpi][j] / scales[kpi] for kpi in kpis]
        positions = [i + (j - (len(names) - 1) / 2) * height for i in range(len(kpis))]
        bars = ax.barh(positions, lengths, height=height * 0.9, color=colours[j], hatch=HATCHES[j % len(HATCHES)],
                       edgecolor=INK, linewidth=0.6, label=name)
        ax.bar_label(bars, [shown[kpi][j] for kpi in kpis], fontsize=SMALL, padding=3)
    ax.set_yticks(range(len(kpis)), [fitted(check_kpi(k).label(language), KPI_NAME_WIDTH, tick_font("y"))
                                     for k in kpis])
    ax.invert_yaxis()
    ax.axvline(0.0, color="black", linewidth=0.8)
    ax.set_xlim(min(-0.05, ax.get_xlim()[0] - 0.25), 1.4)  # room for the value labels
    ax.set_xticks([])
    ax.spines[["top", "right", "bottom", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.legend(fontsize=SMALL, loc="lower right", frameon=False, ncols=_legend_columns(names), bbox_to_anchor=(1.0, 1.0))
    figure.suptitle(text("compare.title", language), fontweight="bold", x=0.02, ha="left")
    return figure
