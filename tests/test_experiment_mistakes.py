"""User mistakes in experiments get a clear message before any work starts, never a traceback
from deep inside: a script without a main guard, ranges that can break a rule between
parameters, odd chunk sizes, ranges typed as text, tornado defaults that would not move."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from simulation import PARAMETERS, Scenario, ScenarioError
from simulation.experiment import replicate, sensitivity

SMALL = Scenario({"run.years": 1, "accounts.initial_customers": 40, "market.inbound_leads_per_month": 6.0},
                 name="small")
EXPERIMENT = 'from simulation.experiment import replicate\nprint(len(replicate({"run.years": 1}, 4, workers=2).runs))\n'


def _run_script(folder, source: str) -> subprocess.CompletedProcess:
    script = folder / "experiment.py"
    script.write_text(source)
    return subprocess.run([sys.executable, str(script)], cwd=folder, capture_output=True, text=True, timeout=300)


def test_a_script_without_main_guard_is_told_to_add_one(tmp_path):
    """Worker processes re-import the script and would start the experiment again."""
    unguarded = _run_script(tmp_path, EXPERIMENT)
    errors = [line for line in unguarded.stderr.splitlines() if line.startswith("simulation.scenario.ScenarioError")]
    assert unguarded.returncode != 0 and len(errors) == 1, unguarded.stderr
    assert "Worker processes could not start" in errors[0]
    assert 'if __name__ == "__main__":' in errors[0] and "workers=1" in errors[0]
    guarded = _run_script(tmp_path, 'if __name__ == "__main__":\n' + textwrap.indent(EXPERIMENT, "    "))
    assert (guarded.returncode, guarded.stdout.strip()) == (0, "4"), guarded.stderr


def test_ranges_that_break_a_rule_only_when_mixed_are_refused_before_any_run():
    """All-low (0.1, 0.05) and all-high (0.3, 0.2) are fine; grade 6 low with grade 8 high is not."""
    done = []
    uncertain = {"churn.annual_at_grade_6": (0.1, 0.3), "churn.annual_at_grade_8": (0.05, 0.2),
                 "market.competitor_intensity": (0.8, 1.2)}
    with pytest.raises(ScenarioError) as caught:
        replicate(SMALL, 20, uncertain=uncertain, progress=lambda count, total: done.append(count))
    message = str(caught.value)
    assert "'churn.annual_at_grade_6' (0.1 to 0.3) and 'churn.annual_at_grade_8' (0.05 to 0.2)" in message
    assert "competitor_intensity" not in message  # only the ranges to narrow are named
    assert done == []


def test_too_many_uncertain_assumptions_is_a_clear_limit():
    numeric = [spec for spec in PARAMETERS if spec.kind is float and spec.low < spec.default < spec.high]
    uncertain = {spec.name: (spec.low, spec.default) for spec in numeric[:13]}
    with pytest.raises(ScenarioError, match=r"at most 12 uncertain assumptions .*\. Got 13: 'market"):
        replicate(SMALL, 1, uncertain=uncertain)


@pytest.mark.parametrize("size", [0, -1, 1.5, True, "2"])
def test_chunk_size_must_be_a_positive_integer(size):
    with pytest.raises(ScenarioError, match=r"chunk size must be a positive integer \(or None"):
        replicate(SMALL, 2, chunk_size=size)


def test_ranges_typed_as_text_mean_the_same_as_numbers():
    as_text = replicate(SMALL, 3, seed=5, uncertain={"market.competitor_intensity": ("0.6", "1.6")})
    as_numbers = replicate(SMALL, 3, seed=5, uncertain={"market.competitor_intensity": (0.6, 1.6)})
    pd.testing.assert_frame_equal(as_text.runs, as_numbers.runs, check_exact=True)
    with pytest.raises(ScenarioError, match="'market.competitor_intensity' parameter must be a number"):
        replicate(SMALL, 1, uncertain={"market.competitor_intensity": ("low", "1.5")})


def test_tornado_defaults_move_whole_numbers_and_zero_values():
    """2 FTE ± 20 % would round back to 2, and 0 ± 20 % is 0: neither would test anything."""
    result = sensitivity(SMALL, ["organisation.key_account_managers", "satisfaction.expectation_management"], 2,
                         kpi="nps")
    assert result.settings["ranges"] == {"organisation.key_account_managers": [1, 3],
                                         "satisfaction.expectation_management": [0.0, pytest.approx(0.2)]}
    assert len(result.tornado()) == 2
