"""The classroom pages: what a team and the trainer see in their browsers, as ipywidgets panels.

No code, no terminal: a team types its code and sees only its own results,
the market's public information (leaderboard, market shares) and a decision
form built from the parameter table (labels, ranges, help, EN/NL), with a
preview and a submit that says what was stored. The trainer's page holds the
codes, who has submitted, market events, the practice round, advance and
undo, the leaderboard full screen and the downloads.

Every page reads and writes only the game file, so any number of pages (in
one server process or several) share one game, and a page that was closed or
lost the network shows where the game is as soon as it is open again. Pages
look at the file every few seconds and redraw when the trainer advanced.
Wrong codes are slowed down per page and across pages (through the file).
"""

from __future__ import annotations

import base64
import html
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from matplotlib.figure import Figure

from ..errors import KitError, shown
from ..files import parse_document
from ..language import kit_error, resolve, text, value_range
from ..parameters import SPECS
from ..plots.style import INK, NAVY, ORANGE, euro_axis, figure_png, finish
from ..widgets.controls import ScenarioPanel
from ..widgets.formatting import html_table
from .engine import Game, Status
from .settings import GAME_PRESETS, MARKET_EVENTS, GameError, WrongCode
from .views import (TEAM_KPIS, display_name, kpi_label, kpi_value, leaderboard_notes,
                    leaderboard_table, round_table)

POLL_SECONDS = 3.0  # how often a page looks whether the game moved on
MAX_LOGIN_DELAY_S = 30.0  # the longest a page waits before it checks a code, after many wrong ones


def login_delay(own_failures: int, recent_failures_everywhere: int) -> float:
    """Seconds to wait before checking a code: doubling with this page's wrong codes (0.5, 1, 2 … 30 s), and
    at least 5 s while many wrong codes arrive from all pages (someone trying codes from many tabs)."""
    own = 0.0 if own_failures == 0 else min(MAX_LOGIN_DELAY_S, 0.5 * 2 ** (own_failures - 1))
    return max(own, 5.0 if recent_failures_everywhere > 30 else 0.0)


class Page:
    """What both pages share: the game file, the language switch, the login with a code, polling."""

    def __init__(self, game_path: str | Path, language: str | None = None, sleep: Callable[[float], None] = time.sleep):
        self.path = Path(game_path)
        self.language = resolve(language)
        self._sleep = sleep
        self._failures = 0
        self._seen = None  # the last log entry this page drew
        self._stop = threading.Event()
        self.language_switch = widgets.ToggleButtons(options=[("EN", "en"), ("NL", "nl")], value=self.language,
                                                     style={"button_width": "40px"})
        self.language_switch.observe(lambda change: self.set_language(change["new"]), names="value")
        self.code = widgets.Text(placeholder="ABCDE-FGHJK", layout=widgets.Layout(width="260px"))
        self.login_button = widgets.Button(button_style="primary", layout=widgets.Layout(width="140px"))
        self.login_button.on_click(self.log_in)
        self.message = widgets.HTML()
        self.title = widgets.HTML()
        self.body = widgets.VBox()
        self.widget = widgets.VBox([widgets.HBox([self.title, self.language_switch],
                                                 layout=widgets.Layout(justify_content="space-between")),
                                    self.body], layout=widgets.Layout(max_width="1250px", padding="4px 8px"))
        self._games = threading.local()  # a Game per thread: SQLite connections stay in the thread that opened them

    @property
    def game(self) -> Game | None:
        """The game as this thread opened it (a server may draw a page from several threads: the one that
        handles the browser's clicks, the polling thread)."""
        return getattr(self._games, "game", None)

    @game.setter
    def game(self, game: Game | None) -> None:
        self._games.game = game

    def _t(self, key: str, **values: object) -> str:
        return text(key, self.language, **values)

    def _mistake(self, error: KitError) -> str:
        """What the page shows for a user mistake (a closed round, a budget exceeded): red, in its language."""
        return f'<b style="color:#b00">{html.escape(error.in_language(self.language))}</b>'

    def _login_view(self, prompt_key: str) -> None:
        self.code.description = self._t("game.page.code")
        self.login_button.description = self._t("game.page.log_in")
        self.body.children = [widgets.HTML(f"<p>{html.escape(self._t(prompt_key))}</p>"),
                              widgets.HBox([self.code, self.login_button]), self.message]

    def _open(self) -> Game:
        if self.game is None:
            self.game = Game.open(self.path)
        return self.game

    def log_in(self, _widget: Any = None) -> None:
        """Check the code typed (after the delay that wrong codes earned); on success show the page. Only a wrong
        code earns a delay: a game file the page cannot read (settings changed by hand) is told, and the next
        try, after the trainer mended it, waits no longer for it."""
        self.login_button.disabled = True
        try:
            game = self._open()
            self._sleep(login_delay(self._failures, game.store.recent_failed_logins()))
            self._accept(game, self.code.value)
        except WrongCode as error:
            self._failures += 1
            self.message.value = self._mistake(error)
            try:
                game.store.record_failed_login()
            except KitError as unwritten:  # a locked or full game file: told, the wrong code counted on this page
                self.message.value = self._mistake(unwritten)
            return
        except KitError as error:
            self.message.value = self._mistake(error)
            return
        finally:
            self.login_button.disabled = False
        self._failures = 0
        self.code.value = ""
        self.message.value = ""
        self.refresh(force=True)

    def _accept(self, game: Game, code: str) -> None:
        raise NotImplementedError

    def refresh(self, force: bool = False) -> bool:
        """Redraw if the game moved on since this page last drew it (or when forced); True if it redrew."""
        if not self._logged_in():
            return False
        game = self._open()
        if (game.store.meta("game_id") or "") != game.game_id:  # the trainer started a new game in this file
            self._games = threading.local()
            self._seen = None
            self._new_game()
            return True
        seen = game.store.last_change()
        if seen == self._seen and not force:
            return False
        self._seen = seen
        try:
            self._draw()
        except GameError as error:  # a game file changed by hand: told as at the terminal, in the page's language
            self._seen = None  # looked at again at the next poll: the trainer may mend the file meanwhile
            self.body.children = [widgets.HTML(self._mistake(error))]
        return True

    def _logged_in(self) -> bool:
        raise NotImplementedError

    def _new_game(self) -> None:
        """A new game started in the file: the old codes mean nothing now."""
        self._show_login()
        self.message.value = f"<b>{html.escape(self._t('game.page.new_game_login'))}</b>"

    def _draw(self) -> None:
        raise NotImplementedError

    def start_polling(self, run_in_context: Callable[[Callable[[], None]], None] | None = None) -> None:
        """Look at the game file every POLL_SECONDS in a background thread and redraw when it changed.

        A server that keeps one context per page (Solara's virtual kernels) passes `run_in_context`, so the
        redraw reaches the right browser tab.
        """
        def loop() -> None:
            while not self._stop.wait(POLL_SECONDS):
                try:
                    (run_in_context or (lambda f: f()))(self.refresh)
                except Exception:  # a page that cannot redraw now tries again next time
                    continue

        threading.Thread(target=loop, daemon=True, name="game-page-poll").start()

    def close(self) -> None:
        self._stop.set()

    def set_language(self, language: str) -> None:
        self.language = resolve(language)
        if self.language_switch.value != self.language:
            self.language_switch.value = self.language
            return
        if self._logged_in():
            self.refresh(force=True)
        else:
            self._show_login()

    def _show_login(self) -> None:
        raise NotImplementedError

    def _status_line(self, status: Status) -> str:
        if status.finished:
            return self._t("game.page.finished", rounds=status.played)
        return self._t("game.page.round_open", round=status.round_open, rounds=status.rounds)

    def _leaderboard_html(self, game: Game, results: list, large: bool = False) -> str:
        board = game.leaderboard(results=results)
        if not board:
            return f"<p>{html.escape(self._t('game.page.no_rounds_yet'))}</p>"
        styles = {slot.name: slot.style for slot in game.slots}
        headers, rows = leaderboard_table(board, styles, self.language)
        notes = "".join(f"<p style='margin:2px 0;font-size:0.9em'>{html.escape(note)}</p>"
                        for note in leaderboard_notes(board, styles, game.settings.min_nps, self.language))
        table = html_table(headers, rows)
        if large:
            table = f'<div style="font-size:1.7em">{table}</div>'
        return table + notes

    def _shares_html(self, game: Game, results: list) -> str:
        if not results:
            return ""
        headers = [self._t("game.board.supplier")] + [self._t("game.round.number", round=i)
                                                      for i in range(1, len(results) + 1)]
        rows = [[display_name(slot.name, slot.style, self.language)] +
                [kpi_value("market_share", rows[slot.name]["market_share"], self.language) for rows in results]
                for slot in game.slots]
        return f"<h4>{html.escape(kpi_label('market_share', self.language))}</h4>" + html_table(headers, rows)


class TeamPage(Page):
    """A team's page: its own results per round, the market's public information, decisions, preview, submit."""

    def __init__(self, game_path: str | Path, language: str | None = None, **kwargs: Any):
        super().__init__(game_path, language, **kwargs)
        self.team: str | None = None
        self.controls: dict[str, widgets.ValueWidget] = {}
        self.preview_button = widgets.Button(icon="eye", layout=widgets.Layout(width="170px"))
        self.submit_button = widgets.Button(button_style="success", icon="check", layout=widgets.Layout(width="170px"))
        self.preview_button.on_click(self.preview)
        self.submit_button.on_click(self.submit)
        self.feedback = widgets.HTML()
        self.results = widgets.HTML()
        self.figure = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", height="auto",
                                                                         display="none"))
        self.market = widgets.HTML()
        self.form: widgets.Widget = widgets.HTML()
        self.tabs = widgets.Tab()
        self._form_for = None  # (round, finished, language) the form and the feedback were drawn for
        self._results_for = None  # (rounds played, language) the results and the market were drawn for
        self._show_login()

    def _show_login(self) -> None:
        self.title.value = f"<h2 style='margin:4px 0'>{html.escape(self._t('game.page.team_title'))}</h2>"
        self._login_view("game.page.team_prompt")

    def _accept(self, game: Game, code: str) -> None:
        self.team = game.team_for_code(code)

    def _new_game(self) -> None:
        self.team = None
        self._form_for = self._results_for = None
        super()._new_game()

    def _logged_in(self) -> bool:
        return self.team is not None

    def _draw(self) -> None:
        """Redraw the figures. The form (with the team's unsaved changes), the feedback and the tab the team
        looks at stay as they are while the same round is open: another team's submission changes nothing of
        theirs. The title comes last, so a page that shows the new title shows everything new."""
        game = self._open()
        status = game.status()
        if (status.played, self.language) != self._results_for:  # only a closed round changes them
            self._results_for = (status.played, self.language)
            results = game.results()
            if results:
                headers, rows = round_table(results, self.team, TEAM_KPIS, self.language)
                self.results.value = html_table(headers, rows)
                self.figure.value = figure_png(team_figure([rows[self.team] for rows in results], self.language))
                self.figure.layout.display = None
            else:
                self.results.value = f"<p>{html.escape(self._t('game.page.no_rounds_yet'))}</p>"
            self.market.value = self._leaderboard_html(game, results) + self._shares_html(game, results)
        drawn_for = (status.round_open, status.finished, self.language)
        if drawn_for != self._form_for:
            self._form_for = drawn_for
            self.form = self._decision_form(game) if not status.finished else widgets.HTML()
            self.preview_button.description = self._t("game.page.preview")
            self.submit_button.description = self._t("game.page.submit")
            submitted = self.team in status.submitted
            self.feedback.value = (f"<i>{html.escape(self._t('game.page.submitted' if submitted else 'game.page.not_submitted', round=status.round_open))}</i>"
                                   if not status.finished else "")
            self.tabs.children = [widgets.HBox([self.results, self.figure]), widgets.VBox([self.market]),
                                  widgets.VBox([self.form, widgets.HBox([self.preview_button, self.submit_button]),
                                                self.feedback])]
            for index, key in enumerate(("game.page.tab_results", "game.page.tab_market", "game.page.tab_decisions")):
                self.tabs.set_title(index, self._t(key))
            self.tabs.selected_index = 2 if not status.finished else 0
        self.body.children = [self.tabs]
        self.title.value = (f"<h2 style='margin:4px 0'>{html.escape(self.team)} — "
                            f"{html.escape(self._status_line(status))}</h2>")

    def _decision_form(self, game: Game) -> widgets.Widget:
        """The lessons' panel of controls for the decisions the game allows, set to the team's decisions in force
        and narrowed to the ranges (or choices) the trainer allowed."""
        in_force = game.settings.base_scenario().replace(game.decisions(self.team))
        panel = ScenarioPanel(list(game.settings.decisions), base=in_force, language=self.language)
        for name, control in panel.controls.items():
            spec, allowed = SPECS[name], game.settings.allowed(name)
            if spec.choices:
                control.options = [(label, value) for label, value in control.options if value in allowed]
            elif spec.kind is not bool:
                control.min, control.max = allowed
        self.controls = panel.controls
        return panel.widget

    def draft(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def preview(self, _button: Any = None) -> None:
        """Play the draft one round ahead and show the projection with its band."""
        game = self._open()
        self.preview_button.disabled = True
        self.feedback.value = f"<i>{html.escape(self._t('game.page.previewing'))}</i>"
        try:
            projection = game.preview(self.team, self.draft())
        except KitError as error:
            self.feedback.value = self._mistake(error)
            return
        finally:
            self.preview_button.disabled = False
        headers = [self._t("game.round.kpi"), self._t("game.page.projected"), self._t("game.page.band")]
        rows = [[kpi_label(k, self.language), kpi_value(k, projection.kpis[k], self.language),
                 value_range(kpi_value(k, projection.low[k], self.language),
                             kpi_value(k, projection.high[k], self.language)) if k in projection.low else ""] for k in TEAM_KPIS if k in projection.kpis]
        self.feedback.value = (f"<p>{html.escape(self._t('game.page.preview_of', round=projection.round))}</p>"
                               + html_table(headers, rows))

    def submit(self, _button: Any = None) -> None:
        """Store the draft for the round this page shows; say what was stored (or why not)."""
        game = self._open()
        status = game.status()
        try:
            stored = game.submit(self.team, self.draft(), round_number=status.round_open)
        except KitError as error:
            self.feedback.value = self._mistake(error)
            return
        changed = ", ".join(f"{SPECS[n].label(self.language)} = {SPECS[n].value_text(v, self.language)}"
                            for n, v in stored.items())
        self.feedback.value = (f"<b style='color:#060'>{html.escape(self._t('game.page.stored', round=status.round_open))}</b>"
                               f"<br>{html.escape(changed)}")


class TrainerPage(Page):
    """The trainer's page: codes, submissions, events, practice, advance, undo, leaderboard, downloads."""

    def __init__(self, game_path: str | Path, language: str | None = None, team_address: str = "", **kwargs: Any):
        super().__init__(game_path, language, **kwargs)
        self.team_address = team_address
        self.trainer = False
        self.full_screen = False
        self.shown: Status | None = None  # the game's status as last drawn
        self.output = widgets.HTML()
        self.event_choice = widgets.Dropdown(layout=widgets.Layout(width="260px"))
        self.buttons = {key: widgets.Button(layout=widgets.Layout(width="190px"))
                        for key in ("event", "practice", "advance", "undo", "end", "full_screen", "downloads")}
        self.buttons["advance"].button_style = "primary"
        self.buttons["event"].on_click(self.schedule_event)
        self.buttons["practice"].on_click(self.practice)
        self.buttons["advance"].on_click(self.advance)
        self.buttons["undo"].on_click(self.undo)
        self.buttons["end"].on_click(self.end_game)
        self.buttons["full_screen"].on_click(self.toggle_full_screen)
        self.buttons["downloads"].on_click(self.make_downloads)
        self.downloads = widgets.HTML()
        self.new_preset = widgets.Dropdown(options=list(GAME_PRESETS), layout=widgets.Layout(width="260px"))
        self.new_teams = widgets.BoundedIntText(value=4, min=0, max=40, layout=widgets.Layout(width="180px"))
        self.new_settings = widgets.FileUpload(accept=".json,.toml", multiple=False)
        self.buttons["new_game"] = widgets.Button(layout=widgets.Layout(width="190px"))
        self.buttons["new_game"].on_click(self.new_game)
        self._show_login()

    def _show_login(self) -> None:
        self.title.value = f"<h2 style='margin:4px 0'>{html.escape(self._t('game.page.trainer_title'))}</h2>"
        self._login_view("game.page.trainer_prompt")

    def _accept(self, game: Game, code: str) -> None:
        game.check_trainer(code)
        self.trainer = True

    def _logged_in(self) -> bool:
        return self.trainer

    def _draw(self) -> None:
        game = self._open()
        status = game.status()
        self.shown = status  # what the buttons act on: the round this page shows
        self.title.value = (f"<h2 style='margin:4px 0'>{html.escape(game.settings.title(self.language))} — "
                            f"{html.escape(self._status_line(status))}</h2>")
        board = f"<h3>{html.escape(self._t('game.page.leaderboard'))}</h3>" + self._leaderboard_html(
            game, game.results(), large=self.full_screen)
        if self.full_screen:
            self.buttons["full_screen"].description = self._t("game.page.back")
            self.body.children = [widgets.HTML(board), self.buttons["full_screen"]]
            return
        for key, button in self.buttons.items():
            button.description = self._t(f"game.page.{key}")
        if status.ended:  # undo takes the end back: the button says so
            self.buttons["undo"].description = self._t("game.page.undo_end")
        self.buttons["practice"].disabled = status.played > 0
        self.buttons["advance"].disabled = status.finished
        self.buttons["undo"].disabled = status.played == 0
        self.buttons["end"].disabled = status.finished or status.played == 0  # a game not begun cannot end
        self.buttons["new_game"].disabled = bool(status.played) and not status.finished
        relabel(self.new_preset, [(self._t(f"game.preset.{name}"), name) for name in GAME_PRESETS])
        self.new_teams.description = self._t("game.page.new_teams")
        self.new_settings.description = self._t("game.page.new_settings")
        relabel(self.event_choice, [(self._t(f"game.event.{event}"), event) for event in MARKET_EVENTS])
        codes = html_table([self._t("game.board.supplier"), self._t("game.page.code")],
                           [[name, code] for name, code in game.team_codes().items()])
        waiting = ", ".join(status.waiting_for) or "–"
        submitted = ", ".join(status.submitted) or "–"
        events = ", ".join(self._t(f"game.event.{e}") for e in status.events) or "–"
        state = (f"<p>{html.escape(self._t('game.page.submitted_list', names=submitted))}<br>"
                 f"{html.escape(self._t('game.page.waiting_list', names=waiting))}<br>"
                 f"{html.escape(self._t('game.page.events_list', names=events))}</p>")
        address = (f"<p>{html.escape(self._t('game.page.team_address'))} <b>{html.escape(self.team_address)}</b></p>"
                   + qr_svg(self.team_address) if self.team_address else "")
        controls = widgets.VBox([
            widgets.HBox([self.buttons["practice"], self.buttons["advance"], self.buttons["undo"]]),
            widgets.HBox([self.event_choice, self.buttons["event"]]),
            widgets.HBox([self.buttons["full_screen"], self.buttons["downloads"], self.buttons["end"]]),
            self.downloads, self.output,
            widgets.HTML(f"<h4 style='margin:6px 0 2px'>{html.escape(self._t('game.page.new_game_heading'))}</h4>"),
            widgets.HBox([self.new_preset, self.new_teams]), widgets.HBox([self.new_settings, self.buttons["new_game"]])])
        self.body.children = [widgets.HBox([widgets.HTML(address + codes + state), controls]), widgets.HTML(board)]

    def _act(self, action: Callable[[Game], str]) -> None:
        game = self._open()
        for button in self.buttons.values():
            button.disabled = True
        try:
            self.output.value = f"<i>{html.escape(self._t('game.page.working'))}</i>"
            self.output.value = f"<b style='color:#060'>{html.escape(action(game))}</b>"
        except KitError as error:
            self.output.value = self._mistake(error)
        finally:
            for button in self.buttons.values():
                button.disabled = False
            self.refresh(force=True)

    def schedule_event(self, _button: Any = None) -> None:
        self._act(lambda game: (game.schedule_event(self.event_choice.value),
                                self._t("game.page.event_scheduled"))[1])

    def practice(self, _button: Any = None) -> None:
        self._act(lambda game: (game.practice(), self._t("game.page.practice_played"))[1])

    def advance(self, _button: Any = None) -> None:
        def act(game: Game) -> str:
            started = time.perf_counter()
            game.advance(self.shown.round_open)  # the round this page shows: not the next one, from a stale tab
            return self._t("game.page.advanced", round=game.status().played,
                           seconds=f"{time.perf_counter() - started:.1f}")
        self._act(act)

    def undo(self, _button: Any = None) -> None:
        def act(game: Game) -> str:  # what this page shows: a stale tab does not undo what it has not seen
            if self.shown.ended:
                return self._t("game.page.end_undone", round=game.undo(end=True))
            return self._t("game.page.undone", round=game.undo(self.shown.played))
        self._act(act)

    def new_game(self, _button: Any = None) -> None:
        """Start a new game in this file (this one is kept beside it): a preset, or the settings file uploaded."""
        def act(game: Game) -> str:
            archive = game.store.archive_path()
            self.game = game.restart(self._chosen_settings(), self.new_teams.value)
            self.new_settings.value = ()
            return self._t("game.page.new_game_started", archive=archive.name)
        self._act(act)

    def _chosen_settings(self) -> dict[str, Any]:
        for upload in self.new_settings.value:  # at most one file
            suffix = Path(upload["name"]).suffix.lower()
            if suffix not in (".json", ".toml"):
                raise kit_error(GameError, "error.settings_file", got=shown(upload["name"]))
            return parse_document(bytes(upload["content"]), suffix, upload["name"])
        return GAME_PRESETS[self.new_preset.value]

    def end_game(self, _button: Any = None) -> None:
        self._act(lambda game: self._t("game.page.ended", round=game.end()))

    def toggle_full_screen(self, _button: Any = None) -> None:
        self.full_screen = not self.full_screen
        self.refresh(force=True)

    def make_downloads(self, _button: Any = None) -> None:
        """Links that download the debrief report (this page's language) and the game file."""
        from .debrief import debrief_html

        game = self._open()
        report = debrief_html(game, self.language).encode("utf-8")
        data = self.path.read_bytes()
        self.downloads.value = (
            f'<a download="debrief-{self.language}.html" href="data:text/html;base64,'
            f'{base64.b64encode(report).decode()}">{html.escape(self._t("game.page.download_debrief"))}</a> · '
            f'<a download="{html.escape(self.path.name)}" href="data:application/octet-stream;base64,'
            f'{base64.b64encode(data).decode()}">{html.escape(self._t("game.page.download_game"))}</a>')


def relabel(dropdown: widgets.Dropdown, options: list[tuple[str, str]]) -> None:
    """New labels for a dropdown's choices, keeping what was chosen (reassigning options would clear it)."""
    if list(dropdown.options) != options:
        chosen = dropdown.value
        dropdown.options = options
        dropdown.value = chosen if chosen in [value for _, value in options] else options[0][1]


def team_figure(rounds: list[dict[str, float]], language: str) -> Figure:
    """A team's margin and NPS per round, side by side, for its results tab."""
    figure = Figure(figsize=(7.2, 3.0), layout="constrained")
    margin_axes, nps_axes = figure.subplots(1, 2)
    numbers = list(range(1, len(rounds) + 1))
    axis = text("game.fig.round", language)
    margin_axes.bar(numbers, [kpis["margin"] for kpis in rounds], color=NAVY)
    margin_axes.axhline(0, color=INK, linewidth=0.8)
    euro_axis(margin_axes.yaxis, language)
    finish(margin_axes, kpi_label("margin", language), axis, "€", legend=False, language=language)
    nps_axes.plot(numbers, [kpis["nps"] for kpis in rounds], color=ORANGE, marker="o")
    finish(nps_axes, kpi_label("nps", language), axis, text("game.fig.nps_axis", language), legend=False,
           language=language)
    for axes in (margin_axes, nps_axes):
        axes.set_xticks(numbers)
    return figure


def qr_svg(address: str) -> str:
    """The address as a QR code (inline SVG) for students to scan from the projected trainer page."""
    import segno

    return segno.make(address, error="m").svg_inline(scale=4)


class ClassroomPage(Page):
    """The one address everyone in class opens: a team code opens that team's page, the trainer code the
    trainer's page (so students never see a trainer address to try)."""

    def __init__(self, game_path: str | Path, language: str | None = None, team_address: str = "", **kwargs: Any):
        super().__init__(game_path, language, **kwargs)
        self.team_address = team_address
        self.inner: TeamPage | TrainerPage | None = None
        self._run_in_context: Callable[[Callable[[], None]], None] | None = None
        self._show_login()

    def _show_login(self) -> None:
        self.title.value = f"<h2 style='margin:4px 0'>{html.escape(self._t('game.default_name'))}</h2>"
        self._login_view("game.page.team_prompt")

    def _accept(self, game: Game, code: str) -> None:
        try:
            team, inner = game.team_for_code(code), TeamPage(self.path, self.language, sleep=self._sleep)
            inner.team = team
        except WrongCode as not_a_team:
            try:
                game.check_trainer(code)
            except WrongCode:  # neither: say so as to a student (who never heard of a trainer code)
                raise not_a_team from None
            inner = TrainerPage(self.path, self.language, team_address=self.team_address, sleep=self._sleep)
            inner.trainer = True
        inner.game = game
        self.inner = inner
        self.widget.children = [inner.widget]
        inner.refresh(force=True)
        inner.start_polling(self._run_in_context)

    def _logged_in(self) -> bool:
        return False  # once logged in, the inner page draws and polls itself

    def start_polling(self, run_in_context: Callable[[Callable[[], None]], None] | None = None) -> None:
        """Polling starts with the inner page, once somebody logged in."""
        self._run_in_context = run_in_context

    def close(self) -> None:
        super().close()
        if self.inner is not None:
            self.inner.close()
