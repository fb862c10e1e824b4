"""`python -m simulation experiment replicate | compare | sweep | sensitivity`.

The same experiments as the Python API, for a manager at a terminal or a
script: scenario options as for `run` (--preset, --scenario, --set, --years),
uncertain assumptions as `--vary KEY=LOW:HIGH`, a table of means with 95 %
confidence intervals (or `--json`), and `--out` to keep every row (a folder
of CSV files or an .xlsx workbook). User mistakes exit with status 2 and one
message on stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

import pandas as pd

from ..cli_scenario import add_scenario_arguments, apply_changes, format_value, scenario_from_args
from ..errors import KitError, printable
from ..presets import PRESETS, preset
from ..results import KPI_SPECS
from ..scenario import Scenario, ScenarioError
from ..scenario_files import load_scenario
from .assumptions import parse_range
from .designs import compare, replicate, sensitivity, sweep
from .result import ExperimentResult, check_kpi
from .storage import check_experiment_path, metadata, save_experiment

DEFAULT_KPIS = ("margin", "revenue", "nps", "avg_grade", "win_rate", "churn_rate_annual")


def _interval(low: float, high: float, unit: str) -> str:
    return f"[{format_value(low, unit)} … {format_value(high, unit)}]"


def _print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    for row in (header, *rows):
        print("  ".join(f"{cell:<{w}}" if i == 0 else f"{cell:>{w}}" for i, (cell, w) in enumerate(zip(row, widths))))


def _json_ready(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    return value


def _against(args: argparse.Namespace) -> Scenario:
    """Scenario B of a comparison: a preset name or a scenario file, with the same --set and --years as A."""
    name = args.against
    return apply_changes(load_scenario(name) if name.endswith((".json", ".toml")) else preset(name), args)


def _key_values(texts: list[str], option: str, example: str) -> list[tuple[str, str]]:
    """['KEY=VALUE', ...] as pairs; a missing '=' names the option and shows an example."""
    pairs = []
    for text in texts:
        key, sep, value = text.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ScenarioError(f"{option} expects KEY=VALUE, e.g. {example}. Got {text!r} instead.")
        pairs.append((key.strip(), value.strip()))
    return pairs


def _tornado_ranges(texts: list[str]) -> dict[str, tuple[float, float] | None]:
    """--param KEY (±20 % around its value) or KEY=LOW:HIGH."""
    bare = {text.strip(): None for text in texts if "=" not in text}
    given = _key_values([t for t in texts if "=" in t], "--param", "market.competitor_intensity=0.8:1.5")
    return {**bare, **{name: parse_range(name, text).bounds() for name, text in given}}


def _experiment(args: argparse.Namespace) -> ExperimentResult:
    """Run the experiment the arguments describe."""
    scenario = scenario_from_args(args)
    vary = _key_values(args.vary, "--vary", "market.competitor_intensity=0.8:1.5")
    options = dict(uncertain={name: parse_range(name, text) for name, text in vary}, workers=args.workers,
                   progress=True if sys.stderr.isatty() else None, force=args.yes)
    n, seed = args.replications, args.seed
    if args.design == "replicate":
        return replicate(scenario, n, seed, **options)
    if args.design == "compare":
        return compare(scenario, _against(args), n, seed, **options)
    if args.design == "sweep":
        grid = _key_values(args.param, "--param", "funnel.promise_policy=honest,customer_wish")
        return sweep(scenario, {name: values.split(",") for name, values in grid}, n, seed, **options)
    return sensitivity(scenario, _tornado_ranges(args.param), n, seed, kpi=check_kpi((args.kpi or ["margin"])[0]), **options)


def _table(result: ExperimentResult, kpis: list[str]) -> pd.DataFrame:
    """The table the design answers with."""
    if result.kind == "compare":
        return result.differences(kpis)
    if result.kind == "sensitivity":
        return result.tornado(kpis[0])
    return result.summary(kpis)


def _print_result(result: ExperimentResult, table: pd.DataFrame) -> None:
    first = next(iter(result.scenarios.values()))
    years = first["run.years"]
    print(f"{result.kind}: {result.replications} replications per scenario, seed {result.seed}, "
          f"{years} year{'s' if years != 1 else ''}, 95 % confidence intervals")
    if result.kind == "compare":
        rows = []
        for r in table.itertuples():
            unit = KPI_SPECS[r.kpi].unit
            rows.append([KPI_SPECS[r.kpi].label_en, format_value(r.mean_a, unit), format_value(r.mean_b, unit),
                         format_value(r.difference, unit), _interval(r.ci_low, r.ci_high, unit),
                         format_value(r.prob_a_beats_b, "share")])
        _print_table(["KPI", result.settings["a"], result.settings["b"], "A − B", "95 % CI of A − B",
                      "A better in"], rows)
    elif result.kind == "sensitivity":
        unit = KPI_SPECS[table["kpi"].iloc[0]].unit
        rows = [[r.parameter, f"{r.low:g} … {r.high:g}", format_value(r.kpi_low, unit), format_value(r.kpi_high, unit),
                 format_value(r.swing, unit)] for r in table.itertuples()]
        _print_table(["parameter", "range", "KPI at low", "KPI at high", "swing"], rows)
    else:
        rows = []
        for _, r in table.iterrows():
            unit = KPI_SPECS[r["kpi"]].unit
            rows.append([r["variant"], KPI_SPECS[r["kpi"]].label_en, format_value(r["mean"], unit),
                         _interval(r["ci_low"], r["ci_high"], unit)])
        _print_table(["scenario", "KPI", "mean", "95 % CI"], rows)


def run(args: argparse.Namespace) -> int:
    """Run the experiment; 0 on success, 2 on a user mistake (message on stderr), 130 on Ctrl-C."""
    try:
        kpis = [check_kpi(k) for k in args.kpi] if args.kpi else list(DEFAULT_KPIS)
        if args.out is not None:
            check_experiment_path(args.out)  # before the work, not after it
        result = _experiment(args)
        table = _table(result, kpis)
        if args.out is not None:
            save_experiment(result, args.out)
    except KitError as error:
        print(f"error: {printable(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the experiment was cancelled", file=sys.stderr)
        return 130
    for warning in result.warnings:  # as `run` does: the numbers of a company that cannot cope need a word
        print(f"warning: {warning}", file=sys.stderr)
    if args.json:
        document = {key: value for key, value in metadata(result).items() if key != "dtypes"}
        document["table"] = table.to_dict(orient="records")
        print(json.dumps(_json_ready(document), indent=2, ensure_ascii=False))
    else:
        _print_result(result, table)
    return 0


def _common(parser: argparse.ArgumentParser, replications: int) -> None:
    add_scenario_arguments(parser)
    parser.add_argument("--seed", type=int, default=0, help="experiment seed (default 0); same seed, same numbers")
    parser.add_argument("--replications", "-n", type=int, default=replications, metavar="N",
                        help=f"replications per scenario (default {replications})")
    parser.add_argument("--workers", type=int, metavar="W",
                        help="worker processes (1 = serial; default: serial for small jobs, all cores for large)")
    parser.add_argument("--vary", action="append", default=[], metavar="KEY=LOW:HIGH",
                        help="an uncertain assumption, sampled per replication (LOW:MODE:HIGH for a triangle)")
    parser.add_argument("--kpi", action="append", metavar="NAME",
                        help=f"KPI to report (repeatable; default {', '.join(DEFAULT_KPIS)})")
    parser.add_argument("--json", action="store_true", help="print one JSON object: the record and the table")
    parser.add_argument("--out", metavar="PATH", help="save every row: a folder (CSV + JSON) or a .xlsx file")
    parser.add_argument("--yes", action="store_true",
                        help="run even when the estimate says it takes long or much memory, or with more "
                             "workers than cores")
    parser.set_defaults(handler=run)


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add `experiment` with its four designs to the main command line."""
    parser = subparsers.add_parser("experiment", help="replications with confidence intervals, compare, sweep, "
                                                      "sensitivity")
    designs = parser.add_subparsers(dest="design", required=True, metavar="DESIGN")
    _common(designs.add_parser("replicate", help="how sure is one scenario's outcome? means with 95 %% CIs"), 30)
    versus = designs.add_parser("compare", help="does A beat B? paired runs on common random numbers")
    _common(versus, 30)
    versus.add_argument("--against", required=True, metavar="PRESET|FILE",
                        help=f"scenario B: a preset ({', '.join(PRESETS)}) or a .json/.toml file; "
                             "--set and --years apply to both")
    grid = designs.add_parser("sweep", help="a KPI across one or two parameters")
    _common(grid, 10)
    grid.add_argument("--param", action="append", required=True, metavar="KEY=V1,V2,...",
                      help="a parameter and its values (give one or two)")
    tornado = designs.add_parser("sensitivity", help="tornado: which assumption moves the first --kpi most")
    _common(tornado, 10)
    tornado.add_argument("--param", action="append", required=True, metavar="KEY[=LOW:HIGH]",
                         help="a parameter and its range (default ±20 %% around its value); repeatable")
    return parser
