"""One-step start for the B2B sales simulation kit, on Windows, macOS and Linux.

    python kit.py            install (first time) and open the lessons in JupyterLab
    python kit.py test       install the test tools and run the whole test suite
    python kit.py run ...    the command line, e.g. `python kit.py run --preset over_promise`
    python kit.py present 03 [--language nl]   a lesson as a page without code (Voilà), for projecting

It needs nothing but Python 3.11+: it makes a private virtual environment in
`.venv` next to this file and installs the kit there, again only when
pyproject.toml changed. No make, bash or conda needed (conda users can also
use environment.yml, see the README).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
FIRST_LESSON = Path("notebooks") / "00_start_here.ipynb"
INCLUDES = {"": ("", "test"), "test": ("test",)}  # an install with the test tools also serves the plain start
USAGE = __doc__.split("\n\n")[1]


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


def lesson_path(number: str) -> Path:
    """The lesson whose file name starts with `number` ('03' or '3'), or a clear message."""
    matches = sorted((ROOT / "notebooks").glob(f"{number.zfill(2)}_*.ipynb"))
    if not matches:
        known = ", ".join(path.name[:2] for path in sorted((ROOT / "notebooks").glob("*.ipynb")))
        raise SystemExit(f"No lesson '{number}'. Choose one of: {known}.")
    return matches[0]


def present_environment(args: list[str]) -> tuple[list[str], dict[str, str]]:
    """`present`'s own options: the lesson number and --language; the rest goes to Voilà."""
    rest, language = list(args), "en"
    if "--language" in rest:
        at = rest.index("--language")
        language = rest[at + 1] if at + 1 < len(rest) else ""
        del rest[at:at + 2]
        if language not in ("en", "nl"):
            raise SystemExit(f"--language must be 'en' or 'nl'. Got {language!r} instead.")
    return rest, {**os.environ, "KIT_LANGUAGE": language}


def command_for(action: str, args: list[str], python: Path) -> list[str]:
    """The command that carries out `action` inside the environment."""
    if action == "present":
        # The lesson run top to bottom and shown without its code; panels work as in the notebook.
        lesson, rest = (args[0], args[1:]) if args and not args[0].startswith("-") else ("00", args)
        return [str(python), "-m", "voila", str(lesson_path(lesson)), "--theme=light", *rest]
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
        args, environment = present_environment(args) if action == "present" else (args, None)
        return subprocess.run(command_for(action, args, python), cwd=folder, env=environment).returncode
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
