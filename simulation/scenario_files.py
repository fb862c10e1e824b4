"""Scenario files (JSON or TOML) with a schema version.

Files store every value, not only the changes, so a run can be re-created
exactly even after the defaults change in a later version of the kit.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from .scenario import Scenario, ScenarioError

SCHEMA_VERSION = 1


def scenario_document(scenario: Scenario) -> dict[str, Any]:
    """The on-disk form: schema version, name and nested parameter tables."""
    return {"schema_version": SCHEMA_VERSION, "name": scenario.name, **scenario.to_dict(nested=True)}


def save_scenario(scenario: Scenario, path: str | Path) -> Path:
    """Write `scenario` as JSON or TOML, chosen by the file suffix."""
    path = Path(path)
    document = scenario_document(scenario)
    if path.suffix == ".json":
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    elif path.suffix == ".toml":
        text = tomli_w.dumps(document)
    else:
        raise ScenarioError(f"Scenario file '{path}' must end in .json or .toml.")
    path.write_text(text, encoding="utf-8")
    return path


def scenario_from_document(document: dict[str, Any], source: str = "scenario") -> Scenario:
    """Validate a loaded document; newer schemas are refused rather than misread."""
    document = dict(document)
    version = document.pop("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ScenarioError(
            f"{source} has schema_version {version!r}; this version of the kit reads {SCHEMA_VERSION}."
        )
    name = document.pop("name", Path(source).stem)
    return Scenario(document, name=str(name))


def load_scenario(path: str | Path) -> Scenario:
    """Read a JSON or TOML scenario file; any problem becomes a ScenarioError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ScenarioError(f"Cannot read scenario file '{path}': {error.strerror}.") from None
    try:
        if path.suffix == ".toml":
            document = tomllib.loads(raw.decode("utf-8"))
        elif path.suffix == ".json":
            document = json.loads(raw)
        else:
            raise ScenarioError(f"Scenario file '{path}' must end in .json or .toml.")
    except (ValueError, UnicodeDecodeError) as error:
        raise ScenarioError(f"Scenario file '{path}' is not valid {path.suffix[1:].upper()}: {error}") from None
    if not isinstance(document, dict):
        raise ScenarioError(f"Scenario file '{path}' must hold an object of parameter tables.")
    return scenario_from_document(document, source=str(path))
