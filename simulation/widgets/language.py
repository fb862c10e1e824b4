"""Which language the panels speak, and every text they show in English and Dutch.

The course material is Dutch while the code is English, so each panel can
switch between the two. The default lives in one place, `DEFAULT_LANGUAGE`;
a trainer with a Dutch class calls `set_language("nl")` once at the top of a
notebook and every panel made after that starts in Dutch.
"""

from __future__ import annotations

from ..plots.style import check_language, translate

#: The language new panels start in; change it with `set_language`.
DEFAULT_LANGUAGE = "en"

#: Texts of the panels themselves: key -> (English, Dutch).
UI_TEXTS: dict[str, tuple[str, str]] = {
    "run": ("Run simulation", "Simuleer"),
    "running": ("Running…", "Bezig…"),
    "language": ("Language", "Taal"),
    "done": ("Simulated {years} years with seed {seed} in {seconds} s.",
             "{years} jaar gesimuleerd met seed {seed} in {seconds} s."),
    "done_compare": ("Both scenarios simulated on the same random numbers (seed {seed}) in {seconds} s.",
                     "Beide scenario's gesimuleerd met dezelfde toevalsgetallen (seed {seed}) in {seconds} s."),
    "stale": ("Settings changed: press “{run}” to see their effect.",
              "Instellingen gewijzigd: klik op “{run}” om het effect te zien."),
    "draw_failed": ("The figure could not be drawn ({error}); the results shown are from the last run that worked.",
                    "De figuur kon niet worden getekend ({error}); de getoonde resultaten zijn van de laatste run "
                    "die wel lukte."),
    "invalid": ("This combination cannot be simulated:", "Deze combinatie kan niet worden gesimuleerd:"),
    "kpi": ("KPI", "KPI"),
    "value": ("Value", "Waarde"),
    "difference": ("Difference (B − A)", "Verschil (B − A)"),
    "relative": ("Relative", "Relatief"),
    "better": ("Better", "Beter"),
    "same": ("equal", "gelijk"),
}

#: Readable names of the values of choice parameters (dropdowns): value -> (English, Dutch).
CHOICE_LABELS: dict[str, tuple[str, str]] = {
    # market.alignment
    "undefined": ("Undefined: no structural cooperation", "Ongedefinieerd: geen structurele samenwerking"),
    "defined": ("Defined: agreed hand-offs", "Gedefinieerd: afgesproken overdracht"),
    "aligned": ("Aligned: joint consultation", "Afgestemd: gezamenlijk overleg"),
    "integrated": ("Integrated: one shared focus", "Geïntegreerd: één gedeelde focus"),
    # funnel.qualification_method
    "scotsman": ("Scotsman (8 criteria)", "Scotsman (8 criteria)"),
    "bant": ("BANT (4 criteria)", "BANT (4 criteria)"),
    # funnel.sales_method
    "transactional": ("Transactional (Sales 1.0)", "Transactioneel (Sales 1.0)"),
    "spin": ("SPIN questions", "SPIN-vragen"),
    "solution": ("Solution selling", "Oplossingsgericht verkopen"),
    "challenger": ("Challenger", "Challenger"),
    "customer_centric": ("Customer-centric selling", "Klantgericht verkopen"),
    "strategic": ("Strategic selling", "Strategisch verkopen"),
    "theory_of_constraints": ("Theory of Constraints", "Theory of Constraints"),
    # funnel.promise_policy
    "customer_wish": ("Promise what the customer wishes", "Beloven wat de klant wil"),
    "honest": ("Honest estimate", "Eerlijke inschatting"),
    "honest_buffer": ("Honest estimate plus buffer", "Eerlijke inschatting plus buffer"),
    "no_promise": ("No promise", "Geen belofte"),
}



def set_language(language: str) -> None:
    """Make `language` ("en" or "nl") the language of every panel created from now on."""
    global DEFAULT_LANGUAGE
    check_language(language)
    DEFAULT_LANGUAGE = language


def get_language() -> str:
    """The language new panels start in."""
    return DEFAULT_LANGUAGE


def resolve(language: str | None) -> str:
    """The language asked for, or the default when none is given; a clear error for anything else."""
    if language is None:
        return DEFAULT_LANGUAGE
    check_language(language)
    return language


def ui(key: str, language: str, **values) -> str:
    """A panel text in `language` with `values` filled in."""
    return translate(UI_TEXTS, key, language, **values)


def choice_label(value: str, language: str) -> str:
    """The readable name of a choice value (the raw value if it has none)."""
    return CHOICE_LABELS.get(value, (value, value))[check_language(language)]
