"""Grading a folder: every kind of submission gets exactly the grade and status it deserves, and nothing a
notebook does in its own kernel (a redefined check, a patched kit, an edited output) forges a pass."""

from __future__ import annotations

import csv
import io
import re
import shutil
import tomllib
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output
from test_exercises import asked_exercises

from simulation import set_language
from simulation.cli import main
from simulation.exercises import EXERCISES, RECORD_MIME
from simulation.exercises.personal import inputs_for
from simulation.grading import grade_folder
from simulation.grading.gradebook import StudentResult, lms_csv
from simulation.grading.run import Cache, Outcome, run_all
from simulation.lessons import dutch_path
from simulation.spreadsheets import escape_cell

ROOT = Path(__file__).resolve().parents[1]
COURSE = "test-course"
GRADED = ("nps-variant", "complaint-goal")
START = 'from simulation.exercises import start, check\nstart("{student}", name="{name}", language="{language}", course="{course}")'


def read_trainer_csv(text: str, language: str) -> list[dict[str, str]]:
    """A trainer's CSV file as a script reads it: a Dutch one (a byte-order mark, ';') as Dutch Excel does."""
    lines = io.StringIO(text.removeprefix("\ufeff"))
    return list(csv.DictReader(lines, delimiter={"en": ",", "nl": ";"}[language]))


def right(exercise_id: str, student: str):
    return EXERCISES[exercise_id].model_answer(inputs_for(EXERCISES[exercise_id], student, COURSE))


def notebook(student: str, *cells: str, language: str = "en", name: str = "Student") -> str:
    source = [START.format(student=student, name=name, language=language, course=COURSE), *cells]
    return nbformat.writes(new_notebook(cells=[new_code_cell(c) for c in source]))


def answer_cell(exercise_id: str, answer) -> str:
    return f"check({exercise_id!r}, {answer!r})"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    out = tmp_path_factory.mktemp("grades") / "gradebook.csv"
    files = {
        "right.ipynb": notebook("s100", *(answer_cell(e, right(e, "s100")) for e in GRADED), language="nl"),
        "partly.ipynb": notebook("S200", answer_cell("nps-variant", right("nps-variant", "s200")),
                                 answer_cell("complaint-goal", 100 - right("complaint-goal", "s200"))),
        "crash.ipynb": notebook("s300", answer_cell("nps-variant", right("nps-variant", "s300")),
                                "import os\nos._exit(1)"),
        "loop.ipynb": notebook("s400", "while True:\n    pass"),
        "tampered.ipynb": notebook(
            "s500",
            "import simulation.exercises.checker as kit\nfrom simulation.exercises import Feedback\n"
            "kit.grade = lambda *a, **k: Feedback('correct', 'Correct', 'forged', exercise_id=a[0], correct=True, "
            "score=1.0)\ndef check(exercise_id, answer):\n    return 'Correct'",
            answer_cell("nps-variant", 12345), "kit.check('complaint-goal', 1)"),
        "not_a_notebook.ipynb": "print('hello')\n",
        "empty.ipynb": "",
    }
    edited = new_notebook(cells=[new_code_cell(START.format(student="s600", name="E", language="en", course=COURSE)),
                                 new_code_cell(answer_cell("nps-variant", 12345))])
    forged = {"kind": "answer", "exercise": "nps-variant", "answer": right("nps-variant", "s600"), "student": "s600",
              "course": COURSE, "language": "en"}
    edited.cells[1].outputs = [new_output("display_data", data={RECORD_MIME: forged, "text/plain": "✔ Correct"})]
    files["edited_output.ipynb"] = nbformat.writes(edited)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    book = grade_folder(folder, out, course=COURSE, exercises=GRADED, lms=("brightspace", "canvas", "moodle"),
                        workers=2, timeout=20, progress=False)
    return folder, out, book, {r.file: r for r in book.results}


def test_right_and_partly_wrong_get_their_scores(graded):
    _, _, _, results = graded
    assert results["right.ipynb"].total == 2 and results["right.ipynb"].status == "ok"
    partly = results["partly.ipynb"]
    assert partly.score("nps-variant") == 1 and partly.score("complaint-goal") == 0
    assert "share handled late" in partly.feedback["complaint-goal"].message


@pytest.mark.parametrize(("file", "status", "total"), [
    ("crash.ipynb", "crashed", 1),  # the answer checked before the crash still counts
    ("loop.ipynb", "time limit", 0), ("not_a_notebook.ipynb", "not a notebook", 0), ("empty.ipynb", "empty", 0)])
def test_broken_submissions_get_a_clear_status(graded, file, status, total):
    result = graded[3][file]
    assert result.status.startswith(status) and result.total == total


@pytest.mark.parametrize("file", ["tampered.ipynb", "edited_output.ipynb"])
def test_a_forged_pass_does_not_count(graded, file):
    result = graded[3][file]
    assert result.total == 0 and result.student in ("s500", "s600")


def test_the_gradebook_and_the_lms_layouts(graded):
    _, out, book, _ = graded
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["file"] for r in rows] == sorted(r["file"] for r in rows) and len(rows) == 8
    assert list(rows[0])[:3] == ["file", "student_number", "name"] and list(rows[0])[-3:] == ["total", "max", "status"]
    brightspace = list(csv.reader(io.StringIO(out.with_name("gradebook.brightspace.csv").read_text())))
    assert brightspace[0] == ["OrgDefinedId", "B2B sales exercises Points Grade", "End-of-Line Indicator"]
    assert ["#s100", "2", "#"] in brightspace and all(row[2] == "#" for row in brightspace[1:])
    canvas = list(csv.reader(io.StringIO(out.with_name("gradebook.canvas.csv").read_text())))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "B2B sales exercises"]
    assert ["Student", "", "s100", "", "", "2"] in canvas  # Canvas matches the row on SIS User ID, then the name
    moodle = list(csv.DictReader(io.StringIO(out.with_name("gradebook.moodle.csv").read_text())))
    assert {"ID number": "s100", "Full name": "Student", "B2B sales exercises": "2"} in moodle
    # a number is written as the student typed it (the same student for the exercises, 'S200' for the LMS)
    assert ["#S200", "1", "#"] in brightspace and ["Student", "", "S200", "", "", "1"] in canvas
    assert {"ID number": "S200", "Full name": "Student", "B2B sales exercises": "1"} in moodle
    assert "S200" in [r["student_number"] for r in rows]


def test_feedback_files_are_in_the_students_language_and_the_summary_counts(graded):
    _, out, _, _ = graded
    dutch = (out.with_name("gradebook.feedback") / "s100_right.md").read_text(encoding="utf-8")
    english = (out.with_name("gradebook.feedback") / "s200_partly.md").read_text(encoding="utf-8")
    assert dutch.startswith("# Feedback op je opgaven") and english.startswith("# Feedback on your exercises")
    summary = {r["exercise"]: r for r in csv.DictReader(io.StringIO(out.with_name("gradebook.summary.csv").read_text()))}
    # right, partly and the tampered notebook answered it (the tampered answer counts, as a wrong one)
    assert summary["complaint-goal"]["answers"] == "3" and "share handled late (1)" in summary["complaint-goal"][
        "most_common_mistakes"]


def test_a_dutch_trainer_gets_the_status_column_and_the_summary_in_dutch(graded, monkeypatch):
    """The trainer's language (here the session's, `set_language("nl")`) is that of the status column and the
    summary's titles and mistakes; each student's feedback file stays in the student's own language. Nothing
    runs again (the cache of the English run)."""
    from test_dutch_help import dutch_english_words, prose

    folder, out, _, _ = graded
    dutch_out = out.with_name("cijferlijst.csv")
    shutil.copy(out.with_name(f".{out.stem}.cache.json"), dutch_out.with_name(f".{dutch_out.stem}.cache.json"))
    monkeypatch.setattr("simulation.grading.run.execute", lambda path, timeout, **_: pytest.fail(
        f"{path.name} ran again"))
    set_language("nl")
    try:
        book = grade_folder(folder, dutch_out, course=COURSE, exercises=GRADED, timeout=20, progress=False)
    finally:
        set_language("en")
    status = {r["file"]: r["status"] for r in read_trainer_csv(dutch_out.read_text(encoding="utf-8"), "nl")}
    assert status["right.ipynb"] == "ok"
    assert status["empty.ipynb"] == "leeg: leeg bestand"
    assert status["loop.ipynb"] == "tijdslimiet: na 20 s gestopt (een oneindige lus?)"
    assert status["crash.ipynb"].startswith("gecrasht: de kernel is gestopt")
    assert status["not_a_notebook.ipynb"] == "geen notebook: geen Jupyter-notebook"  # no Python error's name
    assert book.table()["status"].tolist() == list(status.values())
    summary = {r["exercise"]: r for r in read_trainer_csv(
        dutch_out.with_name("cijferlijst.summary.csv").read_text(encoding="utf-8"), "nl")}
    assert summary["complaint-goal"]["title"] == EXERCISES["complaint-goal"].title("nl")
    assert "Dat is het deel dat te laat is afgehandeld (1)" in summary["complaint-goal"]["most_common_mistakes"]
    # Dutch Excel opens a comma-separated file in one column and reads '0.5' as text: the trainer's Dutch files
    # are split on ';', with decimal commas, and begin with the byte-order mark that says UTF-8 ('beëindigd').
    for name in ("cijferlijst.csv", "cijferlijst.summary.csv"):
        raw = dutch_out.with_name(name).read_text(encoding="utf-8")
        header, *rows = raw.removeprefix("\ufeff").splitlines()
        assert raw.startswith("\ufeff") and header.split(";")[0] in ("file", "exercise") and "," not in header, raw
        assert not [cell for row in rows for cell in row.split(";") if re.fullmatch(r"\d+\.\d+", cell)], raw
    assert re.search(r";[01],\d\d;", dutch_out.with_name("cijferlijst.summary.csv").read_text(encoding="utf-8"))
    english = out.with_name("gradebook.summary.csv").read_text(encoding="utf-8")
    assert english.startswith("exercise,title,") and re.search(r",[01]\.\d\d,", english)  # unchanged in English
    told = [*status.values(), *(r["title"] + " " + r["most_common_mistakes"] for r in summary.values())]
    assert not [(t, dutch_english_words(prose(t))) for t in told if dutch_english_words(prose(t))]
    feedback = dutch_out.with_name("cijferlijst.feedback")
    assert (feedback / "s100_right.md").read_text(encoding="utf-8").startswith("# Feedback op je opgaven")
    assert (feedback / "s200_partly.md").read_text(encoding="utf-8").startswith("# Feedback on your exercises")
    english = {r["file"]: r["status"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))}
    assert english["loop.ipynb"] == "time limit: stopped after 20 s (an endless loop?)"


def test_every_status_a_run_can_give_has_its_words_in_both_languages():
    """The status column tells a status by the `grade.*` text of the same name: a new status needs its row."""
    from simulation.grading.gradebook import grade_outcome
    from simulation.grading.run import STATUSES

    for status in STATUSES:
        result = grade_outcome(Outcome("x.ipynb", status, "detail", [{"kind": "start", "student": "s1"}]))
        assert result.status_in("en") != result.status_in("nl"), status  # "ok" with "no answers"


@pytest.mark.parametrize(("outcome", "english", "dutch"), [
    (Outcome("big.ipynb", "too large", "25,000,000 bytes"), "too large: a file larger than 20 MB",
     "te groot: een bestand groter dan 20 MB"),
    (Outcome("essay.docx.ipynb", "not a notebook", "NotJSONError"), "not a notebook: not a Jupyter notebook",
     "geen notebook: geen Jupyter-notebook"),  # no Python error's name, and no student a Word file could name
    (Outcome("x.ipynb", "grader failed", "RuntimeError: no kernel"),
     "grader failed: the notebook could not be run here; the next run tries it again (RuntimeError: no kernel)",
     "nakijken mislukt: het notebook kon hier niet worden uitgevoerd; de volgende keer opnieuw (RuntimeError: no "
     "kernel)"),
    (Outcome("x.ipynb", "time limit", ""), "time limit: stopped after 120 s (an endless loop?); no student number "
     "(practice numbers)", "tijdslimiet: na 120 s gestopt (een oneindige lus?); geen studentnummer (oefenmodus)")])
def test_a_file_that_did_not_run_tells_the_trainer_why(outcome, english, dutch):
    from simulation.grading.gradebook import grade_outcome

    result = grade_outcome(outcome, language="nl")
    assert result.status_in("en") == english and result.status_in("nl") == dutch
    assert result.language == "nl"  # its feedback file in the trainer's language: no student chose one


def test_a_rerun_skips_unchanged_submissions(graded, monkeypatch):
    folder, out, _, _ = graded
    ran = []
    monkeypatch.setattr("simulation.grading.run.execute", lambda path, timeout, **_: ran.append(path) or Outcome(
        path.name, "ok"))
    (folder / "new.ipynb").write_text(notebook("s700"), encoding="utf-8")
    book = grade_folder(folder, out, course=COURSE, exercises=GRADED, timeout=20, progress=False)
    assert [p.name for p in ran] == ["new.ipynb"] and len(book.results) == 9


def _labelled(folder: Path) -> dict[str, Path]:
    return {path.name: path for path in sorted(folder.iterdir())}


def test_one_failing_run_never_stops_the_others_and_the_bar_shows_progress(tmp_path, capsys):
    for name in ("a.ipynb", "b.ipynb"):
        (tmp_path / name).write_text(name)

    def runner(path, timeout):
        if path.name == "a.ipynb":
            raise RuntimeError("no kernel")
        return Outcome(path.name, "ok")
    cache = Cache(None, 1)
    outcomes = run_all(_labelled(tmp_path), runner=runner, progress=True, cache=cache)
    assert outcomes["a.ipynb"].status == "grader failed" and outcomes["b.ipynb"].status == "ok"
    err = capsys.readouterr().err
    assert "grading" in err and "2/2" in err
    run_all({"b.ipynb": tmp_path / "b.ipynb"}, runner=runner, progress=True, language="nl")
    assert "nakijken" in capsys.readouterr().err
    # the grader's own failure is not remembered: the next run tries that file again, and only that one
    ran = []
    again = run_all(_labelled(tmp_path), runner=lambda path, timeout: ran.append(path.name) or Outcome(
        path.name, "ok"), progress=False, cache=cache)
    assert ran == ["a.ipynb"] and again["a.ipynb"].status == "ok"


def test_a_kit_error_in_a_cell_is_a_box_in_the_kernel_too(tmp_path):
    """A typo in .replace({...}) raises before check(): in a real kernel it shows a box, not an error output,
    and the grader still counts the cell as one that raised."""
    from simulation.grading.run import execute

    path = tmp_path / "typo.ipynb"
    path.write_text(notebook("s800", "from simulation import preset\n"
                                     "answer = preset('baseline').replace({'funnel.promis_policy': 'honest'})"))
    outcome = execute(path, 30)
    assert (outcome.status, outcome.detail) == ("errors", "1 cell(s) raised")
    path.write_text(notebook("s800", "1 / 0"))
    assert execute(path, 30).status == "errors"  # a bug that is no kit error still counts as one


def test_spreadsheet_cells_cannot_start_a_formula():
    assert escape_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and escape_cell("Ann") == "Ann" and escape_cell(3) == 3
    assert escape_cell("'t Hart", reversible=False) == "'t Hart" and escape_cell("'t Hart") == "''t Hart"
    text = lms_csv("moodle", [StudentResult("f.ipynb", "s1", "@SUM(A1)", "en", typed="s1")], "x")
    assert "'@SUM(A1)" in text
    dutch = lms_csv("moodle", [StudentResult("f.ipynb", "s2", "'t Hooft", "nl", typed="s2")], "x")
    assert ",'t Hooft," in dutch  # a Dutch name keeps its apostrophe: nothing to escape


@pytest.mark.parametrize(("language", "done", "status", "error"), [
    ("en", "1 submission(s), 0 exercise(s), 0 with full marks", "empty: empty file", "error: Cannot grade '"),
    ("nl", "1 inlevering(en), 0 opgave(n), 0 met alle punten", "leeg: leeg bestand", "fout: Kan '")])
def test_the_command_line_grades_a_folder(tmp_path, capsys, language, done, status, error):
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "empty.ipynb").write_text("")
    book = tmp_path / "book.csv"
    assert main(["grade", str(tmp_path / "subs"), "--out", str(book), "--quiet", "--language", language]) == 0
    out = capsys.readouterr().out
    assert out.startswith(done) and f"  empty.ipynb: {status}\n" in out
    separator = {"en": ",", "nl": ";"}[language]
    assert f"{separator}{status}\n" in book.read_text(encoding="utf-8").replace("\r\n", "\n")  # the status column
    assert main(["grade", str(tmp_path / "nowhere"), "--out", str(book), "--language", language]) == 2
    err = capsys.readouterr().err
    assert err.startswith(error) and err.rstrip().endswith(("not a folder.", "dat is geen map."))


def test_nbclient_is_a_runtime_dependency_in_both_lists():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(d.startswith("nbclient") for d in pyproject["project"]["dependencies"])
    assert "- nbclient" in (ROOT / "environment.yml").read_text(encoding="utf-8")


def _outcome(*records, status="ok"):
    return Outcome("x.ipynb", status, "", [dict(r) for r in records])


def test_only_answers_under_the_last_start_count_with_the_trainers_salt():
    from simulation.grading.gradebook import grade_outcome, mark_duplicates

    start_a = {"kind": "start", "student": "s1", "language": "nl", "course": COURSE}
    start_b = {**start_a, "student": "s2"}
    right_b = right("nps-variant", "s2")
    result = grade_outcome(_outcome(
        start_a, {"kind": "answer", "exercise": "nps-variant", "answer": right("nps-variant", "s1"), "student": "s1",
                  "course": COURSE},
        start_b, {"kind": "answer", "exercise": "nps-variant", "answer": right_b, "student": "s2", "course": COURSE}),
        COURSE)
    assert result.student == "s2" and result.total == 1 and result.language == "nl" and result.status == "ok"
    other_salt = grade_outcome(_outcome(start_b, {"kind": "answer", "exercise": "nps-variant", "answer": right_b,
                                                  "student": "s2", "course": "other"}), COURSE)
    assert "other course salt" in other_salt.status
    forged = grade_outcome(_outcome({"kind": "start", "student": "=cmd|' /C calc'!A0"}), COURSE)
    assert forged.student is None and "no student number" in forged.status
    twins = [grade_outcome(_outcome(start_b, {"kind": "answer", "exercise": "nps-variant", "answer": right_b,
                                              "student": "s2", "course": COURSE}), COURSE) for _ in range(2)]
    mark_duplicates(twins)  # one exercise answered in two files: the trainer decides which counts
    assert all("duplicate student number" in t.status for t in twins)


def test_the_total_counts_only_the_exercises_graded(tmp_path, monkeypatch):
    """--exercises picks the gradebook's columns: an answer to another exercise must not raise the total above max."""
    records = [{"kind": "start", "student": "s1", "course": COURSE}] + [
        {"kind": "answer", "exercise": e, "answer": right(e, "s1"), "student": "s1", "course": COURSE} for e in GRADED]
    monkeypatch.setattr("simulation.grading.run.execute", lambda path, timeout, **_: Outcome(path.name, "ok", "",
                                                                                              records))
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.ipynb").write_text("{}")
    out = tmp_path / "book.csv"
    book = grade_folder(tmp_path / "subs", out, course=COURSE, exercises=GRADED[:1], lms=("moodle",), cache=False,
                        progress=False)
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert row["total"] == row["max"] == "1" and book.results[0].total == 1
    assert next(csv.DictReader(io.StringIO(out.with_name("book.moodle.csv").read_text())))["B2B sales exercises"] == "1"


def test_the_time_limit_is_for_the_whole_notebook_not_a_second_per_cell(tmp_path):
    """Many short cells after the deadline must not each get a second more: the notebook stops at its limit."""
    import time

    from simulation.grading.run import execute

    path = tmp_path / "slow.ipynb"
    path.write_text(notebook("s900", *["import time\ntime.sleep(0.9)"] * 30))  # 27 s without the limit
    began = time.monotonic()
    outcome = execute(path, 3)
    assert outcome.status == "time limit" and time.monotonic() - began < 3 + 15  # the limit, plus a kernel's start


def _handed_in(path: Path, student: str) -> str:
    """An exercise notebook as a student hands it in: number and course filled in, every `answer = ...` the right
    answer for that student."""
    handed = nbformat.read(path, as_version=4)
    for cell in handed.cells:
        if cell.cell_type != "code":
            continue
        cell.source = cell.source.replace('STUDENT = ""', f'STUDENT = "{student}"').replace(
            'COURSE = ""', f'COURSE = "{COURSE}"')
        asked = re.search(r'check\("([\w-]+)"', cell.source)
        if asked and "answer = ..." in cell.source:
            cell.source = cell.source.replace("answer = ...", f"answer = {right(asked.group(1), student)!r}", 1)
    return nbformat.writes(handed)


def test_a_dutch_exercise_notebook_is_graded_as_the_english_one(tmp_path):
    """A Dutch student hands in the Dutch notebook (exercises/nl/): the same exercises, the same numbers of the
    student's own, full marks for right answers, and the student's language (Dutch) for the feedback."""
    english = ROOT / "exercises" / "01_nps_and_scotsman.ipynb"
    folder = tmp_path / "submissions"
    folder.mkdir()
    (folder / "english.ipynb").write_text(_handed_in(english, "s700"), encoding="utf-8")
    (folder / "dutch.ipynb").write_text(_handed_in(dutch_path(english), "s800"), encoding="utf-8")
    book = grade_folder(folder, tmp_path / "gradebook.csv", course=COURSE, workers=2, timeout=60, progress=False)
    results = {r.file: r for r in book.results}
    asked = asked_exercises(english)
    assert len(asked) == 5 and sorted(book.exercise_ids) == sorted(asked)
    for file, language in (("english.ipynb", "en"), ("dutch.ipynb", "nl")):
        assert results[file].status == "ok" and results[file].total == len(asked), results[file]
        assert results[file].language == language


def test_an_unknown_exercise_is_told_with_every_id_a_trainer_can_type(tmp_path, capsys):
    """The refusal said 'see list_exercises()', a Python function a trainer at the terminal cannot call: it now
    gives the closest id and every id there is, in the trainer's language."""
    (tmp_path / "subs").mkdir()
    argv = ["grade", str(tmp_path / "subs"), "--out", str(tmp_path / "book.csv"), "--exercises", "churn-grade6"]
    assert main([*argv, "--language", "nl"]) == 2
    err = capsys.readouterr().err
    assert "Bedoel je 'churn-grade-6'?" in err and "list_exercises" not in err
    assert all(exercise in err for exercise in EXERCISES)
