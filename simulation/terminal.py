"""A table at the terminal, for every command that prints one (`experiment`, `game`).

Columns as wide as their widest cell, a rule under the header, text columns
to the left and numbers to the right, so a projected terminal reads like the
tables on the pages.
"""

from __future__ import annotations

from collections.abc import Sequence


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]], left: Sequence[int] = (0,)) -> None:
    """Print `rows` under `header`; the columns in `left` are aligned left, the others right."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(f"{cell:<{w}}" if i in left else f"{cell:>{w}}"
                         for i, (cell, w) in enumerate(zip(cells, widths))).rstrip()

    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
