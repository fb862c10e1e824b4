"""`python kit.py classroom`: the game file made or reused, the address and codes printed, Solara started.

No browser and no server here: the command Solara is started with is recorded instead of run
(tests/browser/test_classroom.py runs it for real).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kit

PYTHON = Path(sys.executable)


def test_the_command_serves_the_classroom_page_with_solara_on_this_computer_only(tmp_path):
    command = kit.command_for("classroom", [], kit.venv_python(tmp_path))
    assert command == [str(kit.venv_python(tmp_path)), "-m", "solara", "run", "simulation.game.solara_app:page",
                       "--production", "--host", "127.0.0.1", "--port", "8765", "--no-check-version"]
    options = kit.classroom_options(["--port", "9000"])
    assert options.game == Path.cwd() / "classroom.game" and options.teams == "4" and options.language == "en"
    assert kit.classroom_address(options) == "http://127.0.0.1:9000/"


def test_lan_serves_every_address_and_shows_the_classroom_network_one(monkeypatch, tmp_path):
    monkeypatch.setattr(kit, "lan_address", lambda: "192.168.1.23")
    args = [str(tmp_path / "les.game"), "--lan", "--language", "nl"]
    command = kit.command_for("classroom", args, kit.venv_python(tmp_path))
    assert command[command.index("--host") + 1] == "0.0.0.0"
    options = kit.classroom_options(args)
    address = kit.classroom_address(options)
    assert address == "http://192.168.1.23:8765/"
    environment = kit.classroom_environment(options, address)
    assert environment["KIT_GAME"] == str(tmp_path / "les.game") and environment["KIT_LANGUAGE"] == "nl"
    assert environment["KIT_CLASSROOM_ADDRESS"] == address
    monkeypatch.setattr(kit, "lan_address", lambda: None)  # no network: this computer's address, said so
    assert kit.classroom_address(options) == "http://127.0.0.1:8765/"


def test_lan_address_is_an_ip_address_or_none():
    address = kit.lan_address()
    assert address is None or (address.count(".") == 3 and not address.startswith("127."))


@pytest.fixture
def started(monkeypatch):
    """main() with the kit installed already and Solara's run recorded instead of started."""
    monkeypatch.setattr(kit, "ensure_installed", lambda extras="": PYTHON)
    monkeypatch.setattr(kit, "lan_address", lambda: "192.168.1.23")
    real_run, servers = subprocess.run, []

    def run(command, *args, **kwargs):
        if command[1:4] == ["-m", "solara", "run"]:
            servers.append((command, kwargs))
            return subprocess.CompletedProcess(command, 0)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(kit.subprocess, "run", run)
    return servers


def test_a_missing_game_is_created_then_reused(started, tmp_path, capfd):
    game = tmp_path / "klas.game"
    assert kit.main(["classroom", str(game), "--teams", "Rood,Blauw", "--lan", "--port", "9001"]) == 0
    assert game.exists()
    out = capfd.readouterr().out
    assert "Created" in out and "Rood" in out and "Blauw" in out and "Trainer code:" in out
    assert "http://192.168.1.23:9001/" in out and "classroom network" in out
    assert "█" in out or "▀" in out or "▄" in out  # the QR code, in block characters
    command, kwargs = started[-1]
    assert command[command.index("--host") + 1] == "0.0.0.0" and command[command.index("--port") + 1] == "9001"
    assert kwargs["env"]["KIT_GAME"] == str(game)
    assert kwargs["env"]["KIT_CLASSROOM_ADDRESS"] == "http://192.168.1.23:9001/"
    trainer = next(line for line in out.splitlines() if line.startswith("Trainer code:"))

    assert kit.main(["classroom", str(game), "--teams", "6"]) == 0  # --teams is for new games only
    out = capfd.readouterr().out
    assert "Using the existing game" in out and trainer in out  # the same game, the same codes
    assert "This computer only" in out and "http://127.0.0.1:8765/" in out
    command, kwargs = started[-1]
    assert command[command.index("--host") + 1] == "127.0.0.1"


def test_the_default_game_is_classroom_game_in_the_current_folder(started, tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    assert kit.main(["classroom"]) == 0
    assert (tmp_path / "classroom.game").exists()
    out = capfd.readouterr().out
    assert all(f"Team {letter}" in out for letter in "ABCD") and "Team E" not in out  # four teams by default


@pytest.mark.parametrize("teams", ["0", "-2", "four", "Rood,,Blauw", ""])
def test_a_bad_teams_value_exits_2_with_a_clear_message_before_installing(monkeypatch, capsys, teams):
    monkeypatch.setattr(kit, "ensure_installed", lambda extras="": pytest.fail("installed for a typo"))
    with pytest.raises(SystemExit) as stopped:
        kit.main(["classroom", "--teams", teams])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--teams" in err and "number of teams" in err and "Rood,Blauw" in err


def test_more_teams_than_the_market_holds_exits_2_with_the_games_message(started, tmp_path, capfd):
    game = tmp_path / "vol.game"
    assert kit.main(["classroom", str(game), "--teams", "9"]) == 2
    assert not game.exists() and not started
    assert "room for 0 to 6 teams" in capfd.readouterr().err


def test_a_bad_port_or_language_exits_2(monkeypatch, capsys):
    monkeypatch.setattr(kit, "ensure_installed", lambda extras="": pytest.fail("installed for a typo"))
    for args in (["--port", "http"], ["--port", "70000"], ["--language", "de"]):
        with pytest.raises(SystemExit) as stopped:
            kit.main(["classroom", *args])
        assert stopped.value.code == 2
    assert "--language" in capsys.readouterr().err


def test_a_dutch_class_reads_the_terminal_in_dutch(started, tmp_path, capfd):
    game = tmp_path / "klas.game"
    assert kit.main(["classroom", str(game), "--teams", "Rood,Blauw", "--language", "nl", "--lan"]) == 0
    out = capfd.readouterr().out
    assert f"Spelbestand '{game}' aangemaakt" in out and "Trainerscode:" in out and "Prijsvechter (computer)" in out
    assert "Het spel staat op het klasnetwerk" in out
    assert "Studenten en trainer openen:  http://192.168.1.23:8765/" in out
    assert "Stop de spelserver met Ctrl+C" in out
    assert not any(word in out for word in ("Created", "Trainer code", "Students", "Stop the game"))
    assert started[-1][1]["env"]["KIT_LANGUAGE"] == "nl"  # and the pages
    assert kit.main(["classroom", str(game), "--language", "nl"]) == 0
    out = capfd.readouterr().out
    assert f"Het bestaande spel '{game}' wordt gebruikt" in out and "Alleen deze computer" in out
    servers = len(started)
    assert kit.main(["classroom", str(tmp_path / "vol.game"), "--teams", "9", "--language", "nl"]) == 2
    assert "fout: Een markt van 6 leveranciers heeft plaats voor" in capfd.readouterr().err and len(started) == servers


@pytest.mark.parametrize(("session", "language"), [("nl", "nl"), ("en", "en"), ("de", "en"), ("", "en")])
def test_the_class_speaks_the_sessions_language_without_language(started, tmp_path, capfd, monkeypatch, session,
                                                                  language):
    """Like every command of the kit: KIT_LANGUAGE when it names a language the kit speaks, else English."""
    monkeypatch.setenv("KIT_LANGUAGE", session)
    assert kit.main(["classroom", str(tmp_path / "klas.game"), "--teams", "2"]) == 0
    out = capfd.readouterr().out
    assert ("Trainerscode:" in out) == (language == "nl") and ("Trainer code:" in out) == (language == "en")
    assert started[-1][1]["env"]["KIT_LANGUAGE"] == language  # and the pages
    assert kit.classroom_options(["--language", "en"]).language == "en"  # --language has the last word


def test_a_file_that_is_no_game_is_told_before_anything_else(started, tmp_path, capfd):
    other = tmp_path / "notities.game"
    other.write_text("geen spel", encoding="utf-8")
    assert kit.main(["classroom", str(other)]) == 2
    captured = capfd.readouterr()
    assert "is not a game file of this kit" in captured.err and "Using the existing game" not in captured.out
    assert not started
