"""B2B sales simulation kit: a SimPy model of a sales organisation for teaching.

Start with `simulate()`; build scenarios with `Scenario`, `preset` and
`load_scenario`. Nothing runs at import time.
"""

from .parameters import CONCEPTS, PARAMETERS, SPECS, ParamSpec
from .presets import PRESETS, preset
from .results import KPI_SPECS, KPIS, SimulationResult, simulate
from .scenario import Scenario, ScenarioError
from .scenario_files import load_scenario, save_scenario

__version__ = "0.1.0"

__all__ = [
    "CONCEPTS", "KPIS", "KPI_SPECS", "PARAMETERS", "PRESETS", "SPECS", "ParamSpec", "Scenario", "ScenarioError",
    "SimulationResult", "load_scenario", "preset", "save_scenario", "simulate", "__version__",
]
