"""The lessons and exercises in Dutch from one source: the English notebook plus its Dutch text, never two
hand-kept copies.

A lesson's code lives once, in `notebooks/NN_name.ipynb`. Its Dutch text
lives in `notebooks/nl/text/NN_name.md`: every markdown cell of the lesson
in Dutch, under a marker with the English cell's id (`<!-- cell ID -->`),
and, for a code cell that prints sentences of its own, the same code with
Dutch sentences and comments (`<!-- code ID -->` and a python block): only
its texts may differ, so it computes the same numbers (`code_shape`).
`dutch_lesson` puts the two together: the same code, the Dutch text, one
cell at the top that switches the panels to Dutch, and links that still lead
to the exercises from one folder deeper. `.ci/build_dutch_lessons.py`
writes and executes them into `notebooks/nl/`; a test checks that they are
up to date, that their code is the English code, and that the Dutch text
and output quote the same numbers as the English.

The exercise notebooks work the same way, from `exercises/` into
`exercises/nl/` (text in `exercises/nl/text/`): a Dutch student reads the
assignments in Dutch, and the notebook's own setup cell (student number,
name, course) says `LANGUAGE = "nl"`, so it needs no cell that switches.
Their code may differ in comments and that choice of language only
(`same_exercise_code`), so a Dutch notebook checks and grades the very same
exercises: an exercise id or a choice's key is a string, which a lesson's
Dutch code may translate.
"""

from __future__ import annotations

import ast
import copy
import io
import re
import tokenize
from collections import Counter
from pathlib import Path

import nbformat

from .errors import KitError

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "notebooks"
EXERCISE_FOLDER = ROOT / "exercises"
MARKER = re.compile(r"^<!-- (cell|code) ([0-9A-Za-z_-]+) -->$", re.MULTILINE)
CODE_BLOCK = re.compile(r"\A```python\n(.*)\n```\Z", re.DOTALL)
LANGUAGE_TAG = "kit-language"  # the one cell the Dutch lesson has that the English one has not
LANGUAGE_CELL = 'from simulation.widgets import set_language\n\nset_language("nl")  # deze les spreekt Nederlands'


def english_lessons() -> list[Path]:
    return sorted(LESSONS.glob("[0-9][0-9]_*.ipynb"))


def english_exercises() -> list[Path]:
    return sorted(EXERCISE_FOLDER.glob("[0-9][0-9]_*.ipynb"))


def is_exercise_notebook(notebook: Path) -> bool:
    """An exercise notebook rather than a lesson: its Dutch code is held to the stricter rule, and it gets no
    language cell (`dutch_lesson(..., exercises=True)`)."""
    return notebook.parent == EXERCISE_FOLDER


def english_notebooks() -> list[Path]:
    """Every notebook that has a Dutch version: the lessons, then the exercises."""
    return english_lessons() + english_exercises()


def text_path(notebook: Path) -> Path:
    """`notebooks/nl/text/NN_name.md` for a lesson, `exercises/nl/text/NN_name.md` for exercises."""
    return notebook.parent / "nl" / "text" / f"{notebook.stem}.md"


def dutch_path(notebook: Path) -> Path:
    return notebook.parent / "nl" / notebook.name


def skeleton(notebook: nbformat.NotebookNode) -> str:
    """The text file a translator starts from: every markdown cell under its marker (still in English)."""
    return "\n\n".join(f"<!-- cell {cell.id} -->\n{cell.source.strip()}"
                       for cell in notebook.cells if cell.cell_type == "markdown") + "\n"


def _sections(path: Path, kind: str) -> dict[str, str]:
    content = path.read_text(encoding="utf-8")
    parts = MARKER.split(content)
    if parts[0].strip():
        raise KitError(f"{path}: text before the first '<!-- cell … -->' marker.")
    sections = list(zip(parts[1::3], parts[2::3], parts[3::3]))
    markers = Counter((found, cell_id) for found, cell_id, _ in sections)
    twice = sorted(f"<!-- {found} {cell_id} -->" for (found, cell_id), times in markers.items() if times > 1)
    if twice:
        raise KitError(f"{path}: each marker once, but {', '.join(twice)} comes more than once.")
    return {cell_id: body.strip() for found, cell_id, body in sections if found == kind}


def read_text(path: Path) -> dict[str, str]:
    """Cell id → Dutch markdown, from a text file of markers and cells."""
    return _sections(path, "cell")


def read_code(path: Path) -> dict[str, str]:
    """Cell id → the Dutch version of a code cell (its python block), from the same text file."""
    code = {}
    for cell_id, body in _sections(path, "code").items():
        block = CODE_BLOCK.match(body)
        if block is None:
            raise KitError(f"{path}: the Dutch code of cell {cell_id} must be one block from '```python' to '```'.")
        code[cell_id] = block.group(1)
    return code


def code_shape(source: str) -> str:
    """What a code cell computes: its syntax tree with every string blanked (comments are not in the tree), so
    two cells of the same shape differ at most in their sentences, labels and comments."""
    tree = ast.parse(re.sub(r"^%.*$", "pass", source, flags=re.MULTILINE))  # an IPython magic is no Python
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    return ast.dump(tree)


def _tokens(source: str) -> list[tuple[int, str]]:
    """The code's tokens without its comments and blank lines (a '#' inside a string is no comment)."""
    return [(token.type, token.string) for token in tokenize.generate_tokens(io.StringIO(source).readline)
            if token.type not in (tokenize.COMMENT, tokenize.NL)]


def same_exercise_code(english: str, dutch: str) -> bool:
    """Whether a Dutch exercise cell is the English one but for its comments and `LANGUAGE = "nl"`."""
    expected = _tokens(english)
    for index in range(len(expected) - 2):
        if [string for _, string in expected[index:index + 3]] == ["LANGUAGE", "=", '"en"']:
            expected[index + 2] = (tokenize.STRING, '"nl"')
    return _tokens(dutch) == expected


def _deeper(markdown: str) -> str:
    """Relative links from `notebooks/` work again from `notebooks/nl/` (one folder deeper)."""
    return re.sub(r"\]\(\.\./", "](../../", markdown)


def dutch_lesson(english: nbformat.NotebookNode, dutch_text: dict[str, str], source: str,
                 dutch_code: dict[str, str] | None = None, *, exercises: bool = False) -> nbformat.NotebookNode:
    """The Dutch lesson: the English lesson's code (with the Dutch sentences of `dutch_code`), the Dutch text,
    and the cell that switches to Dutch. For an exercise notebook (`exercises`): Dutch comments and
    `LANGUAGE = "nl"` only, and no switch (its setup cell chooses the language)."""
    dutch_code = dutch_code or {}
    markdown_ids = [cell.id for cell in english.cells if cell.cell_type == "markdown"]
    missing = [cell_id for cell_id in markdown_ids if cell_id not in dutch_text]
    stale = [cell_id for cell_id in dutch_text if cell_id not in markdown_ids]
    code = {cell.id: cell.source for cell in english.cells if cell.cell_type == "code"}
    stale_code = [cell_id for cell_id in dutch_code if cell_id not in code]
    if missing or stale or stale_code:
        raise KitError(f"The Dutch text of {source} does not match the notebook: cells without Dutch text "
                       f"{missing or 'none'}, Dutch text for cells that are gone {stale or 'none'}, "
                       f"Dutch code for code cells that are gone {stale_code or 'none'}.")
    changed = []
    for cell_id, dutch in dutch_code.items():
        try:
            same = code_shape(dutch) == code_shape(code[cell_id])  # parsed first: a syntax error is told as one
            if not same or (exercises and not same_exercise_code(code[cell_id], dutch)):
                changed.append(cell_id)
        except SyntaxError as error:
            raise KitError(f"The Dutch code of {source}, cell {cell_id}, is not Python: {error.msg} "
                           f"(line {error.lineno}).") from None
    if changed:
        allowed = "comments and LANGUAGE = \"nl\"" if exercises else "strings and comments"
        raise KitError(f"The Dutch code of {source}, cells {', '.join(changed)}, differs from the English code in "
                       f"more than its texts: make the same change in both (only {allowed} may differ).")
    dutch = copy.deepcopy(english)
    for cell in dutch.cells:
        if cell.cell_type == "markdown":
            cell.source = _deeper(dutch_text[cell.id])
        elif cell.id in dutch_code:
            cell.source = dutch_code[cell.id]
    if not exercises:
        switch = nbformat.v4.new_code_cell(LANGUAGE_CELL, id="kit-language-nl")
        switch.metadata["tags"] = [LANGUAGE_TAG]
        first_code = next((i for i, cell in enumerate(dutch.cells) if cell.cell_type == "code"), len(dutch.cells))
        dutch.cells.insert(first_code, switch)
    dutch.metadata["kit"] = {"language": "nl", "source": f"../{source}", "text": f"text/{Path(source).stem}.md"}
    return dutch


def without_language_cell(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [cell for cell in notebook.cells if LANGUAGE_TAG not in cell.metadata.get("tags", [])]
