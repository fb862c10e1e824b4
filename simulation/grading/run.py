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
only executes new or changed submissions.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
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


def _read(path: Path) -> tuple[Any, Outcome | None]:
    """The notebook with its saved outputs removed, or the Outcome that says why it cannot run."""
    size = path.stat().st_size
    if size == 0:
        return None, Outcome(path.name, "empty")
    if size > MAX_BYTES:
        return None, Outcome(path.name, "too large", f"{size:,} bytes")
    try:
        notebook = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        nbformat.validate(notebook)
    except Exception as error:  # JSON, encoding or schema: all mean "not a notebook"
        return None, Outcome(path.name, "not a notebook", type(error).__name__)
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


class _Late(Exception):
    """The notebook's time is up before its next cell starts."""


def execute(path: Path, timeout: float) -> Outcome:
    """Run one submission in a fresh kernel and collect its records; never raises for the notebook's faults."""
    notebook, refused = _read(path)
    if refused:
        return refused
    deadline = time.monotonic() + timeout  # one limit for the whole notebook: each cell gets what is left

    def stop_when_late(**_: Any) -> None:  # else every cell after the deadline would still get its second
        if time.monotonic() >= deadline:
            raise _Late

    with tempfile.TemporaryDirectory(prefix="grading-") as folder:
        client = NotebookClient(notebook, timeout_func=lambda cell: max(1.0, deadline - time.monotonic()),
                                on_cell_start=stop_when_late, kernel_name="python3", allow_errors=True,
                                resources={"metadata": {"path": folder}})
        try:
            client.execute(env=_kernel_env())
        except (CellTimeoutError, _Late):
            return Outcome(path.name, "time limit", f"{timeout:g} s", _records(notebook))
        except DeadKernelError:
            late = time.monotonic() >= deadline
            return Outcome(path.name, "time limit" if late else "crashed", f"{timeout:g} s" if late else "",
                           _records(notebook))
    errors = sum(_raised(output) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)
    records = _records(notebook)
    return Outcome(path.name, "errors" if errors else "ok", f"{errors} cell(s) raised" if errors else "", records)


class Cache:
    """Outcomes by file digest, in a JSON file beside the gradebook; other kit versions or limits do not match."""

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
        self.entries[self.key(digest)] = asdict(outcome)

    def save(self) -> None:
        if self.path:
            write_text(self.path, json.dumps(self.entries, ensure_ascii=False))


def run_all(paths: Iterable[Path], *, timeout: float = TIME_LIMIT, workers: int = 2, cache: Cache | None = None,
            progress: bool = True, runner: Callable[[Path, float], Outcome] | None = None,
            language: str = "en") -> dict[str, Outcome]:
    """Every submission's Outcome by file name; unchanged files come from the cache without running (the
    progress bar in `language`)."""
    cache, runner = cache or Cache(None, timeout), runner or execute
    outcomes: dict[str, Outcome] = {}
    pending: dict[Path, str] = {}
    for path in paths:
        digest = file_digest(path)
        cached = cache.get(digest, path.name)
        if cached:
            outcomes[path.name] = cached
        else:
            pending[path] = digest
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool, tqdm(
            total=len(pending), desc=text("grade.progress", language), unit="notebook", disable=not progress,
            file=sys.stderr) as bar:
        futures = {pool.submit(runner, path, timeout): path for path in pending}
        for future in as_completed(futures):
            path = futures[future]
            try:
                outcome = future.result()
                cache.put(pending[path], outcome)
            except Exception as error:  # e.g. no kernel could start: this file fails, the others go on
                # the grader's fault, not the notebook's: not cached, so the next run tries the file again
                outcome = Outcome(path.name, "grader failed", f"{type(error).__name__}: {error}"[:200])
            outcomes[path.name] = outcome
            bar.update()
    cache.save()
    return outcomes
