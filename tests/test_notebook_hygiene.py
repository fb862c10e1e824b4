"""The lessons and the exercise notebooks (English and Dutch) stay small and look finished in git: no widget state, no
unchecked figures, no test markers.

After re-executing the lessons, run `python .ci/clean_notebooks.py` (this test says so when it is needed).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("clean_notebooks", ROOT / ".ci" / "clean_notebooks.py")
cleaner = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cleaner)

LESSONS = cleaner.lesson_files()
BUDGET_BYTES = 40_000  # per lesson: text, code and the outputs nbval checks; the figures are re-drawn on Run
#: per exercise notebook: it is saved with its question boxes (practice mode), so a student reads the questions
#: before running anything; each box is kept as HTML and as text (they are 25–49 KB; 05, with 14 exercises, the
#: largest). A saved widget state or figure would add hundreds of KB.
EXERCISE_BUDGET_BYTES = 60_000
FIX = "run: python .ci/clean_notebooks.py"


def test_there_are_lessons_to_check():
    assert len(LESSONS) >= 9


@pytest.mark.parametrize("path", LESSONS, ids=lambda path: path.name)
def test_a_lesson_is_saved_clean_and_small(path):
    notebook = nbformat.read(path, as_version=4)
    assert "widgets" not in notebook.metadata, f"saved widget state in {path.name}; {FIX}"
    for cell in notebook.cells:
        assert "NBVAL" not in cell.source, f"a test marker students can read in {path.name}; {FIX}"
        assert "execution" not in cell.metadata, f"run timestamps (a diff in every cell) in {path.name}; {FIX}"
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            assert cleaner.WIDGET not in data, f"a widget output in {path.name}; {FIX}"
            assert not str(data.get("text/plain", "")).startswith(("VBox(", "Box(")), path.name
            if "image/png" in data:
                assert "nbval-check-output" in cell.metadata.get("tags", []), f"an unchecked figure; {FIX}"
    budget = EXERCISE_BUDGET_BYTES if path.relative_to(ROOT).parts[0] == "exercises" else BUDGET_BYTES
    assert path.stat().st_size <= budget, f"{path.name} is {path.stat().st_size:,} bytes"


def test_cleaning_removes_what_the_test_forbids():
    notebook = nbformat.v4.new_notebook(metadata={"widgets": {"state": {}}})
    figure = nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})
    panel = nbformat.v4.new_output("display_data", data={cleaner.WIDGET: {"model_id": "x"},
                                                         "text/plain": "VBox(children=(Box(…"})
    checked = nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(1)", outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="1\n")],
        metadata={"execution": {"iopub.execute_input": "2026-12-03T18:34:37.311816Z"}})
    notebook.cells = [nbformat.v4.new_code_cell("plot()", outputs=[figure]),
                      nbformat.v4.new_code_cell("Panel()", outputs=[panel]), checked]
    cleaner.clean(notebook)
    assert "widgets" not in notebook.metadata and notebook.cells[0].outputs == []
    assert notebook.cells[1].outputs[0].data == {"text/plain": cleaner.NOTE}
    assert notebook.cells[2].source == "print(1)" and notebook.cells[2].metadata == {"tags": ["nbval-check-output"]}
    assert notebook.cells[2].outputs[0].text == "1\n"


def _build_script():
    spec = importlib.util.spec_from_file_location("build_dutch_lessons", ROOT / ".ci" / "build_dutch_lessons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_reruns_an_english_notebook_in_its_folder_and_saves_it_clean(tmp_path):
    (tmp_path / "data.txt").write_text("6")  # found only when the notebook runs in its own folder, as a student's
    stale = nbformat.v4.new_output("stream", name="stdout", text="old\n")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(int(open('data.txt').read()) * 7)",
                                                outputs=[stale])]
    path = tmp_path / "01_lesson.ipynb"
    nbformat.write(notebook, path)
    assert _build_script().rerun_english(path) == path
    saved = nbformat.read(path, as_version=4).cells[0]
    assert [output.text for output in saved.outputs] == ["42\n"]
    assert saved.source.startswith("print(") and "execution" not in saved.metadata  # cleaned as the lessons are


def test_the_build_refuses_to_rerun_english_notebooks_without_running_them(capsys):
    with pytest.raises(SystemExit) as stop:
        _build_script().main(["--english", "--no-execute", "09"])
    assert stop.value.code == 2 and "--english" in capsys.readouterr().err


def test_the_build_reruns_the_english_notebook_only_when_asked_and_before_the_dutch_one(monkeypatch):
    script, calls = _build_script(), []
    monkeypatch.setattr(script, "rerun_english", lambda lesson: calls.append(("english", lesson.name)) or lesson)
    monkeypatch.setattr(script, "build", lambda lesson, execute=True: calls.append(("dutch", lesson.name)) or lesson)
    assert script.main(["--english", "--lessons", "09"]) == 0
    assert calls == [("english", "09_course_concepts.ipynb"), ("dutch", "09_course_concepts.ipynb")]
    calls.clear()
    assert script.main(["--lessons", "09"]) == 0 and calls == [("dutch", "09_course_concepts.ipynb")]
