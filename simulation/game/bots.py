"""Computer competitors: a few named styles of running a sales organisation.

They fill the market's empty slots, so four teams still meet a market of
six, and a student can play alone. Each style is a recognisable strategy
from the course, with its price: none of them is built to win, and the
tests check that none is a dominant strategy either. A bot's decisions
depend only on its style and on the public results of the rounds so far,
so a replay gives the same bot decisions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..parameters import SPECS

CAMPAIGN = SPECS["market.campaign_spend_per_month"].default  # the market's starting campaign budget (€/month)

#: Style → (English, Dutch) name and what it does.
STYLE_NAMES: dict[str, tuple[str, str]] = {
    "price_fighter": ("Price fighter", "Prijsvechter"),
    "over_promiser": ("Over-promiser", "Overbelover"),
    "customer_intimate": ("Customer-intimate specialist", "Klantintieme specialist"),
    "steady": ("Steady incumbent", "Gevestigde middenmoter"),
}

STYLE_HELP: dict[str, tuple[str, str]] = {
    "price_fighter": ("Low prices and lean, fast processes; buys many leads and cuts service.",
                      "Lage prijzen en slanke, snelle processen; koopt veel leads en bezuinigt op service."),
    "over_promiser": ("Promises whatever the customer wishes and announces nothing; wins deals, then disappoints.",
                      "Belooft wat de klant wenst en kondigt niets aan; wint deals en stelt daarna teleur."),
    "customer_intimate": ("Premium prices, many account managers and visits, honest promises with a buffer.",
                          "Hoge prijzen, veel accountmanagers en bezoeken, eerlijke beloftes met een buffer."),
    "steady": ("Keeps the market's starting organisation and adjusts its campaigns to its results.",
               "Houdt de startorganisatie van de markt en stuurt zijn campagnes bij op zijn resultaten."),
}


def _price_fighter(round_number: int, history: list[Mapping[str, float]]) -> dict[str, Any]:
    return {"economics.price_level": 0.85, "strategy.operational_excellence": 0.8,
            "strategy.customer_intimacy": 0.3, "strategy.product_leadership": 0.4,
            "market.campaign_spend_per_month": CAMPAIGN * 5 / 3, "organisation.service_staff": 1,
            "organisation.inside_sales": 5, "funnel.promise_policy": "honest", "funnel.sales_method": "transactional"}


def _over_promiser(round_number: int, history: list[Mapping[str, float]]) -> dict[str, Any]:
    return {"funnel.promise_policy": "customer_wish", "satisfaction.expectation_management": 0.0,
            "market.campaign_spend_per_month": CAMPAIGN * 4 / 3, "funnel.sales_method": "challenger"}


def _customer_intimate(round_number: int, history: list[Mapping[str, float]]) -> dict[str, Any]:
    return {"economics.price_level": 1.1, "strategy.customer_intimacy": 0.9, "strategy.operational_excellence": 0.45,
            "strategy.product_leadership": 0.5, "organisation.account_managers": 4,
            "organisation.senior_account_managers": 4, "funnel.promise_policy": "honest_buffer",
            "funnel.promise_buffer": 0.2, "satisfaction.expectation_management": 0.8,
            "funnel.sales_method": "customer_centric"}


def _steady(round_number: int, history: list[Mapping[str, float]]) -> dict[str, Any]:
    """Spend a sixth more on campaigns after a round with a good margin, a sixth less after a loss (within two
    thirds and five thirds of the starting budget)."""
    spend = CAMPAIGN
    for kpis in history:
        spend += CAMPAIGN / 6 if kpis["margin"] > 0 else -CAMPAIGN / 6
        spend = min(CAMPAIGN * 5 / 3, max(CAMPAIGN * 2 / 3, spend))
    return {"market.campaign_spend_per_month": spend}


STYLES: dict[str, Callable[[int, list[Mapping[str, float]]], dict[str, Any]]] = {
    "price_fighter": _price_fighter,
    "over_promiser": _over_promiser,
    "customer_intimate": _customer_intimate,
    "steady": _steady,
}


def bot_decisions(style: str, round_number: int, history: list[Mapping[str, float]],
                  allowed: Callable[[str, Any], Any]) -> dict[str, Any]:
    """The style's decisions for `round_number` from its own results so far, each brought within what the
    game allows (`allowed(name, value)` returns the nearest allowed value, or None if not a decision here)."""
    decided = {}
    for name, value in STYLES[style](round_number, history).items():
        value = allowed(name, value)
        if value is not None:
            decided[name] = value
    return decided
