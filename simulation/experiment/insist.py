"""Limits a user may insist past, told with the way to insist of the face that asked.

An experiment estimated at over ten minutes or 2 GB (`budget.check_budget`) and more workers than cores
(`executors.worker_count`) run only when the user insists: `force=True` in Python, `--yes` on the command
line. The limit is found deep inside the experiment, which does not know who asked, so the error keeps its
text row and values and the command line tells it again with its own way to insist (`OverLimit.insisting_with`):
each face names only what its user can type.
"""

from __future__ import annotations

from typing import Any

from ..language import kit_error
from ..scenario import ScenarioError

#: How a Python user insists (the designs' keyword), the way an `OverLimit` is first told.
IN_PYTHON = "force=True"


class OverLimit(ScenarioError):
    """A limit the user may insist past; its message ends in how to insist (`{insist}` in its text row)."""

    key: str = ""
    values: dict[str, Any] = {}

    def insisting_with(self, insist: str) -> OverLimit:
        """The same mistake, naming `insist` (e.g. '--yes') as the way past it."""
        return over_limit(self.key, insist, **self.values)


def over_limit(key: str, insist: str = IN_PYTHON, /, **values: Any) -> OverLimit:
    """The `OverLimit` of text row `key` with `values`, naming `insist` as the way past it."""
    error = kit_error(OverLimit, key, insist=insist, **values)
    error.key, error.values = key, values
    return error
