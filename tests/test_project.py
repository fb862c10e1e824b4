"""The project's front door stays true: README commands, CI, dependency lists, generated docs."""

from __future__ import annotations

import importlib
import re
import signal
import sys
import tomllib
from pathlib import Path

import pytest

import kit
from simulation import PARAMETERS
from simulation.cli import build_parser
from simulation.lessons import dutch_path, english_lessons
from simulation.reference import documented_constants, model_constants_markdown, parameter_reference_markdown
from simulation.termination import QUIET_START

ROOT = Path(__file__).resolve().parents[1]


def _requirement_name(requirement: str) -> str:
    return re.split(r"[<>=\[ ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_runtime_dependencies_as_pyproject():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = {_requirement_name(r): r for r in pyproject["project"]["dependencies"]}
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    dependencies = text.split("dependencies:", 1)[1].split("- pip:", 1)[0]
    conda = {}
    for match in re.finditer(r"^\s+- (\S+)$", dependencies, re.M):
        if _requirement_name(match.group(1)) not in ("python", "pip"):
            conda[_requirement_name(match.group(1))] = match.group(1)
    assert conda.keys() == runtime.keys()
    for name, requirement in runtime.items():  # same lower bounds too
        assert requirement.replace(" ", "") == conda[name].replace(" ", ""), name


def test_ci_runs_exactly_the_test_command_the_readme_gives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```\w*\n(.*?)```", readme, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert len(commands) == 2, "the README opens with two commands: start the kit, run the tests"
    start, test = commands
    assert start == "python3 kit.py" and test == "python3 kit.py test"
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert test in ci


def test_the_readmes_scenario_file_loads_over_a_preset(tmp_path):
    """The hand-written scenario file the README shows is one the kit reads, and it changes what it says."""
    from simulation import preset
    from simulation.scenario_files import load_scenario

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (document,) = re.findall(r"```toml\n(.*?)```", readme, re.S)
    (tmp_path / "mine.toml").write_text(document.replace("\n  ", "\n"), encoding="utf-8")
    scenario = load_scenario(tmp_path / "mine.toml", preset("honest_promise"))
    assert scenario.name == "Spin, honest buffer" and scenario["funnel.sales_method"] == "spin"
    assert scenario["organisation.key_account_managers"] == 4
    assert scenario["satisfaction.expectation_management"] == 0.8  # the preset's (the baseline has 0.0)


def test_kit_start_opens_the_first_lesson_and_test_runs_pytest(tmp_path):
    python = kit.venv_python(tmp_path)
    assert kit.command_for("start", [], python)[-1].endswith("/lab/tree/notebooks/00_start_here.ipynb")
    assert kit.command_for("start", [], python, "nl")[-1].endswith("/lab/tree/notebooks/nl/00_start_here.ipynb")
    english = ROOT / kit.FIRST_LESSON["en"]
    assert english in english_lessons() and ROOT / kit.FIRST_LESSON["nl"] == dutch_path(english)
    assert dutch_path(english).exists()
    assert kit.command_for("test", ["-x"], python)[1:4] == ["-m", "pytest", "-n"]
    assert kit.command_for("run", ["--json"], python)[1:] == ["-c", QUIET_START, "simulation", "run", "--json"]
    assert kit.command_for("present", ["03"], python)[1:] == ["-c", QUIET_START, "simulation", "present", "03"]
    assert kit.command_for("start", [], python)[1:4] == ["-c", QUIET_START, "jupyterlab"]


@pytest.mark.parametrize("module", ["shows", "package"])  # a module, and a package with a __main__ (the kit's own)
def test_a_module_command_runs_as_python_m_does(tmp_path, module):
    import subprocess

    from simulation.termination import module_command

    shows = ("import sys\nprint(__name__, __spec__.name, sys.argv[1:], sys.argv[0].split('package')[-1],"
             " sys.path[0])\n")
    (tmp_path / "shows.py").write_text(shows)
    (tmp_path / "package").mkdir()
    (tmp_path / "package" / "__init__.py").write_text("")
    (tmp_path / "package" / "__main__.py").write_text(shows)

    def run(command):
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True).stdout

    quiet = run(module_command(sys.executable, module, "--port", "9000"))
    assert quiet == run([sys.executable, "-m", module, "--port", "9000"])
    assert str(tmp_path) in quiet and "'--port', '9000'" in quiet and quiet.startswith("__main__ ")


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT, as a terminal's Ctrl-C does")
@pytest.mark.parametrize(("quiet", "status"), [(True, 130), (False, -signal.SIGINT)])
def test_a_ctrl_c_while_a_command_still_imports_ends_it_without_a_traceback(tmp_path, quiet, status):
    """JupyterLab, Voilà, Solara and the kit import for seconds before they handle Ctrl-C themselves; a Ctrl-C
    then showed the traceback of the import (as `python -m` still does: the second case)."""
    import subprocess

    from simulation.termination import module_command

    (tmp_path / "slow_start.py").write_text("import time\nprint('importing', flush=True)\ntime.sleep(60)\n")
    command = module_command(sys.executable, "slow_start") if quiet else [sys.executable, "-m", "slow_start"]
    child = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "importing\n"
    child.send_signal(signal.SIGINT)
    stderr = child.communicate(timeout=30)[1]
    assert child.returncode == status  # Python ends an unhandled Ctrl-C by SIGINT itself
    assert ("Traceback" in stderr) is not quiet, stderr


def test_kit_reinstalls_only_when_the_project_file_or_extras_change():
    assert kit.install_stamp("test") == kit.install_stamp("test") != kit.install_stamp("")


@pytest.mark.parametrize(("session", "said"), [("", "The kit needs Python 3.11"), ("de", "The kit needs Python 3.11"),
                                               ("nl", "De kit heeft Python 3.11 of nieuwer nodig")])
def test_kit_refuses_old_python_in_the_sessions_language(monkeypatch, capsys, session, said):
    monkeypatch.setenv("KIT_LANGUAGE", session)
    monkeypatch.setattr(kit.sys, "version_info", (3, 10, 0))
    assert kit.main([]) == 2
    assert said in capsys.readouterr().err


@pytest.mark.parametrize(("session", "typed", "language"), [("en", [], "en"), ("nl", [], "nl"),
                                                           ("en", ["--language", "nl"], "nl"),
                                                           ("nl", ["--language=en"], "en")])
def test_kit_help_names_commands_the_kit_has_in_the_language_asked(monkeypatch, capsys, session, typed, language):
    """kit.py's usage comes from the text table (read by path, before the kit is installed): every command it
    names must exist, so the usage cannot drift from the command line. --language wins over KIT_LANGUAGE."""
    monkeypatch.setenv("KIT_LANGUAGE", session)
    assert kit.main(["help", *typed]) == 0
    usage = capsys.readouterr().out
    assert ("installeer" in usage) == (language == "nl") and ("install the test tools" in usage) == (language == "en")
    commands = build_parser()._subparsers._group_actions[0].choices
    named = {word for line in re.findall(r"kit\.py ([a-z|]+)", usage) for word in line.split("|")}
    assert named - {"test"} == set(commands)


def test_the_course_domain_the_code_cites_ships_as_the_course_team_keeps_it():
    """Code, tests and docs/model.md cite 'DOMAIN.md §5'; a clone holds it as docs/DOMAIN.md, the same text as the
    course team's copy beside the repository (../shared in CI, where this test cannot be skipped)."""
    shipped = ROOT / "docs" / "DOMAIN.md"
    assert shipped.is_file() and "](DOMAIN.md)" in (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    kept = ROOT.parent / "shared" / "DOMAIN.md"
    if not kept.is_file():
        pytest.skip("no course team's copy beside this clone to compare with (CI has one)")
    assert shipped.read_text(encoding="utf-8") == kept.read_text(encoding="utf-8"), \
        "the course team changed DOMAIN.md: copy ../shared/DOMAIN.md to docs/DOMAIN.md and read what changed"


def test_parameter_reference_is_generated_from_the_table():
    assert (ROOT / "docs" / "parameters.md").read_text(encoding="utf-8") == parameter_reference_markdown(), \
        "regenerate with: python -m simulation params --markdown > docs/parameters.md"


@pytest.mark.parametrize("spec", PARAMETERS, ids=lambda s: s.name)
def test_model_reference_explains_every_parameter(spec):
    assert f"`{spec.name}`" in (ROOT / "docs" / "model.md").read_text(encoding="utf-8")


def test_model_reference_constants_are_generated_from_the_model():
    """docs/model.md §3.4 is the block `python -m simulation params --model-constants` prints, so it cannot drift."""
    documented = documented_constants((ROOT / "docs" / "model.md").read_text(encoding="utf-8"))
    assert documented == model_constants_markdown(), "regenerate the block with params --model-constants"


@pytest.fixture
def kit_started(monkeypatch, fake_process):
    """kit.py with the kit installed and its command a fake child: `kit_started(stops, status)` gives the list of
    children kit.py starts, each meeting `stops` and ending with `status` (`FakeProcess`)."""
    def started(stops=(), status=0):
        children = []
        monkeypatch.setattr(kit, "ensure_installed", lambda extras="", language="en": Path(sys.executable))
        monkeypatch.setattr(kit.subprocess, "Popen", lambda command, cwd, env: children.append(
            fake_process(command, cwd, env, stops=list(stops), status=status)) or children[-1])
        return children

    return started


@pytest.mark.parametrize(("action", "folder"), [("start", ROOT), ("test", ROOT), ("classroom", None),
                                                ("present", None), ("run", None)])
def test_kit_hands_over_waits_through_ctrl_c_and_returns_the_commands_status(kit_started, action, folder):
    """The kit's commands run where the user is (a relative game or export path), Lab and the tests in the kit;
    Ctrl+C does not make kit.py kill the command (it stops in its own time: Lab asks, an experiment cleans up)."""
    children = kit_started(stops=[KeyboardInterrupt], status=3)
    assert kit.main([action, "x"]) == 3
    (child,) = children
    assert child.cwd == folder and not child.stops and not child.terminated and "x" in child.command


@pytest.mark.parametrize(("session", "typed", "language"), [("", [], "en"), ("nl", [], "nl"),
                                                           ("", ["--language", "nl"], "nl"),
                                                           ("nl", ["--lang=en"], "en"), ("de", ["--language", "nl"], "nl")])
def test_kit_opens_the_lessons_in_the_language_asked(monkeypatch, kit_started, capsys, session, typed, language):
    """`kit.py --language nl` opens the Dutch lessons with Dutch panels (JupyterLab itself would only warn that
    --language 'will have no effect'); without it the session's language decides, as for the kit's commands."""
    monkeypatch.setenv("KIT_LANGUAGE", session)
    monkeypatch.setattr(kit, "running_as_root", lambda: True)
    children = kit_started()
    assert kit.main([*typed, "--no-browser"]) == 0
    (child,) = children
    assert child.command[-2:] == [f"--LabApp.default_url=/lab/tree/{kit.FIRST_LESSON[language].as_posix()}",
                                  "--no-browser"]  # --language is kit.py's, not JupyterLab's
    assert child.env["KIT_LANGUAGE"] == language  # every lesson's panels start in it
    assert ("De kit draait als root" in capsys.readouterr().out) == (language == "nl")


@pytest.mark.parametrize(("argv", "command", "folder"), [
    (["run", "--language", "nl", "--years", "3"],
     ["-c", QUIET_START, "simulation", "run", "--language", "nl", "--years", "3"], None),
    (["--language", "nl", "run", "--years", "3"],
     ["-c", QUIET_START, "simulation", "run", "--language", "nl", "--years", "3"], None),
    (["present", "03", "--language=xx"], ["-c", QUIET_START, "simulation", "present", "03", "--language=xx"],
     None),  # its own
    (["test", "--language", "nl", "-x"], ["-m", "pytest", "-n", "auto", "--dist", "loadfile", "-x"], ROOT),
    (["--lang", "nl", "test"], ["-m", "pytest", "-n", "auto", "--dist", "loadfile"], ROOT),
])
def test_kit_passes_language_on_to_the_kits_commands_and_keeps_it_from_pytest(kit_started, argv, command, folder):
    """The kit's commands read --language themselves (typed before or after the command); pytest would refuse it,
    and no command but the lessons gets KIT_LANGUAGE set by kit.py."""
    children = kit_started()
    assert kit.main(argv) == 0
    (child,) = children
    assert child.command[1:] == command and child.cwd == folder and child.env is None


@pytest.mark.parametrize("argv", [["--language", "nl", "--help"], ["--language=nl", "help"], ["-h", "--lang", "nl"]])
def test_kit_help_in_dutch_whatever_the_order(monkeypatch, capsys, argv):
    monkeypatch.setenv("KIT_LANGUAGE", "en")
    monkeypatch.setattr(kit, "ensure_installed", lambda extras="", language="en": pytest.fail("installed"))
    assert kit.main(argv) == 0
    assert "installeer de testtools" in capsys.readouterr().out


@pytest.mark.parametrize(("typed", "said"), [(["--language", "fr"], "error: The 'language' argument must be one "
                                                                   "of 'en', 'nl'. Got 'fr' instead."),
                                             (["--language=nl", "--language", "EN"], "fout: De taal moet 'en' (Engels) "
                                                                                     "of 'nl' (Nederlands) zijn. Je "
                                                                                     "gaf 'EN'."),
                                             (["--language"], "Got '' instead."),
                                             (["--language", "--no-browser"], "Got '' instead."),
                                             (["test", "--language", "de"], "Got 'de' instead."),
                                             (["help", "--language", "de"], "Got 'de' instead.")])
def test_kit_refuses_a_language_it_does_not_speak_before_installing(monkeypatch, capsys, typed, said):
    monkeypatch.setenv("KIT_LANGUAGE", "")
    monkeypatch.setattr(kit, "ensure_installed", lambda extras="", language="en": pytest.fail("installed"))
    assert kit.main(typed) == 2
    told = capsys.readouterr()
    assert told.err.rstrip().endswith(said) and told.err.count("\n") == 1 and not told.out  # one line, no traceback


def test_kit_stops_the_command_with_it_on_sigterm(kit_started):
    """A SIGTERM for kit.py (`kill`, `timeout`) is passed on, so the command does not outlive it; kit.py then
    exits with 143, as the kit's commands do."""
    children = kit_started(stops=[KeyboardInterrupt, signal.SIGTERM], status=3)
    handler = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit) as stopped:
        kit.main(["start"])
    (child,) = children
    assert stopped.value.code == 143 and child.terminated and child.ended
    assert signal.getsignal(signal.SIGTERM) is handler  # kit.py's own handler is gone with the command


def test_kit_is_stopped_while_installing_without_a_traceback(monkeypatch):
    def interrupted(extras="", language="en"):
        raise KeyboardInterrupt

    monkeypatch.setattr(kit, "ensure_installed", interrupted)
    assert kit.main(["run"]) == 130


@pytest.mark.parametrize(("root", "expected"), [(True, True), (False, False)])
def test_kit_starts_jupyterlab_as_root_with_allow_root(monkeypatch, tmp_path, root, expected):
    monkeypatch.setattr(kit, "running_as_root", lambda: root)
    command = kit.command_for("start", [], kit.venv_python(tmp_path))
    assert ("--allow-root" in command) is expected
    assert command.count("--allow-root") == (1 if root else 0)
    given = kit.command_for("start", ["--allow-root"], kit.venv_python(tmp_path))
    assert given.count("--allow-root") == 1  # not twice when the user gives it too


@pytest.mark.parametrize("script", sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py")))
def test_every_benchmark_script_imports(script, monkeypatch):
    """A benchmark is only run by hand, so a renamed helper would break it unseen: each must at least import."""
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    module = importlib.import_module(script)
    assert callable(getattr(module, "run", None) or getattr(module, "main", None))
