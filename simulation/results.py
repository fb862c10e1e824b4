"""Results of one run: KPIs, monthly time series, event log and the conservation check.

`simulate` is the one entry point to the model. Its result is plain data
(dicts and pandas DataFrames) so it can be printed, plotted, compared,
exported to CSV/Excel or turned into JSON without touching the model again.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from .errors import quoted, shown
from .language import format_value, kit_error, number, pick, resolve, text
from .model.entities import ACCOUNT_PHASES, DISCIPLINES, LEAD_OPEN_STATES, LEAD_STATES, SIZES
from .model.organisation import competence_gap
from .model.run import Overload, build_world, collector_paused, overloads, release, run_world
from .model.world import EVENT_LOGS, World
from .parameters import SPECS
from .presets import preset
from .scenario import Scenario, ScenarioError, check_seed


@dataclass(frozen=True)
class KpiSpec:
    """A KPI's name, labels, unit and which direction is better (+1 higher, −1 lower, 0 neither)."""

    name: str
    label_en: str
    label_nl: str
    unit: str
    better: int = 0

    def label(self, language: str | None = None) -> str:
        """The label in `language` (default: the session's, `set_language`)."""
        return pick((self.label_en, self.label_nl), resolve(language))


KPIS: tuple[KpiSpec, ...] = (
    KpiSpec("leads_generated", "Leads generated", "Gegenereerde leads", "leads", +1),
    KpiSpec("referral_leads", "Referral leads", "Leads via aanbeveling", "leads", +1),
    KpiSpec("leads_lost_to_word_of_mouth", "Leads lost to bad word of mouth", "Leads verloren door negatieve mond-tot-mond", "leads", -1),
    KpiSpec("marketing_qualified_leads", "Marketing-qualified leads (MQL)", "Marketing-gekwalificeerde leads (MQL)", "leads", +1),
    KpiSpec("sales_accepted_leads", "Sales-accepted leads (SAL)", "Door sales geaccepteerde leads (SAL)", "leads", +1),
    KpiSpec("opportunities", "Opportunities", "Opportunities", "opportunities", +1),
    KpiSpec("lead_to_mql", "Lead → MQL", "Lead → MQL", "share", +1),
    KpiSpec("mql_to_sal", "MQL → SAL", "MQL → SAL", "share", +1),
    KpiSpec("sal_to_opportunity", "SAL → opportunity", "SAL → opportunity", "share", 0),
    KpiSpec("opportunity_to_won", "Opportunity → won", "Opportunity → gewonnen", "share", +1),
    KpiSpec("no_quote_in_time", "Opportunities lost before a quote", "Opportunities verloren vóór de offerte", "opportunities", -1),
    KpiSpec("false_qualification_hours", "Quote hours on falsely qualified deals", "Offerte-uren aan onterecht gekwalificeerde deals", "hours", -1),
    KpiSpec("winnable_leads_rejected", "Winnable leads rejected", "Onterecht afgewezen leads", "leads", -1),
    KpiSpec("quotes_sent", "Quotes sent", "Verstuurde offertes", "quotes", +1),
    KpiSpec("deals_won", "Deals won", "Gewonnen deals", "deals", +1),
    KpiSpec("win_rate", "Win rate", "Scoringspercentage", "share", +1),
    KpiSpec("sales_cycle_days_mean", "Sales cycle (opportunity → decision)", "Verkoopcyclus (opportunity → besluit)", "days", -1),
    KpiSpec("quote_lead_time_days_mean", "Quote lead time", "Doorlooptijd offerte", "days", -1),
    KpiSpec("quote_cost", "Quote cost", "Offertekosten", "€", -1),
    KpiSpec("promises_kept_share", "Promises kept", "Nagekomen beloftes", "share", +1),
    KpiSpec("customers_start", "Customers at start", "Klanten bij start", "customers", 0),
    KpiSpec("customers_end", "Customers at end", "Klanten aan het eind", "customers", +1),
    KpiSpec("new_customers", "New customers won", "Nieuwe klanten", "customers", +1),
    KpiSpec("won_back_customers", "Customers won back", "Teruggewonnen klanten", "customers", +1),
    KpiSpec("loyal_customers", "Loyal customers at end", "Loyale klanten aan het eind", "customers", +1),
    KpiSpec("ex_customers", "Ex-customers at end", "Ex-klanten aan het eind", "customers", -1),
    KpiSpec("churn_rate_annual", "Churn per year", "Klantverloop per jaar", "share/year", -1),
    KpiSpec("avg_grade", "Average grade", "Gemiddeld rapportcijfer", "grade 1–10", +1),
    KpiSpec("nps", "Net Promoter Score", "Net Promotor Score", "−100…+100", +1),
    KpiSpec("promoters_share", "Promoters", "Promotors", "share", +1),
    KpiSpec("detractors_share", "Detractors", "Criticasters", "share", -1),
    KpiSpec("revenue", "Revenue", "Omzet", "€", +1),
    KpiSpec("sales_cost", "Sales cost", "Saleskosten", "€", -1),
    KpiSpec("sales_cost_share", "Sales cost share of revenue", "Saleskosten als deel van omzet", "share", -1),
    KpiSpec("cost_to_serve", "Cost to serve (service)", "Kosten service", "€", -1),
    KpiSpec("strategy_cost", "Value-discipline investment", "Investering waardedisciplines", "€", 0),
    KpiSpec("margin", "Margin", "Marge", "€", +1),
    KpiSpec("acquisition_cost_per_customer", "Cost to acquire a customer", "Kosten nieuwe klant", "€/customer", -1),
    KpiSpec("retention_cost_per_customer_year", "Cost to keep a customer", "Kosten klant behouden", "€/customer/year", -1),
    KpiSpec("acquisition_retention_ratio", "Acquisition ÷ retention cost", "Acquisitie ÷ behoudkosten", "×", 0),
    KpiSpec("complaints", "Complaints", "Klachten", "complaints", -1),
    KpiSpec("complaints_within_target_share", "Complaints within target", "Klachten binnen norm", "share", +1),
    KpiSpec("visits_made", "Account visits made", "Afgelegde accountbezoeken", "visits", 0),
    KpiSpec("visits_missed", "Needed visits not made", "Gemiste nodige bezoeken", "visits", -1),
    KpiSpec("follow_ups_missed", "Follow-up orders missed (no rep time)", "Gemiste vervolgorders (geen tijd)", "orders", -1),
    KpiSpec("rep_utilisation", "Rep hours in use", "Bezetting salesmedewerkers", "share", 0),
    KpiSpec("new_business_time_share", "Rep time on new business", "Salestijd voor nieuwe klanten", "share", 0),
    KpiSpec("accounts_below_level_share", "Customers served below their level", "Klanten bediend onder hun niveau", "share", -1),
    KpiSpec("forecast_error", "Forecast error (Scotsman-weighted vs won)", "Voorspelfout", "share", 0),
)
KPI_SPECS = {k.name: k for k in KPIS}

#: Monthly series that are a KPI's flow month by month, by that KPI's name: they take its label and unit.
SERIES_KPIS = {"leads": "leads_generated", "mql": "marketing_qualified_leads", "sal": "sales_accepted_leads",
               "quote_costs": "quote_cost", "won": "deals_won", "won_back": "won_back_customers",
               "visits_skipped": "visits_missed", "service_cost": "cost_to_serve"}
#: The other monthly series (stocks at the month's end, and flows no KPI sums): counts, or euros.
MONTHLY_SERIES: tuple[KpiSpec, ...] = (
    KpiSpec("lost", "Deals lost at the decision", "Verloren deals (bij het besluit)", "count"),
    KpiSpec("churned", "Customers who left", "Vertrokken klanten", "count"),
    KpiSpec("ended_by_supplier", "Relations ended by us", "Door ons beëindigde relaties", "count"),
    KpiSpec("complaints_in_target", "Complaints handled within target", "Klachten binnen norm afgehandeld", "count"),
    KpiSpec("forecast_value", "Forecast value", "Voorspelde waarde", "€"),
    KpiSpec("won_value", "Value of deals won", "Waarde gewonnen deals", "€"),
    KpiSpec("potential", "Potential customers (open leads)", "Potentiële klanten (open leads)", "count"),
    KpiSpec("new", "Customers in the new phase", "Klanten in de fase nieuw", "count"),
    KpiSpec("loyal", "Loyal customers", "Loyale klanten", "count"),
    KpiSpec("ex", "Ex-customers", "Ex-klanten", "count"),
    KpiSpec("customers", "Customers", "Klanten", "count"),
)
_SERIES_SPECS = {s.name: s for s in MONTHLY_SERIES}


def series_spec(series: str) -> KpiSpec:
    """The label and unit of a monthly column (`result.monthly`, an experiment's `monthly`), for a figure's axis
    or a workbook: a KPI's own where the column has its name or is its monthly flow. A KeyError for a column
    that has none (the months' keys 'month' and 'day' included): a test finds every column of a run has one."""
    if series in _SERIES_SPECS:
        return _SERIES_SPECS[series]
    return KPI_SPECS[SERIES_KPIS.get(series, series)]


EVENT_COLUMNS = ("time", "entity", "id", "event", "value", "reference")
CUSTOMER_MONTH_COLUMNS = ("customer_id", "month", "size", "complex", "role", "phase", "grade", "orders", "revenue",
                          "left", "how")


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else math.nan


@dataclass(frozen=True)
class SimulationResult:
    """Everything one run produced; all of it is plain data."""

    scenario: Scenario
    seed: int
    kpis: dict[str, float]
    monthly: pd.DataFrame
    conservation: dict[str, Any]
    lead_rows: list[tuple] = field(repr=False)
    account_rows: list[tuple] = field(repr=False)
    event_rows: list[tuple] = field(repr=False)
    customer_month_rows: list[tuple] = field(repr=False, default_factory=list)
    overloads: tuple[Overload, ...] = ()  # desks whose queues kept growing: the numbers describe a company that cannot cope

    @property
    def warnings(self) -> tuple[str, ...]:
        """What a user must know before trusting the numbers (overloaded desks), in English."""
        return self.warning_texts("en")

    def warning_texts(self, language: str | None = None) -> tuple[str, ...]:
        """The warnings in `language`, e.g. 'quote desk (Inside sales) overloaded: 4,200 requests waiting'."""
        language = resolve(language)
        return tuple(overload_text(overload, language) for overload in self.overloads)

    @cached_property
    def events(self) -> pd.DataFrame:
        """The event log: one flat record per state change (by default only the quote and delivery rows the
        figures read; `simulate(..., keep_events="all")` keeps every row, `False` none)."""
        return pd.DataFrame(self.event_rows, columns=EVENT_COLUMNS)

    @cached_property
    def customer_months(self) -> pd.DataFrame:
        """One row per customer per month it was a customer (a CRM-style panel): segment, role, phase, grade,
        orders and revenue in the month, and whether (and how) it left that month."""
        frame = pd.DataFrame(self.customer_month_rows, columns=CUSTOMER_MONTH_COLUMNS)
        frame["size"] = pd.Categorical.from_codes(frame["size"], SIZES) if len(frame) else frame["size"]
        return frame

    @cached_property
    def leads(self) -> pd.DataFrame:
        """Every lead that entered, with its segment and the state it ended in."""
        return pd.DataFrame(self.lead_rows, columns=("id", "source", "size", "complex", "preference", "created", "state"))

    @cached_property
    def accounts(self) -> pd.DataFrame:
        """Every customer, with its start, end (NaN if still a customer), phase, grade and revenue."""
        return pd.DataFrame(self.account_rows, columns=("id", "size", "complex", "preference", "role", "start", "end",
                                                        "phase", "grade", "revenue", "wins"))

    def kpi_table(self, language: str | None = None) -> pd.DataFrame:
        """KPIs as a table for printing, notebooks and exports: the label and the value as the kit writes it in
        `language` ('12,3 % per jaar'), and beside them the bare value and its unit's key ('share/year'), the
        same in both languages, for a program or a spreadsheet formula."""
        language = resolve(language)
        rows = [(k.name, k.label(language), format_value(self.kpis[k.name], k.unit, language), self.kpis[k.name],
                 k.unit) for k in KPIS]
        return pd.DataFrame(rows, columns=("kpi", "label", "shown", "value", "unit")).set_index("kpi")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary: seed, every scenario value, KPIs (NaN → None), conservation and warnings."""
        from . import __version__

        return {
            "seed": self.seed,
            "version": __version__,
            "scenario": self.scenario.to_dict(),
            "kpis": {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in self.kpis.items()},
            "conservation": self.conservation,
            "warnings": list(self.warnings),
        }


def _conservation(world: World) -> dict[str, Any]:
    """Every lead ends in exactly one state; every customer is in exactly one phase."""
    census = Counter(lead.state for lead in world.leads)
    lead_states = {state: census.get(state, 0) for state in LEAD_STATES}
    phases = Counter(account.phase for account in world.accounts)
    customer_phases = {phase: phases.get(phase, 0) for phase in ACCOUNT_PHASES}
    tally = world.tally
    initial = world.scenario["accounts.initial_customers"]
    checks = {
        "leads_balanced": sum(lead_states.values()) == tally.leads_at_start + tally.leads == len(world.leads)
        and lead_states == world.lead_counts,
        "customers_balanced": sum(customer_phases.values()) == len(world.accounts) == initial + tally.new_customers,
        "wins_balanced": tally.won == tally.new_customers + tally.won_back == lead_states["won"],
    }
    return {
        "leads_at_start": tally.leads_at_start,
        "leads_entered": tally.leads,
        "lead_states": lead_states,
        "customers_total": len(world.accounts),
        "customer_phases": customer_phases,
        "deals_won": tally.won,
        "won_first_time": tally.new_customers,
        "won_back": tally.won_back,
        **checks,
        "balanced": all(checks.values()),
    }


def _kpis(world: World, monthly: pd.DataFrame) -> dict[str, float]:
    t, s, o = world.tally, world.scenario, world.organisation
    years = s["run.years"]
    active = [a for a in world.accounts if a.phase != "ex"]
    last = monthly.iloc[-1]
    exposure_years = monthly["customers"].sum() / 12.0
    revenue = float(monthly["revenue"].sum())
    sales_cost = float(monthly["sales_cost"].sum())
    # Rep cost is split by the hours reps actually spent winning new customers and keeping existing ones.
    worked = o.hours_worked
    new_business_share = _ratio(worked["new_business"], worked["new_business"] + worked["accounts"])
    new_business_share = 0.5 if math.isnan(new_business_share) else new_business_share
    acquisition = (s["market.campaign_spend_per_month"] * 12 + o.rep_cost * new_business_share) * years + t.quote_costs
    retention = (o.rep_cost * (1 - new_business_share) + o.service_cost) * years
    acquisition_per_customer = _ratio(acquisition, t.won)
    retention_per_year = _ratio(retention, exposure_years)
    below = sum(1 for a in active if competence_gap(a.role, a.size, a.complex) > 0)
    return {
        "leads_generated": t.leads,
        "referral_leads": t.referral_leads,
        "leads_lost_to_word_of_mouth": t.leads_lost_to_word_of_mouth,
        "marketing_qualified_leads": t.mql,
        "sales_accepted_leads": t.sal,
        "opportunities": t.opportunities,
        "lead_to_mql": _ratio(t.mql, t.leads),
        "mql_to_sal": _ratio(t.sal, t.mql),
        "sal_to_opportunity": _ratio(t.opportunities, t.sal),
        "opportunity_to_won": _ratio(t.won, t.decided + t.no_quote_in_time),
        "no_quote_in_time": t.no_quote_in_time,
        "false_qualification_hours": t.false_qualification_hours,
        "winnable_leads_rejected": t.winnable_rejected,
        "quotes_sent": t.quotes_sent,
        "deals_won": t.won,
        "win_rate": _ratio(t.won, t.decided),
        "sales_cycle_days_mean": _ratio(t.cycle_days, t.decided),
        "quote_lead_time_days_mean": _ratio(t.quote_days, t.quotes_sent),
        "quote_cost": t.quote_costs,
        "promises_kept_share": _ratio(t.promises_kept, t.promises_made),
        "customers_start": s["accounts.initial_customers"],
        "customers_end": len(active),
        "new_customers": t.new_customers,
        "won_back_customers": t.won_back,
        "loyal_customers": sum(1 for a in active if a.phase == "loyal"),
        "ex_customers": len(world.accounts) - len(active),
        "churn_rate_annual": _ratio(t.churned, exposure_years),
        "avg_grade": float(last["avg_grade"]),
        "nps": float(last["nps"]),
        "promoters_share": float(last["promoters_share"]),
        "detractors_share": float(last["detractors_share"]),
        "revenue": revenue,
        "sales_cost": sales_cost,
        "sales_cost_share": _ratio(sales_cost, revenue),
        "cost_to_serve": float(monthly["service_cost"].sum()),
        "strategy_cost": float(monthly["strategy_cost"].sum()),
        "margin": float(monthly["margin"].sum()),
        "acquisition_cost_per_customer": acquisition_per_customer,
        "retention_cost_per_customer_year": retention_per_year,
        "acquisition_retention_ratio": _ratio(acquisition_per_customer, retention_per_year),
        "complaints": t.complaints,
        "complaints_within_target_share": _ratio(t.complaints_in_target, t.complaints),
        "visits_made": t.visits_made,
        "visits_missed": t.visits_skipped,
        "follow_ups_missed": t.follow_ups_missed,
        "rep_utilisation": _ratio(sum(o.hours_worked.values()), sum(o.monthly_hours.values()) * 12 * years),
        "new_business_time_share": new_business_share,
        "accounts_below_level_share": _ratio(below, len(active)),
        "forecast_error": _ratio(t.forecast_value - t.won_value, t.won_value),
    }


def as_scenario(scenario: Scenario | Mapping[str, Any] | str | None) -> Scenario:
    """Accept a Scenario, a mapping of changes, a preset name or None (baseline)."""
    if scenario is None:
        return preset("baseline")
    if isinstance(scenario, Scenario):
        return scenario
    if isinstance(scenario, str):
        return preset(scenario)
    return Scenario(scenario)


def simulate(scenario: Scenario | Mapping[str, Any] | str | None = None, seed: int = 0, *,
             keep_events: bool | str = "figures") -> SimulationResult:
    """Run the model once. The same scenario and seed always give the same result, bit for bit.

    `keep_events`: "figures" (default) keeps the quote and delivery rows the standard figures read, "all" (or
    True) every state change, "none" (or False) nothing; the KPIs and time series are the same in every case.
    """
    scenario = as_scenario(scenario)
    seed = check_seed(seed)
    # The cycle collector also stays paused while the world is built and tabulated, and resumes only once the
    # world is gone: resuming with the whole world alive made its next pass walk every object of the run.
    with collector_paused():
        world = build_world(scenario, seed, _event_log(keep_events), fixed_decisions=True)
        return _tabulated(run_world(world), scenario, seed)


def _tabulated(world: World, scenario: Scenario, seed: int) -> SimulationResult:
    """The result of a finished run; frees the world's reference cycles."""
    monthly = pd.DataFrame(world.monthly)
    lead_rows = [(l.id, l.source, SIZES[l.size], l.complex, DISCIPLINES[l.preference], l.created, l.state)
                 for l in world.leads]
    account_rows = [(a.id, SIZES[a.size], a.complex, DISCIPLINES[a.preference], a.role, a.start,
                     a.end if a.end >= 0 else math.nan, a.phase, a.grade, a.revenue, a.wins) for a in world.accounts]
    result = SimulationResult(scenario, seed, _kpis(world, monthly), monthly, _conservation(world),
                              lead_rows, account_rows, world.events, world.customer_months,
                              tuple(overloads(world)))
    release(world)
    return result


def overload_text(overload: Overload, language: str) -> str:
    """One overloaded desk in words: whose desk, how many still waiting, how many turned away."""
    if overload.desk == "service":
        return text("warning.service_overloaded", language, waiting=number(overload.waiting, 0, language),
                    turned_away=number(overload.turned_away, 0, language))
    return text("warning.quotes_overloaded", language, role=SPECS[f"organisation.{overload.desk}"].label(language),
                waiting=number(overload.waiting, 0, language))


def _event_log(keep_events: bool | str) -> str:
    if keep_events is True or keep_events is False:
        return "all" if keep_events else "none"
    if keep_events not in EVENT_LOGS:
        raise kit_error(ScenarioError, "error.keep_events", names=quoted(EVENT_LOGS),
                        got=shown(keep_events))
    return keep_events


__all__ = ["KPIS", "KPI_SPECS", "LEAD_OPEN_STATES", "MONTHLY_SERIES", "SimulationResult", "series_spec", "simulate"]
