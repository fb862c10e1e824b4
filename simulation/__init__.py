"""B2B sales simulation kit: a SimPy model of a sales organisation for teaching.

Start with `simulate()`; build scenarios with `Scenario`, `preset` and
`load_scenario`. Texts and numbers in English or Dutch come from
`simulation.language` (`set_language("nl")`, `format_value`, `text`, `local`), for
every face of the kit: panels, tables, figures, exercises, games. Nothing runs
at import time.
"""

from .errors import KitError
from .language import format_value, local, set_language, text
from .parameters import CONCEPTS, PARAMETERS, SPECS, ParamSpec
from .presets import PRESETS, preset
from .results import KPI_SPECS, KPIS, SimulationResult, simulate
from .scenario import Scenario, ScenarioError
from .scenario_files import load_scenario, save_scenario

__version__ = "0.1.0"

__all__ = [
    "CONCEPTS", "KPIS", "KPI_SPECS", "KitError", "PARAMETERS", "PRESETS", "SPECS", "ParamSpec", "Scenario",
    "ScenarioError", "SimulationResult", "format_value", "load_scenario", "local", "preset", "save_scenario",
    "set_language", "simulate", "text", "__version__",
]
