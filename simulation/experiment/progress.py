"""Progress of an experiment: a bar with ETA in the terminal and in notebooks.

`tqdm.auto` draws a text bar in a terminal and an ipywidgets bar in Jupyter.
A notebook panel that has its own bar can pass a callback instead; it gets
(done, total) after every finished replication or chunk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ProgressOption = bool | Callable[[int, int], Any] | None


class Progress:
    """Counts finished replications and reports them to a bar or a callback."""

    def __init__(self, option: ProgressOption, total: int, description: str):
        self.total = total
        self.done = 0
        self._callback = option if callable(option) else None
        self._bar = None
        if option is True:
            from tqdm.auto import tqdm

            self._bar = tqdm(total=total, desc=description, unit="run", leave=False)

    def advance(self, count: int) -> None:
        self.done += count
        if self._bar is not None:
            self._bar.update(count)
        if self._callback is not None:
            self._callback(self.done, self.total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
