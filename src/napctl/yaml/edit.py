"""Editing YAML as text: every character an edit does not name stays where it was.

napctl never dumps a file it edits again, so comments, key order, quotes, blank
lines, line breaks (LF, CRLF or CR) and a final line break (or its absence)
stay the file's own. An edit names spans of the text, found from the
positions libyaml's composer gives every node; its marks count characters,
not bytes (checked with non-ASCII and astral text), so they index the Python
string as it is.

- ``TextEdit.at`` and ``TextEdit.get`` find a node by its path of keys and
  indexes; ``TextEdit.column`` is where a new entry of a block collection goes.
- ``TextEdit.replace`` puts new text in place of a one-line scalar,
  ``TextEdit.replace_span`` in place of whole lines (a block: ``TextEdit.lines``).
- ``TextEdit.append`` adds lines after the last entry of a block sequence or
  mapping, or below the comments that follow it.
- ``scalar``, ``quoted`` and ``dump_items`` write new values so that napctl reads them back
  as the same text, by napctl's own typing (``napctl.yaml.types``): ``1e3``,
  ``0o17``, ``no`` and ``1.10`` are quoted.

Edits are collected and made at once by ``TextEdit.text``. One that cannot be
made as text raises EditError, with its position, before anything changes.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from typing import Any

import yaml

from napctl.core.problems import Problem
from napctl.core.readfile import LINE_BREAK
from napctl.model.texts import Translated
from napctl.yaml.types import STR, resolve_plain

# libyaml's composer where it is there: its marks count characters as the pure-Python
# one's do, at a tenth of the time per file.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Texts written plain when YAML reads them back as text: letters, digits, a few signs.
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/()-]*")
#: What libyaml counts as a line break (YAML 1.1), one character at a time.
_BREAKS = frozenset("\r\n\x85\u2028\u2029")
#: The line breaks other than CR and LF (YAML 1.1 has them; a dumped text escapes them).
_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")
#: Characters JSON leaves raw that YAML would read as a line break or refuse in a file.
_UNSAFE_IN_QUOTES = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


class EditError(Exception):
    """An edit napctl will not make as text: why, and where (nothing is changed).

    ``str()`` is the message alone; ``where`` and ``problem`` add the position.
    """

    def __init__(self, message: str, file: str = "", line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line  # 1-based; 0 when the edit concerns the whole file
        self.column = column

    @property
    def where(self) -> str:
        """``file:line:column``, or the file alone when no line is meant."""
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file

    def problem(self, code: str) -> Problem:
        return Problem(self.file, self.line, self.column, code, self.message)


def scalar(text: str) -> str:
    """``text`` as a one-line YAML scalar that napctl reads back as exactly that text:
    plain where it can be, else a JSON string (a valid YAML double-quoted scalar)."""
    return text if _plain_is_text(text) else quoted(text)


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar on one line, whatever it holds: a JSON
    string, with what YAML would fold as a line break or refuse escaped as well."""
    return _UNSAFE_IN_QUOTES.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False)
    )


@functools.lru_cache(maxsize=4096)
def _plain_is_text(text: str) -> bool:
    """Whether ``text`` written plain reads back as this text. Cached: 10,000 departments
    make 10,000 codes to write, most of them seen before."""
    return (
        bool(_PLAIN.fullmatch(text))
        and not text.endswith(" ")
        and ": " not in text
        and (" #" not in text)
        and resolve_plain(text) == STR
    )


class _Dumper(yaml.SafeDumper):
    """Sequences indented under their key (as in the bundled plans); a text is written
    plain only where napctl's typing, not YAML 1.1's alone, reads it back as text."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            return resolve_plain(value)
        return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML folds NEL, LS and PS into a single-quoted text as line breaks that read
    # back as spaces; a double-quoted one escapes them.
    style = '"' if _OTHER_BREAKS.search(value) else None
    return dumper.represent_scalar(STR, value, style=style)


def _represent_texts(dumper: yaml.SafeDumper, value: Translated) -> yaml.Node:
    # A text in several languages is written whole: its mapping, never its first language.
    if len(value.texts) > 1:
        return dumper.represent_dict(value.texts)
    return _represent_str(dumper, str(value))


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Translated, _represent_texts)


def dump_items(items: list[Any], column: int) -> str:
    """``items`` as block sequence entries whose dash is at ``column`` (lines end in LF)."""
    text = yaml.dump(
        items,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )
    pad = " " * column
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def dump_entries(data: dict[str, Any], column: int) -> str:
    """The keys of ``data`` as block mapping entries at ``column`` (lines end in LF)."""
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )
    pad = " " * column
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def newline_of(text: str) -> str:
    """The line break most of ``text``'s lines end with (LF, CRLF or CR; LF on a tie)."""
    crlf = text.count("\r\n")
    counts = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    return max(counts, key=lambda k: (counts[k], k == "\n"))


def _compose(body: str, file: str) -> yaml.Node:
    try:
        root = yaml.compose(body, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        raise EditError(
            f"it is not YAML napctl can read: {exc.problem}", file, line, column
        ) from None
    except yaml.YAMLError as exc:
        raise EditError(f"it is not YAML napctl can read: {exc}", file) from None
    if root is None:
        raise EditError("it is empty", file)
    return root


class TextEdit:
    """A YAML text (a byte-order mark kept aside) and the edits to make in it."""

    def __init__(self, text: str, file: str = "") -> None:
        self.file = file
        self.body = text.removeprefix("\ufeff")
        self._bom = text[: len(text) - len(self.body)]
        self.newline = newline_of(self.body)
        self.root = _compose(self.body, file)
        #: start, end, -rank (inner collections first), call order, new text
        self._spans: list[tuple[int, int, int, int, str]] = []

    # -- finding nodes ----------------------------------------------------------------

    def error(self, node: yaml.Node | None, message: str) -> EditError:
        """An EditError at ``node`` (at the whole file when None)."""
        if node is None:
            return EditError(message, self.file)
        return EditError(message, self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    @staticmethod
    def get(node: yaml.Node, key: str) -> yaml.Node | None:
        """The value of ``key`` in mapping ``node``; None when it has none (or is none)."""
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    return v  # type: ignore[no-any-return]
        return None

    def at(self, path: Sequence[str | int]) -> yaml.Node:
        """The node at ``path`` (keys of mappings, indexes of sequences) from the root.
        Raises EditError, at the last node found, when the path leads nowhere."""
        node = self.root
        for step in path:
            found = self.get(node, step) if isinstance(step, str) else None
            if (
                isinstance(step, int)
                and isinstance(node, yaml.SequenceNode)
                and (0 <= step < len(node.value))
            ):
                found = node.value[step]
            if found is None:
                raise self.error(
                    node,
                    f"no {step!r} found" if isinstance(step, str) else f"no item {step + 1} found",
                )
            node = found
        return node

    def column(self, node: yaml.Node) -> int:
        """The column of a new entry of block collection ``node``: its dashes or its keys."""
        self._block(node)
        if isinstance(node, yaml.SequenceNode):
            mark = node.start_mark  # a block sequence starts at its first dash
            if self.body.startswith("-", mark.index):
                return int(mark.column)
            first = node.value[0].start_mark
            line_start = first.index - first.column
            dash = self.body.rfind("-", line_start, first.index)
            return dash - line_start if dash >= 0 else int(first.column)
        return int(node.value[0][0].start_mark.column)

    # -- where lines go -----------------------------------------------------------------

    def _line_after(self, at: int) -> int:
        """The start of the line after the one ``at`` is on (``at`` when it starts one)."""
        text = self.body
        if (
            at > 0
            and text[at - 1] in _BREAKS
            and not (text[at - 1] == "\r" and text.startswith("\n", at))
        ):
            return at
        found = LINE_BREAK.search(text, at)
        return found.end() if found else len(text)

    def content_end(self, node: yaml.Node) -> int:
        """Where the line after ``node``'s last character starts: a block collection ends
        with its last entry; the comments and blank lines below it are not in it."""
        while (
            isinstance(node, yaml.MappingNode | yaml.SequenceNode)
            and (not node.flow_style)
            and node.value
        ):
            last = node.value[-1]
            node = last[1] if isinstance(node, yaml.MappingNode) else last
        return self._line_after(node.end_mark.index)

    def lines(self, node: yaml.Node) -> tuple[int, int]:
        """The whole lines ``node`` is on: from the start of its first line (with what is
        before it there: a key, a dash) to the start of the line after its last."""
        return int(node.start_mark.index - node.start_mark.column), self.content_end(node)

    def block_end(self, node: yaml.Node) -> int:
        """Where ``node``'s block ends: below its last entry and the comments and blank
        lines after it, at the start of the next line that is not its own."""
        at, column = node.end_mark.index, node.end_mark.column
        if at >= len(self.body):
            return len(self.body)
        if not self.body[at - column : at].strip(" "):
            return int(at - column)  # libyaml ends it at the next token, after its indent
        return self._line_after(at)

    # -- edits --------------------------------------------------------------------------

    def _block(self, node: yaml.Node) -> None:
        if (
            not isinstance(node, yaml.MappingNode | yaml.SequenceNode)
            or node.flow_style
            or (not node.value)
        ):
            raise self.error(
                node,
                "it is not a block list or mapping (one entry a line);"
                " napctl cannot add to it without rewriting it",
            )

    def replace(self, node: yaml.Node, new: str, what: str) -> None:
        """Put ``new`` (one line) in place of the one-line scalar ``node``."""
        if (
            not isinstance(node, yaml.ScalarNode)
            or node.style in ("|", ">")
            or (node.start_mark.line != node.end_mark.line)
        ):
            raise self.error(node, f"{what} is not a one-line value in the file; edit it there")
        self._add(node.start_mark.index, node.end_mark.index, 0, new)

    def replace_span(self, start: int, end: int, lines: str) -> None:
        """Put ``lines`` (whole lines, LF-ended) in place of ``body[start:end]``."""
        self._add(start, end, 0, lines)

    def append(self, node: yaml.Node, lines: str, *, below_comments: bool = False) -> None:
        """Add ``lines`` (whole lines, LF-ended, indented at ``column(node)`` by the caller)
        after the last entry of block collection ``node``, or, ``below_comments``, after
        the comments and blank lines that follow it too.

        Lines added at one place go in the order they were added, except that those of
        a collection come before those of the collections it is in (new actions of a
        goal before the goal's new sibling, a new indicator before the entry's new key).
        """
        self._block(node)
        at = self.block_end(node) if below_comments else self.content_end(node)
        self._add(at, at, node.start_mark.index, lines)

    def _add(self, start: int, end: int, rank: int, new: str) -> None:
        self._spans.append((start, end, -rank, len(self._spans), new))

    def mark(self) -> int:
        """How many edits are recorded: ``undo`` goes back to it (a refused item's)."""
        return len(self._spans)

    def undo(self, mark: int) -> None:
        del self._spans[mark:]

    def text(self) -> str:
        """The text with every edit made: new lines end with the file's line break, and a
        file without a final line break still has none."""
        body, out, last = self.body, [self._bom], 0
        open_end = bool(body) and body[-1] not in _BREAKS
        at_end = False
        for start, end, _rank, _n, new in sorted(self._spans):
            if start < last:
                raise ValueError(f"two edits overlap at character {start}")
            out.append(body[last:start])
            if start == len(body) and open_end and _last_char(out) not in _BREAKS:
                out.append(self.newline)  # lines added below the file's last line
            out.append(new.replace("\n", self.newline))
            last, at_end = end, end == len(body)
        out.append(body[last:])
        result = "".join(out)
        return result.removesuffix(self.newline) if open_end and at_end else result


def _last_char(parts: list[str]) -> str:
    return next((part[-1] for part in reversed(parts) if part), "")
