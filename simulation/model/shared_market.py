"""A market of several suppliers in one SimPy environment: the classroom game's market (DOMAIN.md §1, §6).

Every supplier is a `World` of its own (its decisions, people, funnel and
customers) on the shared clock. What joins them is the buyer: a lead that
arrives at one supplier (its campaign, its inbound) also asks some of the
others for a quote (`Tender`), and chooses among the offers; a customer who
leaves a supplier goes shopping among the others. Word of mouth stays with the
supplier it is about: its referrals come to it, and detractors scare its
own prospects off, also when another supplier's buyer would have invited it.

A market of one supplier invites nobody and lets nobody shop around, so it is
the single-company model unchanged.
"""

from __future__ import annotations

import simpy

from ..rng import Stream
from .entities import WARM, Account
from .funnel import LEAD_DRAWS
from .relationship import new_lead
from .tender import Tender
from .world import World

QUOTES_ASKED = 2.5  # suppliers a B2B buyer asks for a quote, on average (the one it came to included)
SWITCH_SHARE = 0.6  # share of leaving customers who buy elsewhere in this market (the rest leave it)


class Market:
    """The suppliers, the buyers' requests for quotes among them and the customers who switch."""

    def __init__(self, env: simpy.Environment):
        self.env = env
        self.suppliers: list[World] = []

    def join(self, supplier: World) -> None:
        self.suppliers.append(supplier)

    def first_contact_share(self) -> float:
        """1 / the number of suppliers a buyer asks on average: the share of its requests a supplier
        generates itself (the rest come from buyers who went to a rival first)."""
        return 1.0 / (1.0 + self._invite_share() * (len(self.suppliers) - 1))

    def _invite_share(self) -> float:
        return min(1.0, (QUOTES_ASKED - 1.0) / max(1, len(self.suppliers) - 1))

    def _invited(self, rivals: list[World], stream: Stream) -> list[World]:
        """The rivals a buyer asks too: each with the same chance, unless word of mouth about it scared it off.

        The draws come from the stream of the supplier the buyer came to, so one supplier's decisions do
        not reshuffle the luck of buyers who come to the others (common random numbers between teams).
        """
        share = self._invite_share()
        return [rival for rival in rivals if stream.uniform() < share * (1.0 - rival.word_of_mouth_loss)]

    def request_quotes(self, origin: World, source: str, temperature: str, draws: list[float]) -> None:
        """A lead of `origin`'s asks `origin` and some rivals for a quote; each works it in its own funnel."""
        rivals = self._invited([s for s in self.suppliers if s is not origin], origin.streams["invitations"])
        if not rivals:
            new_lead(origin, source, temperature, draws)
            return
        tender = Tender(self.env, invited=1 + len(rivals))
        for supplier in (origin, *rivals):
            new_lead(supplier, source, temperature, draws, tender=tender)

    def shop_around(self, left: World, account: Account) -> None:
        """A customer who left `left` asks other suppliers for a quote (or leaves the market)."""
        stream = left.streams["switching"]
        if not stream.chance(SWITCH_SHARE):
            return
        rivals = [s for s in self.suppliers if s is not left]
        if not rivals:
            return
        first = rivals[int(stream.uniform() * len(rivals))]  # it asks at least one of them
        invited = [first, *self._invited([s for s in rivals if s is not first], stream)]
        tender = Tender(self.env, invited=len(invited), profile=(account.size, account.complex, account.preference))
        draws = stream.block(LEAD_DRAWS)
        for supplier in invited:
            supplier.tally.switched_in += 1
            new_lead(supplier, "switch", WARM, draws, tender=tender)
