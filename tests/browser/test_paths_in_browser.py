"""Lesson 03's compare view in a real browser, timed: the first run at once, the full band soon after.

The panel answers with seed 0 as quickly as a single pair of runs, then fills in the band of 10 runs in
the background with a progress line (only B's runs: A's are kept from the lesson's own run); this test
moves a slider of side B, presses Run and measures both moments as a student sees them (in the page, not in the kernel), checks that the table first shows '…' where the
uncertainty will be, and saves the timings and screenshots in test-artifacts/.
"""

from __future__ import annotations

import json
import time

import pytest

from .conftest import browser_page
from .test_lesson_in_browser import LAYOUT, TIMEOUT_MS, _inside, move_slider_of_b, open_in_lab

LESSON = "03_expectation_management.ipynb"
#: A pair of three-year runs takes ~1 s on this machine; the rest is the round trip through JupyterLab.
FIRST_RESULT_SECONDS = 5.0
#: Nine more runs of B on two cores, with the redraws (a generous bound for a busy CI machine; the timing is saved).
FULL_BAND_SECONDS = 60.0

BAND_TEXT = "el => (el.querySelector('.kit-band') || {textContent: ''}).textContent"


@pytest.mark.browser
def test_lesson_03_shows_the_first_run_at_once_and_the_full_band_later(jupyter_lab, chromium_path, artifacts):
    with browser_page(chromium_path, 1366, 768, artifacts / "paths_03_failure.png") as page:
        open_in_lab(page, jupyter_lab, LESSON)
        panel = page.locator(".jp-OutputArea-output").filter(has=page.locator(".widget-button")).last
        panel.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.wait_for_function(f"el => ({BAND_TEXT})(el).includes('Band complete')",
                               arg=panel.element_handle(), timeout=TIMEOUT_MS)  # the lesson's own first run

        move_slider_of_b(page, panel)  # a student changes one side; A's band is kept from the lesson's run
        started = time.monotonic()
        panel.get_by_role("button", name="Run simulation").click()
        page.wait_for_function(f"el => ({BAND_TEXT})(el).includes('runs done')",
                               arg=panel.element_handle(), timeout=TIMEOUT_MS)
        first = time.monotonic() - started
        table_first = panel.locator("table").first.inner_text()
        page.screenshot(path=artifacts / "paths_03_first_result.png")
        page.wait_for_function(f"el => ({BAND_TEXT})(el).includes('Band complete')",
                               arg=panel.element_handle(), timeout=TIMEOUT_MS)
        complete = time.monotonic() - started
        panel.evaluate("el => el.scrollIntoView({block: 'start'})")  # moving B's slider scrolled the page
        page.wait_for_timeout(300)
        page.screenshot(path=artifacts / "paths_03_full_band.png")
        table_complete = panel.locator("table").first.inner_text()
        layout = panel.evaluate(LAYOUT)
        (artifacts / "paths_03_timings.json").write_text(json.dumps(
            {"first_result_s": round(first, 2), "full_band_s": round(complete, 2)}))
        print(f"lesson 03: first result after {first:.1f} s, full band of 10 runs after {complete:.1f} s")

        assert first < complete, (first, complete)  # the first answer comes before the full picture
        assert first < FIRST_RESULT_SECONDS and complete < FULL_BAND_SECONDS, (first, complete)
        assert "…" in table_first and "of 10" not in table_first  # uncertainty follows, it is not faked
        assert "of 10" in table_complete and "95% interval" in table_complete and "…" not in table_complete
        assert "In 10 of 10 runs" in panel.inner_text() or " of 10 runs " in panel.inner_text()
        assert _inside(layout["run"], 1366, 768) and _inside(layout["image"], 1366, 768), layout
        assert not layout["cut"] and not layout["clipped"], layout

        panel.get_by_role("button", name="NL", exact=True).click()  # longer words, on a projector's screen
        panel.locator("table").filter(has_text="Verschil (A − B): 95 %-interval").wait_for(timeout=TIMEOUT_MS)
        page.set_viewport_size({"width": 1280, "height": 720})
        panel.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        page.screenshot(path=artifacts / "paths_03_full_band_nl_1280x720.png")
        layout = panel.evaluate(LAYOUT)
        assert _inside(layout["run"], 1280, 720) and _inside(layout["image"], 1280, 720), layout
        assert not layout["cut"] and not layout["clipped"], layout
        assert "Band compleet" in panel.inner_text() and " van de 10 runs " in panel.inner_text()
