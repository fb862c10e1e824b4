"""Shared look of the kit's figures: palette, euro and percent axes, and figure texts in English and Dutch.

Every figure function takes `language="en"|"nl"` because the course material
is Dutch while the code and docs are English. All texts a figure shows live in
`TEXTS`, so a figure function never contains a literal label and the two
languages cannot drift apart. Colours are chosen to differ in lightness as
well as hue (and lines also differ in dash and marker), so printouts in
greyscale stay readable.
"""

from __future__ import annotations

import math

from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, PercentFormatter

LANGUAGES = ("en", "nl")

# Line and bar colours, darkest first; neighbours differ by at least 12 points of CIELAB lightness.
NAVY, RED, STEEL, ORANGE = "#1f3b73", "#c0392b", "#5b8db8", "#e69f00"
LIGHT_GREY, INK = "#d9d9d9", "#222222"

#: How each named series is drawn: colour, line style and marker (so lines differ without colour too).
SERIES: dict[str, dict] = {
    "potential": dict(color=STEEL, linestyle="--", marker="^"),
    "new": dict(color=ORANGE, linestyle="-", marker="o"),
    "loyal": dict(color=NAVY, linestyle="-", marker="s"),
    "ex": dict(color=RED, linestyle=":", marker="x"),
    "revenue": dict(color=NAVY, linestyle="-", marker="o"),
    "costs": dict(color=RED, linestyle="--", marker="s"),
    "margin": dict(color=ORANGE, linestyle="-.", marker="D"),
    "forecast": dict(color=ORANGE, linestyle="--", marker="o"),
    "won_value": dict(color=NAVY, linestyle="-", marker="s"),
}

#: Texts shown in figures: key -> (English, Dutch). Units sit in parentheses at the end of axis labels.
TEXTS: dict[str, tuple[str, str]] = {
    # units
    "unit.count": ("count", "aantal"),
    "unit.days": ("days", "dagen"),
    "unit.months": ("months", "maanden"),
    "unit.euro": ("€", "€"),
    "unit.share": ("%", "%"),
    "unit.grade": ("grade 1–10", "rapportcijfer 1–10"),
    # funnel
    "funnel.title": ("Sales funnel: from lead to deal", "Salestrechter: van lead tot deal"),
    "funnel.stage": ("Stage", "Fase"),
    "funnel.count": ("Leads in stage", "Leads in fase"),
    "funnel.leads": ("Leads", "Leads"),
    "funnel.opportunities": ("Opportunities", "Opportunities"),
    "funnel.quotes": ("Quotes sent", "Offertes verstuurd"),
    "funnel.won": ("Won", "Gewonnen"),
    "funnel.overall": ("lead → won: {share}", "lead → gewonnen: {share}"),
    # relationship cycle
    "phases.title": ("Customer relationship cycle over time", "Klantrelatiecyclus door de tijd"),
    "phases.count": ("Number at month end", "Aantal aan eind van maand"),
    "phases.potential": ("Potential customers (open leads)", "Potentiële klanten (open leads)"),
    "phases.new": ("New customers", "Nieuwe klanten"),
    "phases.loyal": ("Loyal customers", "Loyale klanten"),
    "phases.ex": ("Ex-customers (cumulative)", "Ex-klanten (cumulatief)"),
    "time.month": ("Month of the simulation", "Maand van de simulatie"),
    # satisfaction
    "grades.title": ("Grades of active customers at the end", "Rapportcijfers van klanten aan het eind"),
    "grades.satisfaction": ("Satisfaction", "Tevredenheid"),
    "grades.customers": ("Customers", "Klanten"),
    "grades.average": ("average {grade}", "gemiddeld {grade}"),
    "grades.six": ("6: about 20% leave within a year", "6: ongeveer 20% vertrekt binnen een jaar"),
    "nps.title": ("Net Promoter Score at the end: NPS = {nps}", "Net Promoter Score aan het eind: NPS = {nps}"),
    "nps.share": ("Share of active customers", "Aandeel actieve klanten"),
    "nps.detractors": ("Detractors (0–6)", "Detractors (0–6)"),
    "nps.passives": ("Passives (7–8)", "Passives (7–8)"),
    "nps.promoters": ("Promoters (9–10)", "Promoters (9–10)"),
    "nps.formula": ("NPS = % promoters − % detractors", "NPS = % promoters − % detractors"),
    # retention
    "retention.title": ("Customer retention per cohort", "Klantbehoud per cohort"),
    "retention.share": ("Still a customer", "Nog klant"),
    "retention.months": ("Time since becoming a customer", "Tijd sinds klant geworden"),
    "retention.existing": ("Existing customers at start", "Bestaande klanten bij start"),
    "retention.year": ("New customers of year {year}", "Nieuwe klanten van jaar {year}"),
    # promises
    "promise.title": ("Promised vs delivered lead time", "Belofte vs werkelijke levertijd"),
    "promise.title_none": ("Lead times (no promises made)", "Levertijden (geen belofte gedaan)"),
    "promise.lateness": ("Delivered minus promised: early < 0 < late", "Werkelijk min beloofd: te vroeg < 0 < te laat"),
    "promise.actual": ("Actual lead time", "Werkelijke levertijd"),
    "promise.share": ("Share of quotes or deliveries", "Aandeel offertes of leveringen"),
    "promise.quote": ("Quotes", "Offertes"),
    "promise.delivery": ("Deliveries", "Leveringen"),
    "promise.late": ("{what}: {share} late", "{what}: {share} te laat"),
    "promise.on_time": ("on time", "op tijd"),
    # money
    "money.title": ("Revenue, costs and margin per month", "Omzet, kosten en marge per maand"),
    "money.amount": ("Amount per month", "Bedrag per maand"),
    "money.revenue": ("Revenue", "Omzet"),
    "money.costs": ("Costs: sales + service + strategy", "Kosten: sales + service + strategie"),
    "money.margin": ("Margin: gross profit − costs", "Marge: brutowinst − kosten"),
    "forecast.title": ("Forecast vs actual won value", "Forecast vs werkelijk gewonnen waarde"),
    "forecast.amount": ("Value of decided deals per month", "Waarde van besliste deals per maand"),
    "forecast.forecast": ("Forecast (Scotsman-weighted)", "Forecast (Scotsman-gewogen)"),
    "forecast.won": ("Actually won", "Werkelijk gewonnen"),
    "forecast.total": ("In total: forecast {forecast}, won {won} (forecast {error} off)",
                       "Totaal: forecast {forecast}, gewonnen {won} (forecast {error} ernaast)"),
    # figures with nothing to show
    "empty.customers": ("No customers in this run", "Geen klanten in deze run"),
    "empty.active": ("No customers left at the end of this run", "Geen klanten meer aan het eind van deze run"),
    "empty.promises": ("No quotes or deliveries in this run", "Geen offertes of leveringen in deze run"),
    # overviews
    "dashboard.title": ("Dashboard: {years}-year run, seed {seed}", "Dashboard: {years} jaar gesimuleerd, seed {seed}"),
    "compare.title": ("Scenarios compared", "Scenario's vergeleken"),
    "compare.scenario": ("Scenario", "Scenario"),
    "compare.missing": ("n/a", "n.v.t."),
}

#: KPI units (as in results.KPIS) as shown on an axis; shares are drawn in percent.
KPI_UNITS: dict[str, tuple[str, str]] = {
    "share": ("%", "%"),
    "share/year": ("% per year", "% per jaar"),
    "days": ("days", "dagen"),
    "customers": ("customers", "klanten"),
    "deals": ("deals", "deals"),
    "quotes": ("quotes", "offertes"),
    "complaints": ("complaints", "klachten"),
    "€/customer": ("€ per customer", "€ per klant"),
    "€/customer/year": ("€ per customer per year", "€ per klant per jaar"),
}


def check_language(language: str) -> int:
    """Index of the language in the (English, Dutch) text pairs; a clear error for anything else."""
    if language not in LANGUAGES:
        raise ValueError(f"The 'language' argument must be one of 'en', 'nl'. Got {language!r} instead.")
    return LANGUAGES.index(language)


def translate(table: dict[str, tuple[str, str]], key: str, language: str, **values: object) -> str:
    """The (English, Dutch) text for `key` in `language`, with `values` filled in: the one lookup
    behind figure texts, panel texts and experiment texts."""
    return table[key][check_language(language)].format(**values)


def text(key: str, language: str, **values: object) -> str:
    """The figure text for `key` in `language`, with `values` filled in."""
    return translate(TEXTS, key, language, **values)


def label(key: str, unit: str, language: str) -> str:
    """An axis label with its unit: 'Revenue (€)'."""
    return f"{text(key, language)} ({text('unit.' + unit, language)})"


def kpi_unit(unit: str, language: str) -> str:
    """A KPI unit in the figure language (units without a translation are shown as they are)."""
    return KPI_UNITS.get(unit, (unit, unit))[check_language(language)]


def format_euro(value: float, language: str) -> str:
    """A compact euro amount: €1.2M / € 1,2 mln, €350k, €900."""
    check_language(language)
    size = abs(value)
    if size >= 1e6:
        number, suffix = value / 1e6, ("M" if language == "en" else " mln")
    elif size >= 1e3:
        number, suffix = value / 1e3, "k"
    else:
        number, suffix = value, ""
    digits = 1 if suffix and size < 1e7 and number != round(number) else 0
    amount = f"{number:,.{digits}f}"
    if language == "nl":
        amount = amount.replace(",", "_").replace(".", ",").replace("_", ".")
        return f"€ {amount}{suffix}"
    return f"€{amount}{suffix}"


def format_count(count: float, language: str) -> str:
    """A whole number with the language's thousands separator: 1,288 / 1.288."""
    check_language(language)
    digits = f"{count:,.0f}"
    return digits.replace(",", ".") if language == "nl" else digits


def format_decimal(value: float, digits: int, language: str) -> str:
    """A number with a decimal point in English and a decimal comma in Dutch: 7.4 / 7,4."""
    check_language(language)
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if language == "nl" else shown


def format_share(share: float, language: str) -> str:
    """A share as a whole percentage ('34%'), or 'n/a' when undefined."""
    if share is None or math.isnan(share):
        return text("compare.missing", language)
    return f"{100 * share:.0f}%"


def euro_axis(axis, language: str) -> None:
    """Tick labels of a matplotlib axis (ax.yaxis) as euro amounts."""
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: format_euro(value, language)))


def percent_axis(axis) -> None:
    """Tick labels of an axis holding shares (0–1) as percentages."""
    axis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


def sequential(count: int) -> list:
    """`count` colours from dark to light (cividis), for ordered groups such as cohorts or scenarios."""
    cmap = colormaps["cividis"]
    return [cmap(0.75 * i / max(1, count - 1)) for i in range(count)]


def new_axes(ax: Axes | None, size: tuple[float, float] = (7.0, 4.2)) -> tuple[Figure, Axes]:
    """The axes to draw on: the one given, or one on a new pyplot-free Figure (nothing leaks between cells)."""
    if ax is not None:
        return ax.figure, ax
    figure = Figure(figsize=size, layout="constrained")
    return figure, figure.add_subplot()


def empty_note(ax: Axes, key: str, language: str) -> None:
    """Say in the middle of the axes why they are empty, so a blank panel does not look like a broken one."""
    ax.text(0.5, 0.5, text(key, language), transform=ax.transAxes, ha="center", va="center", color=INK,
            fontsize="medium", bbox=dict(boxstyle="round,pad=0.4", facecolor="white", edgecolor=LIGHT_GREY))


def finish(ax: Axes, title: str, xlabel: str, ylabel: str, legend: bool = True) -> Figure:
    """Title, axis labels, a light grid and (if there are labelled artists) a legend; returns the figure."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(True, axis="y", color=LIGHT_GREY, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    if legend:
        ax.legend(fontsize="small", framealpha=0.9, edgecolor="none")  # the frame hides lines behind it
    return ax.figure


#: Units of parameters as shown next to a slider; used by panels and experiment figures.
PARAM_UNITS: dict[str, tuple[str, str]] = {
    "years": ("years", "jaar"),
    "months": ("months", "maanden"),
    "hours": ("hours", "uur"),
    "hours/year": ("hours per year", "uur per jaar"),
    "FTE": ("FTE", "fte"),
    "orders": ("orders", "orders"),
    "share": ("share 0–1", "aandeel 0–1"),
    "share of criteria": ("share of criteria", "deel van de criteria"),
    "share of revenue": ("share of revenue", "deel van de omzet"),
    "share/year": ("share per year", "aandeel per jaar"),
    "probability": ("probability", "kans"),
    "level 0–1": ("level 0–1", "niveau 0–1"),
    "grade 1–10": ("grade 1–10", "cijfer 1–10"),
    "grade points": ("grade points", "cijferpunten"),
    "points": ("points", "punten"),
    "log-sd": ("log-sd", "log-sd"),
    "×": ("×", "×"),
    "€/month": ("€ per month", "€ per maand"),
    "€/year": ("€ per year", "€ per jaar"),
    "€/FTE/year": ("€ per FTE per year", "€ per fte per jaar"),
    "leads/month": ("leads per month", "leads per maand"),
    "leads/€1,000": ("leads per €1,000", "leads per € 1.000"),
    "prospects/year": ("prospects per year", "prospects per jaar"),
    "relations/year": ("relations per year", "relaties per jaar"),
    "incidents/year": ("incidents per year", "incidenten per jaar"),
    "visits/year": ("visits per year", "bezoeken per jaar"),
}


def param_unit(unit: str, language: str) -> str:
    """A parameter's unit in `language`, as shown next to its control."""
    if unit in PARAM_UNITS:
        return PARAM_UNITS[unit][check_language(language)]
    return kpi_unit(unit, language)
