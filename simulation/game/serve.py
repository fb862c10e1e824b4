"""The classroom page as a server shows it: one `ClassroomPage` per browser tab, on the game named by the
environment (the `classroom` command, `simulation/game/classroom.py`, sets it).

Solara runs `simulation/game/solara_app.py` once per page (`solara run simulation.game.solara_app:page`);
Voilà runs the notebook `classroom/classroom.ipynb`, which calls `classroom_page()`. Either way each tab
gets its own page object; they share nothing but the game file.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import ipywidgets as widgets

from ..language_choice import LANGUAGE_VARIABLE
from .pages import ClassroomPage

GAME_VARIABLE, ADDRESS_VARIABLE = "KIT_GAME", "KIT_CLASSROOM_ADDRESS"


def _solara_context() -> Callable[[Callable[[], None]], None] | None:
    """Under Solara, a way to run a redraw in this tab's virtual kernel from the polling thread."""
    try:
        from solara.server import kernel_context
        context = kernel_context.get_current_context()
    except Exception:  # not under Solara (Voilà, a notebook): widgets update from any thread
        return None

    def run(redraw: Callable[[], None]) -> None:
        with context:
            redraw()

    return run


def classroom_page() -> widgets.Widget:
    """A new classroom page on the game the server was started for."""
    page = ClassroomPage(os.environ[GAME_VARIABLE], os.environ.get(LANGUAGE_VARIABLE),
                         team_address=os.environ.get(ADDRESS_VARIABLE, ""))
    page.start_polling(_solara_context())
    return page.widget
