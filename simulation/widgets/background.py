"""Work a panel does behind the student's back: a warm process pool and replications that fill in a band.

A panel answers at once with one seed (as quick as a single run), then runs
the other replications on common random numbers, pair by pair, on a process
pool whose workers have already imported the model, from a background thread,
so the notebook stays responsive. Each finished pair is handed to the panel,
which redraws its band and progress; a new Run supersedes the old one. The
stress test runs its replications on the same kind of pool. Replications
are kept (`RUNS`), so a Run after changing one side runs only that side.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, Future, ThreadPoolExecutor, as_completed

import pandas as pd

from ..experiment.executors import keep_when_done, local_cores, process_pool
from ..experiment.run_cache import Job, RunCache
from ..experiment.runner import simulate_jobs
from ..paths import path_seeds
from ..results import KPIS, SimulationResult
from ..scenario import Scenario

#: Replications a panel runs for its bands unless asked for more (the first is the seed shown at once).
DEFAULT_REPLICATIONS = 10

#: The replications this kernel has run for its panels: a Run that changes one side only runs that side.
RUNS = RunCache()

_shared: dict[str, Executor | None] = {}
_shared_lock = threading.Lock()


def warm_pool(workers: int | None = None) -> Executor | None:
    """A process pool whose workers have already imported the model, or None on one core (then serial)."""
    workers = workers or local_cores()
    if workers < 2:
        return None
    pool = process_pool(workers)
    for future in [pool.submit(local_cores) for _ in range(workers)]:
        future.result()  # each worker starts and imports the model now, not on the first Run
    atexit.register(pool.shutdown, wait=False, cancel_futures=True)
    return pool


def shared_pool() -> Executor | None:
    """One warm pool for all the panels of a kernel (a lesson has several; each its own would crowd 2 cores).

    None, so the band is filled serially, on one core or when workers cannot start (a script without
    a main guard): slower, but a band that never fills would look like a panel that hangs."""
    with _shared_lock:
        if "pool" not in _shared:
            try:
                _shared["pool"] = warm_pool()
            except Exception:  # BrokenProcessPool and its relatives
                _shared["pool"] = None
        return _shared["pool"]


class Replication:
    """One replication as a panel keeps it: the monthly table (for paths) and the KPIs (for the table)."""

    def __init__(self, monthly: pd.DataFrame, kpis: Mapping[str, float]):
        self.monthly, self.kpis = monthly, dict(kpis)

    @classmethod
    def of(cls, result: SimulationResult) -> Replication:
        return cls(result.monthly, result.kpis)


Update = Callable[[dict[str, list[Replication]], int, int], None]  # (runs by name so far, pairs done, pairs to do)


def _kept(jobs: list[Job], outcomes: list) -> list:
    """Store the outcomes of `jobs` in `RUNS` and return them."""
    RUNS.store(jobs, outcomes)
    return outcomes


class Replications:
    """Runs replications 2…n of named scenarios in a background thread and reports each finished pair.

    `executor` is a process pool, None to pick the shared one when the work starts (not while the
    panel shows its first answer), or `False` to run serially in the background thread.
    """

    def __init__(self, executor: Executor | None | bool = None):
        self.executor = executor
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="kit-band")
        self._generation = 0
        self.future: Future | None = None

    def cancel(self) -> None:
        """Stop reporting the replications of the last start (a new Run or new settings supersede them)."""
        self._generation += 1

    def start(self, scenarios: Mapping[str, Scenario], first: Mapping[str, SimulationResult], seed: int, n: int,
              on_update: Update) -> Future:
        """Run replications 2…`n` (seeds from `path_seeds`) of every scenario; `first` is replication 1."""
        self.cancel()
        generation = self._generation
        self.future = self._thread.submit(self._run, generation, dict(scenarios), dict(first), seed, n, on_update)
        return self.future

    def _executor(self) -> Executor | None:
        if self.executor is None:
            return shared_pool()
        return self.executor or None

    def _run(self, generation: int, scenarios: dict[str, Scenario], first: dict[str, SimulationResult], seed: int,
             n: int, on_update: Update) -> dict[str, list[Replication]]:
        names = list(scenarios)
        batches: list[list[Job]] = [[(scenarios[name].name, scenarios[name].to_dict(), run_seed, {}, False)
                                     for name in names] for run_seed in path_seeds(seed, n)[1:]]
        done: dict[int, list] = {}
        runs = {name: [Replication.of(first[name])] for name in names}

        def current() -> bool:  # False once a new Run or new settings superseded this band
            return generation == self._generation

        if current():
            on_update(runs, 0, len(batches))
        known = [RUNS.lookup(batch) for batch in batches]  # a side the student did not change is known
        todo = {index: [job for job, outcome in zip(batch, found) if outcome is None]
                for index, (batch, found) in enumerate(zip(batches, known)) if None in found}
        done.update((index, found) for index, found in enumerate(known) if index not in todo)
        executor = self._executor() if todo else None
        futures: dict[Future, int] = {}
        if executor is None:
            finished = ((index, _kept(jobs, simulate_jobs(jobs))) for index, jobs in todo.items())
        else:
            for index, jobs in todo.items():
                future = executor.submit(simulate_jobs, jobs)
                keep_when_done(future, jobs, RUNS.store)  # kept even if superseded meanwhile
                futures[future] = index
            finished = ((futures[future], future.result()) for future in as_completed(futures))
        if done and current():
            runs = self._gathered(names, first, done)
            on_update(runs, len(done), len(batches))
        for index, fresh in finished:
            if not current():  # superseded: leave the rest to finish unseen
                for future in futures:
                    future.cancel()
                return runs
            computed = iter(fresh)
            done[index] = [outcome if outcome is not None else next(computed) for outcome in known[index]]
            runs = self._gathered(names, first, done)
            if current():
                on_update(runs, len(done), len(batches))
        return runs

    @staticmethod
    def _gathered(names: list[str], first: dict[str, SimulationResult],
                  done: dict[int, list]) -> dict[str, list[Replication]]:
        """The replications finished so far, per scenario, in replication order whatever order they finished in."""
        runs = {name: [Replication.of(first[name])] for name in names}
        for key in sorted(done):
            for name, (kpis, monthly, _events, _overloads) in zip(names, done[key]):
                runs[name].append(Replication(pd.DataFrame(monthly), zip((k.name for k in KPIS), kpis)))
        return runs
