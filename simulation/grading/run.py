"""Running submitted notebooks: each in a fresh kernel, in parallel, under a time limit; answers read back as data.

nbclient (the executor behind `jupyter nbconvert --execute`) does the running;
what is ours is the policy around it. Saved outputs are thrown away before
running, so an edited green box counts for nothing; a notebook that never
ends is stopped after `timeout` seconds (the whole notebook, not per cell)
and its kernel shut down; a dead kernel, a file that is no notebook or an
empty file gets its own status and never stops the others. What comes back
are the answer records the notebook's `start`/`check` cells displayed
(plain JSON): the grading itself happens in this process, not in the
student's kernel. Outcomes are cached by the file's SHA-256, so a re-run
only executes new or changed submissions. A kernel's own chatter on its
stdout and stderr (ipykernel's warnings, a traceback when it is stopped) is
not shown: the outputs come over ZMQ, not from those streams.

Ctrl+C (or SIGTERM) stops a run at once: notebooks not started never start,
running kernels are killed (they run in their own session, so the
terminal's Ctrl+C never reaches them), and what finished before is kept in
the cache, so the next run goes on where this one stopped.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from tqdm.auto import tqdm

from .. import __version__
from ..exercises.checker import RECORD_MIME
from ..errors import KitError
from ..files import parse_document, read_limited, write_text
from ..language import text

KIT_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds the `simulation` package
TIME_LIMIT = 120  # seconds per notebook unless the trainer gives another (`--timeout`)
MAX_BYTES = 20_000_000  # a submitted file larger than this is not read
MAX_RECORD = 100_000  # characters of one answer record; a larger one is ignored
MAX_CACHE_BYTES = 200_000_000  # the outcome cache beside a gradebook; a larger file is ignored
POLL = 0.25  # seconds: how often the main thread looks up from waiting (a Ctrl+C is acted on within this)

#: What running a submission can give; the gradebook tells each but "ok" in the trainer's language (`grade.*` texts).
STATUSES = ("ok", "errors", "time limit", "crashed", "grader failed", "not a notebook", "empty", "too large")


@dataclass
class Outcome:
    """What running one submission gave: a status (one of STATUSES), a detail and the records displayed."""

    file: str
    status: str
    detail: str = ""
    records: list[dict[str, Any]] = field(default_factory=list)


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def printable_name(name: str) -> str:
    """A file name as text that UTF-8 can carry. A name that is no UTF-8 (a zip from Windows unpacked with
    Latin-1 names: 'Ho\\xebk.ipynb') comes from the system with its odd bytes as lone surrogates, which no UTF-8
    file, CSV or cache can hold; each such byte is shown as '�' instead."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte (Windows allows one in a name)
        raw = name.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def unique_names(names: Iterable[str], numbered: Callable[[str, int], str],
                 fold: Callable[[str], str] = str) -> list[str]:
    """`names` made unique in their order: the first keeps its name, a later equal one gets `numbered(name, 2)`,
    then 3, …, never a name that is already taken or given (`fold` says which names are equal: a file system
    that ignores case needs `str.casefold`)."""
    names = list(names)
    given: set[str] = set()
    existing = {fold(name) for name in names}
    unique = []
    for name in names:
        candidate, number = name, 1
        while fold(candidate) in given or (number > 1 and fold(candidate) in existing):
            number += 1
            candidate = numbered(name, number)
        given.add(fold(candidate))
        unique.append(candidate)
    return unique


class Stopped(Exception):
    """The run was stopped (Ctrl+C): a notebook not yet started does not start, one starting stops at its first
    cell."""


class Kernels:
    """The kernels of one `run_all`, so that a stop reaches them: they run in their own session (jupyter_client
    starts them so), where the terminal's Ctrl+C never arrives, and a notebook would run on to its time limit.

    `execute` registers its client while it runs; `stop` marks the run stopped and kills every kernel
    registered. An outcome finished before the stop is genuine; one that finished after may come from a killed
    kernel ('crashed'), so `finish` tells which is which."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: set[Any] = set()
        self.stopped = False

    def check(self, **_: Any) -> None:
        """Raise Stopped once the run is stopped (also nbclient's `on_cell_start` hook: a kernel that was
        still starting when killed stops at its first cell at the latest)."""
        if self.stopped:
            raise Stopped

    @contextlib.contextmanager
    def running(self, client: Any) -> Iterator[None]:
        """Register `client` (a NotebookClient) while its notebook runs."""
        with self._lock:
            self.check()
            self._clients.add(client)
        try:
            yield
        finally:
            with self._lock:
                self._clients.discard(client)

    def finish(self, runner: Callable[[Path, float], Outcome], path: Path, timeout: float) -> tuple[Outcome, bool]:
        """Run `path` unless the run is stopped; the outcome, and whether it finished before any stop."""
        self.check()
        outcome = runner(path, timeout)
        with self._lock:
            return outcome, not self.stopped

    def stop(self) -> None:
        """Mark the run stopped and kill every registered kernel (again: one may have started since)."""
        with self._lock:
            self.stopped = True
            clients = list(self._clients)
        for client in clients:
            _kill(client)


def _kill(client: Any) -> None:
    """Kill a NotebookClient's kernel process at once (no polite shutdown: the trainer asked to stop). The kernel
    leads its own process group on POSIX, so anything it started dies with it. Before the kernel is launched
    there is nothing to kill yet: `Kernels.stop` is called again until the worker returns."""
    process = getattr(getattr(getattr(client, "km", None), "provisioner", None), "process", None)
    if process is None or process.poll() is not None:  # not started, or ended (its pid may be reused)
        return
    with contextlib.suppress(OSError):
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()


def _read(path: Path) -> tuple[Any, Outcome | None]:
    """The notebook with its saved outputs removed, or the Outcome that says why it cannot run."""
    size, name = path.stat().st_size, printable_name(path.name)
    if size == 0:
        return None, Outcome(name, "empty")
    if size > MAX_BYTES:
        return None, Outcome(name, "too large", f"{size:,} bytes")
    try:
        notebook = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        nbformat.validate(notebook)
    except Exception as error:  # JSON, encoding or schema: all mean "not a notebook"
        return None, Outcome(name, "not a notebook", type(error).__name__)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return notebook, None


def _records(notebook: Any) -> list[dict[str, Any]]:
    """The answer records displayed by the notebook's cells, in order (plain dicts only)."""
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            record = output.get("data", {}).get(RECORD_MIME) if output.get("output_type") in (
                "display_data", "execute_result") else None
            text = json.dumps(record) if isinstance(record, dict) else ""
            if text and len(text) <= MAX_RECORD and record.get("kind") in ("start", "answer"):
                found.append(json.loads(text))
    return found


def _raised(output: Any) -> bool:
    """An error output, or the feedback box that stands in for a kit error's traceback (see `show_errors_as_boxes`)."""
    if output.get("output_type") == "error":
        return True
    record = output.get("data", {}).get(RECORD_MIME) if output.get("output_type") == "display_data" else None
    return isinstance(record, dict) and record.get("kind") == "cell_error"


def _kernel_env() -> dict[str, str]:
    """The kernel imports this kit (not another copy) and draws without a screen."""
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(KIT_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def _last_line(stream: Any, most: int = 160) -> str:
    """The last line written to `stream` (a binary file), shortened to `most` characters."""
    stream.seek(0)
    lines = stream.read().decode("utf-8", "replace").strip().splitlines()
    return lines[-1].strip()[:most] if lines else ""


class _Late(Exception):
    """The notebook's time is up before its next cell starts."""


def execute(path: Path, timeout: float, kernels: Kernels | None = None) -> Outcome:
    """Run one submission in a fresh kernel and collect its records; never raises for the notebook's faults
    (it raises Stopped when `kernels`, the run's registry, is stopped)."""
    notebook, refused = _read(path)
    if refused:
        return refused
    kernels = kernels or Kernels()
    name = printable_name(path.name)
    deadline = time.monotonic() + timeout  # one limit for the whole notebook: each cell gets what is left

    def before_each_cell(**_: Any) -> None:  # else every cell after the deadline would still get its second
        kernels.check()
        if time.monotonic() >= deadline:
            raise _Late

    # The kernel's own stdout and stderr are noise on the trainer's screen; its stderr is kept aside, because when
    # the kernel cannot start its last line is the only one that says why.
    with tempfile.TemporaryDirectory(prefix="grading-") as folder, tempfile.TemporaryFile() as kernel_stderr:
        client = NotebookClient(notebook, timeout_func=lambda cell: max(1.0, deadline - time.monotonic()),
                                on_cell_start=before_each_cell, kernel_name="python3", allow_errors=True,
                                resources={"metadata": {"path": folder}})
        try:
            with kernels.running(client):
                client.execute(env=_kernel_env(), stdout=subprocess.DEVNULL, stderr=kernel_stderr)
        except (CellTimeoutError, _Late):
            return Outcome(name, "time limit", f"{timeout:g} s", _records(notebook))
        except DeadKernelError:
            late = time.monotonic() >= deadline
            return Outcome(name, "time limit" if late else "crashed", f"{timeout:g} s" if late else "",
                           _records(notebook))
        except Stopped:
            raise
        except Exception as error:  # the grader's fault, e.g. no kernel could start
            # nbclient leaves its exit-time clean-up registered for a kernel that never started, and that
            # clean-up prints a traceback when the grading ends
            atexit.unregister(client._cleanup_kernel)
            said = _last_line(kernel_stderr)
            if said:  # the kernel's own words, in the status (its stderr is not on the screen)
                error.add_note(said)
            raise
    errors = sum(_raised(output) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)
    records = _records(notebook)
    return Outcome(name, "errors" if errors else "ok", f"{errors} cell(s) raised" if errors else "", records)


class Cache:
    """Outcomes by file digest, in a JSON file beside the gradebook; other kit versions or limits do not match.
    An entry holds no file name: the same file under another name is the same work, and a name may be one that
    the cache's UTF-8 cannot hold."""

    def __init__(self, path: Path | None, timeout: float):
        self.path, self.salt = path, f"{__version__}|{timeout:g}"
        self.entries: dict[str, Any] = {}
        if path and path.is_file():
            try:  # read as untrusted data, within bounds: a huge, deeply nested or foreign file is ignored
                entries = parse_document(read_limited(path, MAX_CACHE_BYTES, "grading_cache"), ".json", path)
            except KitError:
                entries = {}
            self.entries = entries if isinstance(entries, dict) else {}  # a broken cache is only a slower run

    def key(self, digest: str) -> str:
        return f"{self.salt}|{digest}"

    def get(self, digest: str, name: str) -> Outcome | None:
        entry = self.entries.get(self.key(digest))
        records = entry.get("records", []) if isinstance(entry, dict) else None
        if not isinstance(records, list) or not all(isinstance(record, dict) for record in records) or \
                set(entry) - {"file", "status", "detail", "records"} or entry.get("status") not in STATUSES or \
                not isinstance(entry.get("detail", ""), str):
            return None  # not what `put` stored: run the file again
        return Outcome(**{**entry, "file": name})

    def put(self, digest: str, outcome: Outcome) -> None:
        entry = asdict(outcome)
        del entry["file"]
        self.entries[self.key(digest)] = entry

    def save(self) -> None:
        if self.path:
            write_text(self.path, json.dumps(self.entries, ensure_ascii=False))


def run_all(submissions: Mapping[str, Path] | Iterable[Path], *, timeout: float = TIME_LIMIT, workers: int = 2,
            cache: Cache | None = None, progress: bool = True, runner: Callable[[Path, float], Outcome] | None = None,
            language: str = "en") -> dict[str, Outcome]:
    """Every submission's Outcome by its label (`submissions` maps labels to files; the label is each Outcome's
    `file`; a plain list of files is labelled by their names); unchanged files come from the cache without
    running (the progress bar in `language`).

    Any exception in this thread (Ctrl+C, SIGTERM as `Terminated`) stops the run at once (`_stop`), saves the
    cache of what finished before it and is raised again."""
    if not isinstance(submissions, Mapping):
        submissions = {printable_name(path.name): path for path in submissions}
    cache, kernels = cache or Cache(None, timeout), Kernels()
    run = runner or partial(execute, kernels=kernels)
    outcomes: dict[str, Outcome] = {}
    pending: dict[str, tuple[Path, str]] = {}
    for label, path in submissions.items():
        digest = file_digest(path)
        cached = cache.get(digest, label)
        if cached:
            outcomes[label] = cached
        else:
            pending[label] = (path, digest)
    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    futures: dict[Future[tuple[Outcome, bool]], str] = {}
    try:
        with tqdm(total=len(pending), desc=text("grade.progress", language), unit="notebook",
                  disable=not progress, file=sys.stderr) as bar:
            for label, (path, _) in pending.items():  # one at a time: a stop while submitting knows the ones before
                futures[pool.submit(kernels.finish, run, path, timeout)] = label
            waiting = set(futures)
            while waiting:  # waits in short steps: a Ctrl+C is seen even while no notebook finishes
                done, waiting = wait(waiting, timeout=POLL, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=futures.get):
                    label = futures[future]
                    outcomes[label] = _collect(future, label, pending[label][1], cache)
                    bar.update()
        pool.shutdown()
        cache.save()  # inside the try: a Ctrl+C while saving still saves what finished
    except BaseException:
        try:
            _stop(pool, kernels, futures)
        finally:
            for future, label in futures.items():  # finished before the stop, not yet collected: kept too
                if label not in outcomes and future.done() and not future.cancelled():
                    _collect(future, label, pending[label][1], cache)
            cache.save()
        raise
    return outcomes


def _collect(future: Future[tuple[Outcome, bool]], label: str, digest: str, cache: Cache) -> Outcome:
    """The outcome of one finished run under its label; cached if the notebook finished before any stop."""
    try:
        outcome, in_time = future.result()
    except Exception as error:  # e.g. no kernel could start: this file fails, the others go on
        # the grader's fault, not the notebook's: not cached, so the next run tries the file again
        detail = ": ".join([f"{type(error).__name__}: {error}", *getattr(error, "__notes__", ())])
        return Outcome(label, "grader failed", detail[:300])
    outcome = replace(outcome, file=label)
    if in_time:  # a killed kernel's outcome ('crashed') is not the notebook's: never cached
        cache.put(digest, outcome)
    return outcome


def _stop(pool: ThreadPoolExecutor, kernels: Kernels, futures: Iterable[Future[Any]]) -> None:
    """Stop now: queued notebooks never start, running kernels are killed, and this returns once every worker
    has returned (within about a second: a killed kernel is noticed by nbclient's liveness check). A kernel
    that was still being launched at the first kill is killed on the next round. A second Ctrl+C meanwhile is
    passed over, so that no kernel is left running and the cache is still saved."""
    kernels.stop()
    pool.shutdown(wait=False, cancel_futures=True)
    running = [future for future in futures if not future.done()]
    while running:
        try:
            wait(running, timeout=POLL)
        except KeyboardInterrupt:
            pass
        kernels.stop()
        running = [future for future in running if not future.done()]
    pool.shutdown(wait=True)
