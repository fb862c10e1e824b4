"""One-step start for the B2B sales simulation kit, on Windows, macOS and Linux.

    python kit.py                  install (first time) and open the lessons in JupyterLab
    python kit.py --language nl    the same, with the Dutch lessons (notebooks/nl)
    python kit.py test             install the test tools and run the whole test suite
    python kit.py COMMAND          any command of the kit (`run`, `present 03`, `classroom`, …), i.e.
                                   `python -m simulation COMMAND` in the kit's environment; `python kit.py help`
                                   lists them

It needs nothing but Python 3.11+: it makes a private virtual environment in
`.venv` next to this file and installs the kit there, again only when
pyproject.toml changed. No make, bash or conda needed (conda users can also
use environment.yml, see the README). Without --language the session's
language (`KIT_LANGUAGE`, else English) decides, as for every command of the
kit; what kit.py says itself (installing, the usage) follows the same choice.
It reads the kit's language choice, texts, errors and way of running a
command (`simulation/language_choice.py`, `texts.py`, `errors.py`,
`termination.py`) by path: the package cannot be imported before it is
installed.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import subprocess
import sys
import venv
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
FIRST_LESSON = {"en": Path("notebooks") / "00_start_here.ipynb", "nl": Path("notebooks") / "nl" / "00_start_here.ipynb"}
INCLUDES = {"": ("", "test"), "test": ("test",)}  # an install with the test tools also serves the plain start
HELP = ("help", "-h", "--help")
KIT_OWN = ("start", "test", "help")  # the actions whose --language is kit.py's own; the kit's commands read theirs


def venv_python(venv_dir: Path = VENV) -> Path:
    """The interpreter inside the virtual environment (Scripts\\python.exe on Windows)."""
    if os.name == "nt":
        return venv_dir / "Scripts" / "python.exe"
    return venv_dir / "bin" / "python"


def install_stamp(extras: str) -> str:
    """What was installed: the project file and the extras; a change means install again."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(extras.encode())
    return digest.hexdigest()


def ensure_installed(extras: str = "", language: str = "en") -> Path:
    """Create .venv and install the kit (with extras such as 'test') unless already done, saying so in
    `language`."""
    python = venv_python()
    if not python.exists():
        print(say("kit.creating", language, folder=VENV), flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if any(_stamp_file(done).exists() and _stamp_file(done).read_text() == install_stamp(done)
           for done in INCLUDES[extras]):
        return python
    target = f".[{extras}]" if extras else "."
    print(say("kit.installing", language, target=target), flush=True)
    subprocess.run([str(python), "-m", "pip", "install", "--upgrade", "--quiet", "pip"], check=True, cwd=ROOT)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", target], check=True, cwd=ROOT)
    _stamp_file(extras).write_text(install_stamp(extras))
    return python


def _stamp_file(extras: str) -> Path:
    return VENV / f".kit-installed{('-' + extras) if extras else ''}"


def running_as_root() -> bool:
    """True in a container or classroom VM that runs everything as root (never on Windows)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


@functools.lru_cache(maxsize=None)  # not functools.cache: an old Python must still read the version line
def kit_module(name: str) -> ModuleType:
    """A module of the kit that needs only the standard library (`language_choice`, `texts`, `termination`,
    `errors`), loaded from its file: `simulation` itself imports what is not installed yet. Loaded once per run
    (each text `say` looks up, each command built, would read and run the file again)."""
    spec = importlib.util.spec_from_file_location(f"kit_{name}", ROOT / "simulation" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def say(key: str, language: str, **fields: object) -> str:
    """The text row `key` in `language`, its fields filled in."""
    english, dutch = kit_module("texts").TEXTS[key]
    return (dutch if language == "nl" else english).format(**fields)


def command_for(action: str, args: list[str], python: Path, language: str = "en") -> list[str]:
    """The command that carries out `action` inside the environment (`start` opens the lessons in `language`)."""
    if action == "start":
        # Serve the whole kit (lessons and exercises) and open the first lesson. JupyterLab refuses
        # to run as root unless told to, and then exits with status 1 and no hint.
        root = ["--allow-root"] if running_as_root() and "--allow-root" not in args else []
        return kit_module("termination").module_command(
            python, "jupyterlab", f"--ServerApp.root_dir={ROOT}", *root,
            f"--LabApp.default_url=/lab/tree/{FIRST_LESSON[language].as_posix()}", *args)
    if action == "test":
        # --dist loadfile keeps each notebook's cells on one worker, in one kernel, in order.
        return [str(python), "-m", "pytest", "-n", "auto", "--dist", "loadfile", *args]
    return kit_module("termination").module_command(python, "simulation", action, *args)


def read_command_line(argv: list[str], rest: list[str]) -> tuple[str, list[str]]:
    """(action, its arguments), from the command line and the same without its --language options (`rest`).
    --language may come anywhere, also before the command. For the lessons, the tests and the help it is kit.py's
    own (JupyterLab would only warn that it 'will have no effect', pytest would refuse it); the kit's commands get
    it as typed and read it themselves."""
    if rest[:1] and rest[0] in HELP:
        return "help", []
    if not rest or rest[0].startswith("-"):
        return "start", rest
    if rest[0] == "test":
        return "test", rest[1:]
    args = list(argv)
    del args[argv.index(rest[0])]
    return rest[0], args


def main(argv: list[str]) -> int:
    choice = kit_module("language_choice")
    asked, rest = choice.language_option(argv)
    language = choice.chosen_language(asked, choice.session_language())  # what kit.py says; the lessons' language
    if sys.version_info < (3, 11):
        print(say("kit.needs_python", language, version=sys.version.split()[0]), file=sys.stderr)
        return 2
    action, args = read_command_line(argv, rest)
    wrong = [value for value in asked if value not in choice.LANGUAGES] if action in KIT_OWN else []
    if wrong:  # the kit's own message, as its commands give it (before the kit is there to give it)
        got = kit_module("errors").shown(wrong[0] or "")  # None: no value typed
        print(f"{say('cli.error', language)}: {say('error.language', language, got=got)}", file=sys.stderr)
        return 2
    if action == "help":
        print(say("kit.usage", language))
        return 0
    try:
        python = ensure_installed("test" if action == "test" else "", language)
    except subprocess.CalledProcessError as error:
        print(say("kit.install_failed", language, status=error.returncode), file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # stopped while installing: the next start installs again
        return 130
    # Lab and tests run in the kit's folder; the kit's commands where the user is, so relative
    # paths (--scenario, --export, a game file) mean what the user expects.
    folder = ROOT if action in ("start", "test") else None
    environment = None
    if action == "start":  # every lesson opened starts its panels in the language, as `present` does for Voilà
        environment = {**os.environ, choice.LANGUAGE_VARIABLE: language}
        if running_as_root():
            print(say("kit.as_root", language), flush=True)
    # Ctrl+C reaches the command, which stops in its own time; a SIGTERM for kit.py (kill, timeout) stops the
    # command with it, and kit.py exits with 143 as the kit's commands do.
    termination = kit_module("termination")
    with termination.sigterm_cleanup():
        return termination.run_command(command_for(action, args, python, language), cwd=folder, env=environment)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
