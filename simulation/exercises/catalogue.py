"""Every exercise of the kit, by id, in the order of the exercise notebooks."""

from __future__ import annotations

from . import build_scenario, concepts, lessons, model_exercises, nps_scotsman
from .base import Exercise

EXERCISES: dict[str, Exercise] = {
    exercise.id: exercise
    for exercise in (*nps_scotsman.EXERCISES, *model_exercises.EXERCISES, build_scenario.BUILD_NPS,
                     *lessons.EXERCISES, *concepts.EXERCISES)
}
