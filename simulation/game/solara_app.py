"""What Solara serves: `solara run simulation.game.solara_app:page` runs this module for every browser tab, and
each run makes that tab's classroom page (on the game in KIT_GAME, see `serve.py`)."""

from simulation.game.serve import classroom_page  # absolute: Solara may run this file as a script

page = classroom_page()
