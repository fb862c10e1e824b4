"""Saved experiments load back equal, so every table and figure can be re-created from disk."""

from __future__ import annotations

import hashlib
import json
import re

import pandas as pd
import pytest
from test_dutch_help import dutch_english_words

from simulation import Scenario, ScenarioError
from simulation.experiment import (Triangular, compare, load_experiment, replicate, save_experiment, sensitivity,
                                   sweep)
from simulation.experiment.result import DeskWarning
from simulation.files import MANIFEST
from simulation.parameters import SPECS
from simulation.plots import difference_histogram, tornado_chart
from simulation.results import KPI_SPECS

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
    assert loaded.overloads == original.overloads
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


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_workbook_says_what_each_column_holds_in_its_language(experiments, language, tmp_path):
    """A manager opening a saved experiment met 'ci_low', 'prob_a_beats_b', 'effect_high_ci_low', a sweep's
    parameter and a column per KPI, by name only; the 'columns' sheet tells each one, in the language asked
    for, and the workbook still loads back."""
    grid = sweep(SMALL, {"funnel.promise_policy": ["honest", "customer_wish"]}, 2, seed=4)
    for kind, result in {**experiments, "sweep": grid}.items():
        path = save_experiment(result, tmp_path / f"{kind}.xlsx", language)
        sheets = pd.read_excel(path, sheet_name=None)
        columns = sheets.pop("columns")
        labels = dict(zip(zip(columns.sheet, columns.column), columns.label))
        assert list(labels) == [(sheet, column) for sheet, table in sheets.items() for column in table.columns]
        assert labels["runs", "margin"] == KPI_SPECS["margin"].label(language)
        if language == "nl":  # Dutch words around the quoted codes
            for where, label in labels.items():
                assert not dutch_english_words(re.sub(r"'[^']*'|\b[AB]\b", " ", label)), (kind, where, label)
        assert load_experiment(path).kind == result.kind
    assert labels["runs", "funnel.promise_policy"] == SPECS["funnel.promise_policy"].label(language)


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


def _rewrite(folder, record: dict) -> None:
    """A record edited by hand, with a manifest to match, so only the record's own checks stand in the way."""
    (folder / "experiment.json").write_text(json.dumps(record))
    files = {p.name: {"bytes": p.stat().st_size, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()}
             for p in sorted(folder.iterdir()) if p.name != MANIFEST}
    (folder / MANIFEST).write_text(json.dumps({"files": files}))


def test_overload_warnings_are_kept_checked_and_optional(experiments, tmp_path):
    """Saved with the experiment; an older record without them still loads; crafted ones are refused."""
    result = experiments["compare"]
    result = type(result)(**{**vars(result), "overloads": [DeskWarning("wish", "service", 2_000, 41, 2, 3),
                                                           DeskWarning("small", "inside_sales", 150, 0, 1, 3)]})
    folder = save_experiment(result, tmp_path / "busy")
    loaded = load_experiment(folder)
    _assert_same(loaded, result)
    assert loaded.warnings[0] == ("wish: service desk overloaded in 2 of 3 runs; at worst 2,000 incidents "
                                  "waiting, 41 turned away")
    assert loaded.warnings[1].startswith("small: quote desk (Inside sales) overloaded in 1 of 3 runs")
    _assert_same(load_experiment(save_experiment(result, tmp_path / "busy.xlsx")), result, exact=False)
    record = json.loads((folder / "experiment.json").read_text())
    assert record["warnings"][0] == {"variant": "wish", "desk": "service", "waiting": 2000, "turned_away": 41,
                                     "replications": 2, "of": 3}
    older = {key: value for key, value in record.items() if key != "warnings"}
    _rewrite(folder, older)
    assert load_experiment(folder).overloads == []
    for forged in ({"replications": 4}, {"of": 2}, {"variant": "other"}, {"desk": "canteen"}, {"waiting": -1},
                   {"waiting": True}, {"desk": ["service"]}):
        _rewrite(folder, {**record, "warnings": [{**record["warnings"][0], **forged}]})
        with pytest.raises(ScenarioError, match="is not a saved experiment: a warning"):
            load_experiment(folder)
    _rewrite(folder, {**record, "warnings": "overloaded"})
    with pytest.raises(ScenarioError, match="'warnings' must be a list"):
        load_experiment(folder)
