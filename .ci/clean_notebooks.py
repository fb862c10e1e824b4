"""Keep the lessons small and clean in git: no widget state, no unchecked figures, no test markers in sight.

    python .ci/clean_notebooks.py            clean the lessons and exercises (and their nl/ folders) in place
    python .ci/clean_notebooks.py --check    only report what would change (exit 1 if anything)
    python .ci/clean_notebooks.py notebooks/03_expectation_management.ipynb   only that lesson

Run it after re-executing the lessons. What it does, and why:
- drops the saved widget state (notebook metadata 'widgets'): it is re-created when the cells run, and a
  lesson opened without a kernel then shows the panels' plain-text note ("Run the cells…") instead of
  raw `VBox(children=…)` text or "model not found";
- keeps a widget output's plain-text part only, as that note;
- drops PNG figures from cells whose output nbval does not check: they are re-drawn when the cells run;
- turns `# NBVAL_CHECK_OUTPUT`-style comment lines into the equivalent nbval cell tags, so students
  do not read test markers in the lesson's code;
- drops the run's timestamps (cell metadata 'execution'): re-running a notebook to change one sentence
  then changes that sentence in git, not every cell.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from simulation.files import write_text  # noqa: E402  (the kit next to this script, not an installed copy)
from simulation.language import text  # noqa: E402

NOTE = text("panel.not_run", "en")  # what a panel's plain-text part says (lessons speak English first)
FOLDERS = ("notebooks", "notebooks/nl", "exercises", "exercises/nl")  # the exercises keep their question boxes
WIDGET = "application/vnd.jupyter.widget-view+json"
MARKERS = {"# NBVAL_CHECK_OUTPUT": "nbval-check-output", "# NBVAL_IGNORE_OUTPUT": "nbval-ignore-output",
           "# NBVAL_SKIP": "nbval-skip", "# NBVAL_RAISES_EXCEPTION": "nbval-raises-exception"}


def _move_markers_to_tags(cell: nbformat.NotebookNode) -> None:
    lines = cell.source.splitlines()
    tags = [MARKERS[line.strip()] for line in lines if line.strip() in MARKERS]
    if tags:
        cell.source = "\n".join(line for line in lines if line.strip() not in MARKERS)
        cell.metadata["tags"] = list(dict.fromkeys([*cell.metadata.get("tags", []), *tags]))


def _clean_outputs(cell: nbformat.NotebookNode) -> None:
    checked = "nbval-check-output" in cell.metadata.get("tags", [])
    kept = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if WIDGET in data:
            plain = data.get("text/plain", "")
            plain = "".join(plain) if isinstance(plain, list) else plain
            output.data = {"text/plain": plain if not plain.startswith(("VBox(", "Box(", "HBox(")) else NOTE}
        elif "image/png" in data and not checked:
            continue  # re-drawn when the cell runs; nothing compares it
        kept.append(output)
    cell.outputs = kept


def clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without widget state, unchecked figures, visible test markers and run timestamps (changed
    in place)."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            _move_markers_to_tags(cell)
            _clean_outputs(cell)
            cell.metadata.pop("execution", None)
    return notebook


def lesson_files(root: Path = ROOT) -> list[Path]:
    return sorted(path for folder in FOLDERS for path in (root / folder).glob("*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report notebooks that need cleaning; change nothing")
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="only these notebooks (default: every lesson), e.g. the ones you re-executed")
    args = parser.parse_args(argv)
    missing = [str(path) for path in args.notebooks if not path.is_file()]
    if missing:
        parser.error(f"no such notebook: {', '.join(missing)}")
    dirty = []
    for path in [p.resolve() for p in args.notebooks] or lesson_files():
        before = path.read_text(encoding="utf-8")
        after = nbformat.writes(clean(nbformat.reads(before, as_version=4)))
        if after != before:
            dirty.append(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
            if not args.check:
                write_text(path, after)  # whole or not at all, as the kit writes every file
    for path in dirty:
        print(f"{'needs cleaning' if args.check else 'cleaned'}: {path}")
    return 1 if args.check and dirty else 0


if __name__ == "__main__":
    sys.exit(main())
