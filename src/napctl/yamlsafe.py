"""Safe YAML loading for plan files written by many hands.

Built on the event stream of PyYAML's C parser (libyaml) rather than on its
constructor, so that napctl decides what a value is:

- no anchors, aliases or merge keys (no expansion bombs, no shared nodes);
- no tags but the plain core ones (no ``!!python/...``, no custom tags);
- no duplicate keys and only string keys;
- plain scalars are typed as YAML 1.1 types them (``NO`` is false, ``1.10`` is
  1.1), plus the YAML 1.2 numbers that 1.1 reads as text (``1e3``, ``0o17``),
  and kept typed, so the schema can report them instead of silently turning
  them into strings; a scalar YAML types but cannot convert (``2018-02-30``)
  is reported here;
- nesting is bounded and the construction is iterative, so depth cannot
  exhaust the stack;
- the number of values and of problems per file is bounded, so memory and
  time stay proportional to a plan, not to whatever a file holds.

Positions are not kept on the values: a second pass over the same text builds
a map from paths to positions when, and only when, something must be reported.
That keeps the common case, a valid file, as fast as parsing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from napctl.problems import Problem
from napctl.readfile import DEFAULT_MAX_BYTES, LINE_BREAK, decode_text, read_bytes, text_position

try:
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

DEFAULT_MAX_DEPTH = 64
#: Values (texts, numbers, lists, mappings) in one file. A large real plan has
#: a few thousand; the limit keeps a hostile file from filling the memory.
DEFAULT_MAX_NODES = 200_000
#: Problems reported for one file; the file is not read further.
MAX_PROBLEMS = 200
#: YAML's own limit for a plain key; ``? key`` has none, so napctl sets it.
MAX_KEY_LENGTH = 1024

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_TYPED_SCALARS = {
    "tag:yaml.org,2002:bool": "a boolean",
    _INT: "an integer",
    _FLOAT: "a number",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "a date",
}
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
# Numbers of the YAML 1.2 core schema that YAML 1.1 reads as text. Editors and
# JSON Schema checkers read YAML 1.2, so these must be quoted as well.
_YAML12_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_YAML12_OCTAL = re.compile(r"0o[0-7]+\Z")
_NUMBER_START = frozenset("0123456789+-.")
# What libyaml counts as a line break (YAML 1.1).
#: The longest number or date converted. Longer ones (``1:0:0:...`` takes time
#: quadratic in its length to convert) are refused as not convertible.
_MAX_NUMBER_LENGTH = 100
# What a constructor raises on a value its tag does not fit (`!!bool maybe`).
_CONSTRUCT_ERRORS = (
    ValueError, ArithmeticError, LookupError, AttributeError, TypeError, yaml.YAMLError,
)

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Limits:
    max_depth: int = DEFAULT_MAX_DEPTH
    max_nodes: int = DEFAULT_MAX_NODES
    max_problems: int = MAX_PROBLEMS


@dataclass(slots=True)
class SourceIndex:
    """Where each value (and each mapping key) of a document starts."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    #: For scalars YAML typed as something other than text: source text and type.
    typed: dict[Path, tuple[str, str]] = field(default_factory=dict)


@dataclass(slots=True)
class YamlDocument:
    """A parsed file: its data (None when unreadable) and the problems found."""

    file: str
    text: str | None
    data: dict[str, Any] | None
    problems: list[Problem]
    _index: SourceIndex | None = None
    limits: Limits = field(default_factory=Limits)

    @property
    def index(self) -> SourceIndex:
        if self._index is None:
            self._index = SourceIndex()
            if self.text is not None:
                _build(self.text, self.file, self.limits, self._index)
        return self._index

    def resolve(self, loc: Sequence[object]) -> Path:
        """The longest real path in the document that ``loc`` describes.

        Pydantic error locations mix path steps with names of union members;
        steps that do not lead anywhere in the document are skipped.
        """
        values = self.index.values
        path: Path = ()
        for step in loc:
            if isinstance(step, (str, int)) and (path + (step,)) in values:
                path = path + (step,)
        return path

    def position(self, loc: Sequence[object], *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value at ``loc`` (or of its key)."""
        path = self.resolve(loc)
        index = self.index
        if key and path in index.keys:
            return index.keys[path]
        return index.values.get(path, (1, 1))

    def typed_scalar(self, loc: Sequence[object]) -> tuple[str, str] | None:
        return self.index.typed.get(self.resolve(loc))


def read_text(path: str, display: str, max_bytes: int) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that keep it from being read as text."""
    raw, problems = read_bytes(path, display, max_bytes)
    if raw is None:
        return None, problems
    return decode_text(raw, display)


def load_yaml_file(
    path: str,
    display: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> YamlDocument:
    display = display if display is not None else path
    text, problems = read_text(path, display, max_bytes)
    if text is None:
        return YamlDocument(display, None, None, problems)
    return parse_yaml(text, display, max_depth=max_depth, max_nodes=max_nodes)


def parse_yaml(
    text: str,
    file: str,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> YamlDocument:
    if text.startswith("\ufeff"):
        text = text[1:]
    limits = Limits(max_depth, max_nodes)
    data, problems = _build(text, file, limits, None)
    return YamlDocument(file, text, data if not problems else None, problems, limits=limits)


def _byte_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of byte ``offset`` of the UTF-8 form of ``text`` (libyaml's offsets)."""
    prefix = text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "replace")
    return text_position(prefix, len(prefix))


def _resolve_plain(value: str) -> str:
    for tag, regexp in _RESOLVERS.get(value[0] if value else "", ()):
        if regexp.match(value):
            return str(tag)
    if value[:1] in _NUMBER_START:
        if _YAML12_FLOAT.match(value):
            return _FLOAT
        if _YAML12_OCTAL.match(value):
            return _INT
    return _STR


def _construct(tag: str, value: str) -> Any:
    if len(value) > _MAX_NUMBER_LENGTH:
        raise ValueError("too long to convert")
    if tag == _INT and value.startswith("0o"):
        return int(value[2:], 8)
    node = yaml.ScalarNode(tag, value)
    return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)


def _shown(value: str, limit: int = 60) -> str:
    """``value`` for a message: quoted, and shortened when long."""
    return repr(value) if len(value) <= limit else repr(value[:limit]) + "..."


def _quote_hint(value: str, limit: int = 60) -> str:
    return f'quote it if it is text: "{value}"' if len(value) <= limit else "quote it if it is text"


_KEY = object()  # a mapping frame waiting for its next key
_SKIP = object()  # a mapping frame whose next value is dropped (duplicate key)


class _Stop(Exception):
    """Stop reading the file: a limit was reached (and reported)."""


def _build(  # noqa: C901 - one tight loop over the event stream, on purpose
    text: str, file: str, limits: Limits, index: SourceIndex | None
) -> tuple[dict[str, Any] | None, list[Problem]]:
    problems: list[Problem] = []
    max_depth, max_nodes = limits.max_depth, limits.max_nodes

    def problem(mark: Any, code: str, message: str) -> None:  # mark: a libyaml Mark
        if len(problems) >= limits.max_problems:
            last = problems[-1]
            problems[-1] = Problem(
                last.file, last.line, last.column, last.code,
                f"{last.message} (stopped here: over {limits.max_problems} problems)")
            raise _Stop
        problems.append(Problem(file, mark.line + 1, mark.column + 1, code, message))

    def too_many(mark: Any) -> None:
        problem(mark, "NAP102",
                f"more than {max_nodes:,} values in one file: far more than a plan holds")
        raise _Stop

    def too_deep(mark: Any) -> None:
        # Stop reading: libyaml's time per token grows with the depth of flow nesting.
        problem(mark, "NAP114", f"nesting deeper than {max_depth} levels")
        raise _Stop

    try:
        parser = _Parser(text)
    except UnicodeEncodeError as exc:  # lone surrogates: text that no file can hold
        line, column = text_position(text, exc.start)
        return None, [Problem(file, line, column, "NAP101",
                              "text holds an unpaired surrogate: not UTF-8")]
    # Typed as Any: the C parser's events are not typed precisely by the stubs.
    get_event: Any = parser.get_event
    event: Any
    root: dict[str, Any] | None = None
    # A frame: [container, path, pending key (or _KEY / _SKIP), is_mapping]
    stack: list[list[Any]] = []
    nodes = 0
    try:
        event = _open_document(get_event, problem)
        if event is None:
            return None, problems
        while True:
            cls: Any = type(event)
            if cls is ScalarEvent or cls is AliasEvent:
                nodes += 1
                if nodes > max_nodes:
                    too_many(event.start_mark)
                frame = stack[-1]
                is_key = frame[3] and frame[2] is _KEY
                if cls is AliasEvent:
                    problem(event.start_mark, "NAP111",
                            f"alias *{event.anchor}: anchors and aliases are not allowed;"
                            " write the value out")
                    value: Any = None
                    tag = _STR
                else:
                    if event.anchor is not None:
                        problem(event.start_mark, "NAP111",
                                f"anchor &{event.anchor}: anchors and aliases are not allowed")
                    tag, value = _scalar(event, is_key, problem)
                if is_key:
                    if cls is ScalarEvent and tag in _TYPED_SCALARS:
                        problem(event.start_mark, "NAP113",
                                f"key {_shown(value)} is read as {_TYPED_SCALARS[tag]}, not text;"
                                f" {_quote_hint(value).replace(' if it is text', '')}")
                    key = "" if value is None else str(value)
                    if len(key) > MAX_KEY_LENGTH:
                        problem(event.start_mark, "NAP102",
                                f"key of {len(key):,} characters, over the limit of"
                                f" {MAX_KEY_LENGTH:,}: {_shown(key)}")
                        frame[2] = _SKIP
                    elif key in frame[0]:
                        problem(event.start_mark, "NAP110",
                                f"duplicate key {_shown(key)}: a key may appear once in a mapping")
                        frame[2] = _SKIP
                    else:
                        frame[2] = key
                        if index is not None:
                            index.keys[frame[1] + (key,)] = (
                                event.start_mark.line + 1, event.start_mark.column + 1)
                    event = get_event()
                    continue
                if frame[3]:
                    key = frame[2]
                    frame[2] = _KEY
                    if key is _SKIP:
                        event = get_event()
                        continue
                    frame[0][key] = value
                    path_step: str | int = key
                else:
                    path_step = len(frame[0])
                    frame[0].append(value)
                if index is not None:
                    path = frame[1] + (path_step,)
                    index.values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
                    if tag in _TYPED_SCALARS and cls is ScalarEvent:
                        index.typed[path] = (event.value, _TYPED_SCALARS[tag])
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                nodes += 1
                if nodes > max_nodes:
                    too_many(event.start_mark)
                mapping = cls is MappingStartEvent
                if event.anchor is not None:
                    problem(event.start_mark, "NAP111",
                            f"anchor &{event.anchor}: anchors and aliases are not allowed")
                if event.tag is not None and event.tag not in (_SEQ, _MAP, "!"):
                    problem(event.start_mark, "NAP112", _tag_message(event.tag))
                container: Any = {} if mapping else []
                if not stack:
                    root = container
                    path = ()
                    if index is not None:
                        index.values[path] = (
                            event.start_mark.line + 1, event.start_mark.column + 1)
                else:
                    frame = stack[-1]
                    skip = False
                    if frame[3]:
                        key = frame[2]
                        if key is _KEY:
                            problem(event.start_mark, "NAP113",
                                    "a key is a list or a mapping: keys must be text")
                            frame[2] = _SKIP
                            skip = True
                        else:
                            frame[2] = _KEY
                            skip = key is _SKIP
                        if not skip:
                            frame[0][key] = container
                            path_step = key
                    else:
                        path_step = len(frame[0])
                        frame[0].append(container)
                    if not skip:
                        path = frame[1] + (path_step,) if index is not None else ()
                        if index is not None:
                            index.values[path] = (
                                event.start_mark.line + 1, event.start_mark.column + 1)
                        if len(stack) >= max_depth:
                            too_deep(event.start_mark)
                    if skip:
                        nodes = _skip_collection(
                            get_event, event, nodes, max_nodes, len(stack),
                            max_depth - len(stack), too_many, too_deep)
                        event = get_event()
                        continue
                stack.append([container, path, _KEY, mapping])
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                stack.pop()
                if not stack:
                    break
            event = get_event()
        event = get_event()  # document end
        if isinstance(event, DocumentEndEvent):
            event = get_event()
        if isinstance(event, DocumentStartEvent):
            problem(event.start_mark, "NAP104",
                    "a second YAML document: a plan file holds one document")
    except _Stop:
        pass
    except _SkippedError as skipped:
        problems += _read_error_problems(
            file, text, skipped.error, (skipped.mark, skipped.depth), max_depth, key_pending=False)
    except yaml.YAMLError as exc:
        last = (event.end_mark, len(stack)) if stack else None
        key_pending = bool(stack) and stack[-1][3] and stack[-1][2] is _KEY
        problems += _read_error_problems(file, text, exc, last, max_depth, key_pending)
    finally:
        parser.dispose()
    return root, problems


class _SkippedError(Exception):
    """libyaml failed inside a collection that was being skipped."""

    def __init__(self, error: yaml.YAMLError, mark: Any, depth: int) -> None:
        super().__init__(str(error))
        self.error, self.mark, self.depth = error, mark, depth


def _read_error_problems(
    file: str, text: str, exc: yaml.YAMLError, last: tuple[Any, int] | None,
    max_depth: int, key_pending: bool,
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
        found.insert(0, Problem(file, first_line, first_column, "NAP113",
                                "a key is a list or a mapping: keys must be text"))
    return found


def _error_problem(file: str, text: str, exc: yaml.YAMLError) -> Problem:
    """NAP103 for an error libyaml raised while reading the file."""
    if isinstance(exc, yaml.MarkedYAMLError):
        return _syntax_problem(file, text, exc)
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = _byte_position(text, exc.position)
        return Problem(file, line, column, "NAP103",
                       f"character U+{exc.character:04X} is not allowed in YAML"
                       if isinstance(exc.character, int) else str(exc.reason))
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
    end = min(_offset_of(text, error.line + 1, error.column + 1) + 1 if error else len(text),
              len(text))
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
    return Problem(file, mark.line + 1, mark.column + 1, "NAP103", what)


def _scalar(event: Any, is_key: bool, problem: Any) -> tuple[str, Any]:
    """The tag YAML gives a scalar event and its value (typed, except for keys)."""
    value: Any = event.value
    tag = event.tag
    explicit = tag is not None and tag != "!"
    if not explicit:
        tag = _resolve_plain(value) if event.implicit[0] else _STR
    if tag == _STR:
        return tag, value
    if tag in _TYPED_SCALARS:
        if is_key:
            return tag, value  # reported as a key that is not text
        try:
            return tag, _construct(tag, value)
        except _CONSTRUCT_ERRORS:
            if explicit:
                problem(event.start_mark, "NAP112",
                        f"tag {_shown_tag(tag)} does not fit {_shown(value)}:"
                        " plan files are plain YAML; remove the tag")
            else:
                problem(event.start_mark, "NAP203",
                        f"{_shown(value)} is read by YAML as {_TYPED_SCALARS[tag]} that napctl"
                        f" cannot convert, not as text; {_quote_hint(value)}")
            return _STR, value
    if tag == _MERGE:
        problem(event.start_mark, "NAP115",
                "merge keys (<<) are not allowed; write the keys out")
    elif tag != _VALUE:
        problem(event.start_mark, "NAP112", _tag_message(tag))
    return tag, value


def _open_document(get_event: Any, problem: Any) -> Any:
    """The event that starts the top-level mapping, or None (reported)."""
    get_event()  # stream start
    event = get_event()
    if isinstance(event, StreamEndEvent):
        # Only comments or blanks: the end mark is past the last line; say line 1.
        problem(_FIRST, "NAP105", "file is empty: a plan is a mapping")
        return None
    event = get_event()  # the one after document start
    if not isinstance(event, MappingStartEvent):
        kind = "a list" if isinstance(event, SequenceStartEvent) else "a single value"
        problem(event.start_mark, "NAP105", f"top level is {kind}: a plan is a mapping")
        return None
    return event


@dataclass(frozen=True, slots=True)
class _Mark:
    line: int
    column: int


_FIRST = _Mark(0, 0)


def _shown_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def _tag_message(tag: str) -> str:
    return f"tag {_shown_tag(tag)} is not allowed: plan files are plain YAML"


def _skip_collection(
    get_event: Any, start: Any, nodes: int, max_nodes: int, base: int, room: int,
    too_many: Any, too_deep: Any,
) -> int:
    """Consume events up to the end of the collection ``start`` opened, ``base``
    collections deep; the nodes read so far.

    The limits hold as for the rest of the file: at most ``room`` levels deep,
    ``max_nodes`` values in all.
    """
    depth, event = 1, start
    while depth:
        try:
            event = get_event()
        except yaml.YAMLError as exc:
            raise _SkippedError(exc, event.end_mark, base + depth) from exc
        cls: Any = type(event)
        if cls is MappingStartEvent or cls is SequenceStartEvent:
            depth += 1
            if depth > room:
                too_deep(event.start_mark)
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            depth -= 1
            continue
        nodes += 1
        if nodes > max_nodes:
            too_many(event.start_mark)
    return nodes
