"""Assignments with automatic feedback for the sales course (exercises/*.ipynb).

    from simulation.exercises import check, show, list_exercises
    show("nps-worked-example")             # the question, in English ("nl": in Dutch)
    check("nps-worked-example", 5)         # Feedback: correct, score 0–1, message (green/red in a notebook)

Every correct answer is computed through the package (the NPS formula, the
Scotsman weights, the churn hazard, seeded simulations), never typed in, and
typical mistakes get a hint that names the course concept and the page of
docs/model.md and the lesson to revisit. A trainer adds an exercise by
writing one `Exercise` (see exercises/README.md) and registering it in
`checker.EXERCISES`.
"""

from .base import ChoiceAnswer, Exercise, Mistake, NumberAnswer, Option, Solution, Text
from .checker import EXERCISES, Card, Feedback, check, list_exercises, show
from .goals import Goal, ScenarioAnswer

__all__ = ["EXERCISES", "Card", "ChoiceAnswer", "Exercise", "Feedback", "Goal", "Mistake", "NumberAnswer", "Option",
           "ScenarioAnswer", "Solution", "Text", "check", "list_exercises", "show"]
