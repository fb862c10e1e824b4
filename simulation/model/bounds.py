"""A figure bounded to its range (a grade to 1–10, a chance to 0–1), in one place.

The model bounds tens of thousands of figures a run (every experience's score, every criterion's chance). A
builtin `min`/`max` call costs some fifteen times more than a comparison in Python 3.11, so `bounded` compares.
"""

from __future__ import annotations


def bounded(value: float, low: float, high: float) -> float:
    """`value` within [low, high], exactly as `min(high, max(low, value))` gives it (a NaN becomes `low`)."""
    if not value > low:
        return low
    return value if value < high else high
