"""A finished run's world is freed by reference counting (`run.release`), not left to the cycle collector."""

from __future__ import annotations

import gc
import sys
import weakref

import pytest

from simulation import preset
from simulation.model.run import build_world, release, run_world
from simulation.parameters import ROLES

# One rep per role and one service employee: buyers and incidents are still waiting at the desks at the end.
STRETCHED = {**{f"organisation.{role}": 1 for role in ROLES}, "organisation.service_staff": 1,
             "accounts.incidents_per_year": 20}


@pytest.mark.parametrize("changes", [{}, STRETCHED], ids=["baseline", "stretched_desks"])
def test_a_released_world_is_freed_without_the_cycle_collector(changes, monkeypatch):
    """Pending events, waiting requests and suspended processes must not keep the world in a reference cycle,
    and closing the suspended processes must not fail (a failure would only be printed, as 'Exception ignored')."""
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    enabled = gc.isenabled()
    gc.disable()
    try:
        world = run_world(build_world(preset("baseline").replace(changes), 1, "none"))
        freed = weakref.ref(world)
        release(world)
        del world
        assert freed() is None
    finally:
        if enabled:
            gc.enable()
    assert unraisable == []


def test_a_failed_event_is_raised_inside_a_started_process_as_simpy_does():
    """world.start drives a process without simpy.Process: a failed event must still be thrown into it."""
    import simpy

    from simulation.model.world import start

    env, caught, ended = simpy.Environment(), [], []
    trouble = env.event()

    def process():
        try:
            yield trouble
        except ValueError as error:
            caught.append(str(error))
        return "done"

    start(env, process(), ended.append)
    trouble.fail(ValueError("supplier bankrupt"))
    env.run()
    assert caught == ["supplier bankrupt"] and ended == ["done"]
