"""A game's file: one SQLite database holding the settings, the market's slots and the log of actions.

Every change is one transaction (`BEGIN IMMEDIATE … COMMIT`), so a process
killed at any moment leaves the game before or after that change, never
between, and two processes that write at once take turns (a busy timeout,
not an error). The rounds' results are stored with the advance that made
them, as a record of what was shown; the log alone re-creates them (`replay`).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import KitError, command_word, shown
from ..files import check_target
from ..language import kit_error, text
from .settings import GameError

SCHEMA = """
CREATE TABLE game (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE slots (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, code TEXT UNIQUE, style TEXT NOT NULL);
CREATE TABLE actions (seq INTEGER PRIMARY KEY AUTOINCREMENT, round INTEGER NOT NULL, kind TEXT NOT NULL,
                      slot TEXT, payload TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE results (advance INTEGER NOT NULL, round INTEGER NOT NULL, slot TEXT NOT NULL, kpis TEXT NOT NULL,
                      PRIMARY KEY (advance, slot));
CREATE TABLE failed_logins (at REAL NOT NULL);
"""
FAILED_LOGIN_WINDOW_S = 60.0  # wrong codes older than this no longer slow anyone down
FORMAT = "kit-game-1"
BUSY_TIMEOUT_S = 30.0  # a writer waits this long for another one before giving up


@dataclass(frozen=True)
class Action:
    """One entry of the log: a team's submission, a trainer's action or an advance."""

    seq: int
    round: int  # the round that was open when the action was taken (an event: the round it is for)
    kind: str  # submit, event, practice, advance, undo
    slot: str | None
    payload: dict[str, Any]

    def entry(self, language: str) -> str:
        """Which entry this is, for a message about the log: its number, round and team (or kind)."""
        if self.kind == "submit":
            return text("error.log_submission", language, seq=self.seq, round=self.round, team=self.slot)
        return text("error.log_action", language, seq=self.seq, round=self.round, kind=self.kind)


def _reason(error: Exception) -> str:
    """Why a write failed: the system's words for an OSError, SQLite's for its own ('disk I/O error')."""
    return (error.strerror if isinstance(error, OSError) else None) or str(error) or type(error).__name__


def _decoded(stored: Any) -> Any:
    """A stored JSON value; a value that is no JSON (changed by hand) as it is, for its reader to tell what is
    wrong with it (the reader knows what it should be)."""
    try:
        return json.loads(stored)
    except (TypeError, ValueError):  # not text, not JSON (a JSONDecodeError is a ValueError)
        return stored


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _write_failure(error: BaseException) -> bool:
    """A write the file refused (full disk, locked too long, damaged file), not a mistake in the kit's own SQL
    (an IntegrityError or ProgrammingError stays a bug with its traceback)."""
    return isinstance(error, sqlite3.OperationalError) or type(error) is sqlite3.DatabaseError


class GameStore:
    """Reads and writes one game file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if self.path.is_dir():
            raise kit_error(GameError, "error.game_file_folder", file=str(self.path),
                            example=shown(str(self.path / "workshop.game")))
        if not self.path.is_file():
            raise kit_error(GameError, "error.no_game_file", file=str(self.path), name=command_word(self.path))
        self.connection = self._connect(self.path)
        try:
            if self.meta("format") != FORMAT:
                raise kit_error(GameError, "error.not_a_game_file", file=str(self.path))
        except sqlite3.DatabaseError:
            self.connection.close()
            raise kit_error(GameError, "error.not_a_game_file", file=str(self.path)) from None

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = %d" % int(BUSY_TIMEOUT_S * 1000))
        return connection

    @classmethod
    def create(cls, path: str | Path, settings: dict[str, Any], slots: list[tuple[str, str | None, str]],
               trainer_code: str) -> GameStore:
        """Write a new game file: built under a temporary name and renamed, so it exists whole or not at all."""
        path = Path(path)
        if path.exists():
            raise kit_error(GameError, "error.game_exists", file=str(path))
        check_target(path, "game")  # a folder that is not there, told in the trainer's language (not SQLite's words)
        temporary = path.with_name(f".{path.name}.{id(settings):x}.tmp")
        connection = None
        try:
            connection = cls._connect(temporary)
            connection.executescript(SCHEMA)
            connection.execute("BEGIN")
            connection.executemany("INSERT INTO game VALUES (?, ?)", [
                ("format", FORMAT), ("settings", json.dumps(settings)), ("trainer_code", trainer_code),
                ("created", _now()), ("game_id", uuid.uuid4().hex)])
            connection.executemany("INSERT INTO slots VALUES (?, ?, ?, ?)",
                                   [(i, name, code, style) for i, (name, code, style) in enumerate(slots)])
            connection.execute("COMMIT")
            connection.execute("PRAGMA journal_mode = WAL")  # readers (team pages) do not wait for a writer
            connection.close()
            temporary.replace(path)
        except (OSError, sqlite3.Error) as error:  # SQLite reports a full disk as its own error, not an OSError
            if connection is not None:
                connection.close()
            temporary.unlink(missing_ok=True)
            raise GameError(f"Cannot write the game file '{path}': {_reason(error)}.") from None
        return cls(path)

    def close(self) -> None:
        self.connection.close()

    def archive_path(self) -> Path:
        """Where this game is copied when a new one starts in its file: beside it, named by when it began."""
        began = (self.meta("created") or _now()).replace(":", "").replace("-", "").replace("+0000", "")
        return self.path.with_name(f"{self.path.stem}-{began}.game")

    def restart(self, settings: dict[str, Any], slots: list[tuple[str, str | None, str]]) -> Path:
        """Copy this game beside the file (SQLite's backup, renamed into place), then make the file a new game
        in one transaction; the trainer code stays. Returns the copy's path."""
        archive = self.archive_path()
        temporary = archive.with_name(f".{archive.name}.tmp")
        copy = None
        try:
            copy = sqlite3.connect(temporary)
            with copy:
                self.connection.backup(copy)
            copy.close()
            temporary.replace(archive)
        except (OSError, sqlite3.Error) as error:
            if copy is not None:
                copy.close()
            temporary.unlink(missing_ok=True)
            raise GameError(f"Cannot keep a copy of this game as '{archive}': {_reason(error)}.") from None
        with self.transaction() as connection:
            for table in ("actions", "results", "slots", "failed_logins"):
                connection.execute(f"DELETE FROM {table}")
            connection.executemany("UPDATE game SET value = ? WHERE key = ?", [
                (json.dumps(settings), "settings"), (_now(), "created")])
            connection.execute("INSERT OR REPLACE INTO game VALUES ('game_id', ?)", (uuid.uuid4().hex,))
            connection.executemany("INSERT INTO slots VALUES (?, ?, ?, ?)",
                                   [(i, name, code, style) for i, (name, code, style) in enumerate(slots)])
        return archive

    def meta(self, key: str) -> str | None:
        row = self.connection.execute("SELECT value FROM game WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def slots(self) -> list[tuple[str, str | None, str]]:
        """(name, team code or None for a computer competitor, style) in market order."""
        return list(self.connection.execute("SELECT name, code, style FROM slots ORDER BY position"))

    def actions(self) -> list[Action]:
        rows = self.connection.execute("SELECT seq, round, kind, slot, payload FROM actions ORDER BY seq")
        return [Action(seq, rnd, kind, slot, self._payload(Action(seq, rnd, kind, slot, {}), payload))
                for seq, rnd, kind, slot, payload in rows]

    def _payload(self, action: Action, stored: str) -> dict[str, Any]:
        """A log entry's payload as the kit wrote it (a JSON object); one changed by hand into something else is
        told, naming the file and the entry, rather than failing every command with a traceback."""
        payload = _decoded(stored)
        if not isinstance(payload, dict):
            raise kit_error(GameError, "error.log_unreadable", file=str(self.path), entry=action.entry)
        return payload

    def refused(self, action: Action, error: KitError) -> GameError:
        """`error`, found in the logged `action`, as a mistake in this file: which file, which entry."""
        return kit_error(GameError, "error.log_refused", file=str(self.path), entry=action.entry,
                         error=error.in_language)

    def settings(self) -> Any:
        """The game's settings as stored: the JSON object the kit wrote (`settings_refused` tells what else)."""
        return _decoded(self.meta("settings"))

    def settings_refused(self, error: KitError) -> GameError:
        """`error`, found in the stored settings, as a mistake in this file: which file, which setting."""
        return kit_error(GameError, "error.settings_refused", file=str(self.path), error=error.in_language)

    def results(self) -> dict[int, dict[str, Any]]:
        """Stored results by the seq of the advance (or practice) that produced them: slot name → KPIs as the kit
        wrote them, a JSON object of numbers (`Game` checks them: a row changed by hand may hold anything)."""
        stored: dict[int, dict[str, Any]] = {}
        for advance, slot, kpis in self.connection.execute("SELECT advance, slot, kpis FROM results"):
            stored.setdefault(advance, {})[slot] = _decoded(kpis)
        return stored

    def last_change(self) -> int:
        """The newest log entry's number: a page redraws when it changes."""
        return int(self.connection.execute("SELECT coalesce(max(seq), 0) FROM actions").fetchone()[0])

    def record_failed_login(self) -> None:
        """A wrong code was typed on some page (the pages share this count through the file)."""
        with self.transaction() as connection:
            connection.execute("INSERT INTO failed_logins VALUES (?)", (time.time(),))
            connection.execute("DELETE FROM failed_logins WHERE at < ?", (time.time() - FAILED_LOGIN_WINDOW_S,))

    def recent_failed_logins(self) -> int:
        """Wrong codes typed on any page in the last minute."""
        since = time.time() - FAILED_LOGIN_WINDOW_S
        return int(self.connection.execute("SELECT count(*) FROM failed_logins WHERE at >= ?", (since,)).fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One change: everything inside is written together or not at all (and other writers wait).
        A write SQLite refuses (a full disk, a file locked too long, a damaged file) is rolled back, so the
        game stays as it was, and reported as a GameError that names the file and SQLite's reason."""
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            if _write_failure(error):
                raise self._write_error(error) from None
            raise
        try:
            yield self.connection
            self.connection.execute("COMMIT")
        except BaseException as error:
            self._rollback()
            if _write_failure(error):
                raise self._write_error(error) from None
            raise

    def _rollback(self) -> None:
        """Undo the open transaction, if SQLite has not already undone it itself (it may after a full disk)."""
        try:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # nothing was written: the change is lost either way, the file keeps its last good state

    def _write_error(self, error: sqlite3.DatabaseError) -> GameError:
        return GameError(f"Cannot write the game file '{self.path}': {_reason(error)}. Nothing of this change "
                         f"was saved; free some space or close other programs using the file, then try again.")

    @staticmethod
    def append(connection: sqlite3.Connection, round_number: int, kind: str, slot: str | None,
               payload: dict[str, Any]) -> int:
        cursor = connection.execute("INSERT INTO actions (round, kind, slot, payload, at) VALUES (?, ?, ?, ?, ?)",
                                    (round_number, kind, slot, json.dumps(payload), _now()))
        return int(cursor.lastrowid)

    @staticmethod
    def store_results(connection: sqlite3.Connection, seq: int, round_number: int,
                      rows: dict[str, dict[str, float]]) -> None:
        connection.executemany("INSERT INTO results VALUES (?, ?, ?, ?)",
                               [(seq, round_number, slot, json.dumps(kpis)) for slot, kpis in rows.items()])
