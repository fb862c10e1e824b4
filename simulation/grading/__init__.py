"""Grading a folder of submitted exercise notebooks: `grade_folder(...)` or `python -m simulation grade`.

    from simulation.grading import grade_folder
    book = grade_folder("submissions/", "grades/gradebook.csv", course="sales-2026", lms=("brightspace",))
    book.table()                      # a DataFrame: one row per submission

The submissions are the visible files in the folder and one folder down
(Moodle's "Download all submissions" puts each student in a sub-folder);
each is labelled by its path in the folder ('Jan Jansen_123_…/03.ipynb').
Every file the grading writes is checked before anything runs, so a wrong
`out` is told at once, not after an hour of notebooks. Each notebook runs in
a fresh kernel (nbclient), in parallel, under a time limit (`run.py`); the
answers it recorded are checked in this process with the student's own
numbers (`gradebook.py`). Ctrl+C stops at once and keeps what finished in
the cache beside the gradebook, so the next run starts where it stopped.
Written beside `out`: `<out>.<lms>.csv` per LMS layout, `<out>.summary.csv`
and a folder `<out>.feedback/` with one Markdown file per student, in their
language, and the gradebook last; the gradebook's status column, the
summary and the mistakes are in the trainer's (`language`, or
`python -m simulation grade … --language nl`).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pandas as pd

from ..errors import KitError, hint, quoted
from ..exercises.catalogue import EXERCISES
from ..files import make_folder
from ..language import kit_error, resolve
from .gradebook import (LMS_LAYOUTS, Outputs, StudentResult, check_course, courses_answered, gradebook_rows,
                        grade_outcome, mark_duplicates, write_all)
from .run import TIME_LIMIT, Cache, Outcome, execute, printable_name, run_all, unique_names

__all__ = ["LMS_LAYOUTS", "Gradebook", "Outcome", "StudentResult", "execute", "grade_folder", "run_all"]


@dataclass
class Gradebook:
    """The graded submissions, the exercises graded (the gradebook's columns) and the files written."""

    results: list[StudentResult]
    exercise_ids: list[str]
    files: list[Path]
    language: str = "en"  # the trainer's: of the status column

    def table(self) -> pd.DataFrame:
        header, rows = gradebook_rows(self.results, self.exercise_ids, self.language)
        return pd.DataFrame(rows, columns=header)


def submissions(folder: Path, written: Collection[Path] = ()) -> dict[str, Path]:
    """Every visible file in `folder` and in its visible sub-folders (Moodle's download: one per student), by
    label: its path in `folder`, '/' between the parts, in UTF-8 (`printable_name`), made unique if two names
    differ only in bytes that are no UTF-8. Not only .ipynb: a wrong file gets its own status in the gradebook.
    Left out: what this grading writes (`written`, a gradebook kept among the submissions) and hidden files
    (the cache, temporaries)."""
    if not folder.is_dir():
        raise kit_error(KitError, "error.grade_not_a_folder", folder=str(folder))
    ours = {path.resolve() for path in written}

    def listed(where: Path) -> list[Path]:  # what a trainer sees in `where`, less what this grading writes
        return [p for p in where.iterdir() if not p.name.startswith(".") and p.resolve() not in ours]

    top = listed(folder)
    found = [p for p in top if p.is_file()] + [p for sub in top if sub.is_dir() for p in listed(sub) if p.is_file()]
    if not found:
        raise kit_error(KitError, "error.grade_nothing", folder=str(folder))
    found.sort(key=lambda p: os.fsencode(p))  # one order on every run, whatever the names' bytes
    labels = unique_names(["/".join(printable_name(part) for part in p.relative_to(folder).parts) for p in found],
                          _numbered)
    return dict(sorted(zip(labels, found)))


def _numbered(label: str, number: int) -> str:
    """'a/x.ipynb' as the second of its name: 'a/x-2.ipynb'."""
    path = PurePosixPath(label)
    return str(path.with_name(f"{path.stem}-{number}{path.suffix}"))


def grade_folder(folder: str | Path, out: str | Path, *, course: str | None = None, exercises: Sequence[str] = (),
                 lms: Sequence[str] = (), item: str = "B2B sales exercises", workers: int = 2,
                 timeout: float = TIME_LIMIT, cache: bool = True, progress: bool = True,
                 language: str | None = None) -> Gradebook:
    """Run, check and write: the gradebook at `out`, plus LMS layouts, summary and feedback files beside it.

    `exercises` fixes the gradebook's columns (default: every exercise any submission answered);
    `course` is the salt the students used in start(...); `timeout` is per notebook, in seconds;
    `language` is the trainer's (default: the session's, `set_language`), each student's feedback is in theirs.
    """
    language = resolve(language)
    folder, out = Path(folder), Path(out)
    unknown = [e for e in exercises if e not in EXERCISES] + [x for x in lms if x not in LMS_LAYOUTS]
    if unknown:
        raise kit_error(KitError, "error.grade_unknown", unknown=quoted(unknown), layouts=quoted(LMS_LAYOUTS),
                        exercises=quoted(EXERCISES),  # every id: a trainer at the terminal has no list_exercises()
                        hint=hint(unknown[0], [*EXERCISES, *LMS_LAYOUTS]))
    if not 1 <= workers <= 32 or not 1 <= timeout <= 3600:
        raise kit_error(KitError, "error.grade_limits", workers=workers, timeout=timeout)
    outputs = Outputs.beside(out, lms)
    found = submissions(folder, outputs.paths())
    make_folder(out.parent)  # the README's 'grades/gradebook.csv': a folder for the set, made on the first run
    outputs.check()
    cached = Cache(out.with_name(f".{out.stem}.cache.json") if cache else None, timeout)
    outcomes = run_all(found, timeout=timeout, workers=workers, cache=cached, progress=progress, language=language)
    check_course(course, courses_answered(outcomes.values()))  # before anything is written
    results = [grade_outcome(outcomes[label], course, timeout, language) for label in found]
    answered = {e for r in results for e in r.feedback}
    exercise_ids = list(exercises) or [e for e in EXERCISES if e in answered]
    for result in results:  # the total counts the gradebook's columns only, never an exercise left out of them
        result.feedback = {e: f for e, f in result.feedback.items() if e in exercise_ids}
    mark_duplicates(results)
    return Gradebook(results, exercise_ids, write_all(results, exercise_ids, out, lms, item, language), language)
