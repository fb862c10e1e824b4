"""Paths over time with bands: the story of a choice, month by month, and how sure we are of it.

`paths` draws, for any number of scenarios, the median monthly path of a few
KPIs with a band over the replications, on one shared time axis, and marks
the month where one side's early lead turns into a lasting deficit (named in
the axes' caption: "over-promise is ahead on customers until month 14").
Scenarios differ in line style, marker and band hatching as well as colour,
so a greyscale printout or a washed-out projector still tells them apart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..errors import KitError
from ..language import kit_error, resolve, text
from ..paths import DEFAULT_BAND, DEFAULT_PATHS, Run, band as path_band, crossing, crossing_caption, path_kpi
from .experiment import LOOKS
from .style import INK, LIGHT_GREY, SMALL, axes_size, fit, month_axis, unit_axis, whole_ticks, with_unit

#: Width of the paths figure in inches (520 px at 100 dpi): 40 px narrower than a panel's other figures,
#: so the compare view's table has room for the 95 % intervals beside it on a 1280 px projector.
PATHS_WIDTH = 5.2


def _band_label(runs: int, quantiles: tuple[float, float], language: str) -> str:
    if quantiles == (0.0, 1.0):
        return text("paths.band", language, n=runs)
    low, high = (round(100 * q) for q in quantiles)
    return text("paths.band_range", language, low=low, high=high, n=runs)


def _draw_one(ax: Axes, runs_by_name: Mapping[str, Sequence[Run]], kpi: str, language: str,
              quantiles: tuple[float, float]) -> None:
    """One KPI: per scenario a median line and its band; the crossing of the first two marked and named."""
    spec = path_kpi(kpi)
    medians = {}
    for index, (name, runs) in enumerate(runs_by_name.items()):
        look = LOOKS[index % len(LOOKS)]
        table = path_band(runs, kpi, quantiles)
        medians[name] = table["median"]
        if len(runs) > 1:
            ax.fill_between(table.index, table["low"], table["high"], facecolor=look["color"], alpha=0.18,
                            edgecolor=look["color"], hatch=look["hatch"], linewidth=0.0)
        ax.plot(table.index, table["median"], color=look["color"], linestyle=look["linestyle"], linewidth=1.8,
                marker=look["marker"], markersize=3.5, markevery=max(1, len(table) // 6), label=name)
    names = tuple(runs_by_name)
    caption = ""
    if len(names) >= 2:
        found = crossing(medians[names[0]], medians[names[1]], spec.better)
        if found is not None:
            ax.axvline(found.month, color=INK, linewidth=1.0, linestyle=(0, (1, 1)))
            ax.annotate(text("paths.cross_mark", language, month=found.month), (found.month, 1.0),
                        xycoords=("data", "axes fraction"), xytext=(3, -2), textcoords="offset points",
                        fontsize=SMALL, va="top", color=INK)
        caption = crossing_caption(found, names[:2], kpi, language)
    fit(ax.set_title("\n".join(line for line in (with_unit(spec, language), caption) if line), fontsize=SMALL + 1,
                     loc="left"),
        axes_size(ax)[0])
    unit_axis(ax.yaxis, spec.unit, language)
    month_axis(ax.xaxis, language)
    if spec.unit in ("customers", "deals"):
        whole_ticks(ax.yaxis)
    ax.tick_params(labelsize=SMALL)
    ax.grid(True, color=LIGHT_GREY, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)


def paths(runs_by_name: Mapping[str, Sequence[Run]], kpis: Sequence[str] = DEFAULT_PATHS,
          language: str | None = None, *, band: tuple[float, float] = DEFAULT_BAND,
          ax: Axes | Sequence[Axes] | None = None, fig: Figure | None = None) -> Figure:
    """Median monthly path with a band over the replications, per KPI and scenario, on a shared time axis.

    `runs_by_name` maps a scenario's name to its replications (`SimulationResult`s or their monthly
    tables; `simulation.paths.runs_of(experiment)` gives them for an experiment). The first two
    scenarios' crossing is marked with a dotted line and named above the axes. `ax` is one Axes
    (one KPI) or one per KPI; otherwise the KPIs fill a grid of two columns on `fig` or a new Figure.
    """
    language = resolve(language)
    if not runs_by_name or any(not runs for runs in runs_by_name.values()):
        raise kit_error(KitError, "error.paths_without_runs")
    kpis = [path_kpi(kpi).name for kpi in kpis]
    if ax is not None:
        axes = [ax] if isinstance(ax, Axes) else list(ax)
        if len(axes) != len(kpis):
            raise kit_error(KitError, "error.axes_per_path", axes=len(axes), paths=len(kpis))
        figure = axes[0].figure
    else:
        columns = min(2, len(kpis))
        rows = math.ceil(len(kpis) / columns)
        figure = fig or Figure(figsize=(PATHS_WIDTH, 0.6 + 2.3 * rows), layout="constrained")
        figure.clear()
        grid = figure.subplots(rows, columns, squeeze=False, sharex=True)
        axes = list(grid.flat)
        for spare in axes[len(kpis):]:
            spare.set_visible(False)
        for bottom in grid[-1]:
            bottom.set_xlabel(text("time.month", language), fontsize=SMALL)
    for axis, kpi in zip(axes, kpis):
        _draw_one(axis, runs_by_name, kpi, language, band)
    runs = min(len(r) for r in runs_by_name.values())
    note = text("paths.line", language) + ("; " + _band_label(runs, band, language) if runs > 1 else "")
    handles, labels = axes[0].get_legend_handles_labels()
    if ax is None:
        figure.legend(handles, labels, loc="outside upper left", ncols=len(labels), fontsize=SMALL, frameon=False,
                      title=note, title_fontsize=SMALL, alignment="left")
    else:
        axes[0].legend(fontsize=SMALL, title=note, title_fontsize=SMALL, framealpha=0.9, edgecolor="none")
    return figure
