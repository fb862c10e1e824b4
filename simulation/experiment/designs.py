"""The four experiments a manager asks for, each as variants of a scenario.

- `replicate`: how sure are we of one scenario's outcome?
- `compare`: does strategy A beat strategy B, and how often? Pairs share a
  seed (common random numbers), so both strategies meet the same customers,
  the same incidents and the same sampled assumptions, and the difference
  shows the strategy, not luck.
- `sweep`: how does a KPI move with one or two knobs (line or heat map)?
- `sensitivity`: which assumption matters most (tornado)?
Every variant uses the same replication seeds, so sweeps and tornado effects
are paired comparisons too.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence, Sized
from concurrent.futures import Executor
from typing import Any, TypedDict, Unpack

from ..errors import quoted, shown
from ..language import SIDE_MARKS, formatted, kit_error
from ..parameters import SPECS, ParamSpec
from ..results import as_scenario
from ..scenario import Scenario, ScenarioError, check_mapping, coerce, unknown_parameter
from .assumptions import Distribution
from .budget import MAX_GRID_POINTS
from .progress import ProgressOption
from .result import ExperimentResult, check_kpi
from .run_cache import RunCache
from .runner import Variant, run_variants
from .seeds import replication_seeds

ScenarioLike = Scenario | Mapping[str, Any] | str | None


class RunOptions(TypedDict, total=False):
    """Where and how the replications run; none of these change the numbers."""

    uncertain: Mapping[str, Distribution | tuple[float, ...]]  # assumptions sampled per replication
    executor: Executor  # any concurrent.futures executor, e.g. Client(...).get_executor()
    workers: int  # size of a local process pool (1 = serial); default: serial for small jobs
    chunk_size: int  # replications per task
    progress: ProgressOption  # True for a bar with ETA, or a callback(done, total)
    language: str  # the language of the bar's label (default: the session's, `set_language`)
    keep_events: bool  # also return every event log (memory grows with replications)
    force: bool  # run even when the estimate says it is long or large, or with more workers than cores
    cache: RunCache  # replications already run (an interactive panel's); only the others run
    partial: Callable[[ExperimentResult], Any]  # gets the experiment so far as replications finish (a panel's answer)


def replicate(scenario: ScenarioLike = None, n: int = 30, seed: int = 0,
              **options: Unpack[RunOptions]) -> ExperimentResult:
    """`n` independent replications of one scenario: KPI means with confidence intervals
    (`.summary()`) and monthly series with uncertainty bands (`.bands(series)`).
    In a script, call it under `if __name__ == "__main__":` (worker processes re-import the script)."""
    scenario = as_scenario(scenario)
    variant = Variant(scenario.name, scenario, replication_seeds(seed, n))
    return run_variants("replicate", [variant], seed, **options)


def compare(a: ScenarioLike, b: ScenarioLike, n: int = 30, seed: int = 0, *, paired: bool = True,
            **options: Unpack[RunOptions]) -> ExperimentResult:
    """A against B on `n` pairs: `.differences()` gives A − B per KPI with its confidence
    interval and the chance that A beats B. `paired=False` gives B its own seeds instead,
    to show how much wider the interval gets without common random numbers.
    In a script, call it under `if __name__ == "__main__":` (worker processes re-import the script)."""
    a, b = as_scenario(a), as_scenario(b)
    label_a, label_b = (a.name, b.name) if a.name != b.name else (a.name + SIDE_MARKS[0], b.name + SIDE_MARKS[1])
    seeds = replication_seeds(seed, n)
    variants = [Variant(label_a, a, seeds), Variant(label_b, b, seeds if paired else replication_seeds(seed, n, n))]
    settings = {"a": label_a, "b": label_b, "paired": paired}
    return run_variants("compare", variants, seed, settings=settings, **options)


def _grid_value(name: str, value: Any) -> Any:
    if name not in SPECS:
        raise unknown_parameter(name)
    return coerce(SPECS[name], value)


def sweep(scenario: ScenarioLike, grid: Mapping[str, Sequence[Any]], n: int = 10, seed: int = 0,
          **options: Unpack[RunOptions]) -> ExperimentResult:
    """Every combination of the values of one or two parameters, `n` replications each;
    `.summary([kpi])` has one row per grid point, ready for a line or a heat map.
    In a script, call it under `if __name__ == "__main__":` (worker processes re-import the script)."""
    scenario = as_scenario(scenario)
    check_mapping(grid, ("A sweep", "Een sweep"),
                  ("a parameter and its values, e.g. {'funnel.promise_policy': ['honest', 'customer_wish']}",
                   "een parameter en zijn waarden, bijv. {'funnel.promise_policy': ['honest', 'customer_wish']}"))
    if not 1 <= len(grid) <= 2:
        raise kit_error(ScenarioError, "error.sweep_size", count=len(grid), names=f": {quoted(grid)}" if grid else "")
    points = math.prod(len(values) for values in grid.values() if isinstance(values, Sized))
    if points > MAX_GRID_POINTS:
        sizes = lambda language: " × ".join(formatted(len(values), ",", language) for values in grid.values())
        raise kit_error(ScenarioError, "error.sweep_points", sizes=sizes, points=points, most=MAX_GRID_POINTS)
    axes = {name: [_grid_value(name, v) for v in values] for name, values in grid.items()}
    for name, values in axes.items():
        if not values or len(set(values)) != len(values):
            raise kit_error(ScenarioError, "error.sweep_distinct", name=name, got=shown(list(grid[name])))
    seeds = replication_seeds(seed, n)
    variants = []
    for point in itertools.product(*axes.values()):
        columns = dict(zip(axes, point))
        label = ", ".join(f"{name}={value}" for name, value in columns.items())
        variants.append(Variant(label, scenario.replace(columns), seeds, columns))
    return run_variants("sweep", variants, seed, settings={"parameters": list(axes)}, **options)


def _default_range(spec: ParamSpec, value: float, spread: float) -> tuple[float, float]:
    """±`spread` around `value`, within the parameter's range. A value of 0 has no ±20 %, so it
    moves by `spread` of the parameter's range instead; whole numbers round outwards and move
    at least one step, else 2 ± 20 % would round back to 2 and nothing would be tested."""
    width = spread * (abs(value) if value else spec.high - spec.low)
    low, high = value - width, value + width
    if spec.kind is int:
        step = spec.step or 1
        low, high = min(math.floor(low), value - step), max(math.ceil(high), value + step)
    return max(spec.low, low), min(spec.high, high)


def _range(scenario: Scenario, name: str, given: Any, spread: float) -> tuple[float, float]:
    """The low/high values of one tornado parameter: given, or ±`spread` around the current value."""
    if name not in SPECS:
        raise unknown_parameter(name)
    spec = SPECS[name]
    if spec.kind not in (int, float):
        raise kit_error(ScenarioError, "error.sensitivity_numeric", name=name)
    if given is None:
        given = _default_range(spec, scenario[name], spread)
    low, high = (coerce(spec, v) for v in given)
    if not low < high:
        raise kit_error(ScenarioError, "error.sensitivity_order", name=name, got=shown(tuple(given)))
    return low, high


def sensitivity(scenario: ScenarioLike, parameters: Sequence[str] | Mapping[str, tuple[float, float] | None],
                n: int = 10, seed: int = 0, *, kpi: str = "margin", spread: float = 0.2,
                **options: Unpack[RunOptions]) -> ExperimentResult:
    """Tornado: each parameter at its low and its high value, the rest at the scenario's values;
    `.tornado()` ranks the parameters by how far they move `kpi`. A parameter without a
    range is moved ±`spread` (20 %) around its current value.
    In a script, call it under `if __name__ == "__main__":` (worker processes re-import the script)."""
    scenario = as_scenario(scenario)
    check_kpi(kpi)
    if not isinstance(parameters, (Mapping, list, tuple)):
        raise ScenarioError(f"The sensitivity parameters are a list of names or a mapping of name to (low, high), "
                            f"e.g. ['market.competitor_intensity']. Got {shown(parameters)} instead.")
    ranges = dict(parameters) if isinstance(parameters, Mapping) else dict.fromkeys(parameters)
    if not ranges:
        raise ScenarioError("A sensitivity analysis needs at least one parameter.")
    ranges = {name: _range(scenario, name, given, spread) for name, given in ranges.items()}
    seeds = replication_seeds(seed, n)
    variants = [Variant("base", scenario, seeds, {"parameter": "base", "level": "base", "value": float("nan")})]
    for name, bounds in ranges.items():
        for level, value in zip(("low", "high"), bounds):
            variants.append(Variant(f"{name} {level}", scenario.replace({name: value}), seeds,
                                    {"parameter": name, "level": level, "value": float(value)}))
    settings = {"kpi": kpi, "ranges": {name: list(bounds) for name, bounds in ranges.items()}}
    return run_variants("sensitivity", variants, seed, settings=settings, **options)
