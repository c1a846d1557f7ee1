"""Reports filled from the progress files: what templates see, and which template.

Two shapes, each a pair of templates users can override (``--templates``, with
the bundled ones reachable as ``default/NAME``):

- ``annual`` (``report-annual.{md,html}.j2``): one year, main achievements,
  then a reporting matrix per pillar (the shape of Belgium's reports to
  parliament);
- ``midterm`` (``report-midterm.{md,html}.j2``): every reported year of the
  plan up to the one asked for, with each action's trend and the counts per
  year (Luxembourg's mid-term report).

What a department has not reported stays a visible blank naming it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from napctl.model import Action, Plan
from napctl.model.assessment import Assessment
from napctl.model.plan import Placed, walk_goal
from napctl.model.progress import NOT_REPORTED, STATUSES, Entry, ProgressReport
from napctl.progress.checklist_items import flat, indicator_values, safe_href
from napctl.progress.status import PlanStatus, entries_by_department, plan_status
from napctl.render.assessment_section import assessment_section
from napctl.render.indicators import indicator_rows
from napctl.render.templates import Format, environment, plan_facts, render_template

Shape = Literal["annual", "midterm"]
#: Statuses that count as done when a report speaks of completion.
DONE = ("completed",)


def _department_report(
    plan: Plan,
    action: Action,
    texts: Sequence[str],
    code: str,
    entry: Entry | None,
    siblings: Sequence[Entry] = (),
) -> dict[str, Any]:
    """What ``code`` reported on ``action`` (whose indicators read ``texts``)."""
    dept = plan.department(code)
    values = indicator_values(entry, texts) if entry is not None else {}
    # A result's indicators are reported once for the whole result, under any of its
    # actions: the value shows on each of them.
    for other in siblings:
        for n, value in indicator_values(other, texts).items():
            values.setdefault(n, value)
    status = entry.status if entry is not None else NOT_REPORTED
    return {
        "code": code,
        "name": dept.name if dept is not None else code,
        "status": status,
        "missing": status == NOT_REPORTED,
        "summary": flat(entry.summary) if entry else None,
        "obstacles": flat(entry.obstacles) if entry else None,
        "next_steps": flat(entry.next_steps) if entry else None,
        "justification": flat(entry.justification) if entry else None,
        "revised_due": None
        if entry is None or entry.revised_due is None
        else str(entry.revised_due),
        "indicators": [
            {"n": n, "text": text, "value": values.get(n)}
            for n, text in enumerate(action.indicators, 1)
        ],
        "evidence": []
        if entry is None
        else [
            {
                "title": e.title,
                "href": safe_href(e.url, e.path),
                "date": None if e.date is None else str(e.date),
            }
            for e in entry.evidence
        ],
    }


def _siblings(placed: Placed, mine: dict[str, Entry]) -> list[Entry]:
    """A department's entries on the other actions that share ``placed``'s result's
    indicators (none when the action names its own)."""
    if placed.result is None or not placed.shared_indicators:
        return []
    return [
        mine[a.id]
        for a in placed.result.actions
        if a.id != placed.action.id and not a.indicators and a.id in mine
    ]


def _pillars(
    plan: Plan, status: PlanStatus, entries: dict[str, dict[str, Entry]]
) -> list[dict[str, Any]]:
    by_id = {a.id: a for a in status.actions}
    pillars: list[dict[str, Any]] = []
    for pillar in plan.pillars:
        rows: list[dict[str, Any]] = []
        for goal in pillar.goals:
            for placed in walk_goal(pillar, goal, ()):
                action = placed.action
                found = by_id.get(action.id)
                if found is None:
                    continue
                texts = action.indicator_texts()
                depts = [
                    _department_report(
                        plan,
                        action,
                        texts,
                        r.department,
                        entries.get(r.department, {}).get(action.id),
                        _siblings(placed, entries.get(r.department, {})),
                    )
                    for r in found.reports
                ]
                rows.append(
                    {
                        "id": action.id,
                        "goal": goal.id,
                        "text": action.text,
                        "status": found.status,
                        "trend": [{"year": y, "status": s} for y, s in sorted(found.trend.items())],
                        "departments": depts,
                        "reported": [d for d in depts if not d["missing"]],
                        "owing": [d["code"] for d in depts if d["missing"]],
                        "indicators": list(action.indicators),
                        # The dashboard heads a result's actions with the result.
                        "result": None
                        if placed.result is None
                        else {"id": placed.result.id, "text": placed.result.text},
                    }
                )
        counts = {s: sum(1 for r in rows if r["status"] == s) for s in STATUSES}
        pillars.append(
            {
                "id": pillar.id,
                "title": pillar.title,
                "actions": rows,
                "counts": counts,
                "total": len(rows),
            }
        )
    return pillars


def _achievements(pillars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Completed actions with what their departments said they did."""
    found = []
    for pillar in pillars:
        for row in pillar["actions"]:
            if row["status"] in DONE:
                said = [d for d in row["departments"] if d["summary"]]
                found.append(
                    {
                        "pillar": pillar["id"],
                        "id": row["id"],
                        "text": row["text"],
                        "departments": said,
                    }
                )
    return found


def _per_year(
    plan: Plan, reports: Sequence[ProgressReport], status: PlanStatus
) -> list[dict[str, Any]]:
    """Each year's counts of overall statuses, its files and its share completed."""
    per_year = []
    # A year without files has "no reports yet": a 0 % would say nothing was done.
    files = Counter(r.year for r in reports if r.plan == plan.id)
    for y in status.years:  # from each action's trend: one pass over the reports in all
        found = Counter(a.trend.get(y, a.status) for a in status.actions)
        counts = {s: found.get(s, 0) for s in STATUSES}
        total = sum(counts.values())
        per_year.append(
            {
                "year": y,
                "counts": counts,
                "total": total,
                "files": files[y],
                "completed_pct": round(100 * counts["completed"] / total) if total else 0,
            }
        )
    return per_year


def report_context(
    plan: Plan,
    reports: Sequence[ProgressReport],
    years: Sequence[int],
    *,
    date: str | None,
    known: Mapping[int, PlanStatus] | None = None,
    indicators: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """What both report shapes see; ``years`` ascending, the last is the report's year.

    What a caller has already worked out from the same reports is not worked out
    again: ``known``, years' statuses (``plan_status``); ``indicators``, the rows of
    ``indicator_rows`` for the report's year.
    """
    status = plan_status(plan, reports, years, known=known)
    entries = entries_by_department(reports, plan.id, status.year)
    pillars = _pillars(plan, status, entries)
    per_year = _per_year(plan, reports, status)
    missing: dict[str, list[str]] = {}
    for code, action_id in status.missing:
        missing.setdefault(code, []).append(action_id)
    return {
        "status": status,
        "plan": plan_facts(plan),
        "year": status.year,
        "years": status.years,
        "date": date,
        "statuses": list(STATUSES),
        "counts": status.counts(),
        "action_count": len(status.actions),
        "pillars": pillars,
        "achievements": _achievements(pillars),
        "per_year": per_year,
        "departments": [
            {
                "code": d.department,
                "actions": d.actions,
                "reported": d.reported,
                "completed": d.completed,
                "delayed": d.delayed,
                "missing": d.missing,
            }
            for d in status.departments
        ],
        "missing": [{"department": c, "ids": ids} for c, ids in missing.items()],
        "missing_count": len(status.missing),
        "files": status.files,
        "invalid": [],
        "indicators": indicator_rows(plan, reports, status.year)
        if indicators is None
        else indicators,
    }


def years_for(plan: Plan, reports: Sequence[ProgressReport], year: int, shape: Shape) -> list[int]:
    """The years a report covers: its own, or (midterm) every year of the plan up to it."""
    if shape == "annual":
        return [year]
    return list(range(plan.period.start, year + 1)) or [year]


def render_progress_report(
    plan: Plan,
    reports: Sequence[ProgressReport],
    year: int,
    shape: Shape,
    fmt: Format,
    *,
    date: str | None = None,
    templates: Path | None = None,
    invalid: Sequence[str] = (),
    assessments: Sequence[Assessment] = (),
    lang: str = "en",
) -> str:
    """The report; ``invalid`` names progress files left out for their errors, which the
    report says (a reader of the page never sees the command's error output);
    ``assessments`` add an independent assessment section when one is of the year."""
    env = environment(fmt, templates, lang)
    context = report_context(plan, reports, years_for(plan, reports, year, shape), date=date)
    context["shape"] = shape
    context["invalid"] = list(invalid)
    context["assessments"] = assessment_section(plan, context["status"], assessments)
    return render_template(env, f"report-{shape}.{fmt}.j2", context)
