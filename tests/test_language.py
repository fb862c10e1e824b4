"""The language layer: one number format per language, every text in both languages, no English in Dutch.

Renders every text, parameter label, choice label, unit and KPI label the kit
shows, in both languages, and checks that Dutch output holds no English
words (a word list: the course's Dutch keeps some English terms, listed) and
that no parameter label is wider than a panel gives labels (nothing cut off).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from simulation import PARAMETERS
from simulation.errors import KitError
from simulation.language import (FIELD, LANGUAGES, MINUS, euro, euro_compact, format_value, format_values, percent,
                                 resolve, scenario_name, set_language, text, unit_text, value_range)
from simulation.language_choice import language_option, typed_language
from simulation.parameters import CONCEPTS
from simulation.presets import PRESETS
from simulation.results import KPIS
from simulation.texts import TEXTS, UNITS
from simulation.widgets.controls import LABEL_WIDTH_MAX, text_width

#: English words that must not appear in Dutch output.
ENGLISH = {"the", "and", "with", "customer", "customers", "share", "revenue", "margin", "promoters",
           "detractors", "passives", "days", "months", "years", "hours", "month", "year", "cost", "costs", "grade",
           "level", "strategy", "quotes", "won", "lost", "early", "time", "average", "mean", "better",
           "difference", "language", "running", "simulated", "settings", "changed", "press", "figure", "honest",
           "promise", "wish", "visits", "complaints", "incidents", "relations", "probability", "forecast",
           "spend", "churn", "run simulation", "leads per month", "per customer", "satisfaction", "delivery",
           "quote", "missing", "runs per strategy", "interval of", "better in", "n/a", "none", "yes"}
#: English terms the Dutch course material uses as they are.
COURSE_TERMS = ("customer intimacy", "operational excellence", "stuck in the middle", "theory of constraints",
                "challenger", "scotsman", "bant", "lead nurturing", "inbound leads", "key accountmanagers",
                "sales 1.0", "spin", "fte", "seed", "log-sd", "opportunities", "opportunity", "deals", "leads")


def dutch_output() -> dict[str, str]:
    """Every text the kit can show in Dutch, by where it comes from."""
    shown = {f"text {key}": pair[1] for key, pair in TEXTS.items()}
    shown |= {f"unit {unit}": unit_text(unit, "nl") for unit in UNITS}
    shown |= {f"concept {key}": pair[1] for key, pair in CONCEPTS.items()}
    shown |= {f"kpi {spec.name}": spec.label("nl") for spec in KPIS}
    shown |= {f"scenario {name}": scenario_name(name, "nl") for name in PRESETS}
    for spec in PARAMETERS:
        shown[f"parameter {spec.name}"] = spec.label("nl")
        shown |= {f"choice {spec.name}={choice}": spec.choice_label(choice, "nl") for choice in spec.choices}
        shown[f"parameter value {spec.name}"] = spec.value_text(spec.default, "nl")
    for spec in KPIS:
        shown[f"value {spec.name}"] = format_value(1234.5, spec.unit, "nl")
    return shown


def english_words(dutch: str) -> set[str]:
    # one command typed after kit.py, fields, parameter names (with a value typed after them), options, names in
    # snake_case, environment variables: code, not words
    lowered = re.sub(r"\bkit\.py(?: [a-z]+(?:\|[a-z]+)*)?|{\w+(?::[^}]*)?}|'\w+\.\w+'|\b[a-z]+\.[a-z_]+(?:=\S+)?|--[\w-]+"
                     r"|\b[a-z]+(?:_[a-z]+)+\b|\b[A-Z]+_[A-Z_]+\b", " ", dutch).lower()
    for term in COURSE_TERMS:
        lowered = lowered.replace(term, " ")
    words = set(re.findall(r"[a-zà-ÿ/]+(?:\s[a-z]+)?", lowered)) | set(re.findall(r"[a-zà-ÿ/]+", lowered))
    return {word for word in words if word in ENGLISH}


def test_no_english_is_left_in_dutch_output():
    leftovers = {where: english_words(dutch) for where, dutch in dutch_output().items() if english_words(dutch)}
    assert not leftovers


def test_the_word_check_can_fail():
    assert english_words("Gemiddelde revenue per customer") == {"revenue", "customer", "per customer"}
    assert english_words("'funnel.promise_policy' belooft een promise") == {"promise"}  # only the name is code
    assert english_words("zet door met --yes, yes") == {"yes"}  # only the option is code
    assert english_words("bijv. --set funnel.promise_policy=customer_wish, de promise") == {"promise"}
    assert english_words("standaard KIT_LANGUAGE, anders de language") == {"language"}
    assert english_words("python kit.py run|grade --preset over_promise  één run, de grade") == {"grade"}
    assert english_words("start kit.py run and open the lessons") >= {"and", "the"}  # one command only


#: A field of a text, with or without a format spec ('{low:g}'): its name.


#: Fields one language leaves out on purpose: a JSON or TOML parser explains a slip in English only, so the
#: Dutch message tells where the slip is and not the parser's words.
ENGLISH_ONLY_FIELDS = {"error.not_valid_document": ["detail"]}


def test_every_text_has_both_languages_with_the_same_fields():
    for key, (english, dutch) in TEXTS.items():
        assert english and dutch, key
        english_fields = [field for field in FIELD.findall(english) if field not in ENGLISH_ONLY_FIELDS.get(key, [])]
        assert english_fields == FIELD.findall(dutch), key
    assert all(field in FIELD.findall(TEXTS[key][0]) for key, fields in ENGLISH_ONLY_FIELDS.items() for field in fields)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_parameter_label_is_wider_than_a_panel_gives_labels(language):
    too_wide = [spec.label(language) for spec in PARAMETERS if text_width([spec.label(language)]) >= LABEL_WIDTH_MAX]
    assert not too_wide


@pytest.mark.parametrize(("value", "unit", "language", "signed", "expected"), [
    (0.3078, "share", "en", False, "30.8%"),
    (0.3078, "share", "nl", False, "30,8 %"),
    (0.0708, "share/year", "nl", False, "7,1 % per jaar"),
    (-0.021, "share", "en", True, "−2.1 pp"),
    (-0.021, "share", "nl", True, "−2,1 %-punt"),
    (5985801.3, "€", "en", False, "€5,985,801"),
    (5985801.3, "€", "nl", False, "€ 5.985.801"),
    (-131357.0, "€", "en", True, "−€131,357"),
    (-131357.0, "€", "nl", True, "€ −131.357"),
    (12404.1, "€/customer", "en", False, "€12,404 per customer"),
    (40000.0, "€/month", "nl", False, "€ 40.000 per maand"),
    (9.855, "−100…+100", "en", False, "+9.9"),
    (-9.855, "−100…+100", "nl", False, "−9,9"),
    (7.3824, "grade 1–10", "nl", False, "7,38"),
    (0.9, "level 0–1", "nl", False, "0,90"),  # a scale shows bare, as a grade; its axis says 'niveau 0–1'
    (1936.0, "leads", "en", False, "1,936 leads"),
    (36.09, "days", "nl", False, "36,1 dagen"),
    (1, "years", "en", False, "1 year"),
    (1.5, "×", "nl", False, "1,5×"),
    (-0.0001, "days", "en", True, "0.0 days"),  # no minus on a zero
    (float("nan"), "days", "en", False, "n/a"),
    (None, "€", "nl", False, "n.v.t."),
])
def test_values_are_shown_as_a_student_reads_them(value, unit, language, signed, expected):
    assert format_value(value, unit, language, signed=signed) == expected


@pytest.mark.parametrize(("values", "unit", "shown"), [
    ([60.0, 89.0, 110.0], "deals", ["60", "89", "110"]),  # single runs' counts: '60,0' read as an average
    ([59.5, 60.0, 110.0], "deals", ["59,5", "60,0", "110"]),  # averages keep three digits
    ([7.0, 7.69], "grade 1–10", ["7,00", "7,69"]),  # a grade is never a count
    ([36.09, float("nan")], "days", ["36,1", "n.v.t."]),
    ([0.234, 0.4], "share", ["23 %", "40 %"]), ([9123456.0, 2e6], "€", ["€ 9,1 mln", "€ 2 mln"]),
])
def test_values_side_by_side_in_a_figure_share_one_format(values, unit, shown):
    assert format_values(values, unit, "nl", compact=True) == shown


@pytest.mark.parametrize(("amount", "language", "shown"), [
    (1_500_000, "en", "€1.5M"), (1_500_000, "nl", "€ 1,5 mln"), (350_000, "en", "€350k"),
    (2_000_000, "nl", "€ 2 mln"), (-40_000, "en", "−€40k"), (-40_000, "nl", "€ −40k"), (900, "nl", "€ 900"),
    (12_345_678, "nl", "€ 12 mln"), (0, "en", "€0"),
])
def test_euro_amounts_in_figures_are_compact(amount, language, shown):
    assert euro_compact(amount, language) == shown


def test_one_minus_sign_and_en_dash_ranges():
    shown = [euro(-5, "en"), euro(-5, "nl"), percent(-0.5, "nl"), format_value(-3.0, "days", "en"),
             euro_compact(-2e6, "en")]
    assert all(MINUS in s and "-" not in s for s in shown)
    assert value_range("12", "15") == "12–15"
    assert value_range("€ 1.000", "€ 2.000") == "€ 1.000 – € 2.000"


def test_every_kpi_unit_is_formatted_in_both_languages():
    for spec in KPIS:
        for language in LANGUAGES:
            assert "e+" not in format_value(7.343839e6, spec.unit, language)  # never scientific notation


def test_an_unknown_language_is_a_kit_error():
    with pytest.raises(KitError, match="'en', 'nl'"):
        resolve("de")
    with pytest.raises(KitError, match="an integer with about 5000 digits"):  # a huge integer has no repr
        resolve(10 ** 5000)
    assert text("panel.run", "nl") == "Simuleer"


def test_a_difference_of_a_yearly_share_is_in_percentage_points_without_repeating_the_label():
    assert format_value(-0.058, "share/year", "nl", signed=True) == "−5,8 %-punt"
    assert format_value(0.041, "share/year", "nl") == "4,1 % per jaar"


def test_kit_language_in_the_environment_sets_the_starting_default():
    code = "from simulation.language import get_language; print(get_language())"
    shown = {value: subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                   env={**os.environ, "KIT_LANGUAGE": value}).stdout.strip()
             for value in ("nl", "de")}
    assert shown == {"nl": "nl", "de": "en"}  # an unknown language falls back to English


@pytest.mark.parametrize(("argv", "asked", "rest", "typed"), [
    (["run", "--language", "nl", "--years", "3"], ["nl"], ["run", "--years", "3"], "nl"),
    (["--language=nl"], ["nl"], [], "nl"),
    (["--lang", "en", "--no-browser"], ["en"], ["--no-browser"], "en"),  # shortened, as argparse allows
    (["--langu=nl"], ["nl"], [], "nl"),
    (["--language"], [None], [], "default"),  # no value typed
    (["--language", "--no-browser"], [None], ["--no-browser"], "default"),  # an option is not a value
    (["classroom", "--lan", "--language", "nl", "--help"], [None, "nl"], ["classroom", "--help"], "nl"),
    (["--la=nl"], ["nl"], [], "nl"),
    (["-l", "nl", "--log-level=DEBUG"], [], ["-l", "nl", "--log-level=DEBUG"], "default"),
    (["--languages", "nl"], [], ["--languages", "nl"], "default"),
    (["--language", "en", "--language", "nl"], ["en", "nl"], [], "nl"),  # the last, as argparse keeps it
    (["--language", "nl", "--language", "fr"], ["nl", "fr"], [], "nl"),
])
def test_the_language_a_command_line_asks_for(argv, asked, rest, typed):
    assert language_option(argv) == (asked, rest)
    assert typed_language(argv, "default") == typed


def test_a_waiting_time_reads_as_people_say_it():
    from simulation.language import duration

    assert [duration(s, "en") for s in (45, 5400, 9000)] == ["45 s", "90 min", "2.5 h"]
    assert [duration(s, "nl") for s in (45, 5400, 9000)] == ["45 s", "90 min", "2,5 uur"]


def test_a_runs_kpi_table_speaks_the_kits_language(kit_in_dutch):
    from simulation import simulate

    result = simulate({"run.years": 1}, seed=1, keep_events=False)
    assert result.kpi_table().equals(result.kpi_table("nl"))
    assert list(result.kpi_table()["label"]) != list(result.kpi_table("en")["label"])
    dutch, english = result.kpi_table("nl"), result.kpi_table("en")  # the README: 'Dutch labels and units'
    assert dutch.loc["churn_rate_annual", "shown"].endswith(" % per jaar")
    assert english.loc["churn_rate_annual", "shown"].endswith("% per year")
    assert not any(word in " ".join(dutch["shown"]) for word in ("year", "hours", "days", "share"))
    assert dutch[["value", "unit"]].equals(english[["value", "unit"]])  # the machine's columns, one language


@pytest.mark.parametrize("value, spec, english, dutch", [
    (0.125, ".1%", "12.5%", "12,5 %"),
    (-1234.5, ",.1f", f"{MINUS}1,234.5", f"{MINUS}1.234,5"),
    (1.22, "+5.0%", "+122%", "+122 %"),
    (120_000, ">8,", " 120,000", " 120.000"),
    (-0.0001, ".0f", "0", "0"),  # rounded to zero: no sign, as `number` shows it
    (-0.0001, "5.1f", "  0.0", "  0,0"),
    (7, "", "7", "7"),
    (-0.0001, "<6.1f", "0.0   ", "0,0   "),
    (float("-inf"), ".1f", f"{MINUS}inf", f"{MINUS}inf"),
    ("stuck in the middle", "<21", "stuck in the middle  ", "stuck in the middle  "),  # text stays as it is
])
def test_a_local_number_formats_itself_in_the_kits_language(value, spec, english, dutch, kit_in_dutch):
    from simulation import local

    assert format(local(value), spec) == dutch
    set_language("en")
    assert format(local(value), spec) == english
    assert f"{local(value):{spec}}" == english and str(local(value)) == format(value, "").replace("-", MINUS)


def test_a_local_number_may_come_from_numpy(kit_in_dutch):
    import numpy as np

    from simulation import local

    assert f"{local(np.int64(-1234)):,}" == f"{MINUS}1.234" and f"{local(np.float64(0.125)):.1%}" == "12,5 %"
    assert repr(local(2.5)) == "2,5"  # a bare local(x) at the end of a cell shows the number


@pytest.mark.parametrize("unit, english, dutch", [("customers", "1 customer", "1 klant"),
                                                  ("opportunities", "1 opportunity", "1 opportunity"),
                                                  ("days", "1 day", "1 dag"), ("years", "1 year", "1 jaar")])
def test_one_of_a_unit_is_singular_in_both_languages(unit, english, dutch):
    assert format_value(1, unit, "en") == english and format_value(1, unit, "nl") == dutch
    assert format_value(2, unit, "nl").split(" ", 1)[1] == unit_text(unit, "nl")


def test_a_scale_says_its_unit_on_an_axis_only():
    from simulation.language import axis_unit

    assert axis_unit("level 0–1", "nl") == "niveau 0–1" and format_value(0.45, "level 0–1", "en") == "0.45"


def test_labels_and_the_difference_table_follow_the_kits_language(kit_in_dutch):
    """A Dutch lesson sets Dutch once; a label asked for without a language is then Dutch too."""
    from simulation import SPECS
    from simulation.comparison import kpi_difference

    policy, nps = SPECS["funnel.promise_policy"], next(spec for spec in KPIS if spec.name == "nps")
    table = kpi_difference({"nps": 20.0}, {"nps": -5.0}, ["nps"])
    dutch = (policy.label(), policy.choice_label("honest"), nps.label(), table.loc["nps", "label"])
    assert dutch == (policy.label("nl"), policy.choice_label("honest", "nl"), nps.label("nl"), nps.label("nl"))
    set_language("en")
    assert (policy.label(), policy.choice_label("honest"), nps.label()) == (
        policy.label("en"), policy.choice_label("honest", "en"), nps.label("en"))
    assert policy.label("nl") != policy.label("en") and nps.label("nl") != nps.label("en")
