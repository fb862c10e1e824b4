"""Saves are whole or not at all: a kill -9, Ctrl-C, SIGTERM or a failing write during a save
leaves the previous good file or folder, which still loads, and no temporary files behind.

A forked child saves in a loop, alternating two different experiments over the same target
(the issue's seed 7 / seed 0 case); the parent interrupts it at several moments. Whatever is at
the target afterwards must load as exactly one of the two, never a mix of both.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from simulation import Scenario
from simulation.errors import KitError
from simulation.experiment import load_experiment, replicate, save_experiment
from simulation.export import export_result
from simulation.results import simulate
from simulation.termination import sigterm_cleanup

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform != "linux", reason="forks a child (Linux)")

SMALL = Scenario({"run.years": 1, "accounts.initial_customers": 20, "market.inbound_leads_per_month": 3.0},
                 name="small")


@pytest.fixture(scope="module")
def pair():
    """Two different experiments: seed 7 and seed 0."""
    return replicate(SMALL, 2, seed=7), replicate(SMALL, 2, seed=0)


#: The child's exit status when the save loop ended with an error other than Ctrl-C's or SIGTERM's.
UNEXPECTED = 3


def _saving_child(results, target) -> int:
    """Fork a child that saves `results` in turn over `target` until it is stopped; return once it is saving."""
    ready, started = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = UNEXPECTED
        _quiet_child()
        signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C may be ignored where the tests run
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # and SIGTERM handled (another test's server, in the worker)
        os.write(started, b"!")
        try:
            with sigterm_cleanup():  # as the command line runs every command
                while True:
                    for result in results:
                        save_experiment(result, target)
        except KeyboardInterrupt:
            code = 130
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException as error:  # the signal came out as another error: say which
            (Path(target).parent / "child_error.txt").write_text(f"{type(error).__name__}: {error}")
        finally:
            os._exit(code)
    os.close(started)
    os.read(ready, 1)
    os.close(ready)
    return pid


def _quiet_child() -> None:
    """A forked child writes nothing to the inherited streams: another thread of the test process
    (pytest-xdist runs one) may have held their locks at the fork, and the child would wait forever."""
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - the child ends with os._exit


def _stop(pid: int, signum: int, after: float) -> int:
    """Send `signum` after `after` seconds; the child's wait status (SIGKILL if it does not end in 10 s).
    The signal is sent again every 0.2 s, as a user presses Ctrl-C again: Python loses a KeyboardInterrupt
    that lands in a finaliser (`__del__`), and the save it interrupted must be whole all the same."""
    time.sleep(after)
    for attempt in range(1000):
        if attempt % 20 == 0:
            os.kill(pid, signum)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError(f"the child did not end within 10 s of signal {signum}")


def _which(loaded, pair) -> int:
    """0 or 1: the experiment `loaded` is (to the 16 digits a workbook keeps); fails on anything else."""
    for index, original in enumerate(pair):
        if loaded.seed == original.seed:
            pd.testing.assert_frame_equal(loaded.runs, original.runs, check_exact=False, rtol=1e-15)
            pd.testing.assert_frame_equal(loaded.monthly, original.monthly, check_exact=False, rtol=1e-15)
            return index
    raise AssertionError(f"loaded an experiment with seed {loaded.seed}")


def _leftovers(folder) -> list[str]:
    return [p.name for p in folder.iterdir() if ".part" in p.name or p.name.endswith(".old")]


@pytest.mark.parametrize("form", ["folder", "run.xlsx"])
def test_kill_9_at_any_moment_leaves_one_whole_experiment(pair, tmp_path, form):
    target = tmp_path / form
    save_experiment(pair[0], target)
    for after in (0.0, 0.01, 0.03, 0.05, 0.08, 0.12, 0.17, 0.23):
        status = _stop(_saving_child(pair, target), signal.SIGKILL, after)
        assert os.waitstatus_to_exitcode(status) == -signal.SIGKILL
        _which(load_experiment(target), pair)  # raises unless exactly one of the two experiments loads


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_and_sigterm_during_a_save_leave_the_old_save_and_no_temporary_files(pair, tmp_path, signum, code):
    target = tmp_path / "run.xlsx"
    save_experiment(pair[0], target)
    for after in (0.02, 0.07, 0.15):
        status = _stop(_saving_child(pair, target), signum, after)
        error = tmp_path / "child_error.txt"
        assert os.waitstatus_to_exitcode(status) == code, error.read_text() if error.exists() else status
        _which(load_experiment(target), pair)
        assert _leftovers(tmp_path) == []


def _on_a_full_disk(limit: int, action) -> str:
    """Run `action` in a child whose files cannot grow past `limit` bytes (a full disk: writes fail with EFBIG)
    and return what happened: "done", "KitError: …", or any other error's type and message."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        _quiet_child()
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        try:
            action()
            message = "done"
        except KitError as error:
            message = f"KitError: {error}"
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which fails the test
            message = f"{type(error).__name__}: {error}"
        os.write(writer, message.encode())
        os._exit(0)
    os.close(writer)
    os.waitpid(pid, 0)
    return os.read(reader, 10_000).decode()


def test_a_write_that_fails_keeps_the_old_file_and_names_the_reason(tmp_path):
    """A full disk, played by a file-size limit: writing past it fails with EFBIG in the child."""
    result = simulate(SMALL, seed=3)
    target = tmp_path / "out.xlsx"
    export_result(result, target)
    before = target.read_bytes()
    message = _on_a_full_disk(4_000, lambda: export_result(result, target))
    assert message == f"KitError: Cannot write '{target}': File too large."
    assert target.read_bytes() == before and _leftovers(tmp_path) == []


def test_a_folder_save_replaces_an_earlier_save_whole(pair, tmp_path):
    target = tmp_path / "run"
    save_experiment(pair[0], target)
    save_experiment(pair[1], target)
    assert _which(load_experiment(target), pair) == 1
    assert sorted(p.name for p in target.iterdir()) == ["experiment.json", "manifest.json", "monthly.csv", "runs.csv"]
    assert _leftovers(tmp_path) == []
    assert oct(target.stat().st_mode & 0o777) == oct(0o777 & ~_umask())
    assert oct((target / "runs.csv").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_temporaries_a_kill_left_behind_are_removed_once_a_day_old(pair, tmp_path):
    old_file, old_folder = tmp_path / ".run.0123456789abcdef.part.xlsx", tmp_path / ".run.fedcba9876543210.part"
    young = tmp_path / ".run.00000000000000aa.part"
    old_file.write_bytes(b"half a workbook")
    old_folder.mkdir()
    (old_folder / "runs.csv").write_text("half")
    young.mkdir()
    for stale in (old_file, old_folder):
        os.utime(stale, (time.time() - 2 * 86400,) * 2)
    save_experiment(pair[0], tmp_path / "run")
    assert sorted(p.name for p in tmp_path.iterdir()) == [young.name, "run"]


def test_a_full_disk_while_creating_a_game_file_names_the_file_and_leaves_nothing(tmp_path):
    """SQLite reports a full disk as sqlite3.OperationalError, not OSError: still one GameError, no temporary file."""
    from simulation.game.engine import Game

    target = tmp_path / "course.game"
    message = _on_a_full_disk(3_000, lambda: Game.create(target))
    assert message.startswith(f"KitError: Cannot write the game file '{target}': "), message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("language, told", [("en", "Cannot write '{target}': Permission denied."),
                                             ("nl", "Kan '{target}' niet schrijven: toegang geweigerd.")])
def test_a_folder_that_cannot_be_written_is_told_before_the_work(tmp_path, monkeypatch, language, told):
    """A read-only folder (a share, a synced folder) used to be found only when a long experiment or a class's
    grading was done. The check makes a file beside the target and removes it: refused here, nothing is left."""
    from simulation.files import check_target

    opened = os.open

    def read_only(path, *args, **kwargs):
        if ".part.probe" in os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return opened(path, *args, **kwargs)

    target = tmp_path / "run.xlsx"
    assert check_target(target, "export", (".xlsx",)) == target and list(tmp_path.iterdir()) == []
    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(KitError) as refused:
        check_target(target, "export", (".xlsx",))
    assert refused.value.in_language(language) == told.format(target=target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/sys refuses new files only on Linux")
def test_a_real_folder_that_refuses_new_files_is_told_before_the_work():
    """/sys refuses a new file even to root (CI runs as root, where a chmod would not refuse anything)."""
    from simulation.export import check_export_path

    with pytest.raises(KitError, match=r"^Cannot write '/sys/run\.xlsx': "):
        check_export_path("/sys/run.xlsx")
