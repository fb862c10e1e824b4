"""Scenario files (JSON or TOML) with a schema version.

Files store every value, not only the changes, so a run can be re-created
exactly even after the defaults change in a later version of the kit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import tomli_w

from .errors import KitError, shown
from .files import check_suffix, check_target, read_document, write_text
from .language import kit_error
from .scenario import Scenario, ScenarioError

SCHEMA_VERSION = 1
SUFFIXES = (".json", ".toml")
#: A complete scenario file is about 5 kB; anything near a megabyte is the wrong file.
MAX_FILE_BYTES = 1_000_000


def scenario_document(scenario: Scenario) -> dict[str, Any]:
    """The on-disk form: schema version, name and nested parameter tables."""
    return {"schema_version": SCHEMA_VERSION, "name": scenario.name, **scenario.to_dict(nested=True)}


def check_scenario_path(path: str | Path) -> Path:
    """The path to save a scenario to, checked before any work: a name, .json or .toml, a folder that exists."""
    return check_target(path, "scenario", SUFFIXES)


def save_scenario(scenario: Scenario, path: str | Path) -> Path:
    """Write `scenario` as JSON or TOML, chosen by the file suffix, atomically."""
    path = check_scenario_path(path)
    document = scenario_document(scenario)
    if path.suffix.lower() == ".json":
        return write_text(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return write_text(path, tomli_w.dumps(document))


def scenario_from_document(document: dict[str, Any], source: str = "scenario",
                           base: Scenario | None = None) -> Scenario:
    """Validate a loaded document; newer schemas are refused rather than misread. The document's values go over
    `base` (default: the baseline): a hand-written file need only hold what it changes."""
    document = dict(document)
    version = document.pop("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ScenarioError(
            f"{source} has schema_version {shown(version)}; this version of the kit reads {SCHEMA_VERSION}."
        )
    name = document.pop("name", Path(source).stem)
    return Scenario(document, name=name) if base is None else base.replace(document, name=name)


def load_scenario(path: str | Path, base: Scenario | None = None) -> Scenario:
    """Read a JSON or TOML scenario file, its values over `base` (default: the baseline; a saved file holds every
    value, so it is the same scenario over any base); any problem becomes a ScenarioError."""
    path = Path(path)
    try:
        check_suffix(path, "scenario", SUFFIXES)
        document = read_document(path, MAX_FILE_BYTES, "scenario")
    except KitError as error:
        raise error.recast(ScenarioError) from None
    if not isinstance(document, dict):
        raise kit_error(ScenarioError, "error.scenario_file_table", path=str(path))
    return scenario_from_document(document, source=str(path), base=base)
