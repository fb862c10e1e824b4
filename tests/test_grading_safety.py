"""Grading a folder safely: Ctrl+C stops at once and keeps finished work, outputs are checked before anything runs
and written so that nothing looks whole unless it is, and every file a student hands in is graded under a name
of its own (Moodle's sub-folders, names that are no UTF-8, names that differ only in what a file name loses)."""

from __future__ import annotations

import _thread
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path, PurePosixPath

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from simulation import __version__
from simulation.cli import main
from simulation.errors import KitError
from simulation.exercises import EXERCISES
from simulation.exercises.personal import inputs_for
from simulation.grading import grade_folder
from simulation.grading.gradebook import StudentResult, write_all
from simulation.grading.run import Cache, Outcome, execute, run_all
from test_grading import read_trainer_csv
from simulation.termination import Terminated, sigterm_cleanup

LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; file names as bytes")


def _student_in_file(path: Path, timeout: float, **_) -> Outcome:
    """A stand-in for running a notebook: the file holds the student number its `start` would record, or a JSON
    object with the number, the name and answers to exercises, as its `start` and `check` would record them."""
    held = path.read_text(encoding="utf-8")
    if not held.startswith("{"):
        return Outcome(path.name, "ok", "", [{"kind": "start", "student": held}])
    work = json.loads(held)
    return Outcome(path.name, "ok", "", [{"kind": "start", "student": work["student"], "name": work["name"],
                                                "language": "en"}] + [
        {"kind": "answer", "exercise": exercise_id, "answer": answer, "student": work["student"].lower(),
         "course": work.get("course")} for exercise_id, answer in work["answers"].items()])


@pytest.fixture
def no_kernels(monkeypatch):
    monkeypatch.setattr("simulation.grading.run.execute", _student_in_file)


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of a file the grading wrote: a Dutch trainer's file (it begins with a byte-order mark) in the Dutch
    dialect, an English one or an LMS file with commas."""
    text = path.read_text(encoding="utf-8")
    return read_trainer_csv(text, "nl" if text.startswith("\ufeff") else "en")


def _notebook(*cells: str) -> str:
    return nbformat.writes(new_notebook(cells=[new_code_cell(cell) for cell in cells]))


# ---- stopping -----------------------------------------------------------------------------------------------------

def _interrupt_main_with_ctrl_c() -> None:
    _thread.interrupt_main()


def _interrupt_main_with_sigterm() -> None:
    signal.pthread_kill(threading.main_thread().ident, signal.SIGTERM)


@pytest.mark.parametrize(("interrupt", "raised"), [(_interrupt_main_with_ctrl_c, KeyboardInterrupt),
                                                    (_interrupt_main_with_sigterm, Terminated)],
                         ids=["ctrl-c", "sigterm"])
def test_a_stop_returns_at_once_starts_nothing_queued_and_keeps_what_finished(tmp_path, interrupt, raised):
    """Six files, two at a time: a finishes, b and c are running when the trainer stops. d, e and f never start,
    a is in the saved cache, b and c (finished after the stop: a killed kernel's outcome) are not."""
    for name in "abcdef":
        (tmp_path / f"{name}.ipynb").write_text(name)
    started: list[str] = []

    def runner(path, timeout):
        started.append(path.name)
        if path.name == "c.ipynb":  # b and c run now, d, e and f wait their turn
            threading.Timer(0.3, interrupt).start()
        if path.name != "a.ipynb":
            time.sleep(1)  # a notebook at work (a fake runner has no kernel to kill)
        return Outcome(path.name, "ok")

    cache_file = tmp_path / ".book.cache.json"
    began = time.monotonic()
    with pytest.raises(raised), sigterm_cleanup():
        run_all({p.name: p for p in sorted(tmp_path.glob("*.ipynb"))}, timeout=60, cache=Cache(cache_file, 60),
                runner=runner, progress=False)
    assert time.monotonic() - began < 2.5
    assert sorted(started) == ["a.ipynb", "b.ipynb", "c.ipynb"]
    saved = json.loads(cache_file.read_text(encoding="utf-8"))
    assert saved == {f"{__version__}|60|{hashlib.sha256(b'a').hexdigest()}": {"status": "ok", "detail": "",
                                                                            "records": []}}
    again: list[str] = []  # the next run goes on where this one stopped
    run_all({p.name: p for p in sorted(tmp_path.glob("*.ipynb"))}, timeout=60, cache=Cache(cache_file, 60),
            runner=lambda path, timeout: again.append(path.name) or Outcome(path.name, "ok"), progress=False)
    assert sorted(again) == ["b.ipynb", "c.ipynb", "d.ipynb", "e.ipynb", "f.ipynb"]


def _kernels_of(pid: int) -> list[int]:
    """The ipykernel processes `pid` started (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid and b"ipykernel" in command:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@LINUX
def test_ctrl_c_kills_a_notebook_that_never_ends(tmp_path):
    """The kernel runs in its own session: the terminal's Ctrl+C never reaches it, the grader must kill it."""
    path = tmp_path / "loop.ipynb"
    path.write_text(_notebook("while True:\n    pass"))
    kernels: list[int] = []
    interrupted: list[float] = []

    def interrupt_once_the_loop_runs() -> None:
        give_up = time.monotonic() + 60
        while not kernels and time.monotonic() < give_up:
            kernels.extend(_kernels_of(os.getpid()))
            time.sleep(0.1)
        time.sleep(2)  # the kernel has started its endless cell
        interrupted.append(time.monotonic())
        _thread.interrupt_main()

    threading.Thread(target=interrupt_once_the_loop_runs, daemon=True).start()
    with pytest.raises(KeyboardInterrupt):
        run_all({"loop.ipynb": path}, timeout=40, progress=False)
    assert kernels and time.monotonic() - interrupted[0] < 5
    assert not [pid for pid in kernels if _alive(pid)]


def test_the_kernels_own_output_does_not_reach_the_trainers_screen(tmp_path, capfd):
    path = tmp_path / "noisy.ipynb"
    path.write_text(_notebook("import os\nos.write(2, b'kernel noise on stderr\\n')\nos.write(1, b'kernel noise "
                              "on stdout\\n')"))
    assert execute(path, 30).status == "ok"
    captured = capfd.readouterr()
    assert "kernel noise" not in captured.out + captured.err


def test_a_kernel_that_cannot_start_says_why_and_leaves_no_traceback(tmp_path):
    """No kernel could start (here: a kernel without ipykernel): the status carries the kernel's last line, since
    its stderr is not on the screen, and the grading ends without nbclient's exit-time traceback."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-c", "import sys; sys.exit('No module named ipykernel_launcher')", "-f",
                 "{connection_file}"], "display_name": "broken", "language": "python"}))
    (tmp_path / "handed_in").mkdir()
    (tmp_path / "handed_in" / "work.ipynb").write_text(_notebook("1 + 1"))
    graded = subprocess.run(
        [sys.executable, "-m", "simulation", "grade", str(tmp_path / "handed_in"), "--out", str(tmp_path / "book.csv"),
         "--quiet"], capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[1],
        env={**os.environ, "JUPYTER_PATH": str(tmp_path / "jupyter")})
    assert graded.returncode == 0 and "Traceback" not in graded.stderr, graded.stdout + graded.stderr
    status = _rows(tmp_path / "book.csv")[0]["status"]
    assert status.startswith("grader failed") and "No module named ipykernel_launcher" in status, status


# ---- outputs: checked before running, written so that nothing looks whole unless it is ----------------------------

@pytest.mark.parametrize(("prepare", "out", "english", "dutch"), [
    (lambda book: None, "book.xlsx", "The gradebook '{book}' must end in one of .csv.",
     "De naam van de cijferlijst '{book}' moet eindigen op .csv."),
    (lambda book: book.with_name("book.moodle.csv").mkdir(), "book.csv",
     "For the LMS import file, '{book}.moodle.csv' is a folder; give a file name ending in .csv.",
     "Voor het importbestand voor het LMS is '{book}.moodle.csv' een map; geef een bestandsnaam die eindigt op .csv."),
    (lambda book: book.with_name("book.summary.csv").mkdir(), "book.csv",
     "For the summary of the grading, '{book}.summary.csv' is a folder; give a file name ending in .csv.",
     "Voor het nakijkoverzicht is '{book}.summary.csv' een map; geef een bestandsnaam die eindigt op "
     ".csv."),
    (lambda book: (book.with_name("book.feedback").mkdir(), (book.with_name("book.feedback") / "notes.txt").touch()),
     "book.csv", "The folder '{book}.feedback' holds other files (notes.txt); save to a new folder so none of them "
                 "is lost.", "De map '{book}.feedback' bevat andere bestanden (notes.txt); sla op in een nieuwe map, "
                             "zodat er geen verloren gaat.")],
    ids=["xlsx", "lms-file-a-folder", "summary-a-folder", "foreign-feedback-folder"])
def test_every_output_is_checked_before_a_notebook_runs(tmp_path, monkeypatch, prepare, out, english, dutch):
    monkeypatch.setattr("simulation.grading.run.execute", lambda path, timeout, **_: pytest.fail("it ran"))
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.ipynb").write_text("s1")
    book = tmp_path / out
    prepare(book)
    with pytest.raises(KitError) as refused:
        grade_folder(tmp_path / "subs", book, lms=("moodle",))
    where = str(tmp_path / "book") if out == "book.csv" else str(book)
    assert str(refused.value) == english.format(book=where)
    assert refused.value.in_language("nl") == dutch.format(book=where)
    assert not book.exists() or book.is_dir()


def test_the_command_line_refuses_a_gradebook_that_is_no_csv(tmp_path, capsys, no_kernels):
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.ipynb").write_text("s1")
    book = tmp_path / "book.xlsx"
    assert main(["grade", str(tmp_path / "subs"), "--out", str(book), "--quiet", "--language", "nl"]) == 2
    assert capsys.readouterr().err == f"fout: De naam van de cijferlijst '{book}' moet eindigen op .csv.\n"
    assert not book.exists()


def test_the_gradebooks_folder_is_made_on_the_first_run(tmp_path, no_kernels, capsys):
    """The README grades into 'grades/gradebook.csv': a trainer's first run has no such folder yet."""
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.ipynb").write_text("s1")
    grade_folder(tmp_path / "subs", tmp_path / "grades" / "book.csv", lms=("moodle",), cache=False, progress=False)
    assert sorted(p.name for p in (tmp_path / "grades").iterdir()) == [
        "book.csv", "book.feedback", "book.moodle.csv", "book.summary.csv"]
    (tmp_path / "taken").write_text("a file where the folder should be")
    assert main(["grade", str(tmp_path / "subs"), "--out", str(tmp_path / "taken" / "book.csv")]) == 2
    assert f"Cannot write '{tmp_path / 'taken'}'" in capsys.readouterr().err


def test_the_feedback_folder_is_replaced_whole(tmp_path, no_kernels):
    """Feedback of a submission no longer in the folder goes with the rest of the previous run's."""
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.ipynb").write_text("s1")
    (tmp_path / "subs" / "b.ipynb").write_text("s2")
    book = tmp_path / "book.csv"
    grade_folder(tmp_path / "subs", book, cache=False, progress=False)
    assert sorted(p.name for p in (tmp_path / "book.feedback").iterdir()) == ["manifest.json", "s1_a.md", "s2_b.md"]
    (tmp_path / "subs" / "b.ipynb").unlink()
    grade_folder(tmp_path / "subs", book, cache=False, progress=False)
    assert sorted(p.name for p in (tmp_path / "book.feedback").iterdir()) == ["manifest.json", "s1_a.md"]


def test_a_failed_write_leaves_no_gradebook_beside_a_half_written_set(tmp_path, monkeypatch, no_kernels):
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.ipynb").write_text("s1")
    book = tmp_path / "book.csv"
    grade_folder(tmp_path / "subs", book, lms=("moodle",), cache=False, progress=False)
    assert book.is_file() and (tmp_path / "book.moodle.csv").is_file()
    feedback_before = sorted(p.name for p in (tmp_path / "book.feedback").iterdir())
    assert len(feedback_before) == 2  # a's feedback file and the folder's manifest

    def broken(*_):
        raise RuntimeError("the disk went away")
    monkeypatch.setattr("simulation.grading.gradebook.feedback_text", broken)
    (tmp_path / "subs" / "b.ipynb").write_text("s2")
    with pytest.raises(RuntimeError):
        grade_folder(tmp_path / "subs", book, lms=("moodle",), cache=False, progress=False)
    # neither the previous gradebook nor its LMS file (the one a trainer uploads) is left to look current; the
    # previous feedback folder stays whole; no temporaries
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.feedback", "subs"]
    assert sorted(p.name for p in (tmp_path / "book.feedback").iterdir()) == feedback_before


def _work(student: str, name: str, *exercise_ids: str, course: str | None = None) -> str:
    """A stand-in submission (`_student_in_file`) with this student's right answers to `exercise_ids`, made with
    the course code `course` given to start(...)."""
    return json.dumps({"student": student, "name": name, "course": course, "answers": {
        e: EXERCISES[e].model_answer(inputs_for(EXERCISES[e], student.lower(), course)) for e in exercise_ids}})


@pytest.mark.parametrize(("a", "b"), [
    (("a.ipynb", _work("s1", "Ann", "nps-variant")), ("b.ipynb", _work("S1", "Ann", "nps-variant"))),
    (("a.ipynb", _work("s1", "Ann", "nps-variant")), ("b.ipynb", _work("s1", "Bob", "complaint-goal"))),
    (("ann_1/a.ipynb", _work("s1", "", "nps-variant")), ("bob_2/b.ipynb", _work("s1", "", "complaint-goal"))),
    (("Archive/a.ipynb", _work("s1", "", "nps-variant")), ("Archive/b.ipynb", _work("s1", "", "complaint-goal")))],
    ids=["one exercise answered twice", "two names", "two people's folders, no names", "one folder for everyone"])
def test_duplicated_student_numbers_are_left_out_of_the_lms_files(tmp_path, no_kernels, a, b):
    """Two versions of one notebook, copying, or a typo in a number: the trainer decides which counts."""
    for name, held in (a, b, (f"{PurePosixPath(a[0]).parent}/c.ipynb", "s2")):
        (tmp_path / "subs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "subs" / name).write_text(held)
    book = tmp_path / "book.csv"
    result = grade_folder(tmp_path / "subs", book, lms=("brightspace", "canvas", "moodle"), cache=False,
                          progress=False)
    assert [r["ID number"] for r in _rows(tmp_path / "book.moodle.csv")] == ["s2"]
    assert [r["SIS User ID"] for r in _rows(tmp_path / "book.canvas.csv")] == ["s2"]
    assert [r["OrgDefinedId"] for r in _rows(tmp_path / "book.brightspace.csv")] == ["#s2"]
    assert sorted(r["student_number"] for r in _rows(book)) == ["s1", "s1", "s2"]  # the gradebook keeps both
    first = result.results[0]
    assert first.status_in("en") == "duplicate student number: left out of the LMS files"
    assert first.status_in("nl") == "dubbel studentnummer: niet in de LMS-bestanden"


def test_the_notebooks_of_one_student_are_added_up_in_the_lms_files(tmp_path, no_kernels):
    """The course hands out one notebook per set of exercises, and Moodle's download gives a student's notebooks
    in one folder: they are parts of one student's work, not duplicates (they were left out of the LMS files)."""
    (tmp_path / "subs" / "ann").mkdir(parents=True)
    (tmp_path / "subs" / "ann" / "01.ipynb").write_text(_work("s1", "Ann", "nps-variant"))
    (tmp_path / "subs" / "ann" / "02.ipynb").write_text(_work("S1", "", "complaint-goal", "churn-grade-6"))
    (tmp_path / "subs" / "bob.ipynb").write_text(_work("s2", "Bob", "nps-variant"))
    book = tmp_path / "book.csv"
    result = grade_folder(tmp_path / "subs", book, lms=("brightspace", "canvas", "moodle"), cache=False,
                          progress=False, language="nl")
    assert [list(r.values()) for r in _rows(tmp_path / "book.moodle.csv")] == [
        ["s1", "Ann", "3"], ["s2", "Bob", "1"]]
    assert [r["OrgDefinedId"] for r in _rows(tmp_path / "book.brightspace.csv")] == ["#s1", "#s2"]
    assert [r["total"] for r in _rows(book)] == ["1", "2", "1"]  # the gradebook keeps a row per notebook
    assert result.results[0].status_in("nl") == ("één van 2 notebooks van deze student: de LMS-bestanden bevatten "
                                                 "hun totaal")
    feedback = [path.read_text(encoding="utf-8") for path in (tmp_path / "book.feedback").glob("*.md")]
    assert sum("**Note:** one of 2 notebooks of this student" in text for text in feedback) == 2  # the student's own


def test_the_student_reads_why_answers_are_missing(tmp_path):
    """A notebook that reached its time limit: the answers after the endless cell are 'No answer found', and the
    student's feedback says why, in the student's language (it was only in the trainer's gradebook)."""
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "loop.ipynb").write_text(_notebook(
        'from simulation.exercises import start\nstart("s7654321", language="nl")', "while True:\n    pass"))
    grade_folder(tmp_path / "subs", tmp_path / "book.csv", timeout=20, cache=False, progress=False)
    feedback = (tmp_path / "book.feedback" / "s7654321_loop.md").read_text(encoding="utf-8")
    assert "**Let op:** tijdslimiet: na 20 s gestopt (een oneindige lus?)" in feedback


# ---- which files are graded, under which name ---------------------------------------------------------------------

def test_moodles_download_with_a_folder_per_student_is_graded(tmp_path, no_kernels):
    subs = tmp_path / "subs"
    for folder, student in (("Jan Jansen_123456_assignsubmission_file_", "s123456"),
                            ("Piet Puk_654321_assignsubmission_file_", "s654321")):
        (subs / folder).mkdir(parents=True)
        (subs / folder / "03_strategy.ipynb").write_text(student)  # one file name, two students
        (subs / folder / ".~lock.03_strategy.ipynb#").write_text("hidden")
    (subs / "loose.ipynb").write_text("s7")
    (subs / ".git").mkdir()
    (subs / ".git" / "hidden.ipynb").write_text("s8")
    (subs / "deep" / "deeper").mkdir(parents=True)
    (subs / "deep" / "deeper" / "too_deep.ipynb").write_text("s9")
    book = tmp_path / "book.csv"
    grade_folder(subs, book, cache=False, progress=False)
    assert [(r["file"], r["student_number"]) for r in _rows(book)] == [
        ("Jan Jansen_123456_assignsubmission_file_/03_strategy.ipynb", "s123456"),
        ("Piet Puk_654321_assignsubmission_file_/03_strategy.ipynb", "s654321"), ("loose.ipynb", "s7")]
    assert sorted(p.name for p in (tmp_path / "book.feedback").iterdir()) == [
        "manifest.json", "s123456_Jan_Jansen_123456_assignsubmission_file__03_strategy.md",
        "s654321_Piet_Puk_654321_assignsubmission_file__03_strategy.md", "s7_loose.md"]


@pytest.mark.parametrize(("language", "told"), [
    ("en", "error: '{folder}' holds no files to grade: put the submissions in it, or one folder down (as Moodle's "
           "download does).\n"),
    ("nl", "fout: In '{folder}' staan geen bestanden om na te kijken: zet de inleveringen erin, of één map dieper "
           "(zoals de download van Moodle doet).\n")])
def test_a_folder_with_nothing_to_grade_is_a_mistake(tmp_path, capsys, language, told):
    subs = tmp_path / "subs"
    (subs / "empty_student_folder").mkdir(parents=True)
    (subs / ".hidden.ipynb").write_text("s1")
    assert main(["grade", str(subs), "--out", str(tmp_path / "book.csv"), "--quiet", "--language", language]) == 2
    assert capsys.readouterr().err == told.format(folder=subs)
    assert not (tmp_path / "book.csv").exists()


def test_a_gradebook_inside_the_submissions_folder_is_not_graded_next_time(tmp_path, no_kernels):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "a.ipynb").write_text("s1")
    for _ in range(2):
        grade_folder(subs, subs / "book.csv", lms=("moodle",), progress=False)
    assert [r["file"] for r in _rows(subs / "book.csv")] == ["a.ipynb"]


@LINUX
def test_a_file_name_that_is_no_utf8_is_graded_and_shown(tmp_path, capsys, monkeypatch):
    """A zip from Windows unpacked with Latin-1 names: 'Hoëk' as the byte 0xEB, twice with another byte."""
    subs = tmp_path / "subs"
    subs.mkdir()
    for raw in (b"Ho\xebk.ipynb", b"Ho\xefk.ipynb"):
        (subs / os.fsdecode(raw)).write_bytes(b"")  # empty: told without a kernel
    book = tmp_path / "book.csv"
    assert main(["grade", str(subs), "--out", str(book), "--quiet", "--lms", "moodle"]) == 0
    assert [r["file"] for r in _rows(book)] == ["Ho\ufffdk-2.ipynb", "Ho\ufffdk.ipynb"]
    assert "  Ho\ufffdk.ipynb: empty: empty file" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "book.feedback").iterdir()) == [
        "manifest.json", "no-number_Ho_k-2.md", "no-number_Ho_k.md"]
    monkeypatch.setattr("simulation.grading.run.execute", lambda path, timeout, **_: pytest.fail("ran again"))
    grade_folder(subs, book, lms=("moodle",), progress=False)  # the cache was saved and is used


def test_feedback_files_never_overwrite_each_other(tmp_path):
    """Names a file name loses the difference of: a space or an underscore, two accents, the suffix, the case."""
    files = ["Jan Jansen.ipynb", "Jan_Jansen.ipynb", "Hoëk.ipynb", "Hoök.ipynb", "s1.ipynb", "s1.txt", "A.ipynb",
             "a.ipynb"]
    results = [StudentResult(file, None, "", "en") for file in reversed(files)]  # in the order of the files, not given
    write_all(results, [], tmp_path / "book.csv")
    written = {p.name: p.read_text(encoding="utf-8").splitlines()[2].strip()
               for p in (tmp_path / "book.feedback").glob("*.md")}
    assert written == {"no-number_A.md": "A.ipynb", "no-number_Ho_k.md": "Hoëk.ipynb",
                       "no-number_Ho_k-2.md": "Hoök.ipynb", "no-number_Jan_Jansen.md": "Jan Jansen.ipynb",
                       "no-number_Jan_Jansen-2.md": "Jan_Jansen.ipynb", "no-number_a-2.md": "a.ipynb",
                       "no-number_s1.md": "s1.ipynb", "no-number_s1-2.md": "s1.txt"}


@pytest.mark.parametrize(("trainer", "students", "english", "dutch"), [
    ("sales-2025", ("sales-2026", "sales-2026", None),
     "No submission answered with course code 'sales-2025'; they answered 2 with course code 'sales-2026', 1 without "
     "a course code. An exercise's numbers depend on the course code the student gave start(...), so every answer "
     "would be marked wrong. Grade again with --course sales-2026.",
     "In geen enkele inlevering is geantwoord met cursuscode 'sales-2025'; wel 2 met cursuscode 'sales-2026', 1 "
     "zonder cursuscode. De getallen van een opgave hangen af van de cursuscode die de student aan start(...) gaf, "
     "dus elk antwoord zou fout gerekend worden. Kijk opnieuw na met --course sales-2026."),
    (None, ("sales-2026", "sales-2026", "sales-2027"),
     "No submission answered without a course code; they answered 2 with course code 'sales-2026', 1 with course "
     "code 'sales-2027'.", "In geen enkele inlevering is geantwoord zonder cursuscode; wel 2 met cursuscode")],
    ids=["mistyped", "left out"])
def test_a_course_code_no_student_used_is_refused_before_anything_is_written(tmp_path, no_kernels, capsys, trainer,
                                                                              students, english, dutch):
    """A trainer's --course mistyped (or left out) gave every student 0 and 'wrong' for right answers, and exited 0."""
    (tmp_path / "subs").mkdir()
    for name, student, course in zip("abc", ("s1", "s2", "s3"), students):
        (tmp_path / "subs" / f"{name}.ipynb").write_text(_work(student, "", "nps-variant", course=course))
    book = tmp_path / "grades" / "book.csv"
    with pytest.raises(KitError) as refused:
        grade_folder(tmp_path / "subs", book, course=trainer, lms=("moodle",), cache=False, progress=False)
    assert str(refused.value).startswith(english) and refused.value.in_language("nl").startswith(dutch)
    assert not book.parent.exists() or not any(book.parent.iterdir())
    command = ["grade", str(tmp_path / "subs"), "--out", str(book), "--quiet", "--language", "nl"]
    assert main(command + (["--course", trainer] if trainer else [])) == 2
    assert capsys.readouterr().err.startswith(f"fout: {dutch}")
    assert main(command + ["--course", "sales-2026"]) == 0  # the students' code: graded, the one without it remarked
    rows = {row["student_number"]: row for row in _rows(book)}
    assert rows["s1"]["total"] == rows["s2"]["total"] == "1" and rows["s3"]["total"] == "0"
    assert "andere cursuscode" in rows["s3"]["status"]


def test_a_forged_course_in_an_answer_record_counts_as_none():
    """A course code that is no text (a record edited by hand) must not stop the grading of the whole folder."""
    from collections import Counter

    from simulation.grading.gradebook import courses_answered

    forged = Outcome("x.ipynb", "ok", "", [{"kind": "answer", "exercise": "nps-variant", "course": ["x"]}])
    assert courses_answered([forged]) == Counter({None: 1})
