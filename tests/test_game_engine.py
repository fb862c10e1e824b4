"""The classroom game's engine: replay, crashes, concurrent teams, codes, undo, practice, bots, scoring, settings.

Small games (3 suppliers, 60 customers each, 3 rounds) keep the file fast; the
crash and concurrency tests run real processes on a real game file.
"""

from __future__ import annotations

import json
import math
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulation.game import engine
from simulation.game.engine import Game
from simulation.game.play import MarketPlay, Slot, supplier_seed
from simulation.game.settings import GameError, GameSettings
from simulation.model.run import build_world, run_world

ROOT = Path(__file__).resolve().parents[1]
SMALL = {"rounds": 3, "suppliers": 3, "market": {"accounts.initial_customers": 60}}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def _same_number(a, b) -> bool:
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def _assert_same_rows(ours: dict, theirs: dict, where: str) -> None:
    assert ours.keys() == theirs.keys(), where
    for slot in ours:
        assert ours[slot].keys() == theirs[slot].keys(), f"{where}, {slot}"
        for kpi in ours[slot]:
            assert _same_number(ours[slot][kpi], theirs[slot][kpi]), \
                f"{where}, {slot}, {kpi}: {ours[slot][kpi]!r} != {theirs[slot][kpi]!r}"


def _small_game(path: Path, teams: int = 2, **overrides) -> Game:
    return Game.create(path, {**SMALL, **overrides}, teams=teams)


def _played_game(path: Path) -> Game:
    """Two teams and a bot: submissions, a market event and three rounds played."""
    game = _small_game(path)
    game.submit("Team A", {"economics.price_level": 0.9, "market.campaign_spend_per_month": 20_000})
    game.submit("Team B", {"funnel.promise_policy": "honest_buffer", "funnel.promise_buffer": 0.2})
    game.schedule_event("demand_dip", 2)
    game.advance()
    game.submit("Team B", {"economics.price_level": 1.1}, round_number=2)
    game.advance()
    game.submit("Team A", {"organisation.account_managers": 4}, round_number=3)
    game.advance()
    return game


# --- 1. replay determinism -----------------------------------------------------------------------------------


def test_replay_gives_the_stored_results_bit_for_bit(tmp_path):
    path = tmp_path / "game.db"
    game = _played_game(path)
    stored = game.results()
    assert len(stored) == 3 and game.status().finished
    game.close()

    reopened = Game.open(path)
    play, differing = reopened.replay()
    assert differing == []
    assert len(play.results) == len(stored) == 3
    for number, (ours, theirs) in enumerate(zip(play.results, stored), start=1):
        _assert_same_rows(ours, theirs, f"round {number}")
    reopened.close()

    script = ("import json, sys\n"
              "from simulation.game.engine import Game\n"
              "play, differing = Game.open(sys.argv[1]).replay()\n"
              "print(json.dumps({'differing': differing, 'results': play.results}, sort_keys=True))\n")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, env=_env(),
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    expected = json.dumps({"differing": [], "results": stored}, sort_keys=True)
    assert done.stdout.strip() == expected


# --- 2. kill -9 during a submission and during an advance -----------------------------------------------------

LOOPS = {
    "submit": ("i = 0\n"
               "while True:\n"
               "    i += 1\n"
               "    game.submit('Team A', {'market.campaign_spend_per_month': float(1000 * (i % 40)),\n"
               "                           'economics.price_level': 0.8 + 0.01 * (i % 40)})\n"),
    "advance": ("while True:\n"
                "    if game.status().finished:\n"
                "        game.undo()\n"
                "    else:\n"
                "        game.submit('Team B', {'economics.price_level': 0.9 + 0.1 * game.status().played})\n"
                "        game.advance()\n"),
}


def _check_after_crash(path: Path) -> None:
    game = Game.open(path)  # opening recovers the file (SQLite's journal)
    try:
        status = game.status()
        results = game.results()
        assert len(results) == status.played
        assert all(set(rows) == {slot.name for slot in game.slots} for rows in results)
        with sqlite3.connect(path) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            for kind, payload in raw.execute("SELECT kind, payload FROM actions"):
                decoded = json.loads(payload)  # complete JSON, never half a row
                if kind == "submit":
                    assert isinstance(decoded["decisions"], dict) and decoded["decisions"]
            advances = [seq for (seq,) in raw.execute("SELECT seq FROM actions WHERE kind = 'advance'")]
            for seq in advances:  # every advance was stored together with all its results
                count = raw.execute("SELECT COUNT(*) FROM results WHERE advance = ?", (seq,)).fetchone()[0]
                assert count == len(game.slots)
        _, differing = game.replay()
        assert differing == []
    finally:
        game.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
@pytest.mark.parametrize("loop", ["submit", "advance"])
def test_a_process_killed_at_any_moment_leaves_a_whole_game(tmp_path, loop):
    path = tmp_path / "game.db"
    _small_game(path).close()
    script = ("import sys\n"
              "from simulation.game.engine import Game\n"
              "game = Game.open(sys.argv[1])\n"
              "print('ready', flush=True)\n" + LOOPS[loop])
    moments = random.Random(f"kill-{loop}")
    actions_before = 0
    for kill in range(5):
        wait = moments.uniform(0.05, 1.5)
        process = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
        try:
            line = process.stdout.readline()
            assert line.strip() == "ready", process.stderr.read()
            time.sleep(wait)
            assert process.poll() is None, f"the {loop} loop ended by itself: {process.stderr.read()}"
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            process.stdout.close()
            process.stderr.close()
        assert process.returncode == -signal.SIGKILL
        _check_after_crash(path)
        with sqlite3.connect(path) as raw:
            actions = raw.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
        assert actions >= actions_before
        actions_before = actions
    assert actions_before > 0, "the loop never stored anything before it was killed"


# --- 3. two teams submitting at the same moment ----------------------------------------------------------------

SUBMITTER = """
import sys, time
from pathlib import Path
from simulation.game.engine import Game
game = Game.open(sys.argv[1])
team, go, times = sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
print('ready', flush=True)
while not go.exists():
    time.sleep(0.001)
for i in range(times):
    game.submit(team, {'market.campaign_spend_per_month': float(500 * i), 'economics.price_level': 0.9})
print('done', flush=True)
"""


def test_two_teams_submitting_at_once_both_count(tmp_path):
    path, go = tmp_path / "game.db", tmp_path / "go"
    game = _small_game(path)
    times = 60
    processes = [subprocess.Popen([sys.executable, "-c", SUBMITTER, str(path), team, str(go), str(times)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
                 for team in ("Team A", "Team B")]
    try:
        for process in processes:
            assert process.stdout.readline().strip() == "ready"
        go.touch()  # both are waiting: release them together
        outputs = [process.communicate(timeout=120) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    for process, (out, err) in zip(processes, outputs):
        assert "locked" not in err.lower()
        assert process.returncode == 0, err
        assert out.split() == ["done"]  # "ready" was read before the release
    submissions = [a for a in game.log().submissions]
    assert sum(a.slot == "Team A" for a in submissions) == times
    assert sum(a.slot == "Team B" for a in submissions) == times
    assert game.status().submitted == ("Team A", "Team B")
    last = float(500 * (times - 1))
    assert game.decisions("Team A")["market.campaign_spend_per_month"] == last
    assert game.decisions("Team B")["market.campaign_spend_per_month"] == last
    game.close()


# --- 4. codes, bots and closed rounds -----------------------------------------------------------------------------


def test_a_team_cannot_submit_for_another(tmp_path):
    game = _small_game(tmp_path / "game.db")
    other = _small_game(tmp_path / "other.db")
    codes = game.team_codes()
    assert set(codes) == {"Team A", "Team B"} and codes["Team A"] != codes["Team B"]
    assert game.team_for_code(codes["Team A"]) == "Team A"
    assert game.team_for_code(codes["Team B"]) == "Team B"
    typed = codes["Team A"].lower().replace("-", " ")  # as a student types it
    assert game.team_for_code(typed) == "Team A"
    wrong = codes["Team A"][:-1] + ("B" if codes["Team A"][-1] != "B" else "C")  # one symbol off
    for code in (wrong, other.team_codes()["Team A"], other.trainer_code, game.trainer_code, "", None, 12345,
                 codes["Team A"][:-1]):
        with pytest.raises(GameError):
            game.team_for_code(code)
    game.check_trainer(game.trainer_code)
    with pytest.raises(GameError):
        game.check_trainer(codes["Team A"])

    bots = [slot.name for slot in game.slots if slot.is_bot]
    assert bots
    with pytest.raises(GameError, match="computer competitors take no submissions"):
        game.submit(bots[0], {"economics.price_level": 0.9})
    with pytest.raises(GameError):
        game.submit("Team C", {"economics.price_level": 0.9})
    assert game.log().submissions == []

    game.submit("Team A", {"economics.price_level": 0.9}, round_number=1)
    game.advance()
    with pytest.raises(GameError, match="Round 1 is closed"):
        game.submit("Team A", {"economics.price_level": 1.1}, round_number=1)
    with pytest.raises(GameError, match="Round 3 is not open yet"):
        game.submit("Team A", {"economics.price_level": 1.1}, round_number=3)
    assert [a.round for a in game.log().submissions] == [1]
    assert game.decisions("Team A") == {"economics.price_level": 0.9}
    game.close()
    other.close()


# --- 5. undo ----------------------------------------------------------------------------------------------------


def test_undo_reopens_the_round_and_replays_the_same(tmp_path):
    game = _small_game(tmp_path / "game.db")
    game.submit("Team A", {"economics.price_level": 0.9})
    game.submit("Team B", {"market.campaign_spend_per_month": 25_000})
    first = game.advance()
    game.submit("Team A", {"economics.price_level": 1.2}, round_number=2)
    second = game.advance()
    assert game.status().played == 2

    assert game.undo() == 2
    status = game.status()
    assert (status.round_open, status.played) == (2, 1)
    assert status.submitted == ("Team A",)  # round 2's submissions stay: round 2 is open again
    assert len(game.results()) == 1
    _assert_same_rows(game.results()[0], first, "round 1 after undo")
    again = game.advance()  # same decisions: the same round, number for number
    _assert_same_rows(again, second, "round 2 replayed")

    assert game.undo() == 2
    assert game.undo() == 1
    status = game.status()
    assert (status.round_open, status.played, status.submitted) == (1, 0, ("Team A", "Team B"))
    assert game.results() == []
    assert game.decisions("Team A") == {"economics.price_level": 0.9}  # the submission for round 2 is dropped
    replayed = game.advance()
    _assert_same_rows(replayed, first, "round 1 replayed")

    game.undo()
    game.submit("Team A", {"economics.price_level": 1.15, "organisation.account_managers": 5})
    changed = game.advance()
    assert changed["Team A"] != first["Team A"]
    assert changed["Team A"]["price_level"] == 1.15
    assert game.results() == [changed]

    game.undo()
    with pytest.raises(GameError, match="no round to undo"):
        game.undo()
    _, differing = Game.open(game.store.path).replay()
    assert differing == []
    game.close()


def test_a_round_replayed_elsewhere_is_not_built_on_a_stale_cache(tmp_path):
    path = tmp_path / "game.db"
    page = _small_game(path)
    page.advance()  # the team pages' process: its play is cached after round 1
    trainer = Game.open(path)  # the trainer's command line, another process
    trainer.undo()
    trainer.submit("Team A", {"economics.price_level": 0.8})
    trainer.advance()
    page.advance()  # round 2 must follow the round 1 now in the log
    _, differing = Game.open(path).replay()
    assert differing == []
    trainer.close()
    page.close()


# --- 6. practice round --------------------------------------------------------------------------------------------


def test_practice_round_does_not_count(tmp_path):
    game = _small_game(tmp_path / "game.db")
    game.submit("Team A", {"economics.price_level": 0.9})
    assert not game.status().practice_played
    practice = game.practice()
    status = game.status()
    assert status.practice_played and status.played == 0 and status.round_open == 1
    assert game.results() == []
    _assert_same_rows(game.practice_results(), practice, "stored practice")
    assert game.leaderboard() == []

    round_one = game.advance()
    assert set(round_one) == set(practice)
    for slot in practice:
        assert round_one[slot] != practice[slot], f"{slot}: round 1 is the practice round's numbers"
    assert game.results() == [round_one]
    with pytest.raises(GameError, match="practice round comes before round 1"):
        game.practice()
    # the practice does not change the game: a game without it plays round 1 the same
    plain = _small_game(tmp_path / "plain.db")
    plain.submit("Team A", {"economics.price_level": 0.9})
    _assert_same_rows(plain.advance(), round_one, "round 1 without a practice")
    plain.close()
    game.close()


# --- 7. computer competitors --------------------------------------------------------------------------------------


def test_bots_play_a_whole_game(tmp_path):
    game = Game.create(tmp_path / "bots.db", {**SMALL, "suppliers": 4}, teams=0)
    assert game.teams == ()
    assert len({slot.style for slot in game.slots}) == 4 and all(slot.is_bot for slot in game.slots)
    assert game.status().waiting_for == ()
    while not game.status().finished:
        game.advance()
    with pytest.raises(GameError, match="game is over"):
        game.advance()
    results = game.results()
    assert len(results) == SMALL["rounds"]
    for number, rows in enumerate(results, start=1):
        assert len(rows) == 4
        for name, kpis in rows.items():
            assert kpis["customers"] > 0, (number, name)
            assert kpis["revenue"] > 0, (number, name)
            assert kpis["leads"] > 0, (number, name)
            assert math.isfinite(kpis["margin"]) and -100 <= kpis["nps"] <= 100, (number, name)
        assert sum(kpis["market_share"] for kpis in rows.values()) == pytest.approx(1.0)
    board = game.leaderboard()
    assert [s.rank for s in board] == [1, 2, 3, 4]
    assert {s.name for s in board} == {slot.name for slot in game.slots}
    assert all(s.is_bot for s in board)
    # the styles show: the price fighter's price is low, the customer-intimate specialist's high
    last = results[-1]
    by_style = {slot.style: last[slot.name] for slot in game.slots}
    assert by_style["price_fighter"]["price_level"] < by_style["customer_intimate"]["price_level"]
    game.close()


# --- 8. a market of one supplier is the single-company model -------------------------------------------------


def test_a_market_of_one_is_the_single_company_model():
    settings = GameSettings.from_mapping({"rounds": 4, "months_per_round": 3, "suppliers": 1})
    assert settings.years == 1
    play = MarketPlay(settings, [Slot("Solo")])
    for _ in range(settings.rounds):
        play.play_round({"Solo": {}})
    market_rows = play.worlds[0].monthly

    alone = run_world(build_world(settings.base_scenario(), supplier_seed(settings.seed, 0)))
    single_rows = alone.monthly
    assert len(market_rows) == len(single_rows) == 12
    for month, (ours, theirs) in enumerate(zip(market_rows, single_rows), start=1):
        assert ours.keys() == theirs.keys(), month
        for column in ours:
            assert _same_number(ours[column], theirs[column]), \
                f"month {month}, {column}: market {ours[column]!r} != single company {theirs[column]!r}"
    assert play.results[-1]["Solo"]["market_share"] == 1.0
    assert sum(r["Solo"]["switched_in"] for r in play.results) == 0


# --- 9. the leaderboard is the stored results ----------------------------------------------------------------


def test_leaderboard_numbers_are_the_stored_results(tmp_path):
    game = _played_game(tmp_path / "game.db")
    results = game.results()
    for upto in (1, 2, 3):
        board = game.leaderboard(upto)
        assert sorted(s.rank for s in board) == list(range(1, len(game.slots) + 1))
        for standing in board:
            own = [rows[standing.name] for rows in results[:upto]]
            assert standing.margin == pytest.approx(sum(k["margin"] for k in own), rel=1e-12, abs=1e-6)
            assert _same_number(standing.nps, own[-1]["nps"])
            assert standing.customers == own[-1]["customers"]
            assert standing.is_bot == (standing.name not in game.teams)
            assert (standing.change is None) == (upto == 1)
    assert game.leaderboard() == game.leaderboard(3)
    with pytest.raises(GameError):
        game.leaderboard(4)
    game.close()


# --- 10. settings errors -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("settings", "named"), [
    ({"roundz": 3}, "roundz"),
    ({"weights": {"margin": 0.5, "nps": 0.3, "customers": 0.1, "churn": 0.2}}, "weights"),
    ({"weights": {"margin": 0.5, "profit": 0.5}}, "profit"),
    ({"decisions": {"economics.price_level": [0.5, 1.5]}}, "economics.price_level"),
    ({"decisions": {"funnel.promise_policy": ["honest", "lie"]}}, "funnel.promise_policy"),
    ({"decisions": {"economics.pricelevel": [0.9, 1.1]}}, "economics.pricelevel"),
    ({"bots": ["steady", "greedy"]}, "greedy"),
    ({"rounds": 0}, "rounds"),
    ({"suppliers": 2.5}, "suppliers"),
    ({"market": {"accounts.initial_customerz": 60}}, "market"),
])
def test_settings_errors_name_the_field(tmp_path, settings, named):
    with pytest.raises(GameError) as error:
        GameSettings.from_mapping(settings)
    assert named in str(error.value)
    with pytest.raises(GameError):
        Game.create(tmp_path / "game.db", settings)
    assert not (tmp_path / "game.db").exists()


def test_teams_decisions_are_checked_against_the_game(tmp_path):
    game = _small_game(tmp_path / "game.db")
    for decisions, named in (({"economics.price_level": 1.5}, "economics.price_level"),
                             ({"run.years": 2}, "run.years"),
                             ({"organisation.account_managers": 6, "organisation.senior_account_managers": 6,
                               "organisation.key_account_managers": 5, "organisation.service_staff": 6,
                               "organisation.inside_sales": 8}, "budget")):
        with pytest.raises(GameError, match=named.replace(".", r"\.")):
            game.submit("Team A", decisions)
    assert game.log().submissions == []
    game.close()


# --- preview keeps the cached market; odd round numbers and repeated events ---------------------------------------


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the preview plays in a forked copy only where fork exists")
def test_a_preview_leaves_the_cached_market_as_it_was(tmp_path):
    game = _small_game(tmp_path / "game.db")
    game.advance()
    def cached():
        return engine._PLAYS[game._cache_name][0]

    before = cached()
    first = game.preview("Team A", {"economics.price_level": 0.9})
    assert cached() is before and before.round == 1  # played in a copy: nothing to replay next time
    other = Game.open(tmp_path / "game.db")  # another page of the same server: it shares the market
    assert other.preview("Team B", {"economics.price_level": 1.1}).round == 2 and cached() is before
    other.close()
    assert game.preview("Team A", {"economics.price_level": 0.9}).kpis == first.kpis  # same numbers again
    rows = game.advance()  # and the advance after it uses the same cached market
    assert cached() is before and before.round == 2
    _, differing = Game.open(tmp_path / "game.db").replay()
    assert differing == [] and rows == game.results()[-1]
    game.close()


def test_round_numbers_must_be_whole_numbers_and_events_are_not_doubled(tmp_path):
    game = _small_game(tmp_path / "game.db")
    for wrong in ("1", 1.0, True):
        with pytest.raises(GameError, match="whole number"):
            game.submit("Team A", {"economics.price_level": 0.9}, round_number=wrong)
        with pytest.raises(GameError, match="whole number"):
            game.schedule_event("price_war", wrong)
    game.schedule_event("price_war", 2)
    with pytest.raises(GameError, match="already scheduled for round 2"):
        game.schedule_event("price_war", 2)
    game.close()


def test_the_trainer_can_end_the_game_early(tmp_path):
    game = _small_game(tmp_path / "game.db")
    game.advance()
    assert game.end() == 1 and game.status().finished and game.status().ended
    for action, message in ((lambda: game.advance(), "ended the game after round 1"),
                            (lambda: game.submit("Team A", {"economics.price_level": 0.9}), "ended the game"),
                            (lambda: game.schedule_event("price_war"), "ended the game"),
                            (lambda: game.end(), "ended the game")):
        with pytest.raises(GameError, match=message):
            action()
    assert len(game.results()) == 1 and game.leaderboard()[0].rank == 1  # the debrief has its round
    game.close()


def test_an_end_taken_back_plays_on_as_if_the_game_had_never_ended(tmp_path):
    """`end` asks nothing, so a trainer who ended the game by mistake takes it back with `undo`: round 2 is open
    again with the submissions made before the end, and the game is the one that was never ended, bit for bit."""
    ended, never = _small_game(tmp_path / "ended.game"), _small_game(tmp_path / "never.game")
    for game in (ended, never):
        game.submit("Team A", {"economics.price_level": 0.9})
        game.advance()
        game.submit("Team B", {"economics.price_level": 1.1})
    ended.end()
    with pytest.raises(GameError, match="to take the end back, undo with --end"):  # not a round, after an end
        ended.undo()
    assert ended.undo(end=True) == 2
    with pytest.raises(GameError, match="no end to take back"):  # the same undo again does not reopen round 1
        ended.undo(end=True)
    status = ended.status()
    assert not status.ended and not status.finished and status.round_open == 2 and status.played == 1
    assert ended.decisions("Team B") == {"economics.price_level": 1.1}
    for game in (ended, never):
        game.advance(round_number=2)
    assert ended.results() == never.results()
    with pytest.raises(GameError, match="Round 2 is closed; round 3 is open now"):  # the same command again
        ended.advance(round_number=2)
    assert len(ended.results()) == 2
    with pytest.raises(GameError, match="Round 1 is not the last round played; round 2 is"):
        ended.undo(round_number=1)
    reopened = Game.open(tmp_path / "ended.game")  # as read again from its file
    assert reopened.status() == ended.status() and reopened.results() == ended.results()
    for game in (ended, never, reopened):
        game.close()


def test_a_new_game_starts_in_the_same_file_once_the_last_one_is_over(tmp_path):
    path = tmp_path / "class.game"
    game = _small_game(path)
    old_codes, trainer, old_id = game.team_codes(), game.trainer_code, game.game_id
    game.advance()
    with pytest.raises(GameError, match="end the game first"):
        game.restart({"rounds": 2}, teams=["Rood"])
    game.end()
    new = game.restart({"rounds": 2, "suppliers": 2}, teams=["Rood"])
    assert new.settings.rounds == 2 and new.teams == ("Rood",) and new.trainer_code == trainer
    assert new.game_id != old_id and new.status().played == 0
    with pytest.raises(GameError):
        new.team_for_code(old_codes["Team A"])
    archives = [p for p in tmp_path.glob("class-*.game")]
    assert len(archives) == 1
    with Game.open(archives[0]) as old:  # the last game, whole, for its debrief
        assert old.status().ended and len(old.results()) == 1 and old.team_codes() == old_codes
    new.close()


class _FullDisk:
    """The game file's connection, with the writes starting with `fails` refused as SQLite refuses them on a
    full disk (sqlite3.Connection's own methods cannot be patched, so the store gets this stand-in)."""

    def __init__(self, connection: sqlite3.Connection, fails: str):
        self.connection, self.fails = connection, fails

    def execute(self, sql: str, *args):
        if sql.lstrip().upper().startswith(self.fails):
            raise sqlite3.OperationalError("database or disk is full")
        return self.connection.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self.connection, name)


@pytest.mark.parametrize("fails", ["BEGIN", "INSERT", "COMMIT"])
def test_a_full_disk_during_a_move_names_the_file_and_keeps_the_game(tmp_path, fails):
    """No raw sqlite3.OperationalError: one GameError naming the file and the reason; the change is rolled back."""
    path = tmp_path / "game.db"
    game = _small_game(path)
    game.submit("Team A", {"economics.price_level": 0.9})
    before = game.store.actions()
    real = game.store.connection
    game.store.connection = _FullDisk(real, fails)
    with pytest.raises(GameError, match=f"Cannot write the game file '{path}': database or disk is full"):
        game.submit("Team A", {"economics.price_level": 1.1})
    game.store.connection = real
    assert not real.in_transaction and game.store.actions() == before  # nothing half-written, nothing locked
    assert game.submit("Team A", {"economics.price_level": 1.2})["economics.price_level"] == 1.2  # plays on
    game.close()
