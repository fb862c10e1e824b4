"""Shared look of the kit's figures: palette, font sizes, euro and percent axes.

Every figure function takes `language="en"|"nl"`; its texts and number
formats come from `simulation.language`, so a figure never contains a
literal label or formats a number itself. Colours are chosen to differ in lightness as
well as hue (and lines also differ in dash and marker), so printouts in
greyscale stay readable.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from matplotlib import colormaps, rcParams
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from matplotlib.textpath import text_to_path
from matplotlib.ticker import Formatter, MaxNLocator, ScalarFormatter

from ..files import write_bytes
from ..language import axis_unit, compact_scaled, euro_compact, missing, number, percent, text, unit_kind

#: The smallest text in a figure, in points: 12.5 px at the panels' 100 dpi, legible when projected at 1280×720.
SMALL = 9
#: Resolution of the kit's figures as images (panels, pages, the debrief): at 100 dpi a 9 pt text is 12.5 px.
FIGURE_DPI = 100
#: A figure saved to a file (`save_figure`) goes into a report or onto a slide: twice a panel's sharpness.
FILE_DPI = 200
#: Width of a panel's figure in inches (560 px at 100 dpi): beside the controls on a 1280 px wide screen.
PANEL_WIDTH = 5.6

# Line and bar colours, darkest first; neighbours differ by at least 12 points of CIELAB lightness.
NAVY, RED, STEEL, ORANGE = "#1f3b73", "#c0392b", "#5b8db8", "#e69f00"
LIGHT_GREY, INK = "#d9d9d9", "#222222"

#: How each named series is drawn: colour, line style and marker (so lines differ without colour too).
SERIES: dict[str, dict] = {
    "potential": dict(color=STEEL, linestyle="--", marker="^"),
    "new": dict(color=ORANGE, linestyle="-", marker="o"),
    "loyal": dict(color=NAVY, linestyle="-", marker="s"),
    "ex": dict(color=RED, linestyle=":", marker="x"),
    "revenue": dict(color=NAVY, linestyle="-", marker="o"),
    "costs": dict(color=RED, linestyle="--", marker="s"),
    "margin": dict(color=ORANGE, linestyle="-.", marker="D"),
    "forecast": dict(color=ORANGE, linestyle="--", marker="o"),
    "won_value": dict(color=NAVY, linestyle="-", marker="s"),
}


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes, for a panel's or a page's image or the debrief's embedded figures.

    Unlike the inline backend, no 'tight' cropping: the kit's figures lay
    themselves out, and cropping draws the figure twice, which would double
    the wait after every Run.
    """
    return _figure_bytes(figure, "png", FIGURE_DPI)


def _figure_bytes(figure: Figure, kind: str, dpi: int) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format=kind, dpi=dpi)
    return buffer.getvalue()


def save_figure(figure: Figure, path: str | Path) -> Path:
    """Write the figure to `path` (.png or .svg, by its suffix) whole or not at all, at FILE_DPI: a report's or a
    slide's figure, sharper than a panel's."""
    return write_bytes(path, _figure_bytes(figure, Path(path).suffix.lower().lstrip("."), FILE_DPI))


def label(key: str, unit: str, language: str) -> str:
    """An axis label with its unit: 'Omzet (€)'."""
    return f"{text(key, language)} ({text('unit.' + unit, language)})"


def decimals_needed(values, most: int = 3) -> int:
    """The fewest decimals (up to `most`) that show every one of `values` exactly."""
    return next((decimals for decimals in range(most + 1)
                 if all(abs(round(value, decimals) - value) < 1e-6 * max(1.0, abs(value)) for value in values)), most)


class _Ticks(Formatter):
    """Tick labels in the language's number style, with as few decimals as the ticks need: a tick between two
    whole ones gets its decimal ('7,5 %', '€ 12,5 mln', '7,5'), where a fixed rounding printed a tick that lied
    ('8 %' for 7.5 %, '€ 12 mln' for 12.5 million) and matplotlib's own ticks are English ('7.5')."""

    def __init__(self, language: str):
        self.language, self.decimals = language, 0

    def set_locs(self, locs) -> None:
        super().set_locs(locs)
        self.decimals = decimals_needed([self.scaled(loc) for loc in locs])

    def scaled(self, value: float) -> float:
        return value

    def __call__(self, value: float, pos: int | None = None) -> str:
        return number(value, self.decimals, self.language)


class _PercentTicks(_Ticks):
    """Shares (0–1) as percentages: '20 %', '7,5 %'."""

    def scaled(self, value: float) -> float:
        return 100 * value

    def __call__(self, value: float, pos: int | None = None) -> str:
        return percent(value, self.language, decimals=self.decimals)


#: Below this, euro ticks and labels are whole euros ('€ 800', '€ 1.000'), not thousands ('€ 0,8k').
PLAIN_EUROS_BELOW = 10_000


def _scale_of(largest: float | None) -> float | None:
    """The amount whose compact scale a set of euros side by side is written at: the largest, or a euro below
    `PLAIN_EUROS_BELOW`; None (each its own) when there is no largest."""
    if not largest:
        return None
    return largest if largest >= PLAIN_EUROS_BELOW else 1.0


class _EuroTicks(Formatter):
    """Compact euro amounts at one scale for the whole axis, that of its largest tick, each with the decimals it
    needs at that scale: '€ 0,6 mln  € 0,9 mln  € 1,2 mln' (each at its own scale read '€ 900k  € 1,2 mln'); whole
    euros on a short axis ('€ 800  € 1.000'). A lone amount (a cursor's readout) gets its own scale."""

    def __init__(self, language: str):
        self.language, self.like = language, None

    def set_locs(self, locs) -> None:
        super().set_locs(locs)
        if self.axis is not None:  # the locator's ticks may reach beyond what the axis shows
            low, high = sorted(self.axis.get_view_interval())
            locs = [loc for loc in locs if low <= loc <= high] or list(locs)
        self.like = _scale_of(max((abs(loc) for loc in locs), default=0.0))

    def __call__(self, value: float, pos: int | None = None) -> str:
        like = self.like if pos is not None and value != 0 else None  # '€ 0', not '€ 0 mln'
        scaled = compact_scaled(value) if like is None else value * compact_scaled(like) / like
        return euro_compact(value, self.language, decimals=decimals_needed([scaled]), like=like)


def distinct_euros(values: Sequence[float], language: str, most: int = 3) -> list[str]:
    """Euro amounts shown side by side (a heat map's cells, a sweep's values) at one scale, with the fewest
    decimals (up to `most`) that tell apart every two that `most` decimals tell apart: '€ −2,17 mln' beside
    '€ −2,18 mln', where each written by itself read '€ −2,2 mln'. A missing value reads 'n/a'."""
    finite = [abs(value) for value in values if not math.isnan(value)]
    like = _scale_of(max(finite, default=0.0))

    def shown(decimals: int | None) -> list[str]:
        return [missing(language) if math.isnan(value) else euro_compact(value, language, decimals, like=like)
                for value in values]

    apart = len(set(shown(most)))
    return next(texts for texts in map(shown, (None, *range(1, most + 1))) if len(set(texts)) == apart)


def euro_axis(axis, language: str) -> None:
    """Tick labels of a matplotlib axis (ax.yaxis) as compact euro amounts: '€1.2M' / '€ 1,2 mln'."""
    axis.set_major_formatter(_EuroTicks(language))


def percent_axis(axis, language: str) -> None:
    """Tick labels of an axis holding shares (0–1) as percentages: '20%' / '20 %', '7.5%' / '7,5 %'."""
    axis.set_major_formatter(_PercentTicks(language))


def unit_axis(axis, unit: str, language: str) -> None:
    """Tick labels for values in a KPI's `unit`: euro amounts, percentages, or plain numbers ('7,5' in Dutch)."""
    if unit.startswith("€"):
        euro_axis(axis, language)
    elif unit_kind(unit) == "percent":
        percent_axis(axis, language)
    else:
        axis.set_major_formatter(_Ticks(language))


def whole_ticks(axis) -> None:
    """Ticks on whole numbers only, as many as the axis' length has room for: a fixed ten ran the ticks of a
    short axis into each other ('280 285 290 …')."""
    axis.set_major_locator(MaxNLocator(nbins="auto", integer=True, min_n_ticks=1))  # (one point: its own tick)


def month_axis(axis, language: str) -> None:
    """A time axis in whole months ('2.5' is no month a run has)."""
    whole_ticks(axis)
    axis.set_major_formatter(_Ticks(language))


def sequential(count: int) -> list:
    """`count` colours from dark to light (cividis), for ordered groups such as cohorts or scenarios."""
    cmap = colormaps["cividis"]
    return [cmap(0.75 * i / max(1, count - 1)) for i in range(count)]


def new_axes(ax: Axes | None, size: tuple[float, float] = (PANEL_WIDTH, 4.0)) -> tuple[Figure, Axes]:
    """The axes to draw on: the one given, or one on a new pyplot-free Figure (nothing leaks between cells)."""
    if ax is not None:
        return ax.figure, ax
    figure = Figure(figsize=size, layout="constrained")
    return figure, figure.add_subplot()


def empty_note(ax: Axes, key: str, language: str) -> None:
    """Say in the middle of the axes why they are empty, so a blank panel does not look like a broken one."""
    ax.text(0.5, 0.5, text(key, language), transform=ax.transAxes, ha="center", va="center", color=INK,
            fontsize="medium", bbox=dict(boxstyle="round,pad=0.4", facecolor="white", edgecolor=LIGHT_GREY))


def text_inches(words: str, font: FontProperties) -> float:
    """How wide `words` are in `font`, in inches: from the glyphs' metrics, without drawing the figure."""
    return _inches(words, font.copy())  # a copy as the cache's key: a text's own font may change after


@lru_cache(maxsize=4096)
def _inches(words: str, font: FontProperties) -> float:
    return text_to_path.get_text_width_height_descent(words, font, ismath=False)[0] / 72


def tick_font(axis: str) -> FontProperties:
    """The font the tick labels of the `axis` ('x' or 'y') are drawn in now: smaller in the dashboard's
    several figures in one (its `rc_context`), so names wrapped for the ticks fit the size they are drawn."""
    return FontProperties(size=rcParams[f"{axis}tick.labelsize"])


def with_unit(kpi, language: str) -> str:
    """A title for `kpi` (a KPI or a path: anything with a `label(language)` and a `unit`) with its unit where
    neither its name nor its values or ticks say it: 'Verkoopcyclus (…) (dagen)', 'Gemiddeld rapportcijfer
    (cijfer 1–10)', but 'Gewonnen deals' and 'Marge' (euros and percents carry their sign). Whether the name
    says it is read in English, so both languages agree ('Offerte-uren' says 'uur' too)."""
    said = (unit_kind(kpi.unit) in ("euro", "percent", "times")
            or axis_unit(kpi.unit, "en").lower() in kpi.label("en").lower())
    return kpi.label(language) if said else f"{kpi.label(language)} ({axis_unit(kpi.unit, language)})"


def fitted(label: str, length: float, font: FontProperties) -> str:
    """`label` in lines that fit `length` inches in `font`, broken between words (plain text: the kit's labels
    hold no mathtext). A word longer than the line keeps a line of its own."""
    lines = []
    for given in label.split("\n"):
        line = ""
        for word in given.split():
            longer = f"{line} {word}" if line else word
            if line and text_inches(longer, font) > length:
                lines.append(line)
                longer = word
            line = longer
        lines.append(line)
    return "\n".join(lines)


def fit(shown: Text, length: float) -> Text:
    """Wrap a text in place to lines of at most `length` inches: constrained layout makes room for a long title
    but does not wrap it, so a long label ('Leads verloren door negatieve mond-tot-mond per maand: …') ran off
    both edges of the figure, and a fixed layout (the dashboard) lets a long text run into its neighbour."""
    shown.set_text(fitted(shown.get_text(), length, shown.get_fontproperties()))
    return shown


def axes_size(ax: Axes) -> tuple[float, float]:
    """Width and height of `ax` in inches, as laid out so far. Before the constrained layout runs, the axes sit
    in matplotlib's default margins: they usually end up wider, but narrower beside long tick labels."""
    box = ax.get_position()
    return box.width * ax.figure.get_figwidth(), box.height * ax.figure.get_figheight()


#: A label longer than this share of its axes' size before the layout may not fit once the tick labels have
#: their room, so it is fitted again after the layout. At 1.0 a title in the layout test ran off the figure, at
#: 0.85 none did; 0.75 leaves room for figures the test does not draw. Refitting every label (0.0) costs a
#: panel's funnel chart about 25 ms a Run.
ROOM_BEFORE_LAYOUT = 0.75


def _fit_labels(ax: Axes, shown: Sequence[Text], labels: Sequence[str]) -> None:
    """Wrap the title and x label to the axes' width and the y label to their height. In a figure with a layout
    engine the axes' size is known only once the tick labels and the wrapped labels have their room: a title
    wrapped to the width before the layout ran off the figure beside a tornado's parameter names, so a long
    label is fitted again after the layout."""
    def fitted_to_axes() -> tuple[float, float, float]:
        width, height = axes_size(ax)
        for label, words, length in zip(shown, labels, (width, width, height)):
            label.set_text(words)
            fit(label, length)
        return width, width, height

    lengths = fitted_to_axes()
    layout = ax.figure.get_layout_engine()
    if layout is not None and any(
            text_inches(line, label.get_fontproperties()) > ROOM_BEFORE_LAYOUT * length
            for label, words, length in zip(shown, labels, lengths) for line in words.split("\n")):
        layout.execute(ax.figure)
        fitted_to_axes()


def finish(ax: Axes, title: str, xlabel: str, ylabel: str, legend: bool = True, legend_at: str = "best", *,
           language: str) -> Figure:
    """Title, axis labels, a light grid, plain numbers on the ticks in `language`'s style (an axis without a
    formatter of its own) and (if there are labelled artists) a legend (where matplotlib finds room, or at
    `legend_at`); returns the figure."""
    for axis in (ax.xaxis, ax.yaxis):
        if type(axis.get_major_formatter()) is ScalarFormatter:  # matplotlib's own: '7.5' on a Dutch figure
            axis.set_major_formatter(_Ticks(language))
    shown = [ax.set_title(title), ax.set_xlabel(xlabel), ax.set_ylabel(ylabel)]
    _fit_labels(ax, shown, (title, xlabel, ylabel))
    ax.grid(True, axis="y", color=LIGHT_GREY, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    if legend:
        ax.legend(loc=legend_at, fontsize=SMALL, framealpha=0.9, edgecolor="none")  # the frame hides lines behind it
    return ax.figure
