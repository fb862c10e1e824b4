"""A game's settings: the market, the rounds, what teams decide (within which ranges), scoring and events.

Settings are data (a JSON or TOML file, or a mapping), checked once when the
game is created, with the usual clear messages; afterwards they never change,
so the settings, the seed and the log of actions are the whole game.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import KitError, hint, quoted, shown
from ..files import read_document
from ..language import kit_error, text
from ..parameters import SPECS, ParamSpec
from ..scenario import (Scenario, ScenarioError, check_name, check_seed, coerce, flatten, not_allowed,
                        unknown_parameter)
from .bots import STYLES


class GameError(KitError):
    """A mistake in a game's settings or in what a team or the trainer asked (unknown team, closed round…)."""


class WrongCode(GameError):
    """A code that is no team's, or not the trainer's: the one mistake a page's login counts towards the delay
    before the next try. A game file the page cannot read is told as well, but no guess was made."""


def setting_error(setting: str, told: str | KitError, **values: Any) -> GameError:
    """A mistake in the game setting `setting` after "Game setting '…': ", told by the text row `told` or as
    the kit error `told` tells it. A trainer who uploads settings on a Dutch trainer page reads it in Dutch."""
    return kit_error(GameError, "error.setting", setting=setting,
                     error=told.in_language if isinstance(told, KitError) else partial(text, told, **values))


#: Decisions teams take by default, with the ranges a trainer would allow (within the parameter table's).
DEFAULT_DECISIONS: dict[str, tuple[float, float] | None] = {
    "organisation.inside_sales": (0, 8),
    "organisation.junior_account_managers": (0, 10),
    "organisation.account_managers": (0, 6),
    "organisation.senior_account_managers": (0, 6),
    "organisation.key_account_managers": (0, 5),
    "organisation.service_staff": (0, 6),
    "funnel.promise_policy": None,  # None: every choice the parameter table allows
    "funnel.promise_buffer": (0.0, 0.5),
    "satisfaction.expectation_management": (0.0, 1.0),
    "strategy.customer_intimacy": (0.2, 1.0),
    "strategy.operational_excellence": (0.2, 1.0),
    "strategy.product_leadership": (0.2, 1.0),
    "market.campaign_spend_per_month": (0, 100_000),
    "funnel.sales_method": None,
    "economics.price_level": (0.8, 1.2),
}

#: Market events a trainer can schedule for a round: what they change for every supplier in that round.
MARKET_EVENTS: dict[str, dict[str, float]] = {
    # a competitor's price war: customers below grade 8 leave more easily, deals are harder to win
    "price_war": {"market.competitor_intensity": 1.6},
    # a demand dip: fewer buyers come in (inbound) and campaigns yield less
    "demand_dip": {"market.inbound_leads_per_month": 0.5, "market.leads_per_1000_euro": 0.5},
    # a key-account crisis: a supply problem doubles incidents and complaints
    "key_account_crisis": {"accounts.incidents_per_year": 2.0},
}

SCORE_KPIS = ("margin", "nps", "customers", "churn")  # the balanced scorecard's perspectives

#: Ready-made games for the trainer page's "New game": name → settings (the rest default).
GAME_PRESETS: dict[str, dict[str, Any]] = {
    "workshop": {},  # 6 suppliers, 8 quarters (two years): an afternoon
    "short": {"rounds": 4},  # one year: a single lesson
    "long": {"rounds": 12},  # three years: the long-run price of over-promising shows
    "large_class": {"suppliers": 12},  # up to 12 teams in one market
}


#: The name of a game the trainer did not name (stored so; shown as `GameSettings.title` in each page's language).
DEFAULT_NAME = text("game.default_name", "en")


@dataclass(frozen=True)
class GameSettings:
    """Everything a game is made of besides its log. Build with `GameSettings.from_mapping`."""

    name: str = DEFAULT_NAME  # a trainer's own name for the game; without one, each page says 'Sales game' in its language
    seed: int = 1
    rounds: int = 8
    months_per_round: int = 3
    suppliers: int = 6  # size of the market: team slots beyond the teams are taken by computer competitors
    bots: tuple[str, ...] = ("price_fighter", "over_promiser", "customer_intimate", "steady")
    market: dict[str, Any] = field(default_factory=dict)  # scenario values every supplier starts from
    decisions: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_DECISIONS))
    max_people: int = 30  # budget: reps and service staff together
    weights: dict[str, float] = field(default_factory=lambda: {"margin": 0.4, "nps": 0.3, "customers": 0.2,
                                                               "churn": 0.1})
    min_nps: float = -100.0  # teams below this NPS rank after all others (the minimum-NPS rule)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> GameSettings:
        known = {f for f in cls.__dataclass_fields__}
        if not isinstance(values, Mapping):
            raise kit_error(GameError, "error.settings_table", got=shown(values))
        for key in values:
            if key not in known:
                raise kit_error(GameError, "error.unknown_setting", got=shown(key), hint=hint(key, known),
                                names=quoted(sorted(known)))
        settings = cls(**{k: (tuple(v) if k == "bots" and isinstance(v, list) else v) for k, v in values.items()})
        settings.check()
        return settings

    def title(self, language: str) -> str:
        """The game's name as a page, the debrief or the terminal shows it: the trainer's own, or 'Salesspel'
        on a Dutch page for a game nobody named (it is stored in English, so the name does not depend on the
        language of whoever created it)."""
        return text("game.default_name", language) if self.name == DEFAULT_NAME else self.name

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["bots"] = list(self.bots)
        data["decisions"] = {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.decisions.items()}
        return data

    def check(self) -> None:
        """Raise a GameError naming the setting, the value and what is allowed."""
        for setting, check in (("name", check_name), ("seed", check_seed)):
            try:
                check(getattr(self, setting))
            except ScenarioError as error:  # named here: the market's check below would blame 'market' for the name
                raise setting_error(setting, error) from None
        for name, low, high in (("rounds", 1, 40), ("months_per_round", 1, 12), ("suppliers", 1, 40),
                                ("max_people", 1, 200)):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise setting_error(name, "error.setting_whole", low=low, high=high, got=shown(value))
        for setting, example in (("decisions", '{"funnel.promise_buffer": [0.0, 0.5]}'), ("weights", '{"margin": 1}')):
            if not isinstance(getattr(self, setting), Mapping):
                raise setting_error(setting, "error.setting_not_table", example=example,
                                    got=shown(getattr(self, setting)))
        if not isinstance(self.bots, tuple):
            raise setting_error("bots", "error.setting_bots", names=quoted(STYLES), got=shown(self.bots))
        for style in self.bots:
            if not isinstance(style, str) or style not in STYLES:
                raise setting_error("bots", "error.setting_bot", got=shown(style), hint=hint(style, STYLES),
                                    names=quoted(STYLES))
        try:
            base = self.base_scenario()
        except ScenarioError as error:
            raise setting_error("market", error) from None
        for name, allowed in self.decisions.items():
            if name not in SPECS:
                raise setting_error("decisions", unknown_parameter(name))
            spec = SPECS[name]
            if name.startswith("run."):
                raise setting_error("decisions", "error.setting_game_only", name=name)
            if allowed is None:
                continue
            if spec.choices:
                if (not isinstance(allowed, (list, tuple)) or not allowed
                        or not all(isinstance(choice, str) and choice in spec.choices for choice in allowed)):
                    raise setting_error("decisions", "error.setting_choices", name=name,
                                        choices=quoted(spec.choices), got=shown(allowed))
                continue
            if (not isinstance(allowed, (list, tuple)) or len(allowed) != 2
                    or not all(_number_within(v, spec.low, spec.high) for v in allowed) or allowed[0] > allowed[1]):
                raise setting_error("decisions", "error.setting_range", name=name, low=spec.low, high=spec.high,
                                    got=shown(allowed))
        for name, weight in self.weights.items():
            if name not in SCORE_KPIS:
                raise setting_error("weights", "error.setting_perspective", got=shown(name),
                                    hint=hint(name, SCORE_KPIS), names=quoted(SCORE_KPIS))
            if not _number_within(weight, 0, 1):
                raise setting_error(f"weights.{name}", "error.setting_number", low=0, high=1, got=shown(weight))
        if not math.isclose(sum(self.weights.values()), 1.0, abs_tol=1e-6):
            raise setting_error("weights", "error.setting_weights_sum", total=sum(self.weights.values()))
        if not _number_within(self.min_nps, -100, 100):
            raise setting_error("min_nps", "error.setting_number", low=-100, high=100, got=shown(self.min_nps))
        people = sum(base[f"organisation.{role}"] for role in PEOPLE)
        if people > self.max_people:
            raise setting_error("max_people", "error.setting_max_people", most=self.max_people, people=people)

    def base_scenario(self) -> Scenario:
        """The scenario every supplier starts from: the defaults, the game's market, the game's length."""
        return Scenario({**flatten(self.market), "run.years": self.years}, name=self.name)

    @property
    def years(self) -> int:
        """The model's horizon in whole years (the game ends at its last round, maybe earlier)."""
        return max(1, math.ceil(self.rounds * self.months_per_round / 12))

    def allowed(self, name: str) -> tuple[float, float] | tuple[str, ...]:
        """The range (or choices) a team may choose from for decision `name`."""
        spec, allowed = SPECS[name], self.decisions[name]
        if spec.choices:
            return tuple(allowed) if allowed is not None else spec.choices
        return (spec.low, spec.high) if allowed is None else (allowed[0], allowed[1])

    def decision_spec(self, name: str) -> ParamSpec:
        """Decision `name`'s row of the parameter table narrowed to the range (or choices) this game allows: what
        a team is told it may choose, also when it typed a value of the wrong kind."""
        spec, allowed = SPECS[name], self.allowed(name)
        if spec.choices:
            return replace(spec, choices=tuple(allowed))
        return spec if spec.kind is bool else replace(spec, low=allowed[0], high=allowed[1])

    def _typed(self, name: str, value: Any) -> Any:
        """`value` as decision `name`'s type ('3' → 3); a value that is none (2.5 people, 'cheap', −5 euros) is
        told with the game's range, not the wider one of the parameter table the team cannot use here."""
        try:
            return coerce(SPECS[name], value)
        except ScenarioError:
            raise not_allowed(self.decision_spec(name), value).recast(GameError) from None

    def check_decisions(self, decisions: Mapping[str, Any], base: Mapping[str, Any]) -> dict[str, Any]:
        """Validate a team's decisions (parameter table, then the trainer's ranges and the people budget)."""
        if not isinstance(decisions, Mapping):
            raise kit_error(GameError, "error.decisions_table", got=shown(decisions))
        decisions = flatten(decisions)
        for name in decisions:
            if name not in self.decisions:
                raise kit_error(GameError, "error.not_a_decision", name=name, decisions=", ".join(self.decisions),
                                hint=hint(name, self.decisions))
        decisions = {name: self._typed(name, value) for name, value in decisions.items()}
        try:
            scenario = Scenario({**dict(base), **decisions})
        except ScenarioError as error:
            raise error.recast(GameError) from None
        for name in decisions:
            value, allowed = scenario[name], self.allowed(name)
            if SPECS[name].choices:
                if value not in allowed:
                    raise kit_error(GameError, "error.choice_not_allowed", name=name, got=shown(value),
                                    allowed=quoted(allowed))
            elif not allowed[0] <= value <= allowed[1]:
                raise kit_error(GameError, "error.outside_range", name=name, got=shown(value), low=allowed[0],
                                high=allowed[1])
        people = sum(scenario[f"organisation.{role}"] for role in PEOPLE)
        if people > self.max_people:
            raise kit_error(GameError, "error.people_budget", people=people, most=self.max_people)
        return {name: scenario[name] for name in decisions}


def _number_within(value: Any, low: float, high: float) -> bool:
    """Whether `value` is a number (True and False are not) from `low` to `high`."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high


PEOPLE = ("inside_sales", "junior_account_managers", "account_managers", "senior_account_managers",
          "key_account_managers", "service_staff")


def load_settings(path: str | Path) -> GameSettings:
    """Game settings from a JSON or TOML file (a clear GameError for a missing or malformed file)."""
    path = Path(path)
    if path.suffix.lower() not in (".json", ".toml"):
        raise kit_error(GameError, "error.settings_file", got=shown(str(path)))
    try:
        data = read_document(path, 1_000_000, "game_settings")
    except KitError as error:
        raise error.recast(GameError) from None
    return GameSettings.from_mapping(data)

