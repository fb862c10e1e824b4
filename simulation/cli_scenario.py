"""What the commands share: the scenario options, the language option, the page servers' port and how numbers
print.

Numbers print through `simulation.language`, so `run --language nl` shows
`€ 1.234.567`, `12,5 %` and `36,1 dagen`, as the panels do.

`--preset`, `--scenario FILE`, `--set KEY=VALUE` and `--years` are applied in
that order, so a file can start from a preset and `--set` has the last word.
"""

from __future__ import annotations

import argparse

from .errors import KitError, shown
from .language import format_value as language_format
from .language import LANGUAGES, kit_error, text
from .presets import PRESETS, preset
from .texts import TEXTS
from .scenario import Scenario, ScenarioError
from .scenario_files import load_scenario

PORTS = range(1, 65536)


def option_help(key: str, language: str, **values: object) -> str:
    """The help of a command or option (the text row `help.{key}`) in `language`, as argparse reads it (a % is
    written %%: argparse fills `%(default)s`-style fields in a help)."""
    return text(f"help.{key}", language, **values).replace("%", "%%")


def add_scenario_arguments(parser: argparse.ArgumentParser, language: str) -> None:
    """Add the scenario options to a (sub)command, their help in `language`."""
    parser.add_argument("--preset", default="baseline", metavar=text("help.metavar.name", language),
                        help=option_help("preset", language, names=", ".join(PRESETS), default="baseline"))
    parser.add_argument("--scenario", metavar=text("help.metavar.file", language),
                        help=option_help("scenario", language))
    parser.add_argument("--set", action="append", default=[], metavar=text("help.metavar.key_value", language),
                        dest="overrides", help=option_help("set", language))
    parser.add_argument("--years", type=int, metavar=text("help.metavar.years", language),
                        help=option_help("years", language))


def add_language_argument(parser: argparse.ArgumentParser, command: str, language: str,
                          typed_only: bool = False) -> None:
    """Add `--language en|nl` to a (sub)command; its help says what `command` shows in that language
    (`help.language.{command}`), and what it leaves alone (`help.language_after.{command}`, if any). The default
    (None) is the session's language (`KIT_LANGUAGE`, else English), resolved by the handler. `typed_only`: the
    option sets a value only when typed, for a sub-subcommand whose parent takes --language too (argparse
    copies a subparser's defaults over what its parent read: `experiment --language nl replicate`)."""
    after = f"help.language_after.{command}"
    parser.add_argument("--language", choices=LANGUAGES, default=argparse.SUPPRESS if typed_only else None,
                        help=option_help("language", language, what=text(f"help.language.{command}", language),
                                         after=text(after, language) if after in TEXTS else ""))


def add_port_argument(parser: argparse.ArgumentParser, command: str, language: str, default: int,
                      servers_own: bool = False) -> None:
    """Add `--port P` to a command that serves pages (`present`, `classroom`); its help is `help.{command}.port`.
    Its own option, not one passed on as typed: `present --port 9000 03` would otherwise read 9000 as the lesson.
    `servers_own`: `default` is the server's own (its configuration may change it), so --port is None unless
    typed."""
    parser.add_argument("--port", type=int, default=None if servers_own else default, metavar="P",
                        help=option_help(f"{command}.port", language, default=default))


def check_port(port: int | None, example: int) -> None:
    """--port: a port number (1–65535) a server can listen on; None leaves the server's default."""
    if port is not None and port not in PORTS:
        raise kit_error(KitError, "error.option_port", got=shown(port), example=example)


def key_values(pairs: list[str], option: str, example: str) -> list[tuple[str, str]]:
    """['KEY=VALUE', ...] as (key, value) pairs; a pair without '=', key or value names the option and shows
    `example`. The command line's one reading of --set, --vary and --param."""
    read = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise kit_error(ScenarioError, "error.option_key_value", option=option, got=shown(pair), example=example)
        read.append((key.strip(), value.strip()))
    return read


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    """Turn ['a.b=1', ...] into {'a.b': '1'}; the Scenario converts and checks the values."""
    return dict(key_values(pairs, "--set", "funnel.promise_policy=honest"))


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
    """The Scenario the options describe: the preset, a scenario file's values over it, then --set and --years;
    user mistakes raise ScenarioError."""
    start = preset(args.preset)
    return apply_changes(load_scenario(args.scenario, start) if args.scenario else start, args)


def format_value(value: float | None, unit: str, language: str = "en") -> str:
    """A KPI value as a terminal shows it, with its unit, in the language asked for ('36,1 dagen')."""
    return language_format(value, unit, language)
