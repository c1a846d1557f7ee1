"""The rules a progress report must follow beyond its schema, as small functions.

Each rule takes the report, its parsed document (for positions) and the index
of its plan, and returns positioned problems. The index is built once per plan
(``PlanIndex.of``), so checking a file costs its own size, not the plan's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from napctl.model import Action, Goal, Pillar, Plan
from napctl.model.progress import ProgressReport
from napctl.output.fsutil import slugify
from napctl.problems import Problem

if TYPE_CHECKING:
    from napctl.load.yamlsafe import YamlDocument

#: Reports may come in for this many years after the plan's last year: the
#: work of the final year is reported the year after, and an end-of-plan
#: evaluation often a year later still.
REPORTING_TAIL_YEARS = 2
#: Comparisons spent on "did you mean" per file (a file of thousands of bad ids
#: must not cost thousands of scans of the plan).
_SUGGESTION_BUDGET = 20_000


@dataclass(slots=True)
class PlanIndex:
    """What the rules ask of a plan, computed once."""

    plan: Plan
    actions: dict[str, tuple[Pillar, Goal, Action]]
    #: department code -> the ids of the actions it reports on, in plan order.
    duties: dict[str, list[str]]
    #: lower-cased code or alias -> code.
    names: dict[str, str]
    _duty_sets: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: Plan) -> PlanIndex:
        codes = [d.code for d in plan.departments]
        actions: dict[str, tuple[Pillar, Goal, Action]] = {}
        duties: dict[str, list[str]] = {c: [] for c in codes}
        for pillar, goal, action in plan.actions():
            actions.setdefault(action.id, (pillar, goal, action))
            for code in responsible(plan, action):
                duties[code].append(action.id)
        names: dict[str, str] = {}
        for dept in plan.departments:
            for name in (dept.code, *dept.aliases):
                names.setdefault(name.lower(), dept.code)
        return cls(plan, actions, duties, names)

    def duty_set(self, code: str) -> frozenset[str]:
        found = self._duty_sets.get(code)
        if found is None:
            found = self._duty_sets[code] = frozenset(self.duties.get(code, ()))
        return found


def responsible(plan: Plan, action: Action, codes: Sequence[str] | None = None) -> list[str]:
    """The departments that report on ``action``: those it names, or all for 'All'."""
    if action.for_all:
        return list(codes) if codes is not None else [d.code for d in plan.departments]
    from napctl.query.registry import registry_index

    # The plan's index, not a set built per action (10,000 actions x 10,000 departments).
    registry = set(codes) if codes is not None else registry_index(plan).by_code
    seen: list[str] = []
    for code in action.codes():
        if code in registry and code not in seen:
            seen.append(code)
    return seen


def period_text(plan: Plan) -> str:
    end = plan.period.end
    return f"{plan.period.start}-{end} (reports accepted until {end + REPORTING_TAIL_YEARS})"


Rule = Callable[[ProgressReport, "YamlDocument", PlanIndex], list[Problem]]
FileRule = Callable[[ProgressReport, "YamlDocument", "PlanIndex | None"], list[Problem]]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    from napctl.problems.messages import suggest

    return suggest(word, choices)


def _at(doc: YamlDocument, loc: tuple[str | int, ...], code: str, message: str) -> Problem:
    line, column = doc.position(loc)
    return Problem(doc.file, line, column, code, message)


def check_year(report: ProgressReport, doc: YamlDocument, index: PlanIndex) -> list[Problem]:
    period = index.plan.period
    if period.start <= report.year <= period.end + REPORTING_TAIL_YEARS:
        return []
    return [_at(doc, ("year",), "NAP401", f"year {report.year} is outside plan"
                f" '{index.plan.id}': {period_text(index.plan)}")]


def check_department(report: ProgressReport, doc: YamlDocument, index: PlanIndex
                     ) -> list[Problem]:
    code = report.department
    if code in index.duties:
        return []
    alias_of = index.names.get(code.lower())
    if alias_of is not None and alias_of != code:
        message = f"'{code}' is not a department code of plan '{index.plan.id}'; write '{alias_of}'"
    else:
        hint = did_you_mean(code, index.duties)
        message = f"unknown department '{code}' in plan '{index.plan.id}'{hint}"
    return [_at(doc, ("department",), "NAP402", message)]


def expected_parts(report: ProgressReport) -> tuple[str, str, str]:
    """The last three parts of the path the report belongs at."""
    return report.plan, str(report.year), slugify(report.department)


def check_location(report: ProgressReport, doc: YamlDocument, index: PlanIndex | None = None
                   ) -> list[Problem]:
    path = PurePath(doc.file)
    want = expected_parts(report)
    got = (path.parent.parent.name, path.parent.name, path.stem)
    if got == want:
        return []
    where = "/".join(want) + path.suffix
    return [Problem(doc.file, 1, 1, "NAP403", f"this report of {report.department} on"
                    f" {report.plan} for {report.year} belongs at progress/{where}")]


def check_ids(report: ProgressReport, doc: YamlDocument, index: PlanIndex) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, int] = {}
    duties = index.duty_set(report.department) if report.department in index.duties else None
    budget = _SUGGESTION_BUDGET
    for i, entry in enumerate(report.actions):
        loc = ("actions", i, "id")
        if entry.id in first:
            problems.append(_at(doc, loc, "NAP406", f"action '{entry.id}' is already reported"
                                f" in entry {first[entry.id] + 1}"))
            continue
        first[entry.id] = i
        if entry.id not in index.actions:
            hint = ""
            if budget >= len(index.actions):
                budget -= len(index.actions)
                hint = did_you_mean(entry.id, index.actions)
            problems.append(_at(doc, loc, "NAP404", f"plan '{index.plan.id}' has no action"
                                f" '{entry.id}'{hint}"))
        elif duties is not None and entry.id not in duties:
            named = ", ".join(responsible(index.plan, index.actions[entry.id][2]))
            problems.append(_at(doc, loc, "NAP405", f"action '{entry.id}' is not"
                                f" {report.department}'s to report on (it is for {named})"))
    return problems


_NEEDS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "completed": (("summary", "evidence"), "NAP407", "a summary or evidence"),
    "delayed": (("obstacles", "revised_due"), "NAP408", "the obstacles or a revised_due date"),
    "discontinued": (("justification",), "NAP409", "a justification"),
    "not-applicable": (("justification",), "NAP409", "a justification"),
}


def check_statuses(report: ProgressReport, doc: YamlDocument, index: PlanIndex | None = None
                   ) -> list[Problem]:
    problems: list[Problem] = []
    for i, entry in enumerate(report.actions):
        need = _NEEDS.get(entry.status)
        if need is None:
            continue
        fields, code, what = need
        if not any(getattr(entry, name) for name in fields):
            problems.append(_at(doc, ("actions", i, "status"), code,
                                f"action '{entry.id}' is {entry.status}: give {what}"))
    return problems


def check_indicators(report: ProgressReport, doc: YamlDocument, index: PlanIndex
                     ) -> list[Problem]:
    problems: list[Problem] = []
    for i, entry in enumerate(report.actions):
        found = index.actions.get(entry.id)
        if found is None or not entry.indicators:
            continue
        names = found[2].indicators
        for j, item in enumerate(entry.indicators):
            ref = item.indicator
            if isinstance(ref, int) and 1 <= ref <= len(names):
                continue
            if isinstance(ref, str) and ref in names:
                continue
            has = (f"it has {len(names)}: give a number from 1 to {len(names)} or an"
                   " indicator's exact text" if names else "it has no indicators")
            shown = ref if isinstance(ref, int) else repr(ref[:60])
            hint = did_you_mean(ref, names) if isinstance(ref, str) else ""
            problems.append(_at(doc, ("actions", i, "indicators", j, "indicator"), "NAP410",
                                f"action '{entry.id}' has no indicator {shown}{hint}; {has}"))
    return problems


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


def check_evidence(report: ProgressReport, doc: YamlDocument, index: PlanIndex | None = None
                   ) -> list[Problem]:
    problems: list[Problem] = []
    for i, entry in enumerate(report.actions):
        for j, item in enumerate(entry.evidence):
            loc: tuple[str | int, ...] = ("actions", i, "evidence", j)
            if (item.url is None) == (item.path is None):
                problems.append(_at(doc, loc, "NAP413", "evidence needs a url or a path"
                                    " (one of them)"))
                continue
            if item.url is not None and (why := url_problem(item.url)):
                problems.append(_at(doc, (*loc, "url"), "NAP411", why))
            if item.path is not None and (why := path_problem(item.path)):
                problems.append(_at(doc, (*loc, "path"), "NAP412", why))
    return problems


#: The rules that need the plan, in the order their problems are found.
PLAN_RULES: tuple[Rule, ...] = (
    check_year, check_department, check_ids, check_indicators,
)
#: The rules that hold whatever the plan.
FILE_RULES: tuple[FileRule, ...] = (check_location, check_statuses, check_evidence)
