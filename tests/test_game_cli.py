"""`python -m simulation game …`: the classroom game at a terminal, and one-line exit-2 messages for mistakes."""

from __future__ import annotations

import json
import re
import sqlite3
import sys

import pytest
from test_dutch_help import dutch_english_words, prose
from test_dutch_lessons import ENGLISH_NUMBER_STYLE

from simulation.cli import main
from simulation.game.engine import Game
from simulation.language import pick, set_language, template_pattern
from simulation.texts import TEXTS

SMALL = {"rounds": 3, "suppliers": 3, "market": {"accounts.initial_customers": 60}}
CODE = re.compile(r"\b[A-Z2-9]{5}-[A-Z2-9]{5}\b")


@pytest.fixture
def game_file(tmp_path, capsys):
    """A small game: teams Rood and Blauw and one computer competitor (a price fighter)."""
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps(SMALL))
    path = tmp_path / "workshop.game"
    assert main(["game", "new", str(path), "--settings", str(settings), "--teams", "Rood,Blauw"]) == 0
    capsys.readouterr()
    return str(path)


def _ok(capsys, *argv: str) -> str:
    status = main(["game", *argv])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert captured.err == ""
    return captured.out


def _mistake(capsys, *argv: str) -> str:
    """A mistake: exit status 2 and exactly one line on stderr, no traceback; returns that line."""
    status = main(["game", *argv])
    captured = capsys.readouterr()
    assert status == 2, captured.out
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(("error: ", "fout: ")) and "Traceback" not in captured.err
    return lines[0]


def _codes(path: str) -> dict[str, str]:
    game = Game.open(path)
    try:
        return game.team_codes()
    finally:
        game.close()


def test_new_prints_team_codes_trainer_code_and_computer_competitors(tmp_path, capsys):
    path = tmp_path / "w.game"
    out = _ok(capsys, "new", str(path), "--teams", "Rood,Blauw,Groen")
    game = Game.open(path)
    try:
        for name, code in game.team_codes().items():
            assert re.search(rf"{name}\s+code {code}", out)
        assert f"Trainer code: {game.trainer_code}" in out
        assert len(set(CODE.findall(out))) == 4  # three teams and the trainer
        bots = [slot for slot in game.slots if slot.is_bot]
        assert len(bots) == 3  # the default market has 6 suppliers
        for slot in bots:
            assert re.search(rf"{re.escape(slot.name)}\s+style {slot.style}", out)
    finally:
        game.close()


def test_new_with_a_number_of_teams_and_team_lists_the_slots(tmp_path, capsys):
    settings = tmp_path / "s.json"
    settings.write_text(json.dumps(SMALL))
    path = str(tmp_path / "w.game")
    _ok(capsys, "new", path, "--settings", str(settings), "--teams", "2")
    out = _ok(capsys, "team", path)
    codes = _codes(path)
    assert list(codes) == ["Team A", "Team B"]
    assert all(f"code {code}" in out for code in codes.values())
    assert re.search(r"Price fighter \(computer\)\s+style price_fighter", out)


def test_new_refuses_an_existing_file_and_bad_teams(game_file, tmp_path, capsys):
    line = _mistake(capsys, "new", game_file)
    assert "workshop.game" in line and "already exists" in line
    line = _mistake(capsys, "new", str(tmp_path / "x.game"), "--teams", "Rood,,Blauw")
    assert "--teams" in line and "'Rood,,Blauw'" in line
    line = _mistake(capsys, "new", str(tmp_path / "y.game"), "--teams", "9")
    assert "0 to 6 teams" in line and "got 9" in line
    assert not (tmp_path / "x.game").exists() and not (tmp_path / "y.game").exists()


def test_duplicate_team_names_are_named(tmp_path, capsys):
    for teams in ("Red,Blue,Red,Green", "Red,red"):
        line = _mistake(capsys, "new", str(tmp_path / "d.game"), "--teams", teams)
        assert "'Red' is given twice" in line
        line = _mistake(capsys, "new", str(tmp_path / "d.game"), "--teams", teams, "--language", "nl")
        assert "'Red' komt twee keer voor" in line
    assert not (tmp_path / "d.game").exists()


def test_a_folder_given_as_the_game_file_is_told_so(tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    line = _mistake(capsys, "status", str(folder))
    assert f"'{folder}' is a folder, not a game file" in line and ".game" in line and "No game file" not in line
    line = _mistake(capsys, "advance", str(folder), "--language", "nl")
    assert f"'{folder}' is een map, geen spelbestand" in line and ".game-bestand" in line


def test_a_missing_game_file_is_one_clear_line(tmp_path, capsys):
    missing = str(tmp_path / "nope.game")
    for action in (["status", missing], ["advance", missing], ["submit", missing, "--team", "Rood", "--set",
                                                                "economics.price_level=1"]):
        line = _mistake(capsys, *action)
        assert "No game file" in line and "nope.game" in line and "game new" in line


def test_submit_by_name_prints_the_decisions_in_force(game_file, capsys):
    out = _ok(capsys, "submit", game_file, "--team", "rood", "--set", "economics.price_level=1.1",
              "--set", "funnel.promise_policy=honest_buffer")
    assert "Stored for Rood, round 1" in out
    assert re.search(r"economics\.price_level\s+1\.1\s+allowed 0\.8–1\.2", out)
    assert re.search(r"funnel\.promise_policy\s+honest_buffer\s+allowed", out)
    assert re.search(r"organisation\.inside_sales\s+3\s+allowed 0–8\s+\(market start\)", out)
    game = Game.open(game_file)
    try:
        assert game.decisions("Rood") == {"economics.price_level": 1.1, "funnel.promise_policy": "honest_buffer"}
        assert game.status().submitted == ("Rood",)
    finally:
        game.close()


def test_submit_by_code_and_from_a_file(game_file, tmp_path, capsys):
    typed = _codes(game_file)["Blauw"].lower().replace("-", " ")  # as a student might type it
    out = _ok(capsys, "submit", game_file, "--code", typed, "--set", "organisation.service_staff=4")
    assert "Stored for Blauw, round 1" in out
    decisions = tmp_path / "rood.json"
    decisions.write_text(json.dumps({"market": {"campaign_spend_per_month": 20000}}))
    out = _ok(capsys, "submit", game_file, "--team", "Rood", "--round", "1", "--file", str(decisions))
    assert re.search(r"market\.campaign_spend_per_month\s+20000\s+allowed 0–100000\n", out)
    game = Game.open(game_file)
    try:
        assert game.decisions("Blauw") == {"organisation.service_staff": 4}
        assert game.decisions("Rood") == {"market.campaign_spend_per_month": 20000.0}
    finally:
        game.close()


def test_submit_outside_the_trainers_range_names_parameter_and_range(game_file, capsys):
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "market.campaign_spend_per_month=120000")
    assert "market.campaign_spend_per_month" in line and "120000" in line and "0–100000" in line
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "economics.price_level=cheap")
    assert "economics.price_level" in line and "'cheap'" in line
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "run.years=3")
    assert "'run.years' is not a decision in this game" in line
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "organisation.service_staff=6",
                    "--set", "organisation.key_account_managers=5", "--set", "organisation.account_managers=6",
                    "--set", "organisation.senior_account_managers=6", "--set", "organisation.inside_sales=8")
    assert "at most 30" in line
    game = Game.open(game_file)
    try:
        assert game.decisions("Rood") == {}  # nothing was stored
    finally:
        game.close()


def test_a_value_of_the_wrong_kind_is_told_the_range_the_game_allows(game_file, capsys):
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "organisation.inside_sales=2.5")
    assert "must be an integer in the range [0, 8]. Got '2.5'" in line
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "market.campaign_spend_per_month=-5")
    assert "must be a number in the range [0, 100000]. Got '-5'" in line
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "organisation.inside_sales=2.5",
                    "--language", "nl")
    assert "moet een geheel getal van 0 tot en met 8 zijn" in line
    line = _mistake(capsys, "preview", game_file, "--team", "Rood", "--set", "market.campaign_spend_per_month=-5",
                    "--language", "nl")
    assert "moet een getal van 0 tot en met 100000 zijn" in line


def test_a_decimal_comma_is_told_to_be_a_decimal_point(game_file, capsys):
    line = _mistake(capsys, "submit", game_file, "--language", "nl", "--team", "Rood", "--set",
                    "economics.price_level=1,05")
    assert "getypt met een decimale punt" in line and "zoals '1.05'. Je gaf '1,05'." in line
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "economics.price_level=1,05")
    assert "typed with a decimal point" in line and "such as '1.05'. Got '1,05' instead." in line
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "market.campaign_spend_per_month=20,000")
    assert "'20,000' can be read two ways: type '20' if the separator was a decimal point, or '20000' if" in line
    line = _mistake(capsys, "submit", game_file, "--language", "nl", "--team", "Rood", "--set",
                    "market.campaign_spend_per_month=20.000")  # twenty thousand in Dutch, twenty to Python
    assert "'20.000' is op twee manieren te lezen: typ '20' als het scheidingsteken een decimaalteken was, of " \
           "'20000' als" in line
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "market.campaign_spend_per_month=250.000")
    assert "type '250' if" in line and "'250000' if it separated thousands" in line  # not read as €250
    assert main(["game", "submit", str(game_file), "--team", "Rood", "--set", "economics.price_level=1.050"]) == 0
    game = Game.open(game_file)  # a decimal with three digits whose other reading is not allowed is what it says
    try:
        assert game.decisions("Rood") == {"economics.price_level": 1.05}
    finally:
        game.close()


def test_malformed_set_unknown_team_wrong_code_and_computer_competitor(game_file, capsys):
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--set", "economics.price_level")
    assert "--set expects KEY=VALUE" in line and "'economics.price_level'" in line
    line = _mistake(capsys, "submit", game_file, "--team", "Paars", "--set", "economics.price_level=1")
    assert "--team 'Paars'" in line and "Teams: Rood, Blauw" in line
    line = _mistake(capsys, "submit", game_file, "--team", "Price fighter (computer)", "--set",
                    "economics.price_level=1")
    assert "computer competitor" in line and "Teams: Rood, Blauw" in line
    line = _mistake(capsys, "submit", game_file, "--team", "prijsvechter (computer)", "--set",
                    "economics.price_level=1")  # its name on a Dutch screen
    assert "computer competitor" in line
    line = _mistake(capsys, "submit", game_file, "--code", "AAAAA-BBBBB", "--set", "economics.price_level=1")
    assert "--code 'AAAAA-BBBBB'" in line and "not known" in line
    line = _mistake(capsys, "submit", game_file, "--team", "Rood")
    assert "--set" in line and "--file" in line
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--round", "one", "--set", "a=1")  # argparse's
    assert "--round" in line and "'one'" in line


def test_advance_prints_timing_and_leaderboard_then_round_2_is_open(game_file, capsys):
    _ok(capsys, "submit", game_file, "--team", "Rood", "--set", "economics.price_level=1.1")
    out = _ok(capsys, "advance", game_file)
    assert re.search(r"Round 1 played in \d+\.\d s", out)
    assert "Still waiting for Blauw" in out
    rows = [line.strip() for line in out.splitlines() if re.match(r"\s*[123]  ", line)]
    assert len(rows) == 3
    assert sum("Price fighter (computer) *" in row for row in rows) == 1
    assert any("Rood" in row for row in rows) and any("Blauw" in row for row in rows)
    status = _ok(capsys, "status", game_file)
    assert "1 of 3 rounds played" in status and "Round 2 is open" in status
    assert "Still to submit: Rood, Blauw" in status
    line = _mistake(capsys, "submit", game_file, "--team", "Rood", "--round", "1", "--set", "economics.price_level=1")
    assert "Round 1 is closed; round 2 is open now." in line


def test_undo_reopens_the_last_round(game_file, capsys):
    line = _mistake(capsys, "undo", game_file)
    assert "no round to undo" in line
    _ok(capsys, "advance", game_file)
    _ok(capsys, "submit", game_file, "--team", "Blauw", "--set", "economics.price_level=0.9")
    out = _ok(capsys, "undo", game_file)
    assert "Round 1 is open again" in out
    status = _ok(capsys, "status", game_file)
    assert "0 of 3 rounds played" in status and "Round 1 is open" in status
    game = Game.open(game_file)
    try:
        assert game.decisions("Blauw") == {}  # the submission for round 2 was dropped
    finally:
        game.close()


def test_event_is_scheduled_and_shown_and_mistakes_are_refused(game_file, capsys):
    out = _ok(capsys, "event", game_file, "demand_dip")
    assert "Market event 'demand_dip' scheduled for round 1" in out
    out = _ok(capsys, "event", game_file, "price_war", "--round", "3")
    assert "round 3" in out and "market.competitor_intensity ×1.6" in out
    status = _ok(capsys, "status", game_file)
    assert "Market events this round: demand_dip" in status and "price_war (round 3)" in status
    line = _mistake(capsys, "event", game_file, "price_wr")
    assert "'price_wr'" in line and "Did you mean 'price_war'?" in line
    line = _mistake(capsys, "event", game_file, "price_war", "--round", "4")
    assert "1 to 3" in line and "got 4" in line


def test_practice_round_plays_and_does_not_count(game_file, capsys):
    out = _ok(capsys, "practice", game_file)
    assert re.search(r"Practice round played in \d+\.\d s", out) and "does not count" in out
    # a row per KPI, a column per supplier (the computer competitor marked)
    assert re.search(r"^KPI\s+Rood\s+Blauw\s+Price fighter \*$", out, re.MULTILINE)
    assert re.search(r"^Leads generated(\s+\d+ leads){3}$", out, re.MULTILINE)
    assert re.search(r"^Margin(\s+−?€[\d,]+){3}$", out, re.MULTILINE)
    assert "* computer competitor" in out
    status = _ok(capsys, "status", game_file)
    assert "0 of 3 rounds played" in status and "Practice round: played" in status
    _ok(capsys, "advance", game_file)
    line = _mistake(capsys, "practice", game_file)
    assert "practice round comes before round 1" in line


def test_leaderboard_in_dutch_with_changes_and_the_minimum_nps_note(tmp_path, capsys):
    settings = tmp_path / "s.json"
    settings.write_text(json.dumps({**SMALL, "min_nps": 100}))  # nobody reaches it: everyone gets the note
    path = str(tmp_path / "w.game")
    _ok(capsys, "new", path, "--settings", str(settings), "--teams", "Rood,Blauw")
    assert "No round has been played yet" in _ok(capsys, "leaderboard", path)
    _ok(capsys, "advance", path)
    _ok(capsys, "submit", path, "--team", "Blauw", "--set", "market.campaign_spend_per_month=40000")
    _ok(capsys, "advance", path)
    out = _ok(capsys, "leaderboard", path, "--language", "nl")
    assert "Klassement na ronde 2 van 3" in out
    assert "Prijsvechter (computer) *" in out and "Price fighter" not in out
    assert re.search(r"€ −?\d{1,3}(\.\d{3})+", out)  # Dutch thousands separators
    assert re.search(r"\d+,\d %", out)  # Dutch churn per year
    rows = [line.strip() for line in out.splitlines() if re.match(r"\s*[123]  ", line)]
    assert len(rows) == 3
    game = Game.open(path)
    try:
        standings = game.leaderboard()
    finally:
        game.close()
    for standing, row in zip(standings, rows):
        mark = "–" if not standing.change else f"↑{standing.change}" if standing.change > 0 else f"↓{-standing.change}"
        assert row.startswith(f"{standing.rank}  ") and row.endswith(mark)
        assert standing.name.replace("Price fighter", "Prijsvechter") in row
    assert out.count("zit onder de minimale NPS van +100") == 3
    first = _ok(capsys, "leaderboard", path, "--round", "1")
    assert "Leaderboard after round 1 of 3" in first and "Price fighter (computer)" in first
    line = _mistake(capsys, "leaderboard", path, "--round", "3")
    assert "Round 3 has not been played" in line


def test_replay_is_identical_and_reports_a_tampered_round(game_file, capsys):
    assert "nothing to replay" in _ok(capsys, "replay", game_file)
    _ok(capsys, "submit", game_file, "--team", "Rood", "--set", "strategy.customer_intimacy=0.9")
    _ok(capsys, "advance", game_file)
    _ok(capsys, "advance", game_file)
    out = _ok(capsys, "replay", game_file)
    assert re.search(r"The rounds played \(2\) replayed identically \(\d+\.\d s\)", out)
    connection = sqlite3.connect(game_file)
    with connection:
        connection.execute("UPDATE results SET kpis = json_set(kpis, '$.margin', 1.0) WHERE round = 2")
    connection.close()
    assert main(["game", "replay", game_file]) == 1
    assert "Round(s) 2 of 2 differ" in capsys.readouterr().out


def test_preview_prints_projected_kpis_with_a_band(game_file, capsys):
    out = _ok(capsys, "preview", game_file, "--team", "Blauw", "--set", "organisation.service_staff=3")
    assert "Preview for Blauw, round 1" in out
    assert re.search(r"Margin\s+−?€[\d,]+\s+band −?€[\d,]+ – −?€[\d,]+", out)
    assert re.search(r"Leads generated\s+\d+ leads\s+band \d", out)
    game = Game.open(game_file)
    try:
        assert game.decisions("Blauw") == {}  # a preview stores nothing
    finally:
        game.close()
    line = _mistake(capsys, "preview", game_file, "--team", "Blauw", "--set", "organisation.service_staff=7")
    assert "organisation.service_staff" in line and "0–6" in line


def test_debrief_writes_a_page(game_file, tmp_path, capsys):
    _ok(capsys, "advance", game_file)
    out_file = tmp_path / "debrief.html"
    out = _ok(capsys, "debrief", game_file, str(out_file), "--language", "nl")
    assert "Nabespreking opgeslagen als" in out
    assert out_file.read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE html>")
    line = _mistake(capsys, "debrief", game_file, str(tmp_path / "debrief.txt"))
    assert ".html" in line


def test_end_stops_the_game_and_further_rounds_are_refused(game_file, capsys):
    _ok(capsys, "advance", game_file)
    out = _ok(capsys, "end", game_file)
    assert "ended after round 1" in out and "debrief" in out
    line = _mistake(capsys, "advance", game_file)
    assert "ended the game after round 1" in line
    assert "the trainer ended it after round 1" in _ok(capsys, "status", game_file)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_end_typed_by_mistake_is_taken_back_with_the_undo_it_names(game_file, capsys, language):
    """`end` asks nothing (a trainer's script or a class at 9 a.m. would hang on a question), so it names the
    command that takes it back; that command reopens round 2, and the class plays on."""
    import shlex

    _ok(capsys, "advance", game_file)
    _ok(capsys, "submit", game_file, "--team", "Rood", "--set", "economics.price_level=1.1")
    said = _ok(capsys, "end", game_file, "--language", language).splitlines()
    suggested = shlex.split(said[-1].split(": ", 1)[1])
    assert suggested[3:5] == ["game", "undo"] and suggested[5] == game_file and "--end" in suggested
    out = _ok(capsys, *suggested[4:])
    assert {"en": "The end is taken back: round 2 is open again",
            "nl": "Het einde is teruggedraaid: ronde 2 is weer open"}[language] in out
    line = _mistake(capsys, *suggested[4:])  # the same command again (up arrow, Enter) reopens no round
    assert {"en": "there is no end to take back", "nl": "er is geen einde terug te draaien"}[language] in line
    status = _ok(capsys, "status", game_file)
    assert "1 of 3 rounds played" in status and "Round 2 is open" in status and "ended" not in status
    assert "Still to submit: Blauw" in status  # Rood's submission for round 2 is still there
    assert "Round 2 played" in _ok(capsys, "advance", game_file)


def test_advance_with_its_round_does_not_play_the_next_round_when_repeated(game_file, capsys):
    """The trainer presses the up arrow and Enter once too often: with --round the repeat is refused, as a late
    submission is, and round 2 stays open for the teams."""
    assert "Round 1 played" in _ok(capsys, "advance", game_file, "--round", "1")
    status = main(["game", "advance", game_file, "--round", "1"])
    captured = capsys.readouterr()  # refused before it says whom it waits for or that it plays
    assert status == 2 and captured.out == "" and captured.err.count("\n") == 1, captured
    assert "Round 1 is closed; round 2 is open now." in captured.err
    line = _mistake(capsys, "advance", game_file, "--round", "1", "--language", "nl")
    assert "Ronde 1 is gesloten; nu is ronde 2 open." in line
    assert "Round 3 is not open yet" in _mistake(capsys, "advance", game_file, "--round", "3")
    assert "1 of 3 rounds played" in _ok(capsys, "status", game_file)


def test_end_is_refused_before_round_1(game_file, capsys):
    line = _mistake(capsys, "end", game_file)
    assert "No round has been played yet, so the game cannot end" in line
    line = _mistake(capsys, "end", game_file, "--language", "nl")
    assert "Er is nog geen ronde gespeeld, dus het spel kan niet eindigen" in line
    status = _ok(capsys, "status", game_file)
    assert "Round 1 is open" in status and "ended" not in status
    _ok(capsys, "advance", game_file)  # the class plays on


def _session(capsys, monkeypatch, language: str, folder) -> list[str]:
    """A whole game at the terminal in `language`: every command, each kind of line it prints (progress lines
    too, as a terminal shows them). Returns what was printed, command by command."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    said: list[str] = []

    def run(*argv: str, status: int = 0) -> None:
        assert main(["game", *argv, "--language", language]) == status, argv
        captured = capsys.readouterr()
        said.append(captured.out + captured.err)

    settings = folder / "s.json"
    settings.write_text(json.dumps({**SMALL, "rounds": 2}))
    game, other, third = (str(folder / name) for name in ("a.game", "b.game", "c.game"))
    run("new", game, "--settings", str(settings), "--teams", "Rood,Blauw")
    run("open", game, "--address", "http://127.0.0.1:8765/", "--reach", "no-network")  # reused
    run("open", third, "--teams", "1", "--address", "http://192.168.1.23:8765/", "--reach", "classroom")  # created
    run("open", third, "--address", "http://127.0.0.1:8765/")  # this computer only
    run("team", game)
    run("practice", game)
    run("event", game, "price_war", "--round", "2")
    run("status", game)  # the practice played, an event later
    run("submit", game, "--team", "Rood", "--set", "economics.price_level=1.1")
    run("preview", game, "--team", "Blauw", "--set", "organisation.service_staff=3")
    run("advance", game)  # Blauw is still waiting
    run("leaderboard", game)
    run("undo", game)
    run("advance", game)
    run("advance", game)  # the last round
    run("status", game)  # every round played
    run("replay", game)
    run("debrief", game, str(folder / "debrief.html"))
    connection = sqlite3.connect(game)
    with connection:
        connection.execute("UPDATE results SET kpis = json_set(kpis, '$.margin', 1.0) WHERE round = 2")
    connection.close()
    run("replay", game, status=1)
    run("new", other, "--settings", str(settings), "--teams", "2")
    run("status", other)  # the practice not played
    run("leaderboard", other)
    run("replay", other)
    run("advance", other)
    run("end", other)
    run("status", other)  # ended by the trainer
    run("undo", other, "--end")  # the end taken back
    run("new", str(folder / "d.game"), "--settings", str(settings), "--teams", "0")  # computer competitors only
    return said


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_line_a_trainer_reads_at_the_terminal_is_in_the_chosen_language(language, tmp_path, capsys,
                                                                              monkeypatch):
    said = _session(capsys, monkeypatch, language, tmp_path)
    lines = "\n".join(said).splitlines()
    # every line the game command has, printed by some command above (so none is dead, or left English)
    rows = {key: pair for key, pair in TEXTS.items() if key.startswith("game.cli.")}
    unprinted = [key for key, pair in rows.items()
                 if not any(template_pattern(pick(pair, language)).search(line) for line in lines)]
    assert not unprinted
    if language == "en":
        return
    same = [key for key, (english, dutch) in rows.items() if english == dutch]
    assert same == ["game.cli.teams", "game.cli.code"]  # words Dutch shares; every other line is Dutch's own
    english_lines = [key for key, (english, _) in rows.items() if key not in same
                     and any(template_pattern(english).search(line) for line in lines)]
    assert not english_lines
    # what is not Dutch prose: addresses, options, codes, file names, the default team names
    typed = r"https?://\S+|--\w+|\b[A-Z2-9]{5}-[A-Z2-9]{5}\b|\S+\.(?:game|html)\b|Team [A-Z]\b"
    shown = prose(re.sub(typed, " ", "\n".join(said)))
    assert not dutch_english_words(shown), dutch_english_words(shown)
    assert not ENGLISH_NUMBER_STYLE.search(shown), ENGLISH_NUMBER_STYLE.search(shown)
    assert "Prijsvechter (computer)" in said[0] and "Trainerscode:" in said[0]
    board = next(out for out in said if "Klassement na ronde 1 van 2:" in out)
    assert re.search(r"€ −?\d{1,3}(\.\d{3})+", board)


def test_the_terminal_speaks_the_sessions_language_by_default(game_file, capsys):
    set_language("nl")  # as KIT_LANGUAGE=nl sets it when the command starts
    try:
        assert "0 van 3 rondes gespeeld" in _ok(capsys, "status", game_file)
        assert "fout: --team 'Paars': dat team zit niet in dit spel." in _mistake(capsys, "submit", game_file,
                                                                                  "--team", "Paars")
    finally:
        set_language("en")
    assert "0 of 3 rounds played" in _ok(capsys, "status", game_file)


def test_a_game_nobody_named_is_called_sales_game_in_each_language(game_file, tmp_path, capsys):
    """The name is stored in English; a Dutch terminal, page and debrief say 'Salesspel', a named game keeps its name."""
    assert _ok(capsys, "status", game_file, "--language", "nl").startswith("Salesspel (")
    assert _ok(capsys, "status", game_file, "--language", "en").startswith("Sales game (")
    assert Game.open(game_file).settings.to_dict()["name"] == "Sales game"
    named = tmp_path / "named.json"
    named.write_text(json.dumps({**SMALL, "name": "Workshop Utrecht"}))
    out = _ok(capsys, "new", str(tmp_path / "u.game"), "--settings", str(named), "--language", "nl")
    assert "Workshop Utrecht" in out and "Salesspel" not in out


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_suggested_command_runs_as_it_is_copied_also_with_spaces_in_the_path(tmp_path, capsys, monkeypatch,
                                                                              language):
    """The commands the game suggests ('create one with: …', 'write its debrief with: …') are copied and pasted by a
    trainer: a path with spaces was cut into three words, and the Dutch suggestion wrote the debrief in English."""
    import shlex

    folder = tmp_path / "spel klas 3"
    folder.mkdir()
    path = folder / "week 3.game"
    told = _mistake(capsys, "status", str(path), "--language", language)
    suggested = shlex.split(told.split(": ", 2)[2])
    assert suggested[:3] == ["python", "-m", "simulation"] and suggested[3:6] == ["game", "new", str(path)]
    assert main(suggested[3:] + ["--teams", "1"]) == 0 and path.exists()
    _ok(capsys, "advance", str(path))
    ended = _ok(capsys, "end", str(path), "--language", language).strip().splitlines()[0]
    suggested = shlex.split(ended.split(": ", 1)[1])
    monkeypatch.chdir(tmp_path)  # the debrief is written where the trainer is
    assert main(suggested[3:]) == 0
    page = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert f'lang="{language}"' in page


def test_open_refuses_a_game_name_that_differs_from_one_beside_it_only_in_spaces_or_capitals(tmp_path, capsys):
    """A typo in class ('week3.game' for 'week 3.game') made a new game with new codes, silently; a new week's
    name is a new game."""
    existing = tmp_path / "week 3.game"
    assert main(["game", "new", str(existing), "--teams", "1"]) == 0
    capsys.readouterr()
    for typo in ("week3.game", "Week_3.game"):
        told = _mistake(capsys, "open", str(tmp_path / typo), "--language", "nl")
        assert told.startswith(f"fout: Geen spelbestand '{tmp_path / typo}', maar wel 'week 3.game' in dezelfde map")
        assert not (tmp_path / typo).exists()
    _ok(capsys, "open", str(tmp_path / "week 4.game"))
    assert sorted(path.name for path in tmp_path.glob("*.game")) == ["week 3.game", "week 4.game"]
