"""Saved experiments load back equal, so every table and figure can be re-created from disk."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from simulation import Scenario, ScenarioError
from simulation.experiment import Triangular, compare, load_experiment, replicate, save_experiment, sensitivity
from simulation.plots import difference_histogram, tornado_chart

SMALL = Scenario({"run.years": 1, "accounts.initial_customers": 40, "market.inbound_leads_per_month": 6.0},
                 name="small")


@pytest.fixture(scope="module")
def experiments():
    uncertain = {"market.competitor_intensity": Triangular(0.6, 1.0, 1.6)}
    return {
        "compare": compare(SMALL, SMALL.replace({"funnel.promise_policy": "customer_wish"}, name="wish"), 3,
                           seed=4, uncertain=uncertain),
        "sensitivity": sensitivity(SMALL, ["satisfaction.base_grade"], 2, seed=4, kpi="nps"),
        "events": replicate(SMALL, 2, seed=4, keep_events=True),
    }


def _assert_same(loaded, original, exact: bool = True):
    """Equal tables and record; Excel keeps 16 significant digits of a number, a CSV every bit."""
    close = dict(check_exact=True) if exact else dict(check_exact=False, rtol=1e-15, atol=0)
    for table in ("runs", "monthly", "events"):
        if getattr(original, table) is None:
            assert getattr(loaded, table) is None
        else:
            pd.testing.assert_frame_equal(getattr(loaded, table), getattr(original, table), **close)
    assert (loaded.kind, loaded.seed, loaded.version) == (original.kind, original.seed, original.version)
    assert loaded.scenarios == original.scenarios and list(loaded.scenarios) == list(original.scenarios)
    assert [s.name for s in loaded.scenarios.values()] == [s.name for s in original.scenarios.values()]
    assert (loaded.uncertain, loaded.settings) == (original.uncertain, original.settings)
    # a standard deviation magnifies the last digits Excel dropped, so statistics agree to 1e-9
    statistics = close if exact else dict(check_exact=False, rtol=1e-9)
    pd.testing.assert_frame_equal(loaded.summary(), original.summary(), **statistics)


@pytest.mark.parametrize("kind", ["compare", "sensitivity", "events"])
def test_folder_of_csv_files_loads_back_equal(experiments, kind, tmp_path):
    folder = save_experiment(experiments[kind], tmp_path / "run")
    assert {p.name for p in folder.iterdir()} >= {"runs.csv", "monthly.csv", "experiment.json"}
    sidecar = json.loads((folder / "experiment.json").read_text())
    assert sidecar["kind"] == experiments[kind].kind and sidecar["version"]
    assert sum(map(len, sidecar["seeds"].values())) == len(experiments[kind].runs)
    _assert_same(load_experiment(folder), experiments[kind])


@pytest.mark.parametrize("kind", ["compare", "sensitivity"])
def test_excel_workbook_has_a_sheet_per_table_and_loads_back_equal(experiments, kind, tmp_path):
    path = save_experiment(experiments[kind], tmp_path / "run.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    expected = {"compare": "differences", "sensitivity": "tornado"}[kind]
    assert {"runs", "monthly", "summary", "experiment", expected} <= set(sheets)
    _assert_same(load_experiment(path), experiments[kind], exact=False)


def test_figures_redraw_from_a_loaded_experiment(experiments, tmp_path):
    pairs = load_experiment(save_experiment(experiments["compare"], tmp_path / "pairs"))
    tornado = load_experiment(save_experiment(experiments["sensitivity"], tmp_path / "tornado"))
    for figure, original in ((difference_histogram(pairs, "nps"), difference_histogram(experiments["compare"], "nps")),
                             (tornado_chart(tornado), tornado_chart(experiments["sensitivity"]))):
        assert figure.axes[0].get_title() == original.axes[0].get_title()
    pd.testing.assert_frame_equal(pairs.differences(), experiments["compare"].differences(), check_exact=True)


def test_unreadable_or_foreign_files_give_one_clear_message(experiments, tmp_path):
    with pytest.raises(ScenarioError, match="does not exist"):
        load_experiment(tmp_path / "nowhere")
    folder = save_experiment(experiments["compare"], tmp_path / "old")
    sidecar = json.loads((folder / "experiment.json").read_text())
    (folder / "experiment.json").write_text(json.dumps({**sidecar, "format_version": 99}))
    with pytest.raises(ScenarioError, match="experiment format 99"):
        load_experiment(folder)
    (folder / "experiment.json").write_text("{not json")
    with pytest.raises(ScenarioError, match="is not a saved experiment"):
        load_experiment(folder)
    with pytest.raises(ScenarioError, match="folder .* or a .xlsx"):
        save_experiment(experiments["compare"], tmp_path / "rows.csv")
