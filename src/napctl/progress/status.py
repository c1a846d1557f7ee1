"""`napctl status`: who has reported what, per action, department and pillar.

Plain functions over a plan and its progress reports; the output formats are
in ``napctl.output.status``.

How an action's overall status is combined from the reports of the
departments responsible for it (each department that sent no entry counts as
``not-reported``), first rule that applies:

1. every department says ``not-applicable`` -> ``not-applicable``; otherwise
   the departments that say ``not-applicable`` are left out of what follows;
2. any says ``delayed`` -> ``delayed``;
3. every one says ``completed`` -> ``completed``; every one ``discontinued``
   -> ``discontinued``; all ``completed`` or ``discontinued`` -> ``completed``;
4. none says ``ongoing``, ``completed`` or ``not-started`` (so some say
   ``not-reported``, the others ``discontinued``) -> ``not-reported``: what
   the others do is not known yet;
5. any says ``ongoing`` or ``completed`` -> ``ongoing`` (part of the work is done);
6. otherwise (``not-started``, ``discontinued`` and ``not-reported`` mixed)
   -> ``not-started``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from napctl.checks.progress import responsible_among
from napctl.model import UN_PILLARS, Plan
from napctl.model.progress import NOT_REPORTED, STATUSES, Entry, ProgressReport, Status
from napctl.model.registry import RegistryIndex, registry_index


def combine(statuses: Iterable[Status]) -> Status:
    """The overall status of an action from its departments' statuses (rule above)."""
    given = [s for s in statuses]
    if not given:
        return NOT_REPORTED
    applicable = [s for s in given if s != "not-applicable"]
    if not applicable:
        return "not-applicable"
    kinds = set(applicable)
    if "delayed" in kinds:
        return "delayed"
    if kinds == {"completed"} or kinds == {"completed", "discontinued"}:
        return "completed"
    if kinds == {"discontinued"}:
        return "discontinued"
    if not kinds & {"ongoing", "completed", "not-started"}:
        return NOT_REPORTED
    if kinds & {"ongoing", "completed"}:
        return "ongoing"
    return "not-started"


@dataclass(frozen=True, slots=True)
class DepartmentReport:
    department: str
    status: Status


@dataclass(slots=True)
class ActionStatus:
    id: str
    pillar: str
    goal: str
    text: str
    un_pillars: tuple[str, ...]
    status: Status
    reports: list[DepartmentReport]
    #: year -> overall status, when several years are asked for.
    trend: dict[int, Status] = field(default_factory=dict)

    @property
    def reported(self) -> int:
        return sum(r.status != NOT_REPORTED for r in self.reports)


@dataclass(frozen=True, slots=True)
class DepartmentCount:
    department: str
    actions: int
    reported: int
    completed: int
    delayed: int

    @property
    def missing(self) -> int:
        return self.actions - self.reported


@dataclass(frozen=True, slots=True)
class GroupCount:
    """Overall statuses of the actions of one pillar or UN pillar."""

    group: str
    title: str
    counts: dict[str, int]

    @property
    def actions(self) -> int:
        return sum(self.counts.values())


@dataclass(slots=True)
class PlanStatus:
    plan: Plan
    year: int
    years: list[int]
    actions: list[ActionStatus]
    departments: list[DepartmentCount]
    missing: list[tuple[str, str]]  # (department, action id)
    #: Progress files of the plan left out for their errors: what they say is not known,
    #: so their departments are not-reported here only for want of a valid file.
    invalid: list[str] = field(default_factory=list)
    #: Valid progress files of the plan for ``year``: none means "no reports yet", which
    #: a 0 % would misstate as "nothing done".
    files: int = 0

    def counts(self) -> dict[str, int]:
        found = Counter(a.status for a in self.actions)
        return {s: found.get(s, 0) for s in STATUSES}

    def groups(self, by: str) -> list[GroupCount]:
        if by == "pillar":
            keys = [(p.id, p.title) for p in self.plan.pillars]
            members = {k: [a for a in self.actions if a.pillar == k] for k, _ in keys}
        else:
            keys = [(u, u) for u in UN_PILLARS]
            members = {k: [a for a in self.actions if k in a.un_pillars] for k, _ in keys}
        out = []
        for key, title in keys:
            found = Counter(a.status for a in members[key])
            out.append(GroupCount(key, title, {s: found.get(s, 0) for s in STATUSES}))
        return out


def entries_by_department(
    reports: Iterable[ProgressReport], plan_id: str, year: int
) -> dict[str, dict[str, Entry]]:
    """department -> action id -> entry (the first), from the reports of one plan and year."""
    found: dict[str, dict[str, Entry]] = {}
    for report in reports:
        if report.plan == plan_id and report.year == year:
            own = found.setdefault(report.department, {})
            for entry in report.actions:
                own.setdefault(entry.id, entry)
    return found


def _status(entry: Entry | None) -> Status:
    return NOT_REPORTED if entry is None else entry.status


def year_status(
    plan: Plan,
    index: RegistryIndex,
    reports: Sequence[ProgressReport],
    year: int,
    codes: frozenset[str] | None = None,
) -> PlanStatus:
    """Every action's overall status for ``year`` (only ``codes``' share when given)."""
    entries = entries_by_department(reports, plan.id, year)
    registry = [d.code for d in plan.departments]
    actions: list[ActionStatus] = []
    missing: list[tuple[str, str]] = []
    per_dept: dict[str, Counter[str]] = {
        c: Counter() for c in registry if codes is None or c in codes
    }
    for pillar, goal, action in plan.actions():
        depts = responsible_among(plan, action, codes)
        if not depts:
            continue
        rows = [DepartmentReport(c, _status(entries.get(c, {}).get(action.id))) for c in depts]
        for row in rows:
            tally = per_dept[row.department]
            tally["actions"] += 1
            tally[row.status] += 1
            if row.status == NOT_REPORTED:
                missing.append((row.department, action.id))
        actions.append(
            ActionStatus(
                action.id,
                pillar.id,
                goal.id,
                action.text,
                tuple(pillar.un_pillars),
                combine(r.status for r in rows),
                rows,
            )
        )
    departments = [
        DepartmentCount(
            code, t["actions"], t["actions"] - t[NOT_REPORTED], t["completed"], t["delayed"]
        )
        for code, t in per_dept.items()
        if t["actions"]
    ]
    files = sum(r.plan == plan.id and r.year == year for r in reports)
    return PlanStatus(plan, year, [year], actions, departments, missing, files=files)


def reported_years(reports: Iterable[ProgressReport], plan_id: str) -> list[int]:
    return sorted({r.year for r in reports if r.plan == plan_id})


def plan_status(
    plan: Plan,
    reports: Sequence[ProgressReport],
    years: Sequence[int],
    codes: frozenset[str] | None = None,
    invalid: Sequence[str] = (),
    known: Mapping[int, PlanStatus] | None = None,
) -> PlanStatus:
    """The status for the last of ``years``, with each action's trend over all of them;
    ``invalid`` names the progress files left out for their errors (see PlanStatus).

    ``known``: years whose ``year_status`` (every department's) was already worked out
    from these reports; they are not worked out again (the site has every year's).
    """
    index = registry_index(plan)
    chosen = sorted(set(years))

    def of_year(year: int) -> PlanStatus:
        found = None if known is None or codes is not None else known.get(year)
        return year_status(plan, index, reports, year, codes) if found is None else found

    last = of_year(chosen[-1])
    # A copy of its own: the result's years, invalid files and trends are set below.
    result = replace(
        last,
        actions=[replace(a, trend={}) for a in last.actions],
        departments=list(last.departments),
        missing=list(last.missing),
    )
    result.years = chosen
    result.invalid = list(invalid)
    if len(chosen) > 1:
        earlier = {y: of_year(y) for y in chosen[:-1]}
        for n, action in enumerate(result.actions):
            action.trend = {y: earlier[y].actions[n].status for y in chosen[:-1]}
            action.trend[result.year] = action.status
    return result


def status_record(result: PlanStatus, by: str = "action") -> dict[str, object]:
    """The JSON object of `napctl status --format json` (keys are a contract)."""
    record: dict[str, object] = {
        "plan": result.plan.id,
        "year": result.year,
        "actions": [
            {
                "id": a.id,
                "status": a.status,
                "pillar": a.pillar,
                "goal": a.goal,
                "reports": [{"department": r.department, "status": r.status} for r in a.reports],
                **({"trend": {str(y): s for y, s in a.trend.items()}} if a.trend else {}),
            }
            for a in result.actions
        ],
        "missing": [{"department": d, "id": i} for d, i in result.missing],
        "counts": result.counts(),
        "departments": [
            {
                "department": d.department,
                "actions": d.actions,
                "reported": d.reported,
                "completed": d.completed,
                "delayed": d.delayed,
                "missing": d.missing,
            }
            for d in result.departments
        ],
    }
    if len(result.years) > 1:
        record["years"] = result.years
    if not result.files:
        record["reports_yet"] = False
    if result.invalid:
        record["invalid"] = result.invalid
    if by in ("pillar", "un-pillar"):
        record["groups"] = [
            {"group": g.group, "title": g.title, "actions": g.actions, "counts": g.counts}
            for g in result.groups(by)
        ]
    return record
