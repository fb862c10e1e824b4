"""Writing files so that nothing is ever half-written.

Every file the kit writes (exports, experiments, scenarios, gradebooks, game
files, reports) goes through `atomic_path`: the writer fills a temporary file
in the target's own folder, and only a complete file is renamed over the
target (`os.replace` is atomic on one file system, on Windows too). A kill,
Ctrl-C or full disk while writing leaves the previous good file untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import KitError


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, on any failure it is removed."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise KitError(f"Cannot write '{target}': {error.strerror or error}.") from None
    os.close(handle)
    temporary_path = Path(temporary)
    try:
        yield temporary_path
        os.replace(temporary_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary_path.unlink()
        raise


def write_text(target: str | Path, text: str) -> Path:
    """Write `text` (UTF-8) to `target` atomically."""
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return Path(target)


def write_bytes(target: str | Path, data: bytes) -> Path:
    """Write `data` to `target` atomically."""
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
    return Path(target)
