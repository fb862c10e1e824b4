"""A student's mistake is told in the student's language.

A Dutch student who types `.replace({"strategy.visit": 3})` in an exercise notebook, or a team whose
head counts exceed the game's budget on a Dutch team page, reads the kit's message in Dutch, in the
course's words, with Dutch numbers: every mistake a lesson, an exercise, a panel or a game page can
meet carries its Dutch message (`language.kit_error`), and each of those faces shows it; in a lesson or
an exercise notebook as a red box instead of a traceback. What the student typed is quoted as Python
('Je gaf 0.5'). A manager's or trainer's command (`experiment`, `run`, `game`, `grade` with `--language nl`)
tells its mistakes in Dutch too, the files it writes or reads included; damage in a file the kit saved itself
is told in English.
"""

from __future__ import annotations

import copy
import functools
import html
import itertools
import pickle
import re
import sqlite3
from collections import Counter
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from unittest import mock

import nbformat
import pytest
from test_dutch_help import dutch_english_words, prose
from test_dutch_lessons import ENGLISH_NUMBER_STYLE

from simulation import Scenario, plots, preset, set_language, simulate
from simulation.cli import main
from simulation.cli_scenario import check_port, key_values
from simulation.comparison import yearly_totals
from simulation.errors import KitError
from simulation.exercises import check, list_exercises, start
from simulation.exercises.checker import cell_error_box, unknown_name
from simulation.experiment import compare, replicate, save_experiment, sensitivity, storage, sweep
from simulation.experiment.assumptions import normalise, parse_range
from simulation.experiment.budget import MAX_RUNS, check_budget
from simulation.experiment.cli import sweep_grid
from simulation.experiment.executors import MAX_WORKERS, local_cores, run_chunks, worker_count
from simulation.experiment.storage import check_experiment_path
from simulation.export import check_export_path
from simulation.files import check_replaceable, parse_document, write_text
from simulation.game.classroom import DEFAULT_PORT, class_teams
from simulation.game.cli import check_not_mistyped, chosen_team, decisions_given, teams_given
from simulation.game.engine import (
    Game,
    check_round_number,
    check_team_name,
    market_slots,
)
from simulation.game.pages import TeamPage, TrainerPage
from simulation.game.settings import GameSettings, load_settings
from simulation.grading import grade_folder
from simulation.grading.gradebook import check_course
from simulation.kpis import check_kpi, check_kpis
from simulation.language import template_pattern
from simulation.lessons import english_lessons
from simulation.parameters import PARAMETERS
from simulation.present import check_passed_on, lesson_path
from simulation.paths import band, path_kpi
from simulation.plots.single_run import lead_time_gaps
from simulation.scenario import EXPERIMENT_SEED, check_seed
from simulation.scenario_files import load_scenario
from simulation.texts import TEXTS
from simulation.widgets import CompareView, ScenarioPanel, StressTestPanel

HERE = Path(__file__).parent
SETTINGS = {"rounds": 2, "suppliers": 3, "market": {"accounts.initial_customers": 60}}


@functools.cache
def _short_run():
    """A run without its event log, for the figures a lesson draws from one."""
    return simulate(preset("baseline").replace({"run.years": 1, "accounts.initial_customers": 20}), 0,
                    keep_events=False)


def _played(game: Game, rounds: int) -> Game:
    for _ in range(rounds):
        game.advance()
    return game


def _ended(game: Game) -> Game:
    game.end()
    return game


def _meanwhile(game: Game, action: Callable[[Game], object]) -> Game:
    """`game`, in which another page does `action` while this one plays a round (a race, made to happen)."""
    played_through = game._played_through

    def racing(*args, **kwargs):
        with Game.open(game.store.path) as other:
            action(other)
        return played_through(*args, **kwargs)

    game._played_through = racing
    return game


def _written(game: Game, name: str, content: str) -> str:
    """A file next to the game (in the test's own folder)."""
    path = game.store.path.parent / name
    path.write_text(content, encoding="utf-8")
    return str(path)


#: What a student, a team or the trainer can get wrong, each as a call on a fresh two-round game.
MISTAKES: dict[str, Callable[[Game], object]] = {
    "unknown parameter": lambda game: preset("baseline").replace({"strategy.visit": 3}),
    "unknown parameter, none close": lambda game: Scenario({"zzzqqq": 1}),
    "parameter name not text": lambda game: Scenario({1: 2}),
    "whole number, half given": lambda game: Scenario({"run.years": 0.5}),
    "a Dutch thousands point, twenty or twenty thousand": lambda game: Scenario(
        {"market.campaign_spend_per_month": "20.000"}),
    "number as a word": lambda game: Scenario({"economics.price_level": "hoog"}),
    "choice": lambda game: Scenario({"funnel.promise_policy": "liegen"}),
    "number with a decimal comma": lambda game: Scenario({"economics.price_level": "1,05"}),
    "yes or no": lambda game: Scenario({"market.lead_nurturing": "misschien"}),
    "market shares": lambda game: Scenario({"market.share_small": 0.7, "market.share_large": 0.5}),
    "churn order": lambda game: Scenario({"churn.annual_at_grade_8": 0.5}),
    "scenario name not text": lambda game: Scenario(name=5),
    "scenario name empty": lambda game: Scenario(name=""),
    "scenario name with a newline": lambda game: Scenario(name="a\nb"),
    "scenario not a table": lambda game: preset("baseline").replace(5),
    "sweep not a table": lambda game: sweep("baseline", 5),
    "a range given to a sweep": lambda game: sweep_grid(["organisation.key_account_managers=2:6"]),
    "uncertain assumptions not a table": lambda game: normalise(5),
    "negative seed": lambda game: simulate(None, -1),
    "huge seed": lambda game: simulate(None, 2 ** 130),
    "experiment seed": lambda game: check_seed(-1, EXPERIMENT_SEED),
    "unknown preset": lambda game: preset("basline"),
    "a name Python does not know (answer = tien)": lambda game: _raised_in_a_cell("answer = tien"),
    "keep_events": lambda game: simulate(None, 0, keep_events="alles"),
    "unknown KPI": lambda game: check_kpi("win_rat"),
    "no KPIs": lambda game: check_kpis([]),
    "a lesson without exercises": lambda game: list_exercises("nl", lesson="10"),
    "an uncertain range reaches a forbidden value": lambda game: compare(
        "honest_promise", "over_promise", 2, uncertain={"market.share_small": (0.6, 0.95)}),
    "uncertain ranges reach one together": lambda game: compare(
        "honest_promise", "over_promise", 2, uncertain={"market.share_small": (0.3, 0.8),
                                                        "market.share_large": (0.1, 0.5)}),
    "team name not text": lambda game: check_team_name(5),
    "team name too long": lambda game: check_team_name("x" * 200),
    "too many teams": lambda game: market_slots(SETTINGS, 4),
    "more names than places": lambda game: market_slots(SETTINGS, ["A", "B", "C", "D"]),
    "two names the same": lambda game: market_slots(SETTINGS, ["Rood", "rood"]),
    "new game while playing": lambda game: _played(game, 1).restart(SETTINGS),
    "unknown team code": lambda game: game.team_for_code("AAAAA-AAAAA"),
    "not the trainer code": lambda game: game.check_trainer("AAAAA-AAAAA"),
    "unknown team": lambda game: game.decisions("Groen"),
    "game ended": lambda game: _ended(_played(game, 1)).submit("Rood", {}),
    "game ended before round 1": lambda game: game.end(),
    "game over": lambda game: _played(game, 2).submit("Rood", {}),
    "round closed": lambda game: _played(game, 1).submit("Rood", {}, round_number=1),
    "round not open": lambda game: game.submit("Rood", {}, round_number=2),
    "unknown market event": lambda game: game.schedule_event("demand_dipp"),
    "market event in a past round": lambda game: _played(game, 1).schedule_event("demand_dip", 1),
    "market event twice": lambda game: [game.schedule_event("demand_dip") for _ in range(2)],
    "practice after round 1": lambda game: _played(game, 1).practice(),
    "round 1 played during the practice": lambda game: _meanwhile(game, Game.advance).practice(),
    "submissions keep arriving": lambda game: _meanwhile(game, lambda other: other.submit("Blauw", {})).advance(),
    "nothing to undo": lambda game: game.undo(),
    "round 1 closed twice": lambda game: _played(game, 1).advance(round_number=1),
    "undo a round after the end": lambda game: _ended(_played(game, 1)).undo(),
    "undo an end that is not there": lambda game: _played(game, 1).undo(end=True),
    "undo a round not the last": lambda game: _played(game, 2).undo(round_number=1),
    "round not played": lambda game: game.leaderboard(2),
    "round not a number": lambda game: check_round_number("twee"),
    "decisions not a table": lambda game: game.submit("Rood", 5),
    "not a decision": lambda game: game.submit("Rood", {"run.years": 2}),
    "decision out of the parameter's range": lambda game: game.submit("Rood", {"organisation.service_staff": -1}),
    "choice the trainer did not allow": lambda game: game.submit("Rood", {"funnel.promise_policy": "no_promise"}),
    "outside the trainer's range": lambda game: game.submit("Rood", {"organisation.junior_account_managers": 8}),
    "people budget": lambda game: game.submit("Rood", {"organisation.service_staff": 20}),  # 37 people
    # lesson 08's uncertain assumptions
    "uncertain choice": lambda game: normalise({"funnel.promise_policy": ("honest", "no_promise")}),
    "uncertain value without a range": lambda game: normalise({"market.competitor_intensity": 1.0}),
    "uncertain range upside down": lambda game: normalise({"market.competitor_intensity": (1.5, 0.5)}),
    "too many uncertain assumptions": lambda game: normalise(
        dict(itertools.islice(((spec.name, (spec.low, spec.high)) for spec in PARAMETERS if spec.kind is float), 13))),
    "no replications": lambda game: compare("honest_promise", "over_promise", n=0),
    "no workers": lambda game: compare("honest_promise", "over_promise", n=2, workers=0),
    "chunks of no runs": lambda game: run_chunks(list, [1, 2], size=0),
    "a language the kit does not speak": lambda game: set_language("NL"),
    "unknown monthly column": lambda game: yearly_totals({"A": _short_run()}, "wonn"),
    # a lesson's code: a scenario's parts, panels, paths and figures
    "scenario's part misspelt": lambda game: preset("baseline").fumnel,
    "parameter's concept left out": lambda game: preset("baseline").promise_policy,
    "unknown concept in a panel": lambda game: ScenarioPanel(concepts=["fumnel"]),
    "panel without parameters": lambda game: ScenarioPanel(params=[]),
    "panel without replications": lambda game: CompareView(params=["funnel.promise_policy"], replications=0,
                                                           run_now=False),
    "two sides with one name": lambda game: CompareView(params=["funnel.promise_policy"], names=("A", "A"),
                                                        run_now=False),
    "a whole number as an uncertain range": lambda game: StressTestPanel(assumptions={"run.years": (1, 2)}),
    "unknown path": lambda game: path_kpi("klanten"),
    "a band of no runs": lambda game: band([], "customers"),
    "paths of no runs": lambda game: plots.paths({}),
    "axes for paths": lambda game: plots.paths({"A": [_short_run()]}, ["customers", "nps"], ax=[None]),
    "bars of no results": lambda game: plots.compare_bars({}, ["nps"]),
    "a figure that needs the events": lambda game: lead_time_gaps(_short_run()),
    # a trainer's settings, also uploaded on a Dutch trainer page
    "settings not a table": lambda game: GameSettings.from_mapping(5),
    "unknown game setting": lambda game: GameSettings.from_mapping({"round": 3}),
    "rounds out of range": lambda game: GameSettings.from_mapping({"rounds": 0}),
    "competitors not a list": lambda game: GameSettings.from_mapping({"bots": "steady"}),
    "unknown competitor": lambda game: GameSettings.from_mapping({"bots": ["stedy"]}),
    "competitor in a list of its own": lambda game: GameSettings.from_mapping({"bots": [["steady"]]}),
    "impossible market": lambda game: GameSettings.from_mapping({"market": {"market.share_small": 0.7,
                                                                            "market.share_large": 0.5}}),
    "decisions not a table of settings": lambda game: GameSettings.from_mapping({"decisions": 5}),
    "unknown decision parameter": lambda game: GameSettings.from_mapping({"decisions": {"strategy.visit": None}}),
    "the game's own setting as a decision": lambda game: GameSettings.from_mapping({"decisions": {"run.years": None}}),
    "choices not allowed": lambda game: GameSettings.from_mapping({"decisions": {"funnel.promise_policy": ["liegen"]}}),
    "choices in lists of their own": lambda game: GameSettings.from_mapping(
        {"decisions": {"funnel.promise_policy": [["honest"]]}}),
    "decision range too wide": lambda game: GameSettings.from_mapping({"decisions": {"funnel.promise_buffer": [0, 5]}}),
    "unknown perspective": lambda game: GameSettings.from_mapping({"weights": {"marge": 1}}),
    "weight above 1": lambda game: GameSettings.from_mapping({"weights": {"margin": 2}}),
    "weights not adding up": lambda game: GameSettings.from_mapping({"weights": {"margin": 0.5}}),
    "minimum NPS out of range": lambda game: GameSettings.from_mapping({"min_nps": 200}),
    "minimum NPS yes or no": lambda game: GameSettings.from_mapping({"min_nps": True}),
    "people budget below the market's": lambda game: GameSettings.from_mapping({"max_people": 3}),
    "settings file of another kind": lambda game: load_settings("instellingen.txt"),
    "JSON with a mistake": lambda game: parse_document(b'{"rounds": 6,,}', ".json", "instellingen.json"),
    "TOML that is no text": lambda game: parse_document(b"\xff\xfe", ".toml", "instellingen.toml"),
    "TOML cut short": lambda game: parse_document(b'name = "Workshop', ".toml", "instellingen.toml"),
    "nested too deeply": lambda game: parse_document(b"[" * 100_000, ".json", "diep.json"),
    # a trainer grading a folder of submissions (`grade --language nl`); each is found before anything runs
    "grading no folder": lambda game: grade_folder(HERE / "inleveringen", HERE / "cijferlijst.csv"),
    "grading an unknown exercise": lambda game: grade_folder(HERE, HERE / "cijferlijst.csv", exercises=["nps-varaint"]),
    "grading with too many notebooks at once": lambda game: grade_folder(HERE, HERE / "cijferlijst.csv", workers=40),
    "gradebook in a folder where a file is": lambda game: grade_folder(HERE, HERE / "conftest.py" / "lijst.csv"),
    "grading a folder with nothing to grade": lambda game: grade_folder(tempfile.mkdtemp(), HERE / "cijferlijst.csv"),
    "grading with a course code no student used": lambda game: check_course("sales-2025", Counter({"sales-2026": 4})),
    # a trainer at a terminal (`python -m simulation game … --language nl`, `classroom --language nl`)
    "a lesson presented that is not there": lambda game: lesson_path("42", "nl"),
    "present's own option typed nearly right": lambda game: check_passed_on(["--langauge"]),
    "a port out of range": lambda game: check_port(70000, DEFAULT_PORT),
    "one team name": lambda game: teams_given("four"),
    "a class without teams": lambda game: class_teams("0"),
    "no game file": lambda game: Game.open(HERE / "klas.game"),
    "not a game file": lambda game: Game.open(HERE / "conftest.py"),
    "game file exists": lambda game: Game.create(game.store.path, SETTINGS, teams=["Rood"]),
    "a game's name mistyped (open)": lambda game: check_not_mistyped(
        game.store.path.with_name("_" + game.store.path.name)),
    "game file in a folder that is not there": lambda game: Game.create(HERE / "geen map" / "klas.game", SETTINGS,
                                                                        teams=["Rood"]),
    "game file a folder": lambda game: Game.open(_folder(game, "klas")),
    "log entry changed into no JSON": lambda game: _hand_edited(game, "UPDATE actions SET payload = '{\"decisions\": '"),
    "logged decision out of range": lambda game: _hand_edited(
        game, "UPDATE actions SET payload = '{\"decisions\": {\"organisation.service_staff\": 50}}'"),
    "logged market event unknown": lambda game: _hand_edited(
        game, "UPDATE actions SET kind = 'event', slot = NULL, payload = '{\"event\": \"overstroming\"}'"),
    "logged entry of a kind the kit never writes": lambda game: _hand_edited(game, "UPDATE actions SET kind = 'advnce'"),
    "logged undo with no round before it": lambda game: _hand_edited(
        game, "UPDATE actions SET kind = 'undo', slot = NULL, payload = '{}'"),
    "stored setting out of range": lambda game: _hand_edited(
        game, "UPDATE game SET value = json_set(value, '$.rounds', 0) WHERE key = 'settings'"),
    "stored results changed into no JSON": lambda game: _results_edited(
        game, "UPDATE results SET kpis = 'veel' WHERE slot = 'Rood'"),
    "stored results of a team deleted": lambda game: _results_edited(game, "DELETE FROM results WHERE slot = 'Rood'"),
    "stored results of a round deleted": lambda game: _results_edited(game, "DELETE FROM results"),
    "stored results for an entry not in the log": lambda game: _results_edited(
        game, "INSERT INTO results SELECT advance + 1, round, slot, kpis FROM results", Game.advance),
    "a team without a name": lambda game: teams_given("Rood,,Blauw"),
    "--code unknown": lambda game: chosen_team(game, None, "AAAAA-BBBBB"),
    "--team unknown": lambda game: chosen_team(game, "Roood", None),
    "--team a computer competitor": lambda game: chosen_team(game, "price fighter (computer)", None),
    "--team a computer competitor, named in Dutch": lambda game: chosen_team(game, "Prijsvechter (computer)", None),
    "decisions in a text file": lambda game: decisions_given("beslissingen.txt", []),
    "decisions file not there": lambda game: decisions_given(str(HERE / "beslissingen.json"), []),
    "decisions file not a table": lambda game: decisions_given(_written(game, "lijst.json", "[1, 2]"), []),
    "--set without a value": lambda game: decisions_given(None, ["economics.price_level"]),
    "nothing to submit": lambda game: decisions_given(None, [], required=True),
    # a manager's experiment at a terminal (`experiment … --language nl`) and the files a command writes or reads
    "--vary without a range": lambda game: key_values(["market.competitor_intensity"], "--vary", "x=0.8:1.5"),
    "a range with a dash": lambda game: parse_range("market.competitor_intensity", "0.8-1.5"),
    "a range typed high:low": lambda game: parse_range("market.competitor_intensity", "2:1"),
    "a most likely value outside its range": lambda game: parse_range("market.competitor_intensity", "1:3:2"),
    "results exported over the saved scenario": lambda game: check_export_path("uitkomst.json", "./uitkomst.json"),
    "swept and uncertain": lambda game: sweep("baseline", {"market.competitor_intensity": [1.0, 1.2]}, 1,
                                              uncertain={"market.competitor_intensity": (0.8, 1.5)}),
    "a sweep over nothing": lambda game: sweep("baseline", {}),
    "a sweep too fine": lambda game: sweep("baseline", {"market.competitor_intensity": [1.0] * 200,
                                                        "churn.annual_at_grade_6": [0.2] * 200}),
    "a sweep over one value twice": lambda game: sweep("baseline", {"funnel.promise_policy": ["honest", "honest"]}),
    "sensitivity to a choice": lambda game: sensitivity("baseline", ["funnel.promise_policy"]),
    "sensitivity range upside down": lambda game: sensitivity("baseline", {"market.competitor_intensity": (1.5, 0.8)}),
    "more runs than the kit does": lambda game: check_budget(MAX_RUNS + 1, 1, 1),
    "an experiment of hours": lambda game: check_budget(20_000, 3, 1, work_years=30, leads=2500),
    "more workers than a pool takes": lambda game: worker_count(MAX_WORKERS + 1, 100, 1),
    "more workers than cores": lambda game: worker_count(local_cores() + 1, 100, 1),
    "an experiment saved as CSV": lambda game: check_experiment_path("runs.csv"),
    "an experiment too long for a sheet": lambda game: _saved_to_a_short_sheet(game),
    "an export without a name": lambda game: check_export_path(""),
    "an export as PDF": lambda game: check_export_path("resultaten.pdf"),
    "an export named as a folder": lambda game: check_export_path(_folder(game, "tabel.csv")),
    "an export into a folder that is not there": lambda game: check_export_path(HERE / "uitvoer" / "tabel.csv"),
    "a scenario file that is a folder": lambda game: load_scenario(_folder(game, "scenario.json")),
    "a scenario file that is not there": lambda game: load_scenario(HERE / "scenario.toml"),
    "a scenario file too large": lambda game: load_scenario(_written(game, "groot.json", " " * 1_000_001)),
    "a scenario file that is a list": lambda game: load_scenario(_written(game, "lijst.json", "[1, 2]")),
    "writing into a file as if a folder": lambda game: write_text(Path(_written(game, "a.txt", "")) / "b.txt", ""),
    "saving a folder over a file": lambda game: check_replaceable(_written(game, "map", ""), ()),
    "saving over a folder of other files": lambda game: check_replaceable(Path(_written(game, "eigen.txt", "")).parent,
                                                                          ()),
}


def _hand_edited(game: Game, change: str) -> None:
    """`game` with Rood's submission for round 1 changed by `change` (SQL on its log), read again."""
    game.submit("Rood", {"organisation.service_staff": 5})
    with sqlite3.connect(game.store.path) as connection:
        connection.execute(change)
    connection.close()
    with Game.open(game.store.path) as again:
        again.status()


def _results_edited(game: Game, change: str, then=Game.results) -> None:
    """`game` with round 1 played and the results stored with it changed by `change` (SQL), then read again (or
    `then` done)."""
    game.advance()
    with sqlite3.connect(game.store.path) as connection:
        connection.execute(change)
    connection.close()
    with Game.open(game.store.path) as again:
        then(again)


def _folder(game: Game, name: str) -> Path:
    """A folder next to the game (in the test's own folder)."""
    path = game.store.path.parent / name
    path.mkdir()
    return path


def _saved_to_a_short_sheet(game: Game) -> None:
    """An experiment saved as a workbook whose sheets held only two rows (a real sheet holds a million)."""
    result = replicate(preset("baseline").replace({"run.years": 1, "accounts.initial_customers": 20}), 1)
    with mock.patch.object(storage, "EXCEL_ROWS", 2):
        save_experiment(result, game.store.path.parent / "experiment.xlsx")


#: Rows that are parts of other messages, not messages of their own: each must be part of some message.
PARTS = {"error.did_you_mean", "error.see_params", "error.allowed_choice", "error.allowed_bool",
         "error.allowed_integer", "error.allowed_number", "error.no_teams", "error.range", "error.ranges_and",
         "error.document_line", "error.document_end", "error.document_not_text", "error.runs_busy",
         "error.file_allowed", "error.log_submission", "error.log_action", "error.log_kind",
         *(key for key in TEXTS if key.startswith("error.setting_"))}
#: Every mistake row: each must be made by some call in MISTAKES, so each is tested in both languages.
ERROR_ROWS = sorted(key for key in TEXTS if key.startswith("error.") and key not in PARTS)


def _raised_in_a_cell(code: str) -> None:
    """What a notebook's box tells for a NameError that `code`, run as a cell, raises."""
    try:
        exec(code, {})
    except NameError as error:
        raise unknown_name(error) from None


def _new_game(path) -> Game:
    """A two-team game whose trainer allows two promise policies, 0–20 service staff and 0–6 junior reps."""
    return Game.create(path, {**SETTINGS, "decisions": {
        "funnel.promise_policy": ["honest", "customer_wish"], "organisation.service_staff": [0, 20],
        "organisation.junior_account_managers": [0, 6]}}, teams=["Rood", "Blauw"])


@pytest.fixture
def game(tmp_path):
    game = _new_game(tmp_path / "class.game")
    yield game
    game.close()


def told(mistake: str, game: Game) -> KitError:
    with pytest.raises(KitError) as raised:
        MISTAKES[mistake](game)
    return raised.value


def dutch_prose(message: str) -> str:
    """The Dutch message without what is Python: what the student typed ('Je gaf 0.5.') and quoted names or
    values to type ('0.8:1.5'; first the names alone: an apostrophe in "KPI's" would pair with the quote of the
    next name)."""
    return prose(re.sub(r"[Jj]e gaf .*?(?=[.;]\s|[.;]?$)|'[\w.:-]+'", " ", message))


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_every_mistake_is_told_in_dutch_too(mistake, game):
    error = told(mistake, game)
    english, dutch = str(error), error.in_language("nl")
    assert error.in_language("en") == english and dutch != english, mistake
    shown = dutch_prose(dutch)
    assert not dutch_english_words(shown), f"{mistake}: {dutch_english_words(shown)} in {dutch!r}"
    assert not ENGLISH_NUMBER_STYLE.search(shown), f"{mistake}: English number style in {dutch!r}"


def test_every_mistake_row_is_one_the_table_above_makes(tmp_path):
    messages = []
    for index, mistake in enumerate(MISTAKES):
        with _new_game(tmp_path / f"{index}.game") as game:
            error = told(mistake, game)
            messages += [str(error), error.in_language("nl")]
    unmade = [key for key in ERROR_ROWS if not any(template_pattern(template).fullmatch(message)
                                                   for template in TEXTS[key] for message in messages)]
    unused = [key for key in sorted(PARTS) if not all(any(template_pattern(template).search(message)
                                                          for message in messages) for template in TEXTS[key])]
    assert not unmade, f"text rows no mistake above makes (test them, or drop them): {unmade}"
    assert not unused, f"parts of messages no mistake above uses: {unused}"


def test_the_row_check_can_fail():
    assert template_pattern(TEXTS["error.round_closed"][1]).fullmatch("Ronde 1 is gesloten; nu is ronde 2 open.")
    assert not template_pattern(TEXTS["error.round_closed"][1]).fullmatch("Round 1 is closed; round 2 is open now.")
    assert not template_pattern(TEXTS["error.setting_number"][1]).search(
        "Spelinstelling 'min_nps': moet een getal zijn.")


def test_the_dutch_message_survives_a_process_pool():
    error = told("unknown parameter", None)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error)
    assert copy.in_language("nl") == error.in_language("nl") != str(error)


def test_a_mistake_without_a_dutch_message_is_told_in_english():
    assert KitError("Game settings are a .json or .toml file.").in_language("nl").startswith("Game settings")


def test_the_numbers_in_a_dutch_message_are_dutch():
    dutch = told("market shares", None).in_language("nl")
    assert "0,7 + 0,5 = 1,2" in dutch
    assert "[0.8, 1.2]" in str(told("number as a word", None))  # the English message as before
    assert "van 0,8 tot en met 1,2" in told("number as a word", None).in_language("nl")


def test_a_dutch_exercise_box_tells_the_cell_error_in_dutch():
    box = cell_error_box(told("unknown parameter", None), "nl")
    assert "Onbekende parameter 'strategy.visit'. Bedoel je" in box.message
    assert "Unknown parameter" in cell_error_box(told("unknown parameter", None), "en").message


def test_a_dutch_panel_tells_an_impossible_market_in_dutch():
    panel = ScenarioPanel(["market.share_small", "market.share_large"], language="nl")
    panel.controls["market.share_large"].value = 0.6  # 0.5 small + 0.6 large > 1
    assert panel.scenario() is None
    assert "mag samen hoogstens 1 zijn (de rest is middelgroot). Je gaf 0,5 + 0,6 = 1,1." in panel.message.value


def test_a_dutch_team_page_tells_the_people_budget_in_dutch(game):
    page = TeamPage(game.store.path, "nl", sleep=lambda seconds: None)
    page.code.value = game.team_codes()["Rood"]
    page.login_button.click()
    page.controls["organisation.service_staff"].value = 20  # 37 people with the rest of the market's
    page.submit_button.click()
    assert "het budget van dit spel laat hoogstens 30 toe" in page.feedback.value


@pytest.mark.parametrize(("upload", "told_in_dutch"), [
    ('{"rounds": 6, "weights": {"marge": 1}}', "Spelinstelling 'weights': onbekend perspectief 'marge'. "
                                               "Bedoel je 'margin'?"),
    ('{"rounds": 6,,}', "'spel.json' is geen geldige JSON (fout in regel 1, kolom 14)."),
])
def test_a_dutch_trainer_page_tells_a_settings_file_mistake_in_dutch(game, upload, told_in_dutch):
    page = TrainerPage(game.store.path, "nl", sleep=lambda seconds: None)
    page.code.value = game.trainer_code
    page.login_button.click()
    page.new_settings.value = ({"name": "spel.json", "type": "application/json", "size": len(upload),
                                "content": memoryview(upload.encode()), "last_modified": datetime.now(timezone.utc)},)
    page.buttons["new_game"].click()
    assert told_in_dutch in html.unescape(page.output.value)
    assert game.settings.rounds == 2  # the game in the file is the one it was


def test_a_dutch_stress_test_tells_a_range_it_cannot_simulate_in_dutch():
    panel = StressTestPanel(assumptions={"market.share_small": (0.6, 0.95)}, replications=3, years=1, workers=1,
                            language="nl")
    panel.run()
    assert "Het onzekere bereik 'market.share_small' (0,6 tot en met 0,95) kan waarden bereiken die niet mogen" \
        in html.unescape(panel.status.value)


@pytest.mark.parametrize(("language", "expected"), [("en", "error: Unknown parameter 'strategy.visit'"),
                                                    ("nl", "fout: Onbekende parameter 'strategy.visit'")])
def test_the_command_line_tells_a_mistake_in_the_language_asked(capsys, language, expected):
    assert main(["run", "--language", language, "--set", "strategy.visit=3"]) == 2
    assert capsys.readouterr().err.startswith(expected)


def test_an_answer_of_another_kind_is_named_in_the_boxs_language():
    assert "gekregen: een set." in check("nps-survey", {1, 2}, "nl").message
    assert "got a set." in check("nps-survey", {1, 2}, "en").message
    assert "Gekregen: een float." in start(3.5, language="nl").message


@pytest.fixture
def shell():
    """An IPython shell, as a notebook's kernel has one; its error handler and extensions reset afterwards."""
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    config = Config()
    config.HistoryManager.hist_file = ":memory:"
    shell = InteractiveShell.instance(config=config)
    yield shell
    shell.set_custom_exc((), None)
    shell.extension_manager.loaded.discard("simulation")
    set_language("en")


@pytest.mark.parametrize(("language", "box"), [
    ("en", "✘ Stopped at a mistake\nThis cell stopped at a mistake. Correct it and run the cell again:\n"
           "Unknown parameter 'funnel.promis_policy'. Did you mean 'funnel.promise_policy'?"),
    ("nl", "✘ Gestopt bij een fout\nDeze cel stopte bij een fout. Verbeter hem en draai de cel opnieuw:\n"
           "Onbekende parameter 'funnel.promis_policy'. Bedoel je 'funnel.promise_policy'?")])
def test_a_lesson_shows_a_mistake_as_a_box_in_its_language(shell, capsys, language, box):
    """Each lesson's first cell loads the kit's extension; the Dutch lesson's cell before it sets Dutch."""
    shell.run_cell(f"%load_ext simulation\nfrom simulation import preset, set_language\nset_language({language!r})")
    capsys.readouterr()
    typo = shell.run_cell("preset('baseline').replace({'funnel.promis_policy': 'honest'})")
    out = capsys.readouterr()
    assert not typo.success and out.out.strip() == box
    assert "Traceback" not in out.out + out.err and "cell_error" not in out.out  # and no record for a grader
    shell.run_cell("1 / 0")  # a bug is no user mistake: its traceback stays
    assert "ZeroDivisionError" in capsys.readouterr().out


@pytest.mark.parametrize(("language", "told"), [("en", "Python does not know the name 'tien'. Text goes between "
                                                       "quotes ('tien')"),
                                                ("nl", "Python kent de naam 'tien' niet. Tekst zet je tussen "
                                                       "aanhalingstekens ('tien')")])
def test_a_name_python_does_not_know_is_a_box_but_a_bugs_name_error_keeps_its_traceback(shell, capsys, language,
                                                                                        told):
    """'answer = tien' (text without quotes) is a student's typo: a box in the notebook's language, as the exercises'
    README promises; a NameError raised inside other code than the cell's is a bug and keeps its traceback."""
    shell.run_cell(f"%load_ext simulation\nfrom simulation import set_language\nset_language({language!r})")
    capsys.readouterr()
    typo = shell.run_cell("answer = tien")
    out = capsys.readouterr()
    assert not typo.success and told in out.out and "Traceback" not in out.out + out.err
    shell.run_cell("import types\nlibrary = types.ModuleType('library')\n"
                   "exec('def broken():\\n    return undefined_name', library.__dict__)\nlibrary.broken()")
    bug = capsys.readouterr().out
    assert "NameError" in bug and "undefined_name" in bug and told.split("'")[0] not in bug
    shell.run_cell("def count():\n    total += 1\ncount()")  # an UnboundLocalError is a NameError with no name to quote
    unbound = capsys.readouterr().out
    assert "UnboundLocalError" in unbound and told.split("'")[0] not in unbound


def test_a_misspelt_part_of_a_scenario_is_a_box_in_a_lesson_and_still_an_attribute_error(shell, capsys):
    shell.run_cell("%load_ext simulation\nfrom simulation import preset, set_language\nset_language('nl')")
    capsys.readouterr()
    assert not shell.run_cell("preset('baseline').funnel.promis_policy").success
    out = capsys.readouterr()
    assert "Onbekende parameter 'funnel.promis_policy'. Bedoel je 'funnel.promise_policy'?" in out.out
    assert "Traceback" not in out.out + out.err
    scenario = preset("baseline")
    assert not hasattr(scenario, "fumnel") and getattr(scenario.funnel, "promis_policy", None) is None
    for section in (copy.copy(scenario.funnel), copy.deepcopy(scenario.funnel)):  # Python's own probes still work
        assert section.promise_policy == scenario["funnel.promise_policy"]
    assert "Did you mean 'funnel'?" in str(told("scenario's part misspelt", None))


def test_every_lesson_loads_the_extension_in_its_first_code_cell():
    for lesson in english_lessons():
        first = next(cell for cell in nbformat.read(lesson, as_version=4).cells if cell.cell_type == "code")
        assert "%load_ext simulation" in first.source.splitlines(), lesson.name
