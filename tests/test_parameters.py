"""The parameter table, validation messages, presets and scenario files."""

from __future__ import annotations

import dataclasses
import json

import pytest


from simulation import PARAMETERS, PRESETS, SPECS, Scenario, ScenarioError, load_scenario, preset, save_scenario
from simulation.model.strategy import strategy_effects
from simulation.parameters import CONCEPTS, defaults
from simulation.scenario_files import SCHEMA_VERSION


def test_table_keys_are_the_scenario_fields():
    assert list(Scenario().keys()) == [spec.name for spec in PARAMETERS]
    assert len(SPECS) == len(PARAMETERS), "parameter names must be unique"


@pytest.mark.parametrize("spec", PARAMETERS, ids=lambda s: s.name)
def test_every_row_is_complete(spec):
    assert spec.concept in CONCEPTS
    assert spec.help and spec.label_en and spec.label_nl
    if spec.choices:
        assert spec.default in spec.choices
    elif spec.kind in (int, float):
        assert spec.low <= spec.default <= spec.high and spec.unit


def _invalid_values(spec):
    """One wrong value per constraint of this row."""
    if spec.choices:
        return ["no_such_choice"]
    if spec.kind is bool:
        return ["maybe", 3]
    values = [spec.high + 1, spec.low - 1, "abc", True]
    if spec.kind is int:
        values.append(spec.low + 0.5)
    return values


@pytest.mark.parametrize("spec", PARAMETERS, ids=lambda s: s.name)
def test_each_invalid_value_is_refused_with_a_message_naming_field_value_and_range(spec):
    for value in _invalid_values(spec):
        with pytest.raises(ScenarioError) as error:
            Scenario({spec.name: value})
        message = str(error.value)
        assert f"'{spec.name}'" in message and repr(value) in message and spec.allowed() in message


def test_message_template_matches_the_design():
    with pytest.raises(ScenarioError, match=r"The 'funnel.promise_buffer' parameter must be a number in the range "
                                            r"\[0, 1\]. Got 1.4 instead."):
        Scenario({"funnel.promise_buffer": 1.4})


@pytest.mark.parametrize("typo, suggestion", [
    ("funnel.promise_polcy", "funnel.promise_policy"),
    ("promise_policy", "funnel.promise_policy"),
    ("market.competitor_intensty", "market.competitor_intensity"),
])
def test_unknown_keys_get_did_you_mean(typo, suggestion):
    with pytest.raises(ScenarioError, match=f"Unknown parameter '{typo}'. Did you mean '{suggestion}'"):
        Scenario({typo: 1})


def test_strings_are_converted_like_the_command_line_needs():
    scenario = Scenario({"run.years": "2", "market.lead_nurturing": "false", "funnel.promise_buffer": "0.5"})
    assert scenario["run.years"] == 2 and scenario["market.lead_nurturing"] is False
    assert scenario.funnel.promise_buffer == 0.5


def test_combined_rule_names_both_fields():
    with pytest.raises(ScenarioError, match="'market.share_small' \\+ 'market.share_large'"):
        Scenario({"market.share_small": 0.7, "market.share_large": 0.5})


def test_scenario_is_immutable_and_replace_makes_a_variant():
    base = Scenario()
    with pytest.raises(AttributeError):
        base.name = "x"
    variant = base.replace({"funnel.promise_policy": "customer_wish"})
    assert base["funnel.promise_policy"] == "honest" and variant["funnel.promise_policy"] == "customer_wish"
    assert variant.changes() == {"funnel.promise_policy": "customer_wish"}
    assert base == Scenario() and hash(base) == hash(Scenario()) and variant != base


def test_nested_and_dotted_keys_are_the_same():
    assert Scenario({"funnel": {"promise_policy": "honest_buffer"}}) == Scenario({"funnel.promise_policy": "honest_buffer"})


@pytest.mark.parametrize("name", PRESETS)
def test_presets_are_valid_and_differ_from_baseline_where_they_say(name):
    scenario = preset(name)
    assert scenario.name == name
    assert scenario.changes() == {k: v for k, v in PRESETS[name][1].items() if v != defaults()[k]}


def test_discipline_presets_spend_the_same_budget():
    def budget(name):
        return strategy_effects(preset(name)).annual_cost

    budgets = {name: budget(name) for name in ("customer_intimacy", "operational_excellence",
                                                "product_leadership", "stuck_in_the_middle")}
    assert max(budgets.values()) - min(budgets.values()) < 1e-3 * max(budgets.values())


def test_unknown_preset_lists_the_choices():
    with pytest.raises(ScenarioError, match="Choose one of: 'baseline', 'over_promise'"):
        preset("greedy")


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_scenario_files_round_trip(tmp_path, suffix):
    scenario = preset("over_promise").replace({"run.years": 2, "market.lead_nurturing": False})
    path = save_scenario(scenario, tmp_path / f"s{suffix}")
    loaded = load_scenario(path)
    assert loaded == scenario and loaded.name == "over_promise"


def test_scenario_file_with_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.json"
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1}))
    with pytest.raises(ScenarioError, match="schema_version"):
        load_scenario(path)


@pytest.mark.parametrize("content, suffix, match", [
    ("{not json", ".json", "not valid JSON"),
    ("a = [", ".toml", "not valid TOML"),
    ('{"funnel": {"promise_policy": "lie"}}', ".json", "funnel.promise_policy"),
    ("x", ".yaml", "must end in one of .json, .toml"),
])
def test_bad_scenario_files_give_clear_errors(tmp_path, content, suffix, match):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content)
    with pytest.raises(ScenarioError, match=match):
        load_scenario(path)


def test_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(ScenarioError, match="Cannot read scenario file"):
        load_scenario(tmp_path / "nope.json")


def test_specs_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        PARAMETERS[0].default = 5


def test_churn_calibration_must_fall_with_the_grade():
    """Named as the panel's controls are (lesson 01's slider reaches 0, below the 3 % at a grade of 8), with the
    parameter names for a script, and the values as percentages."""
    with pytest.raises(ScenarioError) as told:
        Scenario({"churn.annual_at_grade_6": 0.1, "churn.annual_at_grade_8": 0.3})
    assert str(told.value) == ("'Churn at grade 8' ('churn.annual_at_grade_8', 30%) must not exceed 'Churn at grade 6' "
                               "('churn.annual_at_grade_6', 10%): happier customers leave less.")
    assert told.value.in_language("nl").startswith("'Verloop bij een 8' ('churn.annual_at_grade_8', 30 %) mag niet")


def test_scenarios_pickle_for_process_pools():
    import pickle

    scenario = preset("over_promise").replace({"run.years": 2})
    copy = pickle.loads(pickle.dumps(scenario))
    assert copy == scenario and copy.name == "over_promise"


@pytest.mark.parametrize("value", [10**400, "9" * 5000, float("inf"), float("nan"), -(10**400)])
def test_extreme_numbers_are_refused_with_a_short_message(value):
    with pytest.raises(ScenarioError, match="'run.years' parameter must be an integer") as error:
        Scenario({"run.years": value})
    assert len(str(error.value)) < 200


def test_numpy_numbers_are_accepted_as_plain_numbers():
    import numpy as np

    scenario = Scenario({"run.years": np.int64(2), "funnel.promise_buffer": np.float32(0.5)})
    assert type(scenario["run.years"]) is int and type(scenario["funnel.promise_buffer"]) is float


def test_parameter_names_must_be_text():
    with pytest.raises(ScenarioError, match="Parameter names are text"):
        Scenario({1: 2})
