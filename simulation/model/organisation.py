"""Sales roles, competence and one budget of sales time (DOMAIN.md §4, §6).

Roles sit in the matrix of customer size × product complexity: inside sales
for small customers and simple products up to key account managers for large
customers and complex products. A role's level is its place in that order; a
segment asks for the level of the role the matrix gives it. A rep serving a
segment above their level wins less, works slower and satisfies less.

Every rep hour is spent once. Each month a role's hours go first to its
existing customers (follow-up orders before visits, up to the account time
share), then to qualifying leads (a rep short of hours checks fewer
criteria, so guesses more and wins less); the quote desk (a queue with
one server per rep) works in what is left, so its quotes stretch in calendar
time. Few reps or many visits therefore show up as skipped visits, missed
follow-up orders, hurried qualification and slow quotes, never as a free
lunch.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType

import simpy
from simpy.events import PENDING

from ..parameters import ROLES
from ..scenario import Scenario
from .clock import DAYS_PER_YEAR, HOURS_PER_WORKDAY

# (size index, complex) → the level (index into ROLES) the course's matrix gives that segment.
SEGMENT_LEVEL = {(0, False): 0, (0, True): 1, (1, False): 1, (1, True): 2, (2, False): 3, (2, True): 4}

# Employer cost relative to the average rep: seniority costs more.
ROLE_COST_FACTOR = {
    "inside_sales": 0.6,
    "junior_account_managers": 0.8,
    "account_managers": 1.0,
    "senior_account_managers": 1.2,
    "key_account_managers": 1.4,
}


@dataclass(frozen=True, slots=True)
class CompetenceGap:
    """What one level of competence short does (multiplied per level of the gap)."""

    win_factor: float  # win chance × this, per level
    work_factor: float  # quote work × (1 + this × gap)
    quality_loss: float  # grade points the customer gives less, per level


COMPETENCE_GAP = CompetenceGap(win_factor=0.75, work_factor=0.25, quality_loss=0.5)
MIN_QUOTE_TIME_SHARE = 0.1  # however busy, reps keep a tenth of their time for new business (the cap's top)


class Desk:
    """A desk of `capacity` servers (reps, service staff): `simpy.Resource` with only what the model uses.

    SimPy's request and release go through its generic put and get queues (bound classes, a release event object,
    callbacks that scan the queues); a desk serves ~2,000 requests a run. This one grants the same requests at the
    same moments, each through the same scheduled events, so runs stay identical: a new request, and the event a
    release schedules when it is processed, let in the *first* waiting request if a server is free (one at most,
    as `Resource._trigger_put` does). `queue`, `users`, `count` and `capacity` read as on a `simpy.Resource`.
    """

    __slots__ = ("env", "capacity", "users", "put_queue", "queue")

    def __init__(self, env: simpy.Environment, capacity: int):
        self.env = env
        self.capacity = capacity
        self.users: list[DeskRequest] = []  # the requests being served
        self.put_queue: list[DeskRequest] = []  # the requests waiting, first come first served
        self.queue = self.put_queue  # (SimPy's name for it)

    @property
    def count(self) -> int:
        """Requests being served."""
        return len(self.users)

    def request(self) -> DeskRequest:
        """Ask for a server; use as `with desk.request() as request: yield request`, as with SimPy."""
        return DeskRequest(self)

    def resize(self, capacity: int) -> None:
        """A new number of servers from now on; a bigger desk lets the first waiting request in now."""
        self.capacity = capacity
        self._let_in()

    def _let_in(self, _event: simpy.Event | None = None) -> None:
        """Grant the first waiting request if a server is free (an event's callback after a release)."""
        waiting = self.put_queue
        if waiting and len(self.users) < self.capacity:
            request = waiting.pop(0)
            self.users.append(request)
            request._value = None  # `request.succeed()`: triggered now, processed in turn
            self.env.schedule(request)


class DeskRequest(simpy.Event):
    """A request for a desk's server: an event triggered when a server takes it (`simpy.resources.Request`)."""

    def __init__(self, desk: Desk):  # Event.__init__ written out (this runs for every quote and incident)
        self.env, self.callbacks, self._value, self._ok = desk.env, [], PENDING, True
        self.desk = desk
        desk.put_queue.append(self)
        desk._let_in()

    def __enter__(self) -> DeskRequest:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc_value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        """Leave the queue if still waiting; release the server, unless the process is being closed (as SimPy)."""
        desk = self.desk
        if self._value is PENDING:
            desk.put_queue.remove(self)
        if exc_type is not GeneratorExit:
            if self in desk.users:
                desk.users.remove(self)
            # SimPy's release is an event of its own: the next request is let in when it is processed.
            desk.env.timeout(0).callbacks.append(desk._let_in)


def competence_gap(role: str, size: int, complex_product: bool) -> int:
    """Levels by which `role` falls short of what the segment needs (0 when it is up to it or above)."""
    gap = SEGMENT_LEVEL[size, complex_product] - ROLES.index(role)
    return gap if gap > 0 else 0  # (max(0, gap) without the cost of a builtin call: once per quote and customer)


class Organisation:
    """Head count per role as desks (one server per rep), the monthly time budget and the yearly people cost."""

    def __init__(self, env: simpy.Environment, scenario: Scenario):
        self.env = env
        o = scenario.organisation
        self.headcount = {role: scenario[f"organisation.{role}"] for role in ROLES}
        self.desks = {role: Desk(env, n) for role, n in self.headcount.items() if n > 0}
        self.service_desk = Desk(env, o.service_staff) if o.service_staff > 0 else None
        self.monthly_hours: dict[str, float] = {}
        self._set_budget(scenario)
        # Planned monthly account hours of the accounts each role serves (kept up to date on assignment and exit).
        self.planned_hours = dict.fromkeys(ROLES, 0.0)
        # This month's work the reps were asked for, by kind; the budget of next month reads it.
        self.asked = {kind: dict.fromkeys(ROLES, 0.0) for kind in ("follow_up", "escalation", "qualification")}
        self.last_asked = {kind: dict(hours) for kind, hours in self.asked.items()}  # what this month is planned on
        self.follow_up_cover = dict.fromkeys(ROLES, 1.0)  # share of follow-up orders the reps get to
        self.visit_cover = dict.fromkeys(ROLES, 1.0)  # share of planned visits made
        self.qualification_cover = dict.fromkeys(ROLES, 1.0)  # share of the asked qualification hours the reps have
        self.quote_share = dict.fromkeys(ROLES, 1.0)  # share of rep time left for quotes
        self.hours_worked = {"accounts": 0.0, "new_business": 0.0}  # rep hours spent over the run, by purpose
        self.hours_planned = {"accounts": 0.0, "new_business": 0.0}  # this month's plan, booked when it ends
        self.quote_role = {segment: self._staffed_near(level) for segment, level in SEGMENT_LEVEL.items()}

    def _set_budget(self, scenario: Scenario) -> None:
        o = scenario.organisation
        self.monthly_hours.update({role: n * o.hours_per_rep_year / 12.0 for role, n in self.headcount.items()})
        self.account_time_share = o.account_time_share
        self.rep_hours_per_day = o.hours_per_rep_year / DAYS_PER_YEAR  # per calendar day, weekends included
        self.rep_cost = sum(n * o.rep_cost_per_year * ROLE_COST_FACTOR[r] for r, n in self.headcount.items())
        self.service_cost = o.service_staff * o.service_cost_per_year

    def resize(self, scenario: Scenario) -> None:
        """New head counts from now on (a game's next round).

        Quotes in progress are finished; a role without reps takes no new requests (buyers already waiting
        leave when their patience ends). Leaving service staff finish the incidents they hold; new incidents
        then go to the reps. Who serves which customer is `run.apply_decisions`'s to redo.
        """
        self.headcount = {role: scenario[f"organisation.{role}"] for role in ROLES}
        for role, n in self.headcount.items():
            if role in self.desks:
                self.desks[role].resize(n)
            elif n > 0:
                self.desks[role] = Desk(self.env, n)
        staff = scenario["organisation.service_staff"]
        if staff == 0:
            self.service_desk = None
        elif self.service_desk is None:
            self.service_desk = Desk(self.env, staff)
        else:
            self.service_desk.resize(staff)
        self._set_budget(scenario)
        self.quote_role = {segment: self._staffed_near(level) for segment, level in SEGMENT_LEVEL.items()}

    def _staffed_near(self, level: int, has_room=lambda role: True) -> str | None:
        """The role at `level` if staffed (and with room), else the nearest lower one, else the nearest higher."""
        order = [level, *range(level - 1, -1, -1), *range(level + 1, len(ROLES))]
        for index in order:
            role = ROLES[index]
            if self.headcount[role] > 0 and has_room(role):
                return role
        return None

    def role_for(self, size: int, complex_product: bool) -> str | None:
        """The role that qualifies and quotes for a segment (None if the organisation has no reps at all)."""
        return self.quote_role[size, complex_product]

    def assign(self, size: int, complex_product: bool, planned: float) -> str:
        """Role for a new account: the matrix role if it has room, else spill to a lower one, else a higher one.

        A role has room while the accounts it serves plan fewer hours than it may give to accounts; with no
        room anywhere the account goes to whoever quotes for the segment (and that role is overloaded).
        """
        level = SEGMENT_LEVEL[size, complex_product]
        role = self._staffed_near(level, self._has_room) or self.quote_role[size, complex_product] or ROLES[level]
        self.planned_hours[role] += planned
        return role

    def _has_room(self, role: str) -> bool:
        return self.planned_hours[role] < self.monthly_hours[role] * self.account_time_share

    def release(self, role: str, planned: float) -> None:
        """An account leaves: its planned hours free up."""
        self.planned_hours[role] = max(0.0, self.planned_hours[role] - planned)

    def plan_month(self) -> None:
        """Split each role's hours for the coming month: accounts first (follow-ups, escalations, visits), then
        qualification; quotes get the rest. Last month's asks stand in for this month's."""
        self.last_asked, self.asked = self.asked, {kind: dict.fromkeys(ROLES, 0.0) for kind in self.asked}
        self.replan()

    def replan(self) -> None:
        """Plan the month under way again on the asks it was planned on, with the head counts and account hours
        in force now (a game's new round). The new plan replaces the old one: hours are booked when the month
        ends (`close_month`), so nothing counts twice."""
        visit_hours = self.planned_hours
        self.hours_planned = dict.fromkeys(self.hours_planned, 0.0)
        for role in ROLES:
            hours = self.monthly_hours[role]
            follow_up, escalation = self.last_asked["follow_up"][role], self.last_asked["escalation"][role]
            qualification = self.last_asked["qualification"][role]
            if hours <= 0:  # (its qualification cover stays 1: no lead goes to it, and reps rehired mid-month check)
                self.follow_up_cover[role] = self.visit_cover[role] = 0.0
                self.qualification_cover[role] = 1.0
                self.quote_share[role] = 1.0
                continue
            account_hours = hours * self.account_time_share
            escalated = min(escalation, hours * (1.0 - MIN_QUOTE_TIME_SHARE))  # incidents first, short of the tenth
            follow = min(follow_up, max(0.0, account_hours - escalated))
            self.follow_up_cover[role] = 1.0 if follow_up <= 0 else follow / follow_up
            visits = min(visit_hours.get(role, 0.0), max(0.0, account_hours - escalated - follow))
            need = visit_hours.get(role, 0.0)
            self.visit_cover[role] = 1.0 if need <= 0 else visits / need
            # Qualification gets what accounts leave, short of the tenth kept for quotes; asked for more, the reps
            # check fewer criteria (the funnel reads the cover), so qualification never takes hours that are not
            # there; quotes proceed at the pace of what is left (`quote_days`).
            left = max(0.0, hours * (1.0 - MIN_QUOTE_TIME_SHARE) - escalated - follow - visits)
            qualified = min(qualification, left)
            self.qualification_cover[role] = 1.0 if qualification <= 0 else qualified / qualification
            self.quote_share[role] = max(MIN_QUOTE_TIME_SHARE, 1.0 - (escalated + follow + visits + qualified) / hours)
            self.hours_planned["accounts"] += escalated + follow + visits
            self.hours_planned["new_business"] += qualified

    def close_month(self) -> None:
        """Book the month's planned account and qualification hours as worked (quote hours are booked per quote)."""
        for purpose, hours in self.hours_planned.items():
            self.hours_worked[purpose] += hours

    def quote_days(self, role: str, work: float) -> float:
        """Calendar days a rep of `role` takes for `work` days (of HOURS_PER_WORKDAY) of quote work this month.

        A rep has `rep_hours_per_day` working hours per calendar day and gives the quote share of them to quotes,
        so a desk busy all month does exactly the quote hours the plan left the role."""
        return work * HOURS_PER_WORKDAY / (self.rep_hours_per_day * self.quote_share[role])

    def ask(self, kind: str, role: str, hours: float) -> None:
        """Record work asked of a role's reps this month (follow-up, escalation or qualification)."""
        self.asked[kind][role] += hours
