"""Experiments for managers: replications with confidence intervals, paired strategy
comparison, sweeps and sensitivity, on any executor up to a Dask cluster.

    from simulation.experiment import compare
    result = compare("honest_promise", "over_promise", n=30, uncertain={"market.competitor_intensity": (0.8, 1.5)})
    result.differences(["margin", "nps"])
"""

from .assumptions import Triangular, Uniform
from .designs import compare, replicate, sensitivity, sweep
from .result import ExperimentResult
from .seeds import replication_seeds
from .storage import load_experiment, save_experiment

__all__ = ["ExperimentResult", "Triangular", "Uniform", "compare", "load_experiment", "replicate",
           "replication_seeds", "save_experiment", "sensitivity", "sweep"]
