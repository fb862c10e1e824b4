"""Reading a saved experiment's record (the sidecar) as untrusted data.

A sidecar may have been edited by hand, cut short or crafted. Every field is
checked for its type and against the others before anything is built from
it: scenarios go through `Scenario`, assumptions through their own checks,
and the rows must be exactly the runs the record describes (the same
variants, replications and seeds). A file that fails gets one message that
says what is wrong, never a TypeError from deep inside pandas or garbage
that loads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..parameters import SPECS
from ..scenario import EXPERIMENT_SEED, Scenario, ScenarioError, check_seed
from . import assumptions
from .result import DeskWarning, ExperimentResult, check_kpi

KINDS = ("replicate", "compare", "sweep", "sensitivity")
DTYPES = ("int64", "float64", "bool", "str", "object")
TABLES = ("runs", "monthly", "events")
WARNING_FIELDS = tuple(field.name for field in dataclasses.fields(DeskWarning))


class Invalid(ScenarioError):
    """One field of the record is wrong; the loader adds which file."""


def _expect(condition: bool, problem: str) -> None:
    if not condition:
        raise Invalid(problem)


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _scenarios(meta: Mapping[str, Any]) -> dict[str, Scenario]:
    records = meta["scenarios"]
    _expect(isinstance(records, list) and records and all(isinstance(r, dict) for r in records),
            "'scenarios' must be a list of scenario records")
    scenarios = {}
    for record in records:
        _expect(_text(record.get("label")) and isinstance(record.get("values"), dict),
                "each scenario needs a text 'label' and a table of 'values'")
        _expect(record["label"] not in scenarios, f"the scenario label {record['label']!r} appears twice")
        scenarios[record["label"]] = Scenario(record["values"], name=record.get("name"))
    return scenarios


def _settings(kind: str, settings: Any, labels: list[str]) -> None:
    _expect(isinstance(settings, dict), "'settings' must be a table")
    if kind == "compare":
        pair = (settings.get("a"), settings.get("b"))
        _expect(all(label in labels for label in pair) and isinstance(settings.get("paired"), bool),
                "a comparison's settings must name its two scenarios and whether they are paired")
    elif kind == "sensitivity":
        check_kpi(settings.get("kpi"))
        ranges = settings.get("ranges")
        _expect(isinstance(ranges, dict) and all(name in SPECS and isinstance(r, list) and len(r) == 2 and
                                                  all(isinstance(v, (int, float)) for v in r)
                                                  for name, r in ranges.items()),
                "a sensitivity analysis's 'ranges' must give a [low, high] pair per parameter")
    elif kind == "sweep":
        parameters = settings.get("parameters")
        _expect(isinstance(parameters, list) and all(name in SPECS for name in parameters),
                "a sweep's 'parameters' must be a list of parameter names")


def _dtypes(dtypes: Any) -> None:
    _expect(isinstance(dtypes, dict) and {"runs", "monthly"} <= set(dtypes) <= set(TABLES),
            "'dtypes' must describe the runs and monthly tables")
    for name, columns in dtypes.items():
        _expect(isinstance(columns, dict) and all(_text(c) and t in DTYPES for c, t in columns.items()),
                f"the column types of the {name} table must be among {', '.join(DTYPES)}")


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _warnings(warnings: Any, seeds: Mapping[str, list]) -> None:
    """The optional overload warnings: per variant and desk at most once, counts within the variant's runs."""
    _expect(isinstance(warnings, list), "'warnings' must be a list")
    seen = set()
    for record in warnings:
        _expect(isinstance(record, dict) and list(record) == list(WARNING_FIELDS),
                f"each warning must give {', '.join(WARNING_FIELDS)}")
        variant, desk = record["variant"], record["desk"]
        _expect(_text(desk) and (desk == "service" or f"organisation.{desk}" in SPECS),
                "a warning's desk must be 'service' or a sales role")
        _expect(_text(variant) and variant in seeds and (variant, desk) not in seen,
                "a warning must name a scenario of the record, once per desk")
        _expect(all(_count(record[name]) for name in ("waiting", "turned_away", "replications", "of")) and
                1 <= record["replications"] <= record["of"] == len(seeds[variant]),
                "a warning's counts must be whole numbers within the scenario's replications")
        seen.add((variant, desk))


def check_record(meta: Any) -> dict[str, Scenario]:
    """Check every field of a format-1 record; the scenarios it describes, by label."""
    _expect(isinstance(meta, dict), "the record must be a JSON object")
    _expect(meta.get("kind") in KINDS, f"'kind' must be one of {', '.join(KINDS)}")
    _expect(_text(meta.get("version")), "'version' must be text")
    check_seed(meta.get("seed"), EXPERIMENT_SEED)
    scenarios = _scenarios(meta)
    labels = list(scenarios)
    seeds = meta.get("seeds")
    _expect(isinstance(seeds, dict) and list(seeds) == labels and
            all(isinstance(s, list) and s and all(isinstance(v, int) for v in s) for s in seeds.values()),
            "'seeds' must list the seeds of every scenario, in order")
    _expect(isinstance(meta.get("uncertain"), dict), "'uncertain' must be a table")
    assumptions.normalise(assumptions.from_record(meta["uncertain"]))
    _settings(meta["kind"], meta.get("settings"), labels)
    _dtypes(meta.get("dtypes"))
    if "warnings" in meta:  # saved since overloads were recorded; an older record has none
        _warnings(meta["warnings"], seeds)
    return scenarios


def check_rows(meta: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> None:
    """The rows must be the runs the record describes: its columns, variants, replications and seeds."""
    for name, columns in meta["dtypes"].items():
        _expect(name in tables and list(tables[name].columns) == list(columns),
                f"the {name} table does not have the columns the record lists")
    runs, monthly = tables["runs"], tables["monthly"]
    expected = [(label, replication, seed) for label, seeds in meta["seeds"].items()
                for replication, seed in enumerate(seeds)]
    present = list(zip(runs["variant"].astype(str), runs["replication"].tolist(), runs["seed"].tolist()))
    _expect(present == expected, "the runs table does not hold the variants, replications and seeds of the record")
    months = set(zip(monthly["variant"].astype(str), monthly["replication"].tolist()))
    _expect(months == {(label, replication) for label, replication, _ in expected},
            "the monthly table does not hold the same replications as the runs table")


def rebuild(meta: Mapping[str, Any], tables: Mapping[str, pd.DataFrame], scenarios: dict[str, Scenario]
            ) -> ExperimentResult:
    """The result, with column types from the record: a CSV or Excel reader guesses them (a money
    column of whole euros would come back as integers)."""
    typed = {name: tables[name].astype(meta["dtypes"][name]) for name in meta["dtypes"]}
    return ExperimentResult(kind=meta["kind"], runs=typed["runs"], monthly=typed["monthly"], scenarios=scenarios,
                            seed=meta["seed"], uncertain=assumptions.from_record(meta["uncertain"]),
                            settings=meta["settings"], events=typed.get("events"), version=meta["version"],
                            overloads=[DeskWarning(**record) for record in meta.get("warnings", [])])
