"""Fixtures for the browser test: Debian's chromium, and JupyterLab serving a copy of the lessons on loopback.

The lessons are copied to a temporary folder first, without their saved
outputs: everything the test then finds on the page was produced by running
the lesson in this browser, and JupyterLab's autosave never rewrites the
notebooks in the repository. No browser is downloaded: Playwright drives the
system chromium.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page, sync_playwright  # a test dependency: missing means a broken install, not a skip

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# JupyterLab user settings for the test: no news or update checks (no internet, nothing covering the page),
# and every cell kept in the page (no windowing), so the lesson's panel can be found wherever it is.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


@contextlib.contextmanager
def browser_page(chromium_path: str, width: int, height: int, failure_shot: Path) -> Iterator[Page]:
    """A page of a fresh chromium at `width`×`height`; if the test fails, a screenshot of what the page showed."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        try:
            yield page
        except Exception:
            page.screenshot(path=failure_shot)
            raise
        finally:
            browser.close()


def accept_kernel_dialog(page: Page, timeout_ms: float) -> None:
    """When a replaced kernel connection makes Jupyter ask which kernel to use, choose the one offered, as a
    student would; the dialog would otherwise cover the menu."""
    page.wait_for_timeout(1000)
    if page.locator(".jp-Dialog").count():
        # The accept button ("Select") by its class: its accessible name is "Select Kernel" (an aria-label),
        # so a role locator for "Select" waited forever whenever the dialog did appear.
        page.locator(".jp-Dialog button.jp-mod-accept").click(timeout=timeout_ms)
        page.locator(".jp-Dialog").wait_for(state="detached", timeout=timeout_ms)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, log: Path, timeout: float = 90.0,
                   request_timeout: float = 2.0) -> None:
    """Poll `url` until it answers 200. Voilà runs the whole lesson before it answers, so it gets one patient
    request (`request_timeout`) instead of short ones that would each start another run of the lesson."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = "\n".join(log.read_text().splitlines()[-15:])
            raise RuntimeError(f"JupyterLab exited with code {server.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=request_timeout) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"JupyterLab did not answer on {url} within {timeout:.0f} s")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium; without it the test is skipped, unless KIT_REQUIRE_BROWSER=1 (CI) makes that a failure."""
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path is None:
        reason = "Debian's chromium is not installed (apt-get install chromium); the browser test needs it"
        if os.environ.get("KIT_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " and KIT_REQUIRE_BROWSER=1 requires it.")
        pytest.skip(reason + ".")
    return path


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (git-ignored), so a person can look at what the test saw."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def _serve(app: str, tmp_path_factory) -> dict[str, str]:
    """Start `python -m app` (jupyterlab or notebook) on a free loopback port with a random token,
    serving a copy of notebooks/ without outputs; returns where it listens and the server process."""
    root = tmp_path_factory.mktemp("lessons")
    for path in (REPO / "notebooks").glob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        notebook.metadata.pop("widgets", None)
        nbformat.write(notebook, root / path.name)
    settings = tmp_path_factory.mktemp("lab-settings")
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path_factory.mktemp("workspaces")),  # no tabs from earlier sessions
           "JUPYTER_RUNTIME_DIR": str(tmp_path_factory.mktemp("runtime"))}
    log_path = tmp_path_factory.mktemp("log") / f"{app}.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", app, "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0",
         "--allow-root"],  # CI containers run as root
        stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/api/status?token={token}", server, log_path)
    except Exception:
        server.kill()
        raise
    return {"base": base, "token": token, "root": str(root), "server": server, "log": log}


def _stop(served: dict) -> None:
    served["server"].terminate()
    try:
        served["server"].wait(timeout=20)
    except subprocess.TimeoutExpired:
        served["server"].kill()
    served["log"].close()


@pytest.fixture(scope="session")
def jupyter_lab(tmp_path_factory) -> dict[str, str]:
    """JupyterLab on a free loopback port with a random token, serving a copy of notebooks/."""
    served = _serve("jupyterlab", tmp_path_factory)
    yield served
    _stop(served)


@pytest.fixture(scope="session")
def jupyter_notebook(tmp_path_factory) -> dict[str, str]:
    """Jupyter Notebook 7 (the classic-looking interface) the same way: the kit's panels must work there too."""
    served = _serve("notebook", tmp_path_factory)
    yield served
    _stop(served)


@pytest.fixture(scope="session")
def voila_lesson(tmp_path_factory) -> dict[str, str]:
    """Lesson 03 served by Voilà in Dutch, as `python3 kit.py present 03 --language nl` does."""
    folder = tmp_path_factory.mktemp("present")
    notebook = nbformat.read(REPO / "notebooks" / "nl" / "03_expectation_management.ipynb", as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(notebook, folder / "03_expectation_management.ipynb")
    port = _free_port()
    log_path = folder / "voila.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "voila", str(folder / "03_expectation_management.ipynb"), "--no-browser",
         f"--port={port}", "--Voila.ip=127.0.0.1", "--theme=light"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "KIT_LANGUAGE": "nl"}, cwd=folder)
    served = {"base": f"http://127.0.0.1:{port}", "server": server, "log": log}
    try:
        _wait_until_up(served["base"] + "/", server, log_path, timeout=300.0, request_timeout=240.0)
        yield served
    finally:
        _stop(served)
