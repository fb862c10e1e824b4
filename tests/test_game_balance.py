"""No computer style is a dominant strategy: in a full market game the price fighter and the over-promiser
rank below the market's starting organisation (the course's lesson: cheap deals and broken promises do not
pay), over several seeds."""

from __future__ import annotations

from statistics import mean

from simulation.game.engine import Game

SEEDS = (0, 1, 2)


def test_price_fighting_and_over_promising_rank_below_the_starting_organisation(tmp_path):
    ranks: dict[str, list[int]] = {}
    for seed in SEEDS:
        game = Game.create(tmp_path / f"balance-{seed}.game", {"rounds": 8, "seed": seed},
                           teams=["Start A", "Start B"])  # teams that keep the market's starting decisions
        for _ in range(8):
            game.advance()
        for standing in game.leaderboard():
            ranks.setdefault(standing.name, []).append(standing.rank)
        game.close()
    start = max(mean(ranks["Start A"]), mean(ranks["Start B"]))
    for bot in ("Price fighter (computer)", "Over-promiser (computer)"):
        assert mean(ranks[bot]) > start, ranks
    assert sorted(len(r) for r in ranks.values()) == [len(SEEDS)] * 6
