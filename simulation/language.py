"""The kit's language layer: which language, every text, units and number formats, in English and Dutch.

The course is Dutch while code and docs are English, so every face of the kit
(command line, KPI tables, figures, panels, exercises, the classroom game)
asks this module for what it shows instead of formatting numbers itself:
one table of texts (`simulation.texts`), one unit table, one number format
per language, one minus sign (−, U+2212). Dutch: `€ 1.234.567`, `12,5 %`,
`7,4`; English: `€1,234,567`, `12.5%`, `7.4`; ranges with an en dash.

A small formatter rather than Babel: Babel's `nl_NL` patterns still need
fixing for the course's `12,5 %` and the one minus sign, it is 12× slower
per call and would add a 36 MB dependency for a few lines of code.
Labels of parameters, choices and KPIs stay in their rows (`ParamSpec`,
`KpiSpec`); this module only picks the language and formats the values.
"""

from __future__ import annotations

import math
import numbers
import os
import re
import string
from collections.abc import Sequence
from typing import Any

from .errors import KitError, KitErrorKind, shown
from .language_choice import LANGUAGES, session_language
from .texts import DUTCH_SINGULAR, TEXTS, UNITS

MINUS = "\u2212"
EN_DASH = "\u2013"
#: The starting default: the session's, KIT_LANGUAGE's or English (`present 03 --language nl` sets it for Voilà).
_state = {"default": session_language()}


def check_language(language: Any) -> str:
    """`language` if the kit speaks it, else the kit's one clear message."""
    if language not in LANGUAGES:
        raise kit_error(KitError, "error.language", got=shown(language))
    return language


def set_language(language: str) -> None:
    """Make `language` the default of every panel, table and figure made from now on (a Dutch class: 'nl')."""
    _state["default"] = check_language(language)


def get_language() -> str:
    """The default language."""
    return _state["default"]


def resolve(language: str | None) -> str:
    """The language asked for, or the default when none is given."""
    return get_language() if language is None else check_language(language)


def pick(pair: tuple[str, str], language: str) -> str:
    """The English or Dutch half of an (English, Dutch) pair, as in the parameter and KPI rows."""
    return pair[LANGUAGES.index(check_language(language))]


def text(key: str, language: str, **values: object) -> str:
    """The text for `key` in `language`, with `values` filled in (`say`)."""
    return say(pick(TEXTS[key], language), language, **values)


class _Formatter(string.Formatter):
    """Fills `{name:.1f}` fields in the language's number style (`formatted`); `{x!r}` stays Python."""

    def __init__(self, language: str):
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        return formatted(value, format_spec, self.language)


def say(template: str, language: str, **values: Any) -> str:
    """`template.format(**values)` as `language` writes it: numbers in its style ('12,5 %', '1.600' in Dutch,
    one minus sign in both), and a value that differs by language given as a function of the language
    (`hint=lambda language: ...`), so one call fills a sentence in either language."""
    filled = {name: value(language) if callable(value) else value for name, value in values.items()}
    return _Formatter(language).format(template, **filled)


#: A field in a text row: '{name}', '{name:,.0f}', '{name!r}'.
FIELD = re.compile(r"{(\w+)(?:![rsa])?(?::[^}]*)?}")


def template_pattern(template: str) -> re.Pattern[str]:
    """The texts a row's `template` makes, as a pattern with a named group per field: to read a message
    back into its values (argparse's English, told again in Dutch) and to check a message came from a row."""
    parts, pattern = FIELD.split(template), []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            pattern.append(re.escape(part))
        else:  # a field said twice holds the same text twice
            pattern.append(f"(?P={part})" if part in parts[1:index:2] else f"(?P<{part}>.*?)")
    return re.compile("".join(pattern), re.DOTALL)


def kit_error(kind: type[KitErrorKind], key: str, /, **values: Any) -> KitErrorKind:
    """A user mistake told by the text `key`: the English message, and the Dutch one a Dutch face shows
    (`KitError.in_language`). A mistake a person can make in a lesson, an exercise, a game page or a command
    with `--language nl` is raised this way (`tests/test_dutch_mistakes.py` lists them), the paths a command
    writes or reads included; damage found in a file the kit saved itself, and a mistake only a script calling
    the API can make, are told in English alone."""
    return kind(text(key, "en", **values), dutch=text(key, "nl", **values))


#: What a comparison of a scenario with itself adds to each side's name ('honest_promise (A)'), so the two differ.
SIDE_MARKS = (" (A)", " (B)")


def scenario_name(name: str, language: str) -> str:
    """A preset's name as a student reads it ('eerlijk beloven'); other names with spaces for underscores. A
    side's mark (`SIDE_MARKS`: a scenario compared with itself) is kept: 'eerlijk beloven (A)'."""
    base, side = (name[:-4], name[-4:]) if name.endswith(SIDE_MARKS) else (name, "")
    key = f"scenario.{base}"
    return (text(key, language) if key in TEXTS else base.replace("_", " ")) + side


# --- numbers
def unit_kind(unit: str) -> str:
    """How values of `unit` are shown: 'percent', 'euro', 'grade', 'nps', 'scale', 'times' or 'number'."""
    return UNITS[unit][0] if unit in UNITS else "number"


def unit_text(unit: str, language: str) -> str:
    """A unit as it follows a number or ends an axis label: 'per maand', 'dagen' (unknown units as given)."""
    if unit not in UNITS:
        return unit
    _kind_, english, dutch = UNITS[unit]
    return pick((english, dutch), language)


def axis_unit(unit: str, language: str) -> str:
    """A unit as it ends an axis label, '(% per jaar)', '(€ per klant)', '(dagen)', without the parentheses."""
    kind, words = unit_kind(unit), unit_text(unit, language)
    symbol = {"percent": "%", "euro": "€"}.get(kind, "")
    return " ".join(part for part in (symbol, words) if part)


def duration(seconds: float, language: str) -> str:
    """A waiting time as people say it: '45 s', '3 min', '1.5 h' (Dutch '1,5 uur')."""
    if seconds < 120:
        return f"{number(seconds, 0, language)} s"
    if seconds < 7200:
        return f"{number(seconds / 60, 0, language)} min"
    return f"{number(seconds / 3600, 1, language)} {'uur' if language == 'nl' else 'h'}"


#: English digits to Dutch: the thousands comma becomes a point and the decimal point a comma.
_DUTCH_SEPARATORS = str.maketrans(",.", ".,")
_PERCENT_SIGN = {"en": "%", "nl": " %"}  # '12.5%' / '12,5 %'


def _shows_zero(shown: str) -> bool:
    """A formatted number that rounded to zero: it gets no sign ('0', not '−0'; 'inf' is no zero)."""
    return "0" in shown and not any(digit in shown for digit in "123456789")


def formatted(value: Any, spec: str, language: str) -> str:
    """`format(value, spec)` in `language`'s number style: '12.5%' / '12,5 %', '−1,234.5' / '−1.234,5'.

    Python's own format specs say how many decimals and whether to group, so a sentence keeps its
    f-string or template; this only swaps the separators, the minus and the percent sign. Text (a name)
    and booleans are formatted as they are."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return format(value, spec)
    shown = format(value, spec)
    if value < 0 and math.isfinite(value) and _shows_zero(shown):
        shown = format(-value, spec)
    shown = shown.replace("-", MINUS)
    if check_language(language) == "nl":
        shown = shown.translate(_DUTCH_SEPARATORS)
    return shown.replace("%", _PERCENT_SIGN[language])


def number(value: float, decimals: int, language: str, signed: bool = False) -> str:
    """A number with the language's separators and the one minus sign: '1,234.5' / '1.234,5', '−3'
    (`signed`: '+3'; a number that rounds to zero has no sign)."""
    shown = formatted(value, f"{'+' if signed else ''},.{decimals}f", language)
    return shown.removeprefix("+") if _shows_zero(shown) else shown


class Local:
    """A number that formats itself in the kit's language, with Python's own format specs: see `local`."""

    __slots__ = ("value",)

    def __init__(self, value: float):
        self.value = value

    def __format__(self, spec: str) -> str:
        return formatted(self.value, spec, get_language())

    def __str__(self) -> str:
        return format(self, "")

    __repr__ = __str__  # a bare `local(x)` at the end of a notebook cell shows the number


def local(value: float) -> Local:
    """`value` for a lesson's own sentence, shown in the kit's language: f"{local(0.125):.1%}" gives '12.5%' in
    English and '12,5 %' in Dutch, f"{local(-1234.5):,.1f}" '−1,234.5' and '−1.234,5'.

    A lesson's hand-worked example prints its numbers with f-strings; wrapped in `local`, the same code prints
    them in Dutch style in the Dutch lesson (whose sentences come from `notebooks/nl/text/`), with the kit's
    one minus sign in both."""
    return Local(value)


def percent(share: float, language: str, decimals: int = 1, signed: bool = False) -> str:
    """A share (0–1) in percent: '12.5%' / '12,5 %'."""
    return number(100 * share, decimals, language, signed) + _PERCENT_SIGN[language]


def euro(amount: float, language: str, signed: bool = False, decimals: int = 0) -> str:
    """A euro amount: '€1,234,567' / '€ 1.234.567', negative '−€1,234' / '€ −1.234'."""
    digits = number(amount, decimals, language, signed)
    if language == "en":
        sign = digits[0] if digits[0] in (MINUS, "+") else ""
        return f"{sign}€{digits.removeprefix(sign)}"
    return f"€ {digits}"


def _compact(amount: float, language: str) -> tuple[str, float]:
    """The suffix and scale a compact amount is written in: millions, thousands or euros."""
    size = abs(amount)
    return (("M" if language == "en" else " mln"), 1e6) if size >= 1e6 else ("k", 1e3) if size >= 1e3 else ("", 1)


def compact_scaled(amount: float) -> float:
    """`amount` in the unit `euro_compact` writes it in (12.5 for 12,500,000 as '€12.5M')."""
    return amount / _compact(amount, "en")[1]


def euro_compact(amount: float, language: str, decimals: int | None = None, like: float | None = None) -> str:
    """A euro amount for a figure's ticks and bars: '€1.2M' / '€ 1,2 mln', '€350k', '−€40k' (`decimals`: as
    many as given, else one below ten million where it shows; `like`: at the scale that amount is written in,
    so that the ticks of one axis share one: '€ 0,9 mln' beside '€ 1,2 mln', not '€ 900k')."""
    suffix, scale = _compact(amount if like is None else like, language)
    scaled = amount / scale
    if decimals is None:
        decimals = 1 if suffix and abs(amount) < 1e7 and round(scaled, 1) != round(scaled) else 0
    return euro(scaled, language, decimals=decimals) + suffix


def value_range(low: str, high: str) -> str:
    """Two formatted values as a range with an en dash: '€1,000 – €2,000', '12–15'."""
    spaced = any(character in low + high for character in " €" + MINUS + "+")
    return f"{low} {EN_DASH} {high}" if spaced else f"{low}{EN_DASH}{high}"


def range_said_once(first: str, second: str) -> str:
    """Two formatted values as a range that says their shared unit words once: '12 – 30 % per jaar',
    '−23.6 – −15.2 deals', '0.8×–1.5×' (as `value_range` when they share no words after a space)."""
    shared = os.path.commonprefix([first[::-1], second[::-1]])[::-1]  # the common end, e.g. '% per year'
    space = shared.find(" ")
    if space < 0 or not shared[space:].strip():
        return value_range(first, second)
    tail = shared[space:]  # from its first space on: ' per year', ' % per jaar'
    return value_range(first[:-len(tail)], second[:-len(tail)]) + tail


def missing(language: str) -> str:
    """What a table or bar shows for an undefined value: 'n/a' / 'n.v.t.'."""
    return text("missing", language)


def _default_decimals(value: float, kind: str, signed: bool) -> int:
    if kind in ("grade", "scale"):
        return 2
    if kind in ("nps", "times"):
        return 1
    return 0 if float(value).is_integer() and not signed else 1


def format_values(values: Sequence[float], unit: str, language: str, *, compact: bool = False) -> list[str]:
    """Values shown side by side (the bars of one panel) in one format: counts that are all whole stay whole
    ('60', '89', '110' deals of single runs, where '60,0' and '89,0' read as averages); otherwise each as
    `format_value` shows it."""
    whole = unit_kind(unit) == "number" and all(v is None or math.isnan(v) or v == round(v) for v in values)
    return [format_value(v, unit, language, compact=compact, decimals=0 if whole else None) for v in values]


def format_value(value: float | None, unit: str, language: str, *, signed: bool = False,
                 decimals: int | None = None, compact: bool = False, singular: bool = True) -> str:
    """The one formatter of a KPI or parameter value with its unit, in every face of the kit.

    '30.8%' / '30,8 %', '€5,985,801 per customer', '36.1 days' / '36,1 dagen', '7.38', '+9.9'.
    `signed` shows a difference: shares then differ in percentage points ('+2.1 pp' / '+2,1 %-punt').
    `compact` is for figures: euros as '€1.2M', shares as whole percents, other numbers to 3 digits (or
    `decimals`).
    `singular=False` keeps the plural for 1: a range's low end ('1–20 years').
    """
    if value is None or math.isnan(value):
        return missing(language)
    kind, words = unit_kind(unit), unit_text(unit, language)
    if kind == "percent":
        digits = decimals if decimals is not None else 0 if compact else 1
        if signed:  # a difference: percentage points; the KPI's label already says 'per year'
            return number(100 * value, digits, language, True) + (" pp" if language == "en" else " %-punt")
        else:
            shown = percent(value, language, digits)
    elif kind == "euro":
        shown = euro_compact(value, language) if compact else euro(value, language, signed, decimals or 0)
    elif compact:
        digits = decimals if decimals is not None else (max(0, 2 - int(math.floor(math.log10(abs(value)))))
                                                        if value and abs(value) < 100 else 0)
        return number(value, digits, language, signed or kind == "nps")
    else:
        digits = _default_decimals(value, kind, signed) if decimals is None else decimals
        shown = number(value, digits, language, signed or kind == "nps")
    if kind in ("grade", "nps", "scale") or compact:  # a figure's axis or label says what the number is
        return shown
    if singular and value == 1:
        if language == "en" and words.endswith("s") and " " not in words:  # '1 year', not '1 years'
            words = words[:-3] + "y" if words.endswith("ies") else words[:-1]
        elif language == "nl":  # '1 klant', '1 opportunity'
            words = DUTCH_SINGULAR.get(words, words)
    if kind == "times":
        return shown + "×"
    return f"{shown} {words}" if words else shown
