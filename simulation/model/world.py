"""The shared state of one run: clock, streams, actors, counters and the event log.

Mechanism modules read and change this state; nothing in it plots or prints.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import simpy

from ..rng import Streams
from ..scenario import Scenario
from .entities import LEAD_STATES, Account, Lead
from .organisation import Organisation
from .satisfaction import Satisfaction
from .strategy import StrategyEffects, strategy_effects

Process = Generator[simpy.Event, Any, None]  # the type of a SimPy process function's generator

DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = DAYS_PER_YEAR / 12
NAN = math.nan


@dataclass(slots=True)
class Tally:
    """Cumulative counters; the monthly monitor takes differences of these."""

    leads: int = 0
    referral_leads: int = 0
    leads_lost_to_word_of_mouth: int = 0
    opportunities: int = 0
    quotes_sent: int = 0
    quote_days: float = 0.0
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


class World:
    """Everything one simulation run shares."""

    def __init__(self, scenario: Scenario, seed: int, keep_events: bool = True):
        self.env = simpy.Environment()
        self.scenario = scenario
        self.seed = seed
        self.streams = Streams(seed)
        self.effects: StrategyEffects = strategy_effects(scenario)
        self.satisfaction = Satisfaction(scenario)
        self.organisation = Organisation(self.env, scenario)
        self.tally = Tally()
        self.leads: list[Lead] = []
        self.accounts: list[Account] = []
        self.lead_counts = dict.fromkeys(LEAD_STATES, 0)
        self.word_of_mouth_loss = 0.0  # chance that an arriving lead was talked out of it
        self.events: list[tuple] = []
        self.keep_events = keep_events
        self.monthly: list[dict] = []  # one row per month, written by the management process
        self.funnel = None  # FunnelRules, set when the world is built (they read the effects above)

    def log(self, entity: str, entity_id: int, event: str, value: float = NAN, reference: float = NAN) -> None:
        """Append one flat record (time, entity, id, event, value, reference) to the event log."""
        if self.keep_events:
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
        if self.keep_events:
            self.events.append((self.env.now, "lead", lead.id, state, NAN, NAN))
