"""The shared state of one run: clock, streams, actors, counters and the event log.

Mechanism modules read and change this state; nothing in it plots or prints.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from dataclasses import dataclass
from heapq import heappop, heappush
from itertools import count
from operator import attrgetter
from types import SimpleNamespace
from typing import Any

import simpy
from simpy.core import StopSimulation
from simpy.events import NORMAL, URGENT, EventPriority, Timeout

from ..rng import Streams
from ..scenario import Scenario
from .entities import LEAD_STATES, MQL, SAL, Account, Lead
from .organisation import Organisation
from .satisfaction import Satisfaction
from .strategy import StrategyEffects, strategy_effects

Process = Generator[simpy.Event, Any, None]  # the type of a SimPy process function's generator

NAN = math.nan

#: Which rows of the event log a run keeps: everything, only what the standard figures read, or nothing.
EVENT_LOGS = ("all", "figures", "none")


@dataclass(slots=True)
class Tally:
    """Cumulative counters; the monthly monitor takes differences of these."""

    leads: int = 0  # leads that arrived during the run
    leads_at_start: int = 0  # the starting pipeline's leads (pipeline_start)
    referral_leads: int = 0
    leads_lost_to_word_of_mouth: int = 0
    mql: int = 0
    sal: int = 0
    opportunities: int = 0
    quotes_sent: int = 0
    quote_costs: float = 0.0  # out-of-pocket cost of the quotes sent (€)
    quote_days: float = 0.0
    no_quote_in_time: int = 0
    decided: int = 0
    won: int = 0
    won_back: int = 0
    new_customers: int = 0
    lost: int = 0
    cycle_days: float = 0.0
    promises_made: int = 0
    promises_kept: int = 0
    revenue: float = 0.0
    complaints: int = 0
    complaints_in_target: int = 0
    churned: int = 0
    ended_by_supplier: int = 0
    forecast_value: float = 0.0
    won_value: float = 0.0
    false_qualifications: int = 0
    false_qualification_hours: float = 0.0
    winnable_rejected: int = 0
    visits_made: int = 0
    visits_skipped: int = 0
    follow_ups_missed: int = 0
    overload_turned_away: int = 0
    switched_in: int = 0  # buyers who left another supplier of the market and asked us for a quote


_new_timeout = object.__new__  # a Timeout without its __init__ (`Environment.timeout` sets it up)


class Environment(simpy.Environment):
    """SimPy's environment with its two busiest paths made cheaper: making a timeout and the event loop.

    A run is some 37,000 events, nearly all timeouts, and SimPy spends a good part of its time in the layers
    around them (a bound class and `schedule` per timeout, a `step` call and its try per event). Events get the
    same (time, priority, id) keys from the same counter and are processed in the same order, with the same
    `until` and failure semantics, so results do not change.
    """

    #: The current simulation time, as `simpy.Environment.now`: read through a C getter, without the Python frame
    #: of SimPy's property (~12,000 reads a run).
    now = property(attrgetter("_now"))

    def timeout(self, delay: float = 0, value: Any = None) -> Timeout:
        """A `simpy.Timeout`, built and scheduled as its own `__init__` does, without the layers around it."""
        if delay < 0:  # a model bug: SimPy's own timeout raises its error
            return super().timeout(delay, value)
        event = _new_timeout(Timeout)
        event.env, event.callbacks, event._value, event._delay, event._ok = self, [], value, delay, True
        heappush(self._queue, (self._now + delay, NORMAL, next(self._eid), event))
        return event

    def timeout_at(self, at: float) -> Timeout:
        """A timeout that fires at the moment `at` (not before now): for a moment worked out as a sum of delays
        from an earlier time, which `timeout(at - now)` would round differently."""
        if at < self._now:  # a model bug: SimPy's own timeout raises its error
            return super().timeout(at - self._now)
        event = _new_timeout(Timeout)
        event.env, event.callbacks, event._value, event._delay, event._ok = self, [], None, at - self._now, True
        heappush(self._queue, (at, NORMAL, next(self._eid), event))
        return event

    def run(self, until: float | simpy.Event | None = None) -> Any:
        """`simpy.Environment.run`, with `step` written out in one loop."""
        if until is not None:
            if not isinstance(until, simpy.Event):
                at = until if isinstance(until, int) else float(until)
                if at <= self._now:  # SimPy's own run raises its error for a moment already past
                    return super().run(at)
                until = simpy.Event(self)
                until._ok, until._value = True, None
                self.schedule(until, URGENT, at - self._now)
            elif until.callbacks is None:  # already processed
                return until.value
            until.callbacks.append(StopSimulation.callback)
        queue = self._queue
        try:
            while queue:
                self._now, _, _, event = heappop(queue)
                callbacks, event.callbacks = event.callbacks, None
                for callback in callbacks:
                    callback(event)
                if not event._ok and not hasattr(event, "_defused"):  # a failure nobody handled crashes the run
                    error = type(event._value)(*event._value.args)
                    error.__cause__ = event._value
                    raise error
        except StopSimulation as stop:
            # As `step` does: the until event's remaining callbacks run when the simulation resumes.
            event.callbacks = callbacks[callbacks.index(callback) + 1:]
            self.schedule(event, EventPriority(-1))
            return stop.args[0]
        if until is not None:
            raise RuntimeError(f'No scheduled events left but "until" event was not triggered: {until}') from None
        return None


#: What `start`'s resume reads of the event a process started at once resumes from: the value sent first.
_STARTED = SimpleNamespace(_ok=True, _value=None)


def start(env: simpy.Environment, process: Generator[simpy.Event, Any, Any],
          then: Callable[[Any], None] | None = None, at_once: bool = False) -> None:
    """Run `process` as `env.process` would, then call `then` with its return value.

    Without a `simpy.Process`: nobody waits for these processes, so they need no end event, and their resumes
    skip the Process bookkeeping (about a tenth of a run's events and instructions). The start is an urgent event,
    as `env.process` schedules it, so the process's first steps come at the same point of the run; `at_once`
    takes them now instead, saving that event, where nothing the caller does after this call depends on them
    (or they on it). A Python function (a lambda) as `then` is called without the C-level detour of a `partial`.
    """
    resume = _Resume(process, then).resume
    if at_once:
        resume(_STARTED)
        return
    begin = simpy.Event(env)
    begin._ok, begin._value = True, None
    begin.callbacks.append(resume)
    env.schedule(begin, URGENT)


class _Resume:
    """Drives a process of `start`: its `resume` sends the process each event's value until it waits again.

    An object, not a closure: a closure that appends itself to the callbacks must name itself, a reference cycle
    (function, cell, function) that only the cycle collector frees, with the finished process's result and
    everything its `then` holds. This object is referenced only by the event its process waits for (through
    the bound `resume` there: a bound method is called without the C-level detour an object's `__call__` takes).
    """

    __slots__ = ("process", "then")

    def __init__(self, process: Generator[simpy.Event, Any, Any], then: Callable[[Any], None] | None):
        self.process = process  # (not its bound `send`: making that costs more than looking it up per resume)
        self.then = then

    def resume(self, event: simpy.Event) -> None:
        """The callback: go on from `event` (the value sent, or the failure raised, as simpy.Process does)."""
        process = self.process
        while True:
            try:
                if event._ok:
                    event = process.send(event._value)
                else:  # a failed event is raised inside the process, as simpy.Process does
                    event._defused = True
                    event = process.throw(event._value)
            except StopIteration as end:
                if self.then is not None:
                    self.then(end.value)
                return
            if event.callbacks is not None:  # not processed yet: wait for it (else go on at once, as SimPy does)
                event.callbacks.append(self.resume)
                return


class World:
    """Everything one simulation run shares."""

    def __init__(self, scenario: Scenario, seed: int, events: str = "figures", env: simpy.Environment | None = None,
                 market: Any = None, fixed_decisions: bool = False):
        self.env = env if env is not None else Environment()
        self.market = market  # the `Market` of a game with several suppliers; None: this company alone
        self.revision = 0  # counts changes of decisions during the run (a game's rounds)
        #: The decisions stay as they are for the whole run (no `run.apply_decisions`): what a rule will say later
        #: can be read now (see `funnel.nurtured_ahead`).
        self.fixed_decisions = fixed_decisions
        self.seed = seed
        self.streams = Streams(seed)
        self.read_decisions(scenario)
        self.organisation = Organisation(self.env, scenario)
        self.tally = Tally()
        self.leads: list[Lead] = []
        self.accounts: list[Account] = []
        self.lead_counts = dict.fromkeys(LEAD_STATES, 0)  # exact once `settle_moves` has run (see `move_later`)
        self._moves_due: list[tuple[float, int, Lead, str]] = []  # a heap of `move_later`'s moves
        self._move_order = count()  # keeps a lead's later moves in the order they were scheduled
        self.word_of_mouth_loss = 0.0  # chance that an arriving lead was talked out of it
        self.events: list[tuple] = []
        self.log_all = events == "all"
        self.log_figures = events in ("all", "figures")
        self.monthly: list[dict] = []  # one row per month, written by the management process
        self.customer_months: list[tuple] = []  # one row per customer per month (the CRM-style panel)
        self.funnel = None  # FunnelRules, set when the world is built (they read the effects above)
        self.manager: simpy.Process | None = None  # the monthly rhythm; the run ends when it does

    def read_decisions(self, scenario: Scenario) -> None:
        """Take `scenario` as the decisions in force: the strategy's effects and the satisfaction settings."""
        self.scenario = scenario
        self.effects: StrategyEffects = strategy_effects(scenario)
        self.satisfaction = Satisfaction(scenario)

    def log(self, entity: str, entity_id: int, event: str, value: float = NAN, reference: float = NAN) -> None:
        """Append one flat record (time, entity, id, event, value, reference) to the full event log.

        The most frequent callers (experiences, orders, new leads) test `log_all` first: most runs keep no full
        log, and the call would cost more than the test."""
        if self.log_all:
            self.events.append((self.env.now, entity, entity_id, event, value, reference))

    def log_figure(self, entity: str, entity_id: int, event: str, value: float, reference: float) -> None:
        """A record the standard figures read (quotes sent, deliveries): kept unless the log is switched off."""
        if self.log_figures:
            self.events.append((self.env.now, entity, entity_id, event, value, reference))

    def keep_promise(self, promised: float, wish: float, actual: float) -> float:
        """Count a promise (kept if the real time is within it) and return the customer's expectation:
        the promise, or their own wish when nothing was promised (NaN)."""
        if math.isnan(promised):
            return wish
        self.tally.promises_made += 1
        self.tally.promises_kept += actual <= promised
        return promised

    def move(self, lead: Lead, state: str) -> None:
        """Move a lead to another state, keeping the state counts exact."""
        counts = self.lead_counts
        counts[lead.state] -= 1
        counts[state] += 1
        lead.state = state
        if self.log_all:
            self.events.append((self.env.now, "lead", lead.id, state, NAN, NAN))

    def move_later(self, lead: Lead, state: str, at: float) -> None:
        """Move a lead to another state at time `at`, without an event: for a lead whose path is settled ahead (a
        nurtured lead that will go dormant, `funnel.nurtured`; a cold lead that marketing does not warm, into
        nurturing, dropped or dormant, `funnel.nurtured_ahead`). Its moves count from `settle_moves` on, which runs
        before anything reads the state counts, and before a lead that comes back moves on. Not for a run that logs
        every move: the log would show the move when it is settled."""
        heappush(self._moves_due, (at, next(self._move_order), lead, state))

    def settle_moves(self) -> None:
        """Make the moves of `move_later` that are due by now, so that `lead_counts` is exact."""
        due, now = self._moves_due, self.env.now
        while due and due[0][0] <= now:
            _, _, lead, state = heappop(due)
            self.move(lead, state)

    def reach(self, lead: Lead, milestone: int) -> None:
        """Count a lead the first time it reaches a funnel milestone (MQL, SAL, opportunity)."""
        if lead.reached < milestone:
            lead.reached = milestone
            if milestone == MQL:
                self.tally.mql += 1
            elif milestone == SAL:
                self.tally.sal += 1
            else:
                self.tally.opportunities += 1
