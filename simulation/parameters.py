"""The parameter table: every knob of the model, declared once.

Validation, widget panels, the command line, scenario files and the
generated parameter reference all read this table, so adding a knob is one
row here plus the model code that uses it. Each row names the course concept
(DOMAIN.md) it belongs to and carries an English and a Dutch label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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

    def allowed(self) -> str:
        """Readable text of what this parameter accepts, for error messages."""
        if self.choices:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        if self.kind is bool:
            return "true or false"
        word = "an integer" if self.kind is int else "a number"
        return f"{word} in the range [{self.low:g}, {self.high:g}]"

    def label(self, language: str = "en") -> str:
        return self.label_nl if language == "nl" else self.label_en

    def choice_label(self, choice: str, language: str = "en") -> str:
        """The readable name of one of the choices ('Eerlijke inschatting'), the value itself if it has none."""
        labels = dict(zip(self.choices, self.choice_labels))
        return labels[choice][language == "nl"] if choice in labels else choice


def _p(name, kind, default, low=None, high=None, *, unit="", help, en, nl, choices=(), step=None, choice_labels=()):
    return ParamSpec(name, kind, default, low, high, tuple(choices), unit, help, en, nl, step, tuple(choice_labels))


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
       help="Length of the simulated period; the model's clock ticks in days."),
    # --- market and lead generation
    _p("market.campaign_spend_per_month", float, 12_000.0, 0, 200_000, unit="€/month", step=1000,
       en="Campaign spend", nl="Campagnebudget",
       help="Marketing spend on campaigns; each €1,000 buys leads at the yield below."),
    _p("market.leads_per_1000_euro", float, 10.0, 0, 40, unit="leads/€1,000", step=0.5,
       en="Campaign lead yield", nl="Leads per €1.000",
       help="Cold leads a campaign brings in per €1,000 spent."),
    _p("market.inbound_leads_per_month", float, 12.0, 0, 500, unit="leads/month", step=1,
       en="Inbound leads", nl="Inbound leads",
       help="Warm leads that find the company by themselves (website, events)."),
    _p("market.referrals_per_promoter", float, 3.0, 0, 10, unit="prospects/year", step=0.5,
       en="Referrals per satisfied customer", nl="Aanbevelingen per tevreden klant",
       help="Potential customers a satisfied customer (grade 8 or more) influences per year."),
    _p("market.relations_harmed_per_detractor", float, 10.0, 0, 30, unit="relations/year", step=1,
       en="Relations harmed per detractor", nl="Relaties geschaad per criticaster",
       help="Relations a dissatisfied customer (grade below 6) talks out of buying, per year."),
    _p("market.word_of_mouth_lead_share", float, 0.25, 0, 1, unit="share", step=0.05,
       en="Word-of-mouth lead share", nl="Mond-tot-mond dat lead wordt",
       help="Share of influenced relations that becomes (or is lost as) a lead."),
    _p("market.alignment", str, "defined", choices=("undefined", "defined", "aligned", "integrated"),
       choice_labels=(("Undefined: no structural cooperation", "Ongedefinieerd: geen vaste samenwerking"),
                      ("Defined: agreed hand-offs", "Gedefinieerd: afgesproken overdracht"),
                      ("Aligned: joint consultation", "Afgestemd: gezamenlijk overleg"),
                      ("Integrated: one shared focus", "Geïntegreerd: één gedeelde focus")),
       en="Marketing–sales alignment", nl="Afstemming marketing–sales",
       help="How marketing hands leads to sales: the better aligned, the fewer leads leak away."),
    _p("market.cold_to_warm_share", float, 0.08, 0, 1, unit="share", step=0.05,
       en="Cold → warm share", nl="Aandeel koud → warm",
       help="Share of cold campaign leads that marketing warms up to a marketing-qualified lead."),
    _p("market.lead_nurturing", bool, True, en="Lead nurturing", nl="Lead nurturing",
       help="Keep sending relevant content to dropped leads so some come back into the funnel."),
    _p("market.nurture_return_share", float, 0.12, 0, 1, unit="share", step=0.05,
       en="Nurtured leads that return", nl="Aandeel leads dat terugkeert",
       help="Share of nurtured leads that comes back as a warm lead."),
    _p("market.nurture_months", float, 4.0, 0.5, 24, unit="months", step=0.5,
       en="Time in nurturing", nl="Duur nurturing",
       help="Average time a nurtured lead takes before it returns."),
    _p("market.win_back_share", float, 0.2, 0, 1, unit="share", step=0.05,
       en="Win-back attempts", nl="Terugwinpogingen",
       help="Share of customers who left (churned) that is approached again as a potential customer."),
    _p("market.competitor_intensity", float, 1.0, 0, 3, unit="×", step=0.1,
       en="Competitor intensity", nl="Intensiteit concurrentie",
       help="How hard competitors push: scales the temptation of customers below grade 8 and lowers the 'Competition' criterion."),
    _p("market.competitor_level", float, 0.75, 0, 1, unit="level 0–1", step=0.05,
       en="Competitors' level", nl="Niveau concurrenten",
       help="Level of the specialist competitors on each value discipline."),
    _p("market.share_small", float, 0.5, 0, 1, unit="share", step=0.05,
       en="Small customers", nl="Aandeel kleine klanten",
       help="Share of leads from small companies (the rest is medium or large)."),
    _p("market.share_large", float, 0.15, 0, 1, unit="share", step=0.05,
       en="Large customers", nl="Aandeel grote klanten",
       help="Share of leads from large companies."),
    _p("market.complex_share", float, 0.4, 0, 1, unit="share", step=0.05,
       en="Complex products", nl="Aandeel complexe producten",
       help="Share of leads asking for a complex product (long cycle, multi-person DMU)."),
    # --- funnel
    _p("funnel.qualification_method", str, "scotsman", choices=("scotsman", "bant"),
       choice_labels=(("Scotsman (8 criteria)", "Scotsman (8 criteria)"), ("BANT (4 criteria)", "BANT (4 criteria)")),
       en="Qualification method", nl="Kwalificatiemethode",
       help="Scotsman scores 8 criteria (12.5% each); BANT only Budget, Authority, Need and Time."),
    _p("funnel.qualification_threshold", float, 0.25, 0, 1, unit="share of criteria", step=0.125,
       en="Qualification threshold", nl="Kwalificatiedrempel",
       help="Share of criteria that must be 'yes' before sales spends time on a quote."),
    _p("funnel.qualification_rigour", float, 0.85, 0, 1, unit="share of criteria", step=0.05,
       en="Qualification rigour", nl="Grondigheid kwalificatie",
       help="Share of the criteria the rep really checks with the customer; the rest is a guess. Checking costs "
            "rep hours; guessing lets unwinnable deals through, drops winnable ones and inflates the forecast."),
    _p("funnel.sales_method", str, "solution",
       choices=("transactional", "spin", "solution", "challenger", "customer_centric", "strategic",
                "theory_of_constraints", "mix"),
       choice_labels=(("Transactional (Sales 1.0)", "Transactioneel (Sales 1.0)"), ("SPIN questions", "SPIN-vragen"),
                      ("Solution selling", "Oplossingsgericht verkopen"), ("Challenger", "Challenger"),
                      ("Customer-centric selling", "Klantgericht verkopen"), ("Strategic selling", "Strategisch verkopen"),
                      ("Theory of Constraints", "Theory of Constraints"),
                      ("Mix: each role its own method", "Mix: elke rol eigen methode")),
       en="Sales method", nl="Verkoopmethode",
       help="Each method helps in some situations (size, complexity, buyer) and hurts in others; 'mix' lets "
            "each role use the method that suits its segment, as the course advises."),
    _p("funnel.promise_policy", str, "honest", choices=("customer_wish", "honest", "honest_buffer", "no_promise"),
       choice_labels=(("Promise what the customer wishes", "Beloven wat de klant wil"),
                      ("Honest estimate", "Eerlijke inschatting"),
                      ("Honest estimate plus buffer", "Eerlijke inschatting plus buffer"),
                      ("No promise", "Geen belofte")),
       en="Promise policy", nl="Beloftebeleid",
       help="What the rep promises for quote and delivery time: the customer's wish, an honest estimate, "
            "honest plus a buffer, or nothing."),
    _p("funnel.promise_buffer", float, 0.25, 0, 1, unit="share", step=0.05,
       en="Promise buffer", nl="Buffer in belofte",
       help="With 'honest_buffer': how much longer than the honest estimate is promised."),
    _p("funnel.promise_speed_effect", float, 1.0, 0, 5, unit="×", step=0.1,
       en="Effect of a fast promise", nl="Effect van snelle belofte",
       help="How strongly a faster delivery promise than the customer's wish raises the win chance."),
    _p("funnel.late_quote_penalty", float, 0.5, 0, 1, unit="share", step=0.05,
       en="Late-quote penalty", nl="Straf te late offerte",
       help="Win chance lost when the quote arrives a full wished period later than the customer wished "
            "(competitors answer about that fast)."),
    _p("funnel.quote_work_days_simple", float, 0.5, 0.1, 30, unit="days", step=0.1,
       en="Quote work, simple", nl="Offertewerk eenvoudig",
       help="Average rep working time for a quote for a simple product (exponential); it stretches in "
            "calendar time by the share of the reps' hours that accounts and qualification take."),
    _p("funnel.quote_work_days_complex", float, 2.0, 0.1, 60, unit="days", step=0.5,
       en="Quote work, complex", nl="Offertewerk complex",
       help="Average rep working time for a quote for a complex product (exponential); it stretches like the simple one."),
    _p("funnel.buyer_patience_days", float, 12.0, 1, 120, unit="days", step=1,
       en="Buyer's patience", nl="Geduld van de koper",
       help="Average time a buyer waits for a quote that is still in the queue before buying elsewhere."),
    _p("funnel.customer_wish_quote_days", float, 3.0, 0.5, 30, unit="days", step=0.5,
       en="Customer's wished quote time", nl="Gewenste offertetermijn",
       help="How fast the customer would like the quote for a simple product when nothing else is said (complex: "
            "2.5× as long); competitors answer about that fast."),
    _p("funnel.qualification_days", float, 5.0, 0.5, 60, unit="days", step=0.5,
       en="Qualification time", nl="Kwalificatietijd",
       help="Average time from sales-accepted lead to a qualified opportunity."),
    _p("funnel.decision_days_simple", float, 10.0, 1, 120, unit="days", step=1,
       en="Decision time, simple", nl="Beslistijd eenvoudig",
       help="Average time a one-person DMU takes to decide after the quote."),
    _p("funnel.decision_days_complex", float, 60.0, 1, 365, unit="days", step=5,
       en="Decision time, complex", nl="Beslistijd complex",
       help="Average time a multi-person DMU takes to decide after the quote."),
    _p("funnel.criterion_yes_share", float, 0.26, 0, 1, unit="probability", step=0.05,
       en="Criterion 'yes' chance", nl="Kans op 'ja' per criterium",
       help="Base chance that a qualification criterion is 'yes' for a warm lead; drivers move it up or down."),
    # --- satisfaction
    _p("satisfaction.base_grade", float, 7.0, 1, 10, unit="grade 1–10", step=0.1,
       en="Grade when expectations are met", nl="Cijfer als verwachting klopt",
       help="The grade a customer gives when performance exactly meets expectation, at market-par disciplines."),
    _p("satisfaction.disconfirmation_sensitivity", float, 3.0, 0, 10, unit="grade points", step=0.1,
       en="Sensitivity to surprises", nl="Gevoeligheid voor verrassingen",
       help="Grade points gained when performance is 100% better than expected (lost: times loss aversion)."),
    _p("satisfaction.loss_aversion", float, 2.0, 1, 5, unit="×", step=0.1,
       en="Loss aversion", nl="Verliesaversie",
       help="A disappointment weighs this many times more than an equally large pleasant surprise."),
    _p("satisfaction.experience_weight", float, 0.1, 0.01, 1, unit="share", step=0.01,
       en="Weight of one experience", nl="Gewicht van één ervaring",
       help="How far one experience moves the customer's grade (a lasting attitude) towards that experience's score."),
    _p("satisfaction.critical_spread", float, 0.8, 0, 3, unit="grade points", step=0.1,
       en="Spread of critical customers", nl="Spreiding kritische klanten",
       help="Standard deviation of customers' lasting disposition: some grade structurally higher or lower "
            "than others for the same performance."),
    _p("satisfaction.expectation_management", float, 0.0, 0, 1, unit="share", step=0.05,
       en="Expectation management", nl="Verwachtingsmanagement",
       help="Share of foreseeable delays announced to the customer in advance: the surprise shrinks, the "
            "broken promise remains."),
    _p("satisfaction.warmth_bonus", float, 1.0, 0, 3, unit="grade points", step=0.1,
       en="Warmth of a visit", nl="Warmte van een bezoek",
       help="Grade points above expectation that a personal account-management visit scores."),
    _p("satisfaction.nps_offset", float, 0.3, -3, 3, unit="points", step=0.1,
       en="NPS answer vs grade", nl="NPS-antwoord t.o.v. cijfer",
       help="How far the 0–10 recommendation answer lies above the school grade on average."),
    _p("satisfaction.nps_noise", float, 1.0, 0, 3, unit="points", step=0.1,
       en="Spread of NPS answers", nl="Spreiding NPS-antwoorden",
       help="Standard deviation of the recommendation answer around grade + offset."),
    # --- churn
    _p("churn.annual_at_grade_6", float, 0.23, 0, 0.99, unit="share/year", step=0.01,
       en="Churn at grade 6", nl="Verloop bij een 6",
       help="Share of customers held at grade 6 that leaves within a year. Grades move and the least loyal leave "
            "first, so 0.23 makes customers *observed* at about 6 lose about 20% a year, as Popping found."),
    _p("churn.annual_at_grade_8", float, 0.03, 0, 0.99, unit="share/year", step=0.01,
       en="Churn at grade 8", nl="Verloop bij een 8",
       help="Share of customers held at grade 8 that leaves within a year (low: follow-up orders are automatic)."),
    _p("churn.loyalty_spread", float, 1.0, 0, 2, unit="log-sd", step=0.1,
       en="Spread of loyalty", nl="Spreiding loyaliteit",
       help="How much customers differ in their lasting tendency to leave at the same grade (standard deviation "
            "of the log churn multiplier); the less loyal leave first, so older cohorts retain better."),
    _p("churn.supplier_ends_unprofitable", bool, False,
       en="End unprofitable relationships", nl="Onrendabele relaties beëindigen",
       help="Once a year the supplier ends relationships that cost more to serve than they bring in."),
    # --- accounts
    _p("accounts.initial_customers", int, 300, 0, 5000, unit="customers", step=10,
       en="Existing customers at start", nl="Bestaande klanten bij start",
       help="Size of the existing customer base the simulation starts from."),
    _p("accounts.initial_grade_mean", float, 7.4, 1, 10, unit="grade 1–10", step=0.1,
       en="Average grade at start", nl="Gemiddeld cijfer bij start",
       help="Average satisfaction grade of the existing customer base."),
    _p("accounts.initial_grade_sd", float, 0.8, 0, 3, unit="grade points", step=0.1,
       en="Spread of grades at start", nl="Spreiding cijfers bij start",
       help="Standard deviation of the existing customers' grades."),
    _p("accounts.initial_loyal_share", float, 0.7, 0, 1, unit="share", step=0.05,
       en="Loyal share at start", nl="Aandeel loyale klanten bij start",
       help="Share of the existing customers that is already loyal."),
    _p("accounts.annual_potential_small", float, 12_000.0, 0, 1_000_000, unit="€/year", step=1000,
       en="Spend of a small customer", nl="Budget kleine klant",
       help="What a small customer spends per year on what we sell, at full share of wallet."),
    _p("accounts.annual_potential_medium", float, 50_000.0, 0, 5_000_000, unit="€/year", step=1000,
       en="Spend of a medium customer", nl="Budget middelgrote klant",
       help="What a medium customer spends per year on what we sell, at full share of wallet."),
    _p("accounts.annual_potential_large", float, 200_000.0, 0, 20_000_000, unit="€/year", step=5000,
       en="Spend of a large customer", nl="Budget grote klant",
       help="What a large customer spends per year on what we sell, at full share of wallet."),
    _p("accounts.orders_to_loyal", int, 3, 1, 20, unit="orders", step=1,
       en="Repeat orders to loyal", nl="Herhaalorders tot loyaal",
       help="Repeat orders after which a new customer counts as loyal."),
    _p("accounts.customer_wish_delivery_days", float, 8.0, 1, 120, unit="days", step=1,
       en="Customer's wished delivery time", nl="Gewenste levertijd",
       help="Delivery time the customer hopes for when nothing is promised."),
    _p("accounts.delivery_days_simple", float, 12.0, 1, 120, unit="days", step=1,
       en="Delivery time, simple", nl="Levertijd eenvoudig",
       help="Real average delivery time of a simple product at market-par operations."),
    _p("accounts.delivery_days_complex", float, 30.0, 1, 365, unit="days", step=1,
       en="Delivery time, complex", nl="Levertijd complex",
       help="Real average delivery time of a complex product at market-par operations."),
    _p("accounts.delivery_spread", float, 0.3, 0, 1.5, unit="log-sd", step=0.05,
       en="Delivery time spread", nl="Spreiding levertijd",
       help="Variability of real delivery times (standard deviation of their logarithm)."),
    _p("accounts.incidents_per_year", float, 2.0, 0, 24, unit="incidents/year", step=0.5,
       en="Service incidents", nl="Service-incidenten",
       help="Service incidents per customer per year at market-par product quality."),
    _p("accounts.complaint_share", float, 0.5, 0, 1, unit="share", step=0.05,
       en="Incidents that become complaints", nl="Incidenten die klacht worden",
       help="Share of incidents the customer reports as a complaint (judged on handling time against the target)."),
    _p("accounts.complaint_target_hours", float, 24.0, 1, 240, unit="hours", step=1,
       en="Complaint handling target", nl="Norm klachtafhandeling",
       help="Promised handling time for complaints (e.g. 90% within 24 hours)."),
    _p("accounts.complaint_work_hours", float, 4.0, 0.1, 80, unit="hours", step=0.5,
       en="Work per complaint", nl="Werk per klacht",
       help="Average service-staff time to resolve an incident or complaint (exponential); without service "
            "staff, reps handle them in their account hours."),
    _p("accounts.visits_per_year", float, 4.0, 0, 52, unit="visits/year", step=1,
       en="Account visits", nl="Accountbezoeken",
       help="Visits planned per medium customer per year (simple products: more, shorter visits; complex: "
            "fewer, longer ones). The course's norm is 4; visits beyond a customer's need please less and less."),
    _p("accounts.visit_hours", float, 6.0, 0.5, 40, unit="hours", step=0.5,
       en="Hours per visit", nl="Uren per bezoek",
       help="Rep time per visit including preparation and travel."),
    _p("accounts.visit_cost", float, 120.0, 0, 2000, unit="€/visit", step=5,
       en="Travel cost per visit", nl="Reiskosten per bezoek",
       help="Out-of-pocket cost of one visit (travel, parking, lunch), on top of the rep's hours."),
    _p("accounts.follow_up_hours", float, 3.0, 0, 80, unit="hours", step=1,
       en="Follow-up sales effort", nl="Inspanning vervolgverkoop",
       help="Rep hours a follow-up order costs from a customer below grade 8 (at 8+ reorders are automatic); "
            "a follow-up the reps have no time for is a lost order."),
    # --- organisation
    _p("organisation.inside_sales", int, 3, 0, 20, unit="FTE", step=1, en="Inside sales",
       nl="Sales binnendienst", help="Reps for small customers with simple products."),
    _p("organisation.junior_account_managers", int, 5, 0, 20, unit="FTE", step=1,
       en="Junior account managers", nl="Junior accountmanagers",
       help="Reps for small customers with complex products and medium customers with simple ones."),
    _p("organisation.account_managers", int, 2, 0, 20, unit="FTE", step=1, en="Account managers",
       nl="Accountmanagers", help="Reps for medium customers with complex products."),
    _p("organisation.senior_account_managers", int, 3, 0, 20, unit="FTE", step=1,
       en="Senior account managers", nl="Senior accountmanagers",
       help="Reps for large customers with simple products."),
    _p("organisation.key_account_managers", int, 2, 0, 20, unit="FTE", step=1,
       en="Key account managers", nl="Key accountmanagers",
       help="Reps for large customers with complex products (strategic selling, PSU)."),
    _p("organisation.service_staff", int, 2, 0, 20, unit="FTE", step=1, en="Service staff",
       nl="Servicemedewerkers", help="Staff who resolve incidents and complaints; without them the reps do."),
    _p("organisation.account_time_share", float, 0.75, 0, 0.9, unit="share", step=0.05,
       en="Rep time for accounts", nl="Tijd voor accountmanagement",
       help="Most of a rep's hours that existing customers may take (follow-up orders first, then visits); "
            "what they leave goes to qualification and quotes, which always keep at least a tenth."),
    _p("organisation.hours_per_rep_year", float, 1600.0, 500, 2200, unit="hours/year", step=50,
       en="Productive hours per rep", nl="Productieve uren per medewerker",
       help="Productive hours per FTE per year."),
    _p("organisation.rep_cost_per_year", float, 90_000.0, 20_000, 300_000, unit="€/FTE/year", step=5000,
       en="Cost per rep", nl="Kosten per medewerker",
       help="Average employer cost of a rep; inside sales costs 0.6×, key account managers 1.4× of this."),
    _p("organisation.service_cost_per_year", float, 60_000.0, 20_000, 200_000, unit="€/FTE/year", step=5000,
       en="Cost per service FTE", nl="Kosten per servicemedewerker",
       help="Employer cost of one service FTE."),
    # --- strategy
    _p("strategy.customer_intimacy", float, 0.75, 0, 1, unit="level 0–1", step=0.05,
       en="Customer intimacy", nl="Customer intimacy",
       help="Investment in knowing and tailoring to each customer: warmer visits, better fit, higher cost to serve."),
    _p("strategy.operational_excellence", float, 0.55, 0, 1, unit="level 0–1", step=0.05,
       en="Operational excellence", nl="Operational excellence",
       help="Investment in efficient processes: faster delivery and quotes, lower cost, lower prices."),
    _p("strategy.product_leadership", float, 0.55, 0, 1, unit="level 0–1", step=0.05,
       en="Product leadership", nl="Productleiderschap",
       help="Investment in the best product: fewer incidents, better fit, a price premium."),
    _p("strategy.cost_per_level", float, 1_800_000.0, 0, 10_000_000, unit="€/year", step=50_000,
       en="Cost of one discipline level", nl="Kosten per disciplineniveau",
       help="Yearly cost of holding one value discipline at level 1; the cost grows with the fourth power of the level, "
            "so excelling at everything is unaffordable."),
    # --- economics
    _p("economics.gross_margin", float, 0.45, 0, 1, unit="share of revenue", step=0.01,
       en="Gross margin", nl="Brutomarge",
       help="Revenue minus the cost of what is delivered, as a share of revenue."),
)

SPECS: dict[str, ParamSpec] = {spec.name: spec for spec in PARAMETERS}


def defaults() -> dict[str, Any]:
    """All parameter defaults, keyed by full dotted name."""
    return {spec.name: spec.default for spec in PARAMETERS}
