"""Uncertain assumptions: parameters given as a range instead of one value.

A manager rarely knows how hard competitors will push next year; stating it
as a range (say 0.8 to 1.5) and sampling it per replication turns "what if"
into "how likely" (Monte Carlo over assumptions). Each assumption is drawn
from its own named stream derived from the replication seed, so both
strategies in a comparison face the same sampled world, the draws do not
depend on the executor or worker count, and adding a second uncertain
assumption does not change the draws of the first.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import quoted, shown
from ..language import kit_error, text
from ..parameters import SPECS
from ..rng import Stream
from ..scenario import ScenarioError, check_mapping, coerce, unknown_parameter

#: Beyond this many uncertain assumptions, checking every combination of extremes (2^k of them) gets slow.
MAX_UNCERTAIN = 12


@dataclass(frozen=True)
class Uniform:
    """Every value between `low` and `high` equally likely (integers: every whole value)."""

    low: float
    high: float

    def value(self, u: float, integer: bool) -> float:
        if integer:
            return int(self.low) + min(int(u * (int(self.high) - int(self.low) + 1)), int(self.high - self.low))
        return self.low + u * (self.high - self.low)

    def bounds(self) -> tuple[float, float]:
        return self.low, self.high


@dataclass(frozen=True)
class Triangular:
    """Values between `low` and `high`, most likely near `mode` (a common way to state a
    three-point estimate: pessimistic, most likely, optimistic)."""

    low: float
    mode: float
    high: float

    def value(self, u: float, integer: bool) -> float:
        low, mode, high = self.low, self.mode, self.high
        cut = (mode - low) / (high - low) if high > low else 0.5
        if u < cut:
            x = low + math.sqrt(u * (high - low) * (mode - low))
        else:
            x = high - math.sqrt((1 - u) * (high - low) * (high - mode))
        return round(x) if integer else x

    def bounds(self) -> tuple[float, float]:
        return self.low, self.high


Distribution = Uniform | Triangular
_KINDS = {"uniform": Uniform, "triangular": Triangular}


def as_distribution(name: str, given: Any) -> Distribution:
    """Accept a distribution, a (low, high) pair or a (low, mode, high) triple for parameter `name`,
    and check that the whole range is allowed for that parameter."""
    if name not in SPECS:
        raise unknown_parameter(name)
    spec = SPECS[name]
    if spec.kind not in (int, float):
        raise kit_error(ScenarioError, "error.uncertain_not_numeric", name=name, type=spec.kind.__name__)
    if isinstance(given, (tuple, list)) and len(given) in (2, 3):
        given = Uniform(*given) if len(given) == 2 else Triangular(*given)
    if not isinstance(given, (Uniform, Triangular)):
        raise kit_error(ScenarioError, "error.uncertain_not_a_range", name=name, got=shown(given))
    # Through the parameter's own conversion, so "0.8" typed in a form or file counts as 0.8.
    low, mode, high = (coerce(spec, v) for v in (given.low, getattr(given, "mode", given.low), given.high))
    if not low <= mode <= high or low == high:
        raise kit_error(ScenarioError, "error.uncertain_order", name=name, got=shown(given))
    return Triangular(low, mode, high) if isinstance(given, Triangular) else Uniform(low, high)


def parse_range(name: str, text: str, option: str = "--vary") -> Distribution:
    """Command-line form of a range: 'LOW:HIGH' or 'LOW:MODE:HIGH', typed after `option` (--vary, --param).
    Values in the wrong order are told as the user typed them ('--vary x=2:1: the low value 2 …'), not as
    the distribution they would have made."""
    parts = [part.strip() for part in text.split(":")]
    try:
        numbers = tuple(float(part) for part in parts)
    except ValueError:
        numbers = ()
    if len(numbers) not in (2, 3):
        raise kit_error(ScenarioError, "error.option_range", name=name, got=shown(text))
    typed = dict(option=option, name=name, got=text, low=parts[0], high=parts[-1])
    if not numbers[0] < numbers[-1]:
        raise kit_error(ScenarioError, "error.option_range_order", **typed)
    if not numbers[0] <= numbers[1] <= numbers[-1]:
        raise kit_error(ScenarioError, "error.option_range_mode", mode=parts[1], **typed)
    return as_distribution(name, numbers)


def normalise(uncertain: Mapping[str, Any] | None) -> dict[str, Distribution]:
    """Check every uncertain assumption; keep them sorted by name so records are stable."""
    uncertain = check_mapping({} if uncertain is None else uncertain,
                              ("The uncertain assumptions", "De onzekere aannames"),
                              ("ranges per parameter, e.g. {'market.competitor_intensity': (0.8, 1.5)}",
                               "bereiken per parameter, bijv. {'market.competitor_intensity': (0.8, 1.5)}"))
    if len(uncertain) > MAX_UNCERTAIN:
        raise kit_error(ScenarioError, "error.uncertain_too_many", most=MAX_UNCERTAIN, count=len(uncertain),
                        names=quoted(uncertain))
    return {name: as_distribution(name, given) for name, given in sorted(uncertain.items())}


def sample(uncertain: Mapping[str, Distribution], seed: int) -> dict[str, Any]:
    """One replication's values of the uncertain assumptions."""
    return {name: dist.value(Stream(seed, f"assumption:{name}").uniform(), SPECS[name].kind is int)
            for name, dist in uncertain.items()}


def corners(uncertain: Mapping[str, Distribution]) -> Iterator[dict[str, float]]:
    """Every combination of lows and highs. The rules between parameters are linear (a sum at
    most 1, one value not above another), so they hold for every sample if they hold at every
    corner; a mixed corner (one range low, the other high) is often where they break."""
    for values in itertools.product(*(dist.bounds() for dist in uncertain.values())):
        yield dict(zip(uncertain, values))


def describe(uncertain: Mapping[str, Distribution], names: Iterable[str], language: str = "en") -> str:
    """The ranges of `names` as a user gives them: "'a' (0.1 to 0.3) and 'b' (0.05 to 0.2)"."""
    return text("error.ranges_and", language).join(
        text("error.range", language, name=name, low=uncertain[name].low, high=uncertain[name].high) for name in names)


def to_record(uncertain: Mapping[str, Distribution]) -> dict[str, dict[str, Any]]:
    """JSON form for the experiment's sidecar file."""
    return {name: {"distribution": type(d).__name__.lower(), **d.__dict__} for name, d in uncertain.items()}


def from_record(record: Mapping[str, Mapping[str, Any]]) -> dict[str, Distribution]:
    """Inverse of `to_record`."""
    out = {}
    for name, fields in record.items():
        fields = dict(fields)
        out[name] = _KINDS[fields.pop("distribution")](**fields)
    return out
