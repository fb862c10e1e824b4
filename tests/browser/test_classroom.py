"""The classroom game in real browsers: `classroom` serves one address; teams and the trainer play a round.

The server is started with the very command and environment the `classroom` command builds. Every person
has a browser context of their own (their own cookies, their own Solara page), as on their own laptops: the
trainer, team Rood, team Blauw and a student with a wrong code. Rood previews and submits, Blauw submits,
the trainer closes two rounds, and both team pages must show round 3 by themselves (they look at the game
file every few seconds). Rood's page must never hold Blauw's code or Blauw's own figures; the trainer's
debrief download must be an HTML report naming both teams.

Solara's page loads its browser code from its CDN folder, which the solara-assets package fills: no internet
is needed, in CI or in a classroom.
"""

from __future__ import annotations

import base64
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from simulation.game import classroom as command
from simulation.game.engine import Game
from simulation.lessons import ROOT
from simulation.game.views import TEAM_KPIS, kpi_value
from simulation.language import text

from .conftest import CHROMIUM_ARGS, _free_port, _stop, _wait_until_up

TIMEOUT_MS = 120_000  # a slow, busy CI machine: wait for what should appear rather than sleep
UPDATE_S = 30  # the team pages look every 3 s; a redraw must arrive well within this
WIDTH, HEIGHT = 1366, 768
CODE_FIELD = "input[placeholder='ABCDE-FGHJK']"
SETTINGS = {"rounds": 3, "suppliers": 3, "market": {"accounts.initial_customers": 60}}
SECRET_KPIS = ("revenue", "sales_cost", "service_cost", "quotes_sent")  # a team's own figures, not on the market tab


def _t(key: str, **values: object) -> str:
    return text(key, "en", **values)


def _solara_assets() -> None:
    """Solara's browser files come with the kit (the solara-assets package), so a classroom network without
    internet (and CI) serves the page without its CDN."""
    from solara.server import settings

    cache = Path(settings.assets.proxy_cache_dir)
    assert (cache / "requirejs@2.3.6").is_dir() and any((cache / "@widgetti").iterdir()), \
        f"Solara's browser files are missing from {cache}: is solara-assets installed?"


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """A game of two teams and one computer competitor, served as `python kit.py classroom` serves it."""
    folder = tmp_path_factory.mktemp("classroom")
    path = folder / "class.game"
    game = Game.create(path, SETTINGS, teams=["Rood", "Blauw"])
    codes, trainer = game.team_codes(), game.trainer_code
    game.close()
    _solara_assets()
    port = _free_port()
    address = command.classroom_address(False, port)
    assert address.startswith("http://127.0.0.1:")  # this computer only, without --lan
    log_path = folder / "solara.log"
    log = log_path.open("w")
    server = subprocess.Popen(command.solara_command(False, port), cwd=ROOT,
                              env=command.solara_environment(path, "en", address), stdout=log, stderr=subprocess.STDOUT)
    served = {"base": address, "server": server, "log": log, "path": path, "codes": codes, "trainer": trainer}
    try:
        _wait_until_up(address, server, log_path, timeout=120.0, request_timeout=30.0)
        yield served
    finally:
        _stop(served)


def _open(page: Page, base: str) -> None:
    page.goto(base, wait_until="commit", timeout=TIMEOUT_MS)
    page.locator(CODE_FIELD).wait_for(timeout=TIMEOUT_MS)


def _log_in(page: Page, code: str) -> None:
    page.locator(CODE_FIELD).fill(code)
    page.get_by_role("button", name=_t("game.page.log_in")).click()


def _title_shows(page: Page, wanted: str, timeout_ms: float = TIMEOUT_MS) -> None:
    page.locator("h2").filter(has_text=wanted).first.wait_for(timeout=timeout_ms)


@pytest.mark.browser
def test_a_class_plays_two_rounds_in_separate_browsers(classroom, chromium_path, artifacts):
    codes, shots = classroom["codes"], {}

    def shot(page: Page, name: str) -> None:
        page.screenshot(path=artifacts / f"classroom_{name}_{WIDTH}x{HEIGHT}.png")
        shots[name] = page

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        pages = {who: browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}).new_page()
                 for who in ("trainer", "Rood", "Blauw", "stranger")}
        current = pages["stranger"]
        try:
            for page in pages.values():
                current = page
                _open(page, classroom["base"])

            # a wrong code is refused, with a message, and nothing else opens
            current = pages["stranger"]
            _log_in(current, "AAAAA-AAAAA")
            current.locator("b").filter(has_text="This team code is not known").wait_for(
                timeout=TIMEOUT_MS)
            assert current.get_by_role("button", name=_t("game.page.submit")).count() == 0
            shot(current, "1_wrong_code")

            current = pages["trainer"]
            _log_in(current, classroom["trainer"])
            current.get_by_role("button", name=_t("game.page.advance")).wait_for(timeout=TIMEOUT_MS)
            _title_shows(current, _t("game.page.round_open", round=1, rounds=3))
            assert "runs on Solara" not in current.inner_text("body")  # Solara's banner: English on a Dutch page
            shot(current, "2_trainer")

            for team in ("Rood", "Blauw"):
                current = pages[team]
                _log_in(current, codes[team])
                _title_shows(current, f"{team} — " + _t("game.page.round_open", round=1, rounds=3))
                current.get_by_role("button", name=_t("game.page.submit")).wait_for(timeout=TIMEOUT_MS)
            shot(pages["Rood"], "3_rood_decisions")

            # Rood changes a decision in the form, previews, submits
            current = pages["Rood"]
            promise = current.locator("select").first
            options = promise.locator("option").all_inner_texts()
            chosen = next(option for option in options if option != promise.evaluate("s => s.selectedOptions[0].text"))
            promise.select_option(label=chosen)
            current.get_by_role("button", name=_t("game.page.preview")).click()
            current.get_by_text(_t("game.page.preview_of", round=1)[:40]).wait_for(timeout=TIMEOUT_MS)
            shot(current, "4_rood_preview")
            current.get_by_role("button", name=_t("game.page.submit")).click()
            stored = current.locator("b").filter(has_text=_t("game.page.stored", round=1))
            stored.wait_for(timeout=TIMEOUT_MS)
            assert chosen in current.inner_text("body")
            shot(current, "5_rood_submitted")

            current = pages["Blauw"]
            current.get_by_role("button", name=_t("game.page.submit")).click()
            current.locator("b").filter(has_text=_t("game.page.stored", round=1)).wait_for(timeout=TIMEOUT_MS)

            # the trainer closes two rounds
            current = pages["trainer"]
            for played in (1, 2):
                current.get_by_role("button", name=_t("game.page.advance")).click()
                current.locator("b").filter(has_text=f"Round {played} played").wait_for(timeout=TIMEOUT_MS)
                _title_shows(current, _t("game.page.round_open", round=played + 1, rounds=3))
            closed = time.monotonic()
            shot(current, "6_trainer_two_rounds_closed")

            # both team pages show round 3 by themselves
            for team in ("Rood", "Blauw"):
                current = pages[team]
                _title_shows(current, f"{team} — " + _t("game.page.round_open", round=3, rounds=3),
                             timeout_ms=max(1000.0, (UPDATE_S - (time.monotonic() - closed)) * 1000))
            updated = time.monotonic() - closed
            print(f"team pages showed round 3 {updated:.1f} s after the trainer closed round 2")

            results = Game.open(classroom["path"])
            try:
                played = results.results()
            finally:
                results.close()
            assert len(played) == 2
            for team in ("Rood", "Blauw"):
                current = pages[team]
                current.get_by_role("tab", name=_t("game.page.tab_results")).click()
                for round_rows in played:
                    current.get_by_text(kpi_value("revenue", round_rows[team]["revenue"], "en"), exact=True).first \
                        .wait_for(timeout=TIMEOUT_MS)
                shot(current, f"7_{team.lower()}_results")

            # Rood's page holds nothing of Blauw's: not its code, not its own figures
            rood = pages["Rood"].content()
            assert codes["Blauw"] not in rood and classroom["trainer"] not in rood
            rood_own = {kpi_value(kpi, rows["Rood"][kpi], "en") for rows in played for kpi in TEAM_KPIS}
            blauw_only = {kpi_value(kpi, rows["Blauw"][kpi], "en") for rows in played for kpi in SECRET_KPIS
                          if kpi != "quotes_sent"} - rood_own
            assert blauw_only, "Blauw's figures all equal Rood's: nothing to check"
            leaked = sorted(value for value in blauw_only if value in rood)
            assert not leaked, f"Rood's page shows Blauw's figures {leaked}"

            # the trainer's downloads: the debrief report as a link that holds the whole HTML report
            current = pages["trainer"]
            current.get_by_role("button", name=_t("game.page.downloads")).click()
            link = current.get_by_role("link", name=_t("game.page.download_debrief"))
            link.wait_for(timeout=TIMEOUT_MS)
            href = link.get_attribute("href")
            prefix = "data:text/html;base64,"
            assert href.startswith(prefix)
            report = base64.b64decode(href[len(prefix):]).decode("utf-8")
            assert "<html" in report.lower() and "Rood" in report and "Blauw" in report
            shot(current, "8_trainer_downloads")
        except Exception:
            current.screenshot(path=artifacts / "classroom_failure.png")
            raise
        finally:
            browser.close()
