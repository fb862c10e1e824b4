"""Shared test set-up: every test starts in English with an empty replication cache; `kit_in_dutch` is a Dutch
lesson's kernel.

Panels keep the runs they made (`simulation.widgets.background.RUNS`) for the rest of the kernel; a test
that found its runs in a cache filled by an earlier test would pass without running what it names.
"""

from __future__ import annotations

import pytest

from simulation.experiment.run_cache import RunCache
from simulation.language import get_language, set_language
from simulation.widgets import background


@pytest.fixture(autouse=True)
def fresh_run_cache(monkeypatch):
    monkeypatch.setattr(background, "RUNS", RunCache())


@pytest.fixture(autouse=True)
def kit_in_english():
    """Every test starts in English, whatever KIT_LANGUAGE the shell sets, and leaves the language as it found it."""
    previous = get_language()
    set_language("en")
    yield
    set_language(previous)


@pytest.fixture
def kit_in_dutch(kit_in_english):
    """The kit's language set to Dutch, as a Dutch lesson's first cell does (`kit_in_english` sets it back)."""
    set_language("nl")
