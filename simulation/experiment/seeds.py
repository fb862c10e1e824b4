"""Replication seeds: one distinct, recorded seed per replication.

The seeds come from `numpy.random.SeedSequence(seed).generate_state`, so they
are spread over a 53-bit range (no neighbouring seeds that share structure)
and replication i gets the same seed whether 10 or 1,000 replications are
asked for: adding replications extends an experiment instead of redrawing it.
Seeds stay below 2**53 so that every tool that stores numbers as doubles
(Excel, JSON readers, JavaScript) keeps them exact.
"""

from __future__ import annotations

import numpy as np

from ..scenario import EXPERIMENT_SEED, check_seed
from .budget import check_replications


def replication_seeds(seed: int, n: int, start: int = 0) -> list[int]:
    """`n` distinct seeds derived from the experiment `seed`, in a fixed order: seeds number
    `start` to `start + n - 1` of the experiment's one sequence."""
    seed = check_seed(seed, EXPERIMENT_SEED)
    n = check_replications(n)
    words = start + n
    while True:  # a repeated 53-bit seed is astronomically unlikely; skip it rather than reuse it
        state = np.random.SeedSequence(int(seed)).generate_state(words, np.uint64) >> np.uint64(11)
        distinct = list(dict.fromkeys(int(word) for word in state))
        if len(distinct) >= start + n:
            return distinct[start:start + n]
        words *= 2
