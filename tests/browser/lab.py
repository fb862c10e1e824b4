"""Driving JupyterLab in chromium for the browser tests: open a lesson and run it, copy a lesson's panel into a
notebook of its own, and measure what a student sees (a panel's layout, a figure's bytes, a screenshot).

One home for what the lesson, stress-test and Notebook 7 tests share; each test module keeps only its story.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import nbformat

from .conftest import accept_kernel_dialog

#: A slow CI machine may take this long for a step a laptop does in seconds; a hang still ends the test.
TIMEOUT_MS = 180_000

ERRORS = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
PROMPTS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt"  # of the lesson's tab only

# The bytes behind the panel's figure (a blob: URL), summarised so two versions can be told apart.
IMAGE_DIGEST = """async (img) => {
    const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
    let hash = 0;
    for (const b of bytes) { hash = (hash * 31 + b) >>> 0; }
    return `${bytes.length}:${hash}`;
}"""

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


def inside(box, width, height) -> bool:
    """Whether a box from LAYOUT lies wholly within a window of `width` × `height`."""
    left, top, right, bottom = box
    return left >= 0 and top >= 0 and right <= width and bottom <= height


def screenshot_from(page, element, path) -> None:
    """What a student sees with `element` scrolled to the top of the window."""
    element.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=path)


def open_in_lab(page, lab: dict[str, str], lesson: str, *, close_files: bool = True) -> None:
    """Open `lesson` in JupyterLab, wait for its kernel, run every cell and wait until all have run.

    Each opening gets a workspace of its own, so JupyterLab does not also restore (and start kernels for)
    the lessons an earlier test opened on the same server.
    """
    workspace = f"test-{uuid.uuid4().hex[:8]}"
    page.goto(f"{lab['base']}/lab/workspaces/{workspace}/tree/{lesson}?token={lab['token']}")
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=TIMEOUT_MS)
    if close_files:
        close_file_browser(page)
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


def close_file_browser(page) -> None:
    """More room for the lesson, as a student on a laptop would make it (JupyterLab remembers it)."""
    page.wait_for_timeout(300)
    current = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if current.count():
        current.first.click()


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


def _wait_until_all_cells_ran(page, lesson: str) -> None:
    """Every code cell shows an execution count ([3]:) and none is still running ([*]:), or a cell failed."""
    page.wait_for_function(
        "([errors, prompts]) => document.querySelector(errors) !== null || ((cells) => cells.length > 0"
        " && cells.every(p => /\\[\\d+\\]/.test(p.textContent)))([...document.querySelectorAll(prompts)])",
        arg=[ERRORS, PROMPTS], timeout=TIMEOUT_MS)
    failures = page.locator(ERRORS)
    assert failures.count() == 0, f"A cell of {lesson} failed in the browser:\n{failures.first.inner_text()}"
