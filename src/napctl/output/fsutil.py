"""Writing files safely: atomically, and never outside the folder we were given."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, line ends as given) so that readers see the old file or the new."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half.

    The temporary file lives in the same folder, so the final rename stays on
    one file system and is atomic. Missing parent folders are created (one rule
    for every command); a new file follows the umask, a replaced file keeps its
    mode. Raises ``OSError`` (``IsADirectoryError`` when ``path`` is a folder).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a folder; name a file", str(path))
    folder.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes 0600 files; a report on a shared drive must stay readable.
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, else what the umask allows a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)  # the only portable way to read it is to set it
        os.umask(umask)
        return 0o666 & ~umask


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
