"""Sales methods as situations, not bonuses (DOMAIN.md §3, §11.11).

Each method helps where the course material says it helps and can hurt
elsewhere: transactional selling suits small, simple deals (a complex
product sold without advice wins less often and leaves a customer who gets
less out of it, a lasting lower grade); consultative
methods (solution, SPIN, Theory of Constraints) suit complex ones;
Challenger and strategic selling suit large accounts with a DMU of several
people. Professional purchasers at large companies know SPIN, so it loses
its edge there. Consultative methods take more rep hours and a longer cycle.
`mix` is the course's advice: each role uses the method that suits its
segment.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SalesMethod:
    """Win-chance multipliers by situation, and what the method costs in time."""

    simple: float  # win × this for a simple product
    complex: float  # win × this for a complex product
    large_buyer: float  # and × this for a large company's professional buyers
    cycle: float  # qualification and decision take this many times as long
    hours: float  # rep hours for qualification and quotes × this
    complex_advice: float = 0.0  # grade points a customer of a complex product gives for how it was sold: sold
    # without advice (transaction focus, sales 1.0) it gets less out of the product for as long as it stays


SALES_METHODS: dict[str, SalesMethod] = {
    "transactional": SalesMethod(simple=1.15, complex=0.5, large_buyer=0.7, cycle=0.8, hours=0.8,
                                 complex_advice=-0.75),
    "spin": SalesMethod(simple=0.95, complex=1.10, large_buyer=0.90, cycle=1.0, hours=1.1),
    "solution": SalesMethod(simple=0.95, complex=1.10, large_buyer=1.00, cycle=1.1, hours=1.2),
    "challenger": SalesMethod(simple=0.85, complex=1.10, large_buyer=1.15, cycle=0.95, hours=1.15),
    "customer_centric": SalesMethod(simple=1.00, complex=1.05, large_buyer=1.05, cycle=1.05, hours=1.1),
    "strategic": SalesMethod(simple=0.80, complex=1.10, large_buyer=1.20, cycle=1.25, hours=1.4),
    "theory_of_constraints": SalesMethod(simple=0.95, complex=1.10, large_buyer=1.00, cycle=0.9, hours=1.1),
}

# The mix the course advises: each role sells the way its segment buys.
MIX = {
    "inside_sales": "transactional",
    "junior_account_managers": "customer_centric",
    "account_managers": "solution",
    "senior_account_managers": "challenger",
    "key_account_managers": "strategic",
}


def method_for(choice: str, role: str) -> SalesMethod:
    """The method a rep of `role` uses under the scenario's choice."""
    return SALES_METHODS[MIX[role] if choice == "mix" else choice]


def win_factor(method: SalesMethod, size: int, complex_product: bool) -> float:
    """Win-chance multiplier of `method` for a deal of this size (2 = large) and complexity."""
    factor = method.complex if complex_product else method.simple
    return factor * method.large_buyer if size == 2 else factor
