"""Writing files so that nothing is ever half-written, and reading them within bounds.

Every file the kit writes (exports, experiments, scenarios, gradebooks, game
files, reports) goes through `atomic_path`: the writer fills a temporary file
in the target's own folder, and only a complete file is renamed over the
target (`os.replace` is atomic on one file system, on Windows too). A kill,
Ctrl-C or full disk while writing leaves the previous good file untouched.

A folder of files (an experiment saved as CSV) goes through `atomic_folder`:
the files are written into a new folder beside the target, a manifest with
the size and SHA-256 of every file is added last, and the new folder is
swapped in. `verify_folder` checks the manifest when the folder is read, so
a folder mixed from two saves or truncated by hand is refused, not misread.

Files the kit reads are read with `read_limited`, so a wrong path such as
`/dev/zero` or a huge file gets a clear message instead of filling memory.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fnmatch
import glob
import hashlib
import json
import os
import re
import shutil
import secrets
import sys
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from .errors import KitError
from .language import kit_error, text
from .texts import TEXTS
from .termination import sigterm_cleanup

MANIFEST = "manifest.json"
#: Temporary files or folders older than this are left from a save that was killed: removed.
STALE_SECONDS = 24 * 3600
#: A manifest holds a few lines per file; anything near a megabyte is not one.
MAX_MANIFEST_BYTES = 1_000_000
#: The kinds of file a figure is saved as (`plots.style.save_figure`): known before matplotlib is imported.
FIGURE_SUFFIXES = (".png", ".svg")


def os_reason(error: OSError, language: str = "en") -> str:
    """Why the system refused, as it says it ('No such file or directory'); in Dutch for the refusals a path
    typed wrong or a full disk gives (a `reason.*` text row), the system's own words for the rare rest."""
    key = f"reason.{errno.errorcode.get(error.errno or 0, '')}"
    if language != "en" and key in TEXTS:
        return text(key, language)
    return error.strerror or str(error) or type(error).__name__


def _reason(error: OSError) -> Callable[[str], str]:
    """`os_reason` in each language a message is told in."""
    return partial(os_reason, error)


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Read once, at import: setting it (the only way to read it) races with threads that create files.
_UMASK = _read_umask()


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, on any failure it is removed.

    An OSError while writing (a full disk, a folder that vanished) becomes a KitError that names
    `target` and the reason, whatever the library that wrote the file put in the error."""
    target = Path(target)
    # the name is known before the file exists, so a signal at any moment cannot leave an unknown file;
    # the target's suffix stays last: writers such as pandas' ExcelWriter choose by it
    temporary = _sibling(target, f".part{target.suffix}")
    with sigterm_cleanup():  # a SIGTERM while writing removes the temporary file too
        try:
            os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            yield temporary
            _settle(temporary)
            os.replace(temporary, target)
        except BaseException as error:
            with contextlib.suppress(OSError):
                temporary.unlink()
            if isinstance(error, OSError):
                raise kit_error(KitError, "error.cannot_write", path=str(target), reason=_reason(error)) from None
            raise


def _sibling(target: Path, suffix: str) -> Path:
    """A fresh hidden name beside `target` (64 random bits: never an existing file). Temporaries
    of earlier saves that a kill -9 left behind are removed once they are a day old (a save in
    progress elsewhere is younger than that)."""
    folder = target.parent if str(target.parent) else Path(".")
    stale = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f".{glob.escape(target.stem)}.{'[0-9a-f]' * 16}.part*"):
            if leftover.lstat().st_mtime >= stale:
                continue
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink()
    return folder / f".{target.stem}.{secrets.token_hex(8)}{suffix}"


def _settle(path: Path) -> None:
    """Give the finished file the permissions a plain `open` would (it was created private) and
    flush it to disk, so a power cut after the rename cannot leave an empty file under the target's name."""
    os.chmod(path, 0o666 & ~_UMASK)
    with open(path, "r+b") as handle:  # writable: Windows flushes only a handle that may write
        os.fsync(handle.fileno())


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


def check_target(target: str | Path, what: str, suffixes: Iterable[str] = ()) -> Path:
    """A path the kit may write to, checked before any work starts: a name, an allowed suffix,
    an existing parent folder. A long run should not end in 'cannot write'. `what` names the file
    in the kit's messages: a `file.*` text row ('export' for 'export file')."""
    name, path = str(target), Path(target)
    suffixes = tuple(suffixes)
    told = dict(what=named_file(what), path=str(path), allowed=partial(_allowed, suffixes))
    if not name.strip():
        raise kit_error(KitError, "error.file_name", **told)
    if suffixes:
        check_suffix(path, what, suffixes)
    if suffixes and path.is_dir():
        raise kit_error(KitError, "error.file_is_folder", **told)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise kit_error(KitError, "error.file_no_folder", parent=str(parent), **told)
    _check_writable(path)
    return path


def make_folder(folder: str | Path) -> Path:
    """`folder` and the folders above it, made if they are not there yet: for a command whose outputs are a set
    of files in a folder of their own ('grades/gradebook.csv' and its companions); a folder that cannot be made
    is told with the system's reason."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise kit_error(KitError, "error.cannot_write", path=str(folder), reason=_reason(error)) from None
    return folder


def _check_writable(target: Path) -> None:
    """Create and remove a file beside `target`: a read-only folder is told now, not after the work. Asking
    `os.access` is not enough: it says yes to root on a read-only share and knows no network file system."""
    probe = _sibling(target, ".part.probe")  # named as a save's temporary: a kill -9 leaves nothing a save keeps
    with sigterm_cleanup():  # a Ctrl-C or SIGTERM right after the file is made removes it too
        try:
            os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except OSError as error:
            raise kit_error(KitError, "error.cannot_write", path=str(target), reason=_reason(error)) from None
        finally:
            with contextlib.suppress(OSError):
                probe.unlink()


def check_suffix(path: Path, what: str, suffixes: tuple[str, ...]) -> None:
    """Refuse a file whose name does not end in one of `suffixes`, naming the file (`what`: a `file.*` row)
    and what it must end in: for a file the kit writes or reads. Capitals are the same suffix ('OUT.XLSX' is a
    workbook): a reader that chooses by the suffix lowers it too."""
    if path.suffix.lower() not in suffixes:
        raise kit_error(KitError, "error.file_suffix", what=named_file(what), path=str(path),
                        suffixes=", ".join(suffixes))


def named_file(what: str) -> Callable[[str], str]:
    """A file's name in a message, in each language the message is told in ('het exportbestand')."""
    return partial(text, f"file.{what}")


def _allowed(suffixes: tuple[str, ...], language: str) -> str:
    return text("error.file_allowed", language, suffixes=", ".join(suffixes)) if suffixes else ""


def read_limited(path: str | Path, limit: int, what: str) -> bytes:
    """The bytes of `path`, refusing anything larger than `limit` without reading past it, and
    anything but a plain file: a device such as /dev/zero never ends, a named pipe blocks. `what` is
    a `file.*` text row, as for `check_target`."""
    path = Path(path)
    told = dict(what=named_file(what), path=str(path))
    if path.exists() and not path.is_file():
        raise kit_error(KitError, "error.file_not_plain", **told)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise kit_error(KitError, "error.file_unreadable", reason=_reason(error), **told) from None
    if len(data) > limit:
        raise kit_error(KitError, "error.file_too_large", megabytes=limit / 1e6, **told)
    return data


def read_document(path: Path, limit: int, what: str) -> Any:
    """The JSON or TOML document at `path` (by its suffix, in any letter case), read within `limit` bytes (`what`
    names the file in a message, as for `read_limited`)."""
    return parse_document(read_limited(path, limit, what), path.suffix.lower(), path)


def parse_document(data: bytes, suffix: str, source: str | Path) -> Any:
    """A JSON or TOML document from bytes read with `read_limited`. Nesting deeper than a Python
    parser can follow (a crafted file of 100,000 brackets) gets a clear message, not a RecursionError."""
    try:
        if suffix == ".toml":
            return tomllib.loads(data.decode("utf-8"))
        return json.loads(data)
    except RecursionError:
        raise kit_error(KitError, "error.document_too_deep", source=str(source)) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise kit_error(KitError, "error.not_valid_document", source=str(source), format=suffix[1:].upper(),
                        **_where_and_detail(error)) from None


def _where_and_detail(error: ValueError) -> dict[str, Any]:
    """Where a JSON or TOML slip is, and the parser's own explanation without it. The parsers explain in
    English, so a Dutch message tells only where: JSON's "…: line 3 column 5 (char 20)", TOML's "… (at line 3,
    column 5)" or "(at end of document)", or that the file is no UTF-8 text."""
    explained = str(error)
    if isinstance(error, UnicodeDecodeError):
        return {"where": partial(text, "error.document_not_text"), "detail": explained}
    found = re.search(r":? \(?(?:at )?line (\d+),? column (\d+)(?: \(char \d+\))?\)?", explained)
    if found:
        where = partial(text, "error.document_line", line=found[1], column=found[2])
    elif found := re.search(r" \(at end of document\)", explained):
        where = partial(text, "error.document_end")
    else:
        return {"where": "", "detail": explained.rstrip(".")}
    return {"where": where, "detail": (explained[:found.start()] + explained[found.end():]).rstrip(".")}


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def _manifest(folder: Path) -> dict[str, dict[str, int | str]]:
    return {p.name: {"bytes": p.stat().st_size, "sha256": _digest(p)}
            for p in sorted(folder.iterdir()) if p.is_file() and p.name != MANIFEST}


def _exchange(new: Path, old: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        at_cwd, rename_exchange = -100, 2
        return libc.renameat2(at_cwd, os.fsencode(new), at_cwd, os.fsencode(old), rename_exchange) == 0
    except (AttributeError, OSError):
        return False


@contextlib.contextmanager
def atomic_folder(target: str | Path, owned: Iterable[str] = ()) -> Iterator[Path]:
    """Yield a new, empty folder beside `target`; on success a manifest is added and it replaces `target`.

    An existing `target` is replaced only if it holds nothing but a kit save (a manifest or a file
    in `owned`): a folder of the user's own files is refused, never deleted."""
    target = Path(target)
    check_replaceable(target, owned)
    temporary = _sibling(target, ".part")
    with sigterm_cleanup():
        try:
            os.mkdir(temporary, 0o700)
            yield temporary
            write_text(temporary / MANIFEST, json.dumps({"files": _manifest(temporary)}, indent=2) + "\n")
            os.chmod(temporary, 0o777 & ~_UMASK)
            _swap_in(temporary, target)
        except BaseException as error:
            shutil.rmtree(temporary, ignore_errors=True)
            if isinstance(error, OSError):
                raise kit_error(KitError, "error.cannot_write", path=str(target), reason=_reason(error)) from None
            raise


def check_replaceable(target: str | Path, owned: Iterable[str]) -> None:
    """Refuse to replace `target` unless it is missing, empty or holds only files of an earlier save: `owned`
    are their names, or patterns such as '*.md'."""
    target, owned = Path(target), {*owned, MANIFEST}
    if not target.exists():
        return
    if not target.is_dir():
        raise kit_error(KitError, "error.folder_is_file", path=str(target))
    foreign = [p.name for p in target.iterdir()
               if not p.is_file() or not any(fnmatch.fnmatchcase(p.name, name) for name in owned)]
    if foreign:
        raise kit_error(KitError, "error.folder_foreign", path=str(target), files=", ".join(sorted(foreign)[:3]))


def _swap_in(new: Path, target: Path) -> None:
    """Put `new` at `target`; the previous folder stays whole until the new one is in place."""
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the previous folder
        return
    retired = _sibling(target, ".old")
    os.rename(target, retired)
    os.rename(new, target)
    shutil.rmtree(retired, ignore_errors=True)


def verify_folder(folder: str | Path, what: str) -> None:
    """Check every file of a folder saved by `atomic_folder` against its manifest; refuse a folder
    that is incomplete, changed or mixed from two saves, saying which file is wrong. `what` is a `file.*`
    text row; a saved file's damage is told in English (only the kit wrote the file)."""
    folder, what = Path(folder), named_file(what)("en")
    if not (folder / MANIFEST).is_file():
        raise KitError(f"The {what} '{folder}' has no {MANIFEST}: it was not saved completely, or by an older "
                       f"version of the kit. Save it again.")
    document = parse_document(read_limited(folder / MANIFEST, MAX_MANIFEST_BYTES, "manifest"), ".json",
                              folder / MANIFEST)
    recorded = document.get("files") if isinstance(document, dict) else None
    if not isinstance(recorded, dict):
        raise KitError(f"The {what} '{folder}' has an unreadable {MANIFEST}.")
    try:
        present = _manifest(folder)
    except OSError as error:
        raise KitError(f"Cannot read the {what} '{folder}': {os_reason(error)}.") from None
    for name in sorted(set(recorded) | set(present)):
        if recorded.get(name) != present.get(name):
            problem = ("is missing" if name not in present else "was not part of the save" if name not in recorded
                       else "was changed or cut short after saving")
            raise KitError(f"The {what} '{folder}' is not one complete save: {name} {problem}. It may be mixed "
                           f"from two saves or damaged; save it again.")
