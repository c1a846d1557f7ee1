"""Problems as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from napctl.core.escape import printable
from napctl.core.problems import Problem
from napctl.output.writers import json_text


def as_text(problems: Sequence[Problem]) -> str:
    return "".join(
        f"{printable(p.file)}:{p.line}:{p.column}: {p.code} {printable(p.message)}\n"
        for p in problems
    )


def as_json(problems: Sequence[Problem]) -> str:
    return json_text([p.as_dict() for p in problems])


def escape_data(value: str) -> str:
    """GitHub's rules for a workflow command's message (after control characters are
    shown as escapes, so a newline can never start a command of its own)."""
    return printable(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem]) -> str:
    return "".join(
        f"::{p.level} file={escape_property(p.file)},line={max(p.line, 1)},"
        f"col={max(p.column, 1)},title={escape_property(p.code)}::"
        f"{escape_data(p.code + ' ' + p.message)}\n"
        for p in problems
    )


REPORTERS: dict[str, Callable[[Sequence[Problem]], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
}


def summary(problems: Sequence[Problem], files: int) -> str:
    noun = "file" if files == 1 else "files"
    if not problems:
        return f"{files} {noun} checked: all valid"
    bad = len({p.file for p in problems})
    count = len(problems)
    return (
        f"{files} {noun} checked: {count} problem{'s' if count != 1 else ''}"
        f" in {bad} file{'s' if bad != 1 else ''}"
    )
