"""Figures of one run's customers: the funnel, the relationship cycle, satisfaction, retention and promises.

Each function turns a `SimulationResult` into a matplotlib Figure and nothing
else: it never simulates, keeps no state and never calls pyplot, so it works
headless and in a notebook cell without leaking into the next one. Pass `ax`
to draw into a panel of a larger figure (the dashboard does).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..errors import KitError
from ..language import format_value, kit_error, missing, number, resolve, text
from ..results import SimulationResult
from .style import (INK, LIGHT_GREY, NAVY, PANEL_WIDTH, RED, SERIES, SMALL, STEEL, axes_size, empty_note, finish, fit,
                    fitted, label, new_axes, percent_axis, sequential, tick_font)

DAYS_PER_MONTH = 365.25 / 12
#: The widest a funnel stage's name may be under its bar (inches): longer names wrap between words.
STAGE_NAME_WIDTH = 0.9
FUNNEL_STAGES = (("leads", "leads_generated"), ("mql", "marketing_qualified_leads"), ("sal", "sales_accepted_leads"),
                 ("opportunities", "opportunities"), ("quotes", "quotes_sent"), ("won", "deals_won"))
PHASES = ("potential", "new", "loyal", "ex")
MAX_NEW_COHORTS = 4


def funnel_chart(result: SimulationResult, language: str | None = None, *, ax: Axes | None = None) -> Figure:
    """Leads → opportunities → quotes → won, with the conversion from each stage to the next.

    The conversion percentages, not the counts, are what a sales manager
    steers on: they show in which stage the funnel leaks.
    """
    language = resolve(language)
    figure, ax = new_axes(ax)
    counts = [result.kpis[kpi] for _, kpi in FUNNEL_STAGES]
    names = [fitted(text(f"funnel.{stage}", language), STAGE_NAME_WIDTH, tick_font("x")) for stage, _ in FUNNEL_STAGES]
    colours = [STEEL] * (len(counts) - 1) + [NAVY]
    ax.bar(names, counts, color=colours, edgecolor=INK, linewidth=0.6, width=0.6)
    top = max(counts) if max(counts) > 0 else 1
    for i, count in enumerate(counts):
        ax.text(i, count + 0.02 * top, number(count, 0, language), ha="center", va="bottom", fontsize=SMALL)
    for i in range(len(counts) - 1):  # at two heights, so neighbouring boxes never cover each other in a small figure
        share = counts[i + 1] / counts[i] if counts[i] else math.nan
        ax.annotate(format_value(share, "share", language, compact=True) + " →",
                    xy=(i + 0.5, (0.78 if i % 2 == 0 else 0.58) * top), ha="center", va="center",
                    fontsize=SMALL, fontweight="bold", color=INK,
                    bbox=dict(boxstyle="round,pad=0.25", facecolor="white", edgecolor=LIGHT_GREY))
    overall = counts[-1] / counts[0] if counts[0] else math.nan
    ax.text(0.99, 0.97, text("funnel.overall", language, share=format_value(overall, "share", language, compact=True)),
            transform=ax.transAxes, ha="right", va="top", fontsize=SMALL)
    ax.set_ylim(0, top * 1.12)
    return finish(ax, text("funnel.title", language), text("funnel.stage", language),
                  label("funnel.count", "count", language), legend=False, language=language)


def relationship_phases(result: SimulationResult, language: str | None = None, *, ax: Axes | None = None) -> Figure:
    """Potential, new, loyal and ex-customers at each month end: the relationship cycle as stocks."""
    language = resolve(language)
    figure, ax = new_axes(ax)
    monthly = result.monthly
    mark_every = max(1, len(monthly) // 12)
    for phase in PHASES:
        ax.plot(monthly["month"], monthly[phase], label=text(f"phases.{phase}", language),
                markevery=mark_every, markersize=4, **SERIES[phase])
    ax.set_ylim(bottom=0)
    return finish(ax, text("phases.title", language), label("time.month", "months", language),
                  label("phases.count", "count", language), language=language)


def active_accounts(result: SimulationResult) -> pd.DataFrame:
    """Customers still a customer at the end of the run."""
    return result.accounts[result.accounts["end"].isna()]


def grade_distribution(result: SimulationResult, language: str | None = None, *, ax: Axes | None = None) -> Figure:
    """How the active customers grade the supplier at the end, against Popping's 'scant 6' line."""
    language = resolve(language)
    figure, ax = new_axes(ax)
    grades = active_accounts(result)["grade"].to_numpy()
    ax.hist(grades, bins=np.arange(1.0, 10.01, 0.25), color=STEEL, edgecolor=INK, linewidth=0.5)
    if len(grades):
        average = float(np.mean(grades))
        ax.axvline(average, color=NAVY, linewidth=2,
                   label=text("grades.average", language, grade=number(average, 1, language)))
    else:
        empty_note(ax, "empty.active", language)
        ax.set_ylim(0, 1)
    ax.axvline(6.0, color=RED, linewidth=1.5, linestyle="--", label=text("grades.six", language))
    low = np.floor(min(grades.min(), 6.0)) - 0.5 if len(grades) else 1.0
    ax.set_xlim(max(1.0, low), 10.0)
    return finish(ax, text("grades.title", language), label("grades.satisfaction", "grade", language),
                  label("grades.customers", "count", language), language=language)


def nps_breakdown(result: SimulationResult, language: str | None = None, *, ax: Axes | None = None) -> Figure:
    """Detractors, passives and promoters as one 100 % bar, with the NPS they add up to."""
    language = resolve(language)
    figure, ax = new_axes(ax, size=(PANEL_WIDTH, 2.8))
    promoters, detractors, nps = (result.kpis[kpi] for kpi in ("promoters_share", "detractors_share", "nps"))
    surveyed = not math.isnan(nps)  # NaN: no customer left to ask
    shares = {"detractors": detractors, "passives": 1.0 - promoters - detractors, "promoters": promoters}
    styles = {"detractors": dict(color=RED, hatch="//"), "passives": dict(color=LIGHT_GREY, hatch=""),
              "promoters": dict(color=NAVY, hatch="")}
    left = 0.0
    for group, share in shares.items() if surveyed else ():
        ax.barh(0, share, left=left, height=0.6, edgecolor=INK, linewidth=0.6,
                label=text(f"nps.{group}", language), **styles[group])
        ink = "white" if group == "promoters" else INK
        ax.text(left + share / 2, 0, format_value(share, "share", language, compact=True), ha="center", va="center", color=ink,
                fontweight="bold", bbox=None if group != "detractors" else dict(facecolor="white", linewidth=0))
        left += share
    if not surveyed:
        empty_note(ax, "empty.active", language)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.9, 0.6)  # room under the bar for the legend
    ax.set_yticks([])
    percent_axis(ax.xaxis, language)
    fit(ax.text(0.5, 0.98, text("nps.formula", language), transform=ax.transAxes, ha="center", va="top",
                fontsize=SMALL), axes_size(ax)[0])
    finish(ax, text("nps.title", language, nps=number(nps, 0, language, signed=True) if surveyed else missing(language)),
           label("nps.share", "share", language), "", legend=False, language=language)
    if surveyed:
        ax.legend(frameon=False, fontsize=SMALL, ncols=2, loc="lower center")
    return figure


def _survival(durations: np.ndarray, ended: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """Kaplan–Meier share still a customer at each grid time; customers still active count until the end."""
    times = np.unique(durations[ended])
    at_risk = np.array([(durations >= t).sum() for t in times])
    leaving = np.array([(durations[ended] == t).sum() for t in times])
    survival = np.cumprod(1.0 - leaving / at_risk) if len(times) else np.array([])
    steps = np.searchsorted(times, grid, side="right")
    return np.concatenate(([1.0], survival))[steps]


def cohort_curves(result: SimulationResult, language: str | None = None) -> dict[str, pd.Series]:
    """Share still a customer against months since start, for the existing base and each year's new customers.

    Kaplan–Meier, so customers won late in the run (seen only briefly) count
    for as long as they were observed. A customer won back counts as still a
    customer.
    """
    language = resolve(language)
    accounts = result.accounts
    years = result.scenario["run.years"]
    span = math.ceil(years / MAX_NEW_COHORTS)  # long runs group years, so the figure keeps a few lines
    first_year = np.floor(accounts["start"] / 365.25).astype(int)
    cohort = np.where(accounts["start"] <= 0, -1, first_year // span)
    curves = {}
    for group in sorted(set(cohort)):
        members = accounts[cohort == group]
        ended = members["end"].notna().to_numpy()
        durations = (members["end"].fillna(years * 365.25) - members["start"]).to_numpy() / DAYS_PER_MONTH
        grid = np.arange(0, np.floor(durations.max() + 1e-9) + 1)
        first, last = group * span + 1, min(years, (group + 1) * span)
        period = str(first) if first == last else f"{first}–{last}"
        name = text("retention.existing", language) if group < 0 else text("retention.year", language, year=period)
        curves[f"{name} (n={len(members)})"] = pd.Series(_survival(durations, ended, grid), index=grid)
    return curves


def cohort_retention(result: SimulationResult, language: str | None = None, *, ax: Axes | None = None) -> Figure:
    """Retention curves per cohort: do the customers won this year stay as long as the old base?"""
    language = resolve(language)
    figure, ax = new_axes(ax)
    curves = cohort_curves(result, language)
    markers = ("s", "o", "^", "v", "D")
    for (name, curve), colour, marker in zip(curves.items(), sequential(len(curves)), markers):
        ax.step(curve.index, curve.to_numpy(), where="post", color=colour, marker=marker, markersize=4,
                markevery=max(1, len(curve) // 8), linewidth=1.8, label=name)
    if curves:
        lowest = min(float(curve.min()) for curve in curves.values())
        ax.set_ylim(max(0.0, np.floor(10 * lowest - 1) / 10), 1.02)  # zoom in: retention differences are small
    else:
        empty_note(ax, "empty.customers", language)
        ax.set_ylim(0.0, 1.02)
    percent_axis(ax.yaxis, language)
    return finish(ax, text("retention.title", language), label("retention.months", "months", language),
                  label("retention.share", "share", language), legend=bool(curves), language=language)


def lead_time_gaps(result: SimulationResult) -> dict[str, pd.DataFrame]:
    """Quotes and deliveries with their actual days ('value') and promised days ('reference', NaN if none).

    An empty event log is only missing when the run quoted or sold something; a run without either
    (no leads, no customers) has nothing to log.
    """
    events = result.events
    if events.empty and (result.kpis["quotes_sent"] or result.kpis["revenue"]):
        raise kit_error(KitError, "error.needs_events")
    return {kind: events.loc[events["event"] == event, ["value", "reference"]]
            for kind, event in (("quote", "quote_sent"), ("delivery", "delivered"))}


def promised_vs_delivered(result: SimulationResult, language: str | None = None, *, ax: Axes | None = None) -> Figure:
    """How far actual quote and delivery times fall from what was promised, and the share late.

    "Say what you do, and do what you say": the share delivered later than
    promised drives disappointment. Under the 'no_promise' policy there is no
    promise to compare with, so the actual lead times are shown instead.
    """
    language = resolve(language)
    figure, ax = new_axes(ax)
    gaps = lead_time_gaps(result)
    promised = any(frame["reference"].notna().any() for frame in gaps.values())
    values = {kind: (frame["value"] - frame["reference"]).dropna() if promised else frame["value"]
              for kind, frame in gaps.items()}
    pooled = pd.concat(values.values())
    low, high = (pooled.quantile([0.005, 0.995]) if len(pooled) else pd.Series([0.0, 1.0])).to_numpy()
    bins = np.arange(np.floor(low), np.ceil(high) + 1.0)  # whole days, so 0 (on time) is a bin edge
    styles = {"delivery": dict(histtype="stepfilled", color=STEEL, edgecolor=INK, alpha=0.75),
              "quote": dict(histtype="step", color=NAVY, linewidth=2, hatch="///")}
    if pooled.empty:
        empty_note(ax, "empty.promises", language)
    for kind in ("delivery", "quote") if len(pooled) else ():
        series = values[kind].clip(bins[0], bins[-1])
        name = text(f"promise.{kind}", language)
        if promised:
            late = float((series > 0).mean()) if len(series) else math.nan
            name = text("promise.late", language, what=name, share=format_value(late, "share", language, compact=True))
        weights = np.full(len(series), 1.0 / len(series)) if len(series) else None
        ax.hist(series, bins=bins, weights=weights, label=name, **styles[kind])
    if promised:
        ax.axvline(0.0, color=RED, linewidth=1.5, linestyle="--", label=text("promise.on_time", language))
    percent_axis(ax.yaxis, language)
    return finish(ax, text("promise.title" if promised else "promise.title_none", language),
                  label("promise.lateness" if promised else "promise.actual", "days", language),
                  label("promise.share", "share", language), legend=not pooled.empty, language=language)
