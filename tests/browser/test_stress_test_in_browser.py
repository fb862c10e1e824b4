"""Lesson 08's stress test in a real browser: a range changed, Run pressed at once, the answer so far, then all of it.

What only a browser shows: the panel's run ahead, its answer so far and its
final answer reach the page in the right order. The test opens lesson 08's
panel (the lesson's setup and panel cells) in JupyterLab at 1366×768, runs
it, presses Run for the starting settings, moves a range slider's handle
with the keyboard and presses Run as soon as the kernel has it (both
strategies run again, so Run waits for the run ahead). The table then gives
the answer so far with the figure hidden, and after all 20 pairs the final
table, a new figure and the Run button back. A recorder in the page notes
every state of the status line, the table and the figure from the click on,
so a short answer so far cannot slip between two looks, and a final answer
that comes without one (the run ahead was done before Run) fails with that
said. The seconds from the click are written to
test-artifacts/lesson08_stress_timings.txt for people, never asserted on.
Last, in Dutch, a longer horizon and Run, then Stop while it runs: the kernel
hears the button during the Run (its Run goes on in a thread of its own),
the Run stops and the answer before it is back.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from simulation.parameters import SPECS
from simulation.widgets.stress_test import DEFAULT_ASSUMPTIONS

from .conftest import browser_page
from .lab import (
    ERRORS,
    IMAGE_DIGEST,
    LAYOUT,
    TIMEOUT_MS,
    inside,
    open_in_lab,
    panel_only,
    screenshot_from,
)

LESSON = "08_stress_test_strategy.ipynb"
WIDTH, HEIGHT = 1366, 768
RUN = "Run stress test"
STOP = "Stop"
RANGE = "market.competitor_intensity"  # its lower handle moves up: a new range, so both strategies run again
STEPS = 3
SO_FAR = "Answer so far"
DONE = "20 paired runs of 3 years"
STALE = "Settings changed"
STRATEGY_A = "Strategy A"

# Installed before the click: from then on every change of the panel's status line, table, figure, Run button or
# progress bar is noted with its time (performance.now()), and the click itself too.
RECORDER = """([panel, run, stop]) => {
    const button = [...panel.querySelectorAll('button')].find(b => b.textContent.includes(run));
    const status = button.closest('.widget-hbox').parentElement.querySelector(':scope > .widget-html');
    const image = panel.querySelector('.widget-image');
    const bar = panel.querySelector('.progress-bar');
    const log = window.__stress = {click: null, seen: [], before: image.getAttribute('src') || ''};
    const note = () => {
        const table = panel.querySelector('table');
        const state = {t: performance.now(), status: status.innerText.trim(), table: table ? table.innerText : '',
                       hidden: getComputedStyle(image).display === 'none', src: image.getAttribute('src') || '',
                       busy: button.textContent.includes(stop), progress: parseFloat(bar.style.width) || 0};
        const last = log.seen[log.seen.length - 1];
        if (!last || ['status', 'table', 'hidden', 'src', 'busy', 'progress'].some(k => last[k] !== state[k])) {
            log.seen.push(state);
        }
    };
    new MutationObserver(note).observe(panel, {subtree: true, childList: true, characterData: true,
                                               attributes: true});
    button.addEventListener('click', () => { log.click = performance.now(); note(); }, {capture: true});
    note();  // the state before the click; a part of the panel not found fails here, not in a long wait
}"""


def _range_readout(low: float, high: float) -> str:
    """What the panel's label next to the range slider reads for (low, high), as the kernel writes it."""
    return SPECS[RANGE].range_text(low, high, "en")


@pytest.mark.browser
def test_student_changes_a_range_presses_run_at_once_and_sees_the_answer_so_far(jupyter_lab, chromium_path,
                                                                               artifacts):
    with browser_page(chromium_path, WIDTH, HEIGHT, artifacts / "lesson08_failure.png") as page:
        open_in_lab(page, jupyter_lab, panel_only(jupyter_lab, LESSON))
        # Found by what does not change while it runs (the Run button then reads "Running…").
        panel = page.locator(".jp-OutputArea-output").filter(has=page.locator(".widget-image")).filter(
            has_text=STRATEGY_A).last
        run = panel.get_by_role("button", name=RUN)  # while it runs it reads "Running…"
        image = panel.locator(".widget-image")

        # The starting settings, run ahead as the panel appeared: their answer, and a figure to tell apart.
        run.click()
        page.wait_for_function("([el, done]) => el.innerText.includes(done) && el.querySelector('table') !== null"
                               " && getComputedStyle(el.querySelector('.widget-image')).display !== 'none'"
                               " && el.querySelector('.widget-image').naturalWidth > 0",
                               arg=[panel.element_handle(), DONE], timeout=TIMEOUT_MS)
        expect(run).to_be_enabled(timeout=TIMEOUT_MS)
        table_before, image_before = panel.locator("table").inner_text(), image.evaluate(IMAGE_DIGEST)

        # A new lower end for competitor intensity, three keyboard steps; the kernel has it when its label says so.
        label = SPECS[RANGE].label("en")
        row = panel.locator(".widget-hbox").filter(has=page.locator(".widget-slider").filter(has_text=label))
        range_label = row.locator(".widget-label").last
        low, high = DEFAULT_ASSUMPTIONS[RANGE]
        assert range_label.inner_text().strip() == _range_readout(low, high)
        final = _range_readout(low + STEPS * SPECS[RANGE].slider_step, high)
        screenshot_from(page, panel, artifacts / "lesson08_1_before.png")
        handle = row.locator(".noUi-handle-lower")
        handle.focus()
        for _ in range(STEPS):
            handle.press("ArrowRight")
        page.wait_for_function("([el, final]) => el.textContent.trim() === final",
                               arg=[range_label.element_handle(), final], timeout=TIMEOUT_MS)
        page.wait_for_function("([el, stale]) => el.innerText.includes(stale)", arg=[panel.element_handle(), STALE],
                               timeout=TIMEOUT_MS)
        # At once, so the run ahead of the new range (begun as the kernel took the last step) is still under way.
        panel.evaluate("el => el.scrollIntoView({block: 'start'})")  # for the screenshot during the answer so far
        page.evaluate(RECORDER, [panel.element_handle(), RUN, STOP])
        run.click()

        # The answer so far, or the final answer if none came first: then the test says so instead of waiting.
        page.wait_for_function("([soFar, done]) => window.__stress.seen.some(s => s.status.includes(soFar)"
                               " || s.status.includes(done))", arg=[SO_FAR, DONE], timeout=TIMEOUT_MS)
        page.screenshot(path=artifacts / "lesson08_2_answer_so_far.png")
        shot_status = panel.inner_text()
        log = page.evaluate("() => window.__stress")
        first = next((s for s in log["seen"] if SO_FAR in s["status"]), None)
        if first is None:
            done_after = next(s for s in log["seen"] if DONE in s["status"])["t"] - log["click"]
            pytest.fail(f"The final answer came {done_after / 1000:.1f} s after the click without an answer so far: "
                        "the run ahead of the new range had (nearly) finished before Run was pressed, so this run "
                        f"shows nothing of the answer so far. States seen: {log['seen']}")
        # A run ahead that had finished before the click still puts its last answer so far on screen for a moment
        # before the final one (progress already full): not the answer so far of runs under way that this is about.
        assert first["progress"] < 100, ("Run was pressed after the run ahead of the new range had finished: the "
                                         "answer so far on screen was that finished run's last one, with the progress "
                                         f"bar full, and the final answer followed at once. States seen: {log['seen']}")
        assert first["hidden"], f"The figure of the Run before showed next to the answer so far: {first}"
        assert "A better in" in first["table"], f"No answer table with the answer so far: {first}"
        assert first["busy"], f"The Run button did not say Stop while the answer was not complete: {first}"
        pairs = int(re.search(r"first (\d+) of 20 paired runs", first["status"]).group(1))
        assert 5 <= pairs < 20, first

        # All 20 pairs: the final table, a new figure, the Run button back.
        page.wait_for_function("([el, done]) => el.innerText.includes(done)"
                               " && getComputedStyle(el.querySelector('.widget-image')).display !== 'none'",
                               arg=[panel.element_handle(), DONE], timeout=TIMEOUT_MS)
        expect(run).to_be_enabled(timeout=TIMEOUT_MS)
        log = page.evaluate("() => window.__stress")
        done = next(s for s in log["seen"] if DONE in s["status"])
        so_far = [s for s in log["seen"] if SO_FAR in s["status"]]
        # The figure of the Run before never shows next to an answer so far. (The new figure may: the final table
        # and figure reach the page a moment before the final status line does.)
        old_shown = [s for s in so_far if not s["hidden"] and s["src"] == log["before"]]
        assert not old_shown, f"The figure of the Run before showed next to an answer so far: {old_shown}"
        counts = [int(re.search(r"first (\d+) of", s["status"]).group(1)) for s in so_far]
        assert counts == sorted(counts), f"The answer so far went back to fewer pairs: {counts}"
        assert so_far[-1]["t"] <= done["t"] and not done["hidden"], done
        assert "A better in" in done["table"] and done["table"] != table_before, (table_before, done)
        assert image.evaluate(IMAGE_DIGEST) != image_before, "The figure is still the one of the Run before."
        assert STALE not in panel.inner_text() and SO_FAR not in panel.inner_text()
        assert range_label.inner_text().strip() == final
        failures = page.locator(ERRORS)
        assert failures.count() == 0, f"A cell of {LESSON} failed in the browser:\n{failures.first.inner_text()}"

        screenshot_from(page, panel, artifacts / "lesson08_3_final.png")
        # One screen: with the panel at the top, the Run button and the figure (beside the controls) in the window,
        # no label cut off, the table inside its column.
        layout = panel.evaluate(LAYOUT)
        assert inside(layout["run"], WIDTH, HEIGHT) and inside(layout["image"], WIDTH, HEIGHT), layout
        assert not layout["cut"] and not layout["clipped"], layout
        # In Dutch (longer labels, '€ 11.482.555'), the same answer redrawn: still one screen, nothing cut off.
        # (The panel is held by its element: the text it was found by is Dutch now.)
        element = panel.element_handle()
        panel.get_by_role("button", name="NL", exact=True).click()
        page.wait_for_function("el => el.innerText.includes('A beter in') && el.innerText.includes('gepaarde runs')"
                               " && el.querySelector('.widget-image').naturalWidth > 0", arg=element,
                               timeout=TIMEOUT_MS)
        page.wait_for_timeout(500)
        screenshot_from(page, element, artifacts / "lesson08_4_final_nl.png")
        layout = element.evaluate(LAYOUT)
        assert inside(layout["run"], WIDTH, HEIGHT) and inside(layout["image"], WIDTH, HEIGHT), layout
        assert not layout["cut"] and not layout["clipped"], layout
        _stop_a_longer_run(page, element)
        seconds = re.search(r"\((\d+\.\d) s\)", done["status"])
        (artifacts / "lesson08_stress_timings.txt").write_text(
            f"Lesson 08 stress test at {WIDTH}×{HEIGHT}, Run pressed right after a new range reached the kernel: "
            f"first answer so far ({pairs} of 20 pairs) {(first['t'] - log['click']) / 1000:.1f} s after the click, "
            f"answers so far over {', '.join(map(str, sorted(set(counts))))} pairs, "
            f"final answer {(done['t'] - log['click']) / 1000:.1f} s after the click "
            f"(the panel says {seconds.group(1) if seconds else '?'} s); screenshot during the answer so far "
            f"{'caught it' if SO_FAR in shot_status else 'came after the final answer'}.\n")


def _stop_a_longer_run(page, panel) -> None:
    """In Dutch: three more years (a new horizon, so all 40 runs again, about 15 s of work), Run, and Stop as soon
    as the button says so: the status says where it stopped, the button is Run again, the answer before is back."""
    table, image = panel.query_selector("table").inner_text(), panel.query_selector(".widget-image")
    figure = image.evaluate(IMAGE_DIGEST)
    years = panel.query_selector(".widget-slider:has-text('Jaren') .noUi-handle")
    years.focus()
    for _ in range(3):
        years.press("ArrowRight")
    page.wait_for_function("el => el.innerText.includes('Instellingen gewijzigd')", arg=panel, timeout=TIMEOUT_MS)
    panel.query_selector("button:has-text('Start stresstest')").click()
    stop = panel.wait_for_selector("button:has-text('Stop'):not([disabled])", timeout=TIMEOUT_MS)
    stop.click()
    page.wait_for_function("el => el.innerText.includes('Gestopt na') && !el.innerText.includes('Stoppen')",
                           arg=panel, timeout=TIMEOUT_MS)
    # the kernel's messages arrive one by one: the status line first, then the button freed
    panel.wait_for_selector("button:has-text('Start stresstest'):not([disabled])", timeout=TIMEOUT_MS)
    assert panel.query_selector("table").inner_text() == table and image.evaluate(IMAGE_DIGEST) == figure
