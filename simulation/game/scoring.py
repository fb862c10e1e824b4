"""The leaderboard: a balanced scorecard over the rounds played, with ranks and the change since last round.

Four perspectives, as a balanced scorecard has them: money (margin over all
rounds), the customer's voice (NPS now), the customer base (customers now)
and keeping customers (churn per year over all rounds, lower is better).
Each is scaled from the market's worst (0) to its best (100) and weighted
by the game's settings; a team below the game's minimum NPS ranks after
every team that meets it, whatever its margin: a sales game that rewards
burning customers teaches the wrong lesson.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .settings import GameSettings


@dataclass(frozen=True)
class Standing:
    """One supplier's line on the leaderboard after some round."""

    rank: int
    name: str
    is_bot: bool
    score: float  # 0–100
    margin: float  # € over all rounds so far
    nps: float
    customers: float
    churn: float  # per year, over all rounds so far
    meets_min_nps: bool
    change: int | None  # places gained since the previous round (None after the first)


def perspectives(rounds: Sequence[Mapping[str, Mapping[str, float]]], name: str) -> dict[str, float]:
    """Margin over the rounds, NPS and customers at the end, mean churn per year: one supplier's scorecard."""
    own = [round_rows[name] for round_rows in rounds]
    churn = [kpis["churn_rate_annual"] for kpis in own if not math.isnan(kpis["churn_rate_annual"])]
    return {"margin": sum(kpis["margin"] for kpis in own), "nps": own[-1]["nps"],
            "customers": own[-1]["customers"], "churn": sum(churn) / len(churn) if churn else math.nan}


def _scaled(values: dict[str, float], higher_is_better: bool) -> dict[str, float]:
    known = [v for v in values.values() if not math.isnan(v)]
    if not known:
        return dict.fromkeys(values, 0.0)
    low, high = min(known), max(known)
    scaled = {}
    for name, value in values.items():
        if math.isnan(value):
            scaled[name] = 0.0
        elif high == low:
            scaled[name] = 100.0
        else:
            share = (value - low) / (high - low)
            scaled[name] = 100.0 * (share if higher_is_better else 1.0 - share)
    return scaled


def standings_history(settings: GameSettings, rounds: Sequence[Mapping[str, Mapping[str, float]]],
                      bots: Mapping[str, bool]) -> list[list[Standing]]:
    """The leaderboard after each of `rounds` (each: slot name → that round's KPIs), first round first."""
    history: list[list[Standing]] = []
    for played in range(1, len(rounds) + 1):
        previous = {s.name: s.rank for s in history[-1]} if history else {}
        history.append(_standings(settings, rounds[:played], bots, previous))
    return history


def _standings(settings: GameSettings, rounds: Sequence[Mapping[str, Mapping[str, float]]],
               bots: Mapping[str, bool], previous: Mapping[str, int]) -> list[Standing]:
    names = list(rounds[-1])
    cards = {name: perspectives(rounds, name) for name in names}
    scores = dict.fromkeys(names, 0.0)
    for perspective, weight in settings.weights.items():
        scaled = _scaled({n: cards[n][perspective] for n in names}, higher_is_better=perspective != "churn")
        for name in names:
            scores[name] += weight * scaled[name]
    meets = {name: not cards[name]["nps"] < settings.min_nps for name in names}
    order = sorted(names, key=lambda n: (not meets[n], -scores[n], -cards[n]["margin"], n))
    return [Standing(rank, name, bots[name], scores[name], cards[name]["margin"], cards[name]["nps"],
                     cards[name]["customers"], cards[name]["churn"], meets[name],
                     previous[name] - rank if name in previous else None)
            for rank, name in enumerate(order, start=1)]
