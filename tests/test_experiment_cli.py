"""`python -m simulation experiment ...`: tables, JSON, saved rows, and exit 2 on user mistakes."""

from __future__ import annotations

import json
import re

import pytest

from simulation.cli import main
from simulation.experiment import load_experiment

SMALL = ["--years", "1", "--set", "accounts.initial_customers=40", "--set", "market.inbound_leads_per_month=6"]


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["experiment", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_replicate_prints_means_with_intervals(capsys):
    code, out, err = _run(capsys, "replicate", *SMALL, "-n", "3", "--kpi", "margin", "--kpi", "nps")
    assert code == 0 and not err
    assert "3 replications" in out and "Margin" in out and "Net Promoter Score" in out and "[" in out


def test_compare_json_holds_the_record_and_the_difference_table(capsys):
    code, out, _ = _run(capsys, "compare", "--preset", "honest_promise", "--against", "over_promise", *SMALL,
                        "-n", "3", "--seed", "9", "--vary", "market.competitor_intensity=0.8:1.4", "--json",
                        "--kpi", "margin")
    document = json.loads(out)
    assert code == 0 and document["kind"] == "compare" and document["seed"] == 9
    assert [s["name"] for s in document["scenarios"]] == ["honest_promise", "over_promise"]
    assert all(s["values"]["run.years"] == 1 for s in document["scenarios"])  # --set applies to both
    assert document["uncertain"]["market.competitor_intensity"]["high"] == 1.4
    assert [row["kpi"] for row in document["table"]] == ["margin"]
    assert 0 <= document["table"][0]["prob_a_beats_b"] <= 1


def test_sweep_and_sensitivity_print_their_tables(capsys, tmp_path):
    code, out, _ = _run(capsys, "sweep", *SMALL, "-n", "2", "--param", "funnel.promise_policy=honest,customer_wish",
                        "--kpi", "nps", "--out", str(tmp_path / "grid"))
    assert code == 0 and "funnel.promise_policy=customer_wish" in out
    assert load_experiment(tmp_path / "grid").settings == {"parameters": ["funnel.promise_policy"]}
    code, out, _ = _run(capsys, "sensitivity", *SMALL, "-n", "2", "--param", "satisfaction.base_grade=6:8",
                        "--param", "market.nurture_months", "--kpi", "nps")
    assert code == 0 and out.index("satisfaction.base_grade") < out.index("market.nurture_months")


@pytest.mark.parametrize("design", [None, "replicate", "compare", "sweep", "sensitivity"])
def test_help_of_every_design_prints(capsys, design):
    with pytest.raises(SystemExit) as leaving:
        main(["experiment", *([design] if design else []), "--help"])
    assert leaving.value.code == 0 and "--" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "message"), [
    (["replicate", "--kpi", "profit"], "Unknown KPI 'profit'"),
    (["replicate", "-n", "0"], "number of replications"),
    (["replicate", "--vary", "market.competitor_intensity=2:9"], r"range \[0, 3\]"),
    (["replicate", "--vary", "market.competitor_intensity"], "--vary expects KEY=VALUE"),
    (["replicate", "--workers", "0"], "number of workers"),
    (["compare", "--against", "cheapest"], "Unknown preset 'cheapest'"),
    (["compare", "--against", "missing.toml"], "Cannot read scenario file"),
    (["sweep", "--param", "funnel.promise_policy=honest,cheap"], "'funnel.promise_policy' parameter must be"),
    (["sensitivity", "--param", "satisfaction.base_grade=8:6"], "from low to high"),
    (["replicate", "-n", "1", "--years", "1", "--out", "rows.csv"], "folder"),
])
def test_user_mistakes_exit_2_with_one_message(capsys, argv, message):
    code, out, err = _run(capsys, *argv)
    assert code == 2 and not out
    assert err.startswith("error: ") and err.count("\n") == 1
    assert re.search(message, err)


def test_overloaded_desks_are_reported_on_stderr(capsys):
    """As `run` does for one run: a warning line per variant and overloaded desk, the table still on stdout."""
    busy = ["--years", "1", "--set", "organisation.service_staff=1", "--set", "accounts.initial_customers=900"]
    code, out, err = _run(capsys, "replicate", *busy, "-n", "2", "--kpi", "margin")
    assert code == 0 and "Margin" in out
    assert re.fullmatch(r"warning: baseline: service desk overloaded in 2 of 2 runs; at worst [\d,]+ "
                        r"incidents waiting, [\d,]+ turned away\n", err), err
