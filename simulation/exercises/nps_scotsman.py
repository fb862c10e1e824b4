"""Hand-calculation exercises: the Net Promoter Score and the Scotsman method (DOMAIN.md §3, §5).

The student computes by hand what the model computes with its own functions:
`net_promoter_score` for the NPS, the number of Scotsman criteria for the win
chance and the weighted forecast. The typical mistakes are the ones trainers
see: adding detractors instead of subtracting, counting an 8 as a promoter or
a 6 as a passive, forgetting to weight the pipeline by the win chance.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..model.funnel import SCOTSMAN
from ..scenario import Scenario
from . import answers
from .base import Exercise, Mistake, NumberAnswer, Solution, Text

NPS_UNIT = NumberAnswer(Text("NPS points (−100 … +100)", "NPS-punten (−100 … +100)"), "+12", tolerance=0.5)
NPS_DOCS, NPS_LESSON = "3.3.4", "04_satisfaction_nps_churn"
FUNNEL_DOCS, FUNNEL_LESSON = "3.3.2", "02_funnel_and_qualification"

NPS_FRACTION = Mistake(lambda v: v["nps"] / 100, Text(
    "You gave a fraction. The NPS is a number of points from −100 to +100, not a share between −1 and 1.",
    "Je gaf een fractie. De NPS is een aantal punten van −100 tot +100, geen aandeel tussen −1 en 1."),
    tolerance=0.005)


def _vary_shares(rng: random.Random) -> dict[str, int]:
    """Shares in steps of 5 %, with some of each group, so that no typical mistake equals the answer."""
    promoters = rng.randrange(15, 65, 5)
    detractors = rng.randrange(5, min(40, 95 - promoters) + 1, 5)
    return {"promoters": promoters, "passives": 100 - promoters - detractors, "detractors": detractors}


def _solve_shares(inputs: Mapping[str, Any]) -> Solution:
    nps = answers.nps_from_shares(inputs["promoters"], inputs["passives"], inputs["detractors"])
    return Solution(nps, {"nps": nps})


SHARE_MISTAKES = (
    Mistake(lambda v: v["promoters"] + v["detractors"], Text(
        "You computed % promoters + % detractors ({promoters} + {detractors}). NPS subtracts the detractors: "
        "% promoters − % detractors.",
        "Je rekende % promotors + % criticasters ({promoters} + {detractors}). De NPS trekt de criticasters af: "
        "% promotors − % criticasters.")),
    Mistake(lambda v: v["detractors"] - v["promoters"], Text(
        "You subtracted the wrong way round: NPS = % promoters − % detractors, so more promoters than "
        "detractors gives a positive score.",
        "Je trok andersom af: NPS = % promotors − % criticasters, dus meer promotors dan criticasters geeft "
        "een positieve score."),
        name=Text("You computed % detractors − % promoters", "Je rekende % criticasters − % promotors")),
    Mistake(lambda v: v["promoters"] + v["passives"] - v["detractors"], Text(
        "You counted the passives (7–8) as promoters. Only a 9 or a 10 makes a promoter; passives do not count.",
        "Je telde de passief tevredenen (7–8) mee als promotors. Alleen een 9 of 10 is een promotor; passief "
        "tevredenen tellen niet mee.")),
    Mistake(lambda v: v["promoters"], Text(
        "That is the share of promoters only; subtract the share of detractors (0–6).",
        "Dat is alleen het aandeel promotors; trek het aandeel criticasters (0–6) ervan af."),
        name=Text("That is the share of promoters only", "Dat is alleen het aandeel promotors")),
    NPS_FRACTION,
)

NPS_EXPLANATION = Text(
    "Right: NPS = % promoters − % detractors = {promoters} − {detractors} = {nps:+.0f}. Passives do not count. "
    "A positive NPS is usually considered good.",
    "Goed: NPS = % promotors − % criticasters = {promoters} − {detractors} = {nps:+.0f}. Passief tevredenen "
    "tellen niet mee. Een positieve NPS geldt meestal als goed.")

NPS_WORKED_EXAMPLE = Exercise(
    id="nps-worked-example",
    concept="satisfaction",
    title=Text("NPS: the worked example", "NPS: het rekenvoorbeeld"),
    question=Text(
        "A customer survey asks: 'How likely is it, on a scale of 0 to 10, that you would recommend us to family, "
        "friends or colleagues?' {promoters}% of the customers are promoters (9–10), {passives}% passives (7–8) "
        "and {detractors}% detractors (0–6). What is the Net Promoter Score?",
        "Een klantonderzoek vraagt: 'Hoe waarschijnlijk is het, op een schaal van 0 tot 10, dat u ons aanbeveelt "
        "bij familie, vrienden of collega's?' {promoters} % van de klanten is promotor (9–10), {passives} % "
        "passief tevreden (7–8) en {detractors} % criticaster (0–6). Wat is de Net Promotor Score?"),
    kind=NPS_UNIT,
    solve=_solve_shares,
    explanation=NPS_EXPLANATION,
    docs_section=NPS_DOCS,
    lesson=NPS_LESSON,
    inputs={"promoters": 25, "passives": 55, "detractors": 20},
    mistakes=SHARE_MISTAKES,
    vary=_vary_shares,
)

NPS_VARIANT = replace(  # the same calculation on other shares: only the story and the numbers differ
    NPS_WORKED_EXAMPLE,
    id="nps-variant",
    title=Text("NPS: a year later", "NPS: een jaar later"),
    question=Text(
        "A year later, after a project to shorten delivery times, the same survey gives {promoters}% promoters, "
        "{passives}% passives and {detractors}% detractors. What is the NPS now?",
        "Een jaar later, na een project om levertijden te verkorten, geeft hetzelfde onderzoek {promoters} % "
        "promotors, {passives} % passief tevredenen en {detractors} % criticasters. Wat is de NPS nu?"),
    inputs={"promoters": 40, "passives": 35, "detractors": 25},
)


def _shifted_nps(answers_given: tuple[int, ...], *moved: int) -> float:
    """The NPS if every answer in `moved` had been one point higher (a group boundary misplaced)."""
    return answers.net_promoter_score([a + 1 if a in moved else a for a in answers_given])


SURVEY = (10, 9, 8, 7, 6, 9, 3, 10, 7, 8)


def _survey_inputs(answers_given: tuple[int, ...]) -> dict[str, Any]:
    return {"answers": answers_given, "answers_text": ", ".join(map(str, answers_given)),
            "respondents": len(answers_given)}


def _vary_survey(rng: random.Random) -> dict[str, Any]:
    """10–20 answers, most of them 6–10 as in real B2B surveys, always with an 8 and a 6 among them."""
    count = rng.randrange(10, 21)
    given = [8, 6, *rng.choices(range(11), weights=(1, 1, 1, 2, 2, 4, 6, 8, 9, 7, 5), k=count - 2)]
    rng.shuffle(given)
    return _survey_inputs(tuple(given))


def _solve_survey(inputs: Mapping[str, Any]) -> Solution:
    given = inputs["answers"]
    return Solution(answers.net_promoter_score(given), {
        "nps": answers.net_promoter_score(given),
        "respondents": len(given),
        "promoter_count": sum(a >= 9 for a in given),
        "detractor_count": sum(a <= 6 for a in given),
        "mean": sum(given) / len(given),
    })


NPS_SURVEY = Exercise(
    id="nps-survey",
    concept="satisfaction",
    title=Text("NPS from the raw answers", "NPS uit de losse antwoorden"),
    question=Text(
        "{respondents} customers answered the recommendation question (0–10): {answers_text}. What is the NPS?",
        "{respondents} klanten beantwoordden de aanbevelingsvraag (0–10): {answers_text}. Wat is de NPS?"),
    kind=NPS_UNIT,
    solve=_solve_survey,
    explanation=Text(
        "Right: {promoter_count} promoters (9–10) and {detractor_count} detractors (0–6) out of {respondents}: "
        "NPS = 100 × ({promoter_count} − {detractor_count}) / {respondents} = {nps:+.0f}.",
        "Goed: {promoter_count} promotors (9–10) en {detractor_count} criticasters (0–6) op {respondents}: "
        "NPS = 100 × ({promoter_count} − {detractor_count}) / {respondents} = {nps:+.0f}."),
    docs_section=NPS_DOCS,
    lesson=NPS_LESSON,
    inputs=_survey_inputs(SURVEY),
    vary=_vary_survey,
    mistakes=(
        Mistake(lambda v: _shifted_nps(v["answers"], 6, 8), Text(
            "Check the group boundaries: promoters answer 9–10, passives 7–8, detractors 0–6.",
            "Let op de grenzen: promotors antwoorden 9–10, passief tevredenen 7–8, criticasters 0–6."),
            name=Text("Wrong group boundaries (right: 9–10, 7–8, 0–6)", "Verkeerde groepsgrenzen (juist: 9–10, 7–8, 0–6)")),
        Mistake(lambda v: _shifted_nps(v["answers"], 8), Text(
            "An 8 is a passive, not a promoter: only a 9 or a 10 makes a promoter.",
            "Een 8 is passief tevreden, geen promotor: alleen een 9 of 10 is een promotor.")),
        Mistake(lambda v: _shifted_nps(v["answers"], 6), Text(
            "A 6 is a detractor: detractors answer 0 to 6. A scant 6 is not enough.",
            "Een 6 is een criticaster: criticasters antwoorden 0 tot en met 6. Een magere 6 is niet genoeg.")),
        Mistake(lambda v: v["promoter_count"] - v["detractor_count"], Text(
            "You subtracted the numbers of customers. NPS uses percentages: divide by the {respondents} "
            "respondents and multiply by 100.",
            "Je trok aantallen klanten af. De NPS rekent met percentages: deel door de {respondents} "
            "respondenten en vermenigvuldig met 100.")),
        Mistake(lambda v: v["mean"], Text(
            "That is the average answer. The NPS does not average: it counts promoters and detractors.",
            "Dat is het gemiddelde antwoord. De NPS middelt niet: hij telt promotors en criticasters."),
            tolerance=0.05),
        NPS_FRACTION,
    ),
)


def _solve_yes_answers(inputs: Mapping[str, Any]) -> Solution:
    weight = answers.criterion_weight()
    return Solution(inputs["chance"] / weight, {"weight": weight, "criteria": len(SCOTSMAN),
                                                "yes": inputs["chance"] / weight})


SCOTSMAN_YES = Exercise(
    id="scotsman-yes-answers",
    concept="funnel",
    title=Text("Scotsman: from win chance to 'yes' answers", "Scotsman: van scoringskans naar 'ja'-antwoorden"),
    question=Text(
        "The Scotsman method scores an open quote on {criteria} criteria: {names}. The rep puts the win chance "
        "of a quote at {chance}%. How many criteria did the rep answer with 'yes'?",
        "De Scotsman-methode scoort een openstaande offerte op {criteria} criteria: {names}. De verkoper schat de "
        "scoringskans van een offerte op {chance} %. Hoeveel criteria beantwoordde de verkoper met 'ja'?"),
    kind=NumberAnswer(Text("criteria", "criteria"), "3", tolerance=0.01),
    solve=_solve_yes_answers,
    explanation=Text(
        "Right: each 'yes' is worth 100% / {criteria} = {weight}%, so {chance}% / {weight}% = {yes:g} 'yes' "
        "answers.",
        "Goed: elke 'ja' is 100 % / {criteria} = {weight} % waard, dus {chance} % / {weight} % = {yes:g} keer 'ja'."),
    docs_section=FUNNEL_DOCS,
    lesson=FUNNEL_LESSON,
    inputs={"chance": 62.5, "criteria": len(SCOTSMAN), "names": ", ".join(name.capitalize() for name in SCOTSMAN)},
    vary=lambda rng: {"chance": answers.criterion_weight() * rng.choice((1, 2, 3, 5, 6, 7))},
    mistakes=(
        Mistake(lambda v: v["criteria"] - v["yes"], Text(
            "That is the number of 'no' answers. Each 'yes' adds {weight}% to the win chance.",
            "Dat is het aantal keer 'nee'. Elke 'ja' voegt {weight} % toe aan de scoringskans.")),
        Mistake(lambda v: v["chance"] / v["criteria"], Text(
            "You divided the chance by the number of criteria; divide it by what one 'yes' is worth "
            "({weight}%).",
            "Je deelde de kans door het aantal criteria; deel door wat één 'ja' waard is ({weight} %)."),
            tolerance=0.1, name=Text("You divided the chance by the number of criteria",
                                     "Je deelde de kans door het aantal criteria")),
        Mistake(lambda v: v["chance"] / 100 * 4, Text(
            "That would be BANT's four criteria (Budget, Authority, Need, Time). The Scotsman method has "
            "{criteria}, each worth {weight}%.",
            "Dat zou BANT zijn, met vier criteria (Budget, Authority, Need, Time). De Scotsman-methode heeft er "
            "{criteria}, elk {weight} % waard.")),
    ),
)


def _pipeline_text(pipeline: tuple[tuple[str, float, int], ...], language: str) -> str:
    quote = Text("{name}: € {value:,.0f} with {yes} × yes", "{name}: € {value:,.0f} met {yes} × ja")
    return "; ".join(quote(language, name=name, value=value, yes=yes) for name, value, yes in pipeline)


PIPELINE = (("A", 40_000, 6), ("B", 100_000, 2), ("C", 20_000, 8))


def _pipeline_inputs(pipeline: tuple[tuple[str, float, int], ...]) -> dict[str, Any]:
    return {"pipeline": pipeline, "pipeline_en": _pipeline_text(pipeline, "en"),
            "pipeline_nl": _pipeline_text(pipeline, "nl")}


def _vary_pipeline(rng: random.Random) -> dict[str, Any]:
    """Three quotes of € 10,000–150,000 with 1–8 'yes' answers; one below the qualification threshold."""
    yes = [rng.randrange(1, 4), rng.randrange(4, 9), rng.randrange(5, 9)]
    rng.shuffle(yes)
    return _pipeline_inputs(tuple((name, 5_000 * rng.randrange(2, 31), count) for name, count in zip("ABC", yes)))


def _solve_forecast(inputs: Mapping[str, Any]) -> Solution:
    pipeline = inputs["pipeline"]
    threshold = Scenario()["funnel.qualification_threshold"]
    total = sum(value for _, value, _ in pipeline)
    chances = [yes * answers.criterion_weight() / 100 for _, _, yes in pipeline]
    qualified = [quote for quote, chance in zip(pipeline, chances) if chance >= threshold]
    forecast = answers.weighted_forecast(pipeline)
    return Solution(forecast, {
        "forecast": forecast, "total": total, "weight": answers.criterion_weight(), "threshold": 100 * threshold,
        "mean_chance_total": total * sum(chances) / len(chances),
        "qualified_only": answers.weighted_forecast(qualified)})


SCOTSMAN_FORECAST = Exercise(
    id="scotsman-forecast",
    concept="funnel",
    title=Text("Scotsman-weighted forecast of a small pipeline", "Scotsman-gewogen forecast van een kleine trechter"),
    question=Text(
        "Three quotes are open, with their value and the number of Scotsman criteria answered 'yes': {pipeline_en}. "
        "What is the "
        "Scotsman-weighted forecast of this pipeline in euro?",
        "Er staan drie offertes open, met hun waarde en het aantal Scotsman-criteria met 'ja': {pipeline_nl}. "
        "Wat is de "
        "Scotsman-gewogen forecast van deze trechter in euro?"),
    kind=NumberAnswer(Text("euro", "euro"), "12500", tolerance=50, grouped=True),
    solve=_solve_forecast,
    explanation=Text(
        "Right: every quote counts at its win chance ('yes' answers × {weight}%), which adds up to € "
        "{forecast:,.0f}.",
        "Goed: elke offerte telt mee tegen haar scoringskans (aantal 'ja' × {weight} %), samen € {forecast:,.0f}."),
    docs_section=FUNNEL_DOCS,
    lesson=FUNNEL_LESSON,
    inputs=_pipeline_inputs(PIPELINE),
    vary=_vary_pipeline,
    mistakes=(
        Mistake(lambda v: v["total"], Text(
            "That is the total value of the pipeline (€ {total:,.0f}). A forecast weights every quote by its win "
            "chance: 'yes' answers × {weight}%.",
            "Dat is de totale waarde van de trechter (€ {total:,.0f}). Een forecast weegt elke offerte met haar "
            "scoringskans: aantal 'ja' × {weight} %.")),
        Mistake(lambda v: v["qualified_only"], Text(
            "You left out the quotes below the qualification threshold ({threshold:.0f}%). Every open quote "
            "counts in the forecast, at its own chance.",
            "Je liet de offertes onder de kwalificatiedrempel ({threshold:.0f} %) weg. Elke openstaande offerte "
            "telt mee in de forecast, tegen haar eigen kans.")),
        Mistake(lambda v: v["mean_chance_total"], Text(
            "You applied the average chance to the total value. Weight each quote by its own chance: a large "
            "quote with few 'yes' answers counts for little.",
            "Je paste de gemiddelde kans toe op de totale waarde. Weeg elke offerte met haar eigen kans: een grote "
            "offerte met weinig 'ja' telt weinig mee.")),
    ),
)

EXERCISES = (NPS_WORKED_EXAMPLE, NPS_VARIANT, NPS_SURVEY, SCOTSMAN_YES, SCOTSMAN_FORECAST)
