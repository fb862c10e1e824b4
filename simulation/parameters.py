"""The parameter table: every knob of the model, declared once.

Validation, widget panels, the command line, scenario files and the
generated parameter reference all read this table, so adding a knob is one
row here plus the model code that uses it. Each row names the course concept
(DOMAIN.md) it belongs to and carries an English and a Dutch label and help
text (the help is the panels' tooltip).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .errors import quoted
from .language import format_value, pick, range_said_once, resolve, text, unit_kind

#: Course concepts, in the order the panels and the reference show them,
#: with their English and Dutch titles.
CONCEPTS: dict[str, tuple[str, str]] = {
    "run": ("Run", "Simulatie"),
    "market": ("Market and lead generation", "Markt en leadgeneratie"),
    "funnel": ("Funnel, qualification and promises", "Salestrechter, kwalificatie en beloftes"),
    "satisfaction": ("Satisfaction, expectations and NPS", "Tevredenheid, verwachtingen en NPS"),
    "churn": ("Churn", "Klantverloop"),
    "accounts": ("Account management and service", "Accountmanagement en service"),
    "organisation": ("Sales roles and capacity", "Salesrollen en capaciteit"),
    "strategy": ("Value disciplines", "Waardedisciplines"),
    "economics": ("Economics", "Economie"),
}


@dataclass(frozen=True)
class ParamSpec:
    """One knob: its type, default, allowed values and how to present it."""

    name: str
    kind: type
    default: Any
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    unit: str = ""
    help: str = ""
    help_nl: str = ""  # the Dutch help, shown as tooltip in Dutch mode
    label_en: str = ""
    label_nl: str = ""
    step: float | None = None
    choice_labels: tuple[tuple[str, str], ...] = ()  # (English, Dutch) per choice, in the order of `choices`

    @property
    def concept(self) -> str:
        """The course concept is the part of the name before the dot."""
        return self.name.split(".", 1)[0]

    @property
    def short_name(self) -> str:
        return self.name.split(".", 1)[1]

    def allowed(self, language: str = "en") -> str:
        """Readable text of what this parameter accepts, for error messages."""
        if self.choices:
            return text("error.allowed_choice", language, choices=quoted(self.choices))
        if self.kind is bool:
            return text("error.allowed_bool", language)
        return text("error.allowed_integer" if self.kind is int else "error.allowed_number", language,
                    low=self.low, high=self.high)

    def label(self, language: str | None = None) -> str:
        """The label in `language` (default: the session's, `set_language`)."""
        return pick((self.label_en, self.label_nl), resolve(language))

    def help_text(self, language: str | None = None) -> str:
        """The help in the language asked for (the panels' tooltip); the English one if there is no Dutch."""
        return self.help_nl if resolve(language) == "nl" and self.help_nl else self.help

    def choice_label(self, choice: str, language: str | None = None) -> str:
        """The readable name of one of the choices ('Eerlijke inschatting'), the value itself if it has none."""
        labels = dict(zip(self.choices, self.choice_labels))
        return pick(labels[choice], resolve(language)) if choice in labels else choice

    @property
    def slider_step(self) -> float:
        """The step of the panels' slider: the spec's, or about a hundredth of the range rounded to 1, 2 or 5
        times a power of ten."""
        if self.step:
            return self.step
        if self.kind is int:
            return 1
        rough = (self.high - self.low) / 100
        power = 10 ** math.floor(math.log10(rough))
        return next(m * power for m in (1, 2, 5, 10) if m * power >= rough)

    def value_text(self, value: Any, language: str | None = None, *, exact: bool = True) -> str:
        """A value as every face shows it: '€ 40.000 per maand', '25 %', '3 fte', 'Eerlijke inschatting', 'ja'
        (the panels' readouts, the game's decisions, an experiment's tables). Numbers have the decimals of the
        slider's step, more where the value has them (a range typed as 0.85:1.15 shows as typed); a value drawn
        at random (`exact=False`) shows at the slider's precision ('1,23×', not '1,235×')."""
        language = resolve(language)
        if self.choices:
            return self.choice_label(value, language)
        if self.kind is bool:
            return text("value.yes" if value else "value.no", language)
        return format_value(value, self.unit, language, decimals=self._decimals(value) if exact else self._decimals())

    def _decimals(self, *values: float) -> int:
        """The decimals of the slider's step, more where a value has them (shares count in percent)."""
        scale = 100 if unit_kind(self.unit) == "percent" else 1
        return max(_decimals(number * scale) for number in (self.slider_step, *values))

    def range_text(self, low: Any, high: Any, language: str | None = None) -> str:
        """A range of values with a unit in words said once: '12%–30% per year', '12 – 30 % per jaar',
        '0.8×–1.5×' (the stress test's range sliders, the tornado's table and figure)."""
        decimals = self._decimals(low, high)  # both ends alike: '12.5%–30.0%', not '12.5%–30%'
        return range_said_once(*(format_value(v, self.unit, resolve(language), decimals=decimals, singular=False)
                                 for v in (low, high)))


def _decimals(number: float) -> int:
    """The decimals `number` needs, at most 3: 1000 → 0, 0.5 → 1, 1.02 → 2, 0.125 → 3."""
    return min(3, len(f"{abs(number):.6f}".rstrip("0").partition(".")[2]))


def _p(name, kind, default, low=None, high=None, *, unit="", help, help_nl, en, nl, choices=(), step=None,
       choice_labels=()):
    return ParamSpec(name, kind, default, low, high, tuple(choices), unit, help, help_nl, en, nl, step,
                     tuple(choice_labels))


ROLES = (
    "inside_sales",
    "junior_account_managers",
    "account_managers",
    "senior_account_managers",
    "key_account_managers",
)

PARAMETERS: tuple[ParamSpec, ...] = (
    # --- run
    _p("run.years", int, 3, 1, 20, unit="years", en="Years to simulate", nl="Aantal jaren",
       help="Length of the simulated period; the model's clock ticks in days.",
       help_nl="Lengte van de gesimuleerde periode; de klok van het model tikt in dagen."),
    # --- market and lead generation
    _p("market.campaign_spend_per_month", float, 20_000.0, 0, 200_000, unit="€/month", step=1000,
       en="Campaign spend", nl="Campagnebudget",
       help="Marketing spend on campaigns; each €1,000 buys leads at the yield below.",
       help_nl="Marketingbudget voor campagnes; elke € 1.000 levert leads op volgens de opbrengst hieronder."),
    _p("market.leads_per_1000_euro", float, 6.0, 0, 40, unit="leads/€1,000", step=0.5,
       en="Campaign lead yield", nl="Leads per €1.000",
       help="Cold leads a campaign brings in per €1,000 spent.",
       help_nl="Koude leads die een campagne oplevert per € 1.000 budget."),
    _p("market.inbound_leads_per_month", float, 12.0, 0, 500, unit="leads/month", step=1,
       en="Inbound leads", nl="Inbound leads",
       help="Warm leads that find the company by themselves (website, events).",
       help_nl="Warme leads die het bedrijf zelf vinden (website, evenementen)."),
    _p("market.referrals_per_promoter", float, 3.0, 0, 10, unit="prospects/year", step=0.5,
       en="Referrals per satisfied customer", nl="Aanbevelingen per tevreden klant",
       help="Potential customers a satisfied customer (grade 8 or more) influences per year.",
       help_nl="Potentiële klanten die een tevreden klant (rapportcijfer 8 of hoger) per jaar beïnvloedt via "
               "mond-tot-mondreclame."),
    _p("market.relations_harmed_per_detractor", float, 10.0, 0, 30, unit="relations/year", step=1,
       en="Relations harmed per detractor", nl="Relaties geschaad per criticaster",
       help="Relations a dissatisfied customer (grade below 6) talks out of buying, per year.",
       help_nl="Relaties die een ontevreden klant (criticaster; rapportcijfer onder de 6) per jaar van kopen afhoudt."),
    _p("market.word_of_mouth_lead_share", float, 0.25, 0, 1, unit="share", step=0.05,
       en="Word-of-mouth lead share", nl="Mond-tot-mond dat lead wordt",
       help="Share of influenced relations that becomes (or is lost as) a lead.",
       help_nl="Aandeel van de beïnvloede relaties dat een lead wordt (of als lead verloren gaat)."),
    _p("market.alignment", str, "defined", choices=("undefined", "defined", "aligned", "integrated"),
       choice_labels=(("Undefined: no structural cooperation", "Ongedefinieerd: geen vaste samenwerking"),
                      ("Defined: agreed hand-offs", "Gedefinieerd: afgesproken overdracht"),
                      ("Aligned: joint consultation", "Afgestemd: gezamenlijk overleg"),
                      ("Integrated: one shared focus", "Geïntegreerd: één gedeelde focus")),
       en="Marketing–sales alignment", nl="Afstemming marketing–sales",
       help="How marketing hands leads to sales: the better aligned, the fewer leads leak away.",
       help_nl="Hoe marketing leads aan sales overdraagt: hoe beter de afstemming, hoe minder leads weglekken."),
    _p("market.cold_to_warm_share", float, 0.08, 0, 1, unit="share", step=0.05,
       en="Cold → warm share", nl="Aandeel koud → warm",
       help="Share of cold campaign leads that marketing warms up to a marketing-qualified lead.",
       help_nl="Aandeel van de koude campagneleads dat marketing opwarmt tot een door marketing gekwalificeerde lead "
               "(MQL)."),
    _p("market.lead_nurturing", bool, True, en="Lead nurturing", nl="Lead nurturing",
       help="Keep sending relevant content to dropped leads so some come back into the funnel.",
       help_nl="Relevante content blijven sturen aan afgehaakte leads, zodat een deel terugkeert in de salestrechter."),
    _p("market.nurture_return_share", float, 0.12, 0, 1, unit="share", step=0.05,
       en="Nurtured leads that return", nl="Aandeel leads dat terugkeert",
       help="Share of nurtured leads that comes back as a warm lead.",
       help_nl="Aandeel van de leads in nurturing dat terugkomt als warme lead."),
    _p("market.nurture_months", float, 4.0, 0.5, 24, unit="months", step=0.5,
       en="Time in nurturing", nl="Duur nurturing",
       help="Average time a nurtured lead takes before it returns.",
       help_nl="Gemiddelde duur voordat een lead in nurturing terugkeert."),
    _p("market.win_back_share", float, 0.2, 0, 1, unit="share", step=0.05,
       en="Win-back attempts", nl="Terugwinpogingen",
       help="Share of customers who left (churned) that is approached again as a potential customer.",
       help_nl="Aandeel van de vertrokken klanten (ex-klanten) dat opnieuw als potentiële klant wordt benaderd "
               "(terugwinnen)."),
    _p("market.competitor_intensity", float, 1.0, 0, 3, unit="×", step=0.1,
       en="Competitor intensity", nl="Intensiteit concurrentie",
       help="How hard competitors push: scales the temptation of customers below grade 8 and lowers the 'Competition' criterion.",
       help_nl="Hoe hard de concurrenten duwen: versterkt de verleiding voor klanten onder rapportcijfer 8 en "
               "verlaagt het Scotsman-criterium 'Competition' (concurrentie)."),
    _p("market.competitor_level", float, 0.75, 0, 1, unit="level 0–1", step=0.05,
       en="Competitors' level", nl="Niveau concurrenten",
       help="Level of the specialist competitors on each value discipline.",
       help_nl="Niveau van de gespecialiseerde concurrenten op elke waardediscipline."),
    _p("market.share_small", float, 0.5, 0, 1, unit="share", step=0.05,
       en="Small customers", nl="Aandeel kleine klanten",
       help="Share of leads from small companies (the rest is medium or large).",
       help_nl="Aandeel van de leads dat van kleine bedrijven komt (de rest is middelgroot of groot)."),
    _p("market.share_large", float, 0.15, 0, 1, unit="share", step=0.05,
       en="Large customers", nl="Aandeel grote klanten",
       help="Share of leads from large companies.",
       help_nl="Aandeel van de leads dat van grote bedrijven komt."),
    _p("market.complex_share", float, 0.4, 0, 1, unit="share", step=0.05,
       en="Complex products", nl="Aandeel complexe producten",
       help="Share of leads asking for a complex product (long cycle, multi-person DMU).",
       help_nl="Aandeel van de leads dat om een complex product vraagt (lang salesproces, DMU van meerdere personen)."),
    # --- funnel
    _p("funnel.qualification_method", str, "scotsman", choices=("scotsman", "bant"),
       choice_labels=(("Scotsman (8 criteria)", "Scotsman (8 criteria)"), ("BANT (4 criteria)", "BANT (4 criteria)")),
       en="Qualification method", nl="Kwalificatiemethode",
       help="Scotsman scores 8 criteria (12.5% each); BANT only Budget, Authority, Need and Time.",
       help_nl="Scotsman scoort 8 criteria (elk 12,5 %); BANT alleen budget, beslissingsbevoegdheid (authority), "
               "behoefte (need) en timing."),
    _p("funnel.qualification_threshold", float, 0.25, 0, 1, unit="share of criteria", step=0.125,
       en="Qualification threshold", nl="Kwalificatiedrempel",
       help="Share of criteria that must be 'yes' before sales spends time on a quote.",
       help_nl="Aandeel van de criteria dat 'ja' moet zijn voordat sales tijd aan een offerte besteedt."),
    _p("funnel.qualification_rigour", float, 0.85, 0, 1, unit="share of criteria", step=0.05,
       en="Qualification rigour", nl="Grondigheid kwalificatie",
       help="Share of the criteria the rep really checks with the customer; the rest is a guess. Checking costs "
            "rep hours but the rep learns the need, budget and decision makers and writes quotes that win more "
            "often; guessing lets unwinnable deals through, drops winnable ones and inflates the forecast. Reps "
            "short of hours in a month check fewer criteria than this.",
       help_nl="Aandeel van de criteria dat de verkoper echt met de klant nagaat; de rest is een gok. Nagaan kost "
               "uren van de verkoper, maar die leert de behoefte, het budget en de beslissers kennen en schrijft "
               "offertes die vaker winnen; gokken laat onwinbare deals door, laat winbare liggen en blaast de "
               "verkoopprognose op. Verkopers die in een maand uren tekortkomen, gaan minder criteria na."),
    _p("funnel.sales_method", str, "solution",
       choices=("transactional", "spin", "solution", "challenger", "customer_centric", "strategic",
                "theory_of_constraints", "mix"),
       choice_labels=(("Transactional (Sales 1.0)", "Transactioneel (Sales 1.0)"), ("SPIN questions", "SPIN-vragen"),
                      ("Solution selling", "Oplossingsgericht verkopen"), ("Challenger", "Challenger"),
                      ("Customer-centric selling", "Klantgericht verkopen"), ("Strategic selling", "Strategisch verkopen"),
                      ("Theory of Constraints", "Theory of Constraints"),
                      ("Mix: each role its own method", "Mix: elke rol eigen methode")),
       en="Sales method", nl="Verkoopmethode",
       help="Each method helps in some situations (size, complexity, buyer) and hurts in others: transactional "
            "selling is quick but a complex product sold without advice wins less and leaves a less satisfied "
            "customer; 'mix' lets each role use the method that suits its segment, as the course advises.",
       help_nl="Elke methode helpt in sommige situaties (omvang, complexiteit, koper) en schaadt in andere: "
               "transactioneel verkopen is snel, maar een complex product verkocht zonder advies wint minder vaak en "
               "laat een minder tevreden klant achter; bij 'Mix' gebruikt elke rol de methode die bij zijn segment "
               "past, zoals de cursus aanraadt."),
    _p("funnel.promise_policy", str, "honest", choices=("customer_wish", "honest", "honest_buffer", "no_promise"),
       choice_labels=(("Promise what the customer wishes", "Beloven wat de klant wil"),
                      ("Honest estimate", "Eerlijke inschatting"),
                      ("Honest estimate plus buffer", "Eerlijke inschatting plus buffer"),
                      ("No promise", "Geen belofte")),
       en="Promise policy", nl="Beloftebeleid",
       help="What the rep promises for quote and delivery time: the customer's wish, an honest estimate, "
            "honest plus a buffer, or nothing.",
       help_nl="Wat de verkoper belooft voor offertetermijn en levertijd: de wens van de klant, een eerlijke "
               "inschatting, eerlijk plus een buffer, of niets."),
    _p("funnel.promise_buffer", float, 0.25, 0, 1, unit="share", step=0.05,
       en="Promise buffer", nl="Buffer in belofte",
       help="With 'honest_buffer': how much longer than the honest estimate is promised.",
       help_nl="Bij 'Eerlijke inschatting plus buffer': hoeveel langer dan de eerlijke inschatting wordt beloofd."),
    _p("funnel.promise_speed_effect", float, 1.0, 0, 5, unit="×", step=0.1,
       en="Effect of a fast promise", nl="Effect van snelle belofte",
       help="How strongly a faster delivery promise than the customer's wish raises the win chance.",
       help_nl="Hoe sterk een leverbelofte die sneller is dan de klant wenst de winkans verhoogt."),
    _p("funnel.late_quote_penalty", float, 0.5, 0, 1, unit="share", step=0.05,
       en="Late-quote penalty", nl="Straf te late offerte",
       help="Win chance lost when the quote arrives a full wished period later than the customer wished "
            "(competitors answer about that fast).",
       help_nl="Winkans die verloren gaat als de offerte een volle gewenste termijn later komt dan de klant wenste "
               "(ongeveer zo snel antwoorden concurrenten)."),
    _p("funnel.quote_work_days_simple", float, 0.3, 0.1, 30, unit="days", step=0.1,
       en="Quote work, simple", nl="Offertewerk eenvoudig",
       help="Average rep working time for a quote for a simple product, in working days of 8 hours (exponential). "
            "In calendar time it stretches: a rep works about 4.4 hours per calendar day (1,600 hours a year), "
            "and only the share that accounts and qualification leave goes to quotes.",
       help_nl="Gemiddelde werktijd van de verkoper voor een offerte voor een eenvoudig product, in werkdagen van "
               "8 uur (exponentieel verdeeld). In kalendertijd rekt die op: een verkoper werkt ongeveer 4,4 uur per "
               "kalenderdag (1.600 uur per jaar), en alleen het deel dat accountmanagement en kwalificatie "
               "overlaten gaat naar offertes."),
    _p("funnel.quote_work_days_complex", float, 1.0, 0.1, 60, unit="days", step=0.5,
       en="Quote work, complex", nl="Offertewerk complex",
       help="Average rep working time for a quote for a complex product, in working days of 8 hours "
            "(exponential); it stretches like the simple one.",
       help_nl="Gemiddelde werktijd van de verkoper voor een offerte voor een complex product, in werkdagen van "
               "8 uur (exponentieel verdeeld); rekt op zoals bij een eenvoudig product."),
    _p("funnel.quote_cost_simple", float, 300.0, 0, 20_000, unit="€/quote", step=50,
       en="Quote cost, simple", nl="Offertekosten eenvoudig",
       help="Out-of-pocket cost of one quote for a simple product (pricing, proposal), on top of the rep's hours.",
       help_nl="Directe kosten van één offerte voor een eenvoudig product (calculatie, voorstel), bovenop de uren "
               "van de verkoper."),
    _p("funnel.quote_cost_complex", float, 5000.0, 0, 100_000, unit="€/quote", step=500,
       en="Quote cost, complex", nl="Offertekosten complex",
       help="Out-of-pocket cost of one quote for a complex product (presales specialists, solution design, demo, "
            "legal review), on top of the rep's hours.",
       help_nl="Directe kosten van één offerte voor een complex product (presalesspecialisten, oplossingsontwerp, "
               "demo, juridische toets), bovenop de uren van de verkoper."),
    _p("funnel.buyer_patience_days", float, 12.0, 1, 120, unit="days", step=1,
       en="Buyer's patience", nl="Geduld van de koper",
       help="Average time a buyer waits for a quote that is still in the queue before buying elsewhere.",
       help_nl="Gemiddelde tijd die een koper wacht op een offerte die nog in de wachtrij staat, voordat hij elders "
               "koopt."),
    _p("funnel.customer_wish_quote_days", float, 3.0, 0.5, 30, unit="days", step=0.5,
       en="Customer's wished quote time", nl="Gewenste offertetermijn",
       help="How fast the customer would like the quote for a simple product when nothing else is said (complex: "
            "2.5× as long); competitors answer about that fast.",
       help_nl="Hoe snel de klant de offerte voor een eenvoudig product wil hebben als er niets anders is afgesproken "
               "(complex: 2,5× zo lang); ongeveer zo snel antwoorden concurrenten."),
    _p("funnel.qualification_days", float, 5.0, 0.5, 60, unit="days", step=0.5,
       en="Qualification time", nl="Kwalificatietijd",
       help="Average time from sales-accepted lead to a qualified opportunity.",
       help_nl="Gemiddelde tijd van een door sales geaccepteerde lead tot een gekwalificeerde opportunity."),
    _p("funnel.decision_days_simple", float, 10.0, 1, 120, unit="days", step=1,
       en="Decision time, simple", nl="Beslistijd eenvoudig",
       help="Average time a one-person DMU takes to decide after the quote.",
       help_nl="Gemiddelde tijd die een DMU van één persoon na de offerte nodig heeft om te beslissen."),
    _p("funnel.decision_days_complex", float, 60.0, 1, 365, unit="days", step=5,
       en="Decision time, complex", nl="Beslistijd complex",
       help="Average time a multi-person DMU takes to decide after the quote.",
       help_nl="Gemiddelde tijd die een DMU van meerdere personen na de offerte nodig heeft om te beslissen."),
    _p("funnel.criterion_yes_share", float, 0.26, 0, 1, unit="probability", step=0.05,
       en="Criterion 'yes' chance", nl="Kans op 'ja' per criterium",
       help="Base chance that a qualification criterion is 'yes' for a warm lead; drivers move it up or down.",
       help_nl="Basiskans dat een kwalificatiecriterium 'ja' is voor een warme lead; andere factoren verhogen of "
               "verlagen die kans."),
    # --- satisfaction
    _p("satisfaction.base_grade", float, 7.0, 1, 10, unit="grade 1–10", step=0.1,
       en="Grade when expectations are met", nl="Cijfer als verwachting klopt",
       help="The grade a customer gives when performance exactly meets expectation, at market-par disciplines.",
       help_nl="Het rapportcijfer dat een klant geeft als de prestatie precies aan de verwachting voldoet, met "
               "waardedisciplines op marktniveau."),
    _p("satisfaction.disconfirmation_sensitivity", float, 3.0, 0, 10, unit="grade points", step=0.1,
       en="Sensitivity to surprises", nl="Gevoeligheid voor verrassingen",
       help="Grade points gained when a complaint is solved at once (a quote or delivery gains at most 0.3 of "
            "them, at 30% sooner than expected); lost when twice as slow: times loss aversion.",
       help_nl="Cijferpunten die erbij komen als een klacht meteen is opgelost (een offerte of levering levert "
               "hoogstens 0,3 daarvan op, bij 30 % eerder dan verwacht); eraf bij twee keer zo traag: maal de "
               "verliesaversie."),
    _p("satisfaction.loss_aversion", float, 2.0, 1, 5, unit="×", step=0.1,
       en="Loss aversion", nl="Verliesaversie",
       help="A disappointment weighs this many times more than an equally large pleasant surprise.",
       help_nl="Een teleurstelling weegt zoveel keer zwaarder dan een even grote positieve verrassing."),
    _p("satisfaction.experience_weight", float, 0.1, 0.01, 1, unit="share", step=0.01,
       en="Weight of one experience", nl="Gewicht van één ervaring",
       help="How far one experience moves the customer's grade (a lasting attitude) towards that experience's score.",
       help_nl="Hoe ver één ervaring het rapportcijfer van de klant (een blijvende houding) opschuift naar de score "
               "van die ervaring."),
    _p("satisfaction.critical_spread", float, 0.8, 0, 3, unit="grade points", step=0.1,
       en="Spread of critical customers", nl="Spreiding kritische klanten",
       help="Standard deviation of customers' lasting disposition: some grade structurally higher or lower "
            "than others for the same performance.",
       help_nl="Standaardafwijking van de blijvende instelling van klanten: sommigen geven voor dezelfde prestatie "
               "structureel een hoger of lager cijfer dan anderen."),
    _p("satisfaction.expectation_management", float, 0.0, 0, 1, unit="share", step=0.05,
       en="Expectation management", nl="Verwachtingsmanagement",
       help="Share of foreseeable delays announced to the customer in advance: the surprise shrinks, the "
            "broken promise remains.",
       help_nl="Aandeel van de voorzienbare vertragingen dat vooraf aan de klant wordt gemeld "
               "(verwachtingsmanagement): de verrassing wordt kleiner, de gebroken belofte blijft."),
    _p("satisfaction.warmth_bonus", float, 1.0, 0, 3, unit="grade points", step=0.1,
       en="Warmth of a visit", nl="Warmte van een bezoek",
       help="Grade points above expectation that a personal account-management visit scores.",
       help_nl="Cijferpunten boven de verwachting die een persoonlijk bezoek van de accountmanager scoort (warmte)."),
    _p("satisfaction.nps_offset", float, 0.3, -3, 3, unit="points", step=0.1,
       en="NPS answer vs grade", nl="NPS-antwoord t.o.v. cijfer",
       help="How far the 0–10 recommendation answer lies above the school grade on average.",
       help_nl="Hoeveel het antwoord op de aanbevelingsvraag (0–10) gemiddeld boven het rapportcijfer ligt."),
    _p("satisfaction.nps_noise", float, 1.0, 0, 3, unit="points", step=0.1,
       en="Spread of NPS answers", nl="Spreiding NPS-antwoorden",
       help="Standard deviation of the recommendation answer around grade + offset.",
       help_nl="Standaardafwijking van het antwoord op de aanbevelingsvraag rond cijfer + verschuiving."),
    # --- churn
    _p("churn.annual_at_grade_6", float, 0.23, 0, 0.99, unit="share/year", step=0.01,
       en="Churn at grade 6", nl="Verloop bij een 6",
       help="Share of customers held at grade 6 that leaves within a year. Grades move and the least loyal leave "
            "first, so 0.23 makes customers *observed* at about 6 lose about 20% a year, as Popping found.",
       help_nl="Aandeel van de klanten met een blijvend rapportcijfer 6 dat binnen een jaar vertrekt. Cijfers bewegen "
               "en de minst loyale klanten vertrekken eerst, dus met 0,23 verliezen klanten die rond een 6 *gemeten* "
               "worden ongeveer 20 % per jaar, zoals Popping vond."),
    _p("churn.annual_at_grade_8", float, 0.03, 0, 0.99, unit="share/year", step=0.01,
       en="Churn at grade 8", nl="Verloop bij een 8",
       help="Share of customers held at grade 8 that leaves within a year (low: follow-up orders are automatic).",
       help_nl="Aandeel van de klanten met een blijvend rapportcijfer 8 dat binnen een jaar vertrekt (laag: "
               "vervolgorders gaan vanzelf)."),
    _p("churn.loyalty_spread", float, 1.0, 0, 2, unit="log-sd", step=0.1,
       en="Spread of loyalty", nl="Spreiding loyaliteit",
       help="How much customers differ in their lasting tendency to leave at the same grade (standard deviation "
            "of the log churn multiplier); the less loyal leave first, so older cohorts retain better.",
       help_nl="Hoeveel klanten verschillen in hun blijvende neiging om bij hetzelfde cijfer te vertrekken "
               "(standaardafwijking van de logaritme van de verloopfactor); de minst loyale vertrekken eerst, dus "
               "oudere cohorten blijven beter behouden."),
    _p("churn.supplier_ends_unprofitable", bool, False,
       en="End unprofitable relationships", nl="Onrendabele relaties beëindigen",
       help="Once a year the supplier ends relationships that cost more to serve than they bring in.",
       help_nl="Eens per jaar beëindigt de leverancier relaties die meer kosten om te bedienen dan ze opbrengen."),
    # --- accounts
    _p("accounts.initial_customers", int, 300, 0, 5000, unit="customers", step=10,
       en="Existing customers at start", nl="Bestaande klanten bij start",
       help="Size of the existing customer base the simulation starts from.",
       help_nl="Omvang van het bestaande klantenbestand waarmee de simulatie begint."),
    _p("accounts.initial_grade_mean", float, 7.6, 1, 10, unit="grade 1–10", step=0.1,
       en="Average grade at start", nl="Gemiddeld cijfer bij start",
       help="Average satisfaction grade of the existing customer base.",
       help_nl="Gemiddeld rapportcijfer voor tevredenheid van het bestaande klantenbestand."),
    _p("accounts.initial_grade_sd", float, 0.8, 0, 3, unit="grade points", step=0.1,
       en="Spread of grades at start", nl="Spreiding cijfers bij start",
       help="Standard deviation of the existing customers' grades.",
       help_nl="Standaardafwijking van de rapportcijfers van de bestaande klanten."),
    _p("accounts.initial_loyal_share", float, 0.9, 0, 1, unit="share", step=0.05,
       en="Loyal share at start", nl="Aandeel loyale klanten bij start",
       help="Share of the existing customers that is already loyal.",
       help_nl="Aandeel van de bestaande klanten dat al loyaal is."),
    _p("accounts.annual_potential_small", float, 18_000.0, 0, 1_000_000, unit="€/year", step=1000,
       en="Spend of a small customer", nl="Budget kleine klant",
       help="What a small customer spends per year on what we sell, at full share of wallet.",
       help_nl="Wat een kleine klant per jaar uitgeeft aan wat wij verkopen, als wij al die inkoop krijgen (volledig "
               "klantaandeel)."),
    _p("accounts.annual_potential_medium", float, 75_000.0, 0, 5_000_000, unit="€/year", step=1000,
       en="Spend of a medium customer", nl="Budget middelgrote klant",
       help="What a medium customer spends per year on what we sell, at full share of wallet.",
       help_nl="Wat een middelgrote klant per jaar uitgeeft aan wat wij verkopen, als wij al die inkoop krijgen "
               "(volledig klantaandeel)."),
    _p("accounts.annual_potential_large", float, 300_000.0, 0, 20_000_000, unit="€/year", step=5000,
       en="Spend of a large customer", nl="Budget grote klant",
       help="What a large customer spends per year on what we sell, at full share of wallet.",
       help_nl="Wat een grote klant per jaar uitgeeft aan wat wij verkopen, als wij al die inkoop krijgen (volledig "
               "klantaandeel)."),
    _p("accounts.orders_to_loyal", int, 3, 1, 20, unit="orders", step=1,
       en="Repeat orders to loyal", nl="Herhaalorders tot loyaal",
       help="Repeat orders after which a new customer counts as loyal.",
       help_nl="Aantal herhaalorders waarna een nieuwe klant als loyale klant telt."),
    _p("accounts.customer_wish_delivery_days", float, 8.0, 1, 120, unit="days", step=1,
       en="Customer's wished delivery time", nl="Gewenste levertijd",
       help="Delivery time the customer hopes for when nothing is promised.",
       help_nl="Levertijd waarop de klant hoopt als er niets is beloofd."),
    _p("accounts.delivery_days_simple", float, 12.0, 1, 120, unit="days", step=1,
       en="Delivery time, simple", nl="Levertijd eenvoudig",
       help="Real average delivery time of a simple product at market-par operations.",
       help_nl="Werkelijke gemiddelde levertijd van een eenvoudig product bij een bedrijfsvoering op marktniveau."),
    _p("accounts.delivery_days_complex", float, 30.0, 1, 365, unit="days", step=1,
       en="Delivery time, complex", nl="Levertijd complex",
       help="Real average delivery time of a complex product at market-par operations.",
       help_nl="Werkelijke gemiddelde levertijd van een complex product bij een bedrijfsvoering op marktniveau."),
    _p("accounts.delivery_spread", float, 0.3, 0, 1.5, unit="log-sd", step=0.05,
       en="Delivery time spread", nl="Spreiding levertijd",
       help="Variability of real delivery times (standard deviation of their logarithm).",
       help_nl="Variatie van de werkelijke levertijden (standaardafwijking van hun logaritme)."),
    _p("accounts.incidents_per_year", float, 2.0, 0, 24, unit="incidents/year", step=0.5,
       en="Service incidents", nl="Service-incidenten",
       help="Service incidents per customer per year at market-par product quality.",
       help_nl="Service-incidenten per klant per jaar bij een productkwaliteit op marktniveau."),
    _p("accounts.complaint_share", float, 0.5, 0, 1, unit="share", step=0.05,
       en="Incidents that become complaints", nl="Incidenten die klacht worden",
       help="Share of incidents the customer reports as a complaint (judged on handling time against the target).",
       help_nl="Aandeel van de incidenten dat de klant als klacht meldt (beoordeeld op afhandeltijd ten opzichte van "
               "de norm)."),
    _p("accounts.complaint_target_hours", float, 24.0, 1, 240, unit="hours", step=1,
       en="Complaint handling target", nl="Norm klachtafhandeling",
       help="Promised handling time for complaints (e.g. 90% within 24 hours). Customers expect a working day "
            "whatever the norm says: a slower norm only lowers the KPI's bar.",
       help_nl="Beloofde afhandeltijd voor klachten (bijv. 90 % binnen 24 uur). Klanten verwachten hoe dan ook "
               "binnen een werkdag een oplossing: een ruimere norm verlaagt alleen de lat van de KPI."),
    _p("accounts.complaint_work_hours", float, 4.0, 0.1, 80, unit="hours", step=0.5,
       en="Work per complaint", nl="Werk per klacht",
       help="Average service-staff time to resolve an incident or complaint (exponential); without service "
            "staff, reps handle them in their account hours.",
       help_nl="Gemiddelde tijd die een servicemedewerker nodig heeft om een incident of klacht op te lossen "
               "(exponentieel verdeeld); zonder servicemedewerkers doen de verkopers dat in hun uren voor "
               "accountmanagement."),
    _p("accounts.visits_per_year", float, 4.0, 0, 52, unit="visits/year", step=1,
       en="Account visits", nl="Accountbezoeken",
       help="Visits planned per medium customer per year (simple products: more, shorter visits; complex: "
            "fewer, longer ones). The course's norm is 4; visits beyond a customer's need please less and less.",
       help_nl="Geplande bezoeken per middelgrote klant per jaar (eenvoudige producten: meer, kortere bezoeken; "
               "complexe: minder, langere). De norm in de cursus is 4; bezoeken boven de behoefte van een klant maken "
               "steeds minder indruk."),
    _p("accounts.visit_hours", float, 6.0, 0.5, 40, unit="hours", step=0.5,
       en="Hours per visit", nl="Uren per bezoek",
       help="Rep time per visit including preparation and travel.",
       help_nl="Tijd van de verkoper per bezoek, inclusief voorbereiding en reistijd."),
    _p("accounts.visit_cost", float, 120.0, 0, 2000, unit="€/visit", step=5,
       en="Travel cost per visit", nl="Reiskosten per bezoek",
       help="Out-of-pocket cost of one visit (travel, parking, lunch), on top of the rep's hours.",
       help_nl="Directe uitgaven voor één bezoek (reis, parkeren, lunch), bovenop de uren van de verkoper."),
    _p("accounts.follow_up_hours", float, 3.0, 0, 80, unit="hours", step=1,
       en="Follow-up sales effort", nl="Inspanning vervolgverkoop",
       help="Rep hours a follow-up order costs from a customer below grade 8 (at 8+ reorders are automatic); "
            "a follow-up the reps have no time for is a lost order.",
       help_nl="Uren van de verkoper die een vervolgorder kost bij een klant onder rapportcijfer 8 (vanaf een 8 gaan "
               "nabestellingen vanzelf); een vervolgorder waar de verkopers geen tijd voor hebben, is een verloren "
               "order."),
    # --- organisation
    _p("organisation.inside_sales", int, 3, 0, 20, unit="FTE", step=1, en="Inside sales",
       nl="Sales binnendienst", help="Reps for small customers with simple products.",
       help_nl="Verkopers in de sales binnendienst, voor kleine klanten met eenvoudige producten."),
    _p("organisation.junior_account_managers", int, 6, 0, 20, unit="FTE", step=1,
       en="Junior account managers", nl="Junior accountmanagers",
       help="Reps for small customers with complex products and medium customers with simple ones.",
       help_nl="Verkopers voor kleine klanten met complexe producten en middelgrote klanten met eenvoudige producten."),
    _p("organisation.account_managers", int, 3, 0, 20, unit="FTE", step=1, en="Account managers",
       nl="Accountmanagers", help="Reps for medium customers with complex products.",
       help_nl="Verkopers voor middelgrote klanten met complexe producten."),
    _p("organisation.senior_account_managers", int, 3, 0, 20, unit="FTE", step=1,
       en="Senior account managers", nl="Senior accountmanagers",
       help="Reps for large customers with simple products.",
       help_nl="Verkopers voor grote klanten met eenvoudige producten."),
    _p("organisation.key_account_managers", int, 2, 0, 20, unit="FTE", step=1,
       en="Key account managers", nl="Key accountmanagers",
       help="Reps for large customers with complex products (strategic selling, PSU).",
       help_nl="Verkopers voor grote klanten met complexe producten (strategisch verkopen, PSU)."),
    _p("organisation.service_staff", int, 2, 0, 20, unit="FTE", step=1, en="Service staff",
       nl="Servicemedewerkers", help="Staff who resolve incidents and complaints; without them the reps do.",
       help_nl="Medewerkers die incidenten en klachten oplossen; zonder hen doen de verkopers dat."),
    _p("organisation.account_time_share", float, 0.75, 0, 0.9, unit="share", step=0.05,
       en="Rep time for accounts", nl="Tijd voor accountmanagement",
       help="Most of a rep's hours that existing customers may take (follow-up orders first, then visits); "
            "what they leave goes to qualification and quotes, which always keep at least a tenth.",
       help_nl="Maximaal deel van de uren van een verkoper dat bestaande klanten mogen opslokken (eerst "
               "vervolgorders, dan bezoeken); wat overblijft gaat naar kwalificatie en offertes, die altijd minstens "
               "een tiende houden."),
    _p("organisation.hours_per_rep_year", float, 1600.0, 500, 2200, unit="hours/year", step=50,
       en="Productive hours per rep", nl="Productieve uren per medewerker",
       help="Productive hours per FTE per year.",
       help_nl="Productieve uren per fte per jaar."),
    _p("organisation.rep_cost_per_year", float, 90_000.0, 20_000, 300_000, unit="€/FTE/year", step=5000,
       en="Cost per rep", nl="Kosten per medewerker",
       help="Average employer cost of a rep; inside sales costs 0.6×, key account managers 1.4× of this.",
       help_nl="Gemiddelde werkgeverskosten van een verkoper; de sales binnendienst kost 0,6× en key accountmanagers "
               "1,4× dit bedrag."),
    _p("organisation.service_cost_per_year", float, 60_000.0, 20_000, 200_000, unit="€/FTE/year", step=5000,
       en="Cost per service FTE", nl="Kosten per servicemedewerker",
       help="Employer cost of one service FTE.",
       help_nl="Werkgeverskosten van één servicemedewerker (fte)."),
    # --- strategy
    _p("strategy.customer_intimacy", float, 0.75, 0, 1, unit="level 0–1", step=0.05,
       en="Customer intimacy", nl="Customer intimacy",
       help="Investment in knowing and tailoring to each customer: warmer visits, better fit, higher cost to serve.",
       help_nl="Investering in het kennen van elke klant en maatwerk per klant: warmere bezoeken, betere aansluiting, "
               "hogere kosten om de klant te bedienen."),
    _p("strategy.operational_excellence", float, 0.55, 0, 1, unit="level 0–1", step=0.05,
       en="Operational excellence", nl="Operational excellence",
       help="Investment in efficient processes: faster delivery and quotes, lower cost, lower prices.",
       help_nl="Investering in efficiënte processen: snellere levering en offertes, lagere kosten, lagere prijzen."),
    _p("strategy.product_leadership", float, 0.55, 0, 1, unit="level 0–1", step=0.05,
       en="Product leadership", nl="Product leadership",
       help="Investment in the best product: fewer incidents, better fit, a price premium.",
       help_nl="Investering in het beste product: minder incidenten, betere aansluiting, een hogere prijs."),
    _p("strategy.cost_per_level", float, 2_700_000.0, 0, 10_000_000, unit="€/year", step=50_000,
       en="Cost of one discipline level", nl="Kosten per disciplineniveau",
       help="Yearly cost of holding one value discipline at level 1; the cost grows with the fourth power of the level, "
            "so excelling at everything is unaffordable.",
       help_nl="Jaarlijkse kosten om één waardediscipline op niveau 1 te houden; de kosten groeien met de vierde "
               "macht van het niveau, dus overal in uitblinken is onbetaalbaar."),
    # --- economics
    _p("economics.gross_margin", float, 0.45, 0, 1, unit="share of revenue", step=0.01,
       en="Gross margin", nl="Brutomarge",
       help="Revenue minus the cost of what is delivered, as a share of revenue.",
       help_nl="Omzet min de kosten van wat geleverd wordt, als aandeel van de omzet."),
    _p("economics.price_level", float, 1.0, 0.8, 1.2, unit="× market price", step=0.05,
       en="Price level", nl="Prijsniveau",
       help="Our prices relative to the market's: a discount wins more deals (win chance × price level⁻²) but comes "
            "off the gross margin, since what is delivered costs the same.",
       help_nl="Onze prijzen ten opzichte van de markt: korting wint meer deals (winkans × prijsniveau⁻²), maar gaat "
               "van de brutomarge af, want wat geleverd wordt kost evenveel."),
)

SPECS: dict[str, ParamSpec] = {spec.name: spec for spec in PARAMETERS}


def defaults() -> dict[str, Any]:
    """All parameter defaults, keyed by full dotted name."""
    return {spec.name: spec.default for spec in PARAMETERS}
