"""Writing files safely: atomically, and never outside the folder we were given."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path


def atomic_write(path: Path, text: str, *, replace_any: bool = False) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new, never half.

    The temporary file lives in the same folder, so the final rename stays on
    one file system and is atomic. ``replace_any`` replaces whatever has the
    name (a folder napctl owns, such as the cache).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slugify(name: str, *, max_length: int = 80) -> str:
    """A file-name-safe slug: ``MAEE D5`` -> ``maee-d5``, ``../x`` -> ``x``.

    Only ASCII letters, digits and single dashes survive, so a slug can hold no
    path separator, no dot-dot and no hidden-file dot.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _SLUG_DROP.sub("-", ascii_name.lower()).strip("-")[:max_length].strip("-")
    return slug or "department"


def safe_child(folder: Path, name: str) -> Path:
    """``folder / name``, refusing anything that would resolve outside ``folder``."""
    base = folder.resolve()
    target = (base / name).resolve()
    if target.parent != base:
        raise ValueError(f"{name!r} would be written outside {folder}")
    return target
