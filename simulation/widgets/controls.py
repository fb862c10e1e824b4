"""Controls built from the parameter table, grouped by course concept: the input half of every panel.

Nothing about a control is written by hand: the slider range, step, unit,
label and choice labels (English or Dutch) and tooltip all come from the
parameter's row in `simulation.parameters`. A slider's readout is the kit's
own, formatted by `simulation.language` ('€ 40.000 per maand', '25 %'),
because the browser's readout knows neither the unit nor the decimal comma.
Sliders only report a value when released (`continuous_update=False`), so a
student dragging a slider does not start a simulation on every tick.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets

from ..language import LANGUAGES, kit_error, pick, resolve, text
from ..parameters import CONCEPTS, PARAMETERS, SPECS, ParamSpec
from ..results import as_scenario
from ..scenario import Scenario, ScenarioError, unknown_concept, unknown_parameter

PIXELS_PER_CHARACTER = 7.5  # of the notebook's 13 px widget font, for sizing labels to their text
LABEL_WIDTH_MAX = 270  # pixels; every label in the table fits (a test checks), so none is cut off
SLIDER_WIDTH = 170  # the slider's track, in pixels


def readout(spec: ParamSpec, value: Any, language: str) -> str:
    """A slider's readout beside it: '€ 40.000 per maand', '25 %', '3 fte'; a menu or a checkbox shows its
    own value."""
    return spec.value_text(value, language) if spec.kind in (int, float) else ""


def relabel_choices(dropdown: widgets.Dropdown, options: list[tuple[str, Any]]) -> None:
    """New labels (another language) for a dropdown's choices, the value kept. The new options move the value to
    the first choice and back, two changes the student did not make: a panel that watches the value ignores them
    while it relabels (its `_relabelling`)."""
    value = dropdown.value
    dropdown.options = options
    dropdown.value = value


def _choice_options(spec: ParamSpec, language: str) -> list[tuple[str, str]]:
    return [(spec.choice_label(choice, language), choice) for choice in spec.choices]


def text_width(texts: Iterable[str], least: int = 60, most: int = LABEL_WIDTH_MAX) -> int:
    """Pixels that fit the longest of `texts`, so labels are not cut off and do not jump between languages."""
    longest = max((len(text) for text in texts), default=0)
    return int(min(most, max(least, PIXELS_PER_CHARACTER * longest + 12)))


def control_for(spec: ParamSpec, value: Any, language: str, label_width: int = 230) -> widgets.ValueWidget:
    """The widget for one parameter: slider, dropdown or checkbox, labelled, with its help as tooltip.

    Sliders have no readout of their own: the panel shows `readout()` beside them.
    """
    common = dict(description=spec.label(language), tooltip=spec.help_text(language),
                  style={"description_width": f"{label_width}px"},
                  layout=widgets.Layout(width=f"{label_width + SLIDER_WIDTH}px"))
    if spec.kind is bool:
        return widgets.Checkbox(value=value, indent=True, **common)
    if spec.kind is str:
        common["layout"] = widgets.Layout(width=f"{label_width + SLIDER_WIDTH + 90}px")
        return widgets.Dropdown(options=_choice_options(spec, language), value=value, **common)
    slider = widgets.IntSlider if spec.kind is int else widgets.FloatSlider
    return slider(value=value, min=spec.low, max=spec.high, step=spec.slider_step, continuous_update=False,
                  readout=False, **common)


def widget_bundle(widget: widgets.Widget, language: str, **kwargs) -> dict:
    """The widget's display bundle, whose plain-text part says to run the cells.

    A lesson saved without live widgets shows the plain text: a short note,
    not `VBox(children=(Box(…`.
    """
    bundle = widget._repr_mimebundle_(**kwargs)
    bundle["text/plain"] = text("panel.not_run", language)
    return bundle


def parameter_names(params: Iterable[str] | None = None, concepts: Iterable[str] | None = None) -> list[str]:
    """The parameters a panel shows: those named, plus every parameter of the concepts named, in table order."""
    wanted = list(params or [])
    for name in wanted:
        if name not in SPECS:
            raise unknown_parameter(name)
    for concept in concepts or []:
        if concept not in CONCEPTS:
            raise unknown_concept(concept)
        wanted += [spec.name for spec in PARAMETERS if spec.concept == concept]
    if not wanted:
        raise kit_error(ScenarioError, "error.panel_without_parameters")
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
        extremes = [readout(s, v, lang) for s in specs if s.kind in (int, float) for v in (s.low, s.high, s.default)
                    for lang in LANGUAGES]
        readout_layout = widgets.Layout(width=f"{text_width(extremes, least=0)}px")
        self.controls: dict[str, widgets.ValueWidget] = {
            name: control_for(SPECS[name], self.base[name], self.language, label_width) for name in names}
        self.readouts = {name: widgets.Label(readout(SPECS[name], self.base[name], self.language),
                                             layout=readout_layout) for name in names}
        self.message = widgets.HTML()
        self._headings: dict[str, widgets.HTML] = {}
        sections = []
        for concept in dict.fromkeys(SPECS[name].concept for name in names):
            self._headings[concept] = widgets.HTML()
            rows = [widgets.HBox([self.controls[n], self.readouts[n]]) for n in names if SPECS[n].concept == concept]
            sections.append(widgets.VBox([self._headings[concept], *rows]))
        self._relabel_headings()
        self.widget = widgets.VBox([self.title, *sections, self.message])
        self._relabelling = False
        self._listeners: list[Callable[[], None]] = []
        for control in self.controls.values():
            control.observe(self._changed, names="value")

    def _repr_mimebundle_(self, **kwargs):
        return widget_bundle(self.widget, self.language, **kwargs)

    def _relabel_headings(self) -> None:
        for concept, heading in self._headings.items():
            heading.value = f"<h4 style='margin:4px 0 0'>{pick(CONCEPTS[concept], self.language)}</h4>"

    def _show_readouts(self) -> None:
        for name, label in self.readouts.items():
            label.value = readout(SPECS[name], self.controls[name].value, self.language)

    def _changed(self, _change: dict) -> None:
        if self._relabelling:
            return
        self._show_readouts()
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
            told = html.escape(error.in_language(self.language))
            self.message.value = (f"<div style='color:#8b0000;border-left:4px solid #8b0000;padding:4px 8px'>"
                                  f"<b>{text('panel.invalid', self.language)}</b> {told}</div>")
            return None
        self.message.value = ""
        return scenario

    def set_language(self, language: str) -> None:
        """Relabel every control, tooltip, unit and heading; the values stay as they are."""
        self.language = resolve(language)
        self._relabelling = True
        try:
            for name, control in self.controls.items():
                spec = SPECS[name]
                control.description = spec.label(self.language)
                control.tooltip = spec.help_text(self.language)
                if spec.kind is str:
                    relabel_choices(control, _choice_options(spec, self.language))
        finally:
            self._relabelling = False
        self._relabel_headings()
        self._show_readouts()
        if self.message.value:
            self.scenario()
