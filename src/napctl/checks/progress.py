"""The rules a progress report must follow beyond its schema, as small functions.

The rules on the file alone are document checks (``@check``); the rules that
need the report's plan are checks across files (``@plan_rule``, a corpus check
run on each report with the index of its plan). That index is built once per
plan (``RegistryIndex.of``), so checking a file costs its own size, not the plan's.
A report whose own checks failed is still checked against its plan.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from napctl.checks.index import misplaced
from napctl.checks.registry import Loc, check, corpus_check
from napctl.core.messages import suggest
from napctl.core.slugs import slugify
from napctl.model import Action, Plan
from napctl.model.progress import ProgressReport
from napctl.model.registry import RegistryIndex, registry_index

if TYPE_CHECKING:
    from napctl.checks.index import CorpusIndex, CorpusReport, IndexEntry

KIND = "progress report"

#: Reports may come in for this many years after the plan's last year: the
#: work of the final year is reported the year after, and an end-of-plan
#: evaluation often a year later still.
REPORTING_TAIL_YEARS = 2
#: Comparisons spent on "did you mean" per file (a file of thousands of bad ids
#: must not cost thousands of scans of the plan).
_SUGGESTION_BUDGET = 20_000


def responsible(plan: Plan, action: Action) -> Sequence[str]:
    """The departments that report on ``action``: those it names that report (all that
    report for 'All'), else the bodies that collect reports for the others."""
    # The plan's index: no list or set of the registry built per action
    # (10,000 actions x 10,000 departments).
    return registry_index(plan).reporters(action)


def responsible_among(plan: Plan, action: Action, among: Collection[str] | None) -> Sequence[str]:
    """Those of ``among`` (every department when None) that report on ``action``: for
    'All', ``among`` itself in registry order, so a department's share of the actions
    for All costs its own size, not the registry's."""
    if among is None:
        return responsible(plan, action)
    if action.for_all:
        index = registry_index(plan)
        return index.in_order(c for c in among if c in index.by_code and index.by_code[c].reporting)
    return [c for c in responsible(plan, action) if c in among]


def period_text(plan: Plan) -> str:
    end = plan.period.end
    return f"{plan.period.start}-{end} (reports accepted until {end + REPORTING_TAIL_YEARS})"


class Out(Protocol):
    """Where a rule puts a problem: a document check's Report, or an EntryReport."""

    def add(self, loc: Loc, code: str, message: str) -> None: ...


PlanRule = Callable[[ProgressReport, RegistryIndex, Out], None]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    return suggest(word, choices)


def corpus_plans(corpus: CorpusIndex, report: CorpusReport) -> dict[str, Plan]:
    """The valid plans of the corpus by id (a plan rejected across files is left out)."""
    plans: dict[str, Plan] | None = corpus.memo.get("progress:plans")
    if plans is None:
        plans = {}
        for entry in corpus.of_kind("plan"):
            if entry.value is not None and entry.file not in report.rejected:
                plans.setdefault(entry.value.id, entry.value)
        corpus.memo["progress:plans"] = plans
    return plans


def reports_with_plans(
    corpus: CorpusIndex, report: CorpusReport
) -> Iterator[tuple[IndexEntry, RegistryIndex]]:
    """Each schema-valid report whose plan is in the corpus, with the plan's index."""
    plans = corpus_plans(corpus, report)
    indexes: dict[str, RegistryIndex] = corpus.memo.setdefault("progress:indexes", {})
    for entry in corpus.of_kind(KIND, with_errors=True):
        plan = plans.get(entry.facts.plan)
        if plan is None:
            continue
        index = indexes.get(plan.id)
        if index is None:
            index = indexes[plan.id] = registry_index(plan)
        yield entry, index


def plan_rule(rule: PlanRule) -> PlanRule:
    """Register ``rule`` as a check across files, run on every report with its plan."""

    @corpus_check(KIND)
    def run(corpus: CorpusIndex, report: CorpusReport) -> None:
        for entry, index in reports_with_plans(corpus, report):
            rule(entry.facts, index, report.on(entry))

    return rule


@plan_rule
def check_year(report: ProgressReport, index: RegistryIndex, out: Out) -> None:
    period = index.plan.period
    if not period.start <= report.year <= period.end + REPORTING_TAIL_YEARS:
        out.add(
            ("year",),
            "NAP401",
            f"year {report.year} is outside plan '{index.plan.id}': {period_text(index.plan)}",
        )


@plan_rule
def check_department(report: ProgressReport, index: RegistryIndex, out: Out) -> None:
    code = report.department
    if code in index.duties:
        return
    alias_of = next(iter(index.named(code)), None)
    if alias_of is not None and alias_of != code:
        message = f"'{code}' is not a department code of plan '{index.plan.id}'; write '{alias_of}'"
    else:
        hint = did_you_mean(code, index.duties)
        message = f"unknown department '{code}' in plan '{index.plan.id}'{hint}"
    out.add(("department",), "NAP402", message)


def expected_parts(report: ProgressReport) -> tuple[str, str, str]:
    """The last three parts of the path the report belongs at."""
    return report.plan, str(report.year), slugify(report.department)


@corpus_check(KIND)
def check_location(corpus: CorpusIndex, out: CorpusReport) -> None:
    for entry in corpus.of_kind(KIND, with_errors=True):
        report: ProgressReport = entry.facts
        where = misplaced(entry.file, expected_parts(report))
        if where is None:
            continue
        out.add_at(
            entry,
            1,
            1,
            "NAP403",
            f"this report of {report.department} on"
            f" {report.plan} for {report.year} belongs at progress/{where}",
        )


@corpus_check(KIND)
def check_plan_exists(corpus: CorpusIndex, out: CorpusReport) -> None:
    plans = corpus_plans(corpus, out)
    for entry in corpus.of_kind(KIND, with_errors=True):
        plan_id = entry.facts.plan
        if plan_id not in plans:
            out.add(
                entry,
                ("plan",),
                "NAP400",
                f"no valid plan has id '{plan_id}'{did_you_mean(plan_id, plans)}",
            )


@plan_rule
def check_ids(report: ProgressReport, index: RegistryIndex, out: Out) -> None:
    first: dict[str, int] = {}
    duties = index.duty_set(report.department) if report.department in index.duties else None
    budget = _SUGGESTION_BUDGET
    for i, entry in enumerate(report.actions):
        loc = ("actions", i, "id")
        if entry.id in first:
            out.add(
                loc,
                "NAP406",
                f"action '{entry.id}' is already reported in entry {first[entry.id] + 1}",
            )
            continue
        first[entry.id] = i
        if entry.id not in index.actions:
            hint = ""
            if budget >= len(index.actions):
                budget -= len(index.actions)
                hint = did_you_mean(entry.id, index.actions)
            out.add(loc, "NAP404", f"plan '{index.plan.id}' has no action '{entry.id}'{hint}")
        elif duties is not None and entry.id not in duties:
            named = ", ".join(responsible(index.plan, index.actions[entry.id][2]))
            out.add(
                loc,
                "NAP405",
                f"action '{entry.id}' is not"
                f" {report.department}'s to report on (it is for {named})",
            )


_NEEDS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "completed": (("summary", "evidence"), "NAP407", "a summary or evidence"),
    "delayed": (("obstacles", "revised_due"), "NAP408", "the obstacles or a revised_due date"),
    "discontinued": (("justification",), "NAP409", "a justification"),
    "not-applicable": (("justification",), "NAP409", "a justification"),
}


@check(KIND)
def check_statuses(report: ProgressReport, out: Out) -> None:
    for i, entry in enumerate(report.actions):
        need = _NEEDS.get(entry.status)
        if need is None:
            continue
        fields, code, what = need
        if not any(getattr(entry, name) for name in fields):
            out.add(
                ("actions", i, "status"),
                code,
                f"action '{entry.id}' is {entry.status}: give {what}",
            )


@plan_rule
def check_indicators(report: ProgressReport, index: RegistryIndex, out: Out) -> None:
    for i, entry in enumerate(report.actions):
        found = index.actions.get(entry.id)
        if found is None or not entry.indicators:
            continue
        names = found[2].indicator_texts()
        keys = found[2].indicator_keys()
        for j, item in enumerate(entry.indicators):
            ref = item.indicator
            if isinstance(ref, int) and 1 <= ref <= len(names):
                continue
            if isinstance(ref, str) and (ref in names or ref in keys):
                continue
            has = (
                f"it has {len(names)}: give a number from 1 to {len(names)} or an"
                " indicator's exact text"
                if names
                else "it has no indicators"
            )
            shown = ref if isinstance(ref, int) else repr(ref[:60])
            hint = did_you_mean(ref, names) if isinstance(ref, str) else ""
            out.add(
                ("actions", i, "indicators", j, "indicator"),
                "NAP410",
                f"action '{entry.id}' has no indicator {shown}{hint}; {has}",
            )


def url_problem(url: str) -> str | None:
    """Why ``url`` is not a web link napctl will print, or None."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return "an evidence url must be an http:// or https:// address"
    if any(not c.isprintable() or c.isspace() for c in url):
        return "an evidence url must not hold spaces or control characters"
    return None


def path_problem(path: str) -> str | None:
    """Why ``path`` is not a file inside the repository, or None."""
    if "\\" in path or any(not c.isprintable() for c in path):
        return "write the path with '/' and no control characters"
    if path.startswith("/") or (len(path) > 1 and path[1] == ":") or path.startswith("~"):
        return "an evidence path is relative to the repository's root, not absolute"
    if ".." in path.split("/"):
        return "an evidence path must stay inside the repository (no '..')"
    if ":" in path.split("/", 1)[0]:
        return "an evidence path is a file of the repository; put web links in url"
    return None


@check(KIND)
def check_evidence(report: ProgressReport, out: Out) -> None:
    for i, entry in enumerate(report.actions):
        for j, item in enumerate(entry.evidence):
            loc: Loc = ("actions", i, "evidence", j)
            if (item.url is None) == (item.path is None):
                out.add(loc, "NAP413", "evidence needs a url or a path (one of them)")
                continue
            if item.url is not None and (why := url_problem(item.url)):
                out.add((*loc, "url"), "NAP411", why)
            if item.path is not None and (why := path_problem(item.path)):
                out.add((*loc, "path"), "NAP412", why)


@corpus_check(KIND)
def one_report_per_department(corpus: CorpusIndex, out: CorpusReport) -> None:
    first: dict[tuple[str, int, str], str] = {}
    for entry in corpus.of_kind(KIND, with_errors=True):
        report: ProgressReport = entry.facts
        key = (report.plan, report.year, report.department)
        if key in first:
            out.add(
                entry,
                ("department",),
                "NAP414",
                f"{report.department} already reports"
                f" on {report.plan} for {report.year} in {first[key]}",
            )
        else:
            first[key] = entry.file


# Registered after the rules above, so their problems come first for a value.
from napctl.checks import characters as _characters  # noqa: E402, F401
from napctl.checks import indicator_values as _indicator_values  # noqa: E402, F401
