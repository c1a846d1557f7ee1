"""Problems as text, JSON or GitHub workflow annotations: for validate and review alike."""

from __future__ import annotations

from collections.abc import Sequence

from napctl.core.codes import Level
from napctl.core.escape import printable
from napctl.core.problems import Problem
from napctl.output.writers import json_text

#: The workflow command of each level: GitHub knows error, warning and notice only
#: (a line such as ``::info ...`` makes no annotation), so advice ("info") is a notice.
ANNOTATIONS: dict[Level, str] = {"error": "error", "warning": "warning", "info": "notice"}


def as_text(problems: Sequence[Problem]) -> str:
    """``file:line:col: CODE message``; a problem that is not an error says its level
    first (``CODE warning: message``), so advice never reads as a failure."""
    return "".join(
        f"{printable(p.file)}:{p.line}:{p.column}: {p.code}"
        f"{'' if p.level == 'error' else ' ' + p.level + ':'} {printable(p.message)}\n"
        for p in problems
    )


def records(problems: Sequence[Problem]) -> list[dict[str, object]]:
    """The JSON records of ``problems`` (see ``Problem.as_dict`` for their keys)."""
    return [p.as_dict() for p in problems]


def as_json(problems: Sequence[Problem]) -> str:
    return json_text(records(problems))


def escape_data(value: str) -> str:
    """GitHub's rules for a workflow command's message (after control characters are
    shown as escapes, so a newline can never start a command of its own)."""
    return printable(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem]) -> str:
    return "".join(
        f"::{ANNOTATIONS[p.level]} file={escape_property(p.file)},line={max(p.line, 1)},"
        f"col={max(p.column, 1)},title={escape_property(p.code)}::"
        f"{escape_data(p.code + ' ' + p.message)}\n"
        for p in problems
    )


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
