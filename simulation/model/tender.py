"""One buyer, several suppliers: the request for quotes (offerteaanvraag) and the buyer's choice.

A buyer in a market of several suppliers asks some of them for a quote. Each
invited supplier works the request through its own funnel (qualification,
quote desk, promise, method, competence), which gives its offer a chance of
winning the order against the rest of the market. The buyer decides once
every invited supplier has either made an offer or dropped out, or at the
latest `DECISION_WAIT_DAYS` after the first offer: an offer that comes later
is too late (speed is part of the competition).

Each offer's chance p is its chance against the rest of the market (the
model's competitors), so its odds p / (1 − p) measure it against them. The
buyer chooses like a multinomial logit with the rest of the market as the
outside option: supplier i with chance oddsᵢ / (1 + Σ odds), nobody here with
chance 1 / (1 + Σ odds). With one offer that is exactly the single-company
rule "won with chance p" (on the same draw), and a better offer takes buyers
from the other suppliers, not only from the rest of the market.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import simpy

if TYPE_CHECKING:
    from .world import World

DECISION_WAIT_DAYS = 21.0  # how long a buyer waits for the other invited suppliers after the first offer


@dataclass(slots=True)
class Offer:
    supplier: World
    win_chance: float
    draw: float  # the buyer's uniform draw as this supplier's copy of the lead has it


@dataclass(slots=True, eq=False)
class Tender:
    """A buyer's request for quotes to `invited` suppliers, decided once (`decision` holds the winner or None)."""

    env: simpy.Environment
    invited: int
    profile: tuple[int, bool, int] | None = None  # size, complex product, preference: the same buyer everywhere
    offers: list[Offer] = field(default_factory=list)
    settled: int = 0  # suppliers that made an offer or dropped out
    decision: simpy.Event | None = None

    def __post_init__(self) -> None:
        self.decision = self.env.event()

    def has_offer_from(self, supplier: World) -> bool:
        return any(offer.supplier is supplier for offer in self.offers)

    def withdraw(self, supplier: World) -> None:
        """`supplier`'s copy of the lead left the race before an offer (lost, dropped, nurtured)."""
        self.settled += 1
        self._decide_if_complete()

    def offer(self, supplier: World, win_chance: float, draw: float) -> simpy.Event:
        """Place an offer; the returned event's value is the winning supplier (or None: nobody won)."""
        if not self.decision.triggered:
            self.offers.append(Offer(supplier, win_chance, draw))
            self.settled += 1
            if len(self.offers) == 1 and self.settled < self.invited:
                self.env.process(self._deadline())
            self._decide_if_complete()
        return self.decision

    def _deadline(self):
        yield self.env.timeout(DECISION_WAIT_DAYS)
        if not self.decision.triggered:
            self._decide()

    def _decide_if_complete(self) -> None:
        if self.settled >= self.invited and not self.decision.triggered:
            self._decide()

    def _decide(self) -> None:
        self.decision.succeed(choose(self.offers))


def choose(offers: list[Offer]) -> World | None:
    """The buyer's choice among `offers`, on the first offer's draw (see the module's docstring)."""
    if not offers:
        return None
    draw = offers[0].draw
    if len(offers) == 1:
        return offers[0].supplier if draw < offers[0].win_chance else None
    odds = [offer.win_chance / (1.0 - offer.win_chance) if offer.win_chance < 1.0 else math.inf for offer in offers]
    total = 1.0 + sum(odds)
    point = draw * total  # the draw spread over the outside option (1) and the offers' odds
    for offer, weight in zip(offers, odds):
        if point < weight:
            return offer.supplier
        point -= weight
    return None
