"""Exercises answered by the model: expectations, churn, value disciplines, and building a scenario.

Satisfaction is performance compared with expectation (DOMAIN.md §5); a grade
of 6 costs about a fifth of the customers a year (§5, Popping); excel in one
value discipline and avoid being stuck in the middle (§7). The answers come
from the model's satisfaction rules and from seeded simulations on common
random numbers, so every strategy meets the same customers and the same luck.
One question is not simulated: recognising a discipline in the course's own
examples (Hilton, Action, Unilever; §11.18), with the presets' names as its
options, so that a student names a discipline the same way in both questions.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from ..presets import preset
from ..scenario import Scenario
from . import answers
from .base import ChoiceAnswer, Exercise, Mistake, NumberAnswer, Option, Solution, Text
from .classify import Term, classification

SATISFACTION_DOCS = "3.3.4"
EXPECTATION_LESSON = "03_expectation_management"


def _solve_direction(inputs: Mapping[str, Any]) -> Solution:
    new_grade = answers.grade_after_delivery(inputs["grade"], inputs["promised"], inputs["actual"])
    change = new_grade - inputs["grade"]
    direction = "up" if change > 1e-9 else "down" if change < -1e-9 else "unchanged"
    return Solution(direction, {"new_grade": new_grade,
                                "weight": 100 * Scenario()["satisfaction.experience_weight"]})


def _vary_delivery(rng: random.Random) -> dict[str, int]:
    """A wish shorter than the promise; the delivery early, on time or late against the promise."""
    wish = rng.randrange(5, 15)
    promised = wish + rng.randrange(3, 10)
    return {"grade": rng.choice((6, 7, 8)), "wish": wish, "promised": promised,
            "actual": promised + rng.choice((-3, -2, -1, 0, 1, 2, 3))}


EXPECTATION_PROMISE = Exercise(
    id="expectation-promise",
    concept="satisfaction",
    title=Text("Expectation management: up or down?", "Verwachtingsmanagement: omhoog of omlaag?"),
    question=Text(
        "A customer gives the supplier a {grade}. They wished for delivery within {wish} days. The rep knows the "
        "real lead time and promises {promised} days; the delivery arrives after {actual} days. Does the "
        "customer's grade go up, go down, or stay unchanged after this delivery?",
        "Een klant geeft de leverancier een {grade}. Hij wenste levering binnen {wish} dagen. De verkoper kent "
        "de echte levertijd en belooft {promised} dagen; de levering komt na {actual} dagen. Gaat het cijfer "
        "van de klant na deze levering omhoog, omlaag, of blijft het gelijk?"),
    kind=ChoiceAnswer((Option("up", Text("up", "omhoog")), Option("down", Text("down", "omlaag")),
                       Option("unchanged", Text("unchanged", "gelijk")))),
    solve=_solve_direction,
    explanation=Text(
        "Right: in the model the grade moves from {grade} to {new_grade:.2f}. Satisfaction is performance "
        "compared with expectation, and the promise sets the expectation: {actual} days against {promised} "
        "promised. Say what you do, and do what you say.",
        "Goed: in het model gaat het cijfer van {grade} naar {new_grade:.2f}. Tevredenheid is prestatie "
        "vergeleken met verwachting, en de belofte bepaalt de verwachting: {actual} dagen tegen {promised} "
        "beloofd. Zeg wat je doet, en doe wat je zegt."),
    docs_section=SATISFACTION_DOCS,
    lesson=EXPECTATION_LESSON,
    inputs={"grade": 7, "wish": 10, "promised": 15, "actual": 14},
    vary=_vary_delivery,
    mistakes=(
        Mistake("down", Text(
            "Did you compare the delivery with the customer's first wish ({wish} days)? Once a promise is made, "
            "the promise is the expectation: compare the delivery with the promise.",
            "Vergeleek je de levering met de eerste wens van de klant ({wish} dagen)? Zodra er een belofte is, is "
            "de belofte de verwachting: vergelijk de levering met de belofte."),
            name=Text("You compared with the first wish, not with the promise",
                      "Je vergeleek met de eerste wens, niet met de belofte")),
        Mistake("unchanged", Text(
            "Every experience moves the grade part of the way towards the score of that experience; compare the "
            "score of this delivery (against the promise) with the grade the customer gives now.",
            "Elke ervaring trekt het cijfer een deel van de weg naar de score van die ervaring; vergelijk de score "
            "van deze levering (tegen de belofte) met het cijfer dat de klant nu geeft."),
            name=Text("You thought the grade stays the same", "Je dacht dat het cijfer gelijk blijft")),
        Mistake("up", Text(
            "A delivery only lifts the grade when it scores better than the grade the customer gives now; compare "
            "the delivery with the promise, and the score of that experience with the current grade.",
            "Een levering tilt het cijfer alleen op als ze beter scoort dan het cijfer dat de klant nu geeft; "
            "vergelijk de levering met de belofte, en de score van die ervaring met het huidige cijfer."),
            name=Text("You thought the grade goes up", "Je dacht dat het cijfer stijgt")),
    ),
)

POLICY_LABELS = {
    "customer_wish": Text("promise what the customer wishes (over-promising)", "beloven wat de klant wil (overbeloven)"),
    "honest": Text("an honest estimate", "een eerlijke inschatting"),
    "honest_buffer": Text("an honest estimate plus a buffer", "een eerlijke inschatting plus een buffer"),
    "no_promise": Text("no promise at all", "helemaal geen belofte"),
}


def _solve_policy(inputs: Mapping[str, Any]) -> Solution:
    base, seeds = preset(inputs["preset"]).replace({"run.years": inputs["years"]}), (inputs["seed"],)
    scenarios = {policy: base.replace({"funnel.promise_policy": policy}) for policy in POLICY_LABELS}
    best, ends = answers.best_of(scenarios, "customers_end", seeds)
    _, new = answers.best_of(scenarios, "new_customers", seeds)
    values = {f"end_{policy}": end for policy, end in ends.items()}
    values.update({f"new_{policy}": count for policy, count in new.items()})
    return Solution(best, {**values, "end_best": ends[best], "new_best": new[best]})


PROMISE_POLICY = Exercise(
    id="promise-policy-retention",
    concept="funnel",
    title=Text("Which promise policy keeps the most customers?", "Welk beloftebeleid houdt de meeste klanten?"),
    question=Text(
        "Run the '{preset}' company for {years} years with each of the four promise policies "
        "('funnel.promise_policy') on the same random numbers (seed {seed}). Which policy has the most customers "
        "at the end?",
        "Laat het bedrijf '{preset}' {years} jaar draaien met elk van de vier beloftebeleiden "
        "('funnel.promise_policy') op dezelfde toevalsgetallen (seed {seed}). Welk beleid heeft aan het eind de "
        "meeste klanten?"),
    kind=ChoiceAnswer(tuple(Option(key, label) for key, label in POLICY_LABELS.items())),
    solve=_solve_policy,
    explanation=Text(
        "Right: '{correct_label}' ends with {end_best:.0f} customers. Customer wish {end_customer_wish:.0f}, honest "
        "{end_honest:.0f}, honest + buffer {end_honest_buffer:.0f}, no promise {end_no_promise:.0f}: the same "
        "leads and the same luck, only the promises differ.",
        "Goed: '{correct_label}' eindigt met {end_best:.0f} klanten. Klantwens {end_customer_wish:.0f}, eerlijk "
        "{end_honest:.0f}, eerlijk + buffer {end_honest_buffer:.0f}, geen belofte {end_no_promise:.0f}: dezelfde "
        "leads en hetzelfde toeval, alleen de beloftes verschillen."),
    docs_section="3.3.2",
    lesson=EXPECTATION_LESSON,
    inputs={"preset": "baseline", "seed": 0, "years": 3},
    mistakes=(
        Mistake("customer_wish", Text(
            "Over-promising wins new customers, but deliveries later than promised disappoint, and disappointed "
            "customers leave (churn). Compare the customers at the end, not the new ones.",
            "Overbeloven wint nieuwe klanten, maar leveringen later dan beloofd stellen teleur, en teleurgestelde "
            "klanten vertrekken (klantverloop). Vergelijk de klanten aan het eind, niet de nieuwe."),
            name=Text("You chose over-promising: counted new customers, not churn",
                      "Je koos overbeloven: telde nieuwe klanten, niet het klantverloop")),
        Mistake("no_promise", Text(
            "Without a promise the customer sets an expectation of their own, and you do not manage it. Expectation "
            "management means giving the information yourself.",
            "Zonder belofte vormt de klant zelf een verwachting, en die stuur je niet. Verwachtingsmanagement "
            "betekent zelf de informatie geven."),
            name=Text("You chose no promise: the customer's own expectation is not managed",
                      "Je koos geen belofte: de eigen verwachting van de klant wordt niet gestuurd")),
    ),
    other_hint=Text(
        "'{your_label}' is not the policy with the most customers at the end. Run all four on the same seed and "
        "compare 'customers_end'; remember that a disappointment weighs more than a pleasant surprise.",
        "'{your_label}' is niet het beleid met de meeste klanten aan het eind. Draai alle vier op dezelfde seed en "
        "vergelijk 'customers_end'; een teleurstelling weegt zwaarder dan een meevaller."),
    vary=lambda rng: {"seed": rng.randrange(1000), "years": rng.choice((2, 3))},
    method=Text(
        "for each policy p: simulate(preset('{preset}').replace({{'run.years': {years}, 'funnel.promise_policy': "
        "p}}), seed={seed}).kpis['customers_end']; the policy with the highest number is the answer.",
        "voor elk beleid p: simulate(preset('{preset}').replace({{'run.years': {years}, 'funnel.promise_policy': "
        "p}}), seed={seed}).kpis['customers_end']; het beleid met het hoogste getal is het antwoord."),
    simulated=True,
)


def _solve_churn(inputs: Mapping[str, Any]) -> Solution:
    share = 100 * answers.annual_churn_share(inputs["grade"])
    return Solution(share, {"share": share, "share_8": 100 * answers.annual_churn_share(8)})


CHURN_GRADE_6 = Exercise(
    id="churn-grade-6",
    concept="churn",
    title=Text("Churn at a given grade", "Klantverloop bij een rapportcijfer"),
    question=Text(
        "A supplier keeps its customers at a school grade of {grade}. About what share of its customers leaves "
        "within a year (in %)?",
        "Een leverancier houdt zijn klanten op een rapportcijfer {grade}. Welk deel van de klanten vertrekt "
        "ongeveer binnen een jaar (in %)?"),
    kind=NumberAnswer(Text("% per year", "% per jaar"), "35", tolerance=3),
    solve=_solve_churn,
    explanation=Text(
        "Right: about {share:.0f}% a year (Popping 2000: a supplier that scored a scant 6 lost 20% of its "
        "customers within a year). At a grade of 8 only about {share_8:.0f}% leave: follow-up orders come "
        "almost by themselves.",
        "Goed: ongeveer {share:.0f} % per jaar (Popping 2000: een leverancier met een magere 6 verloor binnen een "
        "jaar 20 % van zijn klanten). Bij een 8 vertrekt maar ongeveer {share_8:.0f} %: vervolgorders komen bijna "
        "vanzelf."),
    docs_section=SATISFACTION_DOCS,
    lesson="04_satisfaction_nps_churn",
    inputs={"grade": 6},
    vary=lambda rng: {"grade": rng.choice((5.5, 6.5, 7))},
    mistakes=(
        Mistake(lambda v: v["share"] / 100, Text(
            "You gave a fraction; the question asks for a percentage (a fraction × 100).",
            "Je gaf een fractie; de vraag is in procenten (een fractie × 100)."), tolerance=0.03),
        Mistake(lambda v: 100 - v["share"], Text(
            "That is the share that stays. The question asks for the share that leaves.",
            "Dat is het deel dat blijft. De vraag gaat over het deel dat vertrekt.")),
        Mistake(lambda v: v["share_8"], Text(
            "That is the churn of satisfied customers (grade 8). Below that the customer goes shopping elsewhere.",
            "Dat is het verloop bij tevreden klanten (een 8). Daaronder gaat de klant elders winkelen.")),
    ),
)

DISCIPLINES = ("customer_intimacy", "operational_excellence", "product_leadership", "stuck_in_the_middle")
DISCIPLINE_LABELS = {
    "customer_intimacy": Text("customer intimacy", "customer intimacy"),
    "operational_excellence": Text("operational excellence", "operational excellence"),
    "product_leadership": Text("product leadership", "product leadership"),
    "stuck_in_the_middle": Text("stuck in the middle", "stuck in the middle"),
}

VALUE_DISCIPLINE_EXAMPLES = classification(
    id="value-discipline-examples", concept="strategy", lesson="05_value_disciplines",
    title=Text("Which value discipline? The course's examples", "Welke waardediscipline? De voorbeelden uit de cursus"),
    prompt=Text("Which value discipline does this company choose, or is it stuck in the middle?",
                "Welke waardediscipline kiest dit bedrijf, of zit het stuck in the middle?"),
    terms=(
        Term("customer_intimacy", DISCIPLINE_LABELS["customer_intimacy"], Text(
            "the customer is central: tailored offers and a plan per customer; it needs investment in customer insight "
            "and costs more to serve.",
            "de klant staat centraal: aanbiedingen op maat en een plan per klant; het vraagt investering in "
            "klantinzicht en hogere kosten om elke klant te bedienen.")),
        Term("operational_excellence", DISCIPLINE_LABELS["operational_excellence"], Text(
            "efficient processes and low cost: a standard offer, delivered fast and reliably, at the lowest price.",
            "efficiënte processen en lage kosten: een standaardaanbod, snel en betrouwbaar geleverd, tegen de laagste "
            "prijs.")),
        Term("product_leadership", DISCIPLINE_LABELS["product_leadership"], Text(
            "the best product or service: ahead of the market through research and renewal.",
            "het beste product of de beste dienst: voorop in de markt door onderzoek en vernieuwing.")),
        Term("stuck_in_the_middle", DISCIPLINE_LABELS["stuck_in_the_middle"], Text(
            "the effort spread evenly over the three disciplines, so the company excels in none of them and each "
            "customer finds a specialist that does better on what that customer values most.",
            "de inspanning gelijk verdeeld over de drie disciplines, zodat het bedrijf in geen ervan uitblinkt en "
            "elke klant een specialist vindt die het beter doet op wat die klant het belangrijkst vindt.")),
    ),
    cases=(  # the first is the one practice mode shows; the brands are named only (the lesson describes them)
        ("customer_intimacy", Text(
            "An IT integrator gives each of its 40 largest customers its own account plan and a team that knows the "
            "customer's systems; serving a customer costs it more than its rivals, and its customers stay because "
            "the solution fits them exactly.",
            "Een IT-integrator geeft elk van zijn 40 grootste klanten een eigen accountplan en een team dat de "
            "systemen van de klant kent; een klant bedienen kost hem meer dan zijn concurrenten, en zijn klanten "
            "blijven omdat de oplossing precies bij hen past.")),
        ("operational_excellence", Text(
            "An office-supplies wholesaler takes orders online, delivers the next working day from one central "
            "warehouse and has the lowest prices in the market; requests for tailored work are politely declined.",
            "Een groothandel in kantoorartikelen neemt orders online aan, levert de volgende werkdag vanuit één "
            "centraal magazijn en heeft de laagste prijzen van de markt; vragen om maatwerk wijst hij vriendelijk "
            "af.")),
        ("product_leadership", Text(
            "A builder of packaging machines spends 12 % of its turnover on research and brings out a faster line "
            "every year; its buyers pay extra for the newest model.",
            "Een bouwer van verpakkingsmachines besteedt 12 % van zijn omzet aan onderzoek en brengt elk jaar een "
            "snellere lijn uit; zijn kopers betalen extra voor het nieuwste model.")),
        ("stuck_in_the_middle", Text(
            "A supplier of lab equipment cut its prices a little, added a little service and one new model, all "
            "from the same budget; buyers now find it second best on every point.",
            "Een leverancier van laboratoriumapparatuur verlaagde zijn prijzen een beetje, voegde wat service toe "
            "en bracht één nieuw model uit, allemaal uit hetzelfde budget; kopers vinden hem nu op elk punt de op "
            "één na beste.")),
        ("stuck_in_the_middle", Text(
            "A training institute wants to be the cheapest, the most personal and the most innovative at once, and "
            "is known for none of the three.",
            "Een opleidingsinstituut wil tegelijk het goedkoopst, het persoonlijkst en het meest vernieuwend zijn, "
            "en staat om geen van de drie bekend.")),
        ("customer_intimacy", Text("Hilton, one of the course's own examples.",
                                   "Hilton, een van de voorbeelden uit de cursus.")),
        ("operational_excellence", Text("Action, one of the course's own examples.",
                                        "Action, een van de voorbeelden uit de cursus.")),
        ("product_leadership", Text("Unilever, one of the course's own examples.",
                                    "Unilever, een van de voorbeelden uit de cursus.")),
    ),
)


SEEDS = (0,)  # one seed and 2 years keep a check (four runs) under 2 s; a student's seed comes from `vary`


def _solve_disciplines(inputs: Mapping[str, Any]) -> Solution:
    scenarios = {name: preset(name).replace({"run.years": inputs["years"]}) for name in inputs["presets"]}
    best, margins = answers.best_of(scenarios, "margin", inputs["seeds"])
    values = {f"margin_{name}": margin / 1e6 for name, margin in margins.items()}
    return Solution(best, {**values, "margin_best": margins[best] / 1e6})


VALUE_DISCIPLINES = Exercise(
    id="value-disciplines-margin",
    concept="strategy",
    title=Text("Value disciplines: which one earns most?", "Waardedisciplines: welke verdient het meest?"),
    question=Text(
        "The presets customer_intimacy, operational_excellence and product_leadership each excel in one value "
        "discipline and stay sufficient on the other two; stuck_in_the_middle spends the same budget evenly. "
        "Which preset earns the highest margin over {years} years on the same random numbers (seed {seed_list})?",
        "De presets customer_intimacy, operational_excellence en product_leadership blinken elk uit in één "
        "waardediscipline en zijn voldoende op de andere twee; stuck_in_the_middle verdeelt hetzelfde budget "
        "gelijk. Welke preset verdient over {years} jaar de hoogste marge op dezelfde toevalsgetallen (seed "
        "{seed_list})?"),
    kind=ChoiceAnswer(tuple(Option(name, DISCIPLINE_LABELS[name]) for name in DISCIPLINES)),
    solve=_solve_disciplines,
    explanation=Text(
        "Right: '{correct_label}' earns € {margin_best:.2f} million. Customer intimacy € "
        "{margin_customer_intimacy:.2f}M, operational excellence € {margin_operational_excellence:.2f}M, product "
        "leadership € {margin_product_leadership:.2f}M, stuck in the middle € {margin_stuck_in_the_middle:.2f}M. "
        "Be sufficient on all three, excel in one (Treacy & Wiersema).",
        "Goed: '{correct_label}' verdient € {margin_best:.2f} miljoen. Customer intimacy € "
        "{margin_customer_intimacy:.2f} mln, operational excellence € {margin_operational_excellence:.2f} mln, "
        "product leadership € {margin_product_leadership:.2f} mln, stuck in the middle € "
        "{margin_stuck_in_the_middle:.2f} mln. Voldoende op alle drie, uitblinken in één (Treacy & Wiersema)."),
    docs_section="3.3.5",
    lesson="05_value_disciplines",
    inputs={"presets": DISCIPLINES, "seeds": SEEDS, "seed_list": ", ".join(map(str, SEEDS)), "years": 2},
    mistakes=(
        Mistake("stuck_in_the_middle", Text(
            "Stuck in the middle spends the same budget but is good at nothing in particular. Customers who value "
            "one discipline go to the competitor who excels in it.",
            "Stuck in the middle geeft hetzelfde budget uit maar blinkt nergens in uit. Klanten die één discipline "
            "belangrijk vinden, gaan naar de concurrent die daarin uitblinkt.")),
    ),
    other_hint=Text(
        "Excelling in one discipline is the right idea, but '{your_label}' is not the one that earns most here. "
        "Compare the margin of the presets on the same seed: which discipline pays depends on what it changes in "
        "the model (fewer incidents, faster delivery, warmer visits) and what that costs.",
        "Uitblinken in één discipline is het goede idee, maar '{your_label}' verdient hier niet het meest. "
        "Vergelijk de marge van de presets op dezelfde seed: welke discipline loont, hangt af van wat ze in het "
        "model verandert (minder incidenten, snellere levering, warmere bezoeken) en wat dat kost."),
    vary=lambda rng: (lambda seed: {"seeds": (seed,), "seed_list": str(seed)})(rng.randrange(1000)),
    method=Text(
        "for each preset p: simulate(preset(p).replace({{'run.years': {years}}}), seed={seed_list}).kpis['margin']; "
        "the preset with the highest margin is the answer.",
        "voor elke preset p: simulate(preset(p).replace({{'run.years': {years}}}), seed={seed_list}).kpis['margin']; "
        "de preset met de hoogste marge is het antwoord."),
    simulated=True,
)

EXERCISES = (EXPECTATION_PROMISE, PROMISE_POLICY, CHURN_GRADE_6, VALUE_DISCIPLINE_EXAMPLES, VALUE_DISCIPLINES)
