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

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from napctl.core.problems import MAX_PROBLEMS, Problem
from napctl.core.readfile import DEFAULT_MAX_BYTES, decode_text, read_bytes
from napctl.yaml.build import MAX_KEY_LENGTH, Builder

DEFAULT_MAX_DEPTH = 64
#: Values (texts, numbers, lists, mappings) in one file. A large real plan has
#: a few thousand; the limit keeps a hostile file from filling the memory.
DEFAULT_MAX_NODES = 200_000
__all__ = [
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_NODES",
    "MAX_KEY_LENGTH",
    "MAX_PROBLEMS",
    "Limits",
    "SourceIndex",
    "YamlDocument",
    "load_yaml_file",
    "parse_yaml",
    "read_text",
]

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
    #: The document kind's name, for messages ("a plan is a mapping").
    kind: str = "plan"

    @property
    def index(self) -> SourceIndex:
        if self._index is None:
            self._index = SourceIndex()
            if self.text is not None:
                _build(self.text, self.file, self.limits, self._index, self.kind)
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


def read_text(
    path: str, display: str, max_bytes: int, *, kind: str = "plan"
) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that keep it from being read as text."""
    raw, problems = read_bytes(path, display, max_bytes, kind=kind)
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
    kind: str = "plan",
) -> YamlDocument:
    display = display if display is not None else path
    text, problems = read_text(path, display, max_bytes, kind=kind)
    if text is None:
        return YamlDocument(display, None, None, problems, kind=kind)
    return parse_yaml(text, display, max_depth=max_depth, max_nodes=max_nodes, kind=kind)


def parse_yaml(
    text: str,
    file: str,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
    kind: str = "plan",
) -> YamlDocument:
    """The data in ``text`` (None when it has problems) and its problems."""
    if text.startswith("\ufeff"):
        text = text[1:]
    limits = Limits(max_depth, max_nodes)
    data, problems = _build(text, file, limits, None, kind)
    return YamlDocument(
        file, text, data if not problems else None, problems, limits=limits, kind=kind
    )


def _build(
    text: str, file: str, limits: Limits, index: SourceIndex | None, kind: str
) -> tuple[dict[str, Any] | None, list[Problem]]:
    return Builder(text, file, limits, index, kind).run()
