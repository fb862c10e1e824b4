"""Named starting points for lessons and comparisons.

Each preset is the baseline with a few deliberate changes, so a comparison
between two presets isolates exactly the strategy choice the lesson is about.
The three value-discipline presets and `stuck_in_the_middle` spend the same
total on the disciplines, so they differ in *how* the money is spread only.
"""

from __future__ import annotations

from .errors import hint, quoted, shown
from .language import kit_error, text
from .scenario import Scenario, ScenarioError

_DISCIPLINES = ("strategy.customer_intimacy", "strategy.operational_excellence", "strategy.product_leadership")


def _discipline_mix(excel: str | None) -> dict[str, float]:
    """Excel in one discipline (level 0.9) and keep the others sufficient (0.45),
    or, with `excel=None`, spread the same budget evenly (stuck in the middle)."""
    if excel is None:
        level = ((0.9**4 + 2 * 0.45**4) / 3) ** (1 / 4)  # the same budget: cost grows with the fourth power
        return dict.fromkeys(_DISCIPLINES, round(level, 4))
    return {name: 0.9 if name.endswith(excel) else 0.45 for name in _DISCIPLINES}


_CHANGES: dict[str, dict] = {
    "baseline": {},
    "over_promise": {"funnel.promise_policy": "customer_wish"},
    "honest_promise": {"funnel.promise_policy": "honest_buffer", "satisfaction.expectation_management": 0.8},
    "customer_intimacy": _discipline_mix("customer_intimacy"),
    "operational_excellence": _discipline_mix("operational_excellence"),
    "product_leadership": _discipline_mix("product_leadership"),
    "stuck_in_the_middle": _discipline_mix(None),
}

#: name -> (what it is about, its changes to the baseline); the description in Dutch is `preset_about(name, "nl")`.
PRESETS: dict[str, tuple[str, dict]] = {name: (text(f"preset.{name}", "en"), changes)
                                        for name, changes in _CHANGES.items()}


def preset_about(name: str, language: str) -> str:
    """What the preset `name` is about, in `language` (the `presets` command)."""
    return text(f"preset.{name}", language)


def preset(name: str) -> Scenario:
    """The named preset as a Scenario."""
    if not isinstance(name, str) or name not in PRESETS:
        raise kit_error(ScenarioError, "error.unknown_preset", got=shown(name), names=quoted(PRESETS),
                        hint=hint(name, PRESETS))
    return Scenario(PRESETS[name][1], name=name)
