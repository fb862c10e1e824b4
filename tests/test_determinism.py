"""Same scenario + seed → the same results, bit for bit; one knob leaves other streams alone."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from simulation import Scenario, simulate
from simulation.rng import BlockStream, Stream

SMALL = Scenario({"run.years": 1, "accounts.initial_customers": 120})


def _same(a, b):
    assert a.kpis.keys() == b.kpis.keys()
    for key in a.kpis:
        x, y = a.kpis[key], b.kpis[key]
        assert x == y or (math.isnan(x) and math.isnan(y)), key
    pd.testing.assert_frame_equal(a.monthly, b.monthly, check_exact=True)
    pd.testing.assert_frame_equal(a.events, b.events, check_exact=True)


def test_same_seed_same_results_bit_for_bit():
    _same(simulate(SMALL, seed=11), simulate(SMALL, seed=11))


def test_the_same_run_exported_twice_is_the_same_workbook_byte_for_byte(tmp_path):
    """An .xlsx held the moment it was saved (its properties and every zip entry), so two exports of one run
    differed and a checksum could not tell whether results had changed."""
    import time

    from simulation.export import export_result

    result = simulate({"run.years": 1}, seed=4, keep_events=False)
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    export_result(result, first, "nl")
    time.sleep(1.1)  # the properties keep whole seconds (the zip entries two): saved at another moment
    export_result(result, second, "nl")
    assert first.read_bytes() == second.read_bytes()
    kpis = pd.read_excel(second, sheet_name="kpis")  # still a workbook Excel's readers open
    assert kpis["value"].tolist() == pytest.approx([result.kpis[name] for name in kpis["kpi"]], nan_ok=True)
    shown = kpis.astype(str)  # no text a reader sees with the spreadsheet escape's quote in front ("'+14,9")
    assert not shown.apply(lambda column: column.str.startswith("'")).any().any()


def test_different_seeds_give_different_runs():
    assert not simulate(SMALL, seed=1).monthly.equals(simulate(SMALL, seed=2).monthly)


def test_streams_are_named_not_positional():
    def draws(name):
        stream = Stream(5, name)
        return [stream.uniform() for _ in range(3)]

    assert draws("lead_arrivals") == draws("lead_arrivals")
    assert draws("referrals") != draws("lead_arrivals")


def test_a_block_stream_hands_out_the_draws_a_stream_of_its_name_does():
    """`BlockStream` slices its blocks from numpy's: the same numbers as `Stream`, in the same order, for blocks
    smaller and larger than numpy's and across its block boundaries."""
    import random

    sizes = random.Random(4).choices([1, 2, 51, 53, 64, 300], k=120)
    blocks, stream = BlockStream(9, "lead_arrivals", block=128), Stream(9, "lead_arrivals", block=128)
    taken = [blocks.block(n) for n in sizes]
    assert [len(block) for block in taken] == sizes
    assert [x for block in taken for x in block] == [stream.uniform() for _ in range(sum(sizes))]


def test_one_name_one_stream():
    """A name asked for as blocks and as single draws would be two streams with the same numbers: a model bug."""
    from simulation.rng import Streams

    streams = Streams(3)
    streams.blocks("lead_journeys")
    streams["referrals"]
    with pytest.raises(RuntimeError, match="lead_journeys"):
        streams["lead_journeys"]
    with pytest.raises(RuntimeError, match="referrals"):
        streams.blocks("referrals")


def test_a_knob_leaves_unrelated_randomness_untouched():
    """Common random numbers: slower complaint handling changes complaints, not who arrives."""
    a = simulate(SMALL, seed=3, keep_events="all")
    b = simulate(SMALL.replace({"accounts.complaint_work_hours": 12}), seed=3, keep_events="all")
    first_month_a = a.leads[a.leads.created < 28].drop(columns="state")
    first_month_b = b.leads[b.leads.created < 28].drop(columns="state")
    assert len(first_month_a) > 10
    pd.testing.assert_frame_equal(first_month_a, first_month_b)
    start_a = a.accounts[a.accounts.start == 0][["size", "complex", "preference", "role"]]
    start_b = b.accounts[b.accounts.start == 0][["size", "complex", "preference", "role"]]
    pd.testing.assert_frame_equal(start_a, start_b)
    handled = lambda r: r.events[r.events.event == "complaint_handled"].value.mean()  # noqa: E731
    assert handled(b) > handled(a), "the knob itself must have an effect"


def test_the_kit_environment_processes_events_in_simpys_order():
    """model.world.Environment makes timeouts and the event loop cheaper; it must keep SimPy's order exactly:
    ties in time by priority, then by creation, urgent events first, a failed event raised in its process,
    and `run(until=…)` stopping and resuming where SimPy does."""
    import random

    import simpy

    from simulation.model.world import Environment

    def trace(environment_class) -> list:
        env, seen, chances = environment_class(), [], random.Random(7)

        def worker(name: int):
            for step in range(20):
                yield env.timeout(chances.choice([0, 0.5, 1, 1, 2.5]))  # many ties
                seen.append((env.now, name, step))
                if step == 7 and name % 3 == 0:
                    failing = env.event()
                    failing.fail(RuntimeError(name))
                    try:
                        yield failing
                    except RuntimeError:
                        seen.append((env.now, name, "caught"))

        for name in range(12):
            env.process(worker(name))
        env.run(until=7)
        seen.append(("stopped", env.now))
        env.run(until=env.timeout(3))
        seen.append(("stopped", env.now))
        env.run()
        return seen

    assert trace(Environment) == trace(simpy.Environment)


def test_the_kit_environment_stops_and_crashes_where_simpy_does():
    """`run(until=event)` with processes waiting on that event before and after the run, and a process whose
    exception nobody handles: the same trace and the same error as SimPy's own environment."""
    import pytest
    import simpy

    from simulation.model.world import Environment

    def trace(environment_class) -> list:
        env, seen = environment_class(), []
        gate = env.event()

        def waiter(name: str):
            yield gate
            seen.append((env.now, name))

        def opener():
            yield env.timeout(2)
            gate.succeed()
            yield env.timeout(1)
            raise KeyError("nobody handles this")

        env.process(waiter("before"))
        env.process(opener())
        env.run(until=gate)
        seen.append(("stopped", env.now))
        env.process(waiter("after"))
        with pytest.raises(KeyError) as crash:
            env.run()
        seen.append(("crashed", env.now, str(crash.value)))
        return seen

    assert trace(Environment) == trace(simpy.Environment)


def test_cold_leads_without_a_journey_end_as_they_would_with_one():
    """A cold lead that marketing does not warm goes through marketing without a journey, and a nurtured lead
    that will not come back goes dormant without an event (`funnel.cold_lead_not_warmed`, `funnel.nurtured`),
    except in a run that logs every move: both runs must give the same results, also when new decisions change
    the nurturing rules while such leads are in marketing, and the shortcut must save events."""
    from simulation.model.clock import DAYS_PER_MONTH
    from simulation.model.run import apply_decisions, build_world, release, run_world

    for scenario in (SMALL, SMALL.replace({"market.lead_nurturing": False})):
        journeys, settled = simulate(scenario, seed=7, keep_events="all"), simulate(scenario, seed=7, keep_events=False)
        assert journeys.kpis == settled.kpis
        pd.testing.assert_frame_equal(journeys.monthly, settled.monthly, check_exact=True)
        pd.testing.assert_frame_equal(journeys.leads, settled.leads, check_exact=True)
    events = {}
    for log in ("all", "none"):
        world = run_world(build_world(SMALL, 7, log))
        events[log] = next(world.env._eid)
        release(world)
    assert events["none"] < 0.9 * events["all"], events  # the dormant moves
    # A run whose decisions cannot change settles such leads when they arrive (`funnel.nurtured_ahead`): the
    # same months and lead states as the run that settles them at the end of marketing, with fewer events still.
    for scenario in (SMALL, SMALL.replace({"market.lead_nurturing": False})):
        seen = {}
        for fixed in (False, True):
            world = run_world(build_world(scenario, 7, "none", fixed_decisions=fixed))
            seen[fixed] = world.monthly, [lead.state for lead in world.leads], next(world.env._eid)
            release(world)
        assert seen[True][:2] == seen[False][:2]
        assert seen[True][2] < 0.95 * seen[False][2], (seen[True][2], seen[False][2])
    with pytest.raises(RuntimeError, match="fixed decisions"):
        apply_decisions(build_world(SMALL, 7, "none", fixed_decisions=True), SMALL)
    for change in ({"market.nurture_return_share": 0.9}, {"market.lead_nurturing": False},
                   {"market.nurture_months": 0.5}):
        seen = {}
        for log in ("all", "none"):
            world = build_world(SMALL, 11, log)
            world.env.run(until=3 * DAYS_PER_MONTH + 0.01)  # a game's round ends just after a month's end
            apply_decisions(world, SMALL.replace(change))
            run_world(world)
            seen[log] = [(row["won"], row["potential"], row["margin"]) for row in world.monthly], world.lead_counts
            release(world)
        assert seen["all"] == seen["none"], change


def test_a_desk_grants_as_simpys_resource_does():
    """`organisation.Desk` replaces `simpy.Resource` for the quote and service desks: the same grants, buyers
    leaving, resizes (as a game's round does them) and event ids, with many ties on whole-day moments."""
    import random

    import simpy

    from simulation.model.organisation import Desk
    from simulation.model.world import Environment, start

    def trace(kind: str, seed: int) -> list:
        rnd, env = random.Random(seed), Environment()
        capacity = rnd.randint(1, 3)
        desk = Desk(env, capacity) if kind == "desk" else simpy.Resource(env, capacity=capacity)
        log = []

        def customer(i, patience, work, fast):
            with desk.request() as request:
                if not (fast and request.triggered):
                    granted = yield (request if patience is None else request | env.timeout(patience))
                    if patience is not None and request not in granted:
                        log.append((env.now, i, "left", len(desk.queue), desk.count))
                        return
                log.append((env.now, i, "served", len(desk.queue), desk.count))
                yield env.timeout(work)
            log.append((env.now, i, "done"))

        def arrivals():
            for i in range(60):
                yield env.timeout(rnd.choice([0, 0, 1, 2]))
                start(env, customer(i, rnd.choice([None, 0, 1, 3, 5]), rnd.choice([0, 1, 2, 4]), rnd.random() < 0.5),
                      at_once=rnd.random() < 0.5)

        def resizes():
            for _ in range(15):
                yield env.timeout(rnd.choice([0, 1, 3]))
                servers = rnd.randint(0, 4)
                if kind == "desk":
                    desk.resize(servers)
                else:
                    desk._capacity = servers
                    desk._trigger_put(None)
                log.append((env.now, "resize", servers))

        start(env, arrivals())
        start(env, resizes())
        env.run(until=80)
        return [*log, (len(desk.queue), desk.count, next(env._eid))]

    for seed in range(60):
        desk = trace("desk", seed)
        assert desk == trace("simpy", seed), seed
        assert any(entry[2:3] == ("left",) for entry in desk if len(entry) > 2), "buyers must also leave"
