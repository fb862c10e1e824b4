"""The debrief: one self-contained HTML page that tells a class how its game went and why.

`debrief_html(game, language)` builds the page the trainer projects after the
last round (`write_debrief` writes it atomically): the final leaderboard,
every supplier's path over the rounds (margin, NPS, customers, market share),
what each team decided and which market events hit, the leaderboard after
each round, and for each pair of neighbours in the final ranking *why* one
earned more margin than the other (`margin_gap`).

The page needs nothing beside it: its style is inline and its figures are PNG
images embedded as base64 data, drawn on pyplot-free `Figure`s in the kit's
style. Every name on it (team names are typed by students, the game's name
by the trainer) is escaped, and every text comes from `simulation.texts`
(keys `debrief.…`) in English or Dutch.
"""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..files import write_text
from ..language import euro, percent, pick, resolve, text
from ..parameters import SPECS
from ..plots.style import (INK, LIGHT_GREY, NAVY, ORANGE, RED, SMALL, STEEL, euro_axis, figure_png, finish,
                           percent_axis)
from .bots import STYLE_HELP
from .engine import Game, Log
from .scoring import Standing
from .settings import GameError
from .views import leaderboard_notes, leaderboard_table, supplier_name

#: The parts of a margin gap, in the order the debrief shows them ("other" only when the KPIs leave some over).
PARTS = ("deals won", "customer base", "price", "sales cost", "service cost", "strategy cost")
OTHER = "other"
#: A gap the round KPIs do not explain by more than this (€) is shown as its own part, "other".
UNEXPLAINED_EUROS = 0.01

#: Line colours of the suppliers, in the order of the final ranking (the kit's four, then two more that differ
#: in lightness from them); markers and dashes differ too, so a greyscale printout stays readable.
COLOURS = (NAVY, RED, STEEL, ORANGE, "#2e7d32", "#6a3d9a", "#8c6d31", "#4d4d4d")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
FIGURE_SIZE = (8.6, 4.2)  # inches; 860 × 420 px at FIGURE_DPI (100), shown up to the page's width
LEGEND_SIZE = SMALL + 1  # points; the legend names the suppliers, the page's readers look for their own


# --- why one beat the other
def margin_gap(results: Sequence[Mapping[str, Mapping[str, float]]], a: str, b: str) -> dict[str, float]:
    """Why supplier `a` earned more (or less) margin than `b` over the rounds played, by mechanism, in €.

    `results` is `Game.results()`: per round, slot name → that round's KPIs. A
    round's margin is revenue R × gross-margin rate g − sales cost S − service
    cost V − strategy cost T. Its revenue is the value of new deals W
    (`won_value`) plus the rest, R − W: the repeat orders of existing
    customers, which churn erodes. Per round, with ḡ = (g_a + g_b) / 2 and
    R̄ = (R_a + R_b) / 2 (the midpoint, or Bennet, split of R_a·g_a − R_b·g_b):

    - ``deals won``     = (W_a − W_b) · ḡ
    - ``customer base`` = ((R_a − W_a) − (R_b − W_b)) · ḡ
    - ``price``         = R̄ · (g_a − g_b)  (the gross-margin rate: price level and operational excellence)
    - ``sales cost``    = −(S_a − S_b), ``service cost`` = −(V_a − V_b), ``strategy cost`` = −(T_a − T_b)

    summed over the rounds. The first three add up to R_a·g_a − R_b·g_b
    exactly (ḡ·ΔR + R̄·Δg = ΔRg), so all six add up to margin_a − margin_b
    to float rounding; swapping a and b flips every sign. A new deal's value
    is booked as its first order when it is won, so R − W is what customers
    the supplier already had ordered. The midpoint split values volume at
    the average rate and the rate at the average volume, so neither
    supplier's own rate decides how big "price" looks. If the KPIs ever leave
    more than a cent unexplained (a gross-margin rate that changed within a
    round), that rest is added as a part ``other``, so the parts always add
    up to the margin difference.
    """
    parts = dict.fromkeys(PARTS, 0.0)
    gap = 0.0
    for number_, rows in enumerate(results, start=1):
        missing = [name for name in (a, b) if name not in rows]
        if missing:
            raise GameError(f"No supplier '{missing[0]}' in round {number_} of this game; suppliers: "
                            f"{', '.join(rows)}.")
        x, y = rows[a], rows[b]
        rate = (x["gross_margin_rate"] + y["gross_margin_rate"]) / 2
        revenue = (x["revenue"] + y["revenue"]) / 2
        parts["deals won"] += (x["won_value"] - y["won_value"]) * rate
        parts["customer base"] += ((x["revenue"] - x["won_value"]) - (y["revenue"] - y["won_value"])) * rate
        parts["price"] += revenue * (x["gross_margin_rate"] - y["gross_margin_rate"])
        parts["sales cost"] -= x["sales_cost"] - y["sales_cost"]
        parts["service cost"] -= x["service_cost"] - y["service_cost"]
        parts["strategy cost"] -= x["strategy_cost"] - y["strategy_cost"]
        gap += x["margin"] - y["margin"]
    rest = gap - math.fsum(parts.values())
    if abs(rest) > UNEXPLAINED_EUROS:
        parts[OTHER] = rest
    return parts


# --- names and values as shown
def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _t(key: str, language: str, **values: object) -> str:
    """A text, escaped for HTML (the texts hold no markup; the names filled in may hold anything)."""
    return _e(text(f"debrief.{key}", language, **values))


def display_name(game: Game, name: str, language: str) -> str:
    """A supplier's name as `views.supplier_name` shows it."""
    return supplier_name(game.slots, name, language)


def _plain(name: str) -> str:
    """A name as matplotlib draws it literally: '$' would start mathematical notation."""
    return name.replace("$", r"\$")


def _or_missing(value: float, shown: Callable[[float], str], language: str) -> str:
    return text("missing", language) if value is None or math.isnan(value) else shown(value)


# --- figures
def _lines(game: Game, order: Sequence[str], values: Callable[[str], list[float]], played: int,
           language: str) -> Axes:
    """One line per supplier (`values(name)`: one value per round played, in the final ranking's order) on a new
    pyplot-free figure; computer competitors dashed."""
    figure = Figure(figsize=FIGURE_SIZE, layout="constrained")
    ax = figure.add_subplot()
    rounds = list(range(1, played + 1))
    handles = []
    for index, name in enumerate(order):
        (line,) = ax.plot(rounds, values(name), color=COLOURS[index % len(COLOURS)],
                          marker=MARKERS[index % len(MARKERS)], markersize=6, linewidth=2,
                          linestyle="--" if game.is_bot[name] else "-")
        handles.append(line)
    ax.set_xticks(rounds)
    ax.set_xlim(0.7, max(rounds) + 0.3)
    # explicit labels: a name that starts with '_' would otherwise be left out of the legend
    ax.legend(handles, [_plain(display_name(game, name, language)) for name in order], fontsize=LEGEND_SIZE,
              loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return ax


def _finish(ax: Axes, game: Game, key: str, language: str) -> Figure:
    return finish(ax, text(f"debrief.fig.{key}.title", language),
                  text("debrief.fig.round", language, months=game.settings.months_per_round),
                  text(f"debrief.fig.{key}.axis", language), legend=False, language=language)


def path_figures(game: Game, order: Sequence[str], results: Sequence[Mapping[str, Mapping[str, float]]],
                 language: str) -> list[Figure]:
    """Margin per round, NPS, customers and market share of every supplier over the rounds, one figure each."""
    def kpi(name: str) -> Callable[[str], list[float]]:
        return lambda supplier: [rows[supplier][name] for rows in results]

    def lines(name: str) -> Axes:
        return _lines(game, order, kpi(name), len(results), language)

    ax = lines("margin")
    ax.axhline(0.0, color=INK, linewidth=0.8)
    euro_axis(ax.yaxis, language)
    figures = [_finish(ax, game, "margin", language)]
    ax = lines("nps")
    ax.axhline(0.0, color=LIGHT_GREY, linewidth=0.8)
    figures.append(_finish(ax, game, "nps", language))
    ax = lines("customers")
    figures.append(_finish(ax, game, "customers", language))
    ax = lines("market_share")
    ax.set_ylim(bottom=0)
    percent_axis(ax.yaxis, language)
    figures.append(_finish(ax, game, "market_share", language))
    return figures


def rank_figure(game: Game, order: Sequence[str], history: Sequence[Sequence[Standing]], language: str) -> Figure:
    """Each supplier's place on the leaderboard after each round (1 at the top); `history` from
    `Game.leaderboard(round)` for rounds 1, 2, …"""
    ranks = [{s.name: s.rank for s in standings} for standings in history]
    ax = _lines(game, order, lambda name: [after[name] for after in ranks], len(ranks), language)
    ax.set_ylim(len(order) + 0.5, 0.5)
    ax.set_yticks(range(1, len(order) + 1))
    return _finish(ax, game, "rank", language)


def _image(figure: Figure) -> str:
    title = figure.axes[0].get_title()
    png = base64.b64encode(figure_png(figure)).decode("ascii")
    return f'<figure><img alt="{_e(title)}" src="data:image/png;base64,{png}"></figure>'


# --- sections
def _table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """An HTML table; cells are HTML already (escaped by the caller)."""
    def cells(tag: str, values: Sequence[str]) -> str:
        return "".join(f'<{tag}{" class=num" if i in numeric else ""}>{v}</{tag}>' for i, v in enumerate(values))

    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return f"<table><thead><tr>{cells('th', header)}</tr></thead><tbody>{body}</tbody></table>"


def _leaderboard(game: Game, final: Sequence[Standing], played: int, language: str) -> str:
    styles = {slot.name: slot.style for slot in game.slots}
    header, rows = leaderboard_table(final, styles, language)
    weights = game.settings.weights
    notes = [_t("scorecard", language, **{key: percent(weights.get(key, 0.0), language, 0)
                                          for key in ("margin", "nps", "customers", "churn")})]
    notes += [_e(note) for note in leaderboard_notes(final, styles, game.settings.min_nps, language)]
    return (f"<h2>{_t('leaderboard', language, round=played)}</h2>"
            + _table([_e(h) for h in header], [[_e(cell) for cell in row] for row in rows],
                     numeric=(0, 2, 3, 4, 5, 6))
            + "".join(f"<p class=note>{note}</p>" for note in notes))


def _changes(game: Game, log: Log, team: str, rounds: int, language: str) -> list[list[str]]:
    """Per round, the team's decisions in force that changed since the round before (round 1: since the start)."""
    base = game.settings.base_scenario()
    previous: dict[str, Any] = {}
    changed = []
    for round_number in range(1, rounds + 1):
        in_force = game.decisions(team, round_number, log)
        lines = []
        for name, value in in_force.items():
            before = previous.get(name, base[name])
            if value != before:
                lines.append(text("debrief.change", language, label=SPECS[name].label(language),
                                  old=SPECS[name].value_text(before, language),
                                  new=SPECS[name].value_text(value, language)))
        changed.append(lines)
        previous = in_force
    return changed


def _decisions(game: Game, rounds: int, language: str) -> str:
    log = game.log()
    changes = {team: _changes(game, log, team, rounds, language) for team in game.teams}
    rows = []
    for round_number in range(1, rounds + 1):
        events = [_e(text(f"game.event.{event}", language)) for event in log.events_for(round_number)]
        decided = []
        for team in game.teams:
            lines = changes[team][round_number - 1]
            shown = "; ".join(_e(line) for line in lines) if lines else f"<span class=quiet>{_t('no_change', language)}</span>"
            decided.append(f"<li><strong>{_e(team)}</strong>: {shown}</li>")
        rows.append([str(round_number), "<br>".join(events) or f"<span class=quiet>{_t('no_events', language)}</span>",
                     f"<ul>{''.join(decided)}</ul>" if decided else ""])
    header = [_t("col.round", language), _t("col.events", language), _t("col.decisions", language)]
    bots = [f"<li><strong>{_e(display_name(game, slot.name, language))}</strong>: "
            f"{_e(pick(STYLE_HELP[slot.style], language))}</li>" for slot in game.slots if slot.is_bot]
    return (f"<h2>{_t('decisions', language)}</h2><p class=note>{_t('decisions_note', language)}</p>"
            + _table(header, rows, numeric=(0,))
            + (f"<h3>{_t('computers', language)}</h3><ul>{''.join(bots)}</ul>" if bots else ""))


def _history(game: Game, order: Sequence[str], history: Sequence[Sequence[Standing]], language: str) -> str:
    ranks = [{s.name: s.rank for s in standings} for standings in history]
    header = [_e(text("game.board.supplier", language)), *(_t("col.after_round", language, round=r) for r in range(1, len(ranks) + 1))]
    rows = [[_e(display_name(game, name, language)), *(str(after[name]) for after in ranks)] for name in order]
    return (f"<h2>{_t('history', language)}</h2>" + _table(header, rows, numeric=tuple(range(1, len(header))))
            + _image(rank_figure(game, order, history, language)))


def _why(game: Game, final: Sequence[Standing], results: Sequence[Mapping[str, Mapping[str, float]]],
         language: str) -> str:
    parts_html = [f"<h2>{_t('why', language)}</h2><p class=note>{_t('why_note', language)}</p>"]
    if len(final) < 2:
        parts_html.append(f"<p>{_t('why_alone', language)}</p>")
    for upper, lower in pairwise(final):
        a, b = display_name(game, upper.name, language), display_name(game, lower.name, language)
        parts = margin_gap(results, upper.name, lower.name)
        gap = upper.margin - lower.margin
        rows = [[_t(f"part.{key.replace(' ', '_')}", language), _e(euro(value, language, signed=True))]
                for key, value in parts.items()]
        rows.append([f"<strong>{_t('part.total', language)}</strong>",
                     f"<strong>{_e(euro(math.fsum(parts.values()), language, signed=True))}</strong>"])
        if abs(gap) < 0.5:
            sentence = _t("why_equal", language, a=a, b=b)
        else:
            sentence = _t("why_more" if gap > 0 else "why_less", language, a=a, b=b, gap=euro(abs(gap), language))
        if gap <= 0 and upper.meets_min_nps and not lower.meets_min_nps:
            sentence += " " + _t("why_min_nps", language, a=a, b=b)
        biggest = max(parts, key=lambda key: abs(parts[key]))
        sentence += " " + _t("why_biggest", language, part=text(f"debrief.part.{biggest.replace(' ', '_')}", language),
                             amount=euro(parts[biggest], language, signed=True))
        parts_html.append(f"<h3>{_t('why_pair', language, a=a, b=b, rank_a=upper.rank, rank_b=lower.rank)}</h3>"
                          f"<p>{sentence}</p>"
                          + _table([_t("col.mechanism", language), _t("col.difference", language)], rows,
                                   numeric=(1,)))
    return "".join(parts_html)


STYLE = """
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 18px; line-height: 1.45;
       color: #222222; background: #ffffff; margin: 0; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 28px 48px; }
h1 { font-size: 32px; margin: 12px 0 4px; color: #1f3b73; }
h2 { font-size: 26px; margin: 36px 0 10px; color: #1f3b73; border-bottom: 2px solid #d9d9d9; }
h3 { font-size: 21px; margin: 24px 0 6px; }
table { border-collapse: collapse; margin: 8px 0 12px; font-size: 18px; }
th, td { padding: 6px 12px; border-bottom: 1px solid #d9d9d9; text-align: left; vertical-align: top; }
th { background: #eef2f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td ul { margin: 0; padding-left: 20px; }
.note { color: #444444; font-size: 17px; }
.quiet { color: #666666; }
figure { margin: 12px 0 20px; }
img { display: block; width: 100%; height: auto; max-width: 1000px; }
"""


def debrief_html(game: Game, language: str | None = "en") -> str:
    """The game's debrief as one self-contained HTML page (figures embedded), in English or Dutch."""
    language = resolve(language)
    results = game.results()
    played = len(results)
    name = game.settings.title(language)
    head = (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_t('title', language, name=name)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>{_t('title', language, name=name)}</h1>\n"
            f"<p>{_t('played', language, played=played, rounds=game.settings.rounds, months=game.settings.months_per_round)}</p>\n")
    tail = "\n</main>\n</body>\n</html>\n"
    if not played:
        return head + f"<p>{_t('none_played', language)}</p>" + tail
    history = game.leaderboard_history(results)
    final = history[-1]
    order = [s.name for s in final]
    sections = [
        _leaderboard(game, final, played, language),
        f"<h2>{_t('paths', language)}</h2>"
        + "".join(_image(figure) for figure in path_figures(game, order, results, language)),
        _decisions(game, played, language),
        _history(game, order, history, language),
        _why(game, final, results, language),
    ]
    return head + "\n".join(sections) + tail


def write_debrief(game: Game, path: str | Path, language: str | None = "en") -> Path:
    """Write the game's debrief to `path` (an .html file) atomically; returns the path."""
    return write_text(path, debrief_html(game, language))
