"""A game file whose log, settings or stored results were changed by hand: every command tells which file and
which entry (or setting), in one line in the trainer's language (exit status 2), and writes nothing; a logged
submission is checked as `submit` checks it, each entry's place in the log as its command checks it."""

from __future__ import annotations

import html
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from test_game_cli import SMALL, _mistake, _ok

from simulation.cli import main
from simulation.game.engine import Game

COMMANDS = ("status", "leaderboard", "replay", "advance")


@pytest.fixture(scope="module")
def _played_once(tmp_path_factory) -> Path:
    """The game `played` copies (made once: a game and its first round take most of a second)."""
    folder = tmp_path_factory.mktemp("played")
    path = str(folder / "class.game")
    assert main(["game", "new", path, "--teams", "Rood,Blauw", "--settings", _settings(folder)]) == 0
    assert main(["game", "submit", path, "--team", "Rood", "--set", "economics.price_level=1.1"]) == 0
    assert main(["game", "advance", path]) == 0
    return Path(path)


@pytest.fixture
def played(_played_once, tmp_path) -> str:
    """A small game (Rood, Blauw and a computer competitor) whose round 1 was played with Rood's price 1.1:
    the first entry of its log is Rood's submission. Each test has its own copy to change by hand."""
    for part in _played_once.parent.glob(f"{_played_once.name}*"):  # (with SQLite's journal, if one is left)
        shutil.copy(part, tmp_path / part.name)
    return str(tmp_path / _played_once.name)


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


def _contents(path: str) -> list[tuple]:
    """Everything the game file holds but its failed logins: what a refused command must leave as it was."""
    connection = sqlite3.connect(path)
    try:
        return [row for table in ("game", "slots", "actions", "results")
                for row in connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
    finally:
        connection.close()


def _kpi(name: str, value: str) -> str:
    """SQL that sets Rood's stored `name` for round 1 to `value` (SQL JSON)."""
    return f"UPDATE results SET kpis = json_set(kpis, '$.{name}', {value}) WHERE slot = 'Rood'"


UNREADABLE = ("the results stored with it for 'Rood' cannot be read (the kit stores a JSON object with a number for "
              "every KPI of the round).")
SUPPLIERS = "but the game's suppliers are 'Rood', 'Blauw', 'Price fighter (computer)'."


@pytest.mark.parametrize(("change", "told"), [
    ("UPDATE results SET kpis = 'lots' WHERE slot = 'Rood'", UNREADABLE),
    ("UPDATE results SET kpis = '[1, 2]' WHERE slot = 'Rood'", UNREADABLE),
    (_kpi("margin", "'lots'"), UNREADABLE),
    (_kpi("margin", "json('null')"), UNREADABLE),
    (_kpi("margin", "json('true')"), UNREADABLE),
    ("UPDATE results SET kpis = json_remove(kpis, '$.margin') WHERE slot = 'Rood'", UNREADABLE),
    ("UPDATE results SET slot = 'Paars' WHERE slot = 'Rood'",
     "the results stored with it are for 'Paars', 'Blauw', 'Price fighter (computer)', " + SUPPLIERS),
    ("DELETE FROM results WHERE slot = 'Rood'",
     "the results stored with it are for 'Blauw', 'Price fighter (computer)', " + SUPPLIERS),
])
@pytest.mark.parametrize("command", ("leaderboard", "replay", "advance"))
def test_a_broken_row_of_the_stored_results_names_file_entry_and_supplier(played, capsys, command, change, told):
    _edit(played, change)
    before = _contents(played)
    line = _mistake(capsys, command, played)
    assert line.startswith(f"error: Game file '{played}', log entry 2 (round 1, 'advance'): {told} The results were "
                           "changed by hand")
    line = _mistake(capsys, command, played, "--language", "nl")
    assert line.startswith(f"fout: Spelbestand '{played}', regel 2 van het logboek (ronde 1, 'advance'): de "
                           "uitslagen die erbij zijn opgeslagen")
    assert "De uitslagen zijn met de hand veranderd" in line
    assert _contents(played) == before  # an advance on them added no round


def test_results_stored_for_an_entry_the_log_does_not_have_are_told_before_the_next_advance_collides(played, capsys):
    _edit(played, "INSERT INTO results SELECT 3, 2, slot, kpis FROM results")  # entry 3 is the next advance's
    before = _contents(played)
    line = _mistake(capsys, "advance", played)
    assert line == (f"error: Game file '{played}': results are stored with log entry 3, which is not in the log. "
                    "The results were changed by hand; undo that change or go back to a copy of the file.")
    assert _mistake(capsys, "advance", played, "--language", "nl") == (
        f"fout: Spelbestand '{played}': er zijn uitslagen opgeslagen bij regel 3 van het logboek, maar die regel staat "
        "niet in het logboek. De uitslagen zijn met de hand veranderd; draai dat terug of ga terug naar een kopie van "
        "het bestand.")
    assert _contents(played) == before


def test_a_round_closed_while_a_page_reads_the_results_is_no_change_by_hand(played):
    """A team page or the projector reads the log, then the results; the trainer's advance can be stored between
    the two (the pages poll while the round closes). The new round's results are then beyond the log that page
    read: not 'changed by hand', just not yet its business."""
    with Game.open(played) as reader, Game.open(played) as trainer:
        read_results = reader.store.results

        def closed_meanwhile():
            trainer.advance()
            return read_results()

        reader.store.results = closed_meanwhile
        assert len(reader.results()) == 1 and len(trainer.results()) == 2


def test_the_results_check_asks_for_every_kpi_a_round_gives(played):
    from simulation.game.play import ROUND_KPIS

    with Game.open(played) as game:
        assert [set(kpis) for kpis in game.results()[0].values()] == [set(ROUND_KPIS)] * 3


def _setting(name: str, value: str) -> str:
    """SQL that sets the stored game setting `name` to `value` (SQL JSON)."""
    return f"UPDATE game SET value = json_set(value, '$.{name}', {value}) WHERE key = 'settings'"


@pytest.mark.parametrize(("change", "english", "dutch"), [
    (_setting("rounds", "0"), "Game setting 'rounds': must be a whole number from 1 to 40; got 0.",
     "Spelinstelling 'rounds': moet een geheel getal van 1 tot en met 40 zijn; je gaf 0."),
    (_setting("rounds", "'8'"), "Game setting 'rounds': must be a whole number from 1 to 40; got '8'.",
     "Spelinstelling 'rounds': moet een geheel getal van 1 tot en met 40 zijn; je gaf '8'."),
    (_setting("weights.margin", "2"), "Game setting 'weights.margin': must be a number from 0 to 1; got 2.",
     "Spelinstelling 'weights.margin': moet een getal van 0 tot en met 1 zijn; je gaf 2."),
    (_setting("name", "5"), "Game setting 'name': A scenario name must be text. Got 5 instead.",
     "Spelinstelling 'name': De naam van een scenario moet tekst zijn. Je gaf 5."),
    (_setting("seed", "-1"), "Game setting 'seed': The seed must be a non-negative integer. Got -1 instead.",
     "Spelinstelling 'seed': De seed moet een geheel getal van 0 of meer zijn. Je gaf -1."),
    ("UPDATE game SET value = '{rounds: 3' WHERE key = 'settings'",
     "Game settings are a table of names and values (JSON or TOML); got '{rounds: 3'.",
     "Spelinstellingen zijn een tabel van namen en waarden (JSON of TOML); je gaf '{rounds: 3'."),
])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_stored_setting_changed_by_hand_is_one_line_naming_the_file(played, capsys, command, change, english,
                                                                      dutch):
    _edit(played, change)
    before = _contents(played)
    assert _mistake(capsys, command, played) == (
        f"error: Game file '{played}': {english} The settings stored in it were changed by hand (or made by another "
        "version of the kit); undo that change or go back to a copy of the file.")
    assert _mistake(capsys, command, played, "--language", "nl") == (
        f"fout: Spelbestand '{played}': {dutch} De instellingen die erin staan, zijn met de hand veranderd (of gemaakt "
        "met een andere versie van de kit); draai dat terug of ga terug naar een kopie van het bestand.")
    assert _contents(played) == before


def _logged_after(kind: str, round_number: int, payload: str = "{}") -> str:
    """SQL that appends an entry of `kind` for `round_number` to the log, as if by hand."""
    return (f"INSERT INTO actions (round, kind, slot, payload, at) VALUES ({round_number}, '{kind}', NULL, "
            f"'{payload}', '2026-01-01T00:00:00+00:00')")


PRICE_WAR = '{"event": "price_war"}'


@pytest.mark.parametrize(("changes", "entry", "told"), [
    (["UPDATE actions SET kind = 'undo', slot = NULL, payload = '{}' WHERE seq = 1"], "log entry 1 (round 1, 'undo')",
     "There is no round to undo: none has been played."),
    ([_logged_after("undo", 1), _logged_after("undo", 0)], "log entry 4 (round 0, 'undo')",
     "There is no round to undo: none has been played."),
    ([_logged_after("advance", 2), _logged_after("advance", 3), _logged_after("advance", 4)],
     "log entry 5 (round 4, 'advance')", "The game is over: all 3 rounds have been played."),
    ([_logged_after("end", 1), _logged_after("advance", 2)], "log entry 4 (round 2, 'advance')",
     "The trainer has ended the game after round 1."),
    (["UPDATE actions SET round = 3 WHERE seq = 1"], "log entry 1 (round 3, team 'Rood')",
     "Round 3 is not open yet; round 1 is open now."),
    ([_logged_after("event", 1, PRICE_WAR)], "log entry 3 (round 1, 'event')",
     "A market event needs a round still to be played: 2 to 3; got 1."),
    ([_logged_after("event", 2, PRICE_WAR), _logged_after("event", 2, PRICE_WAR)], "log entry 4 (round 2, 'event')",
     "'price_war' is already scheduled for round 2."),
    ([_logged_after("practice", 1)], "log entry 3 (round 1, 'practice')",
     "The practice round comes before round 1; round 1 has been played already."),
    (["UPDATE actions SET kind = 'advnce' WHERE seq = 2"], "log entry 2 (round 1, 'advnce')",
     "The kit writes no entry of the kind 'advnce': only submit, advance, undo, event, practice and end."),
])
def test_an_entry_in_an_order_the_kit_never_logs_is_told_as_its_command_tells_it(played, capsys, changes, entry,
                                                                                 told):
    for change in changes:
        _edit(played, change)
    before = _contents(played)
    for command in COMMANDS:
        assert _mistake(capsys, command, played) == (
            f"error: Game file '{played}', {entry}: {told} The log was changed by hand (or made by another version of "
            "the kit); undo that change or go back to a copy of the file."), command
    assert _mistake(capsys, "advance", played, "--language", "nl").startswith(f"fout: Spelbestand '{played}', regel ")
    assert _contents(played) == before


@pytest.mark.parametrize(("change", "told"), [
    ("UPDATE actions SET kind = 'undo', slot = NULL, payload = '{}' WHERE seq = 1",
     "regel 1 van het logboek (ronde 1, 'undo'): Er is geen ronde terug te draaien"),
    ("UPDATE results SET kpis = 'lots' WHERE slot = 'Rood'",
     "regel 2 van het logboek (ronde 1, 'advance'): de uitslagen die erbij zijn opgeslagen voor 'Rood' zijn "
     "onleesbaar"),
])
def test_the_trainer_page_tells_a_game_file_changed_by_hand_in_its_language(played, change, told):
    from test_game_pages import _text

    from simulation.game.pages import TrainerPage

    _edit(played, change)
    with Game.open(played) as game:
        code = game.trainer_code
    page = TrainerPage(played, "nl", sleep=lambda seconds: None)
    page.code.value = code
    page.login_button.click()
    assert f"Spelbestand '{played}', {told}" in html.unescape(_text(page.body))
    assert page.buttons["advance"].description == ""  # no controls drawn on a file the game cannot read


def test_a_game_file_the_login_cannot_read_is_told_but_earns_no_delay(played):
    """Settings changed by hand are told at the login, naming the file, but they are no wrong code: a team that
    tried three times waits no longer once the trainer has mended the file (it waited 2 s, as after three wrong
    codes)."""
    from simulation.game.pages import TeamPage

    with Game.open(played) as game:
        code = game.team_codes()["Rood"]
    _edit(played, _setting("rounds", "0"))
    waits = []
    page = TeamPage(played, "nl", sleep=waits.append)
    for _ in range(3):
        page.code.value = code
        page.login_button.click()
        assert f"Spelbestand '{played}'" in html.unescape(page.message.value) and page.team is None
    _edit(played, _setting("rounds", "3"))
    page.login_button.click()
    assert page.team == "Rood" and waits == [0.0]
    with Game.open(played) as game:
        assert game.store.recent_failed_logins() == 0
