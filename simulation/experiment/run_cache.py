"""Replications kept by what determines them, so an interactive panel never computes one twice.

A replication is fixed by its scenario values, its seed and the assumptions
sampled for it: the same inputs give the same KPIs and monthly series, bit
for bit. A student who changes only strategy B in a panel therefore gets
strategy A's replications from the last Run at once, and only B's are run.
Only what an experiment keeps of a replication is stored (its KPIs, monthly
columns and overloaded desks, about 12 kB); runs that keep their event log
are not.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

# A job is what a worker needs for one replication: (scenario name, values, seed, sampled assumptions,
# keep_events). Scenarios travel as plain dicts; the worker validates them again.
Job = tuple[str, dict[str, Any], int, dict[str, Any], bool]
# (KPIs, monthly columns, events or None, overloaded desks as (desk, waiting, turned_away) tuples)
Outcome = tuple[tuple, dict[str, Any], Any, tuple[tuple[str, int, int], ...]]

Keep = Callable[[Sequence[Job], Sequence[Outcome]], None]  # stores finished jobs' outcomes as they come

#: Replications a cache keeps: 2,000 × ~12 kB ≈ 25 MB for 3-year runs, some fifty Runs of a 20-pair stress test.
DEFAULT_SIZE = 2000
#: And at most this many bytes of monthly columns (a 20-year run holds ~70 kB), the least recently used dropped first.
DEFAULT_BYTES = 100_000_000


def job_key(job: Job) -> Hashable | None:
    """What determines a replication's outcome (the scenario's name does not); None for runs that keep events."""
    _name, values, seed, sampled, keep_events = job
    if keep_events:
        return None
    return tuple(sorted(values.items())), seed, tuple(sorted(sampled.items()))


class RunCache:
    """A bounded, thread-safe store of replication outcomes, the least recently used dropped first.

    The key holds what a scenario decides, not the model's code: a kernel that changes the model while it
    runs (autoreload, a patched constant) should `clear()` the cache.
    """

    def __init__(self, size: int = DEFAULT_SIZE, max_bytes: int = DEFAULT_BYTES):
        self.size, self.max_bytes = size, max_bytes
        self._outcomes: OrderedDict[Hashable, Outcome] = OrderedDict()
        self._bytes: dict[Hashable, int] = {}  # per outcome, and their sum in `_total`
        self._total = 0
        self._lock = threading.Lock()

    def clear(self) -> None:
        """Forget every outcome."""
        with self._lock:
            self._outcomes.clear()
            self._bytes.clear()
            self._total = 0

    def __len__(self) -> int:
        return len(self._outcomes)

    def lookup(self, jobs: Sequence[Job]) -> list[Outcome | None]:
        """The known outcome of each job, None where it still has to run."""
        found: list[Outcome | None] = []
        with self._lock:
            for job in jobs:
                key = job_key(job)
                outcome = None if key is None else self._outcomes.get(key)
                if outcome is not None:
                    self._outcomes.move_to_end(key)
                found.append(outcome)
        return found

    def store(self, jobs: Sequence[Job], outcomes: Sequence[Outcome]) -> None:
        """Keep these outcomes (read-only, as several results may share them)."""
        with self._lock:
            for job, (kpis, monthly, events, overloads) in zip(jobs, outcomes):
                key = job_key(job)
                if key is None:
                    continue
                for column in monthly.values():
                    column.setflags(write=False)
                self._outcomes[key] = (kpis, monthly, events, overloads)  # tuples: read-only already
                self._outcomes.move_to_end(key)
                self._total -= self._bytes.get(key, 0)
                self._bytes[key] = sum(column.nbytes for column in monthly.values())
                self._total += self._bytes[key]
            while self._outcomes and (len(self._outcomes) > self.size or self._total > self.max_bytes):
                dropped, _ = self._outcomes.popitem(last=False)
                self._total -= self._bytes.pop(dropped)

    def run(self, jobs: Sequence[Job], compute: Callable[[list[Job], Keep], list[Outcome]],
            found: Callable[[list[Job], list[Outcome]], Any] | None = None) -> list[Outcome]:
        """The outcome of every job in order: known ones from the cache (reported to `found`, jobs and
        outcomes), the rest from `compute`, which gets only those and `store`, to keep each piece as it
        finishes: a Run stopped halfway (the stress test's Stop, an interrupt) keeps what it ran."""
        known = self.lookup(jobs)
        missing = [index for index, outcome in enumerate(known) if outcome is None]
        if found is not None and len(missing) < len(jobs):
            hits = [(job, outcome) for job, outcome in zip(jobs, known) if outcome is not None]
            found([job for job, _ in hits], [outcome for _, outcome in hits])
        if missing:
            todo = [jobs[index] for index in missing]
            fresh = compute(todo, self.store)
            for index, outcome in zip(missing, fresh):
                known[index] = outcome
        return known  # type: ignore[return-value]  # every None is filled in
