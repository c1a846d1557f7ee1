"""Writing a whole tree of files (a static site) under one folder: each file only when
its bytes differ, and the files an earlier build wrote that this one did not removed.

The rules are ``fsutil``'s (a file is replaced through a temporary file beside it,
never written outside the folder, a link written through only when it stays
inside); what this adds is their cost per file. A site of 110 plans is 100,000
files: ``atomic_write_bytes`` resolves every name's links from the root (a dozen
``stat`` calls) and creates its folder each time, which made the writing cost more
than the rendering. Here a folder is checked and created once, then a file costs one
``lstat``, and a read only when its size is unchanged.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from napctl.core.fsutil import (
    _new_file_mode,
    _replace,
    _write_temp,
    atomic_write_bytes,
    clean_stale_temps,
    inside_root,
    write_all,
)
from napctl.core.readfile import read_bytes, read_file

#: The list of the files the last build wrote, at the root of the tree: only those are
#: ever removed (a CNAME, a .nojekyll or a page of the user's own stays).
MANIFEST = ".napctl-files"


class TreeWriter:
    """Writes files under ``root``; counts what it wrote and what it left unchanged."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.written = 0
        self.unchanged = 0
        #: Every file of this build, as its parts under the root joined by "/".
        self.files: set[str] = set()
        #: Each folder checked so far: its parts joined by "/", and its path.
        self._folders: dict[str, Path] = {}
        self._mode = _new_file_mode()

    def write(self, parts: Sequence[str], data: bytes) -> bool:
        """Write ``data`` at ``root/parts`` unless it holds those bytes; True when written.

        OutsideRootError when a link on the way leads outside the root; OSError as
        ``atomic_write_bytes`` for a file that cannot be written.
        """
        folder = self._folder(parts[:-1])
        path = folder / parts[-1]
        self.files.add("/".join(parts))
        info = _lstat(path)
        if info is not None and not stat.S_ISREG(info.st_mode):
            # A link or something stranger: the general rules, links checked.
            atomic_write_bytes(path, data, durable=False, root=self.root)
        elif info is not None and info.st_size == len(data) and _holds(path, data):
            self.unchanged += 1
            return False
        elif info is None and _create(path, data):
            pass
        else:
            mode = self._mode if info is None else stat.S_IMODE(info.st_mode)
            _replace(path, data, mode, durable=False)
        self.written += 1
        return True

    @contextlib.contextmanager
    def stream(self, parts: Sequence[str]) -> Iterator[BinaryIO]:
        """A file written piece by piece (``handle.write``), put in place when the block
        ends, only if its bytes differ from what is there: a big file that is never
        held in memory whole. Nothing is put in place when the block raises."""
        folder = self._folder(parts[:-1])
        path = folder / parts[-1]
        self.files.add("/".join(parts))
        tmp = _write_temp(folder, path, b"", self._mode, durable=False)
        try:
            with open(tmp, "ab") as handle:
                yield handle
            self._settle(path, tmp)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)

    def _settle(self, path: Path, tmp: Path) -> None:
        """Put the finished temporary file ``tmp`` at ``path`` unless it holds its bytes."""
        info = _lstat(path)
        if info is not None and not stat.S_ISREG(info.st_mode):
            data = read_file(tmp, max_bytes=os.stat(tmp).st_size, kind="site file")
            atomic_write_bytes(path, data, durable=False, root=self.root)
        elif info is not None and filecmp.cmp(path, tmp, shallow=False):
            self.unchanged += 1
            return
        else:
            if info is not None:
                os.chmod(tmp, stat.S_IMODE(info.st_mode))
            os.replace(tmp, path)
        self.written += 1

    def adopt(self, files: Sequence[str], written: int, unchanged: int) -> None:
        """Count as this writer's the files another wrote under the same root (a worker
        process's), so that ``prune`` keeps them."""
        self.files.update(files)
        self.written += written
        self.unchanged += unchanged

    def _folder(self, parts: Sequence[str]) -> Path:
        """``root/parts``, created when missing; each folder is checked once, from the
        root down, so a folder costs one ``mkdir`` (plus an ``lstat`` when it exists)
        rather than resolving its whole path."""
        key = "/".join(parts)
        found = self._folders.get(key)
        if found is None:
            if not parts:
                found = self._checked(self.root)
            else:
                found = self._child(self._folder(parts[:-1]), parts[-1])
            self._folders[key] = found
        return found

    def _checked(self, folder: Path) -> Path:
        """The general rule: every link on the way followed, before and after creating."""
        inside_root(self.root, folder)  # before creating anything on the way
        folder.mkdir(parents=True, exist_ok=True)
        inside_root(self.root, folder)  # and as created
        clean_stale_temps(folder)
        return folder

    def _child(self, parent: Path, name: str) -> Path:
        """Folder ``name`` in ``parent``, a folder already checked. One this build creates
        is inside the root by construction; one already there is checked only when it is
        a link (it may lead anywhere) and cleaned of a killed run's temporary files."""
        folder = parent / name
        if name in ("", ".", "..") or os.sep in name or (os.altsep and os.altsep in name):
            return self._checked(folder)
        try:
            os.mkdir(folder)
        except FileExistsError:
            if stat.S_ISLNK(os.lstat(folder).st_mode):
                return self._checked(folder)
            clean_stale_temps(folder)
        return folder

    def prune(self) -> list[str]:
        """Remove the files the last build listed and this one did not write, then list
        this build's files for the next; the removed files' names (parts joined by "/")."""
        listed = self.root / MANIFEST
        before: set[str] = set()
        if listed.is_file() and not listed.is_symlink():
            raw, _problems = read_bytes(str(listed), str(listed), 64 * 1024 * 1024)
            if raw is not None:
                before = set(raw.decode("utf-8", "replace").splitlines())
        kept = set(self._folders.values())
        removed = [name for name in sorted(before - self.files) if self._remove(name, kept)]
        text = "".join(f"{name}\n" for name in sorted(self.files))
        atomic_write_bytes(listed, text.encode("utf-8"), durable=False, root=self.root)
        return removed

    def _remove(self, name: str, kept: set[Path]) -> bool:
        parts = [p for p in name.split("/") if p]
        if not parts or any(p in (".", "..") for p in parts) or parts == [MANIFEST]:
            return False  # a hand-edited list names nothing outside the tree
        path = self.root.joinpath(*parts)
        try:
            inside_root(self.root, path.parent)
            if not stat.S_ISREG(os.lstat(path).st_mode) and not path.is_symlink():
                return False
            os.unlink(path)
        except OSError:
            return False
        self._remove_empty(path.parent, kept)
        return True

    def _remove_empty(self, folder: Path, kept: set[Path]) -> None:
        """Remove the folders a removed file leaves empty, up to the first that is not."""
        root = os.path.abspath(self.root)
        while os.path.abspath(folder) != root and folder not in kept:
            try:
                os.rmdir(folder)
            except FileNotFoundError:
                pass
            except OSError:  # not empty: a file of this build's, or of the user's
                return
            folder = folder.parent


#: A new file: created here or not at all (never through a link, never over a file
#: that appeared meanwhile).
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def _create(path: Path, data: bytes) -> bool:
    """Write a file that does not exist yet in place: nobody's bytes are replaced, so no
    temporary file and rename are needed (half of a fresh site's writing time). False
    when something took the name meanwhile (then it is replaced the usual way). A run
    killed halfway leaves a short file, which the next build finds different and
    replaces."""
    try:
        fd = os.open(path, _CREATE | getattr(os, "O_CLOEXEC", 0), 0o666)
    except FileExistsError:
        return False
    try:
        write_all(fd, data)
    finally:
        os.close(fd)
    return True


def _lstat(path: Path) -> os.stat_result | None:
    """What is at ``path`` itself (a link is not followed); None when nothing is."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _holds(path: Path, data: bytes) -> bool:
    old, _problems = read_bytes(str(path), str(path), len(data))
    return old == data
