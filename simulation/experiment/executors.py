"""Where replications run: in this process, a local process pool, or a Dask cluster.

Any `concurrent.futures.Executor` will do (`Client(...).get_executor()` for
Dask). Work is sent in chunks of several replications per task so the cost of
shipping a task stays small next to the work in it, and results are put back
in submission order, so an experiment gives the same rows, bit for bit,
whichever executor or how many workers ran it. Ctrl-C (or a notebook
interrupt) and SIGTERM cancel the tasks not yet started and re-raise, and the
kit's own pool never outlives this process: its workers watch a pipe from
the parent and end when it closes, even after a SIGKILL.
Worker processes start by re-importing the user's script, so a script without
an `if __name__ == "__main__":` guard breaks the kit's pool; that gets a
message naming the guard instead of a BrokenProcessPool traceback.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from ..errors import shown
from ..language import kit_error
from ..scenario import ScenarioError
from ..termination import sigterm_cleanup
from .insist import over_limit

Item = TypeVar("Item")
Done = Callable[[Sequence[Any], list[Any]], Any]  # (a finished chunk's items, its results)

#: Below this many estimated seconds of work, starting worker processes costs more than it saves.
SERIAL_SECONDS = 8.0
#: Rough cost of one simulated year of the default scenario, for sizing chunks.
SECONDS_PER_RUN_YEAR = 0.1
#: Work per task the chunking aims for: far above the ~1 ms it costs to ship a task.
TARGET_TASK_SECONDS = 0.5

#: The most workers a local pool may have, even when insisting (also Windows' limit for a process pool).
MAX_WORKERS = 61

NO_WORKERS = ("Worker processes could not start. In a Python script, put the experiment under "
              "`if __name__ == \"__main__\":` (worker processes re-import the script, so without the guard "
              "they start the experiment again), or pass workers=1 to run it in this process.")


def local_cores() -> int:
    """Cores this process may use (fewer than the machine has when pinned to some)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(workers: int | None, runs: int, run_years: float, *, force: bool = False) -> int:
    """Workers to use: `workers` if given, else 1 for small jobs and every core for large ones.
    More workers than cores only compete for them (each holding its own copy of the model in
    memory), so that takes `force=True`."""
    if workers is None:
        small = runs * run_years * SECONDS_PER_RUN_YEAR < SERIAL_SECONDS
        return 1 if small else local_cores()
    workers = positive(workers, "error.workers")
    cores = local_cores()
    if workers > MAX_WORKERS:
        raise kit_error(ScenarioError, "error.workers_most", most=MAX_WORKERS, cores=cores, got=workers)
    if workers > cores and not force:
        raise over_limit("error.workers_cores", cores=cores, got=workers)
    return workers


def positive(value: Any, key: str) -> int:
    """A positive whole number, or the mistake told by the text `key`: 0 or -1 would otherwise mean something
    odd, silently."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise kit_error(ScenarioError, key, got=shown(value))
    return value


def chunk_size(runs: int, workers: int, run_years: float) -> int:
    """Replications per task: enough work to hide the per-task overhead, yet at least
    four tasks per worker so the workers finish together."""
    by_time = math.floor(TARGET_TASK_SECONDS / (SECONDS_PER_RUN_YEAR * max(run_years, 0.1)))
    by_balance = math.ceil(runs / (4 * workers))
    return max(1, min(by_time, by_balance))


def _start_worker(lifeline: Connection) -> None:
    """Set up a worker: Ctrl-C is left to the parent, which cancels what has not started (otherwise
    every worker would print its own traceback), and a thread ends the worker when the parent ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with_parent, args=(lifeline,), name="kit-lifeline", daemon=True).start()


def _end_with_parent(lifeline: Connection) -> None:
    """Wait on the pipe whose only writer is the parent: it reads end-of-file when the parent is
    gone, however it went (SIGKILL included), and the worker ends rather than wait for work forever."""
    with contextlib.suppress(EOFError, OSError):
        while True:
            lifeline.recv_bytes()
    os._exit(1)


class WorkerPool(ProcessPoolExecutor):
    """A local process pool whose workers end with this process, whatever ends it.

    The workers' own task queue cannot tell them: each worker holds both of its ends. So the
    pool keeps the only writing end of a separate pipe, the lifeline, and closes it at shutdown;
    the operating system closes it when this process dies."""

    def __init__(self, workers: int, context: multiprocessing.context.BaseContext):
        reader, self._lifeline = context.Pipe(duplex=False)
        super().__init__(workers, mp_context=context, initializer=_start_worker, initargs=(reader,))

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        super().shutdown(wait=wait, cancel_futures=cancel_futures)
        self._lifeline.close()  # workers still busy after a cancel end now, not after their chunk


def process_pool(workers: int) -> WorkerPool:
    """A local pool whose workers start from a small server process that has already imported
    the model, not by forking this process: a notebook kernel runs threads, and forking a
    threaded process can deadlock (Python 3.12+ warns about it)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["simulation.experiment.runner"])
    else:
        context = multiprocessing.get_context()
    return WorkerPool(workers, context)


def chunked(items: Sequence[Item], size: int) -> list[Sequence[Item]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _executor_width(executor: Executor) -> int:
    """How many tasks the executor runs at once, where it says so (pools do, Dask's does not)."""
    return getattr(executor, "_max_workers", None) or local_cores()


def planned_width(executor: Executor | None, workers: int | None, runs: int, run_years: float,
                  force: bool = False) -> int:
    """How many replications will run at once: the executor's width, or the local workers to start."""
    if executor is not None and workers is not None:
        raise ScenarioError("Give either an executor or a number of workers, not both.")
    if executor is not None and not callable(getattr(executor, "submit", None)):
        raise ScenarioError(f"The executor must be a concurrent.futures executor (with a submit method), e.g. "
                            f"Client(...).get_executor(). Got {shown(executor)} instead.")
    return _executor_width(executor) if executor is not None else worker_count(workers, runs, run_years, force=force)


def run_chunks(task: Callable[[Sequence[Item]], list[Any]], items: Sequence[Item], *,
               executor: Executor | None = None, workers: int | None = None, run_years: float = 3.0,
               size: int | None = None, done: Done | None = None, keep: Done | None = None,
               force: bool = False) -> list[Any]:
    """`task` over `items` in chunks; the concatenated results in the order of `items`. `done` is called with
    each finished chunk's items and results, as they finish (for progress, and answers that fill in); `keep`
    too, before `done` and also for a chunk a pool finishes after this call has stopped (a `done` that raised
    to stop it, an interrupt): `keep_when_done`."""
    width = planned_width(executor, workers, len(items), run_years, force)
    if size is not None:
        positive(size, "error.chunk_size")
    if executor is None and width == 1:  # serial: one replication at a time, so progress ticks per run
        results: list[Any] = []
        for item in items:
            result = task([item])
            results.extend(result)
            if keep:
                keep([item], result)
            if done:
                done([item], result)
        return results
    chunks = chunked(items, size or chunk_size(len(items), width, run_years))
    with sigterm_cleanup():  # SIGTERM shuts the pool down as Ctrl-C does
        return _gather(task, chunks, executor, width, done, keep)


def keep_when_done(future: Future, items: Sequence[Any], keep: Done) -> None:
    """Hand `items` and the results of `future` to `keep` when the task ends well, also when nobody waits for it
    any more (a Run stopped or superseded, an interrupt): a run a worker has started is not thrown away."""
    def kept(finished: Future) -> None:
        if not finished.cancelled() and finished.exception() is None:
            keep(items, finished.result())

    future.add_done_callback(kept)


def _gather(task: Callable[[Sequence[Item]], list[Any]], chunks: list[Sequence[Item]], executor: Executor | None,
            width: int, done: Done | None, keep: Done | None) -> list[Any]:
    own = executor is None
    pool = process_pool(width) if own else executor
    futures: list[Future] = []
    try:
        futures = [pool.submit(task, chunk) for chunk in chunks]
        if keep:
            for future, chunk in zip(futures, chunks):
                keep_when_done(future, chunk, keep)
        position = {future: index for index, future in enumerate(futures)}
        parts: list[list[Any] | None] = [None] * len(chunks)
        for future in as_completed(futures):
            index = position[future]
            parts[index] = future.result()
            if done:
                done(chunks[index], parts[index])
    except BaseException as error:
        if not own:
            for future in futures:
                future.cancel()
            raise
        # The pool cancels what has not started in its own thread; cancelling here as well races with
        # that thread, which then fails on a cancelled future when the workers end (Python 3.11).
        pool.shutdown(wait=False, cancel_futures=True)
        if isinstance(error, BrokenProcessPool):
            raise ScenarioError(NO_WORKERS) from error
        raise
    if own:
        pool.shutdown()
    return [result for part in parts for result in part]
