"""From answer records to grades: the gradebook, LMS import layouts, feedback per student, a summary per exercise.

Every answer is checked here, in the trainer's process, with the trainer's
course salt and the student number of the notebook's `start` record: what
the notebook's own `check` showed is never read. LMS layouts (one total
column, as their import expects):

- Brightspace (D2L KB "Importing grades"): `OrgDefinedId`, `<item> Points Grade`,
  `End-of-Line Indicator`; like Brightspace's own export, the id gets a leading `#` (kept as text,
  leading zeros survive Excel; not part of the data) and every row ends in `#`.
- Canvas (Grades › Import, the layout of its own export): `Student`, `ID`, `SIS User ID`,
  `SIS Login ID`, `Section`, `<item>`; the student number goes in SIS User ID.
- Moodle (Grades › Import › CSV file): `ID number`, `Full name`, `<item>`; map
  "ID number" to the user's ID number when importing.

A student's notebooks (one per set of exercises, in the student's own Moodle sub-folder or under one name) are
added up in the LMS files; any other student number that two submissions give is left out of every LMS file
(an LMS would take either row, or refuse the import); the gradebook shows both, with a remark. Every path a
grading writes is named in one place (`Outputs`) and checked before any notebook runs; they are written so
that a failure never leaves a set that looks whole: the gradebook comes last (see `write_all`).
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

from ..exercises.base import LANGUAGES, AnswerError, Text
from ..exercises.catalogue import EXERCISES
from ..exercises.checker import Feedback, grade
from ..exercises.personal import normalise_student
from ..errors import KitError, command_word
from ..files import atomic_folder, check_replaceable, check_target, write_text
from ..spreadsheets import csv_number, csv_text
from ..language import kit_error, pick, text
from .run import MAX_BYTES, TIME_LIMIT, Outcome, unique_names

LMS_LAYOUTS = ("brightspace", "canvas", "moodle")
FEEDBACK_FILES = ("*.md",)  # all a feedback folder holds (besides its manifest): it may be replaced whole


@dataclass(frozen=True)
class Outputs:
    """Every path one grading writes, named after the gradebook `out`: in one place, so that the checks before
    the run, the writes after it and the files left out of the submissions (a gradebook inside the submissions
    folder) are always the same paths."""

    gradebook: Path
    lms: dict[str, Path]
    summary: Path
    feedback: Path

    @classmethod
    def beside(cls, out: Path, lms: Sequence[str] = ()) -> Outputs:
        return cls(out, {layout: out.with_name(f"{out.stem}.{layout}.csv") for layout in lms},
                   out.with_name(f"{out.stem}.summary.csv"), out.with_name(f"{out.stem}.feedback"))

    def paths(self) -> list[Path]:
        return [self.gradebook, *self.lms.values(), self.summary, self.feedback]

    def check(self) -> None:
        """Refuse, before any notebook runs, what could only fail after all of them ran: a gradebook that is no
        .csv (a '.xlsx' would get CSV text) or in a folder the kit cannot write to, an LMS or summary file that
        is a folder, a feedback folder with files the kit did not write (it is replaced whole)."""
        check_target(self.gradebook, "gradebook", (".csv",))
        for path in self.lms.values():
            check_target(path, "lms_import", (".csv",))
        check_target(self.summary, "grading_summary", (".csv",))
        check_replaceable(self.feedback, FEEDBACK_FILES)


@dataclass(frozen=True)
class Remark:
    """One remark in a submission's status column: a `grade.*` text, its values, and a detail shown as it is
    (the name of the error that made a file no notebook, the grader's own failure)."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)
    detail: str = ""

    def told(self, language: str) -> str:
        told = text(self.key, language, **self.values)
        return f"{told} ({self.detail})" if self.detail else told


OTHER_COURSE = Remark("grade.other_course")  # an answer made with another course code than the trainer's


@dataclass
class StudentResult:
    """One submission graded: who, the feedback per exercise (in the student's language), and the remarks that go
    in the status column (in the trainer's)."""

    file: str
    student: str | None
    name: str
    language: str
    feedback: dict[str, Feedback] = field(default_factory=dict)
    remarks: list[Remark] = field(default_factory=list)
    typed: str = ""  # the student number as the student typed it (the LMS matches it exactly)

    @property
    def student_id(self) -> str:
        """The number for the gradebook and LMS files: as typed, so 'S123' stays 'S123' for Canvas and Moodle."""
        return self.typed or self.student or ""

    def score(self, exercise_id: str) -> float:
        return self.feedback[exercise_id].score if exercise_id in self.feedback else 0.0

    @property
    def total(self) -> float:
        return sum(f.score for f in self.feedback.values())

    @property
    def status(self) -> str:
        """The status column in English."""
        return self.status_in("en")

    def status_in(self, language: str) -> str:
        """The status column in `language`: 'ok', or the remarks."""
        return "; ".join(remark.told(language) for remark in self.remarks) or "ok"


def _start(records: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    starts = [r for r in records if r.get("kind") == "start"]
    return starts[-1] if starts else {}


def _same_student(typed: str, student: str | None) -> bool:
    """Whether the spelling recorded at `start` is the number that was graded (a forged one is ignored)."""
    try:
        return student is not None and normalise_student(typed) == student
    except AnswerError:
        return False


#: Statuses of a file that was not run at all (or could not be, here): nothing in it could name a student.
UNREAD = ("not a notebook", "empty", "too large", "grader failed")


def _run_remark(outcome: Outcome, timeout: float) -> Remark:
    """What went wrong running the notebook, for the status column (the detail where it helps the trainer)."""
    key = f"grade.{outcome.status.replace(' ', '_')}"
    if outcome.status == "time limit":
        return Remark(key, {"seconds": timeout})
    if outcome.status == "too large":
        return Remark(key, {"megabytes": MAX_BYTES / 1e6})
    shows_detail = outcome.status in ("crashed", "grader failed")  # (not a notebook's: a Python error's name)
    return Remark(key, detail=outcome.detail if shows_detail else "")


def grade_outcome(outcome: Outcome, course: str | None = None, timeout: float = TIME_LIMIT,
                  language: str = "en") -> StudentResult:
    """Check the last answer to each exercise, for the student the notebook's last `start` named (`timeout`: the
    notebooks' time limit, for the status of one that reached it); the feedback is in the language the student
    chose, else the trainer's (`language`)."""
    start = _start(outcome.records)
    try:
        student = normalise_student(start.get("student"))
    except AnswerError:  # a forged start record: the submission has no valid student number
        student = None
    language = start.get("language") if start.get("language") in LANGUAGES else language
    name = start.get("name") if isinstance(start.get("name"), str) else ""
    typed = start.get("typed")
    result = StudentResult(outcome.file, student, name[:100], language,
                           typed=typed if isinstance(typed, str) and _same_student(typed, student) else "")
    if outcome.status != "ok":
        result.remarks.append(_run_remark(outcome, timeout))
    if student is None and outcome.status not in UNREAD:  # (a file that is no notebook has no student to name)
        result.remarks.append(Remark("grade.no_student"))
    answers: dict[str, Any] = {}
    for record in outcome.records:
        if record.get("kind") == "answer" and record.get("student") == student and record.get("exercise") in EXERCISES:
            answers[record["exercise"]] = record.get("answer")
            if (record.get("course") or None) != (course or None) and OTHER_COURSE not in result.remarks:
                result.remarks.append(OTHER_COURSE)
    for exercise_id, answer in answers.items():
        result.feedback[exercise_id] = grade(exercise_id, answer, student=student, course=course, language=language)
    if not answers and outcome.status in ("ok", "errors"):
        result.remarks.append(Remark("grade.no_answers"))
    return result


def _code(course: Any) -> str | None:
    """A course code as an answer record holds it; anything but text (a forged record) counts as none."""
    return course if isinstance(course, str) and course else None


def courses_answered(outcomes: Iterable[Outcome]) -> Counter[str | None]:
    """How many submissions answered with each course code (None: without one); a notebook that answered with
    two codes counts for both."""
    used: Counter[str | None] = Counter()
    for outcome in outcomes:
        used.update({_code(record.get("course")) for record in outcome.records if record.get("kind") == "answer"})
    return used


def _how(course: str | None, language: str) -> str:
    """'with course code 'x'' or 'without a course code', as the refusal below says how answers were made."""
    return text("grade.with_course", language, course=course) if course else text("grade.without_course", language)


def check_course(course: str | None, used: Counter[str | None]) -> None:
    """Refuse to grade when no submission answered with the trainer's course code: a code mistyped or left out
    on the command line, not every student's mistake. Grading on would mark every answer wrong, and the LMS files
    would give everyone 0. (Some students with another code: their remark says so, the rest are graded.)"""
    if not used or (course or None) in used:
        return
    common = used.most_common(1)[0][0]
    raise kit_error(KitError, "error.grade_course", trainer=partial(_how, course or None),
                    used=lambda language: ", ".join(f"{n} {_how(given, language)}" for given, n in used.most_common()),
                    again=partial(text, "grade.course_option", course=command_word(common)) if common else
                    partial(text, "grade.no_course_option"))


def by_student(results: Iterable[StudentResult]) -> dict[str, list[StudentResult]]:
    """The submissions of each student number, in the gradebook's order."""
    groups: dict[str, list[StudentResult]] = {}
    for result in results:
        if result.student:
            groups.setdefault(result.student, []).append(result)
    return groups


def _own_folders(results: Iterable[StudentResult]) -> set[PurePosixPath]:
    """The sub-folders every file of which gives one student number: a student's own (Moodle's download), not a
    folder that wraps everyone's work (a zip unpacked into 'Archive/')."""
    numbers: dict[PurePosixPath, set[str | None]] = {}
    for result in results:
        numbers.setdefault(PurePosixPath(result.file).parent, set()).add(result.student)
    return {folder for folder, given in numbers.items() if folder != PurePosixPath(".") and len(given) == 1}


def _not_one_students_work(group: Sequence[StudentResult], own_folders: set[PurePosixPath]) -> bool:
    """Files under one student number that are not known to be parts of one student's work (one notebook per set
    of exercises, as the course hands them out): that needs the files in one folder of the student's own or one
    name in every file, and no exercise answered twice (two versions, or copying). Two people under one number
    (a typo, a copied start cell) must not be added up unseen."""
    answered = [exercise_id for result in group for exercise_id in result.feedback]
    folders = {PurePosixPath(result.file).parent for result in group}
    names = {result.name.strip().casefold() for result in group}
    one_owner = (len(folders) == 1 and folders <= own_folders) or (len(names) == 1 and "" not in names)
    return not one_owner or len(answered) != len(set(answered))


def duplicated(results: Sequence[StudentResult]) -> set[str]:
    """The student numbers whose submissions are not one student's work (`_not_one_students_work`)."""
    own_folders = _own_folders(results)
    return {student for student, group in by_student(results).items()
            if len(group) > 1 and _not_one_students_work(group, own_folders)}


def mark_duplicates(results: Sequence[StudentResult]) -> None:
    """Several submissions with one student number: the parts of one student's work (each notebook of the course
    answers other exercises) are added up in the LMS files; otherwise (copying, a typo in a number, two versions
    of one notebook) every one gets a remark that says they are left out of the LMS files: the trainer decides."""
    twice = duplicated(results)
    for student, group in by_student(results).items():
        if len(group) > 1:
            remark = Remark("grade.duplicate") if student in twice else Remark("grade.combined", {"files": len(group)})
            for result in group:
                result.remarks.append(remark)


def gradebook_rows(results: Sequence[StudentResult], exercise_ids: Sequence[str], language: str = "en"
                   ) -> tuple[list[str], list[list[Any]]]:
    """The kit's own layout: one row per submission, a score (0–1) per exercise, total, maximum, status (in
    `language`; the column names stay, as the LMS layouts' do). The gradebook file and `Gradebook.table`."""
    header = ["file", "student_number", "name", *exercise_ids, "total", "max", "status"]
    rows = [[r.file, r.student_id, r.name, *(float(r.score(e)) for e in exercise_ids), float(r.total),
             len(exercise_ids), r.status_in(language)] for r in results]
    return header, rows


def gradebook_csv(results: Sequence[StudentResult], exercise_ids: Sequence[str], language: str = "en") -> str:
    """The gradebook as CSV, for a spreadsheet in the trainer's `language` (`spreadsheets.csv_text`)."""
    return csv_text(*gradebook_rows(results, exercise_ids, language), language)


def lms_csv(layout: str, results: Sequence[StudentResult], item: str) -> str:
    """The total per student in the import layout of `layout` (see the module docstring); rows need a number, and
    one that two submissions give is left out unless they are parts of one student's work: the trainer decides
    which counts."""
    twice = duplicated(results)
    graded = [_one_row(group) for student, group in by_student(results).items() if student not in twice]
    if layout == "brightspace":
        return csv_text(["OrgDefinedId", f"{item} Points Grade", "End-of-Line Indicator"],
                        [[f"#{number}", float(total), "#"] for number, _, total in graded])
    if layout == "canvas":
        return csv_text(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", item],
                        [[name, "", number, "", "", float(total)] for number, name, total in graded])
    if layout == "moodle":
        return csv_text(["ID number", "Full name", item],
                        [[number, name, float(total)] for number, name, total in graded])
    raise KitError(f"Unknown LMS layout {layout!r}; choose from {', '.join(LMS_LAYOUTS)}.")


def _one_row(group: Sequence[StudentResult]) -> tuple[str, str, float]:
    """A student's row in an LMS file: the number as typed, the name, and the total over the parts of their work."""
    number = next((r.typed for r in group if r.typed), group[0].student_id)
    return number, next((r.name for r in group if r.name), ""), sum(r.total for r in group)


_HEAD = Text("Feedback on your exercises", "Feedback op je opgaven")
_TOTAL = Text("Total: {total:g} of {max} points.", "Totaal: {total:g} van {max} punten.")
_MISSING = Text("No answer found.", "Geen antwoord gevonden.")
_NOTE = Text("Note:", "Let op:")


def feedback_text(result: StudentResult, exercise_ids: Sequence[str]) -> str:
    """The student's feedback file (Markdown) in the student's language: never an expected answer."""
    language = result.language
    lines = [f"# {_HEAD(language)}", "", f"{result.student or result.file}  ", _TOTAL(
        language, total=result.total, max=len(exercise_ids)), ""]
    if result.remarks:  # e.g. the notebook reached its time limit: why the answers after that cell are missing
        lines += [f"**{_NOTE(language)}** {result.status_in(language)}", ""]
    for exercise_id in exercise_ids:
        title = EXERCISES[exercise_id].title(language)
        feedback = result.feedback.get(exercise_id)
        lines += [f"## {title}", "", str(feedback) if feedback else _MISSING(language), ""]
    return "\n".join(lines)


def summary_csv(results: Sequence[StudentResult], exercise_ids: Sequence[str], language: str = "en",
                top: int = 3) -> str:
    """Per exercise: answers, share correct, share close, and the most common mistakes (for the trainer, titles
    and mistakes in `language`)."""
    rows = []
    for exercise_id in exercise_ids:
        given = [r.feedback[exercise_id] for r in results if exercise_id in r.feedback]
        mistakes = Counter(f.mistake for f in given if f.mistake and not f.correct)
        share = (lambda status: csv_number(sum(f.status == status for f in given) / len(given), language, ".2f")
                 if given else "")
        rows.append([exercise_id, EXERCISES[exercise_id].title(language), len(given), share("correct"),
                     share("close"), " | ".join(f"{pick((label.en, label.nl), language)} ({count})"
                                              for label, count in mistakes.most_common(top))])
    return csv_text(["exercise", "title", "answers", "share_correct", "share_close", "most_common_mistakes"], rows,
                    language)


def _file_stem(result: StudentResult) -> str:
    """'<student number>_<file>' in letters any file system takes: the file's label without its suffix, so a
    student's sub-folder (Moodle's download) stays in the name. Two files may still give one stem: see
    `write_all`."""
    label = PurePosixPath(result.file)
    return re.sub(r"[^A-Za-z0-9._-]+", "_", f"{result.student or 'no-number'}_{label.with_suffix('')}")[:120]


def write_all(results: Sequence[StudentResult], exercise_ids: Sequence[str], out: Path,
              lms: Sequence[str] = (), item: str = "B2B sales exercises", language: str = "en") -> list[Path]:
    """Write a feedback file per student, the summary, the LMS layouts and the gradebook (the gradebook's status
    and the summary in the trainer's `language`, each feedback file in its student's); the paths written.

    Nothing looks whole unless it is: the previous gradebook, summary and LMS files go first and the new
    gradebook is written last, so a gradebook exists only beside everything that belongs with it, and no LMS
    file of an earlier run is left to look current after a failed one; the feedback folder is swapped in whole (a
    crash leaves the previous one, and feedback of a submission no longer graded goes). Feedback files are
    named by `_file_stem`, made unique in the order of the files ('Jan Jansen' and 'Jan_Jansen' give
    '…_Jan_Jansen' and '…_Jan_Jansen-2'; case is ignored, as some file systems do)."""
    outputs = Outputs.beside(out, lms)
    for earlier in (outputs.gradebook, outputs.summary, *outputs.lms.values()):
        with contextlib.suppress(FileNotFoundError):
            earlier.unlink()
    ordered = sorted(results, key=lambda r: r.file)
    stems = unique_names([_file_stem(r) for r in ordered], lambda stem, number: f"{stem}-{number}", str.casefold)
    with atomic_folder(outputs.feedback, FEEDBACK_FILES) as folder:
        for stem, result in zip(stems, ordered):
            (folder / f"{stem}.md").write_text(feedback_text(result, exercise_ids), encoding="utf-8")
    written = [outputs.feedback / f"{stem}.md" for stem in stems]
    written.append(write_text(outputs.summary, summary_csv(results, exercise_ids, language)))
    for layout, path in outputs.lms.items():
        written.append(write_text(path, lms_csv(layout, results, item)))
    written.append(write_text(outputs.gradebook, gradebook_csv(results, exercise_ids, language)))
    return written
