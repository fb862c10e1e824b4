"""`python -m simulation game new | open | team | status | submit | preview | event | practice | advance | undo |
end | leaderboard | debrief | replay`: the classroom game for a trainer at a terminal.

GAME is the game's file (e.g. `workshop.game`). Every mistake (an unknown
team or code, a closed round, a value outside the range the trainer allowed,
an unknown event, a missing file) exits with status 2 and one line on stderr
that names the field, the value and what is allowed; never a traceback.
`--language nl` (default: KIT_LANGUAGE, else English) puts every line in
Dutch, mistakes too ("fout: …"): a Dutch trainer projects this terminal, and
`classroom --language nl` prints the codes, the address and its QR code
through `open`. Parameter and event names stay as they are typed; a
command typed wrong is told by the kit's parser (`cli.KitParser`), in the
same language.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..cli_scenario import add_language_argument, option_help, parse_overrides
from ..errors import command_word, hint, shown
from ..files import check_target, read_document
from ..language import kit_error, missing, resolve, say, text, value_range
from ..parameters import SPECS
from ..scenario import ScenarioError
from ..terminal import print_table
from .engine import COMPUTER, Game
from .scoring import Standing
from .settings import MARKET_EVENTS, GameError, WrongCode, load_settings
from .views import display_name, kpi_label, kpi_value, leaderboard_notes, leaderboard_table, supplier_name

#: What `preview` and `practice` show per supplier, in this order (labels and units from `views`).
SHOWN_KPIS = ("leads", "won", "new_customers", "churned", "customers", "revenue", "margin", "nps", "complaints")
DECISIONS_FILE_LIMIT = 1_000_000
#: Who can open the address `classroom` serves: the line that says so.
REACH = {"this-computer": "game.cli.this_computer", "classroom": "game.cli.network",
         "no-network": "game.cli.no_network"}


# --- helpers
def chosen_team(game: Game, name: str | None, code: str | None) -> str:
    """The team named by --team (exact, else ignoring case) or identified by --code."""
    if code is not None:
        try:
            return game.team_for_code(code)
        except WrongCode:
            raise kit_error(GameError, "error.option_code", got=shown(code)) from None
    name = (name or "").strip()
    teams = game.teams
    if name in teams:
        return name
    matches = [team for team in teams if team.casefold() == name.casefold()]
    if len(matches) == 1:
        return matches[0]

    def known(language: str) -> str:
        return ", ".join(teams) or text("error.no_teams", language)

    computers = {shown_name.casefold() for slot in game.slots if slot.is_bot  # as named in either language
                 for shown_name in (slot.name, display_name(slot.name, slot.style, "nl"))}
    if name.casefold() in computers:
        raise kit_error(GameError, "error.option_team_computer", got=shown(name), known=known)
    raise kit_error(GameError, "error.option_team", got=shown(name), known=known, hint=hint(name, teams))


def teams_given(typed: str | None) -> Sequence[str] | int:
    """--teams: a number of teams or two or more names separated by commas (the game checks that they fit); one
    word that is not a number ('four', '-2') is a typo more often than a team's name, and one team is --teams 1."""
    if typed is None:
        return 2
    if typed.strip().isdigit():
        return int(typed)
    names = [name.strip() for name in typed.split(",")]
    if len(names) < 2 or any(not name for name in names):
        raise kit_error(GameError, "error.option_teams", got=shown(typed))
    return names


def decisions_given(file: str | None, overrides: Sequence[str], required: bool = False) -> dict[str, Any]:
    """The decisions of --file, else of --set KEY=VALUE (as typed; the game converts and checks them);
    `required`: none at all is a mistake (a submission), not the decisions in force (a preview)."""
    if file is None:
        try:
            decisions = parse_overrides(list(overrides))
        except ScenarioError as error:
            raise error.recast(GameError) from None
    else:
        path = Path(file)
        if path.suffix.lower() not in (".json", ".toml"):
            raise kit_error(GameError, "error.option_file_kind", got=shown(file))
        if not path.is_file():
            raise kit_error(GameError, "error.option_file_missing", got=shown(file))
        data = read_document(path, DECISIONS_FILE_LIMIT, "decisions")
        if not isinstance(data, Mapping):
            raise kit_error(GameError, "error.option_file_table", got=shown(file), content=shown(data),
                            example='{"economics.price_level": 1.05}')
        decisions = dict(data)
    if required and not decisions:
        raise kit_error(GameError, "error.nothing_to_submit")
    return decisions


def _value(name: str, value: Any, language: str) -> str:
    spec = SPECS[name]
    if spec.choices or isinstance(value, str):
        return str(value)
    if spec.kind is int:
        return f"{int(value)}"
    return say("{value:g}", language, value=value)


def _allowed(game: Game, name: str, language: str) -> str:
    allowed = game.settings.allowed(name)
    if SPECS[name].choices:
        return "|".join(allowed)
    return say("{low:g}–{high:g}", language, low=allowed[0], high=allowed[1])


def _print_decisions(game: Game, in_force: Mapping[str, Any], language: str) -> None:
    """Every decision of the game with the value in force and what the trainer allows."""
    base = game.settings.base_scenario()
    width = max(map(len, game.settings.decisions))
    allowed = text("game.cli.allowed", language)
    for name in game.settings.decisions:
        chosen = name in in_force
        value = _value(name, in_force[name] if chosen else base[name], language)
        origin = "" if chosen else "  " + text("game.cli.market_start", language)
        print(f"  {name:<{width}}  {value:>12}   {allowed} {_allowed(game, name, language):<32}{origin}".rstrip())


def print_leaderboard(game: Game, standings: Sequence[Standing], language: str) -> None:
    """The leaderboard as a table, computer competitors marked, and the minimum-NPS note."""
    styles = {slot.name: slot.style for slot in game.slots}
    header, rows = leaderboard_table(standings, styles, language)
    print_table(header, rows, left=(1,))
    for note in leaderboard_notes(standings, styles, game.settings.min_nps, language):
        print(note)


def _print_round_rows(game: Game, rows: Mapping[str, Mapping[str, float]], language: str) -> None:
    """A round's KPIs: a row per KPI, a column per supplier. KPI labels are words in the trainer's language
    and longer than their values, so they head the rows; a computer competitor's column is marked * alone
    (a projected terminal is narrow)."""
    header = [text("game.round.kpi", language),
              *(supplier_name(game.slots, name, language).removesuffix(COMPUTER) + " *" if game.is_bot.get(name)
                else name for name in rows)]
    table = [[kpi_label(kpi, language), *(kpi_value(kpi, kpis[kpi], language) for kpis in rows.values())]
             for kpi in SHOWN_KPIS]
    print_table(header, table)
    if any(game.is_bot.get(name) for name in rows):
        print(text("game.board.computer", language))


def _progress(message: str) -> None:
    """A line for a person waiting at a terminal; nothing in a pipe or a log."""
    if sys.stderr.isatty():
        print(message, file=sys.stderr, flush=True)


def _print_slots(game: Game, language: str) -> None:
    """The teams with their codes, the computer competitors with their style, and the trainer code."""
    codes = game.team_codes()
    width = max((len(display_name(slot.name, slot.style, language)) for slot in game.slots), default=0)
    print(text("game.cli.teams" if codes else "game.cli.no_teams", language))
    code = text("game.cli.code", language)
    for name, team_code in codes.items():
        print(f"  {name:<{width}}  {code} {team_code}")
    bots = [slot for slot in game.slots if slot.is_bot]
    if bots:
        print(text("game.cli.computers", language))
        style = text("game.cli.style", language)
        for slot in bots:
            print(f"  {display_name(slot.name, slot.style, language):<{width}}  {style} {slot.style}")
    print(text("game.cli.trainer_code", language, code=game.trainer_code))


def _create(args: argparse.Namespace, language: str) -> None:
    """A new game from --settings and --teams; prints its codes."""
    settings = load_settings(args.settings) if args.settings is not None else None
    with Game.create(args.game, settings, teams_given(args.teams)) as game:
        s = game.settings
        print(text("game.cli.created", language, file=args.game, name=s.title(language), rounds=s.rounds,
                   months=s.months_per_round, suppliers=s.suppliers))
        _print_slots(game, language)
        print(text("game.cli.hand_out", language))


# --- the commands
def _new(args: argparse.Namespace, language: str) -> int:
    _create(args, language)
    return 0


def _spelled(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def check_not_mistyped(path: Path) -> None:
    """`open` and `classroom` make a game that is not there. One whose name differs from a game beside it only in
    spaces, capitals or punctuation ('week3.game' for 'week 3.game') is a typo: refused, or the class would get a
    new game with new codes. ('week 4.game' beside 'week 3.game' is a new game.)"""
    if not path.parent.is_dir():  # (told by the game's own check of its folder)
        return
    twins = [other.name for other in path.parent.glob("*.game") if _spelled(other.name) == _spelled(path.name)]
    if twins:
        raise kit_error(GameError, "error.game_name_close", file=str(path), match=twins[0], name=command_word(path))


def open_game(args: argparse.Namespace, language: str) -> int:
    """What `classroom` prints before it serves the pages, in the class's language: the game (made
    unless it exists) with its codes; with --address, who can open it and where, as text and as a QR code to
    scan from the projected terminal, and how to stop the server that starts next."""
    if Path(args.game).exists():
        with Game.open(args.game) as game:  # a file that is no game is told before anything else
            print(text("game.cli.existing", language, file=args.game, teams="--teams", settings="--settings"))
            _print_slots(game, language)
    else:
        check_not_mistyped(Path(args.game))
        _create(args, language)
    if args.address is None:
        return 0
    print()
    print(text(REACH[args.reach], language))
    print(text("game.cli.address", language, address=args.address))
    print(text("game.cli.log_in", language))
    import segno  # only here: every other command starts without it

    segno.make(args.address).terminal(compact=True)
    print(text("game.cli.stop", language), flush=True)
    return 0


def _team_command(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        _print_slots(game, language)
    return 0


def _status(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        status = game.status()
        print(text("game.cli.status", language, name=game.settings.title(language), file=args.game,
                   played=status.played, rounds=status.rounds))
        if status.finished:
            print(text("game.cli.ended", language, played=status.played) if status.ended
                  else text("game.cli.all_played", language))
            return 0
        print(text("game.cli.round_open", language, round=status.round_open))
        print(text("game.page.submitted_list", language,
                   names=", ".join(status.submitted) or text("game.cli.nobody", language)))
        print(text("game.page.waiting_list", language,
                   names=", ".join(status.waiting_for) or text("game.cli.nobody", language)))
        print(text("game.page.events_list", language,
                   names=", ".join(status.events) or text("debrief.no_events", language)))
        later = [(a.round, a.payload["event"]) for a in game.log().events if a.round > status.round_open]
        if later:
            print(text("game.cli.events_later", language, events=", ".join(
                text("game.cli.event_in_round", language, event=event, round=number)
                for number, event in sorted(later))))
        if status.played == 0:
            print(text("game.cli.practice_played" if status.practice_played else "game.cli.practice_not_played",
                       language))
    return 0


def _submit(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        team = chosen_team(game, args.team, args.code)
        in_force = game.submit(team, decisions_given(args.file, args.overrides, required=True), args.round)
        print(text("game.cli.stored", language, team=team, round=game.status().round_open))
        _print_decisions(game, in_force, language)
    return 0


def _preview(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        team = chosen_team(game, args.team, args.code)
        started = time.perf_counter()
        preview = game.preview(team, decisions_given(args.file, args.overrides))
        print(text("game.cli.preview", language, team=team, round=preview.round,
                   seconds=time.perf_counter() - started))
        labels = {kpi: kpi_label(kpi, language) for kpi in SHOWN_KPIS}
        width = max(map(len, labels.values()))
        band_word = text("game.page.band", language).lower()
        for kpi, label in labels.items():
            low, high = (kpi_value(kpi, preview.low[kpi], language), kpi_value(kpi, preview.high[kpi], language))
            band = missing(language) if math.isnan(preview.low[kpi]) else value_range(low, high)
            print(f"  {label:<{width}}  {kpi_value(kpi, preview.kpis[kpi], language):>16}   {band_word} {band}")
    return 0


def _event(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        game.schedule_event(args.event, args.round)
        round_number = game.status().round_open if args.round is None else args.round
        changes = ", ".join(say("{name} ×{factor:g}", language, name=name, factor=factor)
                            for name, factor in MARKET_EVENTS[args.event].items())
        print(text("game.cli.event_scheduled", language, event=args.event, round=round_number, changes=changes))
    return 0


def _practice(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        _progress(text("game.cli.practice_playing", language))
        started = time.perf_counter()
        rows = game.practice()
        print(text("game.cli.practice_done", language, seconds=time.perf_counter() - started))
        _print_round_rows(game, rows, language)
    return 0


def _advance(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        game.check_advance(args.round)  # a repeated command is refused before it says what it would play
        status = game.status()
        if status.waiting_for and not status.finished:
            print(text("game.cli.still_waiting", language, names=", ".join(status.waiting_for)))
        _progress(text("game.cli.round_playing", language, round=status.round_open, rounds=status.rounds))
        started = time.perf_counter()
        game.advance(args.round)
        print(text("game.cli.round_done", language, round=status.round_open, seconds=time.perf_counter() - started))
        print_leaderboard(game, game.leaderboard(), language)
        if status.round_open >= status.rounds:
            print(text("game.cli.last_round", language))
    return 0


def _undo(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        reopened = game.undo(args.round, end=args.end)
        if args.end:
            print(text("game.cli.end_undone", language, round=reopened))
        else:
            print(text("game.cli.undone", language, round=reopened, next=reopened + 1))
    return 0


def _end(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        played = game.end()
        print(text("game.cli.game_ended", language, played=played, game=command_word(args.game)))
        print(text("game.cli.end_can_be_undone", language, game=command_word(args.game)))
    return 0


def _leaderboard(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        standings = game.leaderboard(args.round)
        if not standings:
            print(text("game.cli.no_leaderboard", language))
            return 0
        played = args.round if args.round is not None else game.status().played
        print(text("game.cli.leaderboard", language, played=played, rounds=game.settings.rounds))
        print_leaderboard(game, standings, language)
    return 0


def _debrief(args: argparse.Namespace, language: str) -> int:
    out = check_target(args.out, "debrief", (".html",))
    with Game.open(args.game) as game:
        from .debrief import write_debrief  # figures: matplotlib only for this command

        started = time.perf_counter()
        write_debrief(game, out, language)
        print(text("game.cli.debrief_written", language, file=out, seconds=time.perf_counter() - started))
    return 0


def _replay(args: argparse.Namespace, language: str) -> int:
    with Game.open(args.game) as game:
        played = game.status().played
        if not played:
            print(text("game.cli.nothing_to_replay", language))
            return 0
        _progress(text("game.cli.replaying", language, played=played))
        started = time.perf_counter()
        _, differing = game.replay()
        seconds = time.perf_counter() - started
        if differing:
            print(text("game.cli.replay_differs", language, rounds=", ".join(differing), played=played,
                       seconds=seconds))
            return 1
        print(text("game.cli.replay_same", language, played=played, seconds=seconds))
    return 0


# --- the parser
def _add_team_options(parser: argparse.ArgumentParser, language: str) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--team", metavar=text("help.metavar.name", language),
                     help=option_help("game.team_name", language))
    who.add_argument("--code", metavar=text("help.metavar.code", language),
                     help=option_help("game.team_code", language))


def _add_decision_options(parser: argparse.ArgumentParser, required: bool, language: str) -> None:
    what = parser.add_mutually_exclusive_group(required=required)
    what.add_argument("--set", action="append", default=[], metavar=text("help.metavar.key_value", language),
                      dest="overrides", help=option_help("game.set", language))
    what.add_argument("--file", metavar=text("help.metavar.file", language), help=option_help("game.file", language))


def add_parser(commands: Any, language: str) -> argparse.ArgumentParser:
    """Register the `game` subcommand (with its own subcommands) on the kit's argparse subcommands, its help in
    `language`."""
    game = commands.add_parser("game", help=option_help("game", language))
    actions = game.add_subparsers(dest="game_command", required=True, metavar=text("help.metavar.action", language))

    def action(name: str, handler: Any, **values: Any) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=option_help(f"game.{name}", language, **values),
                                    description=text(f"help.game.{name}", language, **values))
        parser.add_argument("game", metavar=text("help.metavar.game", language),
                            help=option_help("game.game", language))
        add_language_argument(parser, "game", language)
        parser.set_defaults(handler=lambda args: handler(args, resolve(args.language)))
        return parser

    def creating(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--settings", metavar=text("help.metavar.file", language),
                            help=option_help("game.settings", language))
        parser.add_argument("--teams", metavar=text("help.metavar.teams", language),
                            help=option_help("game.teams", language))
        return parser

    creating(action("new", _new))
    classroom = creating(action("open", open_game))
    classroom.add_argument("--address", metavar="URL", help=option_help("game.address", language))
    classroom.add_argument("--reach", choices=tuple(REACH), default="this-computer",
                           help=option_help("game.reach", language))

    action("team", _team_command)
    action("status", _status)

    submit = action("submit", _submit)
    _add_team_options(submit, language)
    submit.add_argument("--round", type=int, metavar="N", help=option_help("game.submit_round", language))
    _add_decision_options(submit, False, language)  # none at all: the command says what to give, in one line

    preview = action("preview", _preview)
    _add_team_options(preview, language)
    _add_decision_options(preview, False, language)

    event = action("event", _event, events=", ".join(MARKET_EVENTS))
    event.add_argument("event", metavar=text("help.metavar.event", language), help=", ".join(MARKET_EVENTS))
    event.add_argument("--round", type=int, metavar="N", help=option_help("game.event_round", language))

    action("practice", _practice)
    advance = action("advance", _advance)
    advance.add_argument("--round", type=int, metavar="N", help=option_help("game.advance_round", language))
    undo = action("undo", _undo)
    which = undo.add_mutually_exclusive_group()
    which.add_argument("--round", type=int, metavar="N", help=option_help("game.undo_round", language))
    which.add_argument("--end", action="store_true", help=option_help("game.undo_end", language))
    action("end", _end)

    leaderboard = action("leaderboard", _leaderboard)
    leaderboard.add_argument("--round", type=int, metavar="N", help=option_help("game.leaderboard_round", language))

    debrief = action("debrief", _debrief)
    debrief.add_argument("out", metavar=text("help.metavar.page", language), help=option_help("game.out", language))

    action("replay", _replay)
    return game
