"""What to report when libyaml raises: a syntax error (NAP103), or nesting too deep.

libyaml scans ahead of the events it hands out, and newer releases refuse deep
flow nesting themselves: napctl's answer (NAP114) must not depend on which of
the two notices first, nor on libyaml's wording, so nesting is counted here again.
"""

from __future__ import annotations

from typing import Any

import yaml

from napctl.core.problems import Problem
from napctl.core.readfile import LINE_BREAK, text_position


class SkippedError(Exception):
    """libyaml failed inside a collection that was being skipped."""

    def __init__(self, error: yaml.YAMLError, mark: Any, depth: int) -> None:
        super().__init__(str(error))
        self.error, self.mark, self.depth = error, mark, depth


def read_error_problems(
    file: str,
    text: str,
    exc: yaml.YAMLError,
    last: tuple[Any, int] | None,
    max_depth: int,
    key_pending: bool,
) -> list[Problem]:
    """What to report for an error libyaml raised, ``last`` being the mark of the last
    event napctl received and how many collections were open then.

    libyaml scans ahead of the events it hands out, and newer releases refuse deep
    flow nesting themselves: napctl's answer must not depend on which of the two
    notices first, nor on libyaml's wording, so nesting is counted here again.
    """
    deep = _flow_too_deep(text, exc, *last, max_depth) if last else None
    if deep is None:
        return [_error_problem(file, text, exc)]
    (first_line, first_column), (line, column) = deep
    found = [Problem(file, line, column, "NAP114", f"nesting deeper than {max_depth} levels")]
    if key_pending:  # the collection read ahead is a key, as `? [[...` makes it
        found.insert(
            0,
            Problem(
                file,
                first_line,
                first_column,
                "NAP113",
                "a key is a list or a mapping: keys must be text",
            ),
        )
    return found


def _error_problem(file: str, text: str, exc: yaml.YAMLError) -> Problem:
    """NAP103 for an error libyaml raised while reading the file."""
    if isinstance(exc, yaml.MarkedYAMLError):
        return _syntax_problem(file, text, exc)
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = _byte_position(text, exc.position)
        return Problem(
            file,
            line,
            column,
            "NAP103",
            f"character U+{exc.character:04X} is not allowed in YAML"
            if isinstance(exc.character, int)
            else str(exc.reason),
        )
    return Problem(file, 1, 1, "NAP103", str(exc).splitlines()[0])


# Where a flow collection may open: after one of these (or at the start of a line),
# not inside a block plain scalar such as ``a [b``.
_FLOW_OPENERS_AFTER = frozenset("[{,:?-")


def _flow_too_deep(
    text: str, exc: yaml.YAMLError, mark: Any, depth: int, max_depth: int
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where the first flow collection after ``mark`` opens and where one first opens
    deeper than ``max_depth`` (``depth`` collections being open at ``mark``) before
    the error ``exc`` stopped libyaml; None if none does.

    By napctl's own count of the text libyaml scanned ahead: quoted scalars and
    comments are skipped, brackets that can open a flow collection counted.
    """
    offset = _offset_of(text, mark.line + 1, mark.column + 1)
    error = getattr(exc, "problem_mark", None)
    end = min(
        _offset_of(text, error.line + 1, error.column + 1) + 1 if error else len(text), len(text)
    )
    line, line_start, previous = mark.line + 1, offset - mark.column, ":"
    first: tuple[int, int] | None = None
    i = offset
    while i < end:
        char = text[i]
        if char in "[{" and previous in _FLOW_OPENERS_AFTER:
            first = first or (line, i - line_start + 1)
            if depth >= max_depth:
                return first, (line, i - line_start + 1)
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char in "'\"":
            i = _quoted_end(text, i)
        elif char == "#" and (i == 0 or text[i - 1] in " \t" or text[i - 1] in _BREAKS):
            i = _line_end(text, i) - 1
        elif char in _BREAKS:
            if char == "\r" and text.startswith("\n", i + 1):
                i += 1
            line, line_start, previous = line + 1, i + 1, ":"
            i += 1
            continue
        if char not in " \t":
            previous = char
        i += 1
    return None


_BREAKS = frozenset("\r\n\x85\u2028\u2029")


def _offset_of(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column, counting breaks as libyaml does."""
    offset = 0
    for _ in range(line - 1):
        offset = _line_end(text, offset)
        if offset >= len(text):
            return len(text)
        offset += 2 if text.startswith("\r\n", offset) else 1
    return min(offset + column - 1, len(text))


def _quoted_end(text: str, start: int) -> int:
    """The offset of the quote that closes the scalar opened at ``start``."""
    quote, i = text[start], start + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text.startswith("''", i):
                i += 2
                continue
            return i
        i += 1
    return len(text)


def _line_end(text: str, start: int) -> int:
    """The offset of the first line break at or after ``start`` (or the end of the text)."""
    match = LINE_BREAK.search(text, start)
    return match.start() if match else len(text)


def _syntax_problem(file: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """NAP103 where the fix is: an error found at the end of the file (an unclosed
    quote or bracket) is reported where the unclosed thing starts."""
    mark, context = exc.problem_mark, exc.context_mark
    what = exc.problem or exc.context or "YAML syntax error"
    if exc.problem and exc.context and context is not None:
        if mark is None or mark.index >= len(text):
            what, mark = f"{what} {exc.context} that starts here", context
        else:
            what = f"{what} {exc.context} that starts at line {context.line + 1}"
    mark = mark or context
    if mark is None:
        return Problem(file, 1, 1, "NAP103", what)
    if mark.index >= len(text.rstrip()) and text.strip():
        # Past the last character (libyaml's end of stream is on a line of its own when
        # the file ends without a break): the last character is where the file stops.
        line, column = text_position(text, len(text.rstrip()) - 1)
        return Problem(file, line, column, "NAP103", what)
    return Problem(file, mark.line + 1, mark.column + 1, "NAP103", what)


def _byte_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of byte ``offset`` of the UTF-8 form of ``text`` (libyaml's offsets)."""
    prefix = text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "replace")
    return text_position(prefix, len(prefix))
