"""A student's session in a real browser: open lesson 03 in JupyterLab, run it, move a slider, press Run.

Checks what only a browser can: the widgets render from core ipywidgets
alone, the panel fits one screen at 1366×768 (a laptop) and 1280×720 (a
projector) with the figure at its natural size (text ≥ 12 px), no label is
cut off, a keyboard move of a slider reaches the kernel on release, the Run
button redraws the KPI table and the figure, and no cell shows an error.
The compare view answers with seed 0 as quickly as one pair of runs, then
fills in the band of 10 runs in the background (only B's: A's are kept from
the lesson's own run). Both moments are timed as a student sees them, in the
page, and saved with the screenshots in test-artifacts/ for a person to look
at; the test asserts their order, not their seconds (those are
benchmarks/bench_widgets.py's).

Whether a whole lesson runs top to bottom is nbval's test (both languages);
the single-panel layout test opens only the lesson's panel, with the
lesson's own setup and panel cells, which is what it is about.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import browser_page
from .lab import (
    IMAGE_DIGEST,
    LAYOUT,
    TIMEOUT_MS,
    close_file_browser,
    inside,
    open_in_lab,
    panel_only,
    screenshot_from,
)

LESSON = "03_expectation_management.ipynb"
SLIDER_LABEL = "Expectation management"
SCREENS = ((1366, 768), (1280, 720))
BAND_TEXT = "el => (el.querySelector('.kit-band') || {textContent: ''}).textContent"


def move_slider_of_b(page, panel, screenshot=None):
    """Move side B's expectation-management slider six steps with the keyboard and wait until the kernel has
    the new value (the panel then says its results are out of date); returns (slider, readout, old readout)."""
    panel.locator(".lm-TabBar-tab, .p-TabBar-tab").filter(has_text="B: over-promise").click()
    row = panel.locator(".widget-hbox").filter(has=page.locator(".widget-slider").filter(
        has_text=SLIDER_LABEL)).last  # side B: over-promise
    slider, readout = row.locator(".widget-slider"), row.locator(".widget-label").last
    if screenshot is not None:
        screenshot_from(page, panel, screenshot)
    readout_before = readout.inner_text()
    slider.locator(".noUi-handle").focus()
    for _ in range(6):
        slider.locator(".noUi-handle").press("ArrowRight")
    # Six steps of 5 points: wait for the last one, or a busy kernel may still apply a step after Run is pressed.
    final = str(min(100, int(re.search(r"\d+", readout_before).group()) + 6 * 5)) + "%"
    page.wait_for_function("([el, final]) => el.textContent.replace(/\\s/g, '') === final",
                           arg=[readout.element_handle(), final], timeout=TIMEOUT_MS)
    page.wait_for_function("el => el.innerText.includes('Settings changed')", arg=panel.element_handle(),
                           timeout=TIMEOUT_MS)
    return slider, readout, readout_before


@pytest.mark.browser
def test_student_runs_lesson_03_moves_a_slider_and_sees_the_first_run_before_the_full_band(
        jupyter_lab, chromium_path, artifacts):
    with browser_page(chromium_path, 1400, 1000, artifacts / "lesson03_failure.png") as page:
        open_in_lab(page, jupyter_lab, LESSON, close_files=False)

        panel = page.locator(".jp-OutputArea-output").filter(has=page.locator(".widget-button")).last
        table = panel.locator("table").filter(has_text="Difference (A − B)")
        image = panel.locator(".widget-image")
        table.wait_for(timeout=TIMEOUT_MS)
        image.wait_for(timeout=TIMEOUT_MS)
        close_file_browser(page)
        page.wait_for_function(f"el => ({BAND_TEXT})(el).includes('Band complete')",
                               arg=panel.element_handle(), timeout=TIMEOUT_MS)  # the lesson's own run, in full
        for width, height in SCREENS:  # the widest table: every cell a 95 % interval
            page.set_viewport_size({"width": width, "height": height})
            panel.evaluate("el => el.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(500)
            page.screenshot(path=artifacts / f"lesson03_screen_{width}x{height}.png")
            layout = panel.evaluate(LAYOUT)
            assert inside(layout["run"], width, height), (width, height, layout)
            assert inside(layout["image"], width, height), (width, height, layout)
            assert layout["scale"] >= 0.96, layout  # the figure's 12.5 px text stays at least 12 px
            assert not layout["cut"] and not layout["clipped"], layout
        panel.get_by_role("button", name="NL", exact=True).click()  # Dutch labels are longer: still none cut off
        dutch = panel.locator("table").filter(has_text="Verschil (A − B)")
        dutch.wait_for(timeout=TIMEOUT_MS)
        page.wait_for_timeout(500)
        page.screenshot(path=artifacts / "lesson03_screen_1280x720_nl.png")
        layout = panel.evaluate(LAYOUT)
        assert not layout["cut"] and not layout["clipped"] and inside(layout["image"], *SCREENS[-1]), layout
        assert "Verwachtingsmanagement" in panel.inner_text() and "Simuleer" in panel.inner_text()
        panel.get_by_role("button", name="EN", exact=True).click()
        table.wait_for(timeout=TIMEOUT_MS)

        # A student changes side B on a laptop; A's band is kept from the lesson's run, so only B runs again.
        page.set_viewport_size({"width": 1366, "height": 768})
        table_before, image_before = table.inner_text(), image.evaluate(IMAGE_DIGEST)
        slider, readout, readout_before = move_slider_of_b(page, panel, artifacts / "lesson03_1_controls.png")
        started = time.monotonic()
        panel.get_by_role("button", name="Run simulation").click()
        page.wait_for_function(f"el => ({BAND_TEXT})(el).includes('runs done')",
                               arg=panel.element_handle(), timeout=TIMEOUT_MS)
        first = time.monotonic() - started
        table_first = panel.locator("table").first.inner_text()
        page.screenshot(path=artifacts / "lesson03_2_first_result.png")
        page.wait_for_function(f"el => ({BAND_TEXT})(el).includes('Band complete')",
                               arg=panel.element_handle(), timeout=TIMEOUT_MS)
        complete = time.monotonic() - started
        # the kernel's messages arrive one by one: table first, then the status line, then the button freed
        page.wait_for_function("el => el.innerText.includes('simulated')", arg=panel.element_handle(),
                               timeout=TIMEOUT_MS)
        expect(panel.get_by_role("button", name="Run simulation")).to_be_enabled(timeout=TIMEOUT_MS)
        screenshot_from(page, slider, artifacts / "lesson03_3_slider_moved_and_run.png")
        screenshot_from(page, image, artifacts / "lesson03_4_new_figure.png")
        panel.evaluate("el => el.scrollIntoView({block: 'start'})")  # moving B's slider scrolled the page
        page.wait_for_timeout(300)
        page.screenshot(path=artifacts / "lesson03_5_full_band.png")
        table_complete = panel.locator("table").first.inner_text()
        layout = panel.evaluate(LAYOUT)
        (artifacts / "lesson03_timings.json").write_text(json.dumps(
            {"first_result_s": round(first, 2), "full_band_s": round(complete, 2)}))
        print(f"lesson 03: first result after {first:.1f} s, full band of 10 runs after {complete:.1f} s")

        assert readout.inner_text() != readout_before and readout.inner_text().endswith("%")
        assert table.inner_text() != table_before
        assert image.evaluate(IMAGE_DIGEST) != image_before
        assert "Settings changed" not in panel.inner_text()
        # The first answer comes before the full picture. How long each takes is a benchmark's figure
        # (benchmarks/bench_widgets.py), not this test's: a wall-clock bound here failed on a busy CI machine
        # (5.5 s against 5 s) while the panel did what it should. The timings are saved beside the screenshots.
        assert first < complete, (first, complete)
        assert "…" in table_first and "of 10" not in table_first  # uncertainty follows, it is not faked
        assert "of 10" in table_complete and "95% interval" in table_complete and "…" not in table_complete
        assert "In 10 of 10 runs" in panel.inner_text() or " of 10 runs " in panel.inner_text()
        assert inside(layout["run"], 1366, 768) and inside(layout["image"], 1366, 768), layout
        assert not layout["cut"] and not layout["clipped"], layout

        panel.get_by_role("button", name="NL", exact=True).click()  # longer words, on a projector's screen
        panel.locator("table").filter(has_text="Verschil (A − B): 95 %-interval").wait_for(timeout=TIMEOUT_MS)
        page.set_viewport_size({"width": 1280, "height": 720})
        panel.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        page.screenshot(path=artifacts / "lesson03_6_full_band_nl_1280x720.png")
        layout = panel.evaluate(LAYOUT)
        assert inside(layout["run"], 1280, 720) and inside(layout["image"], 1280, 720), layout
        assert not layout["cut"] and not layout["clipped"], layout
        assert "Band compleet" in panel.inner_text() and " van de 10 runs " in panel.inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("lesson", ["00_start_here.ipynb", "06_sales_roles_and_capacity.ipynb"])
def test_a_lesson_panel_fits_a_laptop_screen(jupyter_lab, chromium_path, artifacts, lesson):
    """The single-scenario panel (the dashboard of lesson 00, six head-count sliders in 06) on one screen."""
    with browser_page(chromium_path, 1366, 768, artifacts / f"{lesson[:2]}_failure.png") as page:
        open_in_lab(page, jupyter_lab, panel_only(jupyter_lab, lesson))
        panel = page.locator(".jp-OutputArea-output").filter(has=page.locator(".widget-button")).first
        page.wait_for_function("el => el.querySelector('.widget-image').naturalWidth > 0",
                               arg=panel.element_handle(), timeout=TIMEOUT_MS)
        panel.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        page.screenshot(path=artifacts / f"{lesson[:2]}_screen_1366x768.png")
        layout = panel.evaluate(LAYOUT)
        assert inside(layout["run"], 1366, 768) and inside(layout["image"], 1366, 768), layout
        assert layout["scale"] >= 0.96 and not layout["cut"] and not layout["clipped"], layout
