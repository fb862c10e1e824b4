"""One-step start for the B2B sales simulation kit, on Windows, macOS and Linux.

    python kit.py            install (first time) and open the lessons in JupyterLab
    python kit.py test       install the test tools and run the whole test suite
    python kit.py run ...    the command line, e.g. `python kit.py run --preset over_promise`
    python kit.py present 03 [--language nl]   a lesson as a page without code (Voilà), for projecting
    python kit.py classroom [GAME] [--teams N] [--settings FILE] [--language nl] [--lan] [--port P]
                             the classroom game in the browser: one address for all teams and the trainer

It needs nothing but Python 3.11+: it makes a private virtual environment in
`.venv` next to this file and installs the kit there, again only when
pyproject.toml changed. No make, bash or conda needed (conda users can also
use environment.yml, see the README).

`classroom` creates the game file when it does not exist (default
classroom.game in the current folder, 4 teams), prints the team codes, the
trainer code, the address students open and a QR code of it (in Dutch with
--language nl, like the pages), and serves the game until Ctrl+C. Without
--lan only this computer can open it; with --lan every device on the
classroom network can.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import socket
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
FIRST_LESSON = Path("notebooks") / "00_start_here.ipynb"
INCLUDES = {"": ("", "test"), "test": ("test",)}  # an install with the test tools also serves the plain start
USAGE = __doc__.split("\n\n")[1]
LANGUAGES = ("en", "nl")


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


def ensure_installed(extras: str = "") -> Path:
    """Create .venv and install the kit (with extras such as 'test') unless already done."""
    python = venv_python()
    if not python.exists():
        print(f"Creating a virtual environment in {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if any(_stamp_file(done).exists() and _stamp_file(done).read_text() == install_stamp(done)
           for done in INCLUDES[extras]):
        return python
    target = f".[{extras}]" if extras else "."
    print(f"Installing the kit ({target}); the first time takes a few minutes …", flush=True)
    subprocess.run([str(python), "-m", "pip", "install", "--upgrade", "--quiet", "pip"], check=True, cwd=ROOT)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", target], check=True, cwd=ROOT)
    _stamp_file(extras).write_text(install_stamp(extras))
    return python


def _stamp_file(extras: str) -> Path:
    return VENV / f".kit-installed{('-' + extras) if extras else ''}"


def running_as_root() -> bool:
    """True in a container or classroom VM that runs everything as root (never on Windows)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lesson_path(number: str, language: str = "en") -> Path:
    """The lesson whose file name starts with `number` ('03' or '3'), in English or from notebooks/nl in
    Dutch, or a clear message."""
    folder = ROOT / "notebooks" / ("nl" if language == "nl" else "")
    matches = sorted(folder.glob(f"{number.zfill(2)}_*.ipynb"))
    if not matches:
        known = ", ".join(path.name[:2] for path in sorted(folder.glob("*.ipynb")))
        raise SystemExit(f"No lesson '{number}'. Choose one of: {known}.")
    return matches[0]


def session_language() -> str:
    """The language of `present` and `classroom` when no --language is given: KIT_LANGUAGE when it names one
    the kit speaks, else English, as the kit's other commands read it (`simulation.language`)."""
    language = os.environ.get("KIT_LANGUAGE", "")
    return language if language in LANGUAGES else "en"


def present_environment(args: list[str]) -> tuple[list[str], dict[str, str]]:
    """`present`'s own options: the lesson number and --language; the rest goes to Voilà."""
    rest, language = list(args), session_language()
    if "--language" in rest:
        at = rest.index("--language")
        language = rest[at + 1] if at + 1 < len(rest) else ""
        del rest[at:at + 2]
        if language not in LANGUAGES:
            raise SystemExit(f"--language must be 'en' or 'nl'. Got {language!r} instead.")
    return rest, {**os.environ, "KIT_LANGUAGE": language}


CLASSROOM_GAME = "classroom.game"
CLASSROOM_PORT = 8765
THIS_COMPUTER, ALL_NETWORKS = "127.0.0.1", "0.0.0.0"


def _team_count_or_names(value: str) -> str:
    """--teams: a number of teams (1 or more) or their names separated by commas; the game checks the rest."""
    typed = value.strip()
    if typed.isdigit() and int(typed) >= 1:
        return typed
    names = typed.split(",")
    if len(names) > 1 and all(name.strip() for name in names):  # two or more names; one team is --teams 1
        return typed
    raise argparse.ArgumentTypeError(
        f"give a number of teams, 1 or more (--teams 4), or their names separated by commas "
        f"(--teams Rood,Blauw,Groen); got {value!r}")


def _port(value: str) -> int:
    if value.strip().isdigit() and 1 <= int(value) <= 65535:
        return int(value)
    raise argparse.ArgumentTypeError(f"give a port number from 1 to 65535 (--port {CLASSROOM_PORT}); got {value!r}")


def classroom_options(args: list[str]) -> argparse.Namespace:
    """`classroom`'s options; a wrong one exits with status 2 and a line that says what is allowed."""
    parser = argparse.ArgumentParser(
        prog="python kit.py classroom",
        description="Serve the classroom game: teams and the trainer open one address and log in with their code.")
    parser.add_argument("game", nargs="?", default=CLASSROOM_GAME,
                        help=f"the game file; created when it does not exist (default: {CLASSROOM_GAME})")
    parser.add_argument("--teams", type=_team_count_or_names, default="4",
                        help="for a new game: how many teams (default 4) or their names, e.g. Rood,Blauw,Groen")
    parser.add_argument("--settings", help="for a new game: a settings file (.toml or .json)")
    parser.add_argument("--language", choices=LANGUAGES, default=session_language(),
                        help="the pages' and this terminal's language (default: KIT_LANGUAGE, else en)")
    parser.add_argument("--lan", action="store_true",
                        help="serve the classroom network (students' devices), not only this computer")
    parser.add_argument("--port", type=_port, default=CLASSROOM_PORT, help=f"default {CLASSROOM_PORT}")
    options = parser.parse_args(args)
    options.game = Path(options.game).expanduser().resolve()
    options.host = ALL_NETWORKS if options.lan else THIS_COMPUTER
    return options


def lan_address() -> str | None:
    """This computer's address on the classroom network, or None without one. Connecting a UDP socket only
    picks the interface a packet would leave by; nothing is sent."""
    for probe in ("10.255.255.255", "192.168.255.255", "8.8.8.8"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 1))
                address = sock.getsockname()[0]
        except OSError:
            continue
        if address and not address.startswith(("127.", "0.")):
            return address
    try:
        address = socket.gethostbyname(socket.gethostname())
    except OSError:
        return None
    return None if address.startswith(("127.", "0.")) else address


def classroom_address(options: argparse.Namespace) -> str:
    """The address students open: this computer's classroom-network address with --lan, else loopback."""
    host = (lan_address() or THIS_COMPUTER) if options.lan else THIS_COMPUTER
    return f"http://{host}:{options.port}/"


def classroom_environment(options: argparse.Namespace, address: str) -> dict[str, str]:
    """What the page server needs to know: the game, the language, the address to show; no usage reports."""
    return {**os.environ, "KIT_GAME": str(options.game), "KIT_LANGUAGE": options.language,
            "KIT_CLASSROOM_ADDRESS": address, "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False"}


def open_classroom(options: argparse.Namespace, address: str, python: Path) -> int:
    """Create the game unless it exists (else reuse it) and print, in the game's language, the team codes, the
    trainer code and where to go, with the address as a QR code to scan from the projected terminal."""
    reach = "this-computer" if not options.lan else (
        "no-network" if address.startswith(f"http://{THIS_COMPUTER}:") else "classroom")
    command = [str(python), "-m", "simulation", "game", "open", str(options.game), "--teams", options.teams,
               "--address", address, "--reach", reach, "--language", options.language]
    if options.settings:
        command += ["--settings", options.settings]
    return subprocess.run(command).returncode


def command_for(action: str, args: list[str], python: Path, language: str = "en") -> list[str]:
    """The command that carries out `action` inside the environment."""
    if action == "present":
        # The lesson run top to bottom and shown without its code, in the language's own version (the
        # Dutch lessons in notebooks/nl have Dutch text); panels work as in the notebook.
        lesson, rest = (args[0], args[1:]) if args and not args[0].startswith("-") else ("00", args)
        return [str(python), "-m", "voila", str(lesson_path(lesson, language)), "--theme=light", *rest]
    if action == "classroom":
        # The classroom pages, one per browser tab, served by Solara for as long as the class plays.
        options = classroom_options(args)
        return [str(python), "-m", "solara", "run", "simulation.game.solara_app:page", "--production",
                "--host", options.host, "--port", str(options.port), "--no-check-version"]
    if action == "start":
        # Serve the whole kit (lessons and exercises) and open the first lesson. JupyterLab refuses
        # to run as root unless told to, and then exits with status 1 and no hint.
        root = ["--allow-root"] if running_as_root() and "--allow-root" not in args else []
        return [str(python), "-m", "jupyterlab", f"--ServerApp.root_dir={ROOT}", *root,
                f"--LabApp.default_url=/lab/tree/{FIRST_LESSON.as_posix()}", *args]
    if action == "test":
        # --dist loadfile keeps each notebook's cells on one worker, in one kernel, in order.
        return [str(python), "-m", "pytest", "-n", "auto", "--dist", "loadfile", *args]
    return [str(python), "-m", "simulation", action, *args]


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):
        print(f"The kit needs Python 3.11 or newer; this is {sys.version.split()[0]}.", file=sys.stderr)
        return 2
    if argv[:1] in (["help"], ["-h"], ["--help"]):
        print(USAGE)
        return 0
    action, args = (argv[0], argv[1:]) if argv and not argv[0].startswith("-") else ("start", argv)
    options = classroom_options(args) if action == "classroom" else None  # a typo stops before installing
    try:
        python = ensure_installed("test" if action == "test" else "")
    except subprocess.CalledProcessError as error:
        print(f"Installing failed (exit {error.returncode}); see the messages above.", file=sys.stderr)
        return 1
    try:
        # Lab and tests run in the kit's folder; the command line where the user is, so relative
        # --scenario and --export paths mean what the user expects.
        folder = ROOT if action in ("start", "test", "present") else None
        if action == "start" and running_as_root():
            print("Running as root (a container or VM?): JupyterLab starts with --allow-root.", flush=True)
        if options is not None:
            return run_classroom(options, args, python)
        args, environment = present_environment(args) if action == "present" else (args, None)
        language = environment["KIT_LANGUAGE"] if environment else "en"
        return subprocess.run(command_for(action, args, python, language), cwd=folder, env=environment).returncode
    except KeyboardInterrupt:
        return 130


def run_classroom(options: argparse.Namespace, args: list[str], python: Path) -> int:
    """Prepare the game, say where to go, and serve it until Ctrl+C."""
    address = classroom_address(options)
    opened = open_classroom(options, address, python)
    if opened != 0:
        return opened
    return subprocess.run(command_for("classroom", args, python), cwd=ROOT,
                          env=classroom_environment(options, address)).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
