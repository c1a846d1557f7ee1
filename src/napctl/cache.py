"""Plans already validated, keyed by their exact bytes, so queries skip validation.

A query must answer as fast as the command line starts; importing pydantic
alone costs more than that. An entry is the validated data of one file,
stored under the SHA-256 of (napctl's version, the source of the modules that
decide validity, the file's bytes). Any change to the file or to those rules
gives another key, so an entry can never describe anything but exactly the
bytes it was made from: the cache cannot serve stale data. Entries are JSON,
never pickle, because a cache folder is not a place to trust code from.

Where: $NAPCTL_CACHE_DIR, else $XDG_CACHE_HOME/napctl, else ~/.cache/napctl.
NAPCTL_NO_CACHE=1 turns it off. A cache that cannot be read or written is
simply not used. Entries are spread over 256 folders by the key's first two
hex digits, and a folder keeps its newest ``KEEP_PER_FOLDER`` entries, so the
cache stays bounded however often plans are edited (an entry dropped only
costs one validation).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from napctl import __version__

_RULES = ("cache.py", "model.py", "readfile.py", "validate.py", "validate_fields.py",
          "yamlsafe.py")
KEEP_PER_FOLDER = 8


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
    here = Path(__file__).parent
    for name in _RULES:
        digest.update((here / name).read_bytes())
    return digest.digest()


def _entry(folder: Path, raw: bytes) -> Path:
    key = hashlib.sha256(_fingerprint() + raw).hexdigest()
    return folder / key[:2] / f"{key}.json"


def get(raw: bytes) -> dict[str, Any] | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = json.loads(_entry(folder, raw).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def put(raw: bytes, data: dict[str, Any]) -> None:
    folder = cache_dir()
    if folder is None:
        return
    from napctl.fsutil import atomic_write

    target = _entry(folder, raw)
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        _prune(target)


def _prune(newest: Path) -> None:
    """Keep ``newest`` and the most recent others, up to KEEP_PER_FOLDER in its folder."""
    others = [p for p in newest.parent.glob("*.json") if p != newest]
    others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in others[KEEP_PER_FOLDER - 1:]:
        with contextlib.suppress(OSError):
            old.unlink()
