"""The corpus index: what every loaded document left for the checks across files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from napctl.problems import Problem, level_of


class IndexEntry(NamedTuple):
    kind: str  # the document kind's name
    file: str  # as shown in messages
    path: Path
    facts: Any  # DocumentKind.facts of the document's model


@dataclass(slots=True)
class CorpusIndex:
    entries: list[IndexEntry] = field(default_factory=list)

    def of_kind(self, kind: str) -> Iterator[IndexEntry]:
        return (e for e in self.entries if e.kind == kind)

    def kinds(self) -> list[str]:
        return list(dict.fromkeys(e.kind for e in self.entries))


class CorpusReport:
    """Where checks across files put their problems; positions are read only then."""

    __slots__ = ("problems", "rejected")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        #: Files an error across files keeps out of the corpus (a duplicate plan id).
        self.rejected: set[str] = set()

    def add(self, entry: IndexEntry, loc: tuple[str | int, ...], code: str,
            message: str) -> None:
        from napctl.load.yamlsafe import load_yaml_file

        line, column = load_yaml_file(str(entry.path), entry.file).position(loc)
        level = level_of(code)
        self.problems.append(Problem(entry.file, line, column, code, message, level))
        if level == "error":
            self.rejected.add(entry.file)
