"""Shared test set-up: every test starts with an empty replication cache.

Panels keep the runs they made (`simulation.widgets.background.RUNS`) for the rest of the kernel; a test
that found its runs in a cache filled by an earlier test would pass without running what it names.
"""

from __future__ import annotations

import pytest

from simulation.experiment.run_cache import RunCache
from simulation.widgets import background


@pytest.fixture(autouse=True)
def fresh_run_cache(monkeypatch):
    monkeypatch.setattr(background, "RUNS", RunCache())
