"""Presentation mode: `kit.py present 03 --language nl` shows lesson 03 without code, in Dutch, working.

Voilà runs the lesson top to bottom and shows only text and outputs; the compare view must render with
its Dutch labels and the figure, fit a 1280×720 projector, and no code cell may be visible.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kit

from .conftest import browser_page
from .test_lesson_in_browser import TIMEOUT_MS


def test_present_runs_voila_on_the_lesson_with_its_language(tmp_path):
    command = kit.command_for("present", ["03"], kit.venv_python(tmp_path))
    assert command[1:3] == ["-m", "voila"] and command[3].endswith("03_expectation_management.ipynb")
    dutch = kit.command_for("present", ["03"], kit.venv_python(tmp_path), "nl")
    assert Path(dutch[3]).parent.name == "nl" and Path(dutch[3]).name == Path(command[3]).name
    rest, environment = kit.present_environment(["--language", "nl", "--port=9000"])
    assert rest == ["--port=9000"] and environment["KIT_LANGUAGE"] == "nl"
    with pytest.raises(SystemExit, match="No lesson '42'"):
        kit.lesson_path("42")


@pytest.mark.parametrize(("session", "language"), [("nl", "nl"), ("de", "en")])
def test_present_speaks_the_sessions_language_without_language(monkeypatch, session, language):
    monkeypatch.setenv("KIT_LANGUAGE", session)
    assert kit.present_environment(["03"])[1]["KIT_LANGUAGE"] == language
    assert kit.present_environment(["03", "--language", "en"])[1]["KIT_LANGUAGE"] == "en"


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
