"""Ending cleanly on SIGTERM, as on Ctrl-C; and a child command that ends in its own time, not killed, and
starts without a traceback when Ctrl-C comes while it is still importing.

By default SIGTERM (`kill PID`, a job scheduler's time limit, a notebook
server shutting down a kernel) ends Python at once: no `finally` runs, so a
half-written temporary file stays behind and a process pool's workers are
never told to stop. Inside `sigterm_cleanup()` a SIGTERM raises `Terminated`
instead, so the code unwinds (pools shut down, temporary files are removed)
and the process exits with status 143, as a shell reports for SIGTERM.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

# kit.py loads this module from its file before the kit is installed: the standard library only.

#: Python code that runs a module as `python -m` does (`python -c QUIET_START module args…`: the same `__name__`,
#: `sys.argv` and `sys.path[0]`, the working folder), except that a Ctrl-C the module does not handle itself ends
#: it quietly with status 130. JupyterLab, Voilà, Solara and the kit import for one to several seconds before they
#: handle Ctrl-C, and a Ctrl-C then printed the traceback of whatever was being imported (thirty lines of a parser
#: library), where the person had only changed their mind.
QUIET_START = ("import os, runpy, sys\n"
               "sys.argv = sys.argv[1:]\n"
               "sys.path[0] = os.getcwd()\n"
               "try:\n"
               "    runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
               "except KeyboardInterrupt:\n"
               "    sys.exit(130)\n")


def module_command(python: str | Path, module: str, *args: str) -> list[str]:
    """`python -m module args…`, ending quietly on a Ctrl-C it does not handle itself (`QUIET_START`)."""
    return [str(python), "-c", QUIET_START, module, *args]


class Terminated(SystemExit):
    """Raised in the main thread when SIGTERM arrives inside `sigterm_cleanup()`.

    Takes its arguments back like any exception: SimPy re-raises an exception from inside a
    process as `type(error)(*error.args)`, and a `Terminated()` that refused them would turn
    a clean stop during a simulation into a TypeError traceback."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(args or (128 + signal.SIGTERM,)))


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated()


@contextlib.contextmanager
def sigterm_cleanup() -> Iterator[None]:
    """Turn SIGTERM into `Terminated` (a SystemExit with status 143) while inside.

    Only where it can and should: in the main thread (Python handles signals nowhere else), and only
    while SIGTERM has its default action, so a program's own handler (or an outer
    `sigterm_cleanup()`) is left alone."""
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def run_command(command: list[str], cwd: Path | None = None, env: Mapping[str, str] | None = None) -> int:
    """Run a command until it ends (a page server, JupyterLab, a kit command started by kit.py) and return its
    exit status.

    Ctrl+C reaches the command itself (the terminal sends it to every process of the command), and it stops in
    its own time: JupyterLab asks first, a server shuts down, an experiment removes its temporary files, where
    `subprocess.run` would kill it 0.25 s after Ctrl+C. So this waits on; only when this process is stopped
    some other way (SIGTERM inside `sigterm_cleanup`, as `Terminated`) does it stop the command with it."""
    child = subprocess.Popen(command, cwd=cwd, env=None if env is None else dict(env))
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                continue
    finally:
        if child.poll() is None:
            child.terminate()
            child.wait()
