"""Small hand calculations on course concepts: the complaint goal, Porter's margin, a team's visit capacity.

The inputs are drawn per student; the answers use the kit's own defaults
where the model has the number (hours per rep per year), so the exercise and
the model agree.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from typing import Any

from ..parameters import SPECS
from .base import Exercise, Mistake, NumberAnswer, Solution, Text
from .classify import COURSE_LESSON

T = Text
PERCENT = NumberAnswer(T("%", "%"), "85", tolerance=0.5)
EURO = NumberAnswer(T("euro", "euro"), "125000", tolerance=500, grouped=True)


def _vary_complaints(rng: random.Random) -> dict[str, int]:
    total = rng.randrange(40, 161, 10)
    return {"complaints": total, "within": round(total * rng.uniform(0.70, 0.98))}


def _solve_complaints(inputs: Mapping[str, Any]) -> Solution:
    share = 100 * inputs["within"] / inputs["complaints"]
    return Solution(share, {"share": share, "met": share >= 90, "late": inputs["complaints"] - inputs["within"]})


COMPLAINT_GOAL = Exercise(
    id="complaint-goal", concept="accounts",
    title=T("The complaint goal: 90 % within 24 hours", "Het klachtendoel: 90 % binnen 24 uur"),
    question=T(
        "Complaint handling has a measurable goal: 90 % of complaints handled within 24 hours. Last quarter "
        "{complaints} complaints came in; {within} of them were handled within 24 hours. What share of the "
        "complaints was handled in time (in %)? Is the goal met?",
        "Klachtenafhandeling heeft een meetbaar doel: 90 % van de klachten binnen 24 uur afgehandeld. Vorig "
        "kwartaal kwamen er {complaints} klachten binnen; {within} daarvan zijn binnen 24 uur afgehandeld. Welk "
        "deel van de klachten is op tijd afgehandeld (in %)? Is het doel gehaald?"),
    kind=PERCENT, solve=_solve_complaints,
    explanation=T("Right: {within} ÷ {complaints} × 100 = {share:.1f} %, against a goal of 90 %.",
                  "Goed: {within} ÷ {complaints} × 100 = {share:.1f} %, tegen een doel van 90 %."),
    docs_section="3.3.3", lesson=COURSE_LESSON,
    inputs={"complaints": 80, "within": 68},
    mistakes=(
        Mistake(lambda v: 100 - v["share"], T(
            "That is the share handled late. The goal counts the complaints handled within 24 hours.",
            "Dat is het deel dat te laat is afgehandeld. Het doel telt de klachten die binnen 24 uur zijn "
            "afgehandeld.")),
        Mistake(lambda v: v["share"] / 100, T(
            "You gave a fraction; the question asks for a percentage.",
            "Je gaf een fractie; de vraag is in procenten."), tolerance=0.005),
        Mistake(lambda v: v["late"], T(
            "That is a number of complaints, not a share: divide by all complaints and multiply by 100.",
            "Dat is een aantal klachten, geen aandeel: deel door alle klachten en vermenigvuldig met 100."),
            name=T("A number of complaints, not a share", "Een aantal klachten, geen aandeel")),
    ),
    vary=_vary_complaints,
)

PRIMARY = ("inbound_logistics", "operations", "outbound_logistics", "marketing_sales", "service")
SUPPORT = ("infrastructure", "hrm", "technology", "procurement")
ACTIVITY_NAMES = {
    "inbound_logistics": T("inbound logistics", "inkomende logistiek"),
    "operations": T("operations", "operationele activiteiten"),
    "outbound_logistics": T("outbound logistics", "uitgaande logistiek"),
    "marketing_sales": T("marketing & sales", "marketing & sales"),
    "service": T("service", "service"),
    "infrastructure": T("infrastructure", "infrastructuur"),
    "hrm": T("HRM", "HRM"), "technology": T("technology development", "technologieontwikkeling"),
    "procurement": T("procurement", "inkoop"),
}


def _cost_text(costs: Mapping[str, int], names: tuple[str, ...], language: str) -> str:
    return "; ".join(T("{name} € {cost:,.0f}", "{name} € {cost:,.0f}")(language, name=ACTIVITY_NAMES[n](language),
                                                                         cost=costs[n]) for n in names)


def _margin_inputs(revenue: int, costs: Mapping[str, int]) -> dict[str, Any]:
    return {"revenue": revenue, "costs": dict(costs),
            **{f"{group}_{language}": _cost_text(costs, names, language)
               for group, names in (("primary", PRIMARY), ("support", SUPPORT)) for language in ("en", "nl")}}


def _vary_margin(rng: random.Random) -> dict[str, Any]:
    costs = {name: 10_000 * rng.randrange(5, 40) for name in PRIMARY + SUPPORT}
    return _margin_inputs(sum(costs.values()) + 10_000 * rng.randrange(-10, 60), costs)


def _solve_margin(inputs: Mapping[str, Any]) -> Solution:
    costs = inputs["costs"]
    primary, support = sum(costs[n] for n in PRIMARY), sum(costs[n] for n in SUPPORT)
    margin = inputs["revenue"] - primary - support
    return Solution(margin, {"margin": margin, "primary": primary, "support": support})


PORTER_MARGIN = Exercise(
    id="porter-margin", concept="economics",
    title=T("Porter's value chain: the margin", "Porters waardeketen: de marge"),
    question=T(
        "A supplier's revenue last year was € {revenue:,.0f}. Costs of the primary activities: {primary_en}. "
        "Costs of the support activities: {support_en}. What is the margin in Porter's value chain, in euro?",
        "De omzet van een leverancier was vorig jaar € {revenue:,.0f}. Kosten van de primaire activiteiten: "
        "{primary_nl}. Kosten van de ondersteunende activiteiten: {support_nl}. Wat is de marge in de "
        "waardeketen van Porter, in euro?"),
    kind=EURO, solve=_solve_margin,
    explanation=T("Right: margin = revenue − cost of all primary and support activities = € {margin:,.0f}.",
                  "Goed: marge = omzet − kosten van alle primaire en ondersteunende activiteiten = € {margin:,.0f}."),
    docs_section="", lesson=COURSE_LESSON,
    inputs=_margin_inputs(2_400_000, {"inbound_logistics": 150_000, "operations": 600_000,
                                      "outbound_logistics": 120_000, "marketing_sales": 380_000, "service": 210_000,
                                      "infrastructure": 160_000, "hrm": 90_000, "technology": 250_000,
                                      "procurement": 70_000}),
    mistakes=(
        Mistake(lambda v: v["revenue"] - v["primary"], T(
            "You left out the support activities. The margin subtracts the cost of all activities, primary and "
            "support.",
            "Je liet de ondersteunende activiteiten weg. De marge trekt de kosten van alle activiteiten af, "
            "primair en ondersteunend.")),
        Mistake(lambda v: v["revenue"] - v["support"], T(
            "You left out the primary activities (logistics, operations, marketing & sales, service).",
            "Je liet de primaire activiteiten weg (logistiek, operationele activiteiten, marketing & sales, "
            "service)."), name=T("You left out the primary activities", "Je liet de primaire activiteiten weg")),
        Mistake(lambda v: v["primary"] + v["support"], T(
            "That is the total cost. The margin is what is left of the revenue after those costs.",
            "Dat zijn de totale kosten. De marge is wat er van de omzet overblijft na die kosten.")),
    ),
    vary=_vary_margin,
)


def _vary_capacity(rng: random.Random) -> dict[str, Any]:
    return {"reps": rng.randrange(3, 13), "share": rng.choice((0.3, 0.4, 0.5, 0.6)), "visit_hours": rng.choice((2, 3, 4, 6))}


def _solve_capacity(inputs: Mapping[str, Any]) -> Solution:
    hours = inputs["reps"] * inputs["hours_per_rep"] * inputs["share"]
    visits = math.floor(hours / inputs["visit_hours"] + 1e-9)
    return Solution(visits, {"visits": visits, "account_hours": hours})


VISIT_CAPACITY = Exercise(
    id="visit-capacity", concept="organisation",
    title=T("Roles and capacity: how many visits?", "Rollen en capaciteit: hoeveel bezoeken?"),
    question=T(
        "An account team has {reps} account managers, each working {hours_per_rep:,.0f} hours a year. They spend "
        "{share:.0%} of their time on existing accounts; a visit (with travel and report) takes {visit_hours} hours. "
        "How many account visits can the team make in a year (whole visits)?",
        "Een accountteam heeft {reps} accountmanagers die elk {hours_per_rep:,.0f} uur per jaar werken. Ze besteden "
        "{share:.0%} van hun tijd aan bestaande klanten; een bezoek (met reistijd en verslag) kost {visit_hours} uur. "
        "Hoeveel accountbezoeken kan het team per jaar afleggen (hele bezoeken)?"),
    kind=NumberAnswer(T("visits", "bezoeken"), "500", tolerance=0.5, near=5),
    solve=_solve_capacity,
    explanation=T("Right: {reps} × {hours_per_rep:,.0f} h × {share:.0%} = {account_hours:,.0f} h for accounts, ÷ "
                  "{visit_hours} h = {visits:,} visits.",
                  "Goed: {reps} × {hours_per_rep:,.0f} uur × {share:.0%} = {account_hours:,.0f} uur voor klanten, ÷ "
                  "{visit_hours} uur = {visits:,} bezoeken."),
    docs_section="3.3.6", lesson="06_sales_roles_and_capacity",
    inputs={"reps": 6, "share": 0.5, "visit_hours": 4, "hours_per_rep": SPECS["organisation.hours_per_rep_year"].default},
    mistakes=(
        Mistake(lambda v: v["reps"] * v["hours_per_rep"] / v["visit_hours"], T(
            "You used all working hours. Only the share spent on existing accounts is available for visits.",
            "Je gebruikte alle werkuren. Alleen het deel dat naar bestaande klanten gaat, is beschikbaar voor "
            "bezoeken."), tolerance=1),
        Mistake(lambda v: v["hours_per_rep"] * v["share"] / v["visit_hours"], T(
            "That is what one account manager can do; the question asks for the whole team.",
            "Dat is wat één accountmanager kan; de vraag gaat over het hele team."), tolerance=1),
        Mistake(lambda v: v["reps"] * v["hours_per_rep"] * v["share"], T(
            "That is a number of hours. Divide by the hours one visit takes.",
            "Dat is een aantal uren. Deel door de uren die één bezoek kost.")),
    ),
    vary=_vary_capacity,
)

EXERCISES = (COMPLAINT_GOAL, PORTER_MARGIN, VISIT_CAPACITY)
