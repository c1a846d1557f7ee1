"""The builder behind napctl.yaml.safe: libyaml's events -> plain data and problems.

One pass over the event stream, iterative (depth cannot exhaust the stack).
A frame of the stack is a container being filled; values are attached to
their parent in one place (``_attach``) and positions recorded in one place
(``_record``), only when a SourceIndex is asked for (the second pass).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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

from napctl.core.messages import quote_hint, shown_text
from napctl.core.problems import Problem, mark_stopped
from napctl.core.readfile import text_position
from napctl.yaml.errors import SkippedError, read_error_problems
from napctl.yaml.skip import skip_collection
from napctl.yaml.types import (
    CONSTRUCT_ERRORS,
    MAP,
    MERGE,
    SEQ,
    STR,
    TYPED_SCALARS,
    VALUE,
    construct,
    resolve_plain,
)

if TYPE_CHECKING:
    from napctl.yaml.safe import Limits, SourceIndex

try:
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

#: YAML's own limit for a plain key; ``? key`` has none, so napctl sets it.
MAX_KEY_LENGTH = 1024


Path = tuple[str | int, ...]

_KEY = object()  # a mapping frame waiting for its next key
_SKIP = object()  # a mapping frame whose next value is dropped (duplicate key)


class _Stop(Exception):
    """Stop reading the file: a limit was reached (and reported)."""


@dataclass(slots=True)
class _Frame:
    """A list or mapping being filled."""

    container: Any  # dict[str, Any] | list[Any]
    path: Path  # where it is in the document (() when positions are not recorded)
    pending: Any  # a mapping's key waiting for its value, or _KEY / _SKIP
    mapping: bool


@dataclass(frozen=True, slots=True)
class _Mark:
    line: int
    column: int


_FIRST = _Mark(0, 0)


class Builder:
    """Plain data from YAML text, with every problem (at most ``limits.max_problems``).

    ``kind`` is the document kind's name, for messages ("a plan is a mapping").
    With ``index``, the position of every value and key is recorded there.
    """

    def __init__(
        self, text: str, file: str, limits: Limits, index: SourceIndex | None, kind: str = "plan"
    ) -> None:
        self.text, self.file, self.limits, self.index, self.kind = (text, file, limits, index, kind)
        self._first_pass_index: SourceIndex | None = None
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.root: dict[str, Any] | None = None
        self.nodes = 0
        self.event: Any = None  # the last event received (where an error follows)

    # -- problems and limits ------------------------------------------------------
    def problem(self, mark: Any, code: str, message: str) -> None:  # mark: a libyaml Mark
        if len(self.problems) >= self.limits.max_problems:
            mark_stopped(self.problems, self.limits.max_problems)
            raise _Stop
        self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, code, message))

    def too_many(self, mark: Any) -> None:
        self.problem(
            mark,
            "NAP102",
            f"more than {self.limits.max_nodes:,} values in one file:"
            f" far more than a {self.kind} holds",
        )
        raise _Stop

    def too_deep(self, mark: Any) -> None:
        # Stop reading: libyaml's time per token grows with the depth of flow nesting.
        self.problem(mark, "NAP114", f"nesting deeper than {self.limits.max_depth} levels")
        raise _Stop

    def count(self, mark: Any) -> None:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            self.too_many(mark)

    def tag_message(self, tag: str) -> str:
        return f"tag {_shown_tag(tag)} is not allowed: {self.kind} files are plain YAML"

    # -- the one place for attaching values and the one for recording positions -----
    def _attach(self, frame: _Frame, value: Any) -> str | int | None:
        """Put ``value`` in ``frame``; its key or index, or None when it is dropped."""
        if frame.mapping:
            key = frame.pending
            frame.pending = _KEY
            if key is _SKIP:
                return None
            frame.container[key] = value
            return key  # type: ignore[no-any-return]
        frame.container.append(value)
        return len(frame.container) - 1

    def _key_position(self, path: Path) -> tuple[int, int] | None:
        """Where the key at ``path`` first appears: from the index, built for the first
        duplicate when this pass keeps none (duplicates are rare; positions cost)."""
        if self.index is None:
            if self._first_pass_index is None:
                from napctl.yaml.safe import SourceIndex  # lazy: import cycle (safe imports build)

                self._first_pass_index = SourceIndex()
                Builder(self.text, self.file, self.limits, self._first_pass_index, self.kind).run()
            return self._first_pass_index.keys.get(path)
        return self.index.keys.get(path)

    def _record(self, path: Path, mark: Any, table: str = "values") -> None:
        if self.index is not None:
            getattr(self.index, table)[path] = (mark.line + 1, mark.column + 1)

    # -- the run --------------------------------------------------------------------
    def run(self) -> tuple[dict[str, Any] | None, list[Problem]]:
        try:
            parser = _Parser(self.text)
        except UnicodeEncodeError as exc:  # lone surrogates: text that no file can hold
            line, column = text_position(self.text, exc.start)
            return None, [
                Problem(
                    self.file, line, column, "NAP101", "text holds an unpaired surrogate: not UTF-8"
                )
            ]
        try:
            self._events(parser.get_event)
        except _Stop:
            pass
        except SkippedError as skipped:
            self.problems += read_error_problems(
                self.file,
                self.text,
                skipped.error,
                (skipped.mark, skipped.depth),
                self.limits.max_depth,
                key_pending=False,
            )
        except yaml.YAMLError as exc:
            stack = self.stack
            last = (self.event.end_mark, len(stack)) if stack else None
            key_pending = bool(stack) and stack[-1].mapping and stack[-1].pending is _KEY
            self.problems += read_error_problems(
                self.file, self.text, exc, last, self.limits.max_depth, key_pending
            )
        finally:
            parser.dispose()
        return self.root, self.problems

    def _events(self, get_event: Any) -> None:
        self.event = event = self._open_document(get_event)
        if event is None:
            return
        stack = self.stack
        while True:
            cls: Any = type(event)
            if cls is ScalarEvent or cls is AliasEvent:
                self._scalar_event(event, cls is AliasEvent)
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                if not self._collection_start(event, cls is MappingStartEvent):
                    self.nodes = skip_collection(
                        get_event,
                        event,
                        self.nodes,
                        self.limits.max_nodes,
                        len(stack),
                        self.limits.max_depth - len(stack),
                        self.too_many,
                        self.too_deep,
                    )
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                stack.pop()
                if not stack:
                    break
            self.event = event = get_event()
        self._document_end(get_event)

    def _scalar_event(self, event: Any, alias: bool) -> None:
        self.count(event.start_mark)
        frame = self.stack[-1]
        is_key = frame.mapping and frame.pending is _KEY
        if alias:
            self.problem(
                event.start_mark,
                "NAP111",
                f"alias *{event.anchor}: anchors and aliases are not allowed; write the value out",
            )
            value: Any = None
            tag = STR
        else:
            if event.anchor is not None:
                self.problem(
                    event.start_mark,
                    "NAP111",
                    f"anchor &{event.anchor}: anchors and aliases are not allowed",
                )
            tag, value = self._scalar(event, is_key)
        if is_key:
            self._key(
                frame,
                event,
                "" if value is None else str(value),
                not alias and tag in TYPED_SCALARS,
                tag,
            )
            return
        step = self._attach(frame, value)
        if step is None or self.index is None:
            return
        path = frame.path + (step,)
        self._record(path, event.start_mark)
        if tag in TYPED_SCALARS and not alias:
            self.index.typed[path] = (event.value, TYPED_SCALARS[tag])

    def _key(self, frame: _Frame, event: Any, key: str, typed: bool, tag: str) -> None:
        mark = event.start_mark
        if typed:
            self.problem(
                mark,
                "NAP113",
                f"key {shown_text(key)} is read as {TYPED_SCALARS[tag]}, not text;"
                f" {quote_hint(key).replace(' if it is text', '')}",
            )
        if len(key) > MAX_KEY_LENGTH:
            self.problem(
                mark,
                "NAP102",
                f"key of {len(key):,} characters, over the limit of"
                f" {MAX_KEY_LENGTH:,}: {shown_text(key)}",
            )
            frame.pending = _SKIP
        elif key in frame.container:
            first = self._key_position(frame.path + (key,))
            where = f" (first on line {first[0]})" if first else ""
            self.problem(
                mark,
                "NAP110",
                f"duplicate key {shown_text(key)}{where}: a key may appear once in a mapping",
            )
            frame.pending = _SKIP
        else:
            frame.pending = key
            self._record(frame.path + (key,), mark, "keys")

    def _collection_start(self, event: Any, mapping: bool) -> bool:
        """Open a list or mapping; False when it is to be skipped (a key, a duplicate)."""
        mark = event.start_mark
        self.count(mark)
        if event.anchor is not None:
            self.problem(
                mark, "NAP111", f"anchor &{event.anchor}: anchors and aliases are not allowed"
            )
        if event.tag is not None and event.tag not in (SEQ, MAP, "!"):
            self.problem(mark, "NAP112", self.tag_message(event.tag))
        container: Any = {} if mapping else []
        path: Path = ()
        if not self.stack:
            self.root = container
            self._record(path, mark)
        else:
            frame = self.stack[-1]
            if frame.mapping and frame.pending is _KEY:
                self.problem(mark, "NAP113", "a key is a list or a mapping: keys must be text")
                frame.pending = _SKIP
                return False
            step = self._attach(frame, container)
            if step is None:
                return False
            if self.index is not None:
                path = frame.path + (step,)
                self._record(path, mark)
            if len(self.stack) >= self.limits.max_depth:
                self.too_deep(mark)
        self.stack.append(_Frame(container, path, _KEY, mapping))
        return True

    def _scalar(self, event: Any, is_key: bool) -> tuple[str, Any]:
        """The tag YAML gives a scalar event and its value (typed, except for keys)."""
        value: Any = event.value
        tag = event.tag
        explicit = tag is not None and tag != "!"
        if not explicit:
            tag = resolve_plain(value) if event.implicit[0] else STR
        if tag == STR:
            return tag, value
        if tag in TYPED_SCALARS:
            if is_key:
                return tag, value  # reported as a key that is not text
            try:
                return tag, construct(tag, value)
            except CONSTRUCT_ERRORS:
                self._unconvertible(event.start_mark, tag, value, explicit)
                return STR, value
        if tag == MERGE:
            self.problem(
                event.start_mark, "NAP115", "merge keys (<<) are not allowed; write the keys out"
            )
        elif tag != VALUE:
            self.problem(event.start_mark, "NAP112", self.tag_message(tag))
        return tag, value

    def _unconvertible(self, mark: Any, tag: str, value: str, explicit: bool) -> None:
        if explicit:
            self.problem(
                mark,
                "NAP112",
                f"tag {_shown_tag(tag)} does not fit {shown_text(value)}:"
                f" {self.kind} files are plain YAML; remove the tag",
            )
        else:
            self.problem(
                mark,
                "NAP203",
                f"{shown_text(value)} is read by YAML as {TYPED_SCALARS[tag]} that"
                f" napctl cannot convert, not as text; {quote_hint(value)}",
            )

    def _open_document(self, get_event: Any) -> Any:
        """The event that starts the top-level mapping, or None (reported)."""
        get_event()  # stream start
        event = get_event()
        if isinstance(event, StreamEndEvent):
            # Only comments or blanks: the end mark is past the last line; say line 1.
            self.problem(_FIRST, "NAP105", f"file is empty: a {self.kind} is a mapping")
            return None
        event = get_event()  # the one after document start
        if not isinstance(event, MappingStartEvent):
            shape = "a list" if isinstance(event, SequenceStartEvent) else "a single value"
            self.problem(
                event.start_mark, "NAP105", f"top level is {shape}: a {self.kind} is a mapping"
            )
            return None
        return event

    def _document_end(self, get_event: Any) -> None:
        event = get_event()  # document end
        if isinstance(event, DocumentEndEvent):
            event = get_event()
        if isinstance(event, DocumentStartEvent):
            self.problem(
                event.start_mark,
                "NAP104",
                f"a second YAML document: a {self.kind} file holds one document",
            )


def _shown_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag
