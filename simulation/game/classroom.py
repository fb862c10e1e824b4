"""`classroom [GAME]`: the sales game served to a class, one address for all teams and the trainer.

It creates the game file unless it exists (default `classroom.game` in the
current folder, 4 teams), prints the team codes, the trainer code, the address
students open and its QR code in the class's language (`game open`), then
serves the pages with Solara until Ctrl+C. Without --lan only this computer
can open them; with --lan every device on the classroom network can.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..cli_scenario import add_language_argument, add_port_argument, check_port, option_help
from ..errors import shown
from ..language import kit_error, resolve, text
from ..language_choice import LANGUAGE_VARIABLE
from ..lessons import ROOT
from ..termination import module_command, run_command
from .cli import open_game, teams_given
from .settings import GameError

DEFAULT_GAME = "classroom.game"
DEFAULT_TEAMS = 4
DEFAULT_PORT = 8765
THIS_COMPUTER, ALL_NETWORKS = "127.0.0.1", "0.0.0.0"


def lan_address() -> str | None:
    """This computer's address on the classroom network, or None without one. Connecting a UDP socket only
    picks the interface a packet would leave by; nothing is sent."""
    for probe in ("10.255.255.255", "192.168.255.255", "8.8.8.8"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 1))
                address = sock.getsockname()[0]
        except OSError:
            continue
        if address and not address.startswith(("127.", "0.")):
            return address
    try:
        address = socket.gethostbyname(socket.gethostname())
    except OSError:
        return None
    return None if address.startswith(("127.", "0.")) else address


def classroom_address(lan: bool, port: int) -> str:
    """The address students open: this computer's classroom-network address with --lan, else loopback."""
    host = (lan_address() or THIS_COMPUTER) if lan else THIS_COMPUTER
    return f"http://{host}:{port}/"


def solara_command(lan: bool, port: int) -> list[str]:
    """The page server, one classroom page per browser tab, for as long as the class plays."""
    return module_command(sys.executable, "solara", "run", "simulation.game.solara_app:page", "--production",
                          "--host", ALL_NETWORKS if lan else THIS_COMPUTER, "--port", str(port), "--no-check-version")


#: Solara's warning on every page a team opens by the computer's address, not 'localhost' (so in every class):
#: eleven English lines about embedding in iframes over https in the trainer's terminal. The pages are not
#: embedded, and Solara falls back to the session cookie they need.
COOKIE_WARNING = "ignore:Cookies with samesite=none require https:UserWarning"


def solara_environment(game: Path, language: str, address: str) -> dict[str, str]:
    """What the page server needs to know: the game, the language, the address to show; no usage reports, no
    "This website runs on Solara" banner (English on a Dutch page, and not the class's business), and no
    cookie warning for each team (`COOKIE_WARNING`)."""
    from .serve import ADDRESS_VARIABLE, GAME_VARIABLE  # the page's module: widgets, not here

    warnings = ",".join(filter(None, (os.environ.get("PYTHONWARNINGS"), COOKIE_WARNING)))
    return {**os.environ, GAME_VARIABLE: str(game), LANGUAGE_VARIABLE: language, ADDRESS_VARIABLE: address,
            "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False", "SOLARA_THEME_SHOW_BANNER": "False",
            "PYTHONWARNINGS": warnings}


def _reach(lan: bool, address: str) -> str:
    """Who can open the address, as `game open --reach` says it."""
    if not lan:
        return "this-computer"
    return "no-network" if address.startswith(f"http://{THIS_COMPUTER}:") else "classroom"


def class_teams(typed: str) -> Sequence[str] | int:
    """--teams for a class: as for any game (`teams_given`), but at least one team: nobody could log in to a
    market of computer competitors only."""
    teams = teams_given(typed)
    if teams == 0:
        raise kit_error(GameError, "error.classroom_no_teams", got=shown(typed))
    return teams


def _classroom(args: argparse.Namespace) -> int:
    """Prepare the game, say where to go, and serve it until Ctrl+C."""
    check_port(args.port, DEFAULT_PORT)
    class_teams(args.teams)  # a typo is told even when the game exists (and --teams is not needed)
    language = resolve(args.language)
    args.game = str(Path(args.game).expanduser().resolve())
    args.address = classroom_address(args.lan, args.port)
    args.reach = _reach(args.lan, args.address)
    opened = open_game(args, language)
    if opened != 0:
        return opened
    return run_command(solara_command(args.lan, args.port), cwd=ROOT,
                      env=solara_environment(Path(args.game), language, args.address))


def add_parser(commands: Any, language: str) -> argparse.ArgumentParser:
    """Register `classroom` on the kit's subcommands, its help in `language`."""
    classroom = commands.add_parser("classroom", help=option_help("classroom", language),
                                    description=text("help.classroom.about", language))
    classroom.add_argument("game", nargs="?", default=DEFAULT_GAME, metavar=text("help.metavar.game", language),
                           help=option_help("classroom.game", language, default=DEFAULT_GAME))
    classroom.add_argument("--teams", default=str(DEFAULT_TEAMS), metavar=text("help.metavar.teams", language),
                           help=option_help("classroom.teams", language, default=DEFAULT_TEAMS))
    classroom.add_argument("--settings", metavar=text("help.metavar.file", language),
                           help=option_help("game.settings", language))
    add_language_argument(classroom, "classroom", language)
    classroom.add_argument("--lan", action="store_true", help=option_help("classroom.lan", language))
    add_port_argument(classroom, "classroom", language, DEFAULT_PORT)
    classroom.set_defaults(handler=_classroom)
    return classroom
