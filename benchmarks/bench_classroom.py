"""The classroom page served by Solara and by Voilà, side by side, for a class: figures to choose a server on.

    python benchmarks/bench_classroom.py                    both servers, 31 pages (30 teams + the trainer)
    python benchmarks/bench_classroom.py --pages 4          a quick run (3 teams + the trainer)
    python benchmarks/bench_classroom.py --server voila     one server only (also: solara)

For each server, on one 30-team game file: start the server, open the pages one after another in one
headless Chromium (one browser context per page, as separate students would), log page i in with team i's
code and the last page with the trainer code, then every team submits and the trainer closes the round.
Figures per server:

  open      navigation to the code field being visible, per page (p50 / max)
  login     click on "Log in" to the team's Submit button (the trainer's "Close round") being visible
  memory    RSS of the server's whole process tree (Voilà's kernels included) with all pages logged in;
            per page = (that - the idle server) / pages. The browser's own memory is not counted.
  submit    click on a team's Submit to the trainer page listing that team as submitted (pages poll
            the game file every 3 s, so about 3 s is expected)
  advance   click on "Close round" to a team page showing "round 2" (p50 / max over the team pages)

A server that cannot open a page within --open-timeout seconds is reported as such ("did not open
within N s"), not as a crash. Solara serves its browser assets from the package solara-assets; without
it Solara loads them from a CDN, and the script fills a local cache with them from the npm registry
(`npm pack`) once instead, see `solara_assets()`.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulation.game.classroom import solara_command
from simulation.game.engine import Game

TEAMS = 30
NOTEBOOK = ROOT / "classroom" / "classroom.ipynb"
CHROMIUM = "/usr/bin/chromium"
CODE_FIELD = "input[placeholder='ABCDE-FGHJK']"
# Solara's page template loads these from a CDN (jsdelivr, which serves npm packages as they are)
SOLARA_ASSETS = {"@widgetti/solara-vuetify3-app@5.2.0": "dist/main8.css",
                 "font-awesome@4.5.0": "css/font-awesome.min.css",
                 "requirejs@2.3.6": "require.js"}
SOLARA_CACHE = Path.home() / ".cache" / "b2b-sales-sim" / "solara-cdn"


# --- the server's process tree and its memory

def _tree(pid: int) -> list[int]:
    """The process and all its descendants (Voilà's kernels run in sessions of their own, so not the group)."""
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is not None:
        try:
            root = psutil.Process(pid)
            return [root.pid] + [child.pid for child in root.children(recursive=True)]
        except psutil.Error:  # the process is gone
            return []
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(parents.get(current, []))
    return found


def tree_rss_mib(pid: int) -> tuple[float, int]:
    """Resident memory of the process tree in MiB, and how many processes it has."""
    total, count = 0, 0
    page = os.sysconf("SC_PAGE_SIZE")
    for member in _tree(pid):
        try:
            total += int(Path(f"/proc/{member}/statm").read_text().split()[1]) * page
            count += 1
        except (OSError, IndexError, ValueError):
            continue
    return total / 2 ** 20, count


# --- servers

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def solara_assets() -> Path | None:
    """A directory with Solara's CDN assets (SOLARA_ASSETS_PROXY_CACHE_DIR), filled from npm when missing;
    None when the package solara-assets serves them (the project's pin) or they could not be had (Solara then
    tries the CDN itself). The npm fallback knows the assets of Solara 1.64."""
    try:
        import solara_assets  # noqa: F401  (Solara serves its assets from this package, no CDN needed)
        return None
    except ImportError:
        pass
    if all((SOLARA_CACHE / package / probe).exists() for package, probe in SOLARA_ASSETS.items()):
        return SOLARA_CACHE
    npm = shutil.which("npm")
    if npm is None:
        return None
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for package, probe in SOLARA_ASSETS.items():
                if (SOLARA_CACHE / package / probe).exists():
                    continue
                name = subprocess.run([npm, "pack", package, "--silent"], cwd=scratch, check=True, timeout=300,
                                      capture_output=True, text=True).stdout.strip().splitlines()[-1]
                target = SOLARA_CACHE / package
                target.mkdir(parents=True, exist_ok=True)
                with tarfile.open(Path(scratch) / name) as archive:
                    for member in archive.getmembers():
                        member.name = member.name.split("/", 1)[1] if "/" in member.name else ""
                        if member.name and (member.isfile() or member.isdir()):
                            archive.extract(member, target)
    except (subprocess.SubprocessError, OSError, IndexError) as error:
        print(f"  (could not fetch Solara's assets with npm: {error})", flush=True)
        return None
    return SOLARA_CACHE


class Server:
    """A server process in a session of its own; `stop()` ends its group and any descendant left."""

    def __init__(self, kind: str, game: Path, log: Path):
        self.kind, self.port = kind, free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "KIT_GAME": str(game), "KIT_LANGUAGE": "en",
               "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        if kind == "solara":
            command = solara_command(False, self.port)  # what `kit.py classroom` starts
            assets = solara_assets()
            if assets is not None:
                env["SOLARA_ASSETS_PROXY_CACHE_DIR"] = str(assets)
            env.setdefault("SOLARA_TELEMETRY_MIXPANEL_ENABLE", "false")
        else:
            command = [sys.executable, "-m", "voila", str(NOTEBOOK.relative_to(ROOT)), "--no-browser",
                       f"--port={self.port}", "--Voila.ip=127.0.0.1"]
        self.log = log.open("w")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)

    def wait_ready(self, timeout: float) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} exited with code {self.process.returncode} (see {self.log.name})")
            try:
                with urllib.request.urlopen(self.url, timeout=5) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"{self.kind} did not answer within {timeout:.0f} s (see {self.log.name})")

    def memory(self) -> tuple[float, int]:
        return tree_rss_mib(self.process.pid)

    def stop(self) -> None:
        members = _tree(self.process.pid)
        for sig, wait in ((signal.SIGTERM, 15.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(wait)
                break
            except subprocess.TimeoutExpired:
                continue
        deadline = time.monotonic() + 10
        for member in members[1:]:  # kernels in their own sessions that outlived the server
            while Path(f"/proc/{member}").exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            try:
                os.kill(member, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.log.close()


# --- one run

@dataclass
class Figures:
    server: str
    pages: int
    opened: list[float] = field(default_factory=list)
    logins: list[float] = field(default_factory=list)
    idle_mib: float = 0.0
    open_mib: float = 0.0
    total_mib: float = 0.0
    processes: int = 0
    submits: list[float] = field(default_factory=list)
    advance_trainer: float | None = None
    advances: list[float] = field(default_factory=list)
    stored_feedback: int = 0
    notes: list[str] = field(default_factory=list)
    failed: str = ""

    @property
    def per_page_mib(self) -> float:
        return (self.total_mib - self.idle_mib) / max(1, len(self.opened))


def _button(page, label: str):
    """A widget button by its label (its accessible name also holds the icon's glyph, so not get_by_role)."""
    return page.locator("button.widget-button").filter(has_text=re.compile(rf"^\W*{re.escape(label)}\s*$"))


def _body(page) -> str:
    return page.evaluate("document.body ? document.body.innerText : ''")


def _submitted(trainer_text: str) -> set[str]:
    match = re.search(r"Submitted: (.*)", trainer_text)
    return set() if match is None else {name.strip() for name in match.group(1).split(",")}


def run_server(kind: str, pages: int, game_path: Path, codes: list[tuple[str, str]], trainer_code: str,
               workdir: Path, open_timeout: float, step_timeout: float) -> Figures:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    figures = Figures(kind, pages)
    teams = codes[:pages - 1]
    server = Server(kind, game_path, workdir / f"{kind}.log")
    try:
        ready = server.wait_ready(120)
        figures.idle_mib, _ = server.memory()
        print(f"  {kind}: answering after {ready:.1f} s, idle {figures.idle_mib:.0f} MiB", flush=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                      "--disable-backgrounding-occluded-windows"])
            try:
                opened = []
                for index in range(pages):  # open: one after another, each in a context of its own
                    page = browser.new_context().new_page()
                    page.set_default_timeout(step_timeout * 1000)
                    started = time.perf_counter()
                    try:
                        page.goto(server.url, timeout=open_timeout * 1000)
                        page.locator(CODE_FIELD).wait_for(state="visible",
                                                          timeout=max(1.0, open_timeout - (time.perf_counter() - started)) * 1000)
                    except (PlaywrightTimeout, PlaywrightError) as error:
                        figures.failed = (f"page {index + 1} of {pages} did not open within {open_timeout:.0f} s "
                                          f"({type(error).__name__})")
                        break
                    figures.opened.append(time.perf_counter() - started)
                    opened.append(page)
                    print(f"    opened page {index + 1}/{pages} in {figures.opened[-1]:.2f} s", flush=True)
                figures.open_mib, figures.processes = server.memory()
                if figures.failed:
                    figures.total_mib = figures.open_mib
                    return figures

                trainer = opened[-1]
                for index, page in enumerate(opened):  # log in: team i, the trainer last
                    trainer_page = index == pages - 1
                    page.locator(CODE_FIELD).fill(trainer_code if trainer_page else teams[index][1])
                    started = time.perf_counter()
                    _button(page, "Log in").click()
                    target = "Close round" if trainer_page else "Submit"
                    try:
                        _button(page, target).wait_for(state="visible")
                    except PlaywrightTimeout:
                        figures.failed = f"page {index + 1} was not logged in within {step_timeout:.0f} s"
                        figures.total_mib, figures.processes = server.memory()
                        return figures
                    figures.logins.append(time.perf_counter() - started)
                time.sleep(1.0)  # let the pages settle before the memory is taken
                figures.total_mib, figures.processes = server.memory()
                print(f"    all {pages} pages logged in; {figures.total_mib:.0f} MiB in "
                      f"{figures.processes} processes", flush=True)

                # submit: every team clicks Submit; the trainer page should list each within about 3 s
                clicked: dict[str, float] = {}
                seen: dict[str, float] = {}

                def look() -> None:
                    now = time.perf_counter()
                    for name in _submitted(_body(trainer)) & set(clicked) - set(seen):
                        seen[name] = now - clicked[name]

                for (name, _), page in zip(teams, opened):
                    clicked[name] = time.perf_counter()
                    _button(page, "Submit").click()
                    look()
                deadline = time.perf_counter() + step_timeout
                while len(seen) < len(teams) and time.perf_counter() < deadline:
                    time.sleep(0.1)
                    look()
                figures.submits = sorted(seen.values())
                missing = sorted(set(clicked) - set(seen))
                if missing:
                    figures.notes.append(f"{len(missing)} submission(s) not shown on the trainer page within "
                                         f"{step_timeout:.0f} s: {', '.join(missing[:5])}")
                figures.stored_feedback = sum("Stored for round 1" in _body(page) for page in opened[:-1])

                # advance: the trainer closes the round; every team page should show round 2
                _button(trainer, "Close round").click()
                started = time.perf_counter()
                shown: dict[int, float] = {}
                deadline = started + step_timeout
                while (len(shown) < len(teams) or figures.advance_trainer is None) and time.perf_counter() < deadline:
                    if figures.advance_trainer is None and "Round 1 played" in _body(trainer):
                        figures.advance_trainer = time.perf_counter() - started
                    for index, page in enumerate(opened[:-1]):
                        if index not in shown and "round 2 of" in _body(page):
                            shown[index] = time.perf_counter() - started
                    time.sleep(0.1)
                figures.advances = sorted(shown.values())
                if len(shown) < len(teams):
                    figures.notes.append(f"{len(teams) - len(shown)} team page(s) did not show round 2 within "
                                         f"{step_timeout:.0f} s")
                for page in opened:
                    page.context.close()
            finally:
                browser.close()
    except Exception as error:  # noqa: BLE001 (a server that failed is a figure too)
        figures.failed = figures.failed or f"{type(error).__name__}: {error}"
    finally:
        server.stop()
    return figures


# --- the table

def _p50_max(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} / {max(values):.2f}" if values else "–"


def print_table(runs: list[Figures]) -> None:
    header = ("server", "pages", "open s p50/max", "login s p50/max", "memory MiB total (idle)", "MiB/page",
              "submit→trainer s p50/max", "close→round 2 s p50/max", "trainer s")
    rows = []
    for run in runs:
        rows.append((run.server, f"{len(run.opened)}/{run.pages}", _p50_max(run.opened), _p50_max(run.logins),
                     f"{run.total_mib:.0f} ({run.idle_mib:.0f})", f"{run.per_page_mib:.1f}" if run.total_mib else "–",
                     _p50_max(run.submits), _p50_max(run.advances),
                     "–" if run.advance_trainer is None else f"{run.advance_trainer:.2f}"))
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print()
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    for run in runs:
        if run.opened:
            print(f"{run.server}: open min {min(run.opened):.2f} s; logins min {min(run.logins or [0]):.2f} s; "
                  f"{run.processes} server processes; {run.stored_feedback} team pages said 'Stored for round 1'")
        for note in run.notes:
            print(f"{run.server}: {note}")
        if run.failed:
            print(f"{run.server}: FAILED: {run.failed}")
    print(choice(runs))


def choice(runs: list[Figures]) -> str:
    """The server to use, on the figures: a server that failed loses; else lower memory and times win."""
    complete = [run for run in runs if not run.failed and not run.notes]
    if len(runs) < 2:
        return "choice: – (run both servers to choose)"
    if not complete:
        return "choice: none: neither server ran the whole class (see the failures above)"
    if len(complete) == 1:
        other = next(run for run in runs if run is not complete[0])
        return (f"choice: {complete[0].server}, because {other.server} did not complete the run "
                f"({other.failed or '; '.join(other.notes)})")
    a, b = complete
    measures = [("memory per page", a.per_page_mib, b.per_page_mib, "MiB"),
                ("total memory", a.total_mib, b.total_mib, "MiB"),
                ("open p50", statistics.median(a.opened), statistics.median(b.opened), "s"),
                ("login p50", statistics.median(a.logins), statistics.median(b.logins), "s"),
                ("submit→trainer p50", statistics.median(a.submits or [0]), statistics.median(b.submits or [0]), "s"),
                ("close→round 2 max", max(a.advances or [0]), max(b.advances or [0]), "s")]
    wins = {a.server: [], b.server: []}
    for label, x, y, unit in measures:
        if abs(x - y) > 0.05 * max(abs(x), abs(y), 1e-9):  # within 5 %: a draw
            winner = a if x < y else b
            wins[winner.server].append(f"{label} {min(x, y):.1f} vs {max(x, y):.1f} {unit}")
    memory_winner = a if a.per_page_mib <= b.per_page_mib else b
    best = max((a, b), key=lambda run: (len(wins[run.server]), run is memory_winner))
    other = b if best is a else a
    against = f" ({other.server} is lower on {'; '.join(wins[other.server])})" if wins[other.server] else ""
    return (f"choice: {best.server}: lower {'; '.join(wins[best.server]) or 'nothing (a draw; memory decides)'}"
            f"{against}")


def machine() -> str:
    memory = "?"
    try:
        kib = int(next(line for line in Path("/proc/meminfo").read_text().splitlines()
                       if line.startswith("MemTotal")).split()[1])
        memory = f"{kib / 2 ** 20:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    versions = []
    for module in ("solara", "voila"):
        try:
            versions.append(f"{module} {__import__(module).__version__}")
        except (ImportError, AttributeError):
            versions.append(f"{module} ?")
    return (f"machine: {os.cpu_count()} CPUs, {memory} RAM, Python {platform.python_version()}, "
            f"{', '.join(versions)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", choices=("solara", "voila", "both"), default="both")
    parser.add_argument("--pages", type=int, default=TEAMS + 1,
                        help=f"pages to open: the first teams and the trainer (2 to {TEAMS + 1}; default {TEAMS + 1})")
    parser.add_argument("--open-timeout", type=float, default=180.0, help="seconds a page may take to open")
    parser.add_argument("--step-timeout", type=float, default=120.0,
                        help="seconds a login, the submissions or the round's close may take")
    args = parser.parse_args()
    if not 2 <= args.pages <= TEAMS + 1:
        parser.error(f"--pages is 2 to {TEAMS + 1} (one team or more, and the trainer)")
    if not Path(CHROMIUM).exists():
        parser.error(f"no Chromium at {CHROMIUM}")
    print(machine(), flush=True)
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-classroom-") as scratch:
        workdir = Path(scratch)
        for kind in (("solara", "voila") if args.server == "both" else (args.server,)):
            game_path = workdir / f"{kind}.game"  # a fresh game per server: both start at round 1
            game = Game.create(game_path, {"rounds": 8, "suppliers": 30}, teams=TEAMS)
            codes, trainer_code = list(game.team_codes().items()), game.trainer_code
            game.close()
            print(f"{kind}: {args.pages} pages", flush=True)
            started = time.perf_counter()
            runs.append(run_server(kind, args.pages, game_path, codes, trainer_code, workdir,
                                   args.open_timeout, args.step_timeout))
            print(f"  {kind}: run took {time.perf_counter() - started:.0f} s", flush=True)
            if runs[-1].failed:
                log = (workdir / f"{kind}.log").read_text(errors="replace").strip().splitlines()
                print("  last lines of the server's log:\n    " + "\n    ".join(log[-8:]), flush=True)
    print_table(runs)


if __name__ == "__main__":
    main()
