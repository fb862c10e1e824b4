"""Where replications run: in this process, a local process pool, or a Dask cluster.

Any `concurrent.futures.Executor` will do (`Client(...).get_executor()` for
Dask). Work is sent in chunks of several replications per task so the cost of
shipping a task stays small next to the work in it, and results are put back
in submission order, so an experiment gives the same rows, bit for bit,
whichever executor or how many workers ran it. Ctrl-C (or a notebook
interrupt) cancels the tasks not yet started and re-raises the interrupt.
Worker processes start by re-importing the user's script, so a script without
an `if __name__ == "__main__":` guard breaks the kit's pool; that gets a
message naming the guard instead of a BrokenProcessPool traceback.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..scenario import ScenarioError
from .progress import Progress

Item = TypeVar("Item")

#: Below this many estimated seconds of work, starting worker processes costs more than it saves.
SERIAL_SECONDS = 8.0
#: Rough cost of one simulated year of the default scenario, for sizing chunks.
SECONDS_PER_RUN_YEAR = 0.1
#: Work per task the chunking aims for: far above the ~1 ms it costs to ship a task.
TARGET_TASK_SECONDS = 0.5

NO_WORKERS = ("Worker processes could not start. In a Python script, put the experiment under "
              "`if __name__ == \"__main__\":` (worker processes re-import the script, so without the guard "
              "they start the experiment again), or pass workers=1 to run it in this process.")


def local_cores() -> int:
    """Cores this process may use (fewer than the machine has when pinned to some)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(workers: int | None, runs: int, run_years: float) -> int:
    """Workers to use: `workers` if given, else 1 for small jobs and every core for large ones."""
    if workers is None:
        small = runs * run_years * SECONDS_PER_RUN_YEAR < SERIAL_SECONDS
        return 1 if small else local_cores()
    return positive(workers, "The number of workers")


def positive(value: Any, what: str, hint: str = "") -> int:
    """A positive whole number, or a clear message: 0 or -1 would otherwise mean something odd, silently."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ScenarioError(f"{what} must be a positive integer{hint}. Got {value!r} instead.")
    return value


def chunk_size(runs: int, workers: int, run_years: float) -> int:
    """Replications per task: enough work to hide the per-task overhead, yet at least
    four tasks per worker so the workers finish together."""
    by_time = math.floor(TARGET_TASK_SECONDS / (SECONDS_PER_RUN_YEAR * max(run_years, 0.1)))
    by_balance = math.ceil(runs / (4 * workers))
    return max(1, min(by_time, by_balance))


def _ignore_interrupts() -> None:
    """Worker processes leave Ctrl-C to the parent, which cancels what has not started;
    otherwise every worker would print its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A local pool whose workers start from a small server process that has already imported
    the model, not by forking this process: a notebook kernel runs threads, and forking a
    threaded process can deadlock (Python 3.12+ warns about it)."""
    context = None
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["simulation.experiment.runner"])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_interrupts)


def chunked(items: Sequence[Item], size: int) -> list[Sequence[Item]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _executor_width(executor: Executor) -> int:
    """How many tasks the executor runs at once, where it says so (pools do, Dask's does not)."""
    return getattr(executor, "_max_workers", None) or local_cores()


def run_chunks(task: Callable[[Sequence[Item]], list[Any]], items: Sequence[Item], *,
               executor: Executor | None = None, workers: int | None = None, run_years: float = 3.0,
               size: int | None = None, progress: Progress | None = None) -> list[Any]:
    """`task` over `items` in chunks; the concatenated results in the order of `items`."""
    if executor is not None and workers is not None:
        raise ScenarioError("Give either an executor or a number of workers, not both.")
    if size is not None:
        positive(size, "The chunk size", " (or None to choose it automatically)")
    width = _executor_width(executor) if executor is not None else worker_count(workers, len(items), run_years)
    if executor is None and width == 1:  # serial: one replication at a time, so progress ticks per run
        results: list[Any] = []
        for item in items:
            results.extend(task([item]))
            if progress:
                progress.advance(1)
        return results
    chunks = chunked(items, size or chunk_size(len(items), width, run_years))
    own = executor is None
    pool = process_pool(width) if own else executor
    futures: list[Future] = []
    try:
        futures = [pool.submit(task, chunk) for chunk in chunks]
        position = {future: index for index, future in enumerate(futures)}
        parts: list[list[Any] | None] = [None] * len(chunks)
        for future in as_completed(futures):
            index = position[future]
            parts[index] = future.result()
            if progress:
                progress.advance(len(chunks[index]))
    except BaseException as error:
        for future in futures:
            future.cancel()
        if own:
            pool.shutdown(wait=False, cancel_futures=True)
            if isinstance(error, BrokenProcessPool):
                raise ScenarioError(NO_WORKERS) from error
        raise
    if own:
        pool.shutdown()
    return [result for part in parts for result in part]
