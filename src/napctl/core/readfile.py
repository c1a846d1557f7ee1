"""Reading a document's bytes and text, with the checks that come before YAML.

Kept apart from the YAML loader so that a query answered from the cache
(napctl.load.cache) reads files without importing PyYAML at all.
"""

from __future__ import annotations

import errno
import os
import re
import stat

from napctl.core.problems import Problem

#: Real plans are 50-100 KB; the limit keeps memory bounded (--max-bytes raises it).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: A checklist or a sheet given to `progress import` (a workbook's own bound).
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: What libyaml counts as a line break (YAML 1.1).
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _open(path: str) -> int:
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))


def read_bytes(
    path: str, display: str, max_bytes: int, *, kind: str = "plan"
) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or the problems that keep it from being read.

    The size is checked before anything is read, and no more than
    ``max_bytes + 1`` bytes are ever read (a file that grows, a device).
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; the mode is checked
        # on the open descriptor, so the file cannot be swapped between check and read.
        fd = _open(path)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(path)
            if not stat.S_ISREG(info.st_mode):
                # A pipe would block the read forever; a device never ends.
                return None, [
                    Problem(
                        display, 0, 0, "NAP100", "not a regular file (a pipe, a device or a socket)"
                    )
                ]
            size = info.st_size
            if size > max_bytes:
                return None, [
                    Problem(
                        display,
                        1,
                        1,
                        "NAP102",
                        f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes"
                        " (raise it with --max-bytes)",
                    )
                ]
            # Read what stat announced (not max_bytes: read(n) allocates n bytes at
            # once); one byte more shows a file that grew meanwhile.
            raw = handle.read(size + 1)
            if len(raw) > size:
                raw += handle.read(max_bytes + 1 - len(raw))
    except IsADirectoryError:
        return None, [Problem(display, 0, 0, "NAP100", f"is a folder, not a {kind} file")]
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, [Problem(display, 0, 0, "NAP100", f"cannot read file: {reason}")]
    if len(raw) > max_bytes:  # grew since stat, or not a regular file
        return None, [Problem(display, 1, 1, "NAP102", f"file is over {max_bytes:,} bytes")]
    return raw, []


class ReadRefusedError(OSError):
    """A file the bounded reader refused (a pipe, a device, a folder, too large)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(0, problem.message, problem.file)
        self.problem = problem

    def __str__(self) -> str:
        return self.problem.message


def read_file(
    path: str | os.PathLike[str],
    display: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    kind: str = "progress",
) -> bytes:
    """``read_bytes`` for callers that handle OSError: the bytes, or ReadRefusedError
    (an OSError whose ``strerror`` is the reason) with the problem it stands for."""
    raw, problems = read_bytes(os.fspath(path), display or os.fspath(path), max_bytes, kind=kind)
    if raw is None:
        if not os.path.lexists(path):  # callers tell "not there yet" from "refused"
            raise FileNotFoundError(errno.ENOENT, "no such file", os.fspath(path))
        raise ReadRefusedError(problems[0])
    return raw


def decode_text(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """The bytes as text (UTF-8, without a byte order mark), or why they are not."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Lines and columns in characters, counted as libyaml counts them elsewhere.
        before = raw[: exc.start].decode("utf-8").removeprefix("\ufeff")
        line, column = text_position(before, len(before))
        reason = _UTF8_REASONS.get(exc.reason, exc.reason)
        return None, [
            Problem(
                display,
                line,
                column,
                "NAP101",
                f"not UTF-8: byte 0x{raw[exc.start]:02x} {reason}; save the file as UTF-8",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []


_UTF8_REASONS = {
    "invalid start byte": "cannot start a character",
    "invalid continuation byte": "starts a character that the bytes after it do not complete",
    "unexpected end of data": "starts a character that the file ends inside",
}


def text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of character ``offset``, counting breaks as libyaml does."""
    line, start = 1, 0
    for match in LINE_BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1
