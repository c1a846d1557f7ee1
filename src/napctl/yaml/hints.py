"""Plain sentences for the YAML mistakes people really make (issue 19).

libyaml says what its parser met (``mapping values are not allowed in this
context``); a person needs what YAML saw in their line and what to write
instead. Each hint reads the source line a problem points at, recognises one
mistake, and rewrites the problem's message (and its column, to the place to
fix). A problem no hint recognises is kept as it is.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from napctl.core.problems import Problem

#: ``key: value`` on a line (with any ``- `` list markers before the key).
_KEY_VALUE = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[^\s#'\"\[\]{},:][^:#]*?):[ ]+"
    r"(?P<value>\S.*?)\s*$"
)
_QUOTED_THEN_MORE = re.compile(r"""^(?P<q>["'])(?P<inner>.*?)(?P=q)\s*(?P<more>[^\s#].*)$""")


def explain(text: str, problems: Sequence[Problem]) -> list[Problem]:
    """``problems`` with the mistakes this module knows explained."""
    if not any(p.code in ("NAP103", "NAP203") for p in problems):
        return list(problems)
    lines = text.splitlines()
    return [_explained(lines, p) for p in problems]


def _explained(lines: list[str], problem: Problem) -> Problem:
    if not 1 <= problem.line <= len(lines):
        return problem
    hints: tuple[Callable[[list[str], Problem], Problem | None], ...] = (
        (_quote_then_more, _tab_indent, _colon_in_value, _over_indented)
        if problem.code == "NAP103"
        else (_comment_value,)
    )
    for hint in hints:
        better = hint(lines, problem)
        if better is not None:
            return better
    return problem


def _with(problem: Problem, line: int, column: int, message: str) -> Problem:
    return dataclasses.replace(problem, line=line, column=column, message=message)


def quoted_line(lead: str, key: str, value: str) -> str:
    """``key: 'value'`` as it should be written (single quotes: nothing to escape)."""
    return f"{lead}{key}: '{value.replace(chr(39), chr(39) * 2)}'".strip()


def _quote_then_more(lines: list[str], problem: Problem) -> Problem | None:
    """``title: "Women and Peace and Security" National Action Plan``."""
    for number in (problem.line, problem.line - 1):
        match = _KEY_VALUE.match(lines[number - 1]) if number >= 1 else None
        quoted = _QUOTED_THEN_MORE.match(match["value"]) if match else None
        if match and quoted:
            return _with(
                problem,
                number,
                match.start("value") + 1,
                (
                    f"the value of '{match['key'].strip()}' starts with a quote, so YAML reads"
                    f" {quoted['q']}{quoted['inner']}{quoted['q']} as the whole value and then"
                    f" finds more text; quote the whole value:"
                    f" {quoted_line('', match['key'].strip(), match['value'])}"
                ),
            )
    return None


def _tab_indent(lines: list[str], problem: Problem) -> Problem | None:
    for number in (problem.line, problem.line + 1):
        line = lines[number - 1] if number <= len(lines) else ""
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return _with(
                problem,
                number,
                indent.index("\t") + 1,
                "a tab character in the indentation: YAML indents with spaces only;"
                " replace the tab with spaces",
            )
    return None


def _colon_in_value(lines: list[str], problem: Problem) -> Problem | None:
    """``text: Train police officers: SGBV modules``."""
    if "mapping values are not allowed" not in problem.message:
        return None
    match = _KEY_VALUE.match(lines[problem.line - 1])
    if not match or match["value"][0] in "'\"[{|>&*!" or ": " not in match["value"] + " ":
        return None
    if problem.column - 1 < match.start("value"):
        return None
    key = match["key"].strip()
    return _with(
        problem,
        problem.line,
        problem.column,
        (
            f"the text after '{key}:' holds ': ' (a colon and a space), which YAML reads as the"
            f" start of another key; quote the whole value: {quoted_line('', key, match['value'])}"
        ),
    )


def _indent_of_key(line: str) -> int:
    """The column (0-based) where the line's key starts, after spaces and ``- `` markers."""
    match = re.match(r"^[ ]*(?:-[ ]+)*", line)
    return match.end() if match else 0


def _over_indented(lines: list[str], problem: Problem) -> Problem | None:
    """A key indented one space (or more) further than the key above it."""
    number = problem.line
    line = lines[number - 1]
    indent = len(line) - len(line.lstrip(" "))
    previous = next(
        (
            lines[i]
            for i in range(number - 2, -1, -1)
            if lines[i].strip() and not lines[i].lstrip().startswith("#")
        ),
        None,
    )
    if previous is None or not re.match(r"^[ ]*[^\s#:][^:]*:(\s|$)", line):
        return None
    above = _indent_of_key(previous)
    if indent <= above or previous.rstrip().endswith(":"):
        return None
    return _with(
        problem,
        number,
        indent + 1,
        (
            f"this line is indented by {indent} spaces, the key above it by {above}, so YAML"
            f" reads it as part of the value above; indent it by {above} spaces, like the key"
            " above"
        ),
    )


def _comment_value(lines: list[str], problem: Problem) -> Problem | None:
    """``text: #1 priority``: the value is a comment, so YAML reads it as empty."""
    if not problem.message.startswith("'' is read by YAML as null"):
        return None
    line = lines[problem.line - 1]
    match = re.match(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[^:#]+?):[ ]+(?P<value>#.*?)\s*$", line)
    if not match:
        return None
    key = match["key"].strip()
    return _with(
        problem,
        problem.line,
        match.start("value") + 1,
        (
            f"'#' after a space starts a comment, so YAML reads the value of '{key}' as empty;"
            f" quote it: {quoted_line('', key, match['value'])}"
        ),
    )
