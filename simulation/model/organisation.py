"""Sales roles and capacity: who serves which segment, and at what cost.

Roles sit in the matrix of customer size × product complexity (DOMAIN.md §4):
inside sales for small customers and simple products up to key account
managers for large customers and complex products. Each role's reps are a
SimPy resource for quote work; the share of their hours reserved for account
management sets how many of the planned visits actually happen (coverage).
"""

from __future__ import annotations

import simpy

from ..parameters import ROLES
from ..scenario import Scenario

# (size index, complex) → role. Sizes: 0 small, 1 medium, 2 large.
SEGMENT_ROLE = {
    (0, False): "inside_sales",
    (0, True): "junior_account_managers",
    (1, False): "junior_account_managers",
    (1, True): "account_managers",
    (2, False): "senior_account_managers",
    (2, True): "key_account_managers",
}

# Employer cost relative to the average rep: seniority costs more.
ROLE_COST_FACTOR = {
    "inside_sales": 0.6,
    "junior_account_managers": 0.8,
    "account_managers": 1.0,
    "senior_account_managers": 1.2,
    "key_account_managers": 1.4,
}


class Organisation:
    """Head count per role as SimPy resources, plus the yearly people cost."""

    def __init__(self, env: simpy.Environment, scenario: Scenario):
        o = scenario.organisation
        self.headcount = {role: scenario[f"organisation.{role}"] for role in ROLES}
        self.desks = {role: simpy.Resource(env, capacity=n) for role, n in self.headcount.items() if n > 0}
        self.service_desk = simpy.Resource(env, capacity=o.service_staff)
        self.account_hours = {
            role: n * o.hours_per_rep_year * o.account_time_share for role, n in self.headcount.items()
        }
        self.coverage = dict.fromkeys(ROLES, 1.0)
        self.rep_cost = sum(n * o.rep_cost_per_year * ROLE_COST_FACTOR[r] for r, n in self.headcount.items())
        self.service_cost = o.service_staff * o.service_cost_per_year
        self.account_time_share = o.account_time_share
        self.quote_role = {segment: self._nearest_staffed(role) for segment, role in SEGMENT_ROLE.items()}
        # Accounts keep a role even when nobody holds it (their visits then get no coverage).
        self.account_role = {segment: self.quote_role[segment] or role for segment, role in SEGMENT_ROLE.items()}

    def _nearest_staffed(self, role: str) -> str | None:
        """The role itself if it has reps, else the nearest role that has (the more senior on a tie)."""
        wanted = ROLES.index(role)
        for index in sorted(range(len(ROLES)), key=lambda i: (abs(i - wanted), -i)):
            if ROLES[index] in self.desks:
                return ROLES[index]
        return None

    def role_for(self, size: int, complex_product: bool) -> str | None:
        """The role that quotes for a segment (None if the organisation has no reps at all)."""
        return self.quote_role[size, complex_product]

    def update_coverage(self, needed_hours: dict[str, float]) -> None:
        """Share of the planned account work each role can do this year."""
        for role in ROLES:
            need = needed_hours.get(role, 0.0)
            self.coverage[role] = 1.0 if need <= 0 else min(1.0, self.account_hours[role] / need)
