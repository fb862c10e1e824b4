"""Command line: `python -m simulation run | params | presets | experiment | grade | game | classroom | present`.

User mistakes (unknown key, wrong type, out of range, unreadable file, a
command typed wrong) exit with status 2 and one clear message on stderr in
the command's `--language`, never a traceback.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import sys
import textwrap
from typing import Any, NoReturn

from . import __version__
from .cli_scenario import add_language_argument, add_scenario_arguments, format_value, option_help, scenario_from_args
from .errors import KitError, printable
from .experiment.budget import NOTICE_SECONDS, leads_per_month, run_seconds
from .export import check_export_path, export_result
from .files import os_reason
from .language import duration, get_language, number, pick, resolve, template_pattern, text
from .language_choice import language_option, typed_language
from .parameters import CONCEPTS, PARAMETERS, SPECS, ParamSpec
from .presets import PRESETS, preset_about
from .reference import model_constants_markdown, parameter_reference_markdown
from .results import simulate
from .scenario import Scenario
from .scenario_files import check_scenario_path, save_scenario
from .termination import Terminated, sigterm_cleanup
from .texts import TEXTS

#: argparse's own messages about a command typed wrong, as text rows: English in argparse's words.
ARGPARSE_TEXTS = ("usage.required", "usage.one_of", "usage.not_with", "usage.choice", "usage.value",
                  "usage.one_value", "usage.unrecognized")


#: Commands whose options their own module adds (`add_parser`), imported only for the command typed: `grade`
#: imports the grading tools (nbformat, nbclient, jsonschema) and `classroom` and `present` the lessons' notebook
#: reader: two of the four seconds `run` or `presets` took to start, and a Ctrl-C in them ended in a traceback.
COMMAND_MODULES = {"experiment": ".experiment.cli", "grade": ".grading.cli", "game": ".game.cli",
                   "classroom": ".game.classroom", "present": ".present"}


class UsageError(Exception):
    """A command typed wrong, as argparse found it; `main` tells it in the command's language."""

    def __init__(self, prog: str, message: str):
        super().__init__(message)
        self.prog = prog


class KitParser(argparse.ArgumentParser):
    """The kit's argument parser (its subcommands' too), in the command's `language`: a command typed wrong is
    one line, as every other mistake, instead of argparse's English usage block, and `--help` speaks the
    language too (argparse's own words: the usage prefix, the section titles, -h)."""

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any):
        self.language = language
        super().__init__(*args, add_help=False, formatter_class=_formatter(language), **kwargs)
        self._positionals.title = text("help.positionals", language)
        self._optionals.title = text("help.options", language)
        self.add_argument("-h", "--help", action="help", help=option_help("help", language))

    def add_subparsers(self, **kwargs: Any) -> argparse._SubParsersAction:
        kwargs.setdefault("parser_class", functools.partial(KitParser, language=self.language))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(self.prog, message)


@functools.cache
def _formatter(language: str) -> type[argparse.HelpFormatter]:
    """argparse's help layout with the usage line in `language` (one class per language, not one per parser)."""

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups, text("help.usage", language) if prefix is None else prefix)

    return Formatter


def retold(message: str, language: str) -> str:
    """argparse's English `message` in `language`: read back from its template and told again; a message
    argparse words differently (another Python) stays English rather than being guessed at."""
    if language == "en":
        return message
    for key in ARGPARSE_TEXTS:
        found = template_pattern(pick(TEXTS[key], "en")).fullmatch(message)
        if found:
            values = found.groupdict()
            if f"usage.kind.{values.get('kind')}" in TEXTS:
                values["kind"] = text(f"usage.kind.{values['kind']}", language)
            return text(key, language, **values)
    return message


def _announce_long_run(scenario: Scenario, language: str) -> None:
    """One line on stderr before a run that takes long (a scenario with many leads or customers), so the
    user is not left waiting in silence."""
    seconds = run_seconds(scenario)
    if seconds <= NOTICE_SECONDS:
        return
    print(text("cli.long_run", language, leads=number(leads_per_month(scenario), 0, language),
               years=scenario["run.years"], duration=duration(seconds, language)), file=sys.stderr, flush=True)


def _run(args: argparse.Namespace) -> int:
    language = resolve(args.language)
    scenario = scenario_from_args(args)
    if args.save_scenario is not None:  # both paths are checked before the run: a mistake costs no time
        check_scenario_path(args.save_scenario)
    if args.export is not None:
        check_export_path(args.export, args.save_scenario)
    _announce_long_run(scenario, language)
    result = simulate(scenario, seed=args.seed, keep_events=False)
    if args.save_scenario is not None:
        save_scenario(scenario, args.save_scenario)
    if args.export is not None:
        export_result(result, args.export, language)
    for written in (args.save_scenario, args.export):  # on stderr: stdout may be --json
        if written is not None:
            print(text("cli.wrote", language, path=printable(written)), file=sys.stderr)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return 0
    table = result.kpi_table(language)
    width = max(map(len, table["label"]))
    years = format_value(scenario["run.years"], "years", language)
    print(text("cli.run", language, name=scenario.name, seed=args.seed, years=years))
    for label, shown in zip(table["label"], table["shown"]):
        print(f"  {label:<{width}}  {shown:>26}")
    balanced = result.conservation["balanced"]
    for warning in [*result.warning_texts(language), *([] if balanced else [text("cli.conservation", language)])]:
        print(f"{text('cli.warning', language)}: {warning}", file=sys.stderr)
    return 0 if balanced else 1


def _params(args: argparse.Namespace) -> int:
    if args.model_constants:
        print(model_constants_markdown())
        return 0
    if args.markdown:
        print(parameter_reference_markdown(), end="")
        return 0
    if args.json:
        rows = [{"name": p.name, "type": p.kind.__name__, "default": p.default, "low": p.low, "high": p.high,
                 "choices": list(p.choices), "unit": p.unit, "help": p.help, "help_nl": p.help_nl,
                 "concept": p.concept, "label_en": p.label_en, "label_nl": p.label_nl} for p in PARAMETERS]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    language = resolve(args.language)
    for concept, titles in CONCEPTS.items():
        print(f"\n{pick(titles, language)}")
        for spec in (spec for spec in PARAMETERS if spec.concept == concept):
            print(f"  {spec.name:<42} {spec.label(language)}")
            for line in (_default_and_allowed(spec, language), spec.help_text(language)):
                print(textwrap.fill(line, 100, initial_indent=" " * 6, subsequent_indent=" " * 6))
    return 0


def _default_and_allowed(spec: ParamSpec, language: str) -> str:
    """'default €20,000 per month; €0 – €200,000 per month', "standaard 'defined'; één van 'undefined'
    (Ongedefinieerd: …), …": a choice as it is typed after --set, with its label."""
    if spec.choices:
        choices = ", ".join(f"'{choice}' ({spec.choice_label(choice, language)})" for choice in spec.choices)
        return text("cli.parameter_choices", language, default=spec.default, choices=choices)
    allowed = spec.allowed(language) if spec.kind is bool else spec.range_text(spec.low, spec.high, language)
    return text("cli.parameter_value", language, default=spec.value_text(spec.default, language), allowed=allowed)


def _presets(args: argparse.Namespace) -> int:
    language = resolve(args.language)
    for name, (_, changes) in PRESETS.items():
        print(f"{name:<24} {preset_about(name, language)}")
        for key, value in changes.items():
            typed = f"{value:.4g}" if isinstance(value, float) else value
            print(f"{'':<26}{key}={typed}  ({SPECS[key].label(language)}: {SPECS[key].value_text(value, language)})")
    return 0


def typed_command(argv: list[str]) -> str:
    """The command typed ('run', 'grade', …): the first word that is not an option once --language is set
    aside (the kit's own options, --help and --version, take no value); '' when there is none."""
    return next((word for word in language_option(argv)[1] if not word.startswith("-")), "")


def build_parser(language: str = "en", command: str | None = None) -> argparse.ArgumentParser:
    """The kit's command line, its help in `language`. Given the `command` typed, the commands of
    `COMMAND_MODULES` other than that one are only listed (their help line), their modules not imported;
    None builds every command in full."""
    parser = KitParser(prog="python -m simulation", description=text("help.kit", language), language=language)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=option_help("version", language))
    commands = parser.add_subparsers(dest="command", required=True, metavar=text("help.metavar.command", language))

    run = commands.add_parser("run", help=option_help("run", language))
    add_scenario_arguments(run, language)
    run.add_argument("--seed", type=int, default=0, help=option_help("run.seed", language))
    run.add_argument("--json", action="store_true", help=option_help("run.json", language))
    add_language_argument(run, "run", language)
    run.add_argument("--export", metavar=text("help.metavar.file", language), help=option_help("run.export", language))
    run.add_argument("--save-scenario", metavar=text("help.metavar.file", language),
                     help=option_help("run.save_scenario", language))
    run.set_defaults(handler=_run)

    params = commands.add_parser("params", help=option_help("params", language))
    params.add_argument("--json", action="store_true", help=option_help("params.json", language))
    params.add_argument("--markdown", action="store_true", help=option_help("params.markdown", language))
    params.add_argument("--model-constants", action="store_true", help=option_help("params.model_constants", language))
    add_language_argument(params, "params", language)
    params.set_defaults(handler=_params)

    presets = commands.add_parser("presets", help=option_help("presets", language))
    add_language_argument(presets, "presets", language)
    presets.set_defaults(handler=_presets)

    for name, module in COMMAND_MODULES.items():
        if command is None or command == name:
            importlib.import_module(module, __package__).add_parser(commands, language)
        else:  # listed with its help line, for --help and a command typed wrong
            commands.add_parser(name, help=option_help(name, language))
    return parser


def _utf8_when_redirected() -> None:
    """Labels use →, − and €: a file or pipe on Windows would otherwise get cp1252 and fail."""
    for stream in (sys.stdout, sys.stderr):
        if not stream.isatty() and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    _utf8_when_redirected()
    typed = sys.argv[1:] if argv is None else argv
    language = typed_language(typed, get_language())  # --help, a command typed wrong
    parser = build_parser(language, typed_command(typed))
    try:
        args, rest = parser.parse_known_args(argv)
        if rest and hasattr(args, "passed_on"):
            args.passed_on = rest  # `present` hands Voilà what the kit does not know
        elif rest:
            parser.error(text("usage.unrecognized", "en", names=" ".join(rest)))  # as parse_args would
    except UsageError as mistake:
        told = text("cli.usage", language, prog=mistake.prog, message=printable(retold(str(mistake), language)))
        print(f"{text('cli.error', language)}: {told}", file=sys.stderr)
        return 2
    language = resolve(getattr(args, "language", None))  # the language the command was asked to speak
    try:
        with sigterm_cleanup():  # `kill` ends a command as cleanly as Ctrl-C: no temporary files, no workers left
            return args.handler(args)
    except KitError as error:
        told = language if error.dutch is not None else "en"
        print(f"{text('cli.error', told)}: {printable(error.in_language(told))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (e.g. `| head`): nothing to report
        sys.stderr.close()
        return 0
    except OSError as error:  # the kit's writers name the file; this is the last line of defence
        where = f" '{printable(error.filename)}'" if error.filename else ""
        told = text("cli.cannot_write", language, where=where, reason=os_reason(error, language))
        print(f"{text('cli.error', language)}: {told}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(text("cli.interrupted", language), file=sys.stderr)
        return 130
    except Terminated:
        print(text("cli.terminated", language), file=sys.stderr)
        return 143
