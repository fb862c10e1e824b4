"""Figures of one run's money: revenue, costs and margin (Porter's margin), and forecast reliability.

Margin in the model is revenue × gross margin − the costs of sales, service
and the value-discipline investment, so revenue minus the drawn costs is not
the margin; the legend says so to avoid that misreading.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..language import euro_compact, missing, percent, resolve, text
from ..results import SimulationResult
from .style import SERIES, euro_axis, finish, label, new_axes

COST_COLUMNS = ("sales_cost", "service_cost", "strategy_cost")


def monthly_costs(result: SimulationResult) -> pd.Series:
    """Sales, service and strategy costs per month, in €."""
    return result.monthly[list(COST_COLUMNS)].sum(axis=1)


def _lines(ax: Axes, result: SimulationResult, series: dict[str, pd.Series], language: str, prefix: str) -> None:
    """One line per named monthly series, styled from the shared palette, with euro ticks."""
    months = result.monthly["month"]
    mark_every = max(1, len(months) // 12)
    for name, (style, values) in series.items():
        ax.plot(months, values, label=text(f"{prefix}.{name}", language), markevery=mark_every, markersize=4,
                **SERIES[style])
    euro_axis(ax.yaxis, language)


def revenue_cost_margin(result: SimulationResult, language: str | None = None, *, ax: Axes | None = None) -> Figure:
    """Revenue, costs (sales + service + strategy) and margin per month, in €."""
    language = resolve(language)
    figure, ax = new_axes(ax)
    monthly = result.monthly
    _lines(ax, result, {"revenue": ("revenue", monthly["revenue"]), "costs": ("costs", monthly_costs(result)),
                        "margin": ("margin", monthly["margin"])}, language, "money")
    ax.axhline(0.0, color="black", linewidth=0.8)
    ax.set_ylim(bottom=min(0.0, float(monthly["margin"].min()) * 1.1))
    return finish(ax, text("money.title", language), label("time.month", "months", language),
                  label("money.amount", "euro", language), language=language)


def forecast_vs_actual(result: SimulationResult, language: str | None = None, *, ax: Axes | None = None) -> Figure:
    """The Scotsman-weighted forecast of each month's decided deals against what was actually won, in €.

    A reliable forecast tracks the won value over time; the total error in
    the subtitle is the KPI 'forecast_error'.
    """
    language = resolve(language)
    figure, ax = new_axes(ax)
    monthly = result.monthly
    _lines(ax, result, {"forecast": ("forecast", monthly["forecast_value"]),
                        "won": ("won_value", monthly["won_value"])}, language, "forecast")
    ax.set_ylim(bottom=0)
    forecast, won = float(monthly["forecast_value"].sum()), float(monthly["won_value"].sum())
    error = (forecast - won) / won if won else math.nan
    total = text("forecast.total", language, forecast=euro_compact(forecast, language),
                 won=euro_compact(won, language),
                 error=missing(language) if math.isnan(error) else percent(error, language, 0, signed=True))
    return finish(ax, f"{text('forecast.title', language)}\n{total}", label("time.month", "months", language),
                  label("forecast.amount", "euro", language), language=language)
