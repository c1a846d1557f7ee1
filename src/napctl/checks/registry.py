"""The registry of checks: rules a schema cannot express, per document kind.

A document check is a small function ``(index, report)`` over the index its
kind builds once per document (codes, names, ...); a corpus check is a
function ``(corpus_index, report)`` over what every loaded document left in
the corpus index, for rules across files (a progress report against its plan).
A check's level comes from its code (``napctl.core.codes``), so an
advisory is a check that uses a "warning" code.

Checks are registered when their module is imported: a kind names its checks
module (``DocumentKind.checks``), which the loader imports only when it
validates, so a query answered from the cache never imports them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from napctl.core.problems import Problem, cap, level_of

if TYPE_CHECKING:
    from napctl.checks.index import CorpusIndex, CorpusReport
    from napctl.yaml.safe import YamlDocument

Loc = tuple[str | int, ...]


class Report:
    """Where a document check's problems go, positioned by the document's source."""

    __slots__ = ("doc", "problems")

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def add(self, loc: Loc, code: str, message: str) -> None:
        line, column = self.doc.position(loc)
        self.problems.append(
            Problem(self.doc.file, line, column, code, message, level_of(code)))


DocumentCheck = Callable[[Any, Report], None]
CorpusCheck = Callable[["CorpusIndex", "CorpusReport"], None]
F = TypeVar("F", bound=Callable[..., None])


def _same(value: Any) -> Any:
    return value


class _KindChecks:
    __slots__ = ("corpus", "document", "index")

    def __init__(self) -> None:
        self.index: Callable[[Any], Any] = _same
        self.document: list[DocumentCheck] = []
        self.corpus: list[CorpusCheck] = []


_REGISTRY: dict[str, _KindChecks] = {}


def _entry(kind: str) -> _KindChecks:
    return _REGISTRY.setdefault(kind, _KindChecks())


def check(kind: str) -> Callable[[F], F]:
    """Register a document check of ``kind`` (run in the order registered)."""
    def register(func: F) -> F:
        _entry(kind).document.append(func)
        return func
    return register


def corpus_check(kind: str) -> Callable[[F], F]:
    """Register a check across files, run once every file is loaded."""
    def register(func: F) -> F:
        _entry(kind).corpus.append(func)
        return func
    return register


def check_index(kind: str, build: Callable[[Any], Any]) -> None:
    """What the document checks of ``kind`` receive: ``build(model)``, made once per file."""
    _entry(kind).index = build


def import_checks(module: str) -> None:
    """Import a kind's checks module, so that its checks are registered."""
    importlib.import_module(module)


def run_document_checks(kind: str, value: Any, doc: YamlDocument) -> list[Problem]:
    """Every document check of ``kind`` over ``value`` (at most MAX_PROBLEMS problems)."""
    entry = _entry(kind)
    report = Report(doc)
    index = entry.index(value)
    for run in entry.document:
        run(index, report)
    return cap(report.problems)


def corpus_checks(kind: str) -> list[CorpusCheck]:
    return list(_entry(kind).corpus)
