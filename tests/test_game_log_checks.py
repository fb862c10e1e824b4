"""A game file whose log was changed by hand: every command tells which file and which entry, in one line in
the trainer's language (exit status 2), and a logged submission is checked as `submit` checks it."""

from __future__ import annotations

import json
import sqlite3

import pytest
from test_game_cli import SMALL, _mistake, _ok

from simulation.cli import main
from simulation.game.engine import Game

COMMANDS = ("status", "leaderboard", "replay", "advance")


@pytest.fixture
def played(tmp_path, capsys):
    """A small game (Rood, Blauw and a computer competitor) whose round 1 was played with Rood's price 1.1:
    the first entry of its log is Rood's submission."""
    path = str(tmp_path / "class.game")
    assert main(["game", "new", path, "--teams", "Rood,Blauw", "--settings", _settings(tmp_path)]) == 0
    _ok(capsys, "submit", path, "--team", "Rood", "--set", "economics.price_level=1.1")
    _ok(capsys, "advance", path)
    return path


def _settings(folder) -> str:
    path = folder / "settings.json"
    path.write_text(json.dumps(SMALL))
    return str(path)


def _edit(path: str, change: str) -> None:
    """Change the game's log by hand, as a curious trainer with an SQLite tool might."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(change)
    connection.close()


def _logged(path: str, decisions: str, team: str = "Rood") -> None:
    """Rood's logged submission (entry 1) replaced by `decisions` (JSON) for `team`."""
    _edit(path, f"UPDATE actions SET slot = '{team}', payload = '{{\"decisions\": {decisions}}}' WHERE seq = 1")


def _entries(path: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM actions").fetchone()[0]
    finally:
        connection.close()


@pytest.mark.parametrize("payload", ['{"decisions": {"economics.price_level": ', "[1, 2]"])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_log_entry_that_cannot_be_read_is_one_line_naming_file_and_entry(played, capsys, command, payload):
    _edit(played, f"UPDATE actions SET payload = '{payload}' WHERE seq = 1")
    line = _mistake(capsys, command, played)
    assert f"Game file '{played}', log entry 1 (round 1, team 'Rood'): this entry cannot be read" in line
    line = _mistake(capsys, command, played, "--language", "nl")
    assert line.startswith(f"fout: Spelbestand '{played}', regel 1 van het logboek (ronde 1, team 'Rood'): deze "
                           "regel is onleesbaar")
    assert _entries(played) == 2  # the advance did not play on


@pytest.mark.parametrize(("decisions", "team", "told"), [
    ('{"economics.price_level": 5.0}', "Rood", "The 'economics.price_level' parameter must be a number in the "
                                               "range [0.8, 1.2]. Got 5.0 instead."),
    ('{"market.campaign_spend_per_month": 150000}', "Rood", "= 150000.0 is outside the range the trainer allowed: "
                                                            "0–100000."),
    ('{"organisation.service_staff": 6, "organisation.key_account_managers": 5, "organisation.account_managers": 6, '
     '"organisation.senior_account_managers": 6, "organisation.inside_sales": 8}', "Rood",
     "this game's budget allows at most 30."),
    ('{"economics.price_level": 1.1}', "Paars", "No team 'Paars' in this game"),
    ('{"run.years": 3}', "Rood", "'run.years' is not a decision in this game."),
])
def test_a_logged_submission_is_checked_as_submit_checks_it(played, capsys, decisions, team, told):
    _logged(played, decisions, team)
    for command in COMMANDS:
        line = _mistake(capsys, command, played)
        assert f"Game file '{played}', log entry 1 (round 1, team '{team}'): " in line and told in line, line
        assert "changed by hand" in line
    assert "Spelbestand" in _mistake(capsys, "advance", played, "--language", "nl")
    assert _entries(played) == 2  # nothing was played on a log the game would not have taken


def test_a_logged_market_event_is_checked_as_scheduling_checks_it(played, capsys):
    _edit(played, "INSERT INTO actions (round, kind, slot, payload, at) VALUES (2, 'event', NULL, "
                  "'{\"event\": \"flood\"}', '2026-01-01T00:00:00+00:00')")
    line = _mistake(capsys, "advance", played)
    assert f"Game file '{played}', log entry 3 (round 2, 'event'): Unknown market event 'flood'." in line


def test_a_log_as_the_kit_wrote_it_is_read_as_before(played, capsys):
    with Game.open(played) as game:
        assert game.decisions("Rood", 1) == {"economics.price_level": 1.1}
    assert "The rounds played (1) replayed identically" in _ok(capsys, "replay", played)
