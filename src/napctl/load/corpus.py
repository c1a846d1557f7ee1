"""Load and check every document found: the one entry point for commands and for Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from napctl.checks.index import CorpusIndex, CorpusReport, IndexEntry
from napctl.core.problems import Problem
from napctl.core.readfile import DEFAULT_MAX_BYTES
from napctl.load.discover import display_path, plan_files, plan_roots, uses_bundled
from napctl.load.document import (
    DocumentKind,
    kind_named,
    kind_of,
    load_document,
    validate_document,
)
from napctl.model import Plan
from napctl.model.progress import ProgressReport

if TYPE_CHECKING:
    from napctl.yaml.safe import YamlDocument

PROGRESS = "progress report"
ASSESSMENT = "assessment"


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    plan: Plan
    file: str


class LoadedReport(NamedTuple):
    report: ProgressReport
    file: str


class LoadedDocument(NamedTuple):
    kind: str
    value: Any
    file: str


#: Files or folders of one kind (None: each file as the kind that claims it).
Source = tuple[str | None, Sequence[Path]]


@dataclass(slots=True)
class Corpus:
    plans: list[LoadedPlan] = field(default_factory=list)
    reports: list[LoadedReport] = field(default_factory=list)
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

    def invalid_files(self) -> list[str]:
        """The files left out for their errors, in the order found: an answer made from
        the others must name them, or a department whose file is refused would look
        like one that has not reported."""
        bad = {p.file for p in self.problems if p.level == "error"}
        found = [f for f in self.files if f in bad]
        return found + sorted(bad.difference(found))


def load_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = False
) -> tuple[Plan | None, list[Problem]]:
    """One plan file: its Plan (None when invalid) and every problem in it."""
    plan, problems = load_document(path, "plan", max_bytes=max_bytes, use_cache=use_cache)
    return plan, problems


def load_corpus(
    paths: Sequence[str] = (),
    *,
    progress: Sequence[Path] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
    use_cache: bool = False,
    keep_plans: bool = True,
    assessments: Sequence[Path] = (),
) -> Corpus:
    """Every plan under ``paths`` (or found by the usual rules), and the progress
    reports under ``progress`` and assessments under ``assessments``, with all
    problems: see ``load_documents``."""
    roots = plan_roots(paths)
    sources: list[Source] = [(None, roots)]
    if progress:
        sources.append((PROGRESS, progress))
    if assessments:
        sources.append((ASSESSMENT, assessments))
    corpus = load_documents(
        sources,
        max_bytes=max_bytes,
        use_cache=use_cache,
        keep=keep_plans or bool(progress) or bool(assessments),
    )
    corpus.bundled = uses_bundled(paths, roots)
    return corpus


def load_progress(
    roots: Sequence[Path],
    plans: Sequence[Plan],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep: bool = True,
    use_cache: bool = False,
) -> Corpus:
    """The progress reports under ``roots``, checked against ``plans`` (loaded before)."""
    given = [LoadedDocument("plan", plan, "") for plan in plans]
    return load_documents(
        [(PROGRESS, roots)], given=given, max_bytes=max_bytes, use_cache=use_cache, keep=keep
    )


def load_documents(
    sources: Sequence[Source],
    *,
    given: Sequence[LoadedDocument] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
    use_cache: bool = False,
    keep: bool = True,
) -> Corpus:
    """Every document of ``sources``, each with its own checks, then the checks across files.

    ``given`` are documents loaded before that the checks across files see too (the
    plan of the progress reports asked about). ``use_cache`` reuses earlier
    validations of identical bytes (see napctl.load.cache). ``keep=False`` checks
    without keeping the documents, so that memory is bounded by the largest file
    rather than the corpus. Problems come per source, each sorted by place.
    Raises ``discover.PathNotFound`` for a path that does not exist, and
    ``discover.BundledPlansRefused`` in CI when nothing names the plans.
    """
    found = [(kind, plan_files(roots)) for kind, roots in sources]
    corpus = Corpus()
    corpus.index.entries = [given_entry(d) for d in given]
    group: dict[str, int] = {}
    for number, (kind, paths) in enumerate(found):
        for path in paths:
            spec = kind_named(kind) if kind is not None else kind_of(path)
            file = _load_one(
                corpus, spec, path, max_bytes=max_bytes, use_cache=use_cache, keep=keep
            )
            group.setdefault(file, number)
    report = run_corpus_checks(corpus.index, {e.kind for e in corpus.index.entries[len(given) :]})
    corpus.problems.extend(report.problems)
    _keep_documents(corpus, report.rejected, len(given), keep)
    corpus.problems.sort(key=lambda p: (group.get(p.file, 0), *p.sort_key()))
    return corpus


def check_parsed(
    doc: YamlDocument, kind: str, given: Sequence[LoadedDocument | IndexEntry] = ()
) -> tuple[Any, list[Problem]]:
    """A document parsed from text not yet written (an edit in progress): its model and
    every problem, its own checks and those across files against ``given`` (documents,
    or their entries from ``given_entry``, made once for many edits)."""
    spec = kind_named(kind)
    value, problems = validate_document(doc, spec)
    if value is None:
        return None, problems
    ok = not any(p.level == "error" for p in problems)
    index = CorpusIndex(entries=[d if isinstance(d, IndexEntry) else given_entry(d) for d in given])
    index.entries.append(
        IndexEntry(spec.name, doc.file, Path(doc.file), spec.facts(value), value, ok)
    )
    return value, [*problems, *run_corpus_checks(index, {spec.name}).problems]


def given_entry(document: LoadedDocument) -> IndexEntry:
    """``document``'s entry in a corpus index (its facts computed: the plan's size)."""
    spec = kind_named(document.kind)
    return IndexEntry(
        spec.name, document.file, Path(document.file), spec.facts(document.value), document.value
    )


def _load_one(
    corpus: Corpus, kind: DocumentKind, path: Path, *, max_bytes: int, use_cache: bool, keep: bool
) -> str:
    """Load ``path`` as ``kind`` into ``corpus``; its file as shown."""
    value, problems = load_document(path, kind, max_bytes=max_bytes, use_cache=use_cache)
    file = display_path(path)
    corpus.files.append(file)
    corpus.problems.extend(problems)
    if value is not None:
        ok = not any(p.level == "error" for p in problems)
        corpus.index.entries.append(
            IndexEntry(kind.name, file, path, kind.facts(value), value if keep else None, ok)
        )
    return file


def _keep_documents(corpus: Corpus, rejected: set[str], skip: int, keep: bool) -> None:
    if not keep:
        return
    corpus.documents = [
        LoadedDocument(e.kind, e.value, e.file)
        for e in corpus.index.entries[skip:]
        if e.ok and e.file not in rejected
    ]
    for document in corpus.documents:
        if document.kind == "plan":
            corpus.plans.append(LoadedPlan(document.value, document.file))
        elif document.kind == PROGRESS:
            corpus.reports.append(LoadedReport(document.value, document.file))


def run_corpus_checks(index: CorpusIndex, kinds: set[str] | None = None) -> CorpusReport:
    """The checks across files of every kind present in ``index`` (or of ``kinds``)."""
    from napctl.checks.registry import corpus_checks, import_checks  # lazy: start-up

    report = CorpusReport()
    for name in index.kinds():
        if kinds is not None and name not in kinds:
            continue
        import_checks(kind_named(name).checks)
        for run in corpus_checks(name):
            run(index, report)
    return report
