"""Widget panels for the lessons, built from the parameter table (core ipywidgets only).

- `SimulationPanel`: controls, a Run button, a KPI table and one figure for one scenario;
- `CompareView`: scenario A and B on the same random numbers, with a difference table (A − B);
- `StressTestPanel`: two strategies under uncertain assumptions, the chance that A beats B;
- `ScenarioPanel`: only the controls, for building a Scenario by hand;
- `kpi_summary`, `difference_summary`: the panels' tables as readable DataFrames for a lesson's cells;
- `chance_table`, `runs_table`: an experiment's comparison and runs as text (from `simulation.experiment.tables`).

Panels speak English or Dutch; `set_language("nl")` makes Dutch the default for every panel made afterwards.
They work in JupyterLab, the classic Notebook and Colab: no custom front-end code.
"""

from ..experiment.tables import chance_table, runs_table
from ..language import get_language, set_language
from .compare import CompareView
from .controls import ScenarioPanel, control_for
from .formatting import difference_summary, kpi_summary
from .panel import DEFAULT_KPIS, SimulationPanel
from .stress_test import StressTestPanel

__all__ = ["DEFAULT_KPIS", "CompareView", "ScenarioPanel", "SimulationPanel", "StressTestPanel", "chance_table",
           "control_for", "difference_summary", "get_language", "kpi_summary", "runs_table", "set_language"]
