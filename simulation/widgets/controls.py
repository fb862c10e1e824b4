"""Controls built from the parameter table, grouped by course concept: the input half of every panel.

Nothing about a control is written by hand: the slider range, step, unit,
label (English or Dutch) and tooltip all come from the parameter's row in
`simulation.parameters`. Sliders only report a value when released
(`continuous_update=False`), so a student dragging a slider does not start a
simulation on every tick.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets

from ..parameters import CONCEPTS, PARAMETERS, SPECS, ParamSpec
from ..results import as_scenario
from ..scenario import Scenario, ScenarioError, _unknown_key_message
from ..plots.style import LANGUAGES
from ..plots.style import param_unit
from .language import choice_label, resolve, ui

_PIXELS_PER_CHARACTER = 7.2  # of the notebook's widget font, for sizing labels to their text
_SLIDER_WIDTH = 330  # slider and readout, in pixels


def default_step(spec: ParamSpec) -> float:
    """The spec's step, or about a hundredth of the range rounded to 1, 2 or 5 times a power of ten."""
    if spec.step:
        return spec.step
    if spec.kind is int:
        return 1
    rough = (spec.high - spec.low) / 100
    power = 10 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough)


def readout_format(step: float) -> str:
    """A d3 number format that shows as many decimals as the step needs, with thousands separators."""
    decimals = 0 if float(step).is_integer() else min(3, len(f"{step:g}".split(".")[1]))
    return f",.{decimals}f"


def _choice_options(spec: ParamSpec, language: str) -> list[tuple[str, str]]:
    return [(choice_label(choice, language), choice) for choice in spec.choices]


def text_width(texts: Iterable[str], least: int = 60, most: int = 320) -> int:
    """Pixels that fit the longest of `texts`, so labels are not cut off and do not jump between languages."""
    longest = max((len(text) for text in texts), default=0)
    return int(min(most, max(least, _PIXELS_PER_CHARACTER * longest + 12)))


def control_for(spec: ParamSpec, value: Any, language: str, label_width: int = 230) -> widgets.ValueWidget:
    """The widget for one parameter: slider, dropdown or checkbox, labelled, with its help as tooltip."""
    common = dict(description=spec.label(language), tooltip=spec.help,
                  style={"description_width": f"{label_width}px"},
                  layout=widgets.Layout(width=f"{label_width + _SLIDER_WIDTH}px"))
    if spec.kind is bool:
        return widgets.Checkbox(value=value, indent=True, **common)
    if spec.kind is str:
        return widgets.Dropdown(options=_choice_options(spec, language), value=value, **common)
    step = default_step(spec)
    slider = widgets.IntSlider if spec.kind is int else widgets.FloatSlider
    return slider(value=value, min=spec.low, max=spec.high, step=step, continuous_update=False,
                  readout_format=readout_format(step) if spec.kind is float else ",d", **common)


def parameter_names(params: Iterable[str] | None = None, concepts: Iterable[str] | None = None) -> list[str]:
    """The parameters a panel shows: those named, plus every parameter of the concepts named, in table order."""
    wanted = list(params or [])
    for name in wanted:
        if name not in SPECS:
            raise ScenarioError(_unknown_key_message(name))
    for concept in concepts or []:
        if concept not in CONCEPTS:
            raise ScenarioError(f"Unknown concept '{concept}'. Choose one of: {', '.join(CONCEPTS)}.")
        wanted += [spec.name for spec in PARAMETERS if spec.concept == concept]
    if not wanted:
        raise ScenarioError("A panel needs at least one parameter: pass params=[...] or concepts=[...].")
    return list(dict.fromkeys(wanted))


class ScenarioPanel:
    """The controls for some parameters on top of a base scenario; `.scenario()` is what they add up to.

    `ScenarioPanel(["funnel.promise_policy", "satisfaction.expectation_management"], base="over_promise")`
    shows two controls set to the preset's values. Parameters without a
    control keep the base scenario's value. An invalid combination shows a
    message inside the panel instead of raising.
    """

    def __init__(self, params: Iterable[str] | None = None, *, concepts: Iterable[str] | None = None,
                 base: Scenario | str | None = "baseline", language: str | None = None, title: str = ""):
        self.base = as_scenario(base)
        self.language = resolve(language)
        self.title = widgets.HTML(f"<b>{html.escape(title)}</b>" if title else "")
        names = parameter_names(params, concepts)
        specs = [SPECS[name] for name in names]
        label_width = text_width(spec.label(language) for spec in specs for language in LANGUAGES)
        unit_layout = widgets.Layout(width=f"{text_width(param_unit(s.unit, l) for s in specs for l in LANGUAGES)}px")
        self.controls: dict[str, widgets.ValueWidget] = {
            name: control_for(SPECS[name], self.base[name], self.language, label_width) for name in names}
        self.units = {name: widgets.Label(param_unit(SPECS[name].unit, self.language), layout=unit_layout)
                      for name in names}
        self.message = widgets.HTML()
        self._headings: dict[str, widgets.HTML] = {}
        sections = []
        for concept in dict.fromkeys(SPECS[name].concept for name in names):
            self._headings[concept] = widgets.HTML()
            rows = [widgets.HBox([self.controls[n], self.units[n]]) for n in names if SPECS[n].concept == concept]
            sections.append(widgets.VBox([self._headings[concept], *rows]))
        self._relabel_headings()
        self.widget = widgets.VBox([self.title, *sections, self.message])
        self._relabelling = False
        self._listeners: list[Callable[[], None]] = []
        for control in self.controls.values():
            control.observe(self._changed, names="value")

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def _relabel_headings(self) -> None:
        for concept, heading in self._headings.items():
            heading.value = f"<h4 style='margin:8px 0 2px'>{CONCEPTS[concept][self.language == 'nl']}</h4>"

    def _changed(self, _change: dict) -> None:
        if self._relabelling:
            return
        self.scenario()  # shows or clears the message right away
        for listener in self._listeners:
            listener()

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call `listener()` whenever the student sets a control (sliders: on release)."""
        self._listeners.append(listener)

    def values(self) -> dict[str, Any]:
        """The values the controls are set to, by parameter name."""
        return {name: control.value for name, control in self.controls.items()}

    def scenario(self) -> Scenario | None:
        """The base scenario with the controls' values, or None (and a message in the panel) if invalid."""
        try:
            scenario = self.base.replace(self.values())
        except ScenarioError as error:
            self.message.value = (f"<div style='color:#8b0000;border-left:4px solid #8b0000;padding:4px 8px'>"
                                  f"<b>{ui('invalid', self.language)}</b> {html.escape(str(error))}</div>")
            return None
        self.message.value = ""
        return scenario

    def set_language(self, language: str) -> None:
        """Relabel every control, unit and heading; the values stay as they are."""
        self.language = resolve(language)
        self._relabelling = True
        try:
            for name, control in self.controls.items():
                spec = SPECS[name]
                control.description = spec.label(self.language)
                self.units[name].value = param_unit(spec.unit, self.language)
                if spec.kind is str:
                    value = control.value
                    control.options = _choice_options(spec, self.language)
                    control.value = value
        finally:
            self._relabelling = False
        self._relabel_headings()
        if self.message.value:
            self.scenario()
