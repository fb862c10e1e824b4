"""One base class for the kit's user-facing errors and one "did you mean", wherever a user can err.

The exercises package is left out until it adopts the language layer and `KitError` (its own engineer).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulation import ScenarioError
from simulation.errors import KitError, closest, did_you_mean

PACKAGE = Path(__file__).resolve().parents[1] / "simulation"
NOT_YET = ("exercises",)


def _sources() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if path.relative_to(PACKAGE).parts[0] not in NOT_YET]


def test_user_facing_errors_are_kit_errors():
    assert issubclass(ScenarioError, KitError)
    plain = [f"{path.relative_to(PACKAGE)}:{number}" for path in _sources()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"raise (ValueError|TypeError|KeyError)\(", line)]
    assert not plain, "raise KitError (or a subclass) for a user mistake"


def test_there_is_one_did_you_mean():
    copies = [str(path.relative_to(PACKAGE)) for path in _sources()
              if "get_close_matches" in path.read_text(encoding="utf-8") and path.name != "errors.py"]
    assert not copies


@pytest.mark.parametrize(("word", "expected"), [("win_rat", " Did you mean 'win_rate'?"), ("zzz", ""), (3, "")])
def test_did_you_mean_names_the_closest_known_word(word, expected):
    assert did_you_mean(word, ["win_rate", "nps"]) == expected
    assert closest("npss", ["win_rate", "nps"]) == "nps"
