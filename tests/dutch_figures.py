"""Every figure a Dutch lesson draws speaks Dutch: checked inside the lesson's own kernel, as nbval runs it.

The notebooks keep no images (tests/test_notebook_hygiene.py), so nbval compares no figure, and the layout and
language tests draw the kit's figures from their own inputs. A lesson passes its own names, though: the Dutch
lesson 07 once named its bars with the English keys (`undefined`, `defined`, …) and no test saw it. So
the root conftest.py gives every kernel the tests start a startup file that installs `check_drawn_texts`
on matplotlib's `print_figure`, through which every figure passes on its way to a PNG (the inline backend's
output and the panels' images alike). In a kernel started in a Dutch folder (`nl/`), a drawn text in English
is reported as an error of the cell that drew it (IPython's `showtraceback`, an error message on the cell's
output), and nbval reports that cell as failed. Reported, not raised: a panel shows a figure that fails to draw
in its status line, and a figure pyplot draws after the cell is drawn by a hook that would lose the cell's
reply (nbval then waits for it until its timeout).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class EnglishInDutchFigure(AssertionError):
    """A Dutch lesson's figure shows English."""


@functools.cache
def english_only() -> frozenset[str]:
    """Whole texts that are English and never Dutch: the keys of choices, presets and KPIs (what a lesson passes
    when it forgets the label), the English labels of parameters, choices, KPIs and presets, and the kit's English
    texts."""
    from simulation import PARAMETERS
    from simulation.language import scenario_name
    from simulation.presets import PRESETS
    from simulation.results import KPIS
    from simulation.texts import TEXTS

    english = {english for english, _ in TEXTS.values() if "{" not in english}  # (a text with fields varies)
    english |= {*PRESETS, *(scenario_name(name, "en") for name in PRESETS)}
    english |= {text for spec in KPIS for text in (spec.name, spec.label("en"))}
    english |= {text for spec in PARAMETERS for text in (spec.label("en"), *spec.choices,
                                                         *(spec.choice_label(c, "en") for c in spec.choices))}
    dutch = {dutch for _, dutch in TEXTS.values()} | {scenario_name(name, "nl") for name in PRESETS}
    dutch |= {spec.label("nl") for spec in KPIS}
    dutch |= {text for spec in PARAMETERS for text in (spec.label("nl"), *(spec.choice_label(c, "nl")
                                                                           for c in spec.choices))}
    return frozenset(english - dutch)


def english_texts(texts: Iterable[str]) -> list[str]:
    """The texts of a Dutch figure that are English: a whole English label or key, or one with English words."""
    from test_dutch_help import dutch_english_words

    found = []
    for text in texts:
        line = " ".join(text.split())  # a name wrapped over lines is one name
        if line in english_only() or dutch_english_words(line):
            found.append(line)
    return found


def check_drawn_texts(figure: Figure) -> None:
    """Raise if the figure, just drawn, shows English (its title, labels, tick labels, legend and notes)."""
    from matplotlib.text import Text

    texts = [text.get_text() for text in figure.findobj(Text) if text.get_visible()]
    english = english_texts(text for text in texts if text.strip())
    if english:
        raise EnglishInDutchFigure(f"A figure of a Dutch lesson shows English: {english}")


def install() -> None:
    """Check every figure this kernel draws (`print_figure`) after drawing it (the root conftest.py's startup file
    calls this in a kernel started in a Dutch folder)."""
    from matplotlib.backend_bases import FigureCanvasBase

    print_figure = FigureCanvasBase.print_figure

    @functools.wraps(print_figure)
    def print_and_check(self, *args, **kwargs):
        drawn = print_figure(self, *args, **kwargs)
        try:
            check_drawn_texts(self.figure)
        except EnglishInDutchFigure:
            from IPython import get_ipython

            get_ipython().showtraceback()  # an error on the cell's output: nbval fails the cell
        return drawn

    FigureCanvasBase.print_figure = print_and_check

