"""One base class for the kit's user-facing errors and one "did you mean", wherever a user can err.

The exercises package is left out until it adopts the language layer and `KitError` (its own engineer).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulation import Scenario, ScenarioError, preset
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


@pytest.mark.parametrize(("mistake", "english", "dutch"), [
    (lambda: preset("over_promis"), "Did you mean 'over_promise'?", "Bedoel je 'over_promise'?"),
    (lambda: Scenario({"funnel.promise_policy": "customerwish"}), "Did you mean 'customer_wish'?",
     "Bedoel je 'customer_wish'?")])
def test_a_preset_or_a_choice_mistyped_is_told_what_was_meant(mistake, english, dutch):
    """Only a parameter's name had a 'did you mean' (a manager's walkthrough typed --against over_promis)."""
    with pytest.raises(ScenarioError) as told:
        mistake()
    assert english in str(told.value) and dutch in told.value.in_language("nl")


def test_a_number_out_of_range_has_no_guess():
    with pytest.raises(ScenarioError) as told:
        Scenario({"economics.price_level": 7})
    assert "mean" not in str(told.value) and str(told.value).endswith("Got 7 instead.")
