"""The lessons in Dutch from one source: the English lesson plus its Dutch text, never two hand-kept copies.

A lesson's code lives once, in `notebooks/NN_name.ipynb`. Its Dutch text
lives in `notebooks/nl/text/NN_name.md`: every markdown cell of the lesson
in Dutch, under a marker with the English cell's id. `dutch_lesson` puts the
two together: the same code cells (so the same numbers), the Dutch text, one
cell at the top that switches the panels to Dutch, and links that still lead
to the exercises from one folder deeper. `.ci/build_dutch_lessons.py`
writes and executes them into `notebooks/nl/`; a test checks that they are
up to date, that their code is the English code, and that the Dutch text
quotes the same numbers as the English.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat

from .errors import KitError

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "notebooks"
DUTCH = LESSONS / "nl"
TEXT = DUTCH / "text"
MARKER = re.compile(r"^<!-- cell ([0-9A-Za-z_-]+) -->$", re.MULTILINE)
LANGUAGE_TAG = "kit-language"  # the one cell the Dutch lesson has that the English one has not
LANGUAGE_CELL = 'from simulation.widgets import set_language\n\nset_language("nl")  # deze les spreekt Nederlands'


def english_lessons() -> list[Path]:
    return sorted(LESSONS.glob("[0-9][0-9]_*.ipynb"))


def text_path(lesson: Path) -> Path:
    return TEXT / f"{lesson.stem}.md"


def dutch_path(lesson: Path) -> Path:
    return DUTCH / lesson.name


def skeleton(notebook: nbformat.NotebookNode) -> str:
    """The text file a translator starts from: every markdown cell under its marker (still in English)."""
    return "\n\n".join(f"<!-- cell {cell.id} -->\n{cell.source.strip()}"
                       for cell in notebook.cells if cell.cell_type == "markdown") + "\n"


def read_text(path: Path) -> dict[str, str]:
    """Cell id → Dutch markdown, from a text file of markers and cells."""
    content = path.read_text(encoding="utf-8")
    parts = MARKER.split(content)
    if parts[0].strip():
        raise KitError(f"{path}: text before the first '<!-- cell … -->' marker.")
    return {cell_id: body.strip() for cell_id, body in zip(parts[1::2], parts[2::2])}


def _deeper(markdown: str) -> str:
    """Relative links from `notebooks/` work again from `notebooks/nl/` (one folder deeper)."""
    return re.sub(r"\]\(\.\./", "](../../", markdown)


def dutch_lesson(english: nbformat.NotebookNode, dutch_text: dict[str, str], source: str) -> nbformat.NotebookNode:
    """The Dutch lesson: the English lesson's code, the Dutch text, and the cell that switches to Dutch."""
    markdown_ids = [cell.id for cell in english.cells if cell.cell_type == "markdown"]
    missing = [cell_id for cell_id in markdown_ids if cell_id not in dutch_text]
    stale = [cell_id for cell_id in dutch_text if cell_id not in markdown_ids]
    if missing or stale:
        raise KitError(f"The Dutch text of {source} does not match the lesson: cells without Dutch text "
                       f"{missing or 'none'}, Dutch text for cells that are gone {stale or 'none'}.")
    dutch = copy.deepcopy(english)
    for cell in dutch.cells:
        if cell.cell_type == "markdown":
            cell.source = _deeper(dutch_text[cell.id])
    switch = nbformat.v4.new_code_cell(LANGUAGE_CELL, id="kit-language-nl")
    switch.metadata["tags"] = [LANGUAGE_TAG]
    first_code = next((i for i, cell in enumerate(dutch.cells) if cell.cell_type == "code"), len(dutch.cells))
    dutch.cells.insert(first_code, switch)
    dutch.metadata["kit"] = {"language": "nl", "source": f"../{source}", "text": f"text/{Path(source).stem}.md"}
    return dutch


def without_language_cell(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [cell for cell in notebook.cells if LANGUAGE_TAG not in cell.metadata.get("tags", [])]
