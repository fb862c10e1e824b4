"""`python -m simulation experiment replicate | compare | sweep | sensitivity`.

The same experiments as the Python API, for a manager at a terminal or a
script: scenario options as for `run` (--preset, --scenario, --set, --years),
uncertain assumptions as `--vary KEY=LOW:HIGH`, a table of means with 95 %
confidence intervals (or `--json`), and `--out` to keep every row (a folder
of CSV files or an .xlsx workbook). `--language nl` puts the table, the
warnings and the mistakes in Dutch (default: KIT_LANGUAGE, else English);
`--json` and the saved files keep the kit's own names. User mistakes exit
with status 2 and one message on stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

import pandas as pd

from ..cli_scenario import add_language_argument, add_scenario_arguments, apply_changes, key_values, scenario_from_args
from ..language import format_value, resolve, text
from ..presets import PRESETS, preset
from ..scenario import Scenario
from ..scenario_files import load_scenario
from ..terminal import print_table
from .assumptions import parse_range
from .designs import compare, replicate, sensitivity, sweep
from .result import ExperimentResult, check_kpi
from .storage import check_experiment_path, metadata, save_experiment
from .tables import chance_table, means_table, tornado_table

DEFAULT_KPIS = ("margin", "revenue", "nps", "avg_grade", "win_rate", "churn_rate_annual")
VARY_EXAMPLE = "market.competitor_intensity=0.8:1.5"


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


def _tornado_ranges(texts: list[str]) -> dict[str, tuple[float, float] | None]:
    """--param KEY (±20 % around its value) or KEY=LOW:HIGH."""
    bare = {text.strip(): None for text in texts if "=" not in text}
    given = key_values([t for t in texts if "=" in t], "--param", VARY_EXAMPLE)
    return {**bare, **{name: parse_range(name, text).bounds() for name, text in given}}


def _experiment(args: argparse.Namespace) -> ExperimentResult:
    """Run the experiment the arguments describe."""
    scenario = scenario_from_args(args)
    vary = key_values(args.vary, "--vary", VARY_EXAMPLE)
    options = dict(uncertain={name: parse_range(name, text) for name, text in vary}, workers=args.workers,
                   progress=True if sys.stderr.isatty() else None, force=args.yes)
    n, seed = args.replications, args.seed
    if args.design == "replicate":
        return replicate(scenario, n, seed, **options)
    if args.design == "compare":
        return compare(scenario, _against(args), n, seed, **options)
    if args.design == "sweep":
        grid = key_values(args.param, "--param", "funnel.promise_policy=honest,customer_wish")
        return sweep(scenario, {name: values.split(",") for name, values in grid}, n, seed, **options)
    return sensitivity(scenario, _tornado_ranges(args.param), n, seed, kpi=check_kpi((args.kpi or ["margin"])[0]), **options)


def _answer(result: ExperimentResult, kpis: list[str], language: str | None) -> pd.DataFrame:
    """The table the design answers with: its numbers for --json (`language` None), else as text in `language`."""
    if result.kind == "compare":
        return result.differences(kpis) if language is None else chance_table(result, kpis, language)
    if result.kind == "sensitivity":
        return result.tornado(kpis[0]) if language is None else tornado_table(result, kpis[0], language)
    return result.summary(kpis) if language is None else means_table(result, kpis, language)


def _print_answer(table: pd.DataFrame) -> None:
    """The answer at the terminal: its first (index) column to the left, the numbers to the right."""
    print_table([*table.index.names, *table.columns], [[str(cell) for cell in row] for row in table.itertuples()])


def run(args: argparse.Namespace) -> int:
    """Run the experiment and print its answer in `--language`; 0 on success, 130 on Ctrl-C. A user mistake
    is raised for the kit's `main`, which tells it in that language with status 2."""
    language = resolve(args.language)
    kpis = [check_kpi(k) for k in args.kpi] if args.kpi else list(DEFAULT_KPIS)
    if args.out is not None:
        check_experiment_path(args.out)  # before the work, not after it
    try:
        result = _experiment(args)
    except KeyboardInterrupt:
        print(text("cli.cancelled", language), file=sys.stderr)
        return 130
    if args.out is not None:
        save_experiment(result, args.out)
    for warning in result.warning_texts(language):  # as `run` does: the numbers of a company that cannot cope
        print(f"{text('cli.warning', language)}: {warning}", file=sys.stderr)
    if args.json:
        document = {key: value for key, value in metadata(result).items() if key != "dtypes"}
        document["table"] = _answer(result, kpis, None).to_dict(orient="records")
        print(json.dumps(_json_ready(document), indent=2, ensure_ascii=False))
        return 0
    years = next(iter(result.scenarios.values()))["run.years"]
    print(text("experiment.header", language, design=text(f"experiment.{result.kind}", language),
               n=result.replications, seed=result.seed, years=format_value(years, "years", language)))
    _print_answer(_answer(result, kpis, language))
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
    add_language_argument(parser, "the table, warnings and mistakes")
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
