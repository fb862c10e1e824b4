"""Exercises for lessons 01 (relationship cycle), 06 (roles), 07 (lead nurturing) and 08 (stress testing).

The two simulation questions compare two seeded runs of one preset that
differ in one setting (common random numbers), with the student's own seed
and run length; the expected answer is computed by running the model at
check time, so it follows the model when the model changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..presets import preset
from . import answers
from .base import Exercise, Mistake, NumberAnswer, Solution, Text
from .calculations import EXERCISES as CALCULATIONS
from .classify import Term, classification

T = Text

CYCLE_PHASE = classification(
    id="cycle-phase", concept="accounts",
    title=T("The customer relationship cycle", "De klantrelatiecyclus"),
    prompt=T("In which phase of the customer relationship cycle is this organisation?",
             "In welke fase van de klantrelatiecyclus zit deze organisatie?"),
    terms=(
        Term("potential", T("potential customer", "potentiële klant"), T(
            "has not bought yet; winning them is new business development.",
            "heeft nog niet gekocht; hen winnen is new business development.")),
        Term("new_customer", T("new customer", "nieuwe klant"), T(
            "has made a first purchase; account management starts.", "heeft een eerste aankoop gedaan; "
                                                                    "accountmanagement begint.")),
        Term("loyal", T("loyal customer", "loyale klant"), T(
            "keeps coming back, order after order.", "komt steeds terug, order na order.")),
        Term("ex", T("ex-customer", "ex-klant"), T(
            "the relationship has ended, by either side; win-back is possible.",
            "de relatie is beëindigd, door een van beide kanten; terugwinnen is mogelijk.")),
    ),
    cases=(
        ("ex", T("After a year of late deliveries, the school board moved its contract to a competitor.",
                 "Na een jaar late leveringen bracht het schoolbestuur zijn contract onder bij een concurrent.")),
        ("potential", T("A hospital downloaded our white paper and asked for a demo.",
                        "Een ziekenhuis downloadde onze whitepaper en vroeg om een demo.")),
        ("loyal", T("The municipality has renewed its service contract with us for the sixth year running.",
                    "De gemeente verlengt haar servicecontract met ons voor het zesde jaar op rij.")),
        ("new_customer", T("Last week a logistics firm signed its first order with us.",
                  "Vorige week tekende een logistiek bedrijf zijn eerste order bij ons.")),
    ),
    lesson="01_customer_relationship_cycle", docs_section="3.3.3",
)

SALES_ROLES = classification(
    id="sales-roles", concept="organisation",
    title=T("Which sales role fits the customer?", "Welke salesrol past bij de klant?"),
    prompt=T("Customer size × product complexity: which role should serve this customer?",
             "Klantgrootte × productcomplexiteit: welke rol bedient deze klant het best?"),
    terms=(
        Term("inside_sales", T("inside sales", "sales binnendienst"), T(
            "small customers and simple products: short process, many short contacts, a DMU of one.",
            "kleine klanten en eenvoudige producten: kort proces, veel korte contacten, een DMU van één persoon.")),
        Term("account_manager", T("account manager (mid-size)", "accountmanager (middelgroot)"), T(
            "mid-size customers and products of some complexity: visits by appointment, a few decision makers.",
            "middelgrote klanten en producten van enige complexiteit: bezoeken op afspraak, enkele beslissers.")),
        Term("key_account_manager", T("key account manager", "key accountmanager"), T(
            "large customers and complex products: phased selling, long process, a DMU of several people and "
            "a PSU on our side.",
            "grote klanten en complexe producten: gefaseerd verkopen, lang proces, een DMU van meerdere personen "
            "en een PSU aan onze kant.")),
    ),
    cases=(
        ("key_account_manager", T("A national bank wants a complete network, with a purchasing committee of seven.",
                                  "Een landelijke bank wil een compleet netwerk, met een inkoopcommissie van zeven.")),
        ("inside_sales", T("A small accounting office reorders toner and paper every month.",
                           "Een klein administratiekantoor bestelt elke maand toner en papier bij.")),
        ("account_manager", T("A regional wholesaler with 80 staff wants its laptops leased and serviced.",
                              "Een regionale groothandel met 80 medewerkers wil zijn laptops leasen en laten "
                              "onderhouden.")),
    ),
    lesson="06_sales_roles_and_capacity", docs_section="3.3.6",
)


def _pair_difference(inputs: Mapping[str, Any], kpi: str, relative: bool) -> dict[str, float]:
    """KPI of the changed run minus the base run (in % of the base when `relative`), on one seed."""
    base = preset(inputs["preset"]).replace({"run.years": inputs["years"], **inputs["base"]})
    changed = base.replace(inputs["change"])
    before, after = answers.run_kpis(base, inputs["seed"])[kpi], answers.run_kpis(changed, inputs["seed"])[kpi]
    difference = after - before
    return {"before": before, "after": after, "difference": difference,
            "percent": 100 * difference / before if before else float("nan"),
            "percent_of_after": 100 * difference / after if after else float("nan"),
            "answer": 100 * difference / before if relative else difference}


def _solve_nurturing(inputs: Mapping[str, Any]) -> Solution:
    values = _pair_difference(inputs, "new_customers", relative=False)
    return Solution(values["answer"], values)


SEED_AND_YEARS = {"seed": 0, "years": 2}


def _vary_seed(rng: Any) -> dict[str, int]:
    return {"seed": rng.randrange(1000), "years": rng.choice((1, 2, 3))}


LEAD_NURTURING = Exercise(
    id="lead-nurturing", concept="market",
    title=T("What does lead nurturing bring?", "Wat levert lead nurturing op?"),
    question=T(
        "Run preset('{preset}') for {years} year(s) with seed {seed}, once with lead nurturing off "
        "('market.lead_nurturing': False) and once on (True). How many more new customers ('new_customers') does "
        "the run with nurturing win? (Fewer: a negative number.)",
        "Draai preset('{preset}') {years} jaar met seed {seed}, één keer zonder lead nurturing "
        "('market.lead_nurturing': False) en één keer met (True). Hoeveel nieuwe klanten ('new_customers') wint "
        "de run met nurturing méér? (Minder: een negatief getal.)"),
    kind=NumberAnswer(T("customers", "klanten"), "12", tolerance=0.5, near=2),
    solve=_solve_nurturing,
    explanation=T(
        "Right: {after:.0f} new customers with nurturing against {before:.0f} without, on the same seed. Nurturing "
        "sends relevant content to leads that dropped out, and brings some of them back into the funnel.",
        "Goed: {after:.0f} nieuwe klanten met nurturing tegen {before:.0f} zonder, op dezelfde seed. Nurturing "
        "stuurt relevante content naar afgehaakte leads, en brengt een deel terug in de trechter."),
    docs_section="3.3.1", lesson="07_marketing_sales_alignment",
    inputs={"preset": "baseline", **SEED_AND_YEARS, "base": {"market.lead_nurturing": False},
            "change": {"market.lead_nurturing": True}},
    mistakes=(
        Mistake(lambda v: -v["difference"], T(
            "You subtracted the wrong way round: the run with nurturing minus the run without.",
            "Je trok andersom af: de run met nurturing min de run zonder.")),
        Mistake(lambda v: v["after"], T(
            "That is the number of new customers with nurturing; the question asks for the difference with the "
            "run without.", "Dat is het aantal nieuwe klanten met nurturing; de vraag is het verschil met de run "
                            "zonder."),
            name=T("New customers with nurturing, not the difference",
                   "Nieuwe klanten met nurturing, niet het verschil")),
    ),
    vary=_vary_seed,
    method=T(
        "base = preset('{preset}').replace({{'run.years': {years}, 'market.lead_nurturing': False}}); "
        "with_nurturing = base.replace({{'market.lead_nurturing': True}}); then subtract "
        "simulate(base, seed={seed}).kpis['new_customers'] from the same KPI of with_nurturing.",
        "base = preset('{preset}').replace({{'run.years': {years}, 'market.lead_nurturing': False}}); "
        "met_nurturing = base.replace({{'market.lead_nurturing': True}}); trek daarna "
        "simulate(base, seed={seed}).kpis['new_customers'] af van dezelfde KPI van met_nurturing."),
    simulated=True,
)


def _solve_stress(inputs: Mapping[str, Any]) -> Solution:
    values = _pair_difference(inputs, "revenue", relative=True)
    return Solution(values["answer"], values)


STRESS_TEST = Exercise(
    id="stress-test-revenue", concept="market",
    title=T("Stress test: a tougher competitor", "Stresstest: een fellere concurrent"),
    question=T(
        "Stress-test preset('{preset}'): run it for {years} year(s) with seed {seed} as it is, and once with "
        "'market.competitor_intensity' set to {intensity}. By how many percent does the revenue change "
        "(stressed minus base, as % of the base)?",
        "Stresstest preset('{preset}'): draai het {years} jaar met seed {seed} zoals het is, en één keer met "
        "'market.competitor_intensity' op {intensity}. Met hoeveel procent verandert de omzet (gestrest min "
        "basis, als % van de basis)?"),
    kind=NumberAnswer(T("%", "%"), "-8.5", tolerance=0.25, near=1),
    solve=_solve_stress,
    explanation=T(
        "Right: the revenue goes from € {before:,.0f} to € {after:,.0f}, {percent:+.1f} %. A strategy that holds "
        "up only in the base case is a bet, not a plan.",
        "Goed: de omzet gaat van € {before:,.0f} naar € {after:,.0f}, {percent:+.1f} %. Een strategie die alleen "
        "in het basisgeval overeind blijft, is een gok en geen plan."),
    docs_section="3.3.1", lesson="08_stress_test_strategy",
    inputs={"preset": "baseline", **SEED_AND_YEARS, "intensity": 2.0, "base": {},
            "change": {"market.competitor_intensity": 2.0}},
    mistakes=(
        Mistake(lambda v: -v["percent"], T(
            "Check the sign: a fall in revenue is a negative change (stressed minus base).",
            "Let op het teken: een daling van de omzet is een negatieve verandering (gestrest min basis)."),
            name=T("Wrong sign: a fall in revenue is negative", "Verkeerd teken: een daling van de omzet is negatief")),
        Mistake(lambda v: v["percent_of_after"], T(
            "You divided by the stressed revenue; a change is a percentage of the base (the run before the stress).",
            "Je deelde door de gestreste omzet; een verandering is een percentage van de basis (de run vóór de "
            "stress)."), tolerance=0.05,
            name=T("You divided by the stressed revenue, not by the base",
                   "Je deelde door de gestreste omzet, niet door de basis")),
        Mistake(lambda v: v["percent"] / 100, T(
            "You gave a fraction; the question asks for a percentage.", "Je gaf een fractie; de vraag is in "
                                                                        "procenten."), tolerance=0.0025),
    ),
    vary=lambda rng: (lambda intensity: {**_vary_seed(rng), "intensity": intensity,
                                         "change": {"market.competitor_intensity": intensity}})(
        rng.choice((1.5, 2.0, 2.5, 3.0))),
    method=T(
        "base = preset('{preset}').replace({{'run.years': {years}}}); stressed = base.replace("
        "{{'market.competitor_intensity': {intensity!r}}}); r0, r1 = the 'revenue' KPI of both runs with seed {seed}; "
        "the answer is 100 × (r1 − r0) / r0.",
        "base = preset('{preset}').replace({{'run.years': {years}}}); gestrest = base.replace("
        "{{'market.competitor_intensity': {intensity!r}}}); r0, r1 = de KPI 'revenue' van beide runs met seed {seed}; "
        "het antwoord is 100 × (r1 − r0) / r0."),
    simulated=True,
)

EXERCISES = (CYCLE_PHASE, SALES_ROLES, LEAD_NURTURING, STRESS_TEST, *CALCULATIONS)
