"""The classroom game: teams (and computer competitors) run suppliers in one market, round by round.

`Game` is the API the command line and the team and trainer pages use. A
game is its settings, its seed and the log of actions in its file
(`GameStore`); the live simulation (`MarketPlay`) is only a cache of that
log: opening a game, undoing a round or settling a dispute replays the log
from round 0, which gives the same game bit for bit.

Rules of the log: a submission is for the round that is open when it is
stored (and may name that round, so a late one is refused rather than moved
to the next round); a team's decisions stay in force until it submits again;
an undo reopens the last round played and drops the submissions made for
the round after it, or, after the trainer ended the game, takes the end back;
a practice round, before round 1, is played on other random numbers and does
not count.
"""

from __future__ import annotations

import math
import os
import pickle
import secrets
import select
import signal
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import KitError, hint, quoted, shown
from ..language import kit_error, text
from ..parameters import SPECS
from .bots import STYLE_NAMES, bot_decisions
from .play import ROUND_FLOWS, ROUND_KPIS, ROUND_STOCKS, MarketPlay, Slot
from .scoring import Standing, standings_history
from .settings import MARKET_EVENTS, GameError, GameSettings, WrongCode
from .store import Action, GameStore

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 symbols (5 bits each), none to mistake for another
CODE_LENGTH = 10  # 50 bits: unguessable, and still easy to type from the board
PRACTICE_SEED_OFFSET = 7_919  # the practice round's market runs on other random numbers than the game's
MAX_TEAM_NAME = 40
COMPUTER = " (computer)"  # ends a computer competitor's name ('Price fighter (computer)'): nobody takes it for a team
PREVIEW_TIMEOUT_S = 300.0  # a preview's copy of the market that takes longer is given up on
BAND_Z = 1.96  # the preview's band: ± 1.96 standard deviations (about 95 %)
SIGNED_KPIS = ("margin", "nps")  # the round's figures that can be negative
BOUNDS = {"nps": (-100.0, 100.0), "avg_grade": (1.0, 10.0)}


def new_code() -> str:
    """A random code such as 'K7QMP-3XPAW' (secrets, not the simulation's random numbers)."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{chars[:5]}-{chars[5:]}"


def normalise_code(code: object) -> str:
    """A code as typed ('k7qmp 3xpaw') in its stored form ('K7QMP-3XPAW'); '' when it cannot be one."""
    if not isinstance(code, str):
        return ""
    chars = "".join(c for c in code.upper() if c in CODE_ALPHABET)
    return f"{chars[:5]}-{chars[5:]}" if len(chars) == CODE_LENGTH else ""


def check_team_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise kit_error(GameError, "error.team_name", got=shown(name))
    name = name.strip()
    if len(name) > MAX_TEAM_NAME or any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
        raise kit_error(GameError, "error.team_name_length", most=MAX_TEAM_NAME, got=shown(name))
    return name


@dataclass
class Log:
    """The effective log: what counts after undos, in order."""

    advances: list[Action] = field(default_factory=list)  # advance i closed round i
    submissions: list[Action] = field(default_factory=list)
    events: list[Action] = field(default_factory=list)
    practice: Action | None = None
    ended: bool = False  # the trainer ended the game before its last round
    last_seq: int = 0

    @property
    def played(self) -> int:
        return len(self.advances)

    def events_for(self, round_number: int) -> list[str]:
        return [a.payload["event"] for a in self.events if a.round == round_number]

    def check_next(self, kind: str, rounds: int, round_number: int | None = None, event: object = None) -> int:
        """The round an action of `kind` is logged for if it may come next in this log of a game of `rounds`
        rounds (a submission or `event` for `round_number`; None: the open round), else the GameError its
        command gives. The one rule for the log's order: kept as each action is taken, checked as the log is
        read again (an undo with no round before it, a round played after the end, would break every command)."""
        if kind == "undo":
            if not self.played:
                raise kit_error(GameError, "error.nothing_to_undo")
            return self.played
        if kind == "event":
            check_event(event)
        elif kind == "practice" and self.played:
            raise kit_error(GameError, "error.practice_late")
        check_round_number(round_number)
        open_round = self.played + 1
        if self.ended:
            raise kit_error(GameError, "error.game_ended", played=self.played)
        if open_round > rounds:
            raise kit_error(GameError, "error.game_over", rounds=rounds)
        if kind == "end" and not self.played:  # one mistyped command must not end the class's game before it began
            raise kit_error(GameError, "error.end_not_begun")
        if kind == "event":
            round_number = open_round if round_number is None else round_number
            if not self.played < round_number <= rounds:
                raise kit_error(GameError, "error.event_round", first=open_round, last=rounds,
                                got=shown(round_number))
            if event in self.events_for(round_number):
                raise kit_error(GameError, "error.event_twice", event=event, round=round_number)
            return round_number
        if round_number is not None and round_number != open_round:
            raise kit_error(GameError, "error.round_closed" if round_number < open_round else "error.round_not_open",
                            asked=round_number, open=open_round)
        return open_round

    def add(self, action: Action, rounds: int) -> None:
        """`action`, read from the file, as the next entry of this log, if the kit could have logged it here
        (`check_next`; else its GameError): a submission or event for the round it names, the others as taken."""
        if action.kind in ("submit", "event"):
            self.check_next(action.kind, rounds, action.round, action.payload.get("event"))
        elif action.kind in ("advance", "undo", "practice", "end"):
            self.check_next(action.kind, rounds)
        else:  # a kind the kit never writes ('advnce'): it would be passed over, and its round never played
            raise kit_error(GameError, "error.log_kind", kind=shown(action.kind))
        self.last_seq = action.seq
        if action.kind == "advance":
            self.advances.append(action)
        elif action.kind == "undo" and self.ended:  # the end taken back: the game goes on where it stopped
            self.ended = False
        elif action.kind == "undo":
            self.advances.pop()
            reopened = self.played + 1
            self.submissions = [a for a in self.submissions if a.round <= reopened]
        elif action.kind == "submit":
            self.submissions.append(action)
        elif action.kind == "event":
            self.events.append(action)
        elif action.kind == "practice":
            self.practice = action
        elif action.kind == "end":
            self.ended = True


@dataclass(frozen=True)
class Status:
    """Where the game stands: the open round, who submitted for it, its events."""

    round_open: int  # rounds + 1 when the game is over
    rounds: int
    played: int
    submitted: tuple[str, ...]
    waiting_for: tuple[str, ...]
    events: tuple[str, ...]
    practice_played: bool
    ended: bool = False

    @property
    def finished(self) -> bool:
        return self.ended or self.played >= self.rounds


@dataclass(frozen=True)
class Preview:
    """A team's draft decisions played one round ahead on the game's random numbers, with a band."""

    round: int
    kpis: dict[str, float]
    low: dict[str, float]
    high: dict[str, float]


def _given_twice(names: Sequence[str]) -> str | None:
    """The first name given again later ('Red' in Red, Blue, red: capitals do not make two teams), or None."""
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            return next(first for first in names if first.casefold() == name.casefold())
        seen.add(name.casefold())
    return None


def check_event(event: object) -> str:
    """`event` if it is a market event a round can have, else the kit's message with the events there are."""
    if event not in MARKET_EVENTS:
        raise kit_error(GameError, "error.unknown_event", got=shown(event), events=", ".join(MARKET_EVENTS),
                        hint=hint(event, MARKET_EVENTS))
    return event


def market_slots(settings: GameSettings | Mapping[str, Any] | None, teams: Sequence[str] | int
                 ) -> tuple[GameSettings, list[tuple[str, str | None, str]]]:
    """The settings checked, and the market's places: the teams (with new codes), then computer competitors."""
    if not isinstance(settings, GameSettings):
        settings = GameSettings.from_mapping(settings or {})
    if isinstance(teams, int) and not isinstance(teams, bool):
        if not 0 <= teams <= settings.suppliers:
            raise kit_error(GameError, "error.teams_room", suppliers=settings.suppliers, got=teams)
        teams = [f"Team {chr(ord('A') + i)}" if i < 26 else f"Team {i + 1}" for i in range(teams)]
    names = [check_team_name(name) for name in teams]
    if len(names) > settings.suppliers:
        raise kit_error(GameError, "error.teams_fit", teams=len(names), suppliers=settings.suppliers)
    twice = _given_twice(names)
    if twice is not None:
        raise kit_error(GameError, "error.team_names_twice", name=shown(twice))
    slots: list[tuple[str, str | None, str]] = [(name, new_code(), "") for name in names]
    taken = {n.casefold() for n in names}
    for index in range(settings.suppliers - len(names)):
        style = settings.bots[index % len(settings.bots)] if settings.bots else "steady"
        name = f"{STYLE_NAMES[style][0]}{COMPUTER}"
        number = 2
        while name.casefold() in taken:
            name, number = f"{STYLE_NAMES[style][0]} {number}{COMPUTER}", number + 1
        taken.add(name.casefold())
        slots.append((name, None, style))
    return settings, slots



class Game:
    """One game file, opened."""

    def __init__(self, store: GameStore):
        self.store = store
        try:  # settings changed by hand are told, naming the file, before anything is played on them
            self.settings = GameSettings.from_mapping(store.settings())
        except KitError as error:
            store.close()
            raise store.settings_refused(error) from None
        self.slots = tuple(Slot(name, style) for name, _, style in store.slots())
        self._codes = {name: code for name, code, _ in store.slots() if code}
        self.is_bot = {slot.name: slot.is_bot for slot in self.slots}
        self._game_id = store.meta("game_id") or ""
        self._checked: set[int] = set()  # the submissions `log` has checked

    # --- creating and opening
    @classmethod
    def create(cls, path: str | Path, settings: GameSettings | Mapping[str, Any] | None = None,
               teams: Sequence[str] | int = 2) -> Game:
        """A new game file with these teams (names, or how many) and computer competitors in the other slots."""
        settings, slots = market_slots(settings, teams)
        return cls(GameStore.create(path, settings.to_dict(), slots, new_code()))

    def restart(self, settings: GameSettings | Mapping[str, Any] | None = None,
                teams: Sequence[str] | int = 2) -> Game:
        """A new game in the same file, for the same trainer code, once this one is over or has not begun.

        This game is first copied beside the file (`<name>-<when>.game`) for its debrief; the pages serving
        the file see the new game and ask every team for its new code.
        """
        status = self.status()
        if status.played and not status.finished:
            raise kit_error(GameError, "error.restart_running", played=status.played, rounds=status.rounds)
        settings, slots = market_slots(settings, teams)
        self.store.restart(settings.to_dict(), slots)
        self.close()
        return Game.open(self.store.path)

    @property
    def game_id(self) -> str:
        """Changes when a new game starts in this file."""
        return self._game_id

    @classmethod
    def open(cls, path: str | Path) -> Game:
        return cls(GameStore(path))


    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Game:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- who is who
    @property
    def teams(self) -> tuple[str, ...]:
        return tuple(slot.name for slot in self.slots if not slot.is_bot)

    def team_codes(self) -> dict[str, str]:
        """Team name → code, for the trainer to hand out."""
        return dict(self._codes)

    @property
    def trainer_code(self) -> str:
        return self.store.meta("trainer_code") or ""

    def team_for_code(self, code: object) -> str:
        """The team whose code this is (compared in constant time), or a WrongCode that says nothing more."""
        typed = normalise_code(code)
        found = None
        for name, known in self._codes.items():
            if secrets.compare_digest(typed.encode(), known.encode()):
                found = name
        if found is None:
            raise kit_error(WrongCode, "error.team_code")
        return found

    def check_trainer(self, code: object) -> None:
        if not secrets.compare_digest(normalise_code(code).encode(), self.trainer_code.encode()):
            raise kit_error(WrongCode, "error.trainer_code")

    def _team(self, team: str) -> str:
        if team not in self._codes:
            raise kit_error(GameError, "error.no_team", team=team,
                            known=lambda language: ", ".join(self.teams) or text("error.no_teams", language))
        return team

    # --- the log
    def log(self) -> Log:
        """The effective log, each entry checked as its command checks it (its place in the log: `Log.add`; a
        submission's decisions: `_check_log`): a log changed by hand is told, naming the file and the entry,
        before any round is played on it."""
        log = Log()
        for action in self.store.actions():
            try:
                log.add(action, self.settings.rounds)
            except GameError as error:
                raise self.store.refused(action, error) from None
        self._check_log(log)
        return log

    def _check_log(self, log: Log) -> None:
        """Check the submissions of `log` not checked before by this object (the log only grows, and an undo leaves
        the entries before it as they were, so each is checked once), in one pass: each team's decisions in force
        are built up as its submissions come (the log holds them in the order they were made, round by round)."""
        in_force: dict[str, dict[str, Any]] = {}
        for action in log.submissions:
            decided = in_force.setdefault(action.slot, {})
            if action.seq not in self._checked:
                try:
                    self._team(action.slot)
                    self._checked_decisions(decided, action.payload.get("decisions"))
                except GameError as error:
                    raise self.store.refused(action, error) from None
                self._checked.add(action.seq)
            decided.update(action.payload["decisions"])

    def status(self) -> Status:
        log = self.log()
        round_open = log.played + 1
        submitted = tuple(sorted({a.slot for a in log.submissions if a.round == round_open}))
        waiting = tuple(name for name in self.teams if name not in submitted)
        return Status(round_open, self.settings.rounds, log.played, submitted, waiting,
                      tuple(log.events_for(round_open)), log.practice is not None, log.ended)

    def decisions(self, team: str, round_number: int | None = None, log: Log | None = None) -> dict[str, Any]:
        """A team's decisions in force for `round_number` (default: the open round), as changes to the market
        (`log`: the game's log if already read)."""
        log = self.log() if log is None else log
        return self._in_force(log, self._team(team), log.played + 1 if round_number is None else round_number)

    @staticmethod
    def _in_force(log: Log, slot: str, round_number: int) -> dict[str, Any]:
        decided: dict[str, Any] = {}
        for action in log.submissions:
            if action.slot == slot and action.round <= round_number:
                decided.update(action.payload["decisions"])
        return decided

    def submit(self, team: str, decisions: Mapping[str, Any], round_number: int | None = None) -> dict[str, Any]:
        """Store a team's decisions for the open round (checked against the parameter table and the game's
        ranges and budget); returns the decisions now in force for the team."""
        team = self._team(team)
        with self.store.transaction() as connection:
            log = self.log()
            open_round = log.check_next("submit", self.settings.rounds, round_number)
            in_force = self._in_force(log, team, open_round)
            checked = self._checked_decisions(in_force, decisions)
            GameStore.append(connection, open_round, "submit", team, {"decisions": checked})
        return {**in_force, **checked}

    def _checked_decisions(self, in_force: Mapping[str, Any], decisions: Any) -> dict[str, Any]:
        """A team's decisions checked on top of those `in_force` for it (the trainer's ranges, the people budget):
        the one check of a submission, as it is made and as the log is read again."""
        return self.settings.check_decisions(decisions, {**self.settings.base_scenario(), **in_force})

    def schedule_event(self, event: str, round_number: int | None = None) -> None:
        """A market event for a round that has not been played yet (default: the open round)."""
        with self.store.transaction() as connection:
            round_number = self.log().check_next("event", self.settings.rounds, round_number, event)
            GameStore.append(connection, round_number, "event", None, {"event": event})

    # --- playing
    def _decisions_for_round(self, log: Log, play: MarketPlay, round_number: int,
                             closed_for_others: bool = False) -> dict[str, dict[str, Any]]:
        """Everyone's decisions for `round_number`: teams' submissions, bots' styles on their own results."""
        decided = {}
        for slot in self.slots:
            if slot.is_bot:
                history = [rows[slot.name] for rows in play.results[:round_number - 1]]
                decided[slot.name] = bot_decisions(slot.style, round_number, history, self._allowed_value)
            else:
                decided[slot.name] = self._in_force(log, slot.name, round_number - closed_for_others)
        return decided

    def _allowed_value(self, name: str, value: Any) -> Any:
        """`value` brought within what this game allows for `name` (None if teams do not decide it here)."""
        if name not in self.settings.decisions:
            return None
        allowed = self.settings.allowed(name)
        if SPECS[name].choices:
            return value if value in allowed else None
        return type(SPECS[name].default)(min(allowed[1], max(allowed[0], value)))

    @property
    def _cache_name(self) -> str:
        return f"{self.store.path.resolve()}#{self._game_id}"

    def _cache(self, play: MarketPlay | None, advances: Sequence[Action] = ()) -> None:
        """Put a play (back) in this process's cache, as the market after `advances`; None: forget it."""
        with _REGISTRY_LOCK:
            if play is None:
                _PLAYS.pop(self._cache_name, None)
            else:
                _PLAYS[self._cache_name] = (play, tuple(a.seq for a in advances))
                _PLAYS.move_to_end(self._cache_name)
                while len(_PLAYS) > MAX_CACHED_GAMES:
                    _PLAYS.popitem(last=False)

    def _played_through(self, log: Log, rounds: int, seed: int | None = None) -> MarketPlay:
        """The market after `rounds` rounds of the log, taken out of the cache (the caller owns it and puts it
        back with `_cache`): the cached play if it played the same advances (another process may have undone
        and replayed a round meanwhile), else a replay from round 0."""
        play = None
        if seed is None:
            with _REGISTRY_LOCK:
                cached = _PLAYS.pop(self._cache_name, None)
            if cached is not None and cached[0].round <= rounds \
                    and cached[1] == tuple(a.seq for a in log.advances[:cached[0].round]):
                play = cached[0]
        if play is None:
            play = MarketPlay(self.settings, self.slots, seed)
        while play.round < rounds:
            number = play.round + 1
            play.play_round(self._decisions_for_round(log, play, number), log.events_for(number))
        return play

    def practice(self) -> dict[str, dict[str, float]]:
        """Play round 1 with the decisions submitted so far, on other random numbers; it does not count."""
        log = self.log()
        log.check_next("practice", self.settings.rounds)
        self._stored_results(log, adding=True)  # results changed by hand are told before any are added
        play = self._played_through(log, 0, seed=self.settings.seed + PRACTICE_SEED_OFFSET)
        rows = play.play_round(self._decisions_for_round(log, play, 1), log.events_for(1))
        with self.store.transaction() as connection:
            if self.log().played:
                raise kit_error(GameError, "error.practice_overtaken")
            seq = GameStore.append(connection, 1, "practice", None, {})
            GameStore.store_results(connection, seq, 0, rows)
        return rows

    def check_advance(self, round_number: int | None = None) -> int:
        """The round `advance(round_number)` would close, else the GameError it would give (before any work)."""
        return self.log().check_next("advance", self.settings.rounds, round_number)

    def advance(self, round_number: int | None = None) -> dict[str, dict[str, float]]:
        """Close the open round: play it for every supplier and store the results with the advance. With a
        `round_number`, only if that round is the one open: a command repeated by mistake does not play the next.
        A retry (a submission arrived while the round played) plays the same round, or none if it was closed."""
        for _ in range(3):  # a submission that arrives while the round is simulated makes it play again
            with _play_lock(self._cache_name):
                log = self.log()
                round_number = log.check_next("advance", self.settings.rounds, round_number)
                self._stored_results(log, adding=True)  # results changed by hand are told before a round is added
                play = self._played_through(log, log.played)  # taken out: kept again once the advance is stored
                rows = play.play_round(self._decisions_for_round(log, play, round_number),
                                       log.events_for(round_number))
                with self.store.transaction() as connection:
                    if self.log().last_seq != log.last_seq:
                        continue
                    seq = GameStore.append(connection, round_number, "advance", None, {})
                    GameStore.store_results(connection, seq, round_number, rows)
                self._cache(play, self.log().advances)
                return rows
        raise kit_error(GameError, "error.round_busy")

    def undo(self, round_number: int | None = None, end: bool = False) -> int:
        """Reopen the last round played (with `round_number`, only if it is that round), or with `end` take back
        the trainer's end, and only that, so that the game goes on; returns the round open now. Each is refused
        where it would do the other, so an `undo(end=True)` repeated by mistake reopens no round, and an
        `undo(round_number)` repeated reopens not the round before."""
        check_round_number(round_number)
        with self.store.transaction() as connection:
            log = self.log()
            if end != log.ended:
                raise kit_error(GameError, "error.undo_ended" if log.ended else "error.not_ended", played=log.played,
                                open=log.played + 1)
            logged_round = log.check_next("undo", self.settings.rounds)
            if not end and round_number is not None and round_number != log.played:
                raise kit_error(GameError, "error.undo_round", asked=round_number, played=log.played)
            GameStore.append(connection, logged_round, "undo", None, {})
        if end:
            return log.played + 1
        self._cache(None)
        return log.played

    def end(self) -> int:
        """End the game after the rounds played so far (the debrief covers those); returns how many."""
        with self.store.transaction() as connection:
            log = self.log()
            log.check_next("end", self.settings.rounds)
            GameStore.append(connection, log.played, "end", None, {})
        return log.played

    # --- what was played
    def results(self) -> list[dict[str, dict[str, float]]]:
        """Per round played: slot name → KPIs (as stored with each advance)."""
        log = self.log()
        stored = self._stored_results(log)
        return [stored[advance.seq] for advance in log.advances]

    def practice_results(self) -> dict[str, dict[str, float]] | None:
        log = self.log()
        return self._stored_results(log)[log.practice.seq] if log.practice else None

    def _stored_results(self, log: Log, adding: bool = False) -> dict[int, dict[str, dict[str, float]]]:
        """The results stored with the advances and the practice of `log`, by their entries' numbers, each as the
        kit wrote it: a row for every supplier of the game, a number for every KPI of a round. Results changed
        by hand are told, naming the file, the entry and the supplier, rather than failing the leaderboard with
        a KeyError. Before `adding` results, so is a row stored with an entry the log does not have (the new
        ones would collide); a reader leaves such rows be: they are an advance stored since it read the log."""
        stored = self.store.results()
        beyond = max(stored, default=0)
        if adding and beyond > log.last_seq:
            raise kit_error(GameError, "error.results_no_entry", file=str(self.store.path), seq=beyond)
        suppliers = [slot.name for slot in self.slots]
        for action in (*log.advances, *(() if log.practice is None else (log.practice,))):
            rows = stored.get(action.seq, {})
            if not rows:
                raise kit_error(GameError, "error.results_missing", file=str(self.store.path), entry=action.entry,
                                suppliers=quoted(suppliers))
            if rows.keys() != set(suppliers):
                raise kit_error(GameError, "error.results_suppliers", file=str(self.store.path), entry=action.entry,
                                suppliers=quoted(suppliers), stored=quoted(rows))
            for supplier, kpis in rows.items():
                if not isinstance(kpis, dict) or not all(type(kpis.get(name)) in (int, float) for name in ROUND_KPIS):
                    raise kit_error(GameError, "error.results_unreadable", file=str(self.store.path),
                                    entry=action.entry, supplier=supplier)
        return stored

    def leaderboard(self, round_number: int | None = None,
                    results: Sequence[Mapping[str, Mapping[str, float]]] | None = None) -> list[Standing]:
        """The leaderboard after `round_number` (default: the last round played); `results` if already read."""
        history = self.leaderboard_history(results)
        if round_number is None:
            return history[-1] if history else []
        if not 1 <= round_number <= len(history):
            raise kit_error(GameError, "error.round_not_played", got=shown(round_number), played=len(history))
        return history[round_number - 1]

    def leaderboard_history(self, results: Sequence[Mapping[str, Mapping[str, float]]] | None = None
                            ) -> list[list[Standing]]:
        """The leaderboard after each round played, the first first (`results` if already read)."""
        return standings_history(self.settings, self.results() if results is None else results, self.is_bot)

    def replay(self) -> tuple[MarketPlay, list[str]]:
        """Play the whole log again from round 0; returns the play and the rounds whose results differ from
        those stored (none, unless the file was changed by hand or the model changed)."""
        log = self.log()
        self._cache(None)
        with _play_lock(self._cache_name):
            play = self._played_through(log, log.played)
        stored = self.results()
        differing = [str(number) for number, (ours, theirs) in enumerate(zip(play.results, stored), start=1)
                     if not _same(ours, theirs)]
        self._cache(play, log.advances)
        return play, differing

    def preview(self, team: str, decisions: Mapping[str, Any]) -> Preview:
        """The team's draft played one round ahead: the others keep the decisions they played last round (their
        drafts stay theirs); the band is ± 1.96 × the team's own month-to-month variation so far, scaled to a round."""
        team = self._team(team)
        log = self.log()
        round_number = log.check_next("submit", self.settings.rounds)
        draft = self._checked_decisions(self._in_force(log, team, round_number), decisions)
        index = [slot.name for slot in self.slots].index(team)
        # One preview at a time per game in this process: the others wait for the market (seconds) rather
        # than replay the game each (a minute at 30 teams × 12 rounds).
        with _play_lock(self._cache_name):
            play = self._played_through(log, log.played)
            everyone = self._decisions_for_round(log, play, round_number, closed_for_others=True)
            everyone[team] = {**self._in_force(log, team, round_number), **draft}

            def ahead() -> tuple[dict[str, float], list[dict]]:
                rows = play.play_round(everyone, log.events_for(round_number))
                return rows[team], play.worlds[index].monthly

            projected = _in_a_copy(ahead)
            if projected is None:  # no fork here (Windows) or the copy failed: play on the market itself
                projected = ahead()
            else:
                self._cache(play, log.advances)  # untouched: the next preview or advance starts from it
        kpis, monthly = projected
        return Preview(round_number, kpis, *_band(kpis, monthly, self.settings.months_per_round))


#: The live markets of the games open in this process, shared by all their `Game` objects (a page server has
#: one per page and thread): game → (its play, the advances that play has played). A play is taken out while
#: it is used, so only one thread ever touches it; a game's lock makes the next user wait for it.
_PLAYS: OrderedDict[str, tuple[MarketPlay, tuple[int, ...]]] = OrderedDict()
MAX_CACHED_GAMES = 4  # the markets of the games used last; a server serves one game
_PLAY_LOCKS: dict[str, threading.Lock] = {}
_REGISTRY_LOCK = threading.Lock()


def _play_lock(name: str) -> threading.Lock:
    with _REGISTRY_LOCK:
        return _PLAY_LOCKS.setdefault(name, threading.Lock())


def check_round_number(round_number: object) -> None:
    if round_number is not None and (not isinstance(round_number, int) or isinstance(round_number, bool)):
        raise kit_error(GameError, "error.round_number", got=shown(round_number))


def _in_a_copy(work: Callable[[], Any]) -> Any:
    """`work()` in a forked copy of this process, its result sent back through a pipe, or None.

    A preview plays the open round on the market as it stands; in a copy the cached market stays as it
    was, so the next preview or advance does not replay the game from round 0. A copy that does not
    answer within PREVIEW_TIMEOUT_S is stopped (and the caller plays without a copy).
    """
    if not hasattr(os, "fork"):
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: do the work, send the result, and leave without running any cleanup
        status = 1
        try:
            with os.fdopen(write, "wb") as out:
                out.write(pickle.dumps(work()))
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    chunks, deadline, answered = [], time.monotonic() + PREVIEW_TIMEOUT_S, False
    with os.fdopen(read, "rb") as source:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([source], [], [], remaining)[0]:
                break  # no answer in time
            chunk = source.read1(1 << 20)
            if not chunk:
                answered = True  # the copy closed the pipe: it is done
                break
            chunks.append(chunk)
    if not answered:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return pickle.loads(b"".join(chunks)) if answered and status == 0 and chunks else None


def _band(kpis: dict[str, float], monthly: list[dict], months: int) -> tuple[dict, dict]:
    """Low and high ends for the round's flows and end-of-round stocks, from the supplier's monthly rows."""
    low, high = {}, {}
    spread = math.sqrt(months) * BAND_Z
    for name in (*ROUND_FLOWS, *ROUND_STOCKS):
        values = np.array([row[name] for row in monthly], dtype=float)
        if name in ROUND_STOCKS:
            values = np.diff(values)
        values = values[~np.isnan(values)]
        half = float(values.std(ddof=1)) * spread if len(values) >= 2 else math.nan
        low[name], high[name] = kpis[name] - half, kpis[name] + half
        if name not in SIGNED_KPIS:  # a count or a grade does not go below zero
            low[name] = max(0.0, low[name])
        if name in BOUNDS:  # nor does an NPS pass ±100 or a grade 1–10
            bottom, top = BOUNDS[name]
            low[name], high[name] = max(bottom, low[name]), min(top, high[name])
    return low, high


def _same(ours: Mapping[str, Mapping[str, float]], theirs: Mapping[str, Mapping[str, float]]) -> bool:
    def same_number(a: float, b: float) -> bool:
        return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))

    return ours.keys() == theirs.keys() and all(
        ours[slot].keys() == theirs[slot].keys() and all(same_number(ours[slot][k], theirs[slot][k]) for k in ours[slot])
        for slot in ours)
