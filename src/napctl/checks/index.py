"""The corpus index: what every loaded document left for the checks across files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, NamedTuple

from napctl.core.problems import Problem, level_of

if TYPE_CHECKING:
    from napctl.yaml.safe import YamlDocument


class IndexEntry(NamedTuple):
    kind: str  # the document kind's name
    file: str  # as shown in messages
    path: Path
    facts: Any  # DocumentKind.facts of the document's model
    #: The model itself when the corpus keeps its documents (checks that need a
    #: whole other document, such as a progress report's plan, read it here).
    value: Any = None
    #: False when the document's own checks found an error.
    ok: bool = True


@dataclass(slots=True)
class CorpusIndex:
    entries: list[IndexEntry] = field(default_factory=list)
    #: What the checks across files build from the entries once (a rule's own index).
    memo: dict[str, Any] = field(default_factory=dict)

    def of_kind(self, kind: str, *, with_errors: bool = False) -> Iterator[IndexEntry]:
        """The entries of ``kind``; ``with_errors`` adds those whose own checks failed."""
        return (e for e in self.entries if e.kind == kind and (with_errors or e.ok))

    def kinds(self) -> list[str]:
        return list(dict.fromkeys(e.kind for e in self.entries))


class EntryReport(NamedTuple):
    """A CorpusReport bound to one entry: ``add(loc, code, message)`` as a document check's."""

    corpus: CorpusReport
    entry: IndexEntry

    def add(self, loc: tuple[str | int, ...], code: str, message: str) -> None:
        self.corpus.add(self.entry, loc, code, message)


class CorpusReport:
    """Where checks across files put their problems; positions are read only then."""

    __slots__ = ("_docs", "problems", "rejected")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        #: Files an error across files keeps out of the corpus (a duplicate plan id).
        self.rejected: set[str] = set()
        self._docs: dict[str, YamlDocument] = {}  # files parsed again for positions

    def on(self, entry: IndexEntry) -> EntryReport:
        return EntryReport(self, entry)

    def add(self, entry: IndexEntry, loc: tuple[str | int, ...], code: str, message: str) -> None:
        doc = self._docs.get(entry.file)
        if doc is None:
            # lazy: start-up (YAML is parsed only to place a problem)
            from napctl.yaml.safe import load_yaml_file

            doc = self._docs[entry.file] = load_yaml_file(str(entry.path), entry.file)
        self.add_at(entry, *doc.position(loc), code, message)

    def add_at(self, entry: IndexEntry, line: int, column: int, code: str, message: str) -> None:
        level = level_of(code)
        self.problems.append(Problem(entry.file, line, column, code, message, level))
        if level == "error":
            self.rejected.add(entry.file)


def misplaced(file: str, want: tuple[str, str, str]) -> str | None:
    """Where ``file`` belongs (``plan/year/slug.yaml``) when its last three parts are not
    ``want``; None when it is in its place. Where a file is is not in its bytes (nor in
    the cache's key), so progress reports and assessments are placed by this check."""
    path = PurePath(file)
    if (path.parent.parent.name, path.parent.name, path.stem) == want:
        return None
    return "/".join(want) + path.suffix
