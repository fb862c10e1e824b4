"""A student's session in a real browser: open lesson 03 in JupyterLab, run it, move a slider, press Run.

Checks what only a browser can: the widgets render from core ipywidgets
alone, the panel fits one screen at 1366×768 (a laptop) and 1280×720 (a
projector) with the figure at its natural size (text ≥ 12 px), no label is
cut off, a keyboard move of a slider reaches the kernel on release, the Run
button redraws the KPI table and the figure, and no cell shows an error.
The compare view answers with seed 0 as quickly as one pair of runs, then
fills in the band of 10 runs in the background (only B's: A's are kept from
the lesson's own run); both moments are timed as a student sees them, in the
page. Screenshots and timings land in test-artifacts/ for a person to look at.

Whether a whole lesson runs top to bottom is nbval's test (both languages);
the single-panel layout test opens only the lesson's panel, with the
lesson's own setup and panel cells, which is what it is about.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from .conftest import accept_kernel_dialog, browser_page

LESSON = "03_expectation_management.ipynb"
SLIDER_LABEL = "Expectation management"
TIMEOUT_MS = 180_000

# The bytes behind the panel's figure (a blob: URL), summarised so two versions can be told apart.
IMAGE_DIGEST = """async (img) => {
    const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
    let hash = 0;
    for (const b of bytes) { hash = (hash * 31 + b) >>> 0; }
    return `${bytes.length}:${hash}`;
}"""


SCREENS = ((1366, 768), (1280, 720))
BAND_TEXT = "el => (el.querySelector('.kit-band') || {textContent: ''}).textContent"

# Boxes of what must be visible together, labels cut off with an ellipsis, and the figure's scale on screen.
LAYOUT = """(panel) => {
    const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const img = panel.querySelector('.widget-image');
    const cut = [...panel.querySelectorAll('.widget-label, .widget-label-basic')]
        .filter(l => l.offsetParent !== null && l.scrollWidth > l.clientWidth + 1).map(l => l.textContent);
    const table = panel.querySelector('table');
    const column = table.closest('.widget-vbox');  // the panel's left column, which hides what overflows it
    const clipped = table.getBoundingClientRect().right > column.getBoundingClientRect().right + 1;
    return {run: box(panel.querySelector('.widget-button')), image: box(img), table: box(table), clipped: clipped,
            scale: img.clientWidth / img.naturalWidth, cut: cut};
}"""


def _inside(box, width, height) -> bool:
    left, top, right, bottom = box
    return left >= 0 and top >= 0 and right <= width and bottom <= height


def _screenshot_from(page, element, path) -> None:
    """What a student sees with `element` scrolled to the top of the window."""
    element.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=path)


def open_in_lab(page, lab: dict[str, str], lesson: str, *, close_file_browser: bool = True) -> None:
    """Open `lesson` in JupyterLab, wait for its kernel, run every cell and wait until all have run.

    Each opening gets a workspace of its own, so JupyterLab does not also restore (and start kernels for)
    the lessons an earlier test opened on the same server.
    """
    workspace = f"test-{uuid.uuid4().hex[:8]}"
    page.goto(f"{lab['base']}/lab/workspaces/{workspace}/tree/{lesson}?token={lab['token']}")
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=TIMEOUT_MS)
    if close_file_browser:
        _close_file_browser(page)
    _run_all_cells(page)
    _wait_until_all_cells_ran(page, lesson)


def panel_only(served: dict[str, str], lesson: str) -> str:
    """Write a notebook of `lesson`'s first code cell (its imports) and the cell that shows its panel, both copied
    from the lesson, into the served folder; returns its name. The lesson's other cells run longer than the panel
    takes to appear (lesson 06: 25 s of replications) and show nothing a layout test looks at."""
    notebook = nbformat.read(Path(served["root"]) / lesson, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    panel = [cell for cell in code if re.match(r"\w+(Panel|View)\(", cell.source)][-1]  # the cell that is the panel
    notebook.cells = [code[0], panel]
    name = lesson.replace(".ipynb", "_panel.ipynb")
    nbformat.write(notebook, Path(served["root"]) / name)
    return name


def _close_file_browser(page) -> None:
    """More room for the lesson, as a student on a laptop would make it (JupyterLab remembers it)."""
    page.wait_for_timeout(300)
    current = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if current.count():
        current.first.click()


def move_slider_of_b(page, panel, screenshot=None):
    """Move side B's expectation-management slider six steps with the keyboard and wait until the kernel has
    the new value (the panel then says its results are out of date); returns (slider, readout, old readout)."""
    panel.locator(".lm-TabBar-tab, .p-TabBar-tab").filter(has_text="B: over-promise").click()
    row = panel.locator(".widget-hbox").filter(has=page.locator(".widget-slider").filter(
        has_text=SLIDER_LABEL)).last  # side B: over-promise
    slider, readout = row.locator(".widget-slider"), row.locator(".widget-label").last
    if screenshot is not None:
        _screenshot_from(page, panel, screenshot)
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


def _run_all_cells(page) -> None:
    """Run ▸ Run All Cells, and see the first cell start; a fresh server sometimes replaces the first kernel
    connection and asks which kernel to use, and then the cells wait: answer, and ask again."""
    for attempt in range(3):
        try:
            accept_kernel_dialog(page, TIMEOUT_MS // 6)
            page.get_by_role("menuitem", name="Run", exact=True).click(timeout=TIMEOUT_MS // 6)
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click(timeout=TIMEOUT_MS // 6)
            page.wait_for_function("prompts => [...document.querySelectorAll(prompts)]"
                                   ".some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))",
                                   arg=PROMPTS, timeout=TIMEOUT_MS // 3)
            return
        except Exception:
            if attempt == 2:
                raise


ERRORS = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
PROMPTS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt"  # of the lesson's tab only


def _wait_until_all_cells_ran(page, lesson: str) -> None:
    """Every code cell shows an execution count ([3]:) and none is still running ([*]:), or a cell failed."""
    page.wait_for_function(
        "([errors, prompts]) => document.querySelector(errors) !== null || ((cells) => cells.length > 0"
        " && cells.every(p => /\\[\\d+\\]/.test(p.textContent)))([...document.querySelectorAll(prompts)])",
        arg=[ERRORS, PROMPTS], timeout=TIMEOUT_MS)
    failures = page.locator(ERRORS)
    assert failures.count() == 0, f"A cell of {lesson} failed in the browser:\n{failures.first.inner_text()}"


@pytest.mark.browser
def test_student_runs_lesson_03_moves_a_slider_and_sees_the_first_run_before_the_full_band(
        jupyter_lab, chromium_path, artifacts):
    with browser_page(chromium_path, 1400, 1000, artifacts / "lesson03_failure.png") as page:
        open_in_lab(page, jupyter_lab, LESSON, close_file_browser=False)

        panel = page.locator(".jp-OutputArea-output").filter(has=page.locator(".widget-button")).last
        table = panel.locator("table").filter(has_text="Difference (A − B)")
        image = panel.locator(".widget-image")
        table.wait_for(timeout=TIMEOUT_MS)
        image.wait_for(timeout=TIMEOUT_MS)
        _close_file_browser(page)
        page.wait_for_function(f"el => ({BAND_TEXT})(el).includes('Band complete')",
                               arg=panel.element_handle(), timeout=TIMEOUT_MS)  # the lesson's own run, in full
        for width, height in SCREENS:  # the widest table: every cell a 95 % interval
            page.set_viewport_size({"width": width, "height": height})
            panel.evaluate("el => el.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(500)
            page.screenshot(path=artifacts / f"lesson03_screen_{width}x{height}.png")
            layout = panel.evaluate(LAYOUT)
            assert _inside(layout["run"], width, height), (width, height, layout)
            assert _inside(layout["image"], width, height), (width, height, layout)
            assert layout["scale"] >= 0.96, layout  # the figure's 12.5 px text stays at least 12 px
            assert not layout["cut"] and not layout["clipped"], layout
        panel.get_by_role("button", name="NL", exact=True).click()  # Dutch labels are longer: still none cut off
        dutch = panel.locator("table").filter(has_text="Verschil (A − B)")
        dutch.wait_for(timeout=TIMEOUT_MS)
        page.wait_for_timeout(500)
        page.screenshot(path=artifacts / "lesson03_screen_1280x720_nl.png")
        layout = panel.evaluate(LAYOUT)
        assert not layout["cut"] and not layout["clipped"] and _inside(layout["image"], *SCREENS[-1]), layout
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
        _screenshot_from(page, slider, artifacts / "lesson03_3_slider_moved_and_run.png")
        _screenshot_from(page, image, artifacts / "lesson03_4_new_figure.png")
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
        assert _inside(layout["run"], 1366, 768) and _inside(layout["image"], 1366, 768), layout
        assert not layout["cut"] and not layout["clipped"], layout

        panel.get_by_role("button", name="NL", exact=True).click()  # longer words, on a projector's screen
        panel.locator("table").filter(has_text="Verschil (A − B): 95 %-interval").wait_for(timeout=TIMEOUT_MS)
        page.set_viewport_size({"width": 1280, "height": 720})
        panel.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        page.screenshot(path=artifacts / "lesson03_6_full_band_nl_1280x720.png")
        layout = panel.evaluate(LAYOUT)
        assert _inside(layout["run"], 1280, 720) and _inside(layout["image"], 1280, 720), layout
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
        assert _inside(layout["run"], 1366, 768) and _inside(layout["image"], 1366, 768), layout
        assert layout["scale"] >= 0.96 and not layout["cut"] and not layout["clipped"], layout
