"""The sections of the action and department pages (``@section``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from napctl.checks.progress import responsible
from napctl.model.progress import NOT_REPORTED, Entry
from napctl.progress.checklist_items import flat, safe_href
from napctl.site.charts import status_bar
from napctl.site.data import SiteData
from napctl.site.kinds import action_address, department_address, year_address
from napctl.site.pages import Cell, Chart, Link, Page, Section, Table, section

Gettext = Callable[[str], str]


def _evidence(entry: Entry | None) -> str | Link | None:
    """The first piece of evidence: a link when it is http(s), else its path as text."""
    if entry is None or not entry.evidence:
        return None
    first = entry.evidence[0]
    href = safe_href(first.url, None)
    more = f" (+{len(entry.evidence) - 1})" if len(entry.evidence) > 1 else ""
    if href is not None:
        return Link(f"{first.title}{more}", href=href)
    return f"{first.title}{more}" + (f" [{first.path}]" if first.path else "")


@section("action", "reports", order=30)
def action_reports(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    _pillar, _goal, action = page.subject
    table = Table(
        ("year", "department", "status", "summary", "evidence"),
        (_("Year"), _("Department"), _("Status"), _("What was done"), _("Evidence")),
    )
    bars = []
    for year in data.years:
        found: Counter[str] = Counter()
        for code in responsible(data.plan, action):
            entry = data.entry(year, code, action.id)
            status = NOT_REPORTED if entry is None else entry.status
            found[status] += 1
            table.rows.append(
                (
                    Link(str(year), year_address(data.id, year)),
                    Link(code, department_address(data.id, code)),
                    _(status),
                    None if entry is None else flat(entry.summary),
                    _evidence(entry),
                )
            )
        bars.append(status_bar(str(year), found))
    note = None if data.years else _("No progress reports yet.")
    chart = Chart(_("Each department's status per year"), bars) if bars else None
    return Section("reports", _("Progress reported"), table, chart, note)


@section("action", "history", order=40)
def action_history(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    _pillar, _goal, action = page.subject
    steps = data.history.get(action.id, [])
    if not steps:
        return None
    table = Table(("plan", "action", "change"), (_("Plan"), _("Action"), _("Change")))
    for step in steps:
        known = site.has_plan(step.plan) and step.action
        target: Cell = (
            Link(step.action, action_address(step.plan, step.action)) if known else step.action
        )
        words = _("before, in") if step.side == "before" else _("after, in")
        table.rows.append((f"{words} {step.plan}", target, _(step.how)))
    return Section("history", _("History across plan versions"), table)


@section("department", "duties", order=10)
def department_duties(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    code = page.subject.code
    table = Table(
        ("action", "pillar", "role", "text"), (_("Action"), _("Pillar"), _("Role"), _("Text"))
    )
    per_pillar: Counter[str] = Counter()
    for placed in data.actors().actions_of(code, with_for_all=True):
        pillar, action = placed.pillar, placed.action
        roles = [a.role or "responsible" for a in action.assignments() if a.code == code]
        role = roles[0] if roles else _("all departments")
        table.rows.append(
            (Link(action.id, action_address(data.id, action.id)), pillar.id, _(role), action.text)
        )
        per_pillar[pillar.id] += 1
    bars = [status_bar(p.id, {"actions": per_pillar[p.id]}) for p in data.plan.pillars]
    for duty in data.plan.reporting:
        if code in duty.by:
            table.rows.append((None, None, _("reporting"), duty.what))
    return Section("duties", _("Duties"), table, Chart(_("Actions per pillar"), bars))


@section("department", "reporting", order=20)
def department_reporting(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    code = page.subject.code
    table = Table(
        ("year", "actions", "reported", "completed", "delayed", "owed"),
        (_("Year"), _("Actions"), _("Reported"), _("Completed"), _("Delayed"), _("Owed")),
    )
    bars = []
    for year, d in data.counts_of(code):
        table.rows.append(
            (
                Link(str(year), year_address(data.id, year)),
                d.actions,
                d.reported,
                d.completed,
                d.delayed,
                d.missing,
            )
        )
        bars.append(status_bar(str(year), {"reported": d.reported, "owed": d.missing}))
    note = None if table.rows else _("No reports owed or sent yet.")
    chart = Chart(_("Reporting history"), bars) if bars else None
    return Section("reporting", _("Reporting history"), table, chart, note)
