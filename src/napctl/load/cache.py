"""Plans already validated, keyed by their exact bytes, so queries skip validation.

A query must answer as fast as the command line starts; importing pydantic
alone costs more than that. An entry is the validated data of one file,
stored under the SHA-256 of (napctl's version, the source of the modules that
decide validity, the document kind, the file's bytes). Any change to the file or to those rules
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
import datetime
import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from napctl import __version__

#: The folders whose modules decide what is valid (or the entry format): every
#: module under them is in the key, so a new rule module cannot be left out.
RULE_FOLDERS = ("load", "model", "checks", "problems")
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
    package = Path(__file__).resolve().parent.parent
    for module in rule_modules():
        digest.update(module.as_posix().encode() + b"\0")
        digest.update((package / module).read_bytes())
    return digest.digest()


def rule_modules() -> list[Path]:
    """Every module under RULE_FOLDERS, in a stable order."""
    package = Path(__file__).resolve().parent.parent
    return sorted(
        path.relative_to(package) for folder in RULE_FOLDERS
        for path in (package / folder).rglob("*.py")
    )


def _entry(folder: Path, raw: bytes, kind: str = "plan") -> Path:
    key = hashlib.sha256(_fingerprint() + kind.encode() + b"\0" + raw).hexdigest()
    return folder / key[:2] / f"{key}.json"


def get(raw: bytes, kind: str = "plan") -> dict[str, Any] | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = json.loads(_entry(folder, raw, kind).read_text(encoding="utf-8"),
                          object_hook=_decode)
    except (OSError, TypeError, ValueError):  # an entry that is not ours: a miss
        return None
    return data if isinstance(data, dict) else None


def put(raw: bytes, data: dict[str, Any], kind: str = "plan") -> None:
    folder = cache_dir()
    if folder is None:
        return
    from napctl.output.fsutil import atomic_write

    target = _entry(folder, raw, kind)
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, json.dumps(_encode(data), ensure_ascii=False,
                                        separators=(",", ":")))
        _prune(target)


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


def _prune(newest: Path) -> None:
    """Keep ``newest`` and the most recent others, up to KEEP_PER_FOLDER in its folder."""
    others = [p for p in newest.parent.glob("*.json") if p != newest]
    others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in others[KEEP_PER_FOLDER - 1:]:
        with contextlib.suppress(OSError):
            old.unlink()
