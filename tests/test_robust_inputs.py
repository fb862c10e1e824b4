"""The bad inputs of issue 13, one test each: the command line exits 2 with one clear line on
stderr (no traceback, nothing simulated or written first); the Python API raises ScenarioError
(never RecursionError, MemoryError, AttributeError, TypeError or a ValueError from repr)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from pathlib import Path

import openpyxl
import pytest

from simulation import Scenario, ScenarioError, load_scenario, simulate
from simulation.cli import main
from simulation.experiment import executors, load_experiment, replicate, save_experiment, sensitivity, sweep
from simulation.experiment.budget import check_budget, estimate, leads_per_month, load_factor, run_seconds
from simulation.files import MANIFEST
from simulation.parameters import SPECS

TINY = ["--years", "1", "--set", "accounts.initial_customers=20", "--set", "market.inbound_leads_per_month=3"]
SMALL = Scenario({"run.years": 1, "accounts.initial_customers": 20, "market.inbound_leads_per_month": 3.0},
                 name="small")


def _refused(capsys, argv: list[str], message: str, seconds: float = 15.0) -> str:
    """Exit 2, one line on stderr holding `message`, nothing on stdout, and quickly: no run first (what is
    refused here would run for minutes; 15 s leaves room for a busy CI machine)."""
    start = time.perf_counter()
    code = main(argv)
    took = time.perf_counter() - start
    captured = capsys.readouterr()
    assert code == 2, captured
    assert message in captured.err and "Traceback" not in captured.err, captured.err
    assert len(captured.err.strip().splitlines()) == 1 and not captured.out
    assert took < seconds, f"refused only after {took:.1f} s"
    return captured.err


# ---- scenario files -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text", [
    ("deep.json", "[" * 100_000),
    ("deep.toml", "a = " + "[" * 100_000),
    ("tables.toml", "a = " + "{x = " * 5_000),
], ids=["json-arrays", "toml-arrays", "toml-inline-tables"])
def test_deeply_nested_scenario_files_are_refused_not_a_recursion_error(capsys, tmp_path, name, text):
    (tmp_path / name).write_text(text)
    _refused(capsys, ["run", "--scenario", str(tmp_path / name)], "nested too deeply")


def test_dev_zero_or_a_pipe_as_a_scenario_file_is_refused_without_reading(capsys, tmp_path):
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    _refused(capsys, ["run", "--scenario", str(tmp_path / "zero.json")], "is not a plain file")
    os.mkfifo(tmp_path / "pipe.toml")
    _refused(capsys, ["run", "--scenario", str(tmp_path / "pipe.toml")], "is not a plain file")


def test_dev_zero_as_an_experiment_workbook_is_refused(tmp_path):
    (tmp_path / "zero.xlsx").symlink_to("/dev/zero")
    with pytest.raises(ScenarioError, match="is not a plain file"):
        load_experiment(tmp_path / "zero.xlsx")


def test_a_huge_scenario_file_is_refused(tmp_path):
    path = tmp_path / "huge.json"
    path.write_text(json.dumps({"name": "x" * 2_000_000}))
    with pytest.raises(ScenarioError, match="larger than 1 MB"):
        load_scenario(path)


def test_a_yaml_file_is_told_its_suffix_not_that_it_is_bad_yaml(capsys, tmp_path):
    (tmp_path / "s.yaml").write_text('{"run": {"years": 1}}')
    error = _refused(capsys, ["run", "--scenario", str(tmp_path / "s.yaml")], "must end in one of .json, .toml")
    assert "YAML" not in error


def test_a_scenario_file_whose_name_holds_a_terminal_escape_is_refused(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"name": "\x1b[2Jcleared", "run": {"years": 1}}))
    with pytest.raises(ScenarioError, match="control characters"):
        load_scenario(path)


# ---- run options ----------------------------------------------------------------------------------------------

def test_set_run_years_abc_is_refused_even_with_years(capsys):
    _refused(capsys, ["run", "--set", "run.years=abc", "--years", "1"], "Got 'abc' instead")


def test_an_empty_export_name_is_refused(capsys):
    _refused(capsys, ["run", *TINY, "--export", ""], "needs a file name")


def test_a_bad_export_suffix_is_refused_before_simulating_or_saving_the_scenario(capsys, tmp_path):
    saved = tmp_path / "s.json"
    _refused(capsys, ["run", *TINY, "--export", str(tmp_path / "out.pdf"), "--save-scenario", str(saved)],
             "must end in one of .csv, .xlsx, .json", seconds=0.5)
    assert not saved.exists()


def test_an_export_into_a_missing_folder_names_the_path_and_the_reason(capsys, tmp_path):
    target = tmp_path / "missing" / "out.xlsx"
    error = _refused(capsys, ["run", *TINY, "--export", str(target)], "does not exist", seconds=0.5)
    assert str(target) in error and "None" not in error


def test_saving_a_scenario_over_a_folder_is_refused(capsys, tmp_path):
    (tmp_path / "s.json").mkdir()
    _refused(capsys, ["run", *TINY, "--save-scenario", str(tmp_path / "s.json")], "is a folder", seconds=0.5)


def test_a_terminal_escape_typed_in_a_key_is_shown_not_executed(capsys):
    error = _refused(capsys, ["run", "--set", "\x1b[31mkey=1"], "Unknown parameter")
    assert "\x1b" not in error and "\\x1b" in error


# ---- experiments ----------------------------------------------------------------------------------------------

def test_a_billion_replications_is_refused_not_a_memory_error(capsys):
    _refused(capsys, ["experiment", "replicate", *TINY, "-n", "1000000000"], "from 1 to 100,000")


def test_a_billion_replications_through_the_api():
    with pytest.raises(ScenarioError, match="from 1 to 100,000"):
        replicate(SMALL, 10**9)


def test_a_160000_point_sweep_is_refused(capsys):
    values = ",".join(f"{0.5 + i / 400:.4f}" for i in range(400))
    buffers = ",".join(f"{i / 400:.4f}" for i in range(400))
    _refused(capsys, ["experiment", "sweep", *TINY, "-n", "1", "--param", f"market.competitor_intensity={values}",
                      "--param", f"funnel.promise_buffer={buffers}"], "160,000 grid points")


def test_a_long_experiment_gives_an_estimate_and_needs_yes(capsys, monkeypatch):
    monkeypatch.setattr(executors, "local_cores", lambda: 2)
    error = _refused(capsys, ["experiment", "replicate", "--years", "10", "-n", "5000", "--workers", "2"],
                     "5,000 runs of 10 years")
    assert "about 42 min on 2 workers" in error and "--yes" in error


def test_insisting_runs_a_long_experiment(monkeypatch):
    monkeypatch.setattr("simulation.experiment.budget.LONG_SECONDS", 0.0)
    with pytest.raises(ScenarioError, match="force=True"):
        replicate(SMALL, 2, workers=1)
    assert len(replicate(SMALL, 2, workers=1, force=True).runs) == 2


#: The knobs that bring the model work: every one at the top of its range in the parameter table.
LOAD_KNOBS = ("market.campaign_spend_per_month", "market.leads_per_1000_euro", "market.inbound_leads_per_month",
              "accounts.initial_customers")
MAX_LOAD = [argument for name in LOAD_KNOBS for argument in ("--set", f"{name}={SPECS[name].high:g}")]


def test_the_estimate_grows_with_the_scenarios_load():
    """A simulated year with every load knob at its maximum took ~11 s here (default ~0.1 s): so must the estimate."""
    busy = Scenario({name: SPECS[name].high for name in LOAD_KNOBS})
    assert load_factor(Scenario()) == pytest.approx(1.0) and run_seconds(Scenario()) == pytest.approx(0.3)
    assert run_seconds(busy) >= 50 * run_seconds(Scenario())
    assert estimate(30, 3, 2, work_years=3 * load_factor(busy))[0] >= 50 * estimate(30, 3, 2)[0]
    assert leads_per_month(busy) == pytest.approx(200 * 40 + 500 + 5000 * 0.2 * 3 / 12 * 0.25)


def test_a_huge_load_experiment_is_stopped_with_an_honest_estimate(capsys, monkeypatch):
    monkeypatch.setattr(executors, "local_cores", lambda: 2)
    error = _refused(capsys, ["experiment", "replicate", "--years", "10", "-n", "30", "--workers", "2", *MAX_LOAD],
                     "30 runs of 10 years with up to about 8,562 leads a month: about ")
    assert "min on 2 workers" in error and "--yes" in error
    check_budget(30, 10, 2)  # the same experiment of the default scenario: about 2 minutes, it just runs


class _Stop(Exception):
    """Raised instead of running the model: only what comes before the run matters here."""


def test_a_long_single_run_is_announced_before_it_starts(capsys, monkeypatch):
    def stop(*_args, **_kwargs):
        raise _Stop

    monkeypatch.setattr("simulation.cli.simulate", stop)
    with pytest.raises(_Stop):
        main(["run", *MAX_LOAD])  # 3 years, estimated at about half a minute
    err = capsys.readouterr().err
    assert re.fullmatch(r"This scenario brings about 8,562 leads a month; a 3-year run takes about \d+ s\.\n", err)
    with pytest.raises(_Stop):
        main(["run", *MAX_LOAD, "--years", "20", "--language", "nl"])
    assert re.fullmatch(r"Dit scenario brengt zo'n 8\.562 leads per maand; een run van 20 jaar duurt ongeveer "
                        r"\d+ min\.\n", capsys.readouterr().err)
    monkeypatch.undo()
    assert main(["run", "--years", "1"]) == 0  # the default scenario: no notice, it is done at once
    assert capsys.readouterr().err == ""


def test_more_workers_than_cores_is_refused_unless_insisted(capsys, monkeypatch):
    monkeypatch.setattr(executors, "local_cores", lambda: 2)
    _refused(capsys, ["experiment", "replicate", *TINY, "-n", "2", "--workers", "24"], "24 workers on 2 cores")
    assert executors.worker_count(3, runs=2, run_years=1, force=True) == 3


def test_more_workers_than_a_pool_takes_is_refused_even_when_insisting(capsys):
    _refused(capsys, ["experiment", "replicate", *TINY, "-n", "2", "--workers", "100", "--yes"], "at most 61")


def test_an_empty_out_name_is_refused(capsys):
    _refused(capsys, ["experiment", "replicate", *TINY, "-n", "2", "--out", ""], "or a .xlsx file. Got ''.")


def test_out_into_a_missing_folder_is_refused_before_running(capsys, tmp_path):
    _refused(capsys, ["experiment", "replicate", *TINY, "-n", "50", "--out", str(tmp_path / "no" / "x.xlsx")],
             "does not exist", seconds=0.5)


def test_out_over_a_folder_of_the_users_own_files_is_refused(capsys, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    _refused(capsys, ["experiment", "replicate", *TINY, "-n", "50", "--out", str(tmp_path / "mine")],
             "holds other files (notes.txt)", seconds=0.5)
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


# ---- the Python API -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("call, message", [
    (lambda: simulate(123), "Got 123 instead"),
    (lambda: Scenario({"run.years": 10**5000}), "an integer with about 5000 digits"),
    (lambda: Scenario({10**5000: 1}), "Parameter names are text"),
    (lambda: Scenario(name=["x"]), "name must be text. Got ['x']"),
    (lambda: Scenario(name="\x1b[31mred"), "control characters"),
    (lambda: simulate(SMALL, seed=10**5000), "below 2**128"),
    (lambda: sweep(SMALL, {"market.competitor_intensity": [1.0] * 20_000}, 1), "20,000 = 20,000 grid points"),
], ids=["simulate-int", "huge-value", "huge-key", "name-list", "name-ansi", "huge-seed", "long-sweep-axis"])
def test_api_mistakes_raise_scenario_error(call, message):
    with pytest.raises(ScenarioError) as caught:
        call()
    assert message in str(caught.value)


# ---- crafted or damaged experiment folders -------------------------------------------------------------------

@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    folder = tmp_path_factory.mktemp("saved") / "run"
    return save_experiment(replicate(SMALL, 2, seed=7), folder)


def _copy(saved: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    copy.mkdir()
    for file in saved.iterdir():
        (copy / file.name).write_bytes(file.read_bytes())
    return copy


def _forge(folder: Path, edit) -> None:
    """Edit the record as an attacker would, and write a matching manifest so only the checks of
    the record itself stand in the way."""
    meta = json.loads((folder / "experiment.json").read_text())
    edit(meta)
    (folder / "experiment.json").write_text(json.dumps(meta))
    files = {p.name: {"bytes": p.stat().st_size, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()}
             for p in sorted(folder.iterdir()) if p.name != MANIFEST}
    (folder / MANIFEST).write_text(json.dumps({"files": files}))


@pytest.mark.parametrize("edit, message", [
    (lambda m: m.update(scenarios=5), "'scenarios' must be a list"),
    (lambda m: m.update(dtypes={"runs": {"x": "datetime64[ns]"}, "monthly": {}}), "column types"),
    (lambda m: m["uncertain"].update({"market.competitor_intensity": {"distribution": "uniform", "low": "a"}}),
     "not a saved experiment"),
    (lambda m: m["seeds"].update(small=m["seeds"]["small"][::-1]), "replications and seeds of the record"),
    (lambda m: m["scenarios"][0]["values"].update({"run.years": 99}), "'run.years' parameter"),
], ids=["wrong-type", "foreign-dtype", "bad-assumption", "seeds-not-the-rows", "invalid-value"])
def test_a_crafted_record_is_refused(saved, tmp_path, edit, message):
    folder = _copy(saved, tmp_path)
    _forge(folder, edit)
    with pytest.raises(ScenarioError) as caught:
        load_experiment(folder)
    assert message in str(caught.value)


def test_a_folder_mixed_from_two_saves_is_refused(saved, tmp_path):
    """The issue's case: runs.csv from the seed-0 experiment next to the seed-7 record."""
    folder = _copy(saved, tmp_path)
    other = save_experiment(replicate(SMALL, 2, seed=0), tmp_path / "other")
    (folder / "runs.csv").write_bytes((other / "runs.csv").read_bytes())
    with pytest.raises(ScenarioError, match="not one complete save: runs.csv was changed or cut short"):
        load_experiment(folder)


def test_a_truncated_folder_is_refused(saved, tmp_path):
    folder = _copy(saved, tmp_path)
    text = (folder / "monthly.csv").read_bytes()
    (folder / "monthly.csv").write_bytes(text[: len(text) // 2])
    with pytest.raises(ScenarioError, match="monthly.csv was changed or cut short"):
        load_experiment(folder)
    (folder / "monthly.csv").unlink()
    with pytest.raises(ScenarioError, match="monthly.csv is missing"):
        load_experiment(folder)


@pytest.mark.parametrize("name, text, message", [
    (MANIFEST, "[" * 100_000, "nested too deeply"),
    (MANIFEST, '{"files": 5}', "unreadable manifest.json"),
    ("experiment.json", '{"a": ' * 100_000, "nested too deeply"),
], ids=["deep-manifest", "manifest-not-a-table", "deep-record"])
def test_crafted_manifest_or_record_files_are_refused(saved, tmp_path, name, text, message):
    folder = _copy(saved, tmp_path)
    (folder / name).write_text(text)
    with pytest.raises(ScenarioError, match=message):
        load_experiment(folder)


def test_a_folder_without_manifest_is_refused(saved, tmp_path):
    folder = _copy(saved, tmp_path)
    (folder / MANIFEST).unlink()
    with pytest.raises(ScenarioError, match="has no manifest.json"):
        load_experiment(folder)


def test_a_workbook_with_edited_rows_or_no_record_is_refused(tmp_path):
    path = save_experiment(replicate(SMALL, 2, seed=7), tmp_path / "x.xlsx")
    workbook = openpyxl.load_workbook(path)
    seed_column = [cell.column for cell in workbook["runs"][1] if cell.value == "seed"][0]
    workbook["runs"].cell(row=2, column=seed_column).value = 12345
    workbook.save(path)
    with pytest.raises(ScenarioError, match="replications and seeds of the record"):
        load_experiment(path)
    del workbook["experiment"]
    workbook.save(path)
    with pytest.raises(ScenarioError, match="is not a saved experiment"):
        load_experiment(path)


def test_a_megabyte_key_gives_a_short_message():
    with pytest.raises(ScenarioError) as caught:
        Scenario({"a" * 1_000_000: 1})
    assert str(caught.value).startswith("Unknown parameter 'aaaa") and len(str(caught.value)) < 200


@pytest.mark.parametrize("call, message", [
    (lambda: sweep(SMALL, 5), "A sweep must be given as a parameter and its values"),
    (lambda: sensitivity(SMALL, 5), "a list of names or a mapping"),
    (lambda: replicate(SMALL, 2, uncertain=[("market.competitor_intensity", (0.8, 1.2))]),
     "The uncertain assumptions must be given as ranges per parameter"),
    (lambda: replicate(SMALL, 2, executor=5), "concurrent.futures executor"),
], ids=["sweep-grid", "sensitivity-parameters", "uncertain-list", "executor"])
def test_wrong_types_in_experiment_calls_raise_scenario_error(call, message):
    with pytest.raises(ScenarioError, match=re.escape(message)):
        call()


def test_a_terminal_escape_in_a_submitted_file_name_is_shown_not_executed(capsys, tmp_path):
    """A student names the submission; the trainer's terminal must not act on an ANSI escape in it."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "\x1b[2Jred.ipynb").write_bytes(b"")  # an empty file: refused without a kernel
    assert main(["grade", str(tmp_path / "in"), "--out", str(tmp_path / "book.csv"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err and "\\x1b[2Jred.ipynb: empty" in captured.out


# ---- the grading cache beside a gradebook --------------------------------------------------------------------

@pytest.mark.parametrize("text", ["[" * 100_000, "[]", '{"a": 5}', "not json"],
                         ids=["deeply-nested", "a-list", "foreign-entry", "not-json"])
def test_a_crafted_grading_cache_is_ignored_not_a_traceback(tmp_path, text):
    from simulation.grading.run import Cache, Outcome

    path = tmp_path / ".book.cache.json"
    path.write_text(text)
    cache = Cache(path, 120)
    assert cache.get("a", "x.ipynb") is None
    cache.put("d", Outcome("x.ipynb", "ok", records=[{"kind": "start"}]))
    assert cache.get("d", "y.ipynb") == Outcome("y.ipynb", "ok", records=[{"kind": "start"}])


@pytest.mark.parametrize("entry", [{"status": "ok", "surprise": 1}, {"status": "forged"}, {"status": "ok", "records": [5]},
                                   {"status": "ok", "detail": ["x"]}, "ok"],
                         ids=["unknown-field", "unknown-status", "record-not-a-table", "detail-not-text", "not-a-table"])
def test_a_crafted_grading_cache_entry_runs_the_file_again(tmp_path, entry):
    from simulation.grading.run import Cache

    path = tmp_path / ".book.cache.json"
    path.write_text(json.dumps({Cache(None, 120).key("d"): entry}))
    assert Cache(path, 120).get("d", "x.ipynb") is None
