"""`python -m simulation experiment replicate | compare | sweep | sensitivity`.

The same experiments as the Python API, for a manager at a terminal or a
script: scenario options as for `run` (--preset, --scenario, --set, --years),
uncertain assumptions as `--vary KEY=LOW:HIGH`, a table of means with 95 %
confidence intervals (or `--json`), `--out` to keep every row (a folder
of CSV files or an .xlsx workbook) and `--figure` to draw the answer (.png,
.svg). `--language nl` puts the table, the
warnings and the mistakes in Dutch (default: KIT_LANGUAGE, else English);
`--json` and the saved files keep the kit's own names (a workbook's
`columns` sheet says what each holds, in that language). User mistakes exit
with status 2 and one message on stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

import pandas as pd

from ..cli_scenario import (add_language_argument, add_scenario_arguments, apply_changes, key_values, option_help,
                            scenario_from_args)
from ..errors import printable
from ..files import FIGURE_SUFFIXES, check_target
from ..language import format_value, kit_error, resolve, text
from ..presets import PRESETS, preset
from ..scenario import Scenario, ScenarioError
from ..scenario_files import load_scenario
from ..terminal import print_table
from .assumptions import parse_range
from .designs import compare, replicate, sensitivity, sweep
from .insist import OverLimit
from .result import ExperimentResult, check_kpi
from .storage import check_experiment_path, metadata, save_experiment
from .tables import chance_table, means_table, tornado_table

DEFAULT_KPIS = ("margin", "revenue", "nps", "avg_grade", "win_rate", "churn_rate_annual")
#: Fewer replications than this get a note: their intervals rest on a spread estimated from a handful of runs
#: (and a t factor of 2.78 at 5, against 2.26 at 10), a first look rather than an answer to act on.
STEADY_REPLICATIONS = 10
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
    return {**bare, **{name: parse_range(name, text, "--param").bounds() for name, text in given}}


def _experiment(args: argparse.Namespace, language: str) -> ExperimentResult:
    """Run the experiment the arguments describe (its progress bar labelled in `language`)."""
    scenario = scenario_from_args(args)
    vary = key_values(args.vary, "--vary", VARY_EXAMPLE)
    options = dict(uncertain={name: parse_range(name, text, "--vary") for name, text in vary}, workers=args.workers,
                   progress=True if sys.stderr.isatty() else None, language=language, force=args.yes)
    n, seed = args.replications, args.seed
    if args.design == "replicate":
        return replicate(scenario, n, seed, **options)
    if args.design == "compare":
        return compare(scenario, _against(args), n, seed, **options)
    if args.design == "sweep":
        return sweep(scenario, sweep_grid(args.param), n, seed, **options)
    return sensitivity(scenario, _tornado_ranges(args.param), n, seed, kpi=check_kpi((args.kpi or ["margin"])[0]), **options)


def sweep_grid(typed: list[str]) -> dict[str, list[str]]:
    """The grid of `--param NAME=V1,V2,…` options; a range (`NAME=2:6`, the sensitivity design's) is told as one."""
    grid = key_values(typed, "--param", "funnel.promise_policy=honest,customer_wish")
    for name, values in grid:
        if ":" in values:
            raise kit_error(ScenarioError, "error.sweep_range", name=name, given=values)
    return {name: values.split(",") for name, values in grid}


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
    if args.figure is not None:
        check_target(args.figure, "figure", FIGURE_SUFFIXES)
    try:
        result = _experiment(args, language)
    except OverLimit as limit:  # told with the option this user types, not the Python keyword
        raise limit.insisting_with("--yes") from None
    except KeyboardInterrupt:
        print(text("cli.cancelled", language), file=sys.stderr)
        return 130
    if args.out is not None:
        save_experiment(result, args.out, language)
        print(text("cli.wrote", language, path=printable(args.out)), file=sys.stderr)  # stdout may be --json
    if args.figure is not None:
        from ..plots.experiment import design_figure  # matplotlib only when a figure is asked for
        from ..plots.style import save_figure

        save_figure(design_figure(result, kpis, language), args.figure)
        print(text("cli.wrote", language, path=printable(args.figure)), file=sys.stderr)
    for warning in result.warning_texts(language):  # as `run` does: the numbers of a company that cannot cope
        print(f"{text('cli.warning', language)}: {warning}", file=sys.stderr)
    if args.json:
        document = {key: value for key, value in metadata(result).items() if key != "dtypes"}
        document["table"] = _answer(result, kpis, None).to_dict(orient="records")
        print(json.dumps(_json_ready(document), indent=2, ensure_ascii=False))
        return 0
    if result.replications == 1:  # allowed (a quick look, a scenario's first run), but no interval: say so
        print(text("experiment.one_replication", language), file=sys.stderr)
    elif result.replications < STEADY_REPLICATIONS:
        print(text("experiment.few_replications", language, n=result.replications, steady=STEADY_REPLICATIONS),
              file=sys.stderr)
    years = next(iter(result.scenarios.values()))["run.years"]
    design = "compare_paired" if result.kind == "compare" and result.settings.get("paired") else result.kind
    print(text("experiment.header", language, design=text(f"experiment.{design}", language),
               replications=format_value(result.replications, "replications", language), seed=result.seed,
               years=format_value(years, "years", language)))
    _print_answer(_answer(result, kpis, language))
    return 0


def _common(parser: argparse.ArgumentParser, replications: int, language: str) -> None:
    add_scenario_arguments(parser, language)
    parser.add_argument("--seed", type=int, default=0, help=option_help("experiment.seed", language))
    parser.add_argument("--replications", "-n", type=int, default=replications, metavar="N",
                        help=option_help("experiment.replications", language, n=replications))
    parser.add_argument("--workers", type=int, metavar="W", help=option_help("experiment.workers", language))
    parser.add_argument("--vary", action="append", default=[], metavar=text("help.metavar.vary", language),
                        help=option_help("experiment.vary", language))
    parser.add_argument("--kpi", action="append", metavar=text("help.metavar.name", language),
                        help=option_help("experiment.kpi", language, kpis=", ".join(DEFAULT_KPIS)))
    parser.add_argument("--json", action="store_true", help=option_help("experiment.json", language))
    add_language_argument(parser, "experiment", language, typed_only=True)  # `experiment` has it too
    parser.add_argument("--out", metavar=text("help.metavar.path", language),
                        help=option_help("experiment.out", language))
    parser.add_argument("--figure", metavar=text("help.metavar.path", language),
                        help=option_help("experiment.figure", language))
    parser.add_argument("--yes", action="store_true", help=option_help("experiment.yes", language))
    parser.set_defaults(handler=run)


def add_parser(subparsers: argparse._SubParsersAction, language: str) -> argparse.ArgumentParser:
    """Add `experiment` with its four designs to the main command line, its help in `language`. `--language`
    may come before the design too (`experiment --language nl replicate`), as `kit.py` passes it on when it
    was typed before the command; typed in both places, the last one counts, as for any option."""
    parser = subparsers.add_parser("experiment", help=option_help("experiment", language))
    add_language_argument(parser, "experiment", language)
    designs = parser.add_subparsers(dest="design", required=True, metavar=text("help.metavar.design", language))
    _common(designs.add_parser("replicate", help=option_help("experiment.replicate", language)), 30, language)
    versus = designs.add_parser("compare", help=option_help("experiment.compare", language))
    _common(versus, 30, language)
    versus.add_argument("--against", required=True, metavar=text("help.metavar.against", language),
                        help=option_help("experiment.against", language, names=", ".join(PRESETS)))
    grid = designs.add_parser("sweep", help=option_help("experiment.sweep", language))
    _common(grid, 10, language)
    grid.add_argument("--param", action="append", required=True, metavar=text("help.metavar.values", language),
                      help=option_help("experiment.param_values", language))
    tornado = designs.add_parser("sensitivity", help=option_help("experiment.sensitivity", language))
    _common(tornado, 10, language)
    tornado.add_argument("--param", action="append", required=True, metavar=text("help.metavar.range", language),
                         help=option_help("experiment.param_range", language))
    return parser
