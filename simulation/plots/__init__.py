"""The kit's standard figures: pure functions from results to matplotlib Figures.

Every function takes the data (a `SimulationResult`, or named results to
compare), `language="en"|"nl"` for the texts (by default the kit's language,
so a Dutch lesson's `set_language("nl")` makes its figures Dutch too), and an
optional `ax` (or `fig` for multi-panel figures) to draw into; it returns the
Figure. Nothing here simulates, keeps state or calls pyplot, so figures never
leak between notebook cells and everything works headless.
"""

from .experiment import design_figure, difference_histogram, fan_chart, kpi_errorbars, sweep_chart, tornado_chart
from .money import forecast_vs_actual, revenue_cost_margin
from .overview import compare_bars, compare_kpis, dashboard
from .paths import paths
from .single_run import (cohort_retention, funnel_chart, grade_distribution, nps_breakdown, promised_vs_delivered,
                         relationship_phases)

__all__ = [
    "cohort_retention", "compare_bars", "compare_kpis", "dashboard", "design_figure", "difference_histogram",
    "fan_chart", "forecast_vs_actual", "funnel_chart", "grade_distribution", "kpi_errorbars", "nps_breakdown", "paths",
    "promised_vs_delivered", "relationship_phases", "revenue_cost_margin", "sweep_chart", "tornado_chart",
]
