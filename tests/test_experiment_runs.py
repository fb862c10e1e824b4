"""Experiments on the model: rows, seeds, common random numbers, executors and interrupts.

Small one-year scenarios keep each run to a few hundredths of a second; the
statistical point (paired beats independent) holds at this size too.
"""

from __future__ import annotations

import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest

from simulation import KPIS, Scenario, ScenarioError, preset, simulate
from simulation.experiment import compare, replicate, sensitivity, sweep
from simulation.experiment import executors
from simulation.experiment.executors import chunk_size, run_chunks, worker_count

SMALL = {"run.years": 1, "accounts.initial_customers": 60, "market.inbound_leads_per_month": 8.0,
         "market.campaign_spend_per_month": 4000.0}
VARY = {"market.competitor_intensity": (0.6, 1.6)}


@pytest.fixture(scope="module")
def small() -> Scenario:
    return Scenario(SMALL, name="small")


@pytest.fixture(scope="module")
def replicated(small):
    return replicate(small, 6, seed=5, uncertain=VARY)


def test_replicate_gives_one_flat_row_per_replication(replicated, small):
    runs = replicated.runs
    assert list(runs.columns[:4]) == ["variant", "replication", "seed", "market.competitor_intensity"]
    assert set(k.name for k in KPIS) <= set(runs.columns)
    assert runs["replication"].tolist() == list(range(6))
    assert runs["seed"].is_unique
    assert len(replicated.monthly) == 6 * 12
    assert replicated.monthly.groupby("replication")["month"].apply(list).map(len).eq(12).all()
    assert replicated.scenarios == {"small": small} and replicated.version


def test_each_row_is_exactly_the_run_its_seed_and_assumptions_give(replicated, small):
    for row in replicated.runs.itertuples(index=False):
        changed = small.replace({"market.competitor_intensity": row[3]})
        direct = simulate(changed, row.seed, keep_events=False)
        assert [getattr(row, k.name) for k in KPIS[:8]] == [direct.kpis[k.name] for k in KPIS[:8]]
    assert 0.6 <= replicated.runs["market.competitor_intensity"].min() < replicated.runs[
        "market.competitor_intensity"].max() < 1.6


def test_summary_is_the_mean_with_a_t_interval(replicated):
    row = replicated.summary(["margin"]).iloc[0]
    values = replicated.runs["margin"]
    assert row["n"] == 6 and row["mean"] == pytest.approx(values.mean())
    half = 2.5706 * values.std(ddof=1) / np.sqrt(6)
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(values.mean() - half, rel=1e-4),
                                               pytest.approx(values.mean() + half, rel=1e-4))
    band = replicated.bands("customers")
    assert len(band) == 12 and (band["ci_low"] <= band["mean"]).all()


def test_rows_do_not_depend_on_chunking_or_the_executor(replicated, small):
    in_threads = replicate(small, 6, seed=5, uncertain=VARY, executor=ThreadPoolExecutor(3), chunk_size=4)
    with ProcessPoolExecutor(2) as pool:
        in_processes = replicate(small, 6, seed=5, uncertain=VARY, executor=pool, chunk_size=1)
    own_pool = replicate(small, 6, seed=5, uncertain=VARY, workers=2)
    for other in (in_threads, in_processes, own_pool):
        pd.testing.assert_frame_equal(other.runs, replicated.runs, check_exact=True)
        pd.testing.assert_frame_equal(other.monthly, replicated.monthly, check_exact=True)


@pytest.fixture(scope="module")
def promise_pairs():
    """Honest vs over-promising on 20 pairs, paired and independent."""
    a, b = preset("honest_promise").replace(SMALL), preset("over_promise").replace(SMALL)
    return compare(a, b, 20, seed=7), compare(a, b, 20, seed=7, paired=False)


def test_compare_pairs_share_seeds_and_sampled_assumptions(small):
    result = compare(small, small.replace({"funnel.promise_policy": "customer_wish"}, name="wish"), 4, seed=1,
                     uncertain=VARY)
    a, b = result.pair()
    assert result.settings == {"a": "small", "b": "wish", "paired": True}
    assert a["seed"].tolist() == b["seed"].tolist()
    assert a["market.competitor_intensity"].tolist() == b["market.competitor_intensity"].tolist()


def test_paired_design_narrows_the_interval_versus_independent_runs(promise_pairs):
    paired, independent = (r.differences(["margin", "revenue"]).set_index("kpi") for r in promise_pairs)
    assert set(paired.index) == {"margin", "revenue"}
    a_paired, b_paired = promise_pairs[0].pair()
    a_alone, b_alone = promise_pairs[1].pair()
    assert a_paired["seed"].tolist() == a_alone["seed"].tolist()
    assert not set(b_alone["seed"]) & set(a_alone["seed"])
    width = lambda table: table["ci_high"] - table["ci_low"]  # noqa: E731
    assert (width(paired) < 0.75 * width(independent)).all()


def test_same_scenario_twice_gets_distinct_labels_and_zero_difference(small):
    result = compare(small, small, 3, seed=2)
    assert result.variants == ["small (A)", "small (B)"]
    row = result.differences(["margin"]).iloc[0]
    assert row["difference"] == 0 and row["prob_a_beats_b"] == 0.5


def test_uncertain_assumption_that_the_design_varies_is_refused(small):
    with pytest.raises(ScenarioError, match="varied by the experiment"):
        compare(small, small.replace({"market.competitor_intensity": 2.0}), 2, uncertain=VARY)
    with pytest.raises(ScenarioError, match="varied by the experiment"):
        sweep(small, {"market.competitor_intensity": [0.5, 1.0]}, 2, uncertain=VARY)


def test_assumption_ranges_that_break_a_rule_between_parameters_are_caught_before_running(small):
    with pytest.raises(ScenarioError, match="share_small"):
        replicate(small, 2, uncertain={"market.share_small": (0.5, 0.95)})


def test_two_parameter_sweep_has_every_grid_point_on_the_same_seeds(small):
    result = sweep(small, {"funnel.promise_policy": ["honest", "customer_wish"],
                           "market.competitor_intensity": [0.5, 1.5]}, 2, seed=3)
    runs = result.runs
    assert list(runs.columns[:3]) == ["variant", "funnel.promise_policy", "market.competitor_intensity"]
    assert len(runs) == 8 and runs.groupby("variant")["seed"].apply(tuple).nunique() == 1
    table = result.summary(["nps"])
    assert len(table) == 4 and {"funnel.promise_policy", "market.competitor_intensity"} <= set(table.columns)


@pytest.mark.parametrize(("grid", "message"), [
    ({}, "one or two parameters"),
    ({"run.years": [1], "market.alignment": ["aligned"], "funnel.promise_buffer": [0.1]}, "one or two"),
    ({"market.competitor_intensity": [1.0, 1.0]}, "distinct values"),
    ({"market.competitor_intensity": [1.0, 7.0]}, r"range \[0, 3\]"),
    ({"nonsense.knob": [1]}, "Unknown parameter 'nonsense.knob'"),
])
def test_bad_sweeps_are_user_errors(small, grid, message):
    with pytest.raises(ScenarioError, match=message):
        sweep(small, grid, 2)


def test_tornado_ranks_the_assumption_that_moves_the_kpi_most(small):
    result = sensitivity(small, {"satisfaction.base_grade": (6.0, 8.0), "market.nurture_months": None}, 4,
                         kpi="nps")
    assert result.settings["ranges"]["market.nurture_months"] == [pytest.approx(3.2), pytest.approx(4.8)]
    table = result.tornado()
    assert table["parameter"].tolist()[0] == "satisfaction.base_grade"
    grade = table.iloc[0]
    assert grade["effect_low_ci_high"] < 0 < grade["effect_high_ci_low"]  # a better base grade, a better NPS
    assert grade["swing"] == pytest.approx(grade["kpi_high"] - grade["kpi_low"])


@pytest.mark.parametrize(("parameters", "kpi", "message"), [
    (["funnel.promise_policy"], "nps", "must be numeric"),
    ({"satisfaction.base_grade": (8.0, 6.0)}, "nps", "from low to high"),
    ([], "nps", "at least one parameter"),
    (["satisfaction.base_grade"], "happiness", "Unknown KPI 'happiness'"),
])
def test_bad_sensitivity_requests_are_user_errors(small, parameters, kpi, message):
    with pytest.raises(ScenarioError, match=message):
        sensitivity(small, parameters, 2, kpi=kpi)


def test_event_logs_come_back_only_when_asked(replicated, small):
    assert replicated.events is None
    kept = replicate(small, 2, seed=5, keep_events=True)
    assert kept.events["replication"].unique().tolist() == [0, 1]
    direct = simulate(small, int(kept.runs["seed"].iloc[1]), keep_events="all")
    assert (kept.events["replication"] == 1).sum() == len(direct.events)


def test_progress_callback_counts_every_replication(small):
    seen = []
    replicate(small, 3, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_answer_so_far_holds_the_first_pairs_and_the_final_one_is_unchanged(small, workers, monkeypatch):
    """With `partial`, the pairs run one after the other and the experiment of the first pairs finished comes in
    as they do: those pairs' rows exactly as in the whole experiment, which is the same bit for bit as without."""
    from simulation.experiment import runner

    monkeypatch.setattr(runner, "PARTIAL_SECONDS", 0.0)
    monkeypatch.setattr(runner, "PARTIAL_FIRST", 1)
    b = small.replace({"funnel.promise_policy": "customer_wish"}, name="wish")
    so_far, log = [], []

    def answer(result):
        so_far.append(result)
        log.append(("so far", result.replications))

    whole = compare(small, b, 5, seed=2, uncertain=VARY, workers=workers, chunk_size=1, partial=answer,
                    progress=lambda done, _total: log.append(("runs", done)))
    plain = compare(small, b, 5, seed=2, uncertain=VARY)
    pd.testing.assert_frame_equal(whole.runs, plain.runs, check_exact=True)
    pd.testing.assert_frame_equal(whole.monthly, plain.monthly, check_exact=True)
    counts = [result.replications for result in so_far]
    assert counts == sorted(set(counts)) and counts[0] >= 1 and counts[-1] <= 4, counts  # growing, never all five
    if workers == 1:  # serial: A and B of the first pair, the answer over it, the second pair…
        pairs = [[("runs", 2 * k - 1), ("runs", 2 * k), ("so far", k)] for k in range(1, 5)]
        assert log == [step for pair in pairs for step in pair] + [("runs", 9), ("runs", 10)]
    for result in so_far:
        first = whole.runs[whole.runs["replication"] < result.replications].reset_index(drop=True)
        pd.testing.assert_frame_equal(result.runs, first, check_exact=True)
        assert result.differences(["margin"])["n"].iloc[0] == result.replications
        assert set(result.monthly["replication"]) == set(range(result.replications))


def test_the_first_answer_so_far_waits_for_enough_pairs(small):
    """Over one pair, A is better in 0 % or 100 % of the runs: the first answer so far holds `PARTIAL_FIRST`."""
    from simulation.experiment.runner import PARTIAL_FIRST

    so_far = []
    compare(small, small.replace({"funnel.promise_policy": "customer_wish"}, name="wish"), PARTIAL_FIRST + 1,
            seed=2, partial=so_far.append)
    assert [result.replications for result in so_far] == [PARTIAL_FIRST]


def test_progress_bar_writes_to_the_terminal(small, capsys):
    replicate(small, 2, progress=True)
    assert "Replicated scenario" in capsys.readouterr().err  # the design named in the session's language


def _wait_for(release: threading.Event, ran: list, item: int) -> list[int]:
    ran.append(item)
    if item:
        release.wait(5)
    return [item]


def test_interrupt_cancels_the_replications_not_yet_started():
    """The first result arrives, the user presses Ctrl-C: the queued tasks never start."""
    release, ran = threading.Event(), []

    def interrupt(_items: list, _results: list) -> None:
        raise KeyboardInterrupt

    with ThreadPoolExecutor(1) as pool:
        with pytest.raises(KeyboardInterrupt):
            run_chunks(lambda chunk: _wait_for(release, ran, chunk[0]), list(range(20)), executor=pool, size=1,
                       done=interrupt)
        release.set()
    assert len(ran) <= 2


def test_default_is_serial_for_small_jobs_and_chunks_balance_the_workers(monkeypatch):
    monkeypatch.setattr(executors, "local_cores", lambda: 7)
    assert worker_count(None, runs=10, run_years=3) == 1
    assert worker_count(None, runs=1000, run_years=3) == 7  # large jobs use every core
    assert worker_count(4, runs=1, run_years=1) == 4
    with pytest.raises(ScenarioError, match="workers"):
        worker_count(0, runs=1, run_years=1)
    assert chunk_size(100, 2, run_years=3) == 1  # long runs: one per task is cheap enough
    assert chunk_size(1000, 2, run_years=1) == 5  # short runs: several per task
    assert chunk_size(8, 2, run_years=1) == 1  # never fewer than four tasks per worker
    with pytest.raises(ScenarioError, match="either an executor or a number of workers"):
        run_chunks(len, [1], executor=ThreadPoolExecutor(1), workers=2)


#: One service employee for 900 customers: the service desk ends every one-year run overloaded (~0.35 s a run).
BUSY = {"run.years": 1, "organisation.service_staff": 1, "accounts.initial_customers": 900}


def test_overloaded_desks_travel_from_every_replication_to_the_result(small):
    """Nothing lost: each replication's overloads reach the result, the same serially and on a pool."""
    busy = Scenario(BUSY, name="busy")
    serial = compare(busy, small, 3, seed=2, workers=1)
    pooled = compare(busy, small, 3, seed=2, workers=2, force=True)
    assert pooled.overloads == serial.overloads
    runs = [simulate(busy, seed, keep_events=False).overloads for seed in serial.variant_runs("busy")["seed"]]
    assert all(len(found) == 1 and found[0].desk == "service" for found in runs)
    [warning] = serial.overloads  # only the busy variant, only its service desk
    assert (warning.variant, warning.desk, warning.replications, warning.of) == ("busy", "service", 3, 3)
    assert warning.waiting == max(found[0].waiting for found in runs)
    assert warning.turned_away == max(found[0].turned_away for found in runs)
    waiting = f"{warning.waiting:,}"
    assert serial.warnings == [f"busy: service desk overloaded in 3 of 3 runs; at worst {waiting} incidents "
                               f"waiting, {warning.turned_away:,} turned away"]
    assert serial.warning_texts("nl")[0].startswith("busy: servicedesk overbelast in 3 van 3 runs")
    assert replicate(small, 2, seed=2).warnings == []
