"""`python -m simulation game new | team | status | submit | preview | event | practice | advance | undo |
leaderboard | debrief | replay`: the classroom game for a trainer at a terminal.

GAME is the game's file (e.g. `workshop.game`). Every mistake (an unknown
team or code, a closed round, a value outside the range the trainer allowed,
an unknown event, a missing file) exits with status 2 and one line on stderr
that names the field, the value and what is allowed; never a traceback.
Output is English; `--language nl` gives Dutch number formats, the
computer competitors' Dutch names and, for a mistake a team or the trainer
can also make on a game page (a closed round, a budget exceeded, a wrong
value in a settings file), the page's Dutch message ("fout: …"); messages
about this command's own options (--code, --team, --file) stay English.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..cli_scenario import parse_overrides
from ..errors import did_you_mean, printable
from ..files import check_target, parse_document, read_limited
from ..language import missing, resolve, value_range
from ..parameters import SPECS
from ..scenario import ScenarioError, shown
from .engine import Game
from .scoring import Standing
from .settings import MARKET_EVENTS, GameError, load_settings
from .views import kpi_value, leaderboard_notes, leaderboard_table, supplier_name

#: What `preview` and `practice` show per supplier: KPI → unit (as `simulation.language` formats it).
SHOWN_KPIS = ("leads", "won", "new_customers", "churned", "customers", "revenue", "margin", "nps", "complaints")
DECISIONS_FILE_LIMIT = 1_000_000


# --- helpers
def _open(path: str) -> Game:
    return Game.open(path)


def _team(game: Game, args: argparse.Namespace) -> str:
    """The team named by --team (exact, else ignoring case) or identified by --code."""
    if args.code is not None:
        try:
            return game.team_for_code(args.code)
        except GameError:
            raise GameError(f"--code {shown(args.code)}: this team code is not known in this game; a code looks "
                            f"like K7QMP-3XPAW (ask the trainer for your team's code).") from None
    name = args.team.strip()
    teams = game.teams
    if name in teams:
        return name
    matches = [team for team in teams if team.casefold() == name.casefold()]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(teams) or "none"
    if any(bot.casefold() == name.casefold() for bot, is_bot in game.is_bot.items() if is_bot):
        raise GameError(f"--team {shown(name)} is a computer competitor; it takes no submissions. Teams: {known}.")
    raise GameError(f"--team {shown(name)}: no such team in this game.{did_you_mean(name, teams)} Teams: {known}.")


def _decisions(args: argparse.Namespace) -> dict[str, Any]:
    """The decisions of --set KEY=VALUE (as typed; the game converts and checks them) or of --file."""
    if getattr(args, "file", None) is not None:
        path = Path(args.file)
        if path.suffix.lower() not in (".json", ".toml"):
            raise GameError(f"--file {shown(args.file)}: decisions are a .json or .toml file.")
        if not path.is_file():
            raise GameError(f"--file {shown(args.file)}: no such file.")
        data = parse_document(read_limited(path, DECISIONS_FILE_LIMIT, "decisions file"), path.suffix.lower(), path)
        if not isinstance(data, Mapping):
            raise GameError(f"--file {shown(args.file)}: decisions are a table of parameter names and values, "
                            f"e.g. {{\"economics.price_level\": 1.05}}; got {shown(data)}.")
        return dict(data)
    try:
        return parse_overrides(args.overrides)
    except ScenarioError as error:
        raise error.recast(GameError) from None


def _value(name: str, value: Any) -> str:
    spec = SPECS[name]
    if spec.choices or isinstance(value, str):
        return str(value)
    if spec.kind is int:
        return f"{int(value)}"
    return f"{value:g}"


def _allowed(game: Game, name: str) -> str:
    allowed = game.settings.allowed(name)
    if SPECS[name].choices:
        return "|".join(allowed)
    return f"{allowed[0]:g}–{allowed[1]:g}"


def _print_decisions(game: Game, in_force: Mapping[str, Any]) -> None:
    """Every decision of the game with the value in force and what the trainer allows."""
    base = game.settings.base_scenario()
    width = max(map(len, game.settings.decisions))
    for name in game.settings.decisions:
        chosen = name in in_force
        value = _value(name, in_force[name] if chosen else base[name])
        origin = "" if chosen else "  (market start)"
        print(f"  {name:<{width}}  {value:>12}   allowed {_allowed(game, name):<32}{origin}".rstrip())


def _print_table(header: Sequence[str], rows: Sequence[Sequence[str]], left: Sequence[int] = (1,)) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(f"{cell:<{w}}" if i in left else f"{cell:>{w}}"
                         for i, (cell, w) in enumerate(zip(cells, widths))).rstrip()

    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def print_leaderboard(game: Game, standings: Sequence[Standing], language: str) -> None:
    """The leaderboard as a table, computer competitors marked, and the minimum-NPS note."""
    styles = {slot.name: slot.style for slot in game.slots}
    header, rows = leaderboard_table(standings, styles, language)
    _print_table(header, rows)
    for note in leaderboard_notes(standings, styles, game.settings.min_nps, language):
        print(note)


def _print_round_rows(game: Game, rows: Mapping[str, Mapping[str, float]], language: str) -> None:
    header = ["Supplier", *SHOWN_KPIS]
    table = [[supplier_name(game.slots, name, language) + (" *" if game.is_bot.get(name) else ""),
              *(kpi_value(kpi, kpis[kpi], language) for kpi in SHOWN_KPIS)]
             for name, kpis in rows.items()]
    _print_table(header, table, left=(0,))


def _progress(message: str) -> None:
    """A line for a person waiting at a terminal; nothing in a pipe or a log."""
    if sys.stderr.isatty():
        print(message, file=sys.stderr, flush=True)


# --- the commands
def _new(args: argparse.Namespace) -> int:
    settings = load_settings(args.settings) if args.settings is not None else None
    teams: Sequence[str] | int = 2
    if args.teams is not None:
        typed = args.teams.strip()
        if typed.isdigit():
            teams = int(typed)
        else:
            teams = [name.strip() for name in typed.split(",")]
            if any(not name for name in teams):
                raise GameError(f"--teams {shown(args.teams)}: give team names separated by commas "
                                f"(\"Rood,Blauw,Groen\") or a number of teams (--teams 4); one name is empty.")
    if Path(args.game).exists():
        raise GameError(f"'{args.game}' already exists; choose another name or remove it first.")
    with Game.create(args.game, settings, teams) as game:
        s = game.settings
        print(f"Created '{args.game}': {s.name}, {s.rounds} rounds of {s.months_per_round} months, "
              f"{s.suppliers} suppliers.")
        _print_slots(game)
        print("Hand each team its own code; keep the trainer code to yourself.")
    return 0


def _print_slots(game: Game) -> None:
    codes = game.team_codes()
    width = max((len(slot.name) for slot in game.slots), default=0)
    print("Teams:" if codes else "Teams: none")
    for name, code in codes.items():
        print(f"  {name:<{width}}  code {code}")
    bots = [slot for slot in game.slots if slot.is_bot]
    if bots:
        print("Computer competitors:")
        for slot in bots:
            print(f"  {slot.name:<{width}}  style {slot.style}")
    print(f"Trainer code: {game.trainer_code}")


def _team_command(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        _print_slots(game)
    return 0


def _status(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        status = game.status()
        print(f"{game.settings.name} ('{args.game}'): {status.played} of {status.rounds} rounds played.")
        if status.finished:
            print(f"The game is over: the trainer ended it after round {status.played}." if status.ended
                  else "The game is over: every round has been played.")
            return 0
        print(f"Round {status.round_open} is open.")
        print(f"Submitted:   {', '.join(status.submitted) or 'none yet'}")
        print(f"Waiting for: {', '.join(status.waiting_for) or 'nobody'}")
        print(f"Events this round: {', '.join(status.events) or 'none'}")
        later = [(a.round, a.payload["event"]) for a in game.log().events if a.round > status.round_open]
        if later:
            print("Events later: " + ", ".join(f"{event} (round {rnd})" for rnd, event in sorted(later)))
        if status.played == 0:
            print(f"Practice round: {'played' if status.practice_played else 'not played'}")
    return 0


def _submit(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        team = _team(game, args)
        decisions = _decisions(args)
        if not decisions:
            raise GameError("Nothing to submit: give decisions with --set KEY=VALUE (repeatable) or --file FILE.")
        in_force = game.submit(team, decisions, args.round)
        print(f"Stored for {team}, round {game.status().round_open}. Decisions in force:")
        _print_decisions(game, in_force)
    return 0


def _preview(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        team = _team(game, args)
        started = time.perf_counter()
        preview = game.preview(team, _decisions(args))
        language = resolve(args.language)
        print(f"Preview for {team}, round {preview.round} (the others keep last round's decisions; "
              f"the band is about 95 %), {time.perf_counter() - started:.1f} s:")
        width = max(map(len, SHOWN_KPIS))
        for kpi in SHOWN_KPIS:
            low, high = (kpi_value(kpi, preview.low[kpi], language), kpi_value(kpi, preview.high[kpi], language))
            band = missing(language) if math.isnan(preview.low[kpi]) else value_range(low, high)
            print(f"  {kpi:<{width}}  {kpi_value(kpi, preview.kpis[kpi], language):>16}   band {band}")
    return 0


def _event(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        game.schedule_event(args.event, args.round)
        round_number = game.status().round_open if args.round is None else args.round
        changes = ", ".join(f"{name} ×{factor:g}" for name, factor in MARKET_EVENTS[args.event].items())
        print(f"Market event '{args.event}' scheduled for round {round_number}: {changes}.")
    return 0


def _practice(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        language = resolve(args.language)
        _progress("Playing the practice round …")
        started = time.perf_counter()
        rows = game.practice()
        print(f"Practice round played in {time.perf_counter() - started:.1f} s (on other random numbers; "
              f"it does not count):")
        _print_round_rows(game, rows, language)
    return 0


def _advance(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        language = resolve(args.language)
        status = game.status()
        if status.waiting_for and not status.finished:
            print(f"Still waiting for {', '.join(status.waiting_for)}: their decisions in force are played.")
        _progress(f"Playing round {status.round_open} of {status.rounds} …")
        started = time.perf_counter()
        game.advance()
        print(f"Round {status.round_open} played in {time.perf_counter() - started:.1f} s")
        print_leaderboard(game, game.leaderboard(), language)
        if status.round_open >= status.rounds:
            print("That was the last round: the game is over.")
    return 0


def _undo(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        reopened = game.undo()
        print(f"Round {reopened} is open again: its results are withdrawn; submissions made for it stay, "
              f"those made for round {reopened + 1} are dropped.")
    return 0


def _end(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        played = game.end()
        print(f"The game has ended after round {played}; write its debrief with: python -m simulation game "
              f"debrief {args.game} debrief.html")
    return 0


def _leaderboard(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        language = resolve(args.language)
        standings = game.leaderboard(args.round)
        if not standings:
            print("No round has been played yet: there is no leaderboard.")
            return 0
        played = args.round if args.round is not None else game.status().played
        print(f"Leaderboard after round {played} of {game.settings.rounds}:")
        print_leaderboard(game, standings, language)
    return 0


def _debrief(args: argparse.Namespace) -> int:
    language = resolve(args.language)
    out = check_target(args.out, "debrief", (".html",))
    with _open(args.game) as game:
        try:
            from .debrief import write_debrief
        except ModuleNotFoundError as error:
            if error.name != f"{__package__}.debrief":
                raise
            raise GameError("The debrief needs simulation/game/debrief.py, which this copy of the kit does "
                            "not have.") from None
        started = time.perf_counter()
        write_debrief(game, out, language)
        print(f"Wrote the debrief to '{out}' in {time.perf_counter() - started:.1f} s")
    return 0


def _replay(args: argparse.Namespace) -> int:
    with _open(args.game) as game:
        played = game.status().played
        if not played:
            print("No round has been played yet: nothing to replay.")
            return 0
        _progress(f"Replaying {played} round(s) from the log …")
        started = time.perf_counter()
        _, differing = game.replay()
        seconds = time.perf_counter() - started
        if differing:
            print(f"Round(s) {', '.join(differing)} of {played} differ from the stored results "
                  f"(replayed in {seconds:.1f} s): the file was changed by hand or the model changed.")
            return 1
        print(f"All {played} round{'s' if played != 1 else ''} replayed identically ({seconds:.1f} s)")
    return 0


# --- the parser
def _one_line_errors(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Argument mistakes as one line on stderr (status 2), like every other mistake of `game`."""

    def error(message: str) -> None:
        print(f"error: {parser.prog}: {printable(message)} (see {parser.prog} --help)", file=sys.stderr)
        raise SystemExit(2)

    parser.error = error  # type: ignore[method-assign]
    return parser


def _add_team_options(parser: argparse.ArgumentParser) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--team", metavar="NAME", help="the team's name")
    who.add_argument("--code", metavar="CODE", help="the team's code (identifies the team)")


def _add_decision_options(parser: argparse.ArgumentParser, required: bool) -> None:
    what = parser.add_mutually_exclusive_group(required=required)
    what.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", dest="overrides",
                      help="one decision, e.g. --set economics.price_level=1.05 (repeatable)")
    what.add_argument("--file", metavar="FILE", help="decisions from a .json or .toml file")


def _add_language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", choices=("en", "nl"), default=None,
                        help="number formats and computer competitors' names in English or Dutch")


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Register the `game` subcommand (with its own subcommands) on the kit's argparse subcommands."""
    game = _one_line_errors(commands.add_parser("game", help="run a classroom game: teams against each other "
                                                             "and computer competitors, round by round"))
    actions = game.add_subparsers(dest="game_command", required=True, metavar="ACTION")

    def action(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        parser = _one_line_errors(actions.add_parser(name, help=help_text, description=help_text))
        parser.add_argument("game", metavar="GAME", help="the game's file, e.g. workshop.game")
        parser.set_defaults(handler=handler)
        return parser

    new = action("new", _new, "create a game file; prints the team codes and the trainer code")
    new.add_argument("--settings", metavar="FILE", help="game settings (.json or .toml)")
    new.add_argument("--teams", metavar="NAMES|N", help="team names separated by commas, or how many (default 2)")

    action("team", _team_command, "list the market's suppliers: teams with their codes, computer competitors")
    action("status", _status, "the open round, who submitted, who is still waiting, the round's events")

    submit = action("submit", _submit, "store a team's decisions for the open round")
    _add_team_options(submit)
    submit.add_argument("--round", type=int, metavar="N", help="the round these decisions are for (refused if "
                                                               "it is not the open round)")
    _add_decision_options(submit, required=False)  # none at all: the command says what to give, in one line

    preview = action("preview", _preview, "a team's draft played one round ahead, with a band")
    _add_team_options(preview)
    _add_decision_options(preview, required=False)
    _add_language(preview)

    event = action("event", _event, f"schedule a market event: {', '.join(MARKET_EVENTS)}")
    event.add_argument("event", metavar="EVENT", help=", ".join(MARKET_EVENTS))
    event.add_argument("--round", type=int, metavar="N", help="the round (default: the open round)")

    practice = action("practice", _practice, "play a practice round before round 1 (does not count)")
    _add_language(practice)
    advance = action("advance", _advance, "close the open round: play it and print the leaderboard")
    _add_language(advance)
    action("undo", _undo, "reopen the last round played")
    action("end", _end, "end the game after the rounds played so far")

    leaderboard = action("leaderboard", _leaderboard, "the leaderboard (balanced scorecard)")
    leaderboard.add_argument("--round", type=int, metavar="N", help="after this round (default: the last played)")
    _add_language(leaderboard)

    debrief = action("debrief", _debrief, "write the game's debrief as an HTML page")
    debrief.add_argument("out", metavar="OUT.html", help="the page to write")
    _add_language(debrief)

    action("replay", _replay, "replay the log from round 0 and check every round's results")
    return game
