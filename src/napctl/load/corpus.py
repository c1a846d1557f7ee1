"""Load and check every document found: the one entry point for commands and for Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from napctl.load.discover import display_path, plan_files, plan_roots, uses_bundled
from napctl.load.document import kind_of, load_document
from napctl.load.index import CorpusIndex, CorpusReport, IndexEntry
from napctl.load.readfile import DEFAULT_MAX_BYTES
from napctl.model import Plan
from napctl.problems import Problem


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    plan: Plan
    file: str


class LoadedDocument(NamedTuple):
    kind: str
    value: Any
    file: str


@dataclass(slots=True)
class Corpus:
    plans: list[LoadedPlan] = field(default_factory=list)
    #: Every valid document of every kind (plans included), in the order found.
    documents: list[LoadedDocument] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    index: CorpusIndex = field(default_factory=CorpusIndex)
    #: The plans read are the ones shipped with napctl (nothing named the user's).
    bundled: bool = False

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


def load_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = False
) -> tuple[Plan | None, list[Problem]]:
    """One plan file: its Plan (None when invalid) and every problem in it."""
    plan, problems = load_document(path, "plan", max_bytes=max_bytes, use_cache=use_cache)
    return plan, problems


def load_corpus(
    paths: Sequence[str] = (), *, max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = False,
    keep_plans: bool = True,
) -> Corpus:
    """Every document under ``paths`` (or found by the usual rules), with all problems.

    Each file is loaded as the kind that claims it (napctl.load.kinds), then the
    checks across files run over the corpus index. ``use_cache`` reuses earlier
    validations of identical bytes (see napctl.load.cache). ``keep_plans=False``
    checks without keeping the documents, so that memory is bounded by the
    largest file rather than the corpus.
    Raises ``discover.PathNotFound`` for a path that does not exist, and
    ``discover.BundledPlansRefused`` in CI when nothing names the plans.
    """
    corpus = Corpus()
    kept: list[LoadedDocument] = []
    roots = plan_roots(paths)
    corpus.bundled = uses_bundled(paths, roots)
    for path in plan_files(roots):
        kind = kind_of(path)
        value, problems = load_document(path, kind, max_bytes=max_bytes, use_cache=use_cache)
        file = display_path(path)
        corpus.files.append(file)
        corpus.problems.extend(problems)
        if value is None or any(p.level == "error" for p in problems):
            continue
        corpus.index.entries.append(IndexEntry(kind.name, file, path, kind.facts(value)))
        if keep_plans:
            kept.append(LoadedDocument(kind.name, value, file))
    report = run_corpus_checks(corpus.index)
    corpus.problems.extend(report.problems)
    corpus.documents = [d for d in kept if d.file not in report.rejected]
    corpus.plans = [LoadedPlan(d.value, d.file) for d in corpus.documents if d.kind == "plan"]
    corpus.problems.sort(key=Problem.sort_key)
    return corpus


def run_corpus_checks(index: CorpusIndex) -> CorpusReport:
    """The checks across files of every kind present in ``index``."""
    from napctl.checks.registry import corpus_checks, import_checks
    from napctl.load.document import kind_named

    report = CorpusReport()
    for name in index.kinds():
        import_checks(kind_named(name).checks)
        for run in corpus_checks(name):
            run(index, report)
    return report
