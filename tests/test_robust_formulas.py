"""Names typed by a user never become live spreadsheet formulas (CSV / formula injection), and
escaped text loads back exactly as it was."""

from __future__ import annotations

import csv

import openpyxl
import pandas as pd
import pytest

from simulation import Scenario, simulate
from simulation.experiment import compare, load_experiment, save_experiment
from simulation.export import export_result
from simulation.spreadsheets import FORMULA_STARTS, escape_cell, escape_text, unescape_text

ATTACKS = ("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(1,2)", "=cmd|' /C calc'!A0")
SMALL = {"run.years": 1, "accounts.initial_customers": 20, "market.inbound_leads_per_month": 3.0}


def _formula_cells(path) -> list[str]:
    workbook = openpyxl.load_workbook(path)
    return [f"{sheet.title}!{cell.coordinate}" for sheet in workbook.worksheets for row in sheet.iter_rows()
            for cell in row if cell.data_type == "f"]


@pytest.fixture(scope="module")
def hostile():
    a, b = (Scenario(SMALL, name=ATTACKS[0]), Scenario({**SMALL, "funnel.promise_policy": "customer_wish"},
                                                       name=ATTACKS[4]))
    return compare(a, b, 2, seed=1)


def test_an_experiment_workbook_has_no_formula_cell_and_loads_back_the_names(hostile, tmp_path):
    path = save_experiment(hostile, tmp_path / "x.xlsx")
    assert _formula_cells(path) == []
    runs = openpyxl.load_workbook(path)["runs"]
    assert runs["A2"].value == "'" + ATTACKS[0]  # shown with the quote, as OWASP recommends
    loaded = load_experiment(path)
    assert [s.name for s in loaded.scenarios.values()] == [ATTACKS[0], ATTACKS[4]]
    assert list(loaded.runs["variant"].unique()) == list(hostile.runs["variant"].unique())


def test_experiment_csvs_start_no_cell_with_a_formula_character(hostile, tmp_path):
    folder = save_experiment(hostile, tmp_path / "x")
    for name in ("runs.csv", "monthly.csv"):
        with open(folder / name, newline="", encoding="utf-8") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        text_cells = [c for c in cells if c and not _number(c)]
        assert text_cells and not [c for c in text_cells if c.startswith(FORMULA_STARTS)]
    loaded = load_experiment(folder)
    pd.testing.assert_frame_equal(loaded.runs, hostile.runs, check_exact=True)


def test_a_run_export_has_no_formula_cell(tmp_path):
    result = simulate(Scenario(SMALL, name=ATTACKS[3]), seed=2)
    path = export_result(result, tmp_path / "run.xlsx")
    assert _formula_cells(path) == []
    assert openpyxl.load_workbook(path)["scenario"]["B2"].value == "'" + ATTACKS[3]


@pytest.mark.parametrize("text", [*ATTACKS, "\tx", "\rx", "'quoted", "''", "plain", "", "1.5"])
def test_escaping_is_reversible_and_leaves_no_formula_start(text):
    escaped = escape_cell(text)
    assert not escaped.startswith(FORMULA_STARTS)
    frame = pd.DataFrame({"text": [text], "number": [-1.5]})
    assert unescape_text(escape_text(frame)).equals(frame)
    assert escape_text(frame)["number"].iloc[0] == -1.5  # numbers are never touched


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_an_overloaded_run_is_flagged_in_its_workbook(tmp_path):
    """Issue 13, point 7: the numbers of a company that cannot cope carry the warning, on the first sheet."""
    flooded = simulate(Scenario({**SMALL, "organisation.service_staff": 1, "accounts.incidents_per_year": 24,
                                 "accounts.complaint_work_hours": 40}), seed=0)
    assert flooded.warnings
    path = export_result(flooded, tmp_path / "flooded.xlsx", "nl")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[0] == "warnings"
    assert [row[0].value for row in workbook["warnings"].iter_rows(min_row=2)] == list(flooded.warning_texts("nl"))
    calm = export_result(simulate(Scenario(SMALL), seed=0), tmp_path / "calm.xlsx")
    assert "warnings" not in openpyxl.load_workbook(calm).sheetnames
