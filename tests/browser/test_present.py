"""Presentation mode: `kit.py present 03 --language nl` shows lesson 03 without code, in Dutch, working.

Voilà runs the lesson top to bottom and shows only text and outputs; the compare view must render with
its Dutch labels and the figure, fit a 1280×720 projector, and no code cell may be visible.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from simulation import present
from simulation.cli import main
from simulation.lessons import ROOT
from simulation.termination import QUIET_START

from .conftest import browser_page
from .lab import TIMEOUT_MS


@pytest.fixture
def served(monkeypatch):
    """`present` with Voilà's run recorded instead of started."""
    servers = []

    def run_command(command, cwd, env):
        servers.append((command, {"cwd": cwd, "env": env}))
        return 0

    monkeypatch.setattr(present, "run_command", run_command)
    return servers


def test_present_runs_voila_on_the_lesson_in_its_language_and_passes_voilas_options_on(served):
    assert main(["present", "03", "--port=9000", "--language", "nl", "--no-browser"]) == 0
    command, kwargs = served[-1]
    assert command[:4] == [sys.executable, "-c", QUIET_START, "voila"]
    assert command[5:] == ["--theme=light", "--port=9000", "--no-browser"]
    assert Path(command[4]).parent.name == "nl" and Path(command[4]).name == "03_expectation_management.ipynb"
    assert kwargs["env"]["KIT_LANGUAGE"] == "nl" and kwargs["cwd"] == ROOT  # the lesson's panels speak Dutch
    assert main(["present", "3"]) == 0  # the number as typed, in English, on Voilà's port (or its configuration's)
    assert served[-1][0][4:] == [str(ROOT / "notebooks" / "03_expectation_management.ipynb"), "--theme=light"]
    assert main(["present"]) == 0 and Path(served[-1][0][4]).name == "00_start_here.ipynb"


@pytest.mark.parametrize("typed", [["--port", "9000", "03"], ["--port=9000", "03"], ["03", "--port", "9000"]])
def test_present_port_is_its_own_option_so_a_port_is_never_read_as_the_lesson(served, typed):
    assert main(["present", *typed, "--no-browser"]) == 0
    command = served[-1][0]
    assert Path(command[4]).name.startswith("03_") and command[5:] == ["--theme=light", "--port=9000", "--no-browser"]


@pytest.mark.parametrize(("typed", "language", "said"), [
    (["--port", "70000"], "en", "--port 70000: give a port number from 1 to 65535 (--port 8866)."),
    (["--port", "0", "--language", "nl"], "nl", "--port 0: geef een poortnummer van 1 tot en met 65535 (--port 8866)."),
    (["--prot", "9000"], "nl", "Bedoel je '--port'?")])
def test_a_wrong_port_is_one_line_in_the_commands_language(served, capfd, monkeypatch, typed, language, said):
    monkeypatch.setattr("simulation.language._state", {"default": language})
    assert main(["present", "03", *typed]) == 2
    err = capfd.readouterr().err
    assert err.rstrip().endswith(said) and err.count("\n") == 1 and not served


@pytest.mark.parametrize(("language", "said"), [("en", "No lesson '42'. Choose one of: 00, 01"),
                                                ("nl", "Er is geen les '42'. Kies uit: 00, 01")])
def test_an_unknown_lesson_is_one_line_in_the_commands_language(served, capfd, language, said):
    assert main(["present", "42", "--language", language]) == 2
    assert said in capfd.readouterr().err and not served
    assert main(["run", "--preset", "baseline", "--port=9000"]) == 2  # only present passes options on
    assert "--port=9000" in capfd.readouterr().err


@pytest.mark.parametrize(("language", "said"), [("en", "'--langauge' is not an option of present"),
                                                ("nl", "'--langauge' is geen optie van present")])
def test_a_near_miss_of_presents_own_option_is_a_typo_not_an_option_for_voila(served, capfd, language, said):
    assert main(["present", "03", "--langauge", language, "--language", language]) == 2
    err = capfd.readouterr().err
    assert said in err and "'--language'?" in err and not served
    assert main(["present", "03", "--no-browser", "--theme=dark", "--debug", "--Voila.ip=0.0.0.0"]) == 0  # Voilà's
    assert served[-1][0][-4:] == ["--no-browser", "--theme=dark", "--debug", "--Voila.ip=0.0.0.0"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_present_speaks_the_sessions_language_without_language(served, monkeypatch, language):
    monkeypatch.setattr("simulation.language._state", {"default": language})
    assert main(["present", "03"]) == 0 and served[-1][1]["env"]["KIT_LANGUAGE"] == language
    assert main(["present", "03", "--language", "en"]) == 0 and served[-1][1]["env"]["KIT_LANGUAGE"] == "en"
    assert present.lesson_path("03", language).parent == (ROOT / "notebooks" / "nl" if language == "nl" else
                                                          ROOT / "notebooks")


@pytest.mark.browser
def test_lesson_03_presented_without_code_in_dutch(voila_lesson, chromium_path, artifacts):
    with browser_page(chromium_path, 1280, 720, artifacts / "present_failure.png") as page:
        # Voilà runs the whole lesson before the page's 'load' event; on a busy machine that can take
        # longer than a navigation's default 30 s, so wait for the first bytes and then for the panel
        page.goto(voila_lesson["base"] + "/", wait_until="commit", timeout=TIMEOUT_MS)
        button = page.get_by_role("button", name="Simuleer")
        button.wait_for(timeout=TIMEOUT_MS)
        panel = page.locator(".jp-OutputArea-output").filter(has=page.locator(".widget-button")).last
        panel.locator("table").filter(has_text="Verschil (A − B)").wait_for(timeout=TIMEOUT_MS)
        image = panel.locator(".widget-image")
        page.wait_for_function("el => el.naturalWidth > 0", arg=image.element_handle(), timeout=TIMEOUT_MS)
        panel.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.screenshot(path=artifacts / "present_lesson03_nl_1280x720.png")
        body = page.inner_text("body")
        assert "CompareView(" not in body and "simulate(" not in body  # no code on the page
        assert "Aantal jaren" in body and "Verwachtingsmanagement" in body
        assert "Tevredenheid is prestatie vergeleken met verwachting" in body  # the Dutch lesson text
        box = image.bounding_box()
        assert box["y"] + box["height"] <= 720 and box["x"] + box["width"] <= 1280
