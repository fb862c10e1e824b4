"""Figures of experiments: numbers with error bars, for managers who must decide under uncertainty.

- `kpi_errorbars`: each variant's KPI mean with its 95 % confidence interval;
- `fan_chart`: a monthly series over time, the mean with the spread of what
  can happen in one history (50 % and 90 % bands);
- `tornado_chart`: which assumption moves a KPI most;
- `sweep_chart`: a KPI along one knob (line with band) or two knobs (heat map);
- `difference_histogram`: A − B pair by pair, with the chance that A beats B.
- `design_figure`: the one of these that answers an experiment's design, as
  `experiment … --figure` draws it.
Like the other figures they take an `ExperimentResult` (fresh or loaded from
disk), `language="en"|"nl"` and an optional `ax`/`fig`, and never simulate.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..experiment.result import ExperimentResult, check_kpi
from ..parameters import SPECS, ParamSpec
from ..results import KPI_SPECS, series_spec
from ..language import axis_unit, format_value, resolve, scenario_name, text, unit_kind
from .style import (INK, NAVY, ORANGE, RED, SMALL, STEEL, decimals_needed, distinct_euros, finish, new_axes,
                    unit_axis, whole_ticks)

#: Line styles per variant: colours differ in lightness, lines in dash and marker, bands in hatch.
LOOKS = (dict(color=NAVY, linestyle="-", marker="o", hatch="//"), dict(color=ORANGE, linestyle="--", marker="s",
                                                                      hatch="\\\\"),
         dict(color=STEEL, linestyle=":", marker="^", hatch=".."), dict(color=RED, linestyle="-.", marker="D",
                                                                        hatch="xx"))
#: A difference histogram's height over its tallest bar: the top band holds the legend.
LEGEND_HEADROOM = 1.7
#: A sweep along up to this many values, spread evenly enough, has a tick at each.
VALUE_TICKS = 8
#: A tornado's room above its top bar, in bars: it holds the legend.
TORNADO_LEGEND_ROOM = 0.9


def _series_label(series: str, language: str) -> tuple[str, str, str]:
    """Label, unit and unit as shown of a monthly series."""
    spec = series_spec(series)
    return spec.label(language), spec.unit, axis_unit(spec.unit, language)


def _look(index: int) -> dict:
    return LOOKS[index % len(LOOKS)]


def kpi_errorbars(result: ExperimentResult, kpis: Sequence[str], language: str | None = None, *,
                  fig: Figure | None = None) -> Figure:
    """One panel per KPI (KPIs differ in unit): each variant's mean with its 95 % confidence interval."""
    language = resolve(language)
    summary = result.summary(kpis)
    columns = min(3, len(kpis))
    rows = math.ceil(len(kpis) / columns)
    figure = fig or Figure(figsize=(3.8 * columns, 3.3 * rows), layout="constrained")
    figure.clear()
    variants = result.variants
    for i, kpi in enumerate(kpis):
        spec = KPI_SPECS[kpi]
        ax = figure.add_subplot(rows, columns, i + 1)
        table = summary[summary["kpi"] == kpi].set_index("variant").loc[variants]
        means = table["mean"].to_numpy(dtype=float)
        errors = np.vstack([means - table["ci_low"], table["ci_high"] - means])
        for j, variant in enumerate(variants):
            look = _look(j)
            ax.errorbar([j], means[j:j + 1], yerr=errors[:, j:j + 1], fmt=look["marker"], color=look["color"],
                        ecolor=INK, capsize=5, markersize=7)
            ax.annotate(format_value(means[j], spec.unit, language, compact=True), (j, means[j]), xytext=(8, 0),
                        textcoords="offset points", va="center", fontsize=SMALL)
        ax.set_xticks(range(len(variants)), [scenario_name(v, language) for v in variants],
                      rotation=25 if len(variants) > 2 else 0)
        ax.set_xlim(-0.5, len(variants) - 0.5)
        unit_axis(ax.yaxis, spec.unit, language)
        finish(ax, spec.label(language), "", axis_unit(spec.unit, language), legend=False, language=language)
    figure.suptitle(text("errorbars.title", language, n=result.replications), fontweight="bold")
    return figure


def fan_chart(result: ExperimentResult, series: str = "margin", language: str | None = None, *,
              ax: Axes | None = None) -> Figure:
    """A monthly series per variant: the mean line, the middle 50 % and middle 90 % of runs."""
    language = resolve(language)
    figure, ax = new_axes(ax)
    bands = result.bands(series)
    label, unit, shown_unit = _series_label(series, language)
    for j, variant in enumerate(result.variants):
        look, part = _look(j), bands[bands["variant"] == variant]
        months = part["month"].to_numpy()
        ax.fill_between(months, part["p05"], part["p95"], color=look["color"], alpha=0.15, hatch=look["hatch"],
                        edgecolor=look["color"], linewidth=0, label=text("fan.band90", language, variant=variant))
        ax.fill_between(months, part["p25"], part["p75"], color=look["color"], alpha=0.3, linewidth=0,
                        label=text("fan.band50", language, variant=variant))
        ax.plot(months, part["mean"], color=look["color"], linestyle=look["linestyle"], marker=look["marker"],
                markevery=max(1, len(months) // 12), markersize=4, label=text("fan.mean", language, variant=variant))
    unit_axis(ax.yaxis, unit, language)
    months = f"{text('time.month', language)} ({axis_unit('months', language)})"
    return finish(ax, text("fan.title", language, series=label, n=result.replications), months,
                  f"{label} ({shown_unit})", language=language)


def tornado_chart(result: ExperimentResult, kpi: str | None = None, language: str | None = None, *,
                  ax: Axes | None = None) -> Figure:
    """Horizontal bars per assumption, largest swing on top: the KPI's change at the low and at the
    high value of the assumption, each with its 95 % confidence interval."""
    language = resolve(language)
    table = result.tornado(kpi)
    kpi = table["kpi"].iloc[0]
    spec = KPI_SPECS[kpi]
    figure, ax = new_axes(ax, (8.0, 1.6 + 0.7 * len(table)))
    positions = np.arange(len(table))[::-1]
    for level, look, offset in (("low", LOOKS[2], 0.18), ("high", LOOKS[0], -0.18)):
        effect = table[f"effect_{level}"].to_numpy(dtype=float)
        errors = np.vstack([effect - table[f"effect_{level}_ci_low"], table[f"effect_{level}_ci_high"] - effect])
        ax.barh(positions + offset, effect, height=0.36, color=look["color"], hatch=look["hatch"], edgecolor=INK,
                linewidth=0.6, xerr=errors, ecolor=INK, capsize=3, label=text(f"tornado.{level}", language))
    names = [f"{SPECS[p].label(language)}\n{SPECS[p].range_text(lo, hi, language)}"
             for p, lo, hi in zip(table["parameter"], table["low"], table["high"])]
    ax.set_yticks(positions, names, fontsize=SMALL)
    ax.set_ylim(-0.6, len(table) - 0.4 + TORNADO_LEGEND_ROOM)  # the legend above the top bar, not on its whisker
    ax.axvline(0.0, color="black", linewidth=0.8)
    unit_axis(ax.xaxis, spec.unit, language)
    figure = finish(ax, text("tornado.title", language, kpi=spec.label(language)),
                    text("tornado.effect", language, kpi=spec.label(language), unit=axis_unit(spec.unit, language)),
                    text("tornado.parameter", language), legend_at="upper left", language=language)
    ax.grid(True, axis="x", color="#d9d9d9", linewidth=0.6)
    return figure


def _axis_label(parameter: str, language: str) -> str:
    unit = axis_unit(SPECS[parameter].unit, language)
    return f"{SPECS[parameter].label(language)} ({unit})" if unit else SPECS[parameter].label(language)


def _values_shown(values: Sequence, language: str, *, swept: ParamSpec | None = None, unit: str = "") -> list[str]:
    """Values side by side in the reader's language, told apart, without the unit words an axis label gives: a
    parameter's `swept` values as ticks ('Eerlijke inschatting', '10 %', '0,9'; not 'honest', '0,100', '0.9'),
    or a KPI's means in its `unit` as a heat map's cells; euros at one scale with the decimals that tell them
    apart (`distinct_euros`)."""
    if swept is not None and (swept.choices or swept.kind is bool):
        return [swept.value_text(value, language) for value in values]
    unit = swept.unit if swept is not None else unit
    if unit.startswith("€"):
        return distinct_euros([float(value) for value in values], language)
    if swept is None:  # means: as the kit's figures write a KPI
        return [format_value(value, unit, language, compact=True) for value in values]
    scale = 100 if unit_kind(unit) == "percent" else 1
    decimals = decimals_needed([scale * value for value in values if not math.isnan(value)])
    return [format_value(value, unit, language, compact=True, decimals=decimals) for value in values]


def _evenly_spread(values: np.ndarray) -> bool:
    """Whether a tick at each value leaves room for its label: at most VALUE_TICKS values, none closer to the
    next than an eighth of their range ('10 %', '11 %', '12 %', '30 %' ran together)."""
    gaps = np.diff(np.sort(values.astype(float)))
    return len(values) <= VALUE_TICKS and (len(gaps) == 0 or gaps.min() >= np.ptp(values) / VALUE_TICKS)


def sweep_chart(result: ExperimentResult, kpi: str = "margin", language: str | None = None, *,
                ax: Axes | None = None) -> Figure:
    """A KPI across a sweep: for one parameter its mean with the 95 % band, for two a heat map of means."""
    language = resolve(language)
    spec = KPI_SPECS[check_kpi(kpi)]
    parameters = result.settings["parameters"]
    table = result.summary([kpi])
    figure, ax = new_axes(ax)
    title = text("sweep.title", language, kpi=spec.label(language), n=result.replications)
    unit = axis_unit(spec.unit, language)
    if len(parameters) == 1:
        x = table[parameters[0]].to_numpy()
        positions = x if np.issubdtype(x.dtype, np.number) else np.arange(len(x))
        ax.fill_between(positions, table["ci_low"], table["ci_high"], color=STEEL, alpha=0.35, hatch="//",
                        edgecolor=NAVY, linewidth=0, label=text("sweep.ci", language))
        ax.plot(positions, table["mean"], color=NAVY, marker="o", label=text("sweep.mean", language))
        swept = SPECS[parameters[0]]
        if positions is not x or _evenly_spread(x):  # a tick at each value swept, named as the tables name it
            ax.set_xticks(positions, _values_shown(x, language, swept=swept))
        else:  # in the parameter's unit ('10 %', not '0,100' under '% per jaar')
            unit_axis(ax.xaxis, swept.unit, language)
            if swept.kind is int:  # a head count has no 2.5
                whole_ticks(ax.xaxis)
            else:  # labels such as '12,5 %' are wide: fewer than matplotlib would put on a panel's width
                ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
        unit_axis(ax.yaxis, spec.unit, language)
        return finish(ax, title, _axis_label(parameters[0], language), f"{spec.label(language)} ({unit})",
                      language=language)
    grid = table.pivot(index=parameters[1], columns=parameters[0], values="mean")
    image = ax.imshow(grid.to_numpy(dtype=float), cmap="cividis", origin="lower", aspect="auto")
    means = grid.to_numpy(dtype=float)
    for ((row, column), value), shown in zip(np.ndenumerate(means), _values_shown(means.ravel(), language,
                                                                                    unit=spec.unit)):
        shade = image.norm(value) if not math.isnan(value) else 0.0
        ax.text(column, row, shown, ha="center", va="center", fontsize=SMALL,
                color="black" if shade > 0.55 else "white")
    ax.set_xticks(range(grid.shape[1]), _values_shown(grid.columns, language, swept=SPECS[parameters[0]]))
    ax.set_yticks(range(grid.shape[0]), _values_shown(grid.index, language, swept=SPECS[parameters[1]]))
    colourbar = figure.colorbar(image, ax=ax)
    colourbar.set_label(text("sweep.colour", language, kpi=spec.label(language), unit=unit))
    unit_axis(colourbar.ax.yaxis, spec.unit, language)
    figure = finish(ax, title, _axis_label(parameters[0], language), _axis_label(parameters[1], language),
                    legend=False, language=language)
    ax.grid(False)
    return figure


def difference_histogram(result: ExperimentResult, kpi: str = "margin", language: str | None = None, *,
                         ax: Axes | None = None) -> Figure:
    """Distribution of A − B over the pairs of a comparison, the mean difference with its 95 %
    confidence interval, and in the title the share of runs in which A is better."""
    language = resolve(language)
    spec = KPI_SPECS[check_kpi(kpi)]
    a, b = result.pair()
    difference = a[kpi].to_numpy(dtype=float) - b[kpi].to_numpy(dtype=float)
    row = result.differences([kpi]).iloc[0]
    figure, ax = new_axes(ax)
    ax.hist(difference[~np.isnan(difference)], bins=min(30, max(5, len(difference) // 3)), color=STEEL,
            edgecolor=INK, linewidth=0.6)
    ax.axvspan(row["ci_low"], row["ci_high"], color=ORANGE, alpha=0.3, hatch="..",
               label=text("difference.ci", language))
    ax.axvline(row["difference"], color=NAVY, linewidth=2,
               label=text("difference.mean", language, value=format_value(row["difference"], spec.unit, language, compact=True)))
    ax.axvline(0.0, color=RED, linestyle="--", linewidth=1.2, label=text("difference.zero", language))
    unit_axis(ax.xaxis, spec.unit, language)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))  # amounts like '€ 1,2 mln' side by side at a panel's width
    names = result.side_names(language)
    share = format_value(row["prob_a_beats_b"], "share", language, compact=True)
    # The pairs pile up around the mean, under where a legend would go: the legend gets a band of its own above them.
    ax.set_ylim(0, ax.get_ylim()[1] * LEGEND_HEADROOM)
    title = "difference.title" if spec.better else "difference.title_higher"  # a KPI with no better direction
    return finish(ax, text(title, language, kpi=spec.label(language), share=share, **names),
                  text("difference.axis", language, unit=axis_unit(spec.unit, language), **names),
                  text("difference.count", language), legend_at="upper left", language=language)


def design_figure(result: ExperimentResult, kpis: Sequence[str], language: str | None = None) -> Figure:
    """The figure that answers the design as its table does (`experiment … --figure`): the means with their
    intervals of a replicated scenario, A − B pair by pair for a comparison (the first KPI), the first KPI along
    a sweep, the tornado of a sensitivity design."""
    if result.kind == "compare":
        return difference_histogram(result, kpis[0], language)
    if result.kind == "sweep":
        return sweep_chart(result, kpis[0], language)
    if result.kind == "sensitivity":
        return tornado_chart(result, kpis[0], language)
    return kpi_errorbars(result, kpis, language)
