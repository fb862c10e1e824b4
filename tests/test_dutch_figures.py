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


#: A cell that draws a figure with an English title twice: saved to a PNG (as the panels' images are) and left to
#: the inline backend after the cell (as a pyplot figure at the end of a lesson's cell is).
ENGLISH_FIGURES = ("%matplotlib inline\nimport io\nimport matplotlib.pyplot as plt\n"
                   "figure = plt.figure()\nfigure.add_subplot().set_title('Sales funnel: from lead to deal')\n"
                   "figure.savefig(io.BytesIO(), format='png')")


@pytest.mark.parametrize(("folder", "checked"), [("nl", True), ("", False)], ids=["Dutch lesson", "English lesson"])
def test_a_dutch_lessons_kernel_fails_the_cell_that_draws_english_and_an_english_one_does_not(folder, checked):
    """The root conftest.py's startup file, as a lesson's kernel runs it in its own folder: each English figure is
    an error on the cell's output (which fails the cell in nbval), and the cell's reply still comes."""
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(ROOT / "notebooks" / folder))
    try:
        errors = []
        reply = client.execute_interactive(ENGLISH_FIGURES, timeout=60, output_hook=lambda message: errors.append(
            message["content"]) if message["msg_type"] == "error" else None)
        assert reply["content"]["status"] == "ok"  # no lost reply: nbval would wait for it until its timeout
        assert len(errors) == (2 if checked else 0), errors
        assert all(error["ename"] == "EnglishInDutchFigure" and "from lead to deal" in error["evalue"]
                   for error in errors)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
