"""The team and trainer pages as widgets, driven as a browser would drive them (values set, buttons clicked)."""

from __future__ import annotations

import base64
import re
from datetime import datetime, timezone

import ipywidgets as widgets
import pytest

from simulation.game.engine import Game
from simulation.game.pages import MAX_LOGIN_DELAY_S, TeamPage, TrainerPage, login_delay
from simulation.language import euro

SETTINGS = {"rounds": 3, "suppliers": 3, "market": {"accounts.initial_customers": 60}}


def _text(widget: widgets.Widget) -> str:
    """Everything a page shows: HTML and labels, descriptions, and tab titles, depth first."""
    parts = []
    for name in ("value", "description"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            parts.append(value)
    if isinstance(widget, widgets.Tab):
        parts += [widget.get_title(i) for i in range(len(widget.children))]
    for child in getattr(widget, "children", ()):
        parts.append(_text(child))
    return "\n".join(parts)


@pytest.fixture
def game(tmp_path):
    game = Game.create(tmp_path / "class.game", SETTINGS, teams=["Rood", "Blauw"])
    yield game
    game.close()


def _team_page(game: Game, team: str, language: str = "en") -> TeamPage:
    waits = []
    page = TeamPage(game.store.path, language, sleep=waits.append)
    page.waits = waits
    page.code.value = game.team_codes()[team].lower().replace("-", " ")  # as typed from the board
    page.login_button.click()
    return page


def test_wrong_codes_are_refused_and_slowed_down(game):
    waits = []
    page = TeamPage(game.store.path, "nl", sleep=waits.append)
    for attempt in range(4):
        page.code.value = "AAAAA-AAAAA"
        page.login_button.click()
    assert page.team is None and "Deze teamcode hoort niet bij dit spel." in page.message.value  # the page's language
    assert waits == [0.0, 0.5, 1.0, 2.0]
    assert game.store.recent_failed_logins() == 4
    page.code.value = game.team_codes()["Rood"]
    page.login_button.click()
    assert page.team == "Rood" and waits[-1] == 4.0  # the right code after four wrong ones still waits


def test_a_wrong_code_that_cannot_be_noted_in_a_locked_game_file_is_told_not_raised(game, monkeypatch):
    from simulation.game.settings import GameError

    page = TeamPage(game.store.path, "en", sleep=lambda seconds: None)
    page.code.value = "AAAAA-AAAAA"
    page._open()

    def locked():
        raise GameError("Cannot write 'class.game': database is locked.")

    monkeypatch.setattr(page.game.store, "record_failed_login", locked)
    page.login_button.click()  # a button's callback that raised would leave the page without a word
    assert page.team is None and "database is locked" in page.message.value and not page.login_button.disabled
    assert page._failures == 1  # the wrong code still counts on this page


def test_the_delay_grows_to_a_cap_and_many_wrong_codes_anywhere_slow_every_page():
    assert [login_delay(n, 0) for n in range(4)] == [0.0, 0.5, 1.0, 2.0]
    assert login_delay(50, 0) == MAX_LOGIN_DELAY_S
    assert login_delay(0, 31) == 5.0 and login_delay(0, 30) == 0.0


def test_a_team_logs_in_and_sees_a_form_within_the_trainers_ranges(game):
    page = _team_page(game, "Rood", "nl")
    assert page.team == "Rood"
    shown = _text(page.widget)
    assert "Rood — ronde 1 van 3 is open" in shown and "Beslissingen" in shown
    price = page.controls["economics.price_level"]
    assert (price.min, price.max) == (0.8, 1.2)
    assert set(page.controls) == set(game.settings.decisions)
    assert "Prijsniveau" in shown and "× marktprijs" in shown


def test_submit_stores_the_draft_and_says_what_was_stored(game):
    page = _team_page(game, "Rood")
    page.controls["economics.price_level"].value = 0.9
    page.submit_button.click()
    assert game.decisions("Rood")["economics.price_level"] == 0.9
    assert "Stored for round 1" in page.feedback.value and "Price level" in page.feedback.value


@pytest.mark.parametrize(("language", "told"), [("en", "Round 1 is closed; round 2 is open now."),
                                                ("nl", "Ronde 1 is gesloten; nu is ronde 2 open.")])
def test_a_submission_for_a_round_that_closed_meanwhile_is_refused(game, language, told):
    page = _team_page(game, "Rood", language)
    game.advance()  # the trainer closed round 1 while the page still showed it
    page.controls["economics.price_level"].value = 0.9
    page._draw = lambda: None  # the page has not redrawn yet
    original_status = game.status

    def stale_status():
        status = original_status()
        return status.__class__(1, status.rounds, 0, (), (), (), False)

    game.status = stale_status
    page.game = game
    page.submit_button.click()
    assert told in page.feedback.value
    assert "economics.price_level" not in game.decisions("Rood")


def test_preview_shows_a_projection_with_a_band(game):
    page = _team_page(game, "Blauw")
    page.controls["funnel.promise_policy"].value = "customer_wish"
    page.preview_button.click()
    assert "Projected" in page.feedback.value and "–" in page.feedback.value
    assert game.status().played == 0  # a preview plays nothing for real


def test_a_team_page_redraws_when_the_round_closes_and_shows_only_public_numbers_of_others(game):
    page = _team_page(game, "Rood")
    assert not page.refresh()  # nothing happened since the page drew
    game.submit("Blauw", {"organisation.service_staff": 4})
    assert page.refresh()  # the log moved on (Rood's page shows who submitted)
    game.advance()
    assert page.refresh()
    shown = _text(page.widget)
    rood = game.results()[0]["Rood"]
    assert euro(rood["sales_cost"], "en") in shown  # its own detailed figures
    blauw = game.results()[0]["Blauw"]
    private = [euro(blauw[kpi], "en") for kpi in ("revenue", "sales_cost", "service_cost")
               if euro(blauw[kpi], "en") not in euro(rood[kpi], "en")]
    assert len(private) >= 2  # Blauw's own figures differ from Rood's (it has 4 service staff)…
    assert not any(value in shown for value in private)  # …and Rood's page shows none of them
    assert game.team_codes()["Blauw"] not in shown and game.trainer_code not in shown


def test_the_trainer_page_needs_the_trainer_code(game):
    page = TrainerPage(game.store.path, "en", team_address="http://192.168.1.5:8765/", sleep=lambda s: None)
    page.code.value = game.team_codes()["Rood"]  # a team's code is not the trainer's
    page.login_button.click()
    assert not page.trainer and "not the trainer code" in page.message.value
    page.code.value = game.trainer_code
    page.login_button.click()
    shown = _text(page.widget)
    assert page.trainer and game.team_codes()["Blauw"] in shown and "<svg" in shown
    assert "Still to submit: Rood, Blauw" in shown


def test_the_trainer_runs_rounds_from_the_page(game):
    page = TrainerPage(game.store.path, "nl", sleep=lambda s: None)
    page.code.value = game.trainer_code
    page.login_button.click()
    page.event_choice.value = "demand_dip"
    page.buttons["event"].click()
    assert game.status().events == ("demand_dip",)
    page.buttons["practice"].click()
    assert game.status().practice_played and game.status().played == 0
    page.buttons["advance"].click()
    assert game.status().played == 1 and "Ronde 1 gespeeld" in page.output.value
    assert "Klassement" in _text(page.widget)
    page.buttons["undo"].click()
    assert game.status().played == 0 and page.buttons["practice"].disabled is False
    page.buttons["advance"].click()
    page.buttons["full_screen"].click()
    assert "font-size:1.7em" in _text(page.widget)
    page.buttons["full_screen"].click()
    page.buttons["downloads"].click()
    links = re.findall(r'href="data:([^;]+);base64,([^"]+)"', page.downloads.value)
    assert [kind for kind, _ in links] == ["text/html", "application/octet-stream"]
    assert "<html" in base64.b64decode(links[0][1]).decode() and base64.b64decode(links[1][1])[:15] == b"SQLite format 3"


def test_a_team_sees_its_rounds_as_a_figure_and_the_trainer_can_end_the_game(game):
    team = _team_page(game, "Rood")
    assert team.figure.layout.display == "none"  # nothing to draw before round 1
    trainer = TrainerPage(game.store.path, "en", sleep=lambda s: None)
    trainer.code.value = game.trainer_code
    trainer.login_button.click()
    assert trainer.buttons["end"].disabled  # before round 1 (the game refuses it too)
    trainer.buttons["advance"].click()
    trainer.buttons["end"].click()
    assert game.status().ended and "ended after round 1" in trainer.output.value
    assert trainer.buttons["advance"].disabled and trainer.buttons["end"].disabled
    assert team.refresh()
    assert team.figure.value[:8] == b"\x89PNG\r\n\x1a\n" and team.figure.layout.display is None
    assert "the game is over after round 1" in team.title.value
    # Ended by mistake: the undo button now takes the end back, and the class plays on.
    assert trainer.buttons["undo"].description == "Undo the end" and not trainer.buttons["undo"].disabled
    trainer.buttons["undo"].click()
    assert not game.status().ended and "The end is taken back: round 2 is open again" in trainer.output.value
    assert trainer.buttons["undo"].description == "Undo last round" and not trainer.buttons["advance"].disabled
    trainer.buttons["advance"].click()
    assert game.status().played == 2


def test_a_trainer_page_left_open_in_another_tab_acts_only_on_the_round_it_shows(game):
    """Two tabs of the trainer page: the one not yet redrawn closes no further round, undoes no round it has not
    shown and takes back no end twice; it says why, and shows the game as it is."""
    pages = [TrainerPage(game.store.path, "en", sleep=lambda s: None) for _ in range(2)]
    for page in pages:
        page.code.value = game.trainer_code
        page.login_button.click()
    fresh, stale = pages
    fresh.buttons["advance"].click()
    stale.buttons["advance"].click()  # it still shows round 1 open
    assert game.status().played == 1 and "Round 1 is closed; round 2 is open now" in stale.output.value
    fresh.buttons["advance"].click()
    stale.buttons["undo"].click()  # it shows round 1 as the last played
    assert game.status().played == 2 and "Round 1 is not the last round played" in stale.output.value
    fresh.buttons["end"].click()
    stale.buttons["undo"].click()  # it shows the game going on
    assert game.status().ended and "undo with --end" in stale.output.value
    fresh.buttons["undo"].click()  # 'Undo the end'
    stale.buttons["undo"].click()  # so does this one now, once more
    status = game.status()
    assert not status.ended and status.played == 2 and "no end to take back" in stale.output.value


def test_the_trainer_starts_a_new_game_and_team_pages_ask_for_the_new_code(game, tmp_path):
    team = _team_page(game, "Rood")
    trainer = TrainerPage(game.store.path, "nl", sleep=lambda s: None)
    trainer.code.value = game.trainer_code
    trainer.login_button.click()
    assert not trainer.buttons["new_game"].disabled  # before round 1 a new game may replace this one
    trainer.new_preset.value = "short"
    trainer.new_teams.value = 3
    trainer.buttons["new_game"].click()
    assert "Een nieuw spel is begonnen" in trainer.output.value
    with Game.open(game.store.path) as new:
        assert new.settings.rounds == 4 and len(new.teams) == 3
        assert any(code in _text(trainer.widget) for code in new.team_codes().values())
    assert team.refresh() and team.team is None and "new code" in team.message.value
    trainer.new_settings.value = ({"name": "game.json", "type": "application/json", "size": 20,
                                   "content": memoryview(b'{"rounds": 2, "suppliers": 4}'),
                                   "last_modified": datetime.now(timezone.utc)},)
    trainer.buttons["new_game"].click()
    with Game.open(game.store.path) as new:
        assert new.settings.rounds == 2 and new.settings.suppliers == 4
