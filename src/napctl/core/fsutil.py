"""Writing files safely: atomically, and never outside the folder we were given."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
import time
from pathlib import Path

#: Where a name is a window onto a stream (``/dev/stdout``, ``/proc/self/fd/1``):
#: written to directly, never replaced by a file.
_STREAM_FOLDERS = ("/dev/", "/proc/")
#: Our temporary files: ``.NAME.napctl-PID-TOKEN.tmp``; and those of earlier versions.
_TEMP = re.compile(r"\..+\.napctl-(\d+)-[0-9a-f]{8}\.tmp\Z")
_OLD_TEMP = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp\Z")
#: A temporary file older than this is stale whatever process made it.
STALE_SECONDS = 3600
_CLEANED: set[str] = set()


class OutsideRootError(OSError):
    """A file to write whose name, links followed, leads outside the folder it belongs in."""


def inside_root(root: Path, path: Path) -> Path:
    """The one safe-target rule: ``path`` with every link on its way followed, when that
    is ``root`` or below it (``root`` itself resolved too, so a linked root is the
    user's choice); else OutsideRootError.

    A name inside a repository is a promise about where a write lands: a year
    folder, a progress file or a sibling checklist that is a link to elsewhere
    would turn a write into one outside the repository.
    """
    base = os.path.realpath(root)
    real = os.path.realpath(path)
    if real != base and not real.startswith(base.rstrip(os.sep) + os.sep):
        raise OutsideRootError(
            errno.EXDEV,
            f"a link leads outside {root} (to {real}); napctl writes only inside it",
            str(path),
        )
    return Path(real)


def atomic_write(
    path: Path,
    text: str,
    *,
    replace_any: bool = False,
    durable: bool = True,
    root: Path | None = None,
    max_bytes: int | None = None,
) -> None:
    """Write ``text`` (UTF-8, line ends as given): see ``atomic_write_bytes``."""
    if str(path) == "-":
        sys.stdout.write(text)
        return
    atomic_write_bytes(
        path,
        text.encode("utf-8"),
        replace_any=replace_any,
        durable=durable,
        root=root,
        max_bytes=max_bytes,
    )


def atomic_write_bytes(
    path: Path,
    data: bytes,
    *,
    replace_any: bool = False,
    durable: bool = True,
    root: Path | None = None,
    max_bytes: int | None = None,
) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new, never half.

    - ``-`` is standard output.
    - A regular file is replaced through a temporary file in its folder (one
      file system, so the rename is atomic); a replaced file keeps its mode, a
      new one gets the umask's.
    - A symbolic link is written through: the file it points to is replaced
      and the link stays (a link to nothing is refused).
    - A character device or a FIFO (``/dev/null``, a terminal, ``/dev/stdout``)
      is written to directly, never replaced; a FIFO without a reader, a
      block device, a socket and a folder are refused (OSError).
    - Missing parent folders are created (one rule for every command).
    - Temporary files left by a killed run in the folder are removed first.

    ``root``: the folder the file belongs in (a progress root, a checklist
    folder); a name that, links followed, leads outside it is refused
    (OutsideRootError) before anything is written (``inside_root``).
    ``max_bytes``: the most a reader of the file will read (a progress file:
    what `napctl validate` reads); more is refused (OSError EFBIG), so napctl
    never writes a file it would then refuse to read.

    ``replace_any`` replaces whatever has the name (a folder napctl owns, such
    as the cache's). ``durable=False`` skips flushing the data to disk before the
    rename, for files whose loss or truncation in a crash costs nothing (the
    cache's entries, which are checked when read). Raises OSError with a
    ``strerror`` fit for a message.
    """
    path = Path(path)
    if str(path) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return
    _check_target(path, data, root, max_bytes)
    if replace_any:
        _replace(path, data, None, durable=durable)
        return
    info = _target_info(path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_special(path, data, info)
        return
    if str(path).startswith(_STREAM_FOLDERS) and path.is_symlink():
        _write_special(path, data, info)  # /dev/stdout redirected to a file
        return
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    _replace(real, data, None if info is None else stat.S_IMODE(info.st_mode), durable=durable)


def _target_info(path: Path) -> os.stat_result | None:
    """What ``path`` names, links followed; None when nothing is there yet."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise FileNotFoundError(errno.ENOENT, "a symbolic link to nothing", str(path)) from None
        return None


def _write_special(path: Path, data: bytes, info: os.stat_result | None) -> None:
    mode = info.st_mode if info is not None else 0
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder; name a file", str(path))
    if info is not None and not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISREG(mode)):
        raise OSError(
            errno.EINVAL, "not a file, a terminal or a pipe (a block device or a socket)", str(path)
        )
    flags = os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "a pipe that nobody reads", str(path)) from exc
        raise
    try:
        os.set_blocking(fd, True)
        write_all(fd, data)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """All of ``data`` to the open descriptor ``fd`` (a write may take only part)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _replace(path: Path, data: bytes, mode: int | None, *, durable: bool = True) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(folder)
    tmp = _write_temp(folder, path, data, mode, durable=durable)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _write_temp(folder: Path, path: Path, data: bytes, mode: int | None, *, durable: bool) -> Path:
    """``data`` in a new temporary file beside ``path``, flushed to disk when ``durable``."""
    tmp = folder / f".{path.name}.napctl-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(
            tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
        )
    except OSError as exc:  # name the file asked for, not our temporary one
        reason = f"no folder {folder}" if exc.errno == errno.ENOENT else exc.strerror
        raise type(exc)(exc.errno, reason, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), _new_file_mode() if mode is None else mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


#: A batch of at least this many files is made durable by one sync, not a flush per file.
BATCH_SYNC_MIN = 16
_SYNC = getattr(os, "sync", None)


class NewFiles:
    """Files written as one batch, each as ``atomic_write_bytes`` would: readers see the
    old file or the new, never half of one.

    ``add`` writes a file's data to a temporary file beside it (or, when something
    is already at the name, writes it at once with ``atomic_write_bytes``);
    ``commit`` makes every temporary file durable and only then renames it into
    place. A large batch is made durable by one ``os.sync()`` instead of an
    ``fsync`` per file: `progress init` on a registry of 10,000 departments writes
    10,000 files, and 10,000 flushes to disk took 3 to 4 s where everything else
    takes 2 (issue 20). Leaving the block without ``commit`` (an exception)
    removes the temporary files; nothing is renamed.
    """

    def __init__(self, root: Path | None = None) -> None:
        self._pending: list[tuple[Path, Path]] = []
        #: ``root``: every file must land inside it (``inside_root``); each folder is
        #: resolved once, then a name costs one ``lstat`` (10,000 files in one folder).
        self._root = root
        self._folders: dict[str, Path] = {}

    def __enter__(self) -> NewFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        for tmp, _ in self._pending:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        self._pending.clear()

    def add(self, path: Path, data: bytes) -> None:
        """Write ``path`` with the batch; OutsideRootError when it leads out of the root."""
        path = Path(path)
        if self._root is not None:
            self._check(self._root, path)
        if _target_info(path) is not None or str(path).startswith(_STREAM_FOLDERS):
            atomic_write_bytes(path, data, root=self._root)  # not new after all
            return
        folder = path.parent if str(path.parent) else Path(".")
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale_temps(folder)
        # Without os.sync (Windows), each file is flushed as it is written.
        tmp = _write_temp(folder, path, data, _new_file_mode(), durable=_SYNC is None)
        self._pending.append((tmp, path))

    def _check(self, root: Path, path: Path) -> None:
        key = str(path.parent)
        if key not in self._folders:
            self._folders[key] = inside_root(root, path.parent)
        if os.path.islink(path):
            inside_root(root, path)

    def commit(self) -> None:
        pending, self._pending = self._pending, []
        try:
            if _SYNC is not None and len(pending) >= BATCH_SYNC_MIN:
                _SYNC()
            elif _SYNC is not None:
                for tmp, _ in pending:
                    fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                    try:
                        os.fsync(fd)
                    finally:
                        os.close(fd)
            while pending:
                tmp, path = pending[0]
                os.replace(tmp, path)
                pending.pop(0)
        finally:
            self._pending = pending  # whatever was not renamed: removed on exit


def _new_file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files a killed run left in ``folder`` (once per process).

    Ours name the process that made them: stale when it is gone or the file is
    older than STALE_SECONDS. Those of earlier versions only by age.
    """
    key = os.path.abspath(folder)
    if key in _CLEANED:
        return []
    _CLEANED.add(key)
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(folder) if n.endswith(".tmp") and n.startswith(".")]
    except OSError:
        return removed
    now = time.time()
    for name in names:
        ours, old = _TEMP.match(name), _OLD_TEMP.match(name)
        if not (ours or old):
            continue
        candidate = folder / name
        with contextlib.suppress(OSError):
            info = os.lstat(candidate)
            aged = now - info.st_mtime > STALE_SECONDS
            gone = ours is not None and not _alive(int(ours.group(1)))
            if stat.S_ISREG(info.st_mode) and (aged or gone):
                os.unlink(candidate)
                removed.append(candidate)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


class ChangedMeanwhile(OSError):
    """The file is no longer what the caller read: another process wrote it since."""


def _check_target(path: Path, data: bytes, root: Path | None, max_bytes: int | None) -> None:
    if root is not None:
        inside_root(root, path)
    if max_bytes is not None and len(data) > max_bytes:
        raise OSError(
            errno.EFBIG,
            f"it would be {len(data):,} bytes, over the {max_bytes:,} bytes napctl reads of it",
            str(path),
        )


def replace_if_unchanged(
    path: Path,
    data: bytes,
    expected: bytes,
    *,
    root: Path | None = None,
    max_bytes: int | None = None,
) -> None:
    """Replace the regular file ``path`` by ``data`` only if it still holds ``expected``:
    a read-modify-write that never loses another writer's edit (two imports of one
    file at once). The comparison and the rename happen under an exclusive lock on the
    file, so a second writer waits, then sees the new bytes and is refused.

    Raises ChangedMeanwhile when the bytes differ; OSError as ``atomic_write_bytes``.
    """
    import fcntl  # lazy: POSIX only

    _check_target(path, data, root, max_bytes)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # released when fd is closed, after the rename
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        with open(path, "rb") as handle:  # the name's file now: a writer may have renamed
            current = handle.read(len(expected) + 1)
        if current != expected:
            raise ChangedMeanwhile(
                errno.EAGAIN,
                "it changed while napctl was editing it"
                " (another import?); nothing was written: import again",
                str(path),
            )
        _replace(path, data, stat.S_IMODE(info.st_mode))
    finally:
        os.close(fd)
