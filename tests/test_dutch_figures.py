"""The check that a Dutch lesson's figures speak Dutch (dutch_figures.py): it finds English, lets Dutch pass, and
is in force in the kernels that run the Dutch lessons."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from dutch_figures import EnglishInDutchFigure, check_drawn_texts, english_texts
from jupyter_client.manager import start_new_kernel

from simulation import SPECS, Scenario, plots, simulate

ROOT = Path(__file__).resolve().parents[1]
LEVELS = ("undefined", "aligned")  # lesson 07's alignment levels


@pytest.fixture(scope="module")
def runs():
    return [simulate(Scenario({"market.alignment": level, "run.years": 1}), seed=0, keep_events=False)
            for level in LEVELS]


def _drawn(figure) -> None:
    figure.savefig(io.BytesIO(), format="png")  # as the panels' images and the inline backend draw it
    check_drawn_texts(figure)


def test_a_dutch_figure_that_names_its_bars_by_key_is_found(runs):
    """What the Dutch lesson 07 once drew."""
    with pytest.raises(EnglishInDutchFigure, match="undefined"):
        _drawn(plots.compare_bars(dict(zip(LEVELS, runs)), ["deals_won"], language="nl"))


def test_a_dutch_figure_with_dutch_names_passes_and_the_same_in_english_does_not(runs):
    dutch = {SPECS["market.alignment"].choice_label(level, "nl"): run for level, run in zip(LEVELS, runs)}
    _drawn(plots.compare_bars(dutch, ["deals_won", "margin"], language="nl"))
    _drawn(plots.dashboard(runs[0], language="nl"))
    with pytest.raises(EnglishInDutchFigure, match="Deals won"):
        _drawn(plots.compare_bars(dutch, ["deals_won"], language="en"))


@pytest.mark.parametrize(("text", "english"), [
    ("Winnable leads\nrejected", True),  # an English label wrapped over two lines (no English word list has these)
    ("Customers per month", True),  # English words
    ("honest_promise", True),  # a preset's key
    ("Gewonnen\ndeals", False), ("Opportunities", False), ("MQL", False), ("€ 9,1 mln", False),
])
def test_the_check_reads_whole_labels_keys_and_words(text, english):
    assert bool(english_texts([text])) is english


def test_the_kernels_of_the_dutch_lessons_check_their_figures_and_the_english_ones_do_not():
    """The root conftest.py's startup file, as a lesson's kernel runs it in its own folder."""
    for folder, installed in ((ROOT / "notebooks" / "nl", True), (ROOT / "notebooks", False)):
        manager, client = start_new_kernel(kernel_name="python3", cwd=str(folder))
        try:
            shown = []
            client.execute_interactive("from matplotlib.backend_bases import FigureCanvasBase as canvas\n"
                                       "print(canvas.print_figure.__code__.co_name)", timeout=60,
                                       output_hook=lambda message: shown.append(message["content"].get("text", "")))
            assert ("print_and_check" in "".join(shown)) is installed, (folder, shown)
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
