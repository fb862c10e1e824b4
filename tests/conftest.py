"""Shared test set-up: every test starts in English with an empty replication cache; `kit_in_dutch` is a Dutch
lesson's kernel.

Panels keep the runs they made (`simulation.widgets.background.RUNS`) for the rest of the kernel; a test
that found its runs in a cache filled by an earlier test would pass without running what it names.
"""

from __future__ import annotations

import signal

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


class FakeProcess:
    """A child command as `termination.run_command` waits for it: each wait meets the next of `stops`
    (KeyboardInterrupt: Ctrl+C reaches the waiting process; signal.SIGTERM: the waiting process is sent it, so
    its handler runs), then the command has ended with `status`."""

    def __init__(self, command, cwd=None, env=None, stops=(), status=0):
        self.command, self.cwd, self.env, self.status = command, cwd, env, status
        self.stops, self.terminated, self.ended = list(stops), False, False

    def wait(self):
        while self.stops:
            stop = self.stops.pop(0)
            if stop is KeyboardInterrupt:
                raise KeyboardInterrupt
            signal.getsignal(stop)(stop, None)
        self.ended = True
        return self.status

    def poll(self):
        return self.status if self.ended else None

    def terminate(self):
        self.terminated = True
        self.stops.clear()


@pytest.fixture
def fake_process():
    """The class of a fake child command (`FakeProcess`), for tests of what waits for one."""
    return FakeProcess
