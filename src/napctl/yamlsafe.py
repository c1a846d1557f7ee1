"""Safe YAML loading for plan files written by many hands.

Built on the event stream of PyYAML's C parser (libyaml) rather than on its
constructor, so that napctl decides what a value is:

- no anchors, aliases or merge keys (no expansion bombs, no shared nodes);
- no tags but the plain core ones (no ``!!python/...``, no custom tags);
- no duplicate keys and only string keys;
- plain scalars are typed as YAML 1.1 types them (``NO`` is false, ``1.10`` is
  1.1) and kept typed, so the schema can report them instead of silently
  turning them into strings;
- nesting is bounded and the construction is iterative, so depth cannot
  exhaust the stack.

Positions are not kept on the values: a second pass over the same text builds
a map from paths to positions when, and only when, something must be reported.
That keeps the common case, a valid file, as fast as parsing.
"""

from __future__ import annotations

import contextlib
import os
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

try:
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_TYPED_SCALARS = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "an integer",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "a date",
}
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

Path = tuple[str | int, ...]


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

    @property
    def index(self) -> SourceIndex:
        if self._index is None:
            self._index = SourceIndex()
            if self.text is not None:
                _build(self.text, self.file, DEFAULT_MAX_DEPTH, self._index)
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
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return None, [
                Problem(
                    display, 1, 1, "NAP102",
                    f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes"
                    " (raise it with --max-bytes)",
                )
            ]
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except IsADirectoryError:
        return None, [Problem(display, 0, 0, "NAP100", "is a folder, not a plan file")]
    except OSError as exc:
        return None, [Problem(display, 0, 0, "NAP100", f"cannot read file: {exc.strerror}")]
    if len(raw) > max_bytes:  # grew since stat
        return None, [Problem(display, 1, 1, "NAP102", f"file is over {max_bytes:,} bytes")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                display, line, column, "NAP101",
                f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot start a character;"
                " save the file as UTF-8",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []


def load_yaml_file(
    path: str,
    display: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> YamlDocument:
    display = display if display is not None else path
    text, problems = read_text(path, display, max_bytes)
    if text is None:
        return YamlDocument(display, None, None, problems)
    return parse_yaml(text, display, max_depth=max_depth)


def parse_yaml(text: str, file: str, *, max_depth: int = DEFAULT_MAX_DEPTH) -> YamlDocument:
    if text.startswith("\ufeff"):
        text = text[1:]
    data, problems = _build(text, file, max_depth, None)
    return YamlDocument(file, text, data if not problems else None, problems)


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _resolve_plain(value: str) -> str:
    for tag, regexp in _RESOLVERS.get(value[0] if value else "", ()):
        if regexp.match(value):
            return str(tag)
    return _STR


def _construct(tag: str, value: str) -> Any:
    node = yaml.ScalarNode(tag, value)
    return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)


_KEY = object()  # a mapping frame waiting for its next key
_SKIP = object()  # a mapping frame whose next value is dropped (duplicate key)


def _build(  # noqa: C901 - one tight loop over the event stream, on purpose
    text: str, file: str, max_depth: int, index: SourceIndex | None
) -> tuple[dict[str, Any] | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(mark: Any, code: str, message: str) -> None:  # mark: a libyaml Mark
        problems.append(Problem(file, mark.line + 1, mark.column + 1, code, message))

    parser = _Parser(text)
    # Typed as Any: the C parser's events are not typed precisely by the stubs.
    get_event: Any = parser.get_event
    event: Any
    root: dict[str, Any] | None = None
    # A frame: [container, path, pending key (or _KEY / _SKIP), is_mapping]
    stack: list[list[Any]] = []
    try:
        event = _open_document(get_event, problem)
        if event is None:
            return None, problems
        while True:
            cls: Any = type(event)
            if cls is ScalarEvent or cls is AliasEvent:
                frame = stack[-1]
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
                    tag = event.tag
                    value = event.value
                    if tag is None or tag == "!":
                        tag = _resolve_plain(value) if event.implicit[0] else _STR
                    if tag != _STR:
                        if tag in _TYPED_SCALARS:
                            if frame[2] is not _KEY:
                                # On failure keep the text; the schema reports the type.
                                with contextlib.suppress(ValueError, OverflowError, yaml.YAMLError):
                                    value = _construct(tag, value)
                        elif tag == _MERGE:
                            problem(event.start_mark, "NAP115",
                                    "merge keys (<<) are not allowed; write the keys out")
                        elif tag != _VALUE:
                            problem(event.start_mark, "NAP112", _tag_message(event.tag))
                if frame[3]:
                    if frame[2] is _KEY:
                        if cls is ScalarEvent and tag in _TYPED_SCALARS:
                            problem(event.start_mark, "NAP113",
                                    f"key {value!r} is read as {_TYPED_SCALARS[tag]}, not text;"
                                    f" quote it: \"{value}\"")
                        key = "" if value is None else str(value)
                        if key in frame[0]:
                            problem(event.start_mark, "NAP110",
                                    f"duplicate key '{key}': a key may appear once in a mapping")
                            frame[2] = _SKIP
                        else:
                            frame[2] = key
                            if index is not None:
                                index.keys[frame[1] + (key,)] = (
                                    event.start_mark.line + 1, event.start_mark.column + 1)
                        event = get_event()
                        continue
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
                    if frame[3]:
                        if frame[2] is _KEY:
                            problem(event.start_mark, "NAP113",
                                    "a key is a list or a mapping: keys must be text")
                            frame[2] = _SKIP
                            _skip_collection(get_event)
                            event = get_event()
                            continue
                        key = frame[2]
                        frame[2] = _KEY
                        if key is _SKIP:
                            _skip_collection(get_event)
                            event = get_event()
                            continue
                        frame[0][key] = container
                        path_step = key
                    else:
                        path_step = len(frame[0])
                        frame[0].append(container)
                    path = frame[1] + (path_step,) if index is not None else ()
                    if index is not None:
                        index.values[path] = (
                            event.start_mark.line + 1, event.start_mark.column + 1)
                    if len(stack) >= max_depth:
                        problem(event.start_mark, "NAP114",
                                f"nesting deeper than {max_depth} levels")
                        _skip_collection(get_event)
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
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "YAML syntax error"
        if mark is None:
            problems.append(Problem(file, 1, 1, "NAP103", what))
        else:
            problem(mark, "NAP103", what)
    except yaml.reader.ReaderError as exc:
        line, column = _offset_position(text, exc.position)
        problems.append(Problem(
            file, line, column, "NAP103",
            f"character U+{exc.character:04X} is not allowed in YAML"
            if isinstance(exc.character, int) else str(exc.reason)))
    except yaml.YAMLError as exc:
        problems.append(Problem(file, 1, 1, "NAP103", str(exc).splitlines()[0]))
    finally:
        parser.dispose()
    return root, problems


def _open_document(get_event: Any, problem: Any) -> Any:
    """The event that starts the top-level mapping, or None (reported)."""
    get_event()  # stream start
    event = get_event()
    if isinstance(event, StreamEndEvent):
        problem(event.start_mark, "NAP105", "file is empty: a plan is a mapping")
        return None
    event = get_event()  # the one after document start
    if not isinstance(event, MappingStartEvent):
        kind = "a list" if isinstance(event, SequenceStartEvent) else "a single value"
        problem(event.start_mark, "NAP105", f"top level is {kind}: a plan is a mapping")
        return None
    return event


def _tag_message(tag: str) -> str:
    shown = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
    return f"tag {shown} is not allowed: plan files are plain YAML"


def _skip_collection(get_event: Any) -> None:
    """Consume events up to the end of the collection just started."""
    depth = 1
    while depth:
        cls: Any = type(get_event())
        if cls is MappingStartEvent or cls is SequenceStartEvent:
            depth += 1
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            depth -= 1
