"""B2B sales simulation kit: a SimPy model of a sales organisation for teaching.

Start with `simulate()`; build scenarios with `Scenario`, `preset` and
`load_scenario`. Texts and numbers in English or Dutch come from
`simulation.language` (`set_language("nl")`, `format_value`, `text`, `local`), for
every face of the kit: panels, tables, figures, exercises, games. Nothing runs
at import time; `%load_ext simulation` (in each lesson's import cell) makes
a notebook show the kit's user mistakes as red boxes in its language.
"""

from typing import Any

from .errors import KitError
from .language import format_value, local, set_language, text
from .parameters import CONCEPTS, PARAMETERS, SPECS, ParamSpec
from .presets import PRESETS, preset
from .results import KPI_SPECS, KPIS, SimulationResult, simulate
from .scenario import Scenario, ScenarioError
from .scenario_files import load_scenario, save_scenario

__version__ = "0.1.0"


def load_ipython_extension(ipython: Any) -> None:
    """`%load_ext simulation`: a kit error raised in a later cell (a typo in `.replace({...})`, a value out of
    range) shows as a red box in the lesson's language (`set_language`) instead of a traceback, as the exercise
    notebooks do after `start()`; a bug keeps its traceback."""
    from .exercises.checker import lesson_error_box, show_errors_as_boxes

    show_errors_as_boxes(lesson_error_box)

__all__ = [
    "CONCEPTS", "KPIS", "KPI_SPECS", "KitError", "PARAMETERS", "PRESETS", "SPECS", "ParamSpec", "Scenario",
    "ScenarioError", "SimulationResult", "format_value", "load_scenario", "local", "preset", "save_scenario",
    "set_language", "simulate", "text", "__version__",
]
