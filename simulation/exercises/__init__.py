"""Assignments with automatic feedback for the sales course (exercises/*.ipynb).

    from simulation.exercises import check, show, start, list_exercises
    start("s1234567", language="nl")        # once per notebook: your own numbers (none: practice mode)
    show("nps-variant")                      # the question, with your numbers
    check("nps-variant", 5)                  # Feedback: correct / close / wrong, score 0–1, message

Every correct answer is computed through the package (the NPS formula, the
Scotsman weights, the churn hazard, seeded simulations), never typed in, and
for each student from their own inputs (`personal.py`). Typical mistakes get
a hint that names the course concept and the lesson to revisit, never the
answer (`leaks.py` checks that mechanically). The trainer grades a folder of
notebooks with `simulation.grading`. A trainer adds an exercise by writing
one `Exercise` (see exercises/README.md) and registering it in `catalogue.py`.
"""

from .base import ChoiceAnswer, Exercise, Mistake, NumberAnswer, Option, Solution, Text
from .catalogue import EXERCISES
from .checker import RECORD_MIME, SESSION, Card, Feedback, check, grade, list_exercises, show, start
from .goals import Goal, ScenarioAnswer

__all__ = ["EXERCISES", "RECORD_MIME", "SESSION", "Card", "ChoiceAnswer", "Exercise", "Feedback", "Goal", "Mistake",
           "NumberAnswer", "Option", "ScenarioAnswer", "Solution", "Text", "check", "grade", "list_exercises",
           "show", "start"]
