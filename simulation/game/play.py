"""A game's market on the model: all suppliers in one SimPy environment, advanced one round at a time.

`MarketPlay` holds the live simulation of a game. It only moves forward: a
round applies each supplier's decisions (and the round's market events) and
runs the clock to the round's end; the round's KPIs per supplier come from
the model's own monthly rows. Going back (undo, a dispute, a crash) is
a replay of the log from round 0 on the same seed, which gives the same game
bit for bit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model.clock import DAYS_PER_MONTH
from ..model.run import apply_decisions, build_world, collector_paused
from ..model.shared_market import Market
from ..model.world import Environment, World
from ..parameters import SPECS
from ..scenario import Scenario
from .settings import MARKET_EVENTS, GameSettings

#: Flows of a round: sums of the model's monthly rows.
ROUND_FLOWS = ("leads", "quotes_sent", "no_quote_in_time", "won", "new_customers", "won_back", "churned",
               "revenue", "won_value", "sales_cost", "service_cost", "strategy_cost", "margin", "complaints")
#: Stocks at the round's end: the last monthly row.
ROUND_STOCKS = ("customers", "avg_grade", "nps")
#: Every KPI of a supplier's row for a round: the flows, the stocks and what `play_round` works out from them
#: (what a game file's stored results must hold for each supplier).
ROUND_KPIS = (*ROUND_FLOWS, *ROUND_STOCKS, "churn_rate_annual", "gross_margin_rate", "price_level", "market_share",
              "switched_in")
# Past a round's last monthly snapshot by a quarter of an hour: SimPy's `run(until=t)` stops before events at t.
ROUND_END_SLACK_DAYS = 0.01


@dataclass(frozen=True)
class Slot:
    """A supplier in the market: a team of students or a computer competitor of some style."""

    name: str
    style: str = ""  # a bot's style; empty for a team

    @property
    def is_bot(self) -> bool:
        return bool(self.style)


def supplier_seed(seed: int, index: int) -> int:
    """Each supplier's own random numbers, from the game's seed and its place in the market."""
    return int(np.random.SeedSequence([seed, index]).generate_state(1)[0])


def round_scenario(base: Scenario, decisions: Mapping[str, Any], events: Sequence[str]) -> Scenario:
    """A supplier's scenario for one round: the market, its decisions, then the round's market events."""
    scenario = base.replace(dict(decisions))
    changes = {}
    for event in events:
        for name, factor in MARKET_EVENTS[event].items():
            changes[name] = min(SPECS[name].high, scenario[name] * factor)
    return scenario.replace(changes) if changes else scenario


class MarketPlay:
    """The live simulation of one game: suppliers, the shared market and the rounds played so far."""

    def __init__(self, settings: GameSettings, slots: Sequence[Slot], seed: int | None = None):
        self.settings = settings
        self.slots = tuple(slots)
        seed = settings.seed if seed is None else seed
        self.env = Environment()
        self.market = Market(self.env)
        self.base = settings.base_scenario()
        self.worlds: list[World] = []
        for index in range(len(self.slots)):
            world = build_world(self.base, supplier_seed(seed, index), "none", self.env, self.market)
            self.market.join(world)
            self.worlds.append(world)
        self.round = 0
        self.results: list[dict[str, dict[str, float]]] = []  # per round played: slot name → KPIs

    def play_round(self, decisions: Mapping[str, Mapping[str, Any]], events: Sequence[str] = ()) -> dict[str, dict]:
        """Apply each slot's decisions (all of them, as in force this round) and events; run the round."""
        if self.round >= self.settings.rounds:
            raise RuntimeError("the game has played all its rounds")
        for slot, world in zip(self.slots, self.worlds):
            apply_decisions(world, round_scenario(self.base, decisions.get(slot.name, {}), events))
        switched = [world.tally.switched_in for world in self.worlds]
        self.round += 1
        months = self.settings.months_per_round
        with collector_paused():
            self.env.run(until=self.round * months * DAYS_PER_MONTH + ROUND_END_SLACK_DAYS)
        rows = {slot.name: self._round_kpis(world, months) for slot, world in zip(self.slots, self.worlds)}
        total = sum(kpis["revenue"] for kpis in rows.values())
        for (name, kpis), world, before in zip(rows.items(), self.worlds, switched):
            kpis["market_share"] = kpis["revenue"] / total if total else math.nan
            kpis["switched_in"] = world.tally.switched_in - before
        self.results.append(rows)
        return rows

    def _round_kpis(self, world: World, months: int) -> dict[str, float]:
        rows = world.monthly[-months:]
        kpis = {name: float(sum(row[name] for row in rows)) for name in ROUND_FLOWS}
        kpis.update({name: float(rows[-1][name]) for name in ROUND_STOCKS})
        exposure_years = sum(row["customers"] for row in rows) / 12.0
        kpis["churn_rate_annual"] = kpis["churned"] / exposure_years if exposure_years else math.nan
        kpis["gross_margin_rate"] = world.effects.gross_margin
        kpis["price_level"] = world.scenario["economics.price_level"]
        return kpis
