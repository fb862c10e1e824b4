"""A market of several suppliers: the buyer's choice among offers, decisions that change mid-run, and the
game's market compared with theory and with the single-company model it extends."""

from __future__ import annotations


import numpy as np
import pytest
import simpy

from simulation import Scenario
from simulation.game.play import MarketPlay, Slot
from simulation.game.settings import GameSettings
from simulation.model.entities import EX
from simulation.model.run import apply_decisions, build_world, run_world
from simulation.model.tender import DECISION_WAIT_DAYS, Offer, Tender, choose
from simulation.results import _conservation

GRID = (np.arange(20_000) + 0.5) / 20_000  # evenly spread draws: frequencies are exact up to 1/20,000


def test_one_offer_is_the_single_company_rule():
    for p in (0.0, 0.2, 0.5, 0.95):
        for u in (0.0, 0.1999, 0.2, 0.5, 0.9499, 0.99):
            assert (choose([Offer("A", p, u)]) == "A") == (u < p)


def test_the_buyer_chooses_by_the_odds_of_each_offer_against_the_rest_of_the_market():
    chances = (0.3, 0.5, 0.2)
    picked = [choose([Offer(name, p, u) for name, p in zip("ABC", chances)]) for u in GRID]
    odds = {name: p / (1 - p) for name, p in zip("ABC", chances)}
    total = 1 + sum(odds.values())
    assert picked.count(None) / len(GRID) == pytest.approx(1 / total, abs=1e-4)
    for name in "ABC":
        assert picked.count(name) / len(GRID) == pytest.approx(odds[name] / total, abs=1e-4)


def test_a_better_offer_takes_buyers_from_the_other_supplier():
    def share_of_b(chance_a: float) -> float:
        return sum(choose([Offer("A", chance_a, u), Offer("B", 0.3, u)]) == "B" for u in GRID) / len(GRID)

    assert share_of_b(0.45) < share_of_b(0.3) - 0.03


def _offer_at(env, tender, supplier, delay, chance, draw, seen):
    yield env.timeout(delay)
    winner = yield tender.offer(supplier, chance, draw)
    seen[supplier] = (env.now, winner)


def test_the_buyer_waits_for_every_invited_supplier_or_drops_a_late_one():
    env = simpy.Environment()
    tender, seen = Tender(env, invited=2), {}
    env.process(_offer_at(env, tender, "A", 1.0, 0.9, 0.1, seen))
    env.process(_offer_at(env, tender, "B", 3.0, 0.9, 0.1, seen))
    env.run()
    assert seen["A"] == (3.0, seen["B"][1]) and seen["B"][0] == 3.0  # decided when the second offer came
    env = simpy.Environment()
    tender, seen = Tender(env, invited=2), {}
    env.process(_offer_at(env, tender, "A", 1.0, 0.9, 0.1, seen))
    env.process(_offer_at(env, tender, "B", 1.0 + DECISION_WAIT_DAYS + 1, 0.99, 0.1, seen))
    env.run()
    assert seen["A"] == (1.0 + DECISION_WAIT_DAYS, "A")  # B was too late: the buyer had chosen
    assert seen["B"][1] == "A"


def test_a_withdrawal_settles_the_tender():
    env = simpy.Environment()
    tender = Tender(env, invited=2)
    decision = tender.offer("A", 0.5, 0.7)
    assert not decision.triggered
    tender.withdraw("B")
    assert decision.triggered and decision.value is None  # 0.7 ≥ 0.5: nobody won


def _monthly(world) -> list[dict]:
    return [dict(row) for row in world.monthly]


def test_applying_the_same_decisions_changes_nothing():
    scenario = Scenario({"run.years": 1})
    plain = run_world(build_world(scenario, 3))
    applied = build_world(scenario, 3)
    apply_decisions(applied, scenario)
    assert _monthly(run_world(applied)) == _monthly(plain)


def test_a_role_without_reps_hands_its_customers_to_others():
    scenario = Scenario({"run.years": 1})
    world = build_world(scenario, 5)
    world.env.run(until=180.0)
    served = sum(1 for a in world.accounts if a.phase != EX and a.role == "account_managers")
    assert served > 0
    apply_decisions(world, scenario.replace({"organisation.account_managers": 0}))
    assert not any(a.role == "account_managers" for a in world.accounts if a.phase != EX)
    assert world.organisation.role_for(1, True) != "account_managers"
    run_world(world)
    assert _conservation(world)["balanced"]
    assert not any(a.role == "account_managers" for a in world.accounts if a.phase != EX)


def _market(price_of_first: float, seed: int) -> MarketPlay:
    settings = GameSettings.from_mapping({"rounds": 4, "suppliers": 3, "seed": seed,
                                          "market": {"accounts.initial_customers": 120}})
    play = MarketPlay(settings, [Slot("A"), Slot("B"), Slot("C")])
    for _ in range(4):
        play.play_round({"A": {"economics.price_level": price_of_first}})
    return play


def test_every_supplier_of_a_market_balances_its_books():
    play = _market(1.0, 1)
    for world in play.worlds:
        assert _conservation(world)["balanced"], _conservation(world)
    assert sum(world.tally.switched_in for world in play.worlds) > 0  # leaving customers went shopping


def test_a_cheaper_supplier_wins_more_of_the_shared_buyers():
    """Paired on the same seeds: A's discount wins A more deals. (That it takes them from the other suppliers,
    not only from the rest of the market, is the choice rule's test above; in a whole market the rivals'
    own luck shifts too, as the customers who leave A go shopping at them.)"""
    gained = []
    for seed in range(4):
        par, cheap = _market(1.0, seed), _market(0.8, seed)
        gained.append(cheap.worlds[0].tally.won - par.worlds[0].tally.won)
    assert sum(gained) > 0 and sum(g > 0 for g in gained) >= 3, gained
