"""`classroom`: the game file made or reused, the address and codes printed, Solara started.

No browser and no server here: the command Solara is started with is recorded instead of run
(tests/browser/test_classroom.py runs it for real).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from simulation import termination
from simulation.cli import main
from simulation.game import classroom
from simulation.lessons import ROOT


def test_the_command_serves_the_classroom_page_with_solara_on_this_computer_only(tmp_path):
    assert classroom.solara_command(False, 8765) == [
        sys.executable, "-c", termination.QUIET_START, "solara", "run", "simulation.game.solara_app:page", "--production",
        "--host", "127.0.0.1", "--port", "8765", "--no-check-version"]
    assert classroom.classroom_address(False, 9000) == "http://127.0.0.1:9000/"
    environment = classroom.solara_environment(tmp_path / "les.game", "nl", "http://192.168.1.23:8765/")
    assert environment["KIT_GAME"] == str(tmp_path / "les.game") and environment["KIT_LANGUAGE"] == "nl"
    assert environment["KIT_CLASSROOM_ADDRESS"] == "http://192.168.1.23:8765/"


def test_the_page_server_does_not_warn_about_cookies_for_every_team(tmp_path):
    """Solara warned eleven English lines about iframes and https in the trainer's terminal for every page opened
    by the computer's address (every team in a class); other warnings still show."""
    import subprocess

    environment = classroom.solara_environment(tmp_path / "les.game", "nl", "http://192.168.1.23:8765/")
    said = subprocess.run([sys.executable, "-c", "import warnings; warnings.warn('Cookies with samesite=none require "
                           "https, but according to the asgi framework, the scheme is http'); warnings.warn('other')"],
                          env=environment, capture_output=True, text=True, check=True).stderr
    assert "samesite" not in said and "UserWarning: other" in said
    from importlib.util import find_spec  # the filter is for the warning the installed Solara gives

    server = Path(find_spec("solara").origin).parent / "server" / "starlette.py"
    assert f'warnings.warn(f"""{classroom.COOKIE_WARNING.split(":")[1]}' in server.read_text(encoding="utf-8")


def test_lan_serves_every_address_and_shows_the_classroom_network_one(monkeypatch):
    monkeypatch.setattr(classroom, "lan_address", lambda: "192.168.1.23")
    command = classroom.solara_command(True, 8765)
    assert command[command.index("--host") + 1] == "0.0.0.0"
    assert classroom.classroom_address(True, 8765) == "http://192.168.1.23:8765/"
    monkeypatch.setattr(classroom, "lan_address", lambda: None)  # no network: this computer's address, said so
    assert classroom.classroom_address(True, 8765) == "http://127.0.0.1:8765/"


def test_lan_address_is_an_ip_address_or_none():
    address = classroom.lan_address()
    assert address is None or (address.count(".") == 3 and not address.startswith("127."))


@pytest.fixture
def started(monkeypatch):
    """The command with Solara's run recorded instead of started; the class's network is 192.168.1.23."""
    monkeypatch.setattr(classroom, "lan_address", lambda: "192.168.1.23")
    servers = []

    def run_command(command, cwd, env):
        assert command[1:5] == ["-c", termination.QUIET_START, "solara", "run"], command
        servers.append((command, {"cwd": cwd, "env": env}))
        return 0

    monkeypatch.setattr(classroom, "run_command", run_command)
    return servers


def test_a_missing_game_is_created_then_reused(started, tmp_path, capfd):
    game = tmp_path / "klas.game"
    assert main(["classroom", str(game), "--teams", "Rood,Blauw", "--lan", "--port", "9001"]) == 0
    assert game.exists()
    out = capfd.readouterr().out
    assert "Created" in out and "Rood" in out and "Blauw" in out and "Trainer code:" in out
    assert "http://192.168.1.23:9001/" in out and "classroom network" in out
    assert "█" in out or "▀" in out or "▄" in out  # the QR code, in block characters
    command, kwargs = started[-1]
    assert command[command.index("--host") + 1] == "0.0.0.0" and command[command.index("--port") + 1] == "9001"
    assert kwargs["env"]["KIT_GAME"] == str(game) and kwargs["cwd"] == ROOT
    assert kwargs["env"]["KIT_CLASSROOM_ADDRESS"] == "http://192.168.1.23:9001/"
    trainer = next(line for line in out.splitlines() if line.startswith("Trainer code:"))

    assert main(["classroom", str(game), "--teams", "6"]) == 0  # --teams is for new games only
    out = capfd.readouterr().out
    assert "Using the existing game" in out and trainer in out  # the same game, the same codes
    assert "This computer only" in out and "http://127.0.0.1:8765/" in out
    command, kwargs = started[-1]
    assert command[command.index("--host") + 1] == "127.0.0.1"


def test_the_default_game_is_classroom_game_in_the_current_folder(started, tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    assert main(["classroom"]) == 0
    assert (tmp_path / "classroom.game").exists()
    out = capfd.readouterr().out
    assert all(f"Team {letter}" in out for letter in "ABCD") and "Team E" not in out  # four teams by default
    assert started[-1][1]["env"]["KIT_GAME"] == str(tmp_path / "classroom.game")  # the full path, for Solara


@pytest.mark.parametrize(("teams", "english", "dutch"), [
    ("-2", "number of teams", "aantal teams"), ("four", "number of teams", "aantal teams"),
    ("Rood,,Blauw", "number of teams", "aantal teams"), ("", "number of teams", "aantal teams"),
    ("0", "a class needs at least one team", "een klas heeft minstens één team nodig")])
@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_bad_teams_value_exits_2_with_one_line_before_anything_is_made(started, tmp_path, capfd, teams, english,
                                                                         dutch, language):
    """Also for a game that exists: a typo in --teams is told, not silently ignored."""
    new, existing = tmp_path / "nieuw.game", tmp_path / "klas.game"
    assert main(["game", "new", str(existing)]) == 0
    capfd.readouterr()
    for game in (new, existing):
        assert main(["classroom", str(game), "--teams", teams, "--language", language]) == 2
        captured = capfd.readouterr()
        err = captured.err.strip()
        assert len(err.splitlines()) == 1 and "--teams" in err and "--teams 4" in err and not captured.out
        assert (english in err) == (language == "en") and (dutch in err) == (language == "nl")
    assert not new.exists() and not started


def test_more_teams_than_the_market_holds_exits_2_with_the_games_message(started, tmp_path, capfd):
    game = tmp_path / "vol.game"
    assert main(["classroom", str(game), "--teams", "9"]) == 2
    assert not game.exists() and not started
    assert "room for 0 to 6 teams" in capfd.readouterr().err


@pytest.mark.parametrize(("args", "english", "dutch"), [
    (["--port", "http"], "invalid int value: 'http'", "verwacht een geheel getal, niet 'http'"),
    (["--port", "70000"], "port number from 1 to 65535 (--port 8765)", "poortnummer van 1 tot en met 65535"),
    (["--port", "0"], "port number from 1 to 65535", "poortnummer van 1 tot en met 65535"),
    (["--language", "de"], "--language", "--language"),
])
def test_a_bad_port_or_language_exits_2_in_the_commands_language(started, capfd, args, english, dutch):
    assert main(["classroom", *args]) == 2
    assert english in capfd.readouterr().err
    assert main(["classroom", *args, "--lang", "nl"]) == 2
    err = capfd.readouterr().err
    assert err.startswith("fout: ") and dutch in err and not started


def test_a_dutch_class_reads_the_terminal_in_dutch(started, tmp_path, capfd):
    game = tmp_path / "klas.game"
    assert main(["classroom", str(game), "--teams", "Rood,Blauw", "--language", "nl", "--lan"]) == 0
    out = capfd.readouterr().out
    assert f"Spelbestand '{game}' aangemaakt" in out and "Trainerscode:" in out and "Prijsvechter (computer)" in out
    assert "Het spel staat op het klasnetwerk" in out
    assert "Studenten en trainer openen:  http://192.168.1.23:8765/" in out
    assert "Stop de spelserver met Ctrl+C" in out
    assert not any(word in out for word in ("Created", "Trainer code", "Students", "Stop the game"))
    assert started[-1][1]["env"]["KIT_LANGUAGE"] == "nl"  # and the pages
    assert main(["classroom", str(game), "--language", "nl"]) == 0
    out = capfd.readouterr().out
    assert f"Het bestaande spel '{game}' wordt gebruikt" in out and "Alleen deze computer" in out
    servers = len(started)
    assert main(["classroom", str(tmp_path / "vol.game"), "--teams", "9", "--language", "nl"]) == 2
    assert "fout: Een markt van 6 leveranciers heeft plaats voor" in capfd.readouterr().err and len(started) == servers


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_class_speaks_the_sessions_language_without_language(started, tmp_path, capfd, monkeypatch, language):
    """Like every command of the kit: the session's language (KIT_LANGUAGE, `simulation.language`)."""
    monkeypatch.setattr("simulation.language._state", {"default": language})
    assert main(["classroom", str(tmp_path / "klas.game"), "--teams", "2"]) == 0
    out = capfd.readouterr().out
    assert ("Trainerscode:" in out) == (language == "nl") and ("Trainer code:" in out) == (language == "en")
    assert started[-1][1]["env"]["KIT_LANGUAGE"] == language  # and the pages
    assert main(["classroom", str(tmp_path / "klas.game"), "--language", "en"]) == 0  # --language has the last word
    assert "Trainer code:" in capfd.readouterr().out and started[-1][1]["env"]["KIT_LANGUAGE"] == "en"


def test_a_file_that_is_no_game_is_told_before_anything_else(started, tmp_path, capfd):
    other = tmp_path / "notities.game"
    other.write_text("geen spel", encoding="utf-8")
    assert main(["classroom", str(other)]) == 2
    captured = capfd.readouterr()
    assert "is not a game file of this kit" in captured.err and "Using the existing game" not in captured.out
    assert not started


def test_a_page_server_stops_in_its_own_time_on_ctrl_c_and_with_the_kit_on_sigterm(monkeypatch, tmp_path,
                                                                                  fake_process):
    assert termination.run_command([sys.executable, "-c", "import sys; sys.exit(7)"], tmp_path, os.environ) == 7
    servers = [fake_process(["solara"], stops=[KeyboardInterrupt, KeyboardInterrupt]),
               fake_process(["solara"], stops=[signal.SIGTERM])]
    monkeypatch.setattr(termination.subprocess, "Popen", lambda command, cwd, env: servers[0])
    assert termination.run_command(["solara"], tmp_path, {}) == 0  # Ctrl+C twice: waited for, not killed
    assert servers[0].ended and not servers[0].terminated
    servers.pop(0)
    with pytest.raises(termination.Terminated), termination.sigterm_cleanup():  # `kill` of the kit: the server
        termination.run_command(["solara"], tmp_path, {})                          # is stopped with it
    assert servers[0].terminated and servers[0].ended
