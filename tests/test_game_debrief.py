"""The game's debrief page: margin gaps that add up, every name escaped, self-contained, in English and Dutch."""

from __future__ import annotations

import base64
import html
import itertools
import math
import re

import pytest

from simulation.game.debrief import OTHER, PARTS, debrief_html, margin_gap, path_figures, rank_figure, write_debrief
from simulation.game.engine import Game
from simulation.game.settings import GameError
from simulation.language import euro
from simulation.parameters import SPECS

SETTINGS = {"rounds": 3, "suppliers": 3, "market": {"accounts.initial_customers": 60}}
TEAMS = ["Rood", "<b>Blauw</b>"]


@pytest.fixture(scope="module")
def game(tmp_path_factory):
    game = Game.create(tmp_path_factory.mktemp("game") / "debrief.game", SETTINGS, teams=TEAMS)
    game.submit("Rood", {"economics.price_level": 0.9})
    game.schedule_event("price_war", 2)
    for _ in range(3):
        game.advance()
    yield game
    game.close()


@pytest.fixture(scope="module")
def pages(game):
    return {language: debrief_html(game, language) for language in ("en", "nl")}


def margins(game: Game) -> dict[str, float]:
    return {name: sum(rows[name]["margin"] for rows in game.results()) for name in game.is_bot}


def test_margin_gap_parts_add_up_to_the_margin_difference(game):
    total = margins(game)
    for a, b in itertools.permutations(total, 2):
        parts = margin_gap(game.results(), a, b)
        assert tuple(parts)[:len(PARTS)] == PARTS and OTHER not in parts  # the round KPIs explain all of it
        assert math.isclose(math.fsum(parts.values()), total[a] - total[b], rel_tol=1e-9)
        swapped = margin_gap(game.results(), b, a)
        assert all(math.isclose(parts[k], -swapped[k], rel_tol=1e-9, abs_tol=1e-6) for k in parts)


def test_margin_gap_parts_are_the_documented_formulas(game):
    a, b = "Rood", "<b>Blauw</b>"
    parts = margin_gap(game.results(), a, b)
    x, y = ([rows[name] for rows in game.results()] for name in (a, b))
    assert parts["sales cost"] == pytest.approx(-sum(r["sales_cost"] for r in x) + sum(r["sales_cost"] for r in y))
    # Rood sells at 0.9 × the market price: a lower gross-margin rate, so price works against it
    assert all(p["gross_margin_rate"] < q["gross_margin_rate"] for p, q in zip(x, y))
    assert parts["price"] < 0
    rates = [(p["gross_margin_rate"] + q["gross_margin_rate"]) / 2 for p, q in zip(x, y)]
    assert parts["deals won"] == pytest.approx(sum((p["won_value"] - q["won_value"]) * g
                                                   for p, q, g in zip(x, y, rates)))


def test_margin_gap_names_an_unknown_supplier(game):
    with pytest.raises(GameError, match="No supplier 'Groen'"):
        margin_gap(game.results(), "Rood", "Groen")


def test_every_name_is_escaped(game, pages):
    for page in pages.values():
        assert "<b>" not in page and "Blauw</b>" not in page
        assert html.escape("<b>Blauw</b>") in page and "Rood" in page
    assert "Price fighter (computer)" in pages["en"] and "Prijsvechter (computer)" in pages["nl"]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_final_margins_are_shown_as_the_kit_formats_money(game, pages, language):
    final = game.leaderboard()
    assert [s.name for s in final] != []
    for standing in final:
        assert f"<td class=num>{html.escape(euro(standing.margin, language))}</td>" in pages[language]


def test_the_page_is_self_contained_with_embedded_figures(pages):
    for page in pages.values():
        images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
        assert len(images) >= 4
        assert all(base64.b64decode(image).startswith(b"\x89PNG") for image in images)
        assert "http://" not in page and "https://" not in page
        assert all(source.startswith("data:") for source in re.findall(r'src="([^"]*)"', page))
        assert "<link" not in page and "@import" not in page and "<script" not in page


def test_dutch_page_speaks_dutch(pages):
    dutch, english = pages["nl"], pages["en"]
    assert '<html lang="nl">' in dutch and '<html lang="en">' in english
    for heading in ("Eindklassement na ronde 3", "Waarom de een de ander versloeg", "Het klassement na elke ronde",
                    "Klantverloop (% per jaar)", "Marge (€)", "Verkoopkosten", "Kosten waardedisciplines"):
        assert heading in dutch and heading not in english
    assert "Final leaderboard" not in dutch and "Why one beat the other" not in dutch


def test_timeline_shows_the_decision_changed_and_the_market_event(pages):
    page = pages["en"]
    rows = re.findall(r"<tr><td class=num>(\d)</td><td>(.*?)</td><td>(.*?)</td></tr>", page)
    by_round = {int(number): (events, decided) for number, events, decided in rows}
    assert set(by_round) == {1, 2, 3}
    label = SPECS["economics.price_level"].label("en")
    assert label in by_round[1][1] and label not in by_round[2][1]  # changed in round 1, in force since
    assert "price war" in by_round[2][0] and "price war" not in by_round[1][0] + by_round[3][0]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_figure_has_a_title_and_axis_labels_in_the_language(game, language):
    order = [s.name for s in game.leaderboard()]
    history = [game.leaderboard(r) for r in (1, 2, 3)]
    figures = [*path_figures(game, order, game.results(), language), rank_figure(game, order, history, language)]
    labels = [(ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) for figure in figures for ax in figure.axes]
    assert len(labels) == 5 and all(all(parts) for parts in labels)
    assert all("(" in y for _, _, y in labels)  # every value axis names its unit
    assert all(("Ronde" if language == "nl" else "Round") in x for _, x, _ in labels)
    legend = [t.get_text() for t in figures[0].axes[0].get_legend().get_texts()]
    assert "<b>Blauw</b>" in legend and len(legend) == 3


def test_names_that_matplotlib_could_misread_are_drawn_and_escaped(tmp_path):
    game = Game.create(tmp_path / "odd.game", {"rounds": 1, "suppliers": 2}, teams=["$x$ & co", "_under"])
    game.advance()
    page = debrief_html(game, "en")
    assert html.escape("$x$ & co") in page and "_under" in page
    figures = path_figures(game, ["_under", "$x$ & co"], game.results(), "en")
    legend = [t.get_text() for t in figures[0].axes[0].get_legend().get_texts()]
    assert legend == ["_under", r"\$x\$ & co"]  # shown literally, none left out
    game.close()


def test_a_game_without_rounds_gets_a_short_page(tmp_path):
    game = Game.create(tmp_path / "new.game", SETTINGS, teams=TEAMS)
    page = debrief_html(game, "nl")
    assert "Er is nog geen ronde gespeeld" in page and "data:image" not in page
    game.close()


def test_write_debrief_writes_the_page_atomically(game, pages, tmp_path):
    target = tmp_path / "debrief.html"
    written = write_debrief(game, target, "nl")
    assert written == target
    assert target.read_text(encoding="utf-8") == pages["nl"]
    assert [p.name for p in tmp_path.iterdir()] == ["debrief.html"]  # no temporary file left behind
