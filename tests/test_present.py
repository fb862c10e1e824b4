"""`present`: which lesson a trainer's words name."""

from __future__ import annotations

import pytest

from simulation.errors import KitError
from simulation.present import lesson_path


@pytest.mark.parametrize("named", ["03", "3", "03_expectation_management", "expectation_management",
                                   "notebooks/03_expectation_management.ipynb"])
@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_lesson_is_found_by_its_number_or_its_name(named, language):
    """The README lists the lessons by file name; 'present 03_expectation_management' was 'No lesson'."""
    found = lesson_path(named, language)
    assert found.stem == "03_expectation_management" and (found.parent.name == "nl") == (language == "nl")


@pytest.mark.parametrize("named", ["99", "003", "expectation", "03_expectation"])
def test_a_name_of_no_lesson_is_refused(named):
    with pytest.raises(KitError, match="No lesson"):
        lesson_path(named)
