"""The stress-test panel: two strategies, uncertain assumptions as ranges, the chance that one wins.

A manager does not know next year's competitor pressure or how quickly
unhappy customers leave; the panel lets them state those as ranges, runs
both strategies on the same sampled worlds (paired replications), and answers
in their terms: "A gives more margin than B in 85 % of the futures we tried",
with the difference and its 95 % confidence interval, and the distribution of
A − B. It only builds scenarios and calls `compare`; everything shown comes
from the `ExperimentResult`.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from ..parameters import SPECS
from ..plots.style import translate
from ..plots.experiment import difference_histogram
from ..presets import PRESETS, preset
from ..results import KPI_SPECS
from ..scenario import ScenarioError
from ..widgets.controls import default_step, readout_format
from ..widgets.formatting import format_kpi, html_table
from ..widgets.language import resolve
from ..widgets.runner import figure_png
from .designs import compare
from .result import ExperimentResult, check_kpi

#: Assumptions a manager is typically unsure about, with a plausible starting range.
DEFAULT_ASSUMPTIONS = {"market.competitor_intensity": (0.7, 1.5), "churn.annual_at_grade_6": (0.12, 0.3)}

TEXTS: dict[str, tuple[str, str]] = {
    "a": ("Strategy A", "Strategie A"),
    "b": ("Strategy B", "Strategie B"),
    "runs": ("Runs per strategy", "Runs per strategie"),
    "years": ("Years", "Jaren"),
    "run": ("Run stress test", "Start stresstest"),
    "kpi": ("KPI", "KPI"),
    "difference": ("A − B", "A − B"),
    "interval": ("95% interval of A − B", "95%-interval van A − B"),
    "chance": ("A better in", "A beter in"),
    "answer": ("{a} against {b}: {n} paired runs of {years} years, each in a world drawn from your ranges.",
               "{a} tegen {b}: {n} gepaarde runs van {years} jaar, elk in een wereld getrokken uit uw bereiken."),
}


def _text(key: str, language: str, **values: object) -> str:
    return translate(TEXTS, key, language, **values)


def chance_table(result: ExperimentResult, kpis: Sequence[str] = ("margin", "nps"),
                 language: str = "en") -> pd.DataFrame:
    """Per KPI: both means, A − B with its 95 % interval, and the share of runs in which A is better,
    as text a manager reads ('€1,234,567', '+31.9', '85%')."""
    table = result.differences([check_kpi(k) for k in kpis])
    a, b = result.settings["a"], result.settings["b"]
    rows = []
    for row in table.itertuples():
        unit = KPI_SPECS[row.kpi].unit
        interval = f"{format_kpi(row.ci_low, unit, language, True)} … {format_kpi(row.ci_high, unit, language, True)}"
        rows.append([KPI_SPECS[row.kpi].label(language), format_kpi(row.mean_a, unit, language),
                     format_kpi(row.mean_b, unit, language), format_kpi(row.difference, unit, language, True),
                     interval, f"{100 * row.prob_a_beats_b:.0f}%"])
    headers = [_text("kpi", language), a, b, _text("difference", language), _text("interval", language),
               _text("chance", language)]
    return pd.DataFrame(rows, columns=headers).set_index(headers[0])


def difference_figure(result: ExperimentResult, kpis: Sequence[str] = ("margin", "nps"),
                      language: str = "en") -> Figure:
    """The distribution of A − B for each KPI, side by side."""
    figure = Figure(figsize=(6.0 * len(kpis), 4.2), layout="constrained")
    for ax, kpi in zip(figure.subplots(1, len(kpis), squeeze=False)[0], kpis):
        difference_histogram(result, kpi, language, ax=ax)
    return figure


class StressTestPanel:
    """Dropdowns for two presets, a range slider per uncertain assumption, a Run button with a
    progress bar, and as answer the chance that A beats B on margin and NPS with the figure."""

    def __init__(self, a: str = "honest_promise", b: str = "over_promise",
                 assumptions: Mapping[str, tuple[float, float]] | None = None, *, replications: int = 20,
                 years: int = 3, seed: int = 0, kpis: Sequence[str] = ("margin", "nps"),
                 language: str | None = None):
        self.language = resolve(language)
        self.seed = seed
        self.kpis = [check_kpi(k) for k in kpis]
        self.result: ExperimentResult | None = None
        texts = functools.partial(_text, language=self.language)
        style = {"description_width": "200px"}
        layout = widgets.Layout(width="520px")
        self.choose_a = widgets.Dropdown(options=list(PRESETS), value=a, description=texts("a"), style=style,
                                         layout=layout)
        self.choose_b = widgets.Dropdown(options=list(PRESETS), value=b, description=texts("b"), style=style,
                                         layout=layout)
        self.ranges = {name: self._range_slider(name, bounds, style, layout)
                       for name, bounds in (DEFAULT_ASSUMPTIONS if assumptions is None else assumptions).items()}
        self.replications = widgets.IntSlider(value=replications, min=2, max=200, description=texts("runs"),
                                              style=style, layout=layout, continuous_update=False)
        self.years = widgets.IntSlider(value=years, min=1, max=SPECS["run.years"].high, description=texts("years"),
                                       style=style, layout=layout, continuous_update=False)
        self.run_button = widgets.Button(description=texts("run"), button_style="primary", icon="play",
                                         layout=widgets.Layout(width="180px"))
        self.progress = widgets.IntProgress(value=0, min=0, max=1, layout=widgets.Layout(width="320px"))
        self.answer = widgets.HTML()
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", height="auto"))
        self.run_button.on_click(self.run)
        self.widget = widgets.VBox([self.choose_a, self.choose_b, *self.ranges.values(), self.replications,
                                    self.years, widgets.HBox([self.run_button, self.progress]), self.answer,
                                    self.image])

    def _range_slider(self, name: str, bounds: tuple[float, float], style: dict,
                      layout: widgets.Layout) -> widgets.FloatRangeSlider:
        if name not in SPECS or SPECS[name].kind is not float:
            raise ScenarioError(f"'{name}' cannot be a range in the panel: it needs a numeric (float) parameter.")
        spec = SPECS[name]
        step = default_step(spec)
        return widgets.FloatRangeSlider(value=tuple(bounds), min=spec.low, max=spec.high, step=step,
                                        readout_format=readout_format(step), description=spec.label(self.language),
                                        tooltip=spec.help, continuous_update=False, style=style, layout=layout)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def _advance(self, done: int, total: int) -> None:
        self.progress.max, self.progress.value = total, done

    def run(self, _button: widgets.Button | None = None) -> ExperimentResult | None:
        """Run both strategies on the same sampled worlds and show the answer (what Run does)."""
        years = {"run.years": self.years.value}
        uncertain = {name: slider.value for name, slider in self.ranges.items()}
        self.run_button.disabled = True
        try:
            self.result = compare(preset(self.choose_a.value).replace(years),
                                  preset(self.choose_b.value).replace(years), self.replications.value, self.seed,
                                  uncertain=uncertain, progress=self._advance)
        except ScenarioError as error:
            self.answer.value = f"<b style='color:#c0392b'>{html.escape(str(error))}</b>"
            return None
        finally:
            self.run_button.disabled = False
        table = chance_table(self.result, self.kpis, self.language)
        intro = _text("answer", self.language, a=self.result.settings["a"], b=self.result.settings["b"],
                      n=self.replications.value, years=self.years.value)
        self.answer.value = f"<p>{intro}</p>" + html_table(
            [table.index.name, *table.columns], [[index, *row] for index, row in zip(table.index, table.values)])
        self.image.value = figure_png(difference_figure(self.result, self.kpis, self.language))
        return self.result
