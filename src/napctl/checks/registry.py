"""The registry of rules: each a small function with the codes it reports, per rule set.

One mechanism for every rule napctl runs. A rule set is a document kind
("plan", "progress report": the checks ``napctl validate`` runs, rules a
schema cannot express) or the plan-quality review ("plan review",
``napctl.review.rules``). A rule is a function ``(index, report)`` over the
index its set builds once (codes, names, ...); ``report.add(loc, code,
message)`` places a ``Problem`` by the document's source, with the level its
code has in ``napctl.core.codes`` (so an advisory is a rule with a "warning"
or "info" code). A rule that names its codes when registered runs only when
one of them is selected (the review's --select/--ignore). A corpus check is
a function ``(corpus_index, report)`` over what every loaded document left in
the corpus index, for rules across files (a progress report against its plan).

Rules are registered when their module is imported: a kind names its checks
module (``DocumentKind.checks``), which the loader imports only when it
validates, so a query answered from the cache never imports them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from napctl.core.problems import Problem, cap, level_of

if TYPE_CHECKING:
    from napctl.checks.index import CorpusIndex, CorpusReport
    from napctl.yaml.safe import YamlDocument

Loc = tuple[str | int, ...]
#: Which codes are reported: all of them when a report is given none.
Selected = Callable[[str], bool]


class Report:
    """Where a rule's problems go, positioned by the document's source.

    ``source`` is the parsed document, or a function that parses it: a rule set
    over models already loaded (the review) reads positions again only when a
    rule has something to place. ``plan`` is given when the rules look at a plan
    as a whole; every problem then says which plan.
    """

    __slots__ = ("_source", "file", "plan", "problems", "selected")

    def __init__(
        self,
        file: str,
        source: YamlDocument | Callable[[], YamlDocument],
        *,
        plan: str | None = None,
        selected: Selected | None = None,
    ) -> None:
        self.file = file
        self._source = source
        self.plan = plan
        self.selected = selected
        self.problems: list[Problem] = []

    @property
    def doc(self) -> YamlDocument:
        if callable(self._source):
            self._source = self._source()
        return self._source

    def runs(self, codes: tuple[str, ...]) -> bool:
        """True when a rule reporting ``codes`` (none named: any) has one selected."""
        return not codes or self.selected is None or any(map(self.selected, codes))

    def add(
        self, loc: Loc, code: str, message: str, *, id: str | None = None, pillar: str | None = None
    ) -> None:
        """A problem of ``code`` at ``loc``; ``id`` and ``pillar`` say which action or goal."""
        if self.selected is not None and not self.selected(code):
            return
        line, column = self.doc.position(loc)
        self.problems.append(
            Problem(self.file, line, column, code, message, level_of(code), self.plan, id, pillar)
        )


DocumentCheck = Callable[[Any, Report], None]
CorpusCheck = Callable[["CorpusIndex", "CorpusReport"], None]
F = TypeVar("F", bound=Callable[..., None])


class Rule(NamedTuple):
    run: DocumentCheck
    #: The codes the rule reports, when it names them (it then runs only if one is selected).
    codes: tuple[str, ...] = ()


def _same(value: Any) -> Any:
    return value


class _RuleSet:
    __slots__ = ("corpus", "document", "index")

    def __init__(self) -> None:
        self.index: Callable[[Any], Any] = _same
        self.document: list[Rule] = []
        self.corpus: list[CorpusCheck] = []


_REGISTRY: dict[str, _RuleSet] = {}


def _entry(kind: str) -> _RuleSet:
    return _REGISTRY.setdefault(kind, _RuleSet())


def check(kind: str, *codes: str) -> Callable[[F], F]:
    """Register a rule of ``kind`` (run in the order registered) that reports ``codes``."""
    for code in codes:
        level_of(code)  # a code not in the table fails here, when the module is imported

    def register(func: F) -> F:
        _entry(kind).document.append(Rule(func, codes))
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


def codes(kind: str) -> list[str]:
    """The codes the rules of ``kind`` name, in the order the rules were registered."""
    return list(dict.fromkeys(code for rule in _entry(kind).document for code in rule.codes))


def run_checks(kind: str, index: Any, report: Report) -> list[Problem]:
    """Every rule of ``kind`` that ``report`` selects, over ``index``: its problems."""
    for rule in _entry(kind).document:
        if report.runs(rule.codes):
            rule.run(index, report)
    return report.problems


def run_document_checks(kind: str, value: Any, doc: YamlDocument) -> list[Problem]:
    """Every document check of ``kind`` over ``value`` (at most MAX_PROBLEMS problems)."""
    return cap(run_checks(kind, _entry(kind).index(value), Report(doc.file, doc)))


def corpus_checks(kind: str) -> list[CorpusCheck]:
    return list(_entry(kind).corpus)
