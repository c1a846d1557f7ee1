"""Plans already validated, keyed by their exact bytes, so queries skip validation.

A query must answer as fast as the command line starts; importing pydantic
alone costs more than that. An entry is the validated data of one file,
stored under the SHA-256 of (napctl's version, the source of the modules that
decide validity, the document kind, the file's bytes). Any change to the file or to those rules
gives another key, so an entry can never describe anything but exactly the
bytes it was made from: the cache cannot serve stale data. Entries are JSON,
never pickle, because a cache folder is not a place to trust code from.

Nor is it a place to trust data from: an entry is served only when it proves
it belongs to the bytes asked about. It holds its own key and the SHA-256 of
the file's bytes (an entry copied under another name is refused), it must be
a regular file no larger than ``MAX_ENTRY_BYTES`` (opened without following a
link and without blocking, so a FIFO, a device or a link to ``/dev/zero`` is
never read), and its data must build the model with every type checked
(``napctl.model.trusted``). On any doubt the entry is ignored and the file
validated again, so the cache can never change what a command answers.

Where: $NAPCTL_CACHE_DIR, else $XDG_CACHE_HOME/napctl, else ~/.cache/napctl.
NAPCTL_NO_CACHE=1 turns it off. A cache that cannot be read or written is
simply not used. Entries are spread over 256 folders by the key's first two
hex digits, and a folder keeps its newest entries: always ``KEEP_PER_FOLDER``,
and more while they total at most ``FOLDER_BYTES`` (up to ``MAX_PER_FOLDER``),
so the cache stays bounded however often plans are edited (an entry dropped
only costs one validation), yet holds the thousands of small progress reports
of a large registry, which a bound of a few entries per folder would evict
within one run (every run a miss, issue 20).

Writing an entry is cheap: it is not flushed to disk (an entry torn by a crash
fails its checks and is ignored like any other doubtful entry), and a folder is
scanned for pruning at the first entry a process writes to it, then only after
as many new entries as it held (amortised: a constant number of directory
reads per entry, however many a command writes).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import stat
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from napctl import __version__

#: The folders whose modules decide what is valid (or the entry format): every
#: module under them is in the key, so a new rule module cannot be left out.
RULE_FOLDERS = ("core", "yaml", "model", "checks", "load")
KEEP_PER_FOLDER = 8
#: A folder keeps more than KEEP_PER_FOLDER entries while they total at most this.
FOLDER_BYTES = 1 << 20
MAX_PER_FOLDER = 256
#: Per folder written in this process: how many more entries before it is scanned again.
_UNTIL_SCAN: dict[Path, int] = {}
T = TypeVar("T")


def cache_dir() -> Path | None:
    if os.environ.get("NAPCTL_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("NAPCTL_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "napctl"


@cache
def _fingerprint() -> bytes:
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent
    for module in rule_modules():
        digest.update(module.as_posix().encode() + b"\0")
        digest.update((package / module).read_bytes())
    return digest.digest()


def rule_modules() -> list[Path]:
    """Every module under RULE_FOLDERS, in a stable order."""
    package = Path(__file__).resolve().parent.parent
    return sorted(
        path.relative_to(package)
        for folder in RULE_FOLDERS
        for path in (package / folder).rglob("*.py")
    )


#: Entries are compact JSON of the data read from at most --max-bytes of YAML:
#: never more than a few times that size.
ENTRY_SIZE_FACTOR, ENTRY_SIZE_SLACK = 8, 1 << 20
FORMAT = 2


def _key(raw: bytes, kind: str) -> str:
    return hashlib.sha256(_fingerprint() + kind.encode() + b"\0" + raw).hexdigest()


def _entry(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.json"


def get(raw: bytes, kind: str = "plan", build: Callable[[Any], T] | None = None) -> T | None:
    """The model ``build`` makes of the entry for ``raw``; None when there is none to trust.

    ``build`` (default: the data itself, which must be a mapping) may raise any
    exception on data of the wrong shape: that entry is then simply not used.
    """
    folder = cache_dir()
    if folder is None:
        return None
    key = _key(raw, kind)
    text = _read_entry(_entry(folder, key), ENTRY_SIZE_FACTOR * len(raw) + ENTRY_SIZE_SLACK)
    if text is None:
        return None
    try:
        entry = json.loads(text, object_hook=_decode)
        if not (
            isinstance(entry, dict)
            and entry.get("format") == FORMAT
            and entry.get("key") == key
            and entry.get("bytes") == hashlib.sha256(raw).hexdigest()
            and isinstance(entry.get("data"), dict)
        ):
            return None
        return build(entry["data"]) if build is not None else entry["data"]
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError, MemoryError):
        return None


def _read_entry(path: Path, limit: int) -> str | None:
    """The entry's text, if it is a regular file of at most ``limit`` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(info.st_size + 1)
        if len(raw) != info.st_size:  # changed while read
            return None
        return raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    finally:
        os.close(fd)


def put(raw: bytes, data: dict[str, Any], kind: str = "plan") -> None:
    folder = cache_dir()
    if folder is None:
        return
    from napctl.core.fsutil import atomic_write  # lazy: start-up (only on a cache miss)

    key = _key(raw, kind)
    target = _entry(folder, key)
    entry = {
        "format": FORMAT,
        "key": key,
        "bytes": hashlib.sha256(raw).hexdigest(),
        "data": _encode(data),
    }
    with contextlib.suppress(OSError, ValueError):
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(
            target,
            json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
            replace_any=True,
            durable=False,
        )
        left = _UNTIL_SCAN.get(target.parent, 0) - 1
        if left < 0:
            left = max(KEEP_PER_FOLDER, _prune(target))
        _UNTIL_SCAN[target.parent] = left


def _encode(value: Any) -> Any:
    """Parsed YAML as JSON holds it: a date becomes {"$date": ...}, and a key that
    starts with "$" gains another "$", so no mapping of the file reads back as a date."""
    if isinstance(value, dict):
        return {("$" + k if k[:1] == "$" else k): _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    return value


def _decode(mapping: dict[str, Any]) -> Any:
    """The reverse of ``_encode``, for one JSON object (its values are decoded already)."""
    if len(mapping) == 1 and "$date" in mapping:
        return datetime.date.fromisoformat(mapping["$date"])
    if any(k[:1] == "$" for k in mapping):
        return {(k[1:] if k[:1] == "$" else k): v for k, v in mapping.items()}
    return mapping


def _prune(newest: Path) -> int:
    """Keep ``newest`` and the most recent others: KEEP_PER_FOLDER of them, and more
    while they total at most FOLDER_BYTES, up to MAX_PER_FOLDER. How many are kept."""
    others: list[tuple[int, int, str]] = []
    with contextlib.suppress(OSError), os.scandir(newest.parent) as found:
        for item in found:
            if item.name.endswith(".json") and item.name != newest.name:
                with contextlib.suppress(OSError):
                    info = item.stat(follow_symlinks=False)
                    others.append((info.st_mtime_ns, info.st_size, item.path))
    others.sort(reverse=True)
    kept, size = 1, 0
    for _, bytes_, path in others:
        size += bytes_
        if kept < KEEP_PER_FOLDER or (size <= FOLDER_BYTES and kept < MAX_PER_FOLDER):
            kept += 1
            continue
        with contextlib.suppress(OSError):
            os.unlink(path)
    return kept
