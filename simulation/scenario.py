"""Validated, immutable scenarios built from the parameter table.

A `Scenario` is what every face of the kit (notebooks, widgets, command line,
experiments) hands to the model. It is checked once, here, so a user mistake
gives one clear message that names the field, the value and what is allowed,
and the model can trust its input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

import numpy as np

from .errors import KitError, closest, hint, quoted, shown
from .language import kit_error, pick, text
from .parameters import CONCEPTS, SPECS, ParamSpec, defaults


class ScenarioError(KitError):
    """A user mistake in a scenario: the message is meant to be shown as is."""


class UnknownAttribute(ScenarioError, AttributeError):
    """`scenario.fumnel` or `scenario.funnel.promis_policy`: told like any other mistake (a red box in a
    lesson, in its language), and still an AttributeError, so `hasattr` and `getattr(…, default)` work."""


_TRUE = {"true", "yes", "1", "on", "ja"}
_FALSE = {"false", "no", "0", "off", "nee"}


#: Each parameter's full name by its name within its concept ('promise_policy': 'funnel.promise_policy'), for a
#: "did you mean" when the concept was left out.
FULL_NAMES = {spec.short_name: spec.name for spec in SPECS.values()}


#: One parameter of each concept, for the example in a message about the concept.
SECTION_EXAMPLE = {concept: next(spec.short_name for spec in SPECS.values() if spec.name.startswith(f"{concept}."))
                   for concept in CONCEPTS}


def unknown_parameter(key: str) -> ScenarioError:
    """'Unknown parameter …', with the parameter the user probably meant."""
    match = closest(key, SPECS)
    if match is None and isinstance(key, str):  # also try the part after the dot, users often forget the concept
        match = FULL_NAMES.get(closest(key.split(".")[-1], FULL_NAMES))
    return kit_error(ScenarioError, "error.unknown_parameter", got=shown(key, 80),
                     hint=partial(text, "error.did_you_mean" if match else "error.see_params", match=match))


def unknown_concept(concept: str, kind: type[ScenarioError] = ScenarioError) -> ScenarioError:
    """'Unknown concept …' (`scenario.fumnel`, `concepts=["fumnel"]`), with the concept the user probably meant,
    or the parameter when a parameter's short name was typed where a concept goes (`scenario.promise_policy`)."""
    full_name = FULL_NAMES.get(concept)
    return kit_error(kind, "error.unknown_concept", got=shown(concept), names=quoted(CONCEPTS),
                     hint=partial(text, "error.did_you_mean", match=full_name) if full_name
                     else hint(concept, CONCEPTS))


#: Longest scenario name: it labels table rows and figure legends.
MAX_NAME_LENGTH = 80


def check_name(name: Any) -> str:
    """A scenario name is one line of printable text: it is printed in terminals (where control
    characters such as ANSI escapes would act, not show) and written to spreadsheets."""
    if not isinstance(name, str):
        raise kit_error(ScenarioError, "error.scenario_name_text", got=shown(name))
    if not name.strip() or len(name) > MAX_NAME_LENGTH:
        raise kit_error(ScenarioError, "error.scenario_name_length", most=MAX_NAME_LENGTH, got=shown(name))
    if any(unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp") for character in name):
        raise kit_error(ScenarioError, "error.scenario_name_control", got=shown(name))
    return name


def coerce(spec: ParamSpec, value: Any) -> Any:
    """Convert `value` to the parameter's type and check its range or choices.

    Strings are accepted for every type so the command line and widgets can
    pass what the user typed.
    """
    typed = value  # as the user gave it, for the message
    if spec.kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise not_allowed(spec, typed)
    if spec.kind is str:
        if isinstance(value, str) and value in spec.choices:
            return value
        raise not_allowed(spec, typed)
    if isinstance(value, (bool, np.bool_)):
        raise not_allowed(spec, typed)
    if isinstance(value, (np.integer, np.floating)):  # numbers straight from pandas or numpy
        value = value.item()
    if isinstance(value, str):
        if spec.high >= 1000 and len(readings(value)) == 2:  # '20.000': twenty to Python, twenty thousand in Dutch
            raise not_allowed(spec, typed)  # (a parameter below a thousand takes '1.050' as the decimal it is)
        try:
            value = float(value.strip().replace("_", ""))
        except ValueError:
            raise not_allowed(spec, typed) from None
    if not isinstance(value, (int, float)) or not spec.low <= value <= spec.high:  # NaN fails every comparison
        raise not_allowed(spec, typed)
    if spec.kind is int:
        if value != int(value):
            raise not_allowed(spec, typed)
        return int(value)
    return float(value)


def not_allowed(spec: ParamSpec, value: Any) -> ScenarioError:
    """'The parameter must be …' for a `value` that `spec` refuses. A number typed with separators is told how to
    type it instead of being guessed at: '1,05' as '1.05'; '20,000' and '20.000', twenty in Dutch and twenty
    thousand in English (or the other way round), as '20' or '20000'."""
    meant = readings(value) if spec.kind in (int, float) else []
    told = dict(name=spec.name, allowed=spec.allowed, got=shown(value))
    if len(meant) == 2:
        return kit_error(ScenarioError, "error.number_two_ways", decimal=shown(meant[0]), whole=shown(meant[1]),
                         **told)
    if meant:
        return kit_error(ScenarioError, "error.decimal_comma", example=shown(meant[0]), **told)
    return kit_error(ScenarioError, "error.parameter_value", hint=hint(value, spec.choices), **told)


#: A number typed with commas: '1,05', '-0,5', '1,000,000'.
COMMA_NUMBER = re.compile(r"\s*[+-]?\d*,\d+(?:,\d+)*\s*")
#: A number with points between groups of three digits, as Dutch writes thousands: '20.000', '1.500.000'.
THOUSANDS_POINTS = re.compile(r"\s*[+-]?[1-9]\d{0,2}(?:\.\d{3})+\s*")


def readings(typed: Any) -> list[str]:
    """What a number typed with separators can mean, written as the kit reads numbers (a decimal point, no
    thousands separators): ['1.05'] for '1,05', ['1000000'] for '1,000,000' or '1.000.000', and two, the decimal
    then the whole number, for one separator before three digits: ['20', '20000'] for '20,000' and '20.000'.
    Empty for anything else (a plain '1.5' needs no reading)."""
    if not isinstance(typed, str) or not (COMMA_NUMBER.fullmatch(typed) or THOUSANDS_POINTS.fullmatch(typed)):
        return []
    digits = typed.strip().removeprefix("+")
    separator = "," if "," in digits else "."
    whole = digits.replace(separator, "")
    if digits.count(separator) > 1:
        return [whole]
    number = float(digits.replace(separator, "."))
    decimal = str(int(number)) if number.is_integer() else repr(number)
    head, _, tail = digits.lstrip("-").partition(separator)
    return [decimal, whole] if len(tail) == 3 and head not in ("", "0") else [decimal]


#: Seeds are 128-bit at most: SeedSequence takes bigger ones, but a 5,000-digit seed is a typo, not entropy.
MAX_SEED = 2 ** 128
#: What a seed seeds, (English, Dutch), for `check_seed`'s message.
RUN_SEED = ("seed", "seed")
EXPERIMENT_SEED = ("experiment seed", "seed van het experiment")


def check_seed(seed: Any, what: tuple[str, str] = RUN_SEED) -> int:
    """A seed is a non-negative whole number (numpy's SeedSequence takes nothing else)."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise kit_error(ScenarioError, "error.seed_whole", what=partial(pick, what), got=shown(seed))
    if seed >= MAX_SEED:
        raise kit_error(ScenarioError, "error.seed_size", what=partial(pick, what), got=shown(seed))
    return int(seed)


def check_mapping(value: Any, what: tuple[str, str], example: tuple[str, str]) -> Mapping[str, Any]:
    """`value` if it is a mapping; else the kit's message, not an AttributeError from `.items()`.
    `what` is the thing that must be a table and `example` what it holds, each as (English, Dutch)."""
    if not isinstance(value, Mapping):
        raise kit_error(ScenarioError, "error.not_a_table", what=partial(pick, what), example=partial(pick, example),
                        got=shown(value))
    return value


def flatten(mapping: Mapping[str, Any]) -> dict[str, Any]:
    """Accept nested {"funnel": {"promise_policy": ...}} or dotted keys alike."""
    check_mapping(mapping, ("A scenario", "Een scenario"),
                  ("parameter values such as {'run.years': 1} (or, where a function takes it, a preset name)",
                   "waarden van parameters, zoals {'run.years': 1} (of, waar een functie dat aanneemt, de naam "
                   "van een preset)"))
    flat: dict[str, Any] = {}
    for key, value in mapping.items():
        if key in CONCEPTS:  # a section of a file ([funnel]); `funnel = 3` is told that a concept is a table
            check_mapping(value, (f"'{key}'", f"'{key}'"),
                          (f"a table of its parameters, such as {{'{key}.{SECTION_EXAMPLE[key]}': …}} or a section "
                           f"[{key}] in a scenario file",
                           f"een tabel met zijn parameters, zoals {{'{key}.{SECTION_EXAMPLE[key]}': …}} of een "
                           f"sectie [{key}] in een scenariobestand"))
            flat.update({f"{key}.{sub}": subvalue for sub, subvalue in value.items()})
        elif isinstance(value, Mapping) and key not in SPECS:  # a section typed wrong ([funel])
            raise unknown_concept(key) if "." not in str(key) else unknown_parameter(key)
        else:
            flat[key] = value
    return flat


def _label(name: str, language: str) -> str:
    """A parameter's label as its control shows it, quoted: a panel's student knows the control, not the name."""
    return f"'{SPECS[name].label(language)}'"


def _check_combinations(values: Mapping[str, Any]) -> None:
    """Rules that involve more than one parameter."""
    small, large = values["market.share_small"], values["market.share_large"]
    if small + large > 1:
        raise kit_error(ScenarioError, "error.market_shares", small=small, large=large, total=small + large)
    at_6, at_8 = values["churn.annual_at_grade_6"], values["churn.annual_at_grade_8"]
    if at_8 > at_6:
        raise kit_error(ScenarioError, "error.churn_order", at_8=at_8, at_6=at_6,
                        label_8=partial(_label, "churn.annual_at_grade_8"),
                        label_6=partial(_label, "churn.annual_at_grade_6"))


class Section:
    """Read-only view of one concept's parameters: `scenario.funnel.promise_policy`."""

    __slots__ = ("_scenario", "_concept")

    def __init__(self, scenario: Scenario, concept: str):
        self._scenario = scenario
        self._concept = concept

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # Python's and IPython's own probes (`_repr_html_`, `__deepcopy__`), and the
            raise AttributeError(name)  # slots before `__init__` set them (copy and pickle make one without it)
        try:
            return self._scenario[f"{self._concept}.{name}"]
        except KeyError:
            raise unknown_parameter(f"{self._concept}.{name}").recast(UnknownAttribute) from None


class Scenario(Mapping[str, Any]):
    """An immutable, validated set of values for every parameter.

    Build one with `Scenario()` (defaults), `Scenario.from_dict(...)`,
    `preset(name)` or `load_scenario(path)`; derive variants with `replace`.
    """

    __slots__ = ("_values", "name")

    def __init__(self, values: Mapping[str, Any] | None = None, *, name: str = "custom"):
        merged = defaults()
        for key, value in flatten({} if values is None else values).items():
            if not isinstance(key, str):
                raise kit_error(ScenarioError, "error.parameter_name", got=shown(key))
            if key not in SPECS:
                raise unknown_parameter(key)
            merged[key] = coerce(SPECS[key], value)
        _check_combinations(merged)
        object.__setattr__(self, "_values", merged)
        object.__setattr__(self, "name", check_name(name))

    @classmethod
    def from_dict(cls, values: Mapping[str, Any], name: str = "custom") -> Scenario:
        return cls(values, name=name)

    def __reduce__(self):
        """Pickle as values and name, so scenarios travel to process pools and Dask workers."""
        return (_rebuild, (dict(self._values), self.name))

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("A Scenario is immutable; use scenario.replace({...}) for a variant.")

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __getattr__(self, concept: str) -> Section:
        if concept in CONCEPTS:
            return Section(self, concept)
        if concept.startswith("_"):  # Python's and IPython's own probes (`_repr_html_`, `__getstate__`)
            raise AttributeError(concept)
        raise unknown_concept(concept, UnknownAttribute)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scenario) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    def __repr__(self) -> str:
        changed = self.changes()
        return f"Scenario(name={self.name!r}, changes={changed!r})"

    def replace(self, updates: Mapping[str, Any] | None = None, *, name: str | None = None, **kw: Any) -> Scenario:
        """A new scenario with some values changed (dotted or nested keys)."""
        merged = dict(self._values)
        merged.update(flatten({} if updates is None else updates))
        merged.update(kw)
        return Scenario(merged, name=self.name if name is None else name)

    def changes(self) -> dict[str, Any]:
        """The values that differ from the defaults."""
        base = defaults()
        return {k: v for k, v in self._values.items() if v != base[k]}

    def to_dict(self, nested: bool = False) -> dict[str, Any]:
        if not nested:
            return dict(self._values)
        out: dict[str, dict[str, Any]] = {}
        for key, value in self._values.items():
            concept, short = key.split(".", 1)
            out.setdefault(concept, {})[short] = value
        return out


def _rebuild(values: dict[str, Any], name: str) -> Scenario:
    return Scenario(values, name=name)
