"""What every command that runs the model shares: the scenario options and how numbers print.

`--preset`, `--scenario FILE`, `--set KEY=VALUE` and `--years` are applied in
that order, so a file can start from a preset and `--set` has the last word.
"""

from __future__ import annotations

import argparse
import math

from .presets import PRESETS, preset
from .scenario import Scenario, ScenarioError
from .scenario_files import load_scenario


def add_scenario_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the scenario options to a (sub)command."""
    parser.add_argument("--preset", default="baseline", metavar="NAME",
                        help=f"start from a preset: {', '.join(PRESETS)} (default: baseline)")
    parser.add_argument("--scenario", metavar="FILE", help="a scenario file (.json or .toml); overrides the preset")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", dest="overrides",
                        help="change one parameter, e.g. --set funnel.promise_policy=customer_wish (repeatable)")
    parser.add_argument("--years", type=int, metavar="Y", help="years to simulate (same as --set run.years=Y)")


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    """Turn ['a.b=1', ...] into {'a.b': '1'}; the Scenario converts and checks the values."""
    overrides: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ScenarioError(f"--set expects KEY=VALUE, e.g. funnel.promise_policy=honest. Got {pair!r} instead.")
        overrides[key.strip()] = value.strip()
    return overrides


def apply_changes(scenario: Scenario, args: argparse.Namespace) -> Scenario:
    """`scenario` with --set, then --years, applied; each is checked, so a bad --set value is
    refused even when --years sets the same parameter afterwards."""
    changes = parse_overrides(args.overrides)
    if changes:
        scenario = scenario.replace(changes)
    if args.years is not None:
        scenario = scenario.replace({"run.years": args.years})
    return scenario


def scenario_from_args(args: argparse.Namespace) -> Scenario:
    """The Scenario the options describe; user mistakes raise ScenarioError."""
    return apply_changes(load_scenario(args.scenario) if args.scenario else preset(args.preset), args)


def format_value(value: float | None, unit: str) -> str:
    """A KPI value as a terminal shows it: euros whole, shares in percent, counts with separators."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if unit.startswith("€"):
        return f"€ {value:,.0f}"
    if unit.startswith("share"):
        return f"{100 * value:.1f} %"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
