"""How the game's numbers read, in English and Dutch: the one home for the leaderboard's and a round's tables.

The command line, the team and trainer pages and the debrief report all
show the same leaderboard and round figures; they take their labels,
formats and the names of the computer competitors from here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ..language import format_value, missing, number, text
from ..results import KPI_SPECS
from .bots import STYLE_NAMES
from .play import Slot
from .scoring import Standing

#: A round's KPI → (the model's KPI whose label and unit it shares, or None) and its unit.
ROUND_KPI_LABELS: dict[str, str] = {
    "leads": "leads_generated", "quotes_sent": "quotes_sent", "no_quote_in_time": "no_quote_in_time",
    "won": "deals_won", "new_customers": "new_customers", "won_back": "won_back_customers",
    "revenue": "revenue", "sales_cost": "sales_cost", "service_cost": "cost_to_serve",
    "strategy_cost": "strategy_cost", "margin": "margin", "complaints": "complaints", "customers": "customers_end",
    "avg_grade": "avg_grade", "nps": "nps", "churn_rate_annual": "churn_rate_annual",
}
#: Round KPIs the model has no KPI for: text key and unit.
ROUND_KPI_OWN: dict[str, tuple[str, str]] = {
    "churned": ("game.kpi.churned", "customers"), "won_value": ("game.kpi.won_value", "€"),
    "market_share": ("game.kpi.market_share", "share"), "switched_in": ("game.kpi.switched_in", "leads"),
    "gross_margin_rate": ("game.kpi.gross_margin_rate", "share"), "price_level": ("game.kpi.price_level", "×"),
}
#: What a team sees of each round, in this order.
TEAM_KPIS = ("revenue", "margin", "won", "customers", "churned", "nps", "avg_grade", "market_share", "quotes_sent",
             "no_quote_in_time", "sales_cost", "service_cost", "strategy_cost")


def kpi_label(name: str, language: str) -> str:
    if name in ROUND_KPI_LABELS:
        return KPI_SPECS[ROUND_KPI_LABELS[name]].label(language)
    return text(ROUND_KPI_OWN[name][0], language)


def kpi_unit(name: str) -> str:
    return KPI_SPECS[ROUND_KPI_LABELS[name]].unit if name in ROUND_KPI_LABELS else ROUND_KPI_OWN[name][1]


def kpi_value(name: str, value: float, language: str) -> str:
    return format_value(value, kpi_unit(name), language)


def display_name(name: str, style: str, language: str) -> str:
    """A supplier's name; a computer competitor's in Dutch when asked for (names are stored in English)."""
    if style and language == "nl":
        english, dutch = STYLE_NAMES[style]
        return name.replace(english, dutch, 1)
    return name


def supplier_name(slots: Sequence[Slot], name: str, language: str) -> str:
    """`display_name` for the supplier called `name` among a game's slots."""
    return display_name(name, next((slot.style for slot in slots if slot.name == name), ""), language)


def change_arrow(change: int | None) -> str:
    """Places gained (↑2) or lost (↓1) since the last round, '–' for none, '' after the first round."""
    if change is None:
        return ""
    return f"↑{change}" if change > 0 else f"↓{-change}" if change < 0 else "–"


def leaderboard_table(standings: Sequence[Standing], styles: Mapping[str, str],
                      language: str) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the leaderboard; a computer competitor's name ends in its mark (*)."""
    headers = [text(f"game.board.{key}", language)
               for key in ("rank", "supplier", "score", "margin", "nps", "customers", "churn", "change")]

    def shown(value: float, formatted: str) -> str:
        return missing(language) if value is None or math.isnan(value) else formatted

    rows = [[str(s.rank),
             display_name(s.name, styles.get(s.name, ""), language) + (" *" if s.is_bot else ""),
             number(s.score, 1, language),
             shown(s.margin, format_value(s.margin, "€", language)),
             shown(s.nps, format_value(s.nps, KPI_SPECS["nps"].unit, language)),
             shown(s.customers, number(s.customers, 0, language)),
             shown(s.churn, format_value(s.churn, KPI_SPECS["churn_rate_annual"].unit, language)),
             change_arrow(s.change)] for s in standings]
    return headers, rows


def leaderboard_notes(standings: Sequence[Standing], styles: Mapping[str, str], min_nps: float,
                      language: str) -> list[str]:
    """The footnotes under a leaderboard: the computer mark, and who ranks last for a too-low NPS."""
    notes = [text("game.board.computer", language)] if any(s.is_bot for s in standings) else []
    notes += [text("game.board.below_min_nps", language, name=display_name(s.name, styles.get(s.name, ""), language),
                   nps=number(min_nps, 0, language, signed=True))
              for s in standings if not s.meets_min_nps]
    return notes


def round_table(results: Sequence[Mapping[str, Mapping[str, float]]], name: str, kpis: Sequence[str],
                language: str) -> tuple[list[str], list[list[str]]]:
    """One supplier's KPIs per round: a row per KPI, a column per round."""
    headers = [text("game.round.kpi", language)] + [text("game.round.number", language, round=i)
                                                     for i in range(1, len(results) + 1)]
    rows = [[kpi_label(kpi, language)] + [kpi_value(kpi, rows[name][kpi], language) for rows in results]
            for kpi in kpis]
    return headers, rows
