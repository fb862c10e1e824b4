"""Sales funnel (salestrechter): from lead to won or lost (DOMAIN.md §2–3).

A cold lead is warmed by marketing into a marketing-qualified lead (MQL),
handed to sales (a sales-accepted lead, SAL, with hand-off quality set by
marketing–sales alignment), qualified on the Scotsman criteria (or BANT,
which sees only four of them) into an opportunity, quoted by a rep of the
role that serves its segment (a queue the buyer leaves when it takes too
long), and decided by the customer's DMU.

The eight Scotsman criteria are the truth about a deal: each 'yes' is worth
12.5 % of the win chance. The rep checks only part of them (qualification
rigour) and guesses the rest, hopefully rather than knowingly; a lead is an
opportunity when enough criteria *seem* 'yes'. Between qualification and the
decision the open quote changes the answers: how fast the quote came
compared with the customer's wish (competitors answer about that fast), the
delivery promise, the sales method for this situation, the rep's competence
for the segment and the size of the DMU each turn some 'yes' into 'no' (or
the other way round). The rep's forecast scores the open quote as the
Scotsman method does: the share of 'yes' the rep believes, so it is as
reliable as the rep's checking.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any

import simpy

from .bounds import bounded
from .clock import DAYS_PER_MONTH, HOURS_PER_WORKDAY
from .entities import COLD, DISCIPLINES, HOT, MQL, OPPORTUNITY, SAL, WARM, Lead
from .methods import SalesMethod, method_for, win_factor
from .organisation import COMPETENCE_GAP, Desk, competence_gap
from .world import World, start

SCOTSMAN = ("solution", "competition", "opportunity", "timing", "support", "money", "authority", "necessity")
BANT = ("money", "authority", "necessity", "timing")
MARKETING_DAYS = 14.0  # mean days marketing works on a cold lead
NO_PROMISE_AS = 1.25  # a customer without a promise assumes a quarter longer than their wish
MAX_WIN_CHANCE = 0.95  # no deal is certain, even with every criterion 'yes'
DRAWS_PER_PASS = 48  # draws a lead takes per pass through the funnel; the longest path uses 44 (speed only)
LEAD_DRAWS = 3 + DRAWS_PER_PASS  # a new lead's draws: profile (size, product, preference) and its first pass
GUESS_YES = 0.3  # chance that a rep who does not check a criterion writes down 'yes' (hope, not knowledge)
QUALIFICATION_HOURS = {False: 10.0, True: 30.0}  # rep hours to check every criterion of a simple, a complex deal
COMPLEX_COMPETITION = 0.08  # lower chance of 'little competition' for a complex deal
AUTHORITY_PER_DMU_MEMBER = 0.06  # lower chance that our contact carries the decision, per extra DMU member
DMU_WIN_FACTOR = 0.93  # every extra person in the DMU must be convinced too
DECISION_DAYS_PER_DMU_MEMBER = 0.1  # every extra person in the DMU makes the decision take a tenth longer
COMPETITION_DRAG = 0.15  # lower chance of 'little competition' per unit of competitor intensity above 1
CRITERION_NUDGE = 0.05  # a situation's shift of one criterion: unique complex request, lead came to us, tight budget
DEALS_PER_POTENTIAL = 4.0  # a year's potential buys this many average deals (a deal: 0.5–1.5 × a quarter's)
ATTRACTION_MIN = 0.25  # least win multiplier of the delivery promise's attraction (a far slower promise)
ATTRACTION_MAX = 2.0  # most: a promise far faster than the wish at most doubles the expected 'yes'
COMPLEX_QUOTE_WISH = 2.5  # a buyer of a complex product expects its quote to take this many times as long
# Discovery: a rep who checks the criteria learns the need, the budget and who decides, and writes a quote that
# fits; one who guesses does not. The win chances are calibrated at the default rigour, so skipping the checking
# (which saves qualification hours) is not free, and checking every criterion pays for its hours.
DISCOVERY_WIN = 0.4  # share of the win chance gained (lost) per point of rigour above (below) the default
REFERENCE_RIGOUR = 0.85  # the rigour the win chances are calibrated at (the parameter's default; a test checks)
OPERATIONAL_EXCELLENCE = DISCIPLINES.index("operational_excellence")


@dataclass(frozen=True, slots=True)
class Alignment:
    """How a marketing–sales relationship type hands leads over."""

    accepted: float  # share of MQLs sales accepts
    leaked: float  # share of the rejected MQLs that leak away instead of being nurtured
    handoff_days: float
    criterion_bonus: float  # better-briefed leads: chance of 'yes' on every criterion


ALIGNMENT = {
    "undefined": Alignment(accepted=0.35, leaked=0.60, handoff_days=10.0, criterion_bonus=-0.04),
    "defined": Alignment(accepted=0.45, leaked=0.40, handoff_days=5.0, criterion_bonus=0.0),
    "aligned": Alignment(accepted=0.55, leaked=0.20, handoff_days=3.0, criterion_bonus=0.02),
    "integrated": Alignment(accepted=0.60, leaked=0.05, handoff_days=1.0, criterion_bonus=0.04),
}

SOURCE_BONUS = {"campaign": 0.0, "inbound": 0.04, "referral": 0.08, "win_back": 0.04, "switch": 0.04}


class FunnelRules:
    """The funnel's parameters, read once per run."""

    def __init__(self, world: World):
        sc = world.scenario
        f = sc.funnel
        self.alignment = ALIGNMENT[sc["market.alignment"]]
        self.method_choice = f.sales_method
        self.base_yes = f.criterion_yes_share + self.alignment.criterion_bonus
        self.observed = tuple(SCOTSMAN.index(c) for c in (SCOTSMAN if f.qualification_method == "scotsman" else BANT))
        self.threshold = math.ceil(f.qualification_threshold * len(self.observed) - 1e-9)
        self.rigour = f.qualification_rigour
        self.cold_to_warm = sc["market.cold_to_warm_share"]
        fx = world.effects
        self.quote_work_days = (f.quote_work_days_simple * fx.quote_work_factor, f.quote_work_days_complex * fx.quote_work_factor)
        self.patience = f.buyer_patience_days
        self.quote_cost = (f.quote_cost_simple, f.quote_cost_complex)
        self.policy, self.buffer = f.promise_policy, f.promise_buffer
        self.wish_quote = (f.customer_wish_quote_days, f.customer_wish_quote_days * COMPLEX_QUOTE_WISH)
        self.speed_effect, self.late_penalty = f.promise_speed_effect, f.late_quote_penalty
        a = sc.accounts
        self.delivery_mean = (a.delivery_days_simple * fx.delivery_factor, a.delivery_days_complex * fx.delivery_factor)
        ratio = a.delivery_days_complex / a.delivery_days_simple
        self.delivery_wish = (a.customer_wish_delivery_days, a.customer_wish_delivery_days * ratio)
        self.delivery_promise = tuple(self.promise(m, w) for m, w in zip(self.delivery_mean, self.delivery_wish))
        self.competition_drag = COMPETITION_DRAG * (sc["market.competitor_intensity"] - 1.0)
        self.delivery_spread = a.delivery_spread
        self.potential = (a.annual_potential_small, a.annual_potential_medium, a.annual_potential_large)
        self.fit = tuple(fx.fit(p) for p in range(len(DISCIPLINES)))
        self.price_attraction = fx.price_volume
        m = sc.market
        self.size_shares = (m.share_small, 1.0 - m.share_small - m.share_large, m.share_large)
        self.complex_share = m.complex_share
        self.nurturing, self.nurture_months, self.nurture_return = (m.lead_nurturing, m.nurture_months,
                                                                    m.nurture_return_share)
        self.qualification_days = f.qualification_days
        self.decision_days = (f.decision_days_simple, f.decision_days_complex)

    def promise(self, honest_estimate: float, wish: float) -> float:
        """What the policy promises for a quote or a delivery (NaN: no promise)."""
        if self.policy == "customer_wish":
            return wish
        if self.policy == "no_promise":
            return math.nan
        if self.policy == "honest_buffer":
            return honest_estimate * (1.0 + self.buffer)
        return honest_estimate

    def qualification_mean(self, method: SalesMethod) -> float:
        """Mean days a lead spends in qualification with reps who sell by `method`."""
        return self.qualification_days * method.cycle

    def quote_work(self, lead: Lead, method: SalesMethod, gap: int) -> float:
        """Mean days of rep work on this lead's quote: its complexity, the method, the rep's competence gap."""
        return self.quote_work_days[lead.complex] * method.hours * (1.0 + COMPETENCE_GAP.work_factor * gap)

    def decision_mean(self, lead: Lead, method: SalesMethod) -> float:
        """Mean days the customer's DMU takes to decide: its complexity, the method's cycle, the DMU's size."""
        return (self.decision_days[lead.complex]
                * (method.cycle * (1 + DECISION_DAYS_PER_DMU_MEMBER * (dmu_size(lead) - 1))))

    def criteria_chances(self, lead: Lead) -> list[float]:
        """Chance of 'yes' for each Scotsman criterion, from the drivers of this lead."""
        base = self.base_yes + SOURCE_BONUS[lead.source]
        fit = self.fit[lead.preference]
        chances = [
            base * fit,  # solution: do we offer what this customer values, compared with specialists?
            # competition: little when we lead on what they value; complex deals draw more bidders
            base * fit - self.competition_drag - COMPLEX_COMPETITION * lead.complex,
            base + CRITERION_NUDGE * lead.complex,  # opportunity: a complex request is more often unique than standard
            base + (0.0 if lead.source == "campaign" else CRITERION_NUDGE),  # timing: they came to us, so the moment is right
            base,  # support inside the customer
            base - (CRITERION_NUDGE if lead.size == 0 else 0.0),  # money: small firms have tight budgets
            base - AUTHORITY_PER_DMU_MEMBER * (dmu_size(lead) - 1),  # authority: is the whole DMU in view?
            base,  # necessity
        ]
        return [bounded(c, 0.0, 1.0) for c in chances]


def dmu_size(lead: Lead) -> int:
    """People in the customer's decision making unit: one for a small simple deal, up to five."""
    return 1 + 2 * lead.complex + lead.size


def honest_quote_estimate(desk: Desk, work: float) -> float:
    """Expected time to a quote if it joins the queue now (M/M/c: wait for a free rep, then the work)."""
    in_system = len(desk.queue) + desk.count
    capacity = max(1, desk.capacity)  # 0 only for a role whose reps left during a game while this lead waited
    waiting = max(0, in_system - capacity + 1) / capacity * work
    return waiting + work


def nurture(world: World, lead: Lead, draws: Iterator[float]) -> Generator[simpy.Event, Any, bool]:
    """Lead nurturing: dropped leads receive content; some come back warm. Returns True if it does."""
    if lead.tender is not None:  # the buyer will not wait for this supplier: it chooses among the others
        lead.tender.withdraw(world)
        lead.tender = None
    wait = nurtured(world, lead, draws)
    if wait is None:
        return False
    yield world.env.timeout(wait)
    lead.temperature = WARM
    return True


def nurture_outcome(rules: FunnelRules, draws: Iterator[float]) -> tuple[float, bool] | None:
    """What nurturing does with a lead under `rules`, from the next draws of its pass: None (no nurturing: it is
    dropped), or the days it is nurtured and whether it then comes back warm (else it goes dormant)."""
    if not rules.nurturing:
        return None
    wait = exponential_days(rules.nurture_months * DAYS_PER_MONTH, next(draws))
    return wait, next(draws) < rules.nurture_return


def nurtured(world: World, lead: Lead, draws: Iterator[float]) -> float | None:
    """Drop or nurture `lead` as the rules in force now say; the days until it comes back warm, or None.

    Whether it comes back is read from the pass's block of draws (drawn when the pass began), so it is known
    before the wait: a lead that will not come back needs no journey waiting suspended all those months, and
    goes dormant when the wait is over without an event of its own (`World.move_later`), unless the run logs
    every move (then a timeout logs it at its moment).
    """
    outcome = nurture_outcome(world.funnel, draws)
    if outcome is None:
        world.move(lead, "dropped")
        return None
    world.move(lead, "nurturing")
    wait, comes_back = outcome
    if comes_back:
        return wait
    if world.log_all:
        world.env.timeout(wait).callbacks.append(lambda _: world.move(lead, "dormant"))
    else:
        world.move_later(lead, "dormant", world.env.now + wait)
    return None


def cold_lead_not_warmed(world: World, lead: Lead, first_pass: list[float],
                         then: Callable[[Deal | None], None]) -> bool:
    """Give a new cold lead that marketing will not warm its marketing stage without a journey; False (doing
    nothing) for any other lead, which needs its journey.

    Some eight in ten campaign leads are such leads, and most of them go dormant. A journey would hold a
    suspended process through the marketing stage only to send the lead to nurturing at its end; a timeout with a
    callback does that at the same moment (`marketing_ended`), with the same draws (days in marketing, warmed?,
    then nurturing's), so the run's results stay the same. Where the decisions cannot change during the run
    (`World.fixed_decisions`: a run of `simulate`, not a game's), the rules at the end of marketing are those now,
    so even that event is not needed (`nurtured_ahead`). Not for a lead of a market game's tender, nor in a run
    that logs every move (the journey logs the lead entering marketing).
    """
    rules = world.funnel
    if lead.temperature != COLD or lead.tender is not None or world.log_all or first_pass[1] < rules.cold_to_warm:
        return False
    days = exponential_days(MARKETING_DAYS, first_pass[0])
    if world.fixed_decisions:
        nurtured_ahead(world, lead, first_pass, world.env.now + days, then)
    else:
        world.env.timeout(days).callbacks.append(lambda _: marketing_ended(world, lead, first_pass, rules, then))
    return True


def marketing_ended(world: World, lead: Lead, first_pass: list[float], rules: FunnelRules,
                    then: Callable[[Deal | None], None]) -> None:
    """The end of the marketing stage of a cold lead that was not warmed (`cold_lead_not_warmed`): to nurturing
    under the rules in force now, as the journey would; one that will come back goes on with a journey from
    there, under the `rules` it started with."""
    wait = nurtured(world, lead, iter(first_pass[2:]))
    if wait is None:
        then(None)
        return
    world.env.timeout(wait).callbacks.append(lambda _: _returned(world, lead, rules, then))


def nurtured_ahead(world: World, lead: Lead, first_pass: list[float], ended: float,
                   then: Callable[[Deal | None], None]) -> None:
    """`marketing_ended` decided when the lead arrives, for a run whose decisions cannot change: its moves at the
    end of marketing (and into dormancy) are made by `World.move_later`, and only a lead that comes back from
    nurturing gets an event, when it does. Same draws, same moments (`ended` is the time the marketing stage's
    timeout would have had, and the return is at `ended` + the wait, as that timeout's callback would have set it),
    so the same results; a lead that is dropped or goes dormant has no journey to end (`then` would do nothing)."""
    rules = world.funnel
    outcome = nurture_outcome(rules, iter(first_pass[2:]))
    if outcome is None:
        world.move_later(lead, "dropped", ended)
        return
    world.move_later(lead, "nurturing", ended)
    wait, comes_back = outcome
    if comes_back:
        world.env.timeout_at(ended + wait).callbacks.append(lambda _: _returned(world, lead, rules, then))
    else:
        world.move_later(lead, "dormant", ended + wait)


def _returned(world: World, lead: Lead, rules: FunnelRules, then: Callable[[Deal | None], None]) -> None:
    """A cold lead that marketing did not warm comes back warm from nurturing and goes on with a journey, under
    the `rules` it arrived with (`marketing_ended`, `nurtured_ahead`)."""
    # After `nurtured_ahead` its move into nurturing is still due: it must be made before the journey moves it on.
    # Settling every move due by now (other leads' too, earlier than the month's end would) changes nothing that
    # is read: only the month's end reads the counts, after settling them itself.
    world.settle_moves()
    lead.temperature = WARM
    start(world.env, lead_journey(world, lead, [], rules=rules), then, at_once=True)


def exponential_days(mean_days: float, u: float) -> float:
    """Exponentially distributed days with mean `mean_days`, from the uniform draw `u` (inverse transform)."""
    return -mean_days * math.log(1.0 - u)


def stage(world: World, lead: Lead, state: str, mean_days: float, draws: Iterator[float]) -> simpy.Timeout:
    """Enter a funnel stage; the lead spends an exponentially distributed time in it (yield what this returns)."""
    world.move(lead, state)
    return world.env.timeout(exponential_days(mean_days, next(draws)))


@dataclass(slots=True)
class Deal:
    """A won deal, as the relationship cycle needs it to open (or reopen) an account."""

    value: float
    expected_quote: float  # what the customer expected for the quote time
    quote_days: float
    promised_quote: float  # NaN when nothing was promised
    role: str
    method: SalesMethod  # how it was sold (its advice stays with the customer)


@dataclass(slots=True)
class Qualified:
    """An opportunity as qualification left it: the truth, what the rep checked, and who sells it how.

    The rigour is what the rep managed that month (short of hours, it checks less); it, the method and the
    criteria looked at stay with the deal, so a game's later round cannot relabel how it was qualified."""

    truth: list[bool]  # the Scotsman criteria as they are
    checks: list[float]  # a criterion is checked when its draw is below the rigour; otherwise guessed
    rigour: float
    role: str
    method: SalesMethod
    observed: tuple[int, ...]  # the criteria the qualification method looks at (Scotsman: all eight; BANT: four)
    threshold: int  # observed 'yes' needed to be an opportunity

    @classmethod
    def drawn(cls, rules: FunnelRules, lead: Lead, draws: Iterator[float], rigour: float, role: str,
              method: SalesMethod) -> Qualified:
        """Qualify `lead`: the truth of each criterion, then which ones the rep checks (and guesses)."""
        truth = [next(draws) < chance for chance in rules.criteria_chances(lead)]
        return cls(truth, [next(draws) for _ in truth], rigour, role, method, rules.observed, rules.threshold)

    def passes(self) -> bool:
        """Enough observed criteria *seem* 'yes' to make the lead an opportunity."""
        return self.believed() >= self.threshold

    def falsely(self) -> bool:
        """Too few observed criteria are truly 'yes': the lead is not winnable as the threshold defines it."""
        return sum(self.truth[i] for i in self.observed) < self.threshold

    def believed(self, truth: list[bool] | None = None) -> int:
        """How many observed criteria the rep writes down as 'yes' (of `truth`, by default the qualified one)."""
        truth, checks, rigour = self.truth if truth is None else truth, self.checks, self.rigour
        return sum(_believe(truth[i], checks[i], rigour) for i in self.observed)

    def discovery(self) -> float:
        """Win multiplier of what checking taught the rep (the need, the budget, who decides) for a fitting quote."""
        return 1.0 + DISCOVERY_WIN * (self.rigour - REFERENCE_RIGOUR)

    def forecast_weight(self, truth: list[bool]) -> float:
        """The rep's Scotsman score of the open quote: the share of observed criteria the rep believes 'yes'."""
        return self.believed(truth) / len(self.observed)


def reconsider(truth: list[bool], factor: float, draws: Iterator[float]) -> list[bool]:
    """The criteria after the quote: a factor below 1 turns each 'yes' into 'no' with chance 1 − factor, above 1
    turns 'no' into 'yes' so that the expected number of 'yes' is multiplied by the factor."""
    yes = sum(truth)
    if factor <= 1.0:
        return [t and next(draws) < factor for t in truth]
    flip = 1.0 if yes == len(truth) else min(1.0, yes * (factor - 1.0) / (len(truth) - yes))
    return [t or next(draws) < flip for t in truth]


def lead_journey(world: World, lead: Lead, first_pass: list[float], start: str = "marketing",
                 qualified: Qualified | None = None, rules: FunnelRules | None = None) -> Generator[
        simpy.Event, Any, Deal | None]:
    """One lead from first contact to a won deal (returned) or lost, leaked, dropped or dormant (None).

    A lead of the pipeline the run starts with (`pipeline_start`) enters at its `start` stage; one seeded in
    the quote or decision stage brings the `qualified` opportunity it was before the run began. The lead goes
    through the funnel under the rules in force when it started (`rules`, by default those in force now)."""
    rules = world.funnel if rules is None else rules
    block = first_pass
    while True:
        # Each pass through the funnel takes its own block of draws (common random numbers).
        draws = iter(block or world.streams.blocks("lead_journeys").block(DRAWS_PER_PASS))
        block = None
        if start == "nurturing":
            start = "marketing"
            if (yield from nurture(world, lead, draws)):
                continue
            return None
        if start == "marketing" and lead.temperature == COLD:
            yield stage(world, lead, "marketing", MARKETING_DAYS, draws)
            if next(draws) >= rules.cold_to_warm:
                if (yield from nurture(world, lead, draws)):
                    continue
                return None
            lead.temperature = WARM
        if start in ("marketing", "sales_acceptance"):
            world.reach(lead, MQL)
            yield stage(world, lead, "sales_acceptance", rules.alignment.handoff_days, draws)
            if next(draws) >= rules.alignment.accepted:
                if next(draws) < rules.alignment.leaked:
                    world.move(lead, "leaked")
                    return None
                if (yield from nurture(world, lead, draws)):
                    continue
                return None
            world.reach(lead, SAL)
            lead.temperature = HOT
        if qualified is not None:  # in the quote or decision stage when the run started
            return (yield from quote_and_decide(world, lead, qualified, qualified.falsely(), draws,
                                                quoted=start == "decision"))
        seeded = start == "qualification"  # its hours were asked before the run (the first month's plan counts them)
        start = "marketing"
        role = world.organisation.role_for(lead.size, lead.complex)
        if role is None:  # nobody to sell: the organisation has no reps at all
            world.move(lead, "dropped")
            return None
        method = method_for(rules.method_choice, role)
        organisation = world.organisation
        if not seeded:
            organisation.ask("qualification", role, qualification_hours(rules, lead, method))
        # A rep short of hours this month checks fewer criteria than the policy asks, and guesses the rest.
        rigour = rules.rigour * organisation.qualification_cover[role]
        yield stage(world, lead, "qualification", rules.qualification_mean(method), draws)
        qualified = Qualified.drawn(rules, lead, draws, rigour, role, method)
        if not qualified.passes():
            world.tally.winnable_rejected += not qualified.falsely()
            qualified = None
            if (yield from nurture(world, lead, draws)):
                continue
            return None
        false_qualification = qualified.falsely()
        world.tally.false_qualifications += false_qualification
        return (yield from quote_and_decide(world, lead, qualified, false_qualification, draws))


def qualification_hours(rules: FunnelRules, lead: Lead, method: SalesMethod) -> float:
    """Rep hours the policy asks to qualify `lead`: every criterion checked costs QUALIFICATION_HOURS."""
    return QUALIFICATION_HOURS[lead.complex] * method.hours * rules.rigour


def believed_chance(chance: float, rigour: float) -> float:
    """Chance that the rep writes down 'yes' for a criterion that is 'yes' with `chance` (what `_believe` draws)."""
    return rigour * chance + (1.0 - rigour) * GUESS_YES


def _believe(truth: bool, u: float, rigour: float) -> bool:
    """What the rep writes down: the truth for a checked criterion, an optimistic guess for the others."""
    if u < rigour:
        return truth
    return (u - rigour) / (1.0 - rigour) < GUESS_YES


def quote_and_decide(world: World, lead: Lead, qualified: Qualified, false_qualification: bool,
                     draws: Iterator[float], quoted: bool = False) -> Generator[simpy.Event, Any, Deal | None]:
    """Opportunity: a rep prepares the quote (a queue the buyer may leave), the DMU decides, won or lost.

    `quoted`: the quote went out before the run started (a lead of the starting pipeline in the decision stage),
    so it took its work at the first month's pace without a queue, and its hours and promise belong to the time
    before the run."""
    env, rules, tally, organisation = world.env, world.funnel, world.tally, world.organisation
    truth, role, method = qualified.truth, qualified.role, qualified.method
    world.reach(lead, OPPORTUNITY)
    lead.opportunity_start = env.now
    world.move(lead, "quote")
    value = rules.potential[lead.size] * world.effects.price_factor * (0.5 + next(draws)) / DEALS_PER_POTENTIAL
    gap = competence_gap(role, lead.size, lead.complex)
    work = rules.quote_work(lead, method, gap)
    calendar_work = organisation.quote_days(role, work)
    wish_quote = rules.wish_quote[lead.complex]
    desk = organisation.desks[role]
    promised = rules.promise(honest_quote_estimate(desk, calendar_work), wish_quote)
    patience = -rules.patience * math.log(1.0 - next(draws))
    work_draw = -math.log(1.0 - next(draws))
    if quoted:
        quote_days = calendar_work * work_draw
        lead.opportunity_start -= quote_days
        expected = wish_quote if math.isnan(promised) else promised
    else:
        requested = env.now
        with desk.request() as request:
            # A rep free now takes it at once (the same moment as waiting for the granted request, two events fewer).
            if not request.triggered:
                granted = yield request | env.timeout(patience)
                if request not in granted:  # the buyer went elsewhere before a rep picked the quote up
                    tally.no_quote_in_time += 1
                    tally.forecast_value += qualified.forecast_weight(truth) * value
                    world.move(lead, "lost")
                    return None
            yield env.timeout(calendar_work * work_draw)
        quote_days = env.now - requested
        hours = work * work_draw * HOURS_PER_WORKDAY
        organisation.hours_worked["new_business"] += hours
        tally.quotes_sent += 1
        tally.quote_costs += rules.quote_cost[lead.complex]
        tally.quote_days += quote_days
        if false_qualification:
            tally.false_qualification_hours += hours
        world.log_figure("lead", lead.id, "quote_sent", quote_days, promised)
        expected = world.keep_promise(promised, wish_quote, quote_days)
    # Slower than wished (competitors answer about that fast) loses deals; faster impresses, half as much.
    lateness = min(1.0, (quote_days - wish_quote) / wish_quote)
    if lateness < 0:
        lateness *= 0.5
    wish = rules.delivery_wish[lead.complex]
    offered = rules.delivery_promise[lead.complex]
    if math.isnan(offered):
        offered = wish * NO_PROMISE_AS
    # Customers who value operational excellence weigh a fast promise fully, the others half.
    weight = 1.0 if lead.preference == OPERATIONAL_EXCELLENCE else 0.5
    attraction = min(ATTRACTION_MAX, max(ATTRACTION_MIN, math.exp(weight * rules.speed_effect * (wish - offered) / wish)))
    multiplier = (attraction * rules.price_attraction * (1.0 - rules.late_penalty * lateness) * win_factor(method, lead.size, lead.complex)
                  * COMPETENCE_GAP.win_factor ** gap * DMU_WIN_FACTOR ** (dmu_size(lead) - 1)) * qualified.discovery()
    truth = reconsider(truth, multiplier, draws)
    win_chance = min(MAX_WIN_CHANCE, sum(truth) / len(truth))

    world.move(lead, "decision")
    yield env.timeout(-rules.decision_mean(lead, method) * math.log(1.0 - next(draws)))
    tally.decided += 1
    tally.cycle_days += env.now - lead.opportunity_start
    tally.forecast_value += qualified.forecast_weight(truth) * value
    draw = next(draws)
    if lead.tender is None:
        won = draw < win_chance
    else:  # the buyer compares our offer with those of the other suppliers it asked
        won = (yield lead.tender.offer(world, win_chance, draw)) is world
    if won:
        tally.won += 1
        tally.won_value += value
        world.move(lead, "won")
        world.log("lead", lead.id, "deal", value)
        return Deal(value, expected, quote_days, promised, role, method)
    tally.lost += 1
    world.move(lead, "lost")
    return None
