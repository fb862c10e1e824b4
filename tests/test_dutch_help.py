"""Dutch help texts: every parameter row explains itself in Dutch, and the panels' tooltips follow the language.

The help is the tooltip of a parameter's control. In Dutch mode it must be
Dutch (no English words, the same numbers as the English help in Dutch
number style), and switching a panel's language relabels the tooltips too.
"""

from __future__ import annotations

import re

import pytest
from test_language import english_words

from simulation import PARAMETERS, SPECS
from simulation.widgets import ScenarioPanel, StressTestPanel, control_for

#: More English words that are not Dutch words too ('of', 'is', 'in', 'over' and 'want' are Dutch, so not here).
MORE_ENGLISH = {"when", "which", "that", "from", "for", "to", "each", "than", "more", "less", "after", "before",
                "without", "rep", "reps", "who", "how", "what", "this", "their", "they", "a", "an", "on", "at", "by",
                "it", "its", "are", "or", "not", "only", "some", "per year", "buyer", "leave", "follow-up"}


def dutch_english_words(dutch: str) -> set[str]:
    """English words in a Dutch text: those of the language test, plus common English function words."""
    lowered = dutch.lower()
    words = set(re.findall(r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*(?:\s[a-z]+)?", lowered)) | set(re.findall(r"[a-zà-ÿ-]+", lowered))
    return english_words(dutch) | {word for word in words if word in MORE_ENGLISH}


#: English names the Dutch course material uses as they are (the Scotsman and BANT criteria, Keller's drivers).
COURSE_NAMES = ("forecast", "customer delight", "customer equity", "value equity", "brand equity", "relationship equity",
                "budget, authority, need, time", "solution, competition, opportunity, timing, support, money, "
                "authority, necessity")


def prose(text: str) -> str:
    """`text` without what is Python rather than Dutch: quoted names, code, paths, section numbers and the
    example of what to type ('bijv. -8.5'), and the course's names that stay English."""
    text = re.sub(r"bijv\. \S+", " ", text)
    text = re.sub(r"'[^']*'|• [\w-]+:|\b[A-Z]:", " ", text)  # names, the options' keys, quotes A:, B:
    text = re.sub(r"\S*[_(){}\[\]=/]\S*", " ", text)  # code and paths
    text = re.sub(r"§ [\d.]+|tabel \d+\.\d+|sales \d\.\d(?:(?:,| of) \d\.\d)*", " ", text, flags=re.IGNORECASE)
    lowered = text.lower()
    for name in COURSE_NAMES:
        lowered = lowered.replace(name, " ")
    return lowered


def english_numbers(help_text: str) -> list[float]:
    """The numbers in an English text: '€1,000' → 1000, '12.5%' → 12.5, '0–10' → 0 and 10."""
    return sorted(float(n.replace(",", "")) for n in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", help_text))


def dutch_numbers(help_text: str) -> list[float]:
    """The numbers in a Dutch text: '€ 1.000' → 1000, '12,5 %' → 12.5."""
    return sorted(float(n.replace(".", "").replace(",", "."))
                  for n in re.findall(r"\d+(?:\.\d{3})*(?:,\d+)?", help_text))


@pytest.mark.parametrize("spec", PARAMETERS, ids=lambda spec: spec.name)
def test_every_row_has_a_dutch_help_of_its_own(spec):
    assert spec.help_nl.strip() and spec.help.strip()
    assert spec.help_nl != spec.help
    assert spec.help_text("nl") == spec.help_nl and spec.help_text("en") == spec.help


@pytest.mark.parametrize("spec", PARAMETERS, ids=lambda spec: spec.name)
def test_dutch_help_has_no_english_words(spec):
    assert not dutch_english_words(spec.help_nl)


def test_the_word_check_can_fail():
    assert dutch_english_words("Aandeel of the customers that leaves") >= {"the", "customers", "that"}
    assert not dutch_english_words("Hoeveel klanten vertrekken, of niet")  # 'of' is Dutch


@pytest.mark.parametrize("spec", PARAMETERS, ids=lambda spec: spec.name)
def test_dutch_help_quotes_the_same_numbers_in_dutch_style(spec):
    assert dutch_numbers(spec.help_nl) == english_numbers(spec.help)
    assert not re.search(r"\d\.\d{1,2}(?!\d)", spec.help_nl), "decimal point instead of comma"
    assert not re.search(r"\d%|€\d", spec.help_nl), "Dutch writes '12,5 %' and '€ 1.000'"


def test_a_control_gets_the_help_of_its_language_as_tooltip():
    spec = SPECS["satisfaction.expectation_management"]
    assert control_for(spec, spec.default, "en").tooltip == spec.help
    assert control_for(spec, spec.default, "nl").tooltip == spec.help_nl
    assert "verwachtingsmanagement" in spec.help_nl


def test_the_panels_tooltips_follow_the_language_switch():
    names = ["funnel.promise_policy", "run.years", "market.lead_nurturing"]  # dropdown, slider, checkbox
    panel = ScenarioPanel(names, language="en")
    assert [panel.controls[n].tooltip for n in names] == [SPECS[n].help for n in names]
    panel.set_language("nl")
    assert [panel.controls[n].tooltip for n in names] == [SPECS[n].help_nl for n in names]
    panel.set_language("en")
    assert [panel.controls[n].tooltip for n in names] == [SPECS[n].help for n in names]
    assert ScenarioPanel(names, language="nl").controls["run.years"].tooltip == SPECS["run.years"].help_nl


def test_the_stress_test_sliders_tooltips_follow_the_language_switch():
    panel = StressTestPanel(replications=2, years=1, workers=1, run_ahead=False, language="en")
    assert panel.ranges and all(slider.tooltip == SPECS[name].help for name, slider in panel.ranges.items())
    panel.language_switch.value = "nl"
    assert all(slider.tooltip == SPECS[name].help_nl for name, slider in panel.ranges.items())
