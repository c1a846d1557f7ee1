"""The sections of the index, plan, pillar, goal, year and report pages (``@section``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from napctl.model import Action
from napctl.model.progress import NOT_REPORTED, STATUSES
from napctl.site.charts import status_bar
from napctl.site.data import PlanData, SiteData
from napctl.site.kinds import (
    action_address,
    department_address,
    goal_address,
    pillar_address,
    plan_address,
    report_address,
    year_address,
)
from napctl.site.pages import Bar, Chart, Link, Page, Section, Table, section

Gettext = Callable[[str], str]


def latest_statuses(data: PlanData) -> dict[str, str]:
    """Each action's overall status in the last year reported (empty without reports)."""
    if not data.years:
        return {}
    return {a.id: a.status for a in data.status[data.years[-1]].actions}


def status_counts(statuses: Iterable[str]) -> dict[str, int]:
    found = Counter(statuses)
    return {s: found[s] for s in STATUSES if found[s]}


def _actions_bar(label: str, data: PlanData, actions: Iterable[Action]) -> Bar:
    """The actions' statuses in the last year reported; their number without reports."""
    latest = latest_statuses(data)
    chosen = list(actions)
    if not latest:
        return status_bar(label, {"actions": len(chosen)})
    return status_bar(label, status_counts(latest.get(a.id, NOT_REPORTED) for a in chosen))


def _chart_title(data: PlanData, _: Gettext) -> str:
    if not data.years:
        return _("Actions (no reports yet)")
    return f"{_('Status of the actions in')} {data.years[-1]}"


@section("index", "plans", order=10)
def index_plans(page: Page, site: SiteData, _: Gettext) -> Section:
    table = Table(
        ("plan", "title", "country", "start", "end", "actions", "years_reported"),
        (_("Plan"), _("Title"), _("Country"), _("Start"), _("End"), _("Actions"), _("Years")),
    )
    bars = []
    for data in site.plans:
        plan = data.plan
        actions = [a for _p, _g, a in plan.actions()]
        table.rows.append(
            (
                Link(plan.id, plan_address(data)),
                plan.title,
                plan.country,
                plan.period.start,
                plan.period.end,
                len(actions),
                len(data.years),
            )
        )
        bars.append(_actions_bar(plan.id, data, actions))
    return Section("plans", _("Plans"), table, Chart(_("Status of each plan's actions"), bars))


@section("plan", "pillars", order=10)
def plan_pillars(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    table = Table(
        ("pillar", "title", "un_pillars", "goals", "actions"),
        (_("Pillar"), _("Title"), _("UN pillars"), _("Goals"), _("Actions")),
    )
    bars = []
    for pillar in data.plan.pillars:
        actions = [a for g in pillar.goals for a in g.actions]
        table.rows.append(
            (
                Link(pillar.id, pillar_address(data, pillar)),
                pillar.title,
                ", ".join(pillar.un_pillars),
                len(pillar.goals),
                len(actions),
            )
        )
        bars.append(_actions_bar(pillar.id, data, actions))
    return Section("pillars", _("Pillars"), table, Chart(_chart_title(data, _), bars))


@section("plan", "status", order=20)
def plan_status_summary(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    table = Table(("status", "actions"), (_("Status"), _("Actions")))
    latest = latest_statuses(data)
    counts = status_counts(latest.values())
    table.rows.extend((status, n) for status, n in counts.items())
    note = None if latest else _("No progress reports yet.")
    chart = Chart(_chart_title(data, _), [status_bar(_("All actions"), counts)]) if counts else None
    return Section("status", _("Status summary"), table, chart, note)


@section("plan", "reporting-rate", order=30)
def plan_reporting_rate(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    table = Table(
        ("year", "files", "reported", "owed", "rate_percent", "reports"),
        (_("Year"), _("Progress files"), _("Reported"), _("Owed"), _("Rate (%)"), _("Reports")),
    )
    bars = []
    for year in data.years:
        status = data.status[year]
        owed = sum(d.actions for d in status.departments)
        reported = sum(d.reported for d in status.departments)
        rate = round(100 * reported / owed) if owed else 0
        table.rows.append(
            (
                Link(str(year), year_address(data.id, year)),
                status.files,
                reported,
                owed - reported,
                rate,
                Link(f"{_('Reports')} {year}", report_address(data.id, year)),
            )
        )
        bars.append(status_bar(str(year), {"reported": reported, "owed": owed - reported}))
    note = None if data.years else _("No progress reports yet.")
    chart = Chart(_("Reporting rate per year"), bars) if bars else None
    return Section("reporting-rate", _("Reporting rate per year"), table, chart, note)


@section("plan", "departments", order=40)
def plan_departments(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    table = Table(("code", "name", "parent"), (_("Code"), _("Name"), _("Part of")))
    seen: set[tuple[str, ...]] = set()
    for dept in data.plan.departments:
        address = department_address(data.id, dept.code)
        if address not in seen:
            seen.add(address)
            table.rows.append((Link(dept.code, address), dept.name, dept.parent))
    return Section("departments", _("Departments"), table)


@section("pillar", "goals", order=10)
def pillar_goals(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    table = Table(("goal", "text", "actions"), (_("Goal"), _("Text"), _("Actions")))
    bars = []
    for goal in page.subject.goals:
        table.rows.append((Link(goal.id, goal_address(data, goal)), goal.text, len(goal.actions)))
        bars.append(_actions_bar(goal.id, data, goal.actions))
    return Section("goals", _("Goals"), table, Chart(_chart_title(data, _), bars))


@section("goal", "actions", order=10)
def goal_actions(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    _pillar, goal = page.subject
    latest = latest_statuses(data)
    table = Table(
        ("action", "text", "departments", "status"),
        (_("Action"), _("Text"), _("Departments"), _("Status")),
    )
    for action in goal.actions:
        table.rows.append(
            (
                Link(action.id, action_address(data.id, action.id)),
                action.text,
                ", ".join(action.codes()),
                latest.get(action.id),
            )
        )
    chart = Chart(_chart_title(data, _), [_actions_bar(goal.id, data, goal.actions)])
    return Section("actions", _("Actions"), table, chart)


@section("year", "departments", order=10)
def year_departments(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data, year = page.plan, page.subject
    if data is None:
        return None
    status = data.status[year]
    table = Table(
        ("department", "actions", "reported", "owed", "has_reported"),
        (_("Department"), _("Actions"), _("Reported"), _("Owed"), _("Has reported")),
    )
    bars = []
    for d in status.departments:
        table.rows.append(
            (
                Link(d.department, department_address(data.id, d.department)),
                d.actions,
                d.reported,
                d.missing,
                _("yes") if d.reported else _("no"),
            )
        )
        bars.append(status_bar(d.department, {"reported": d.reported, "owed": d.missing}))
    chart = Chart(f"{_('Who has reported in')} {year}", bars) if bars else None
    return Section("departments", _("Who has reported"), table, chart)


@section("year", "missing", order=20)
def year_missing(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data, year = page.plan, page.subject
    if data is None:
        return None
    table = Table(("department", "action"), (_("Department"), _("Action")))
    for code, action_id in data.status[year].missing:
        table.rows.append(
            (
                Link(code, department_address(data.id, code)),
                Link(action_id, action_address(data.id, action_id)),
            )
        )
    note = None if table.rows else _("Every department has reported on every action.")
    return Section("missing", _("Not reported yet"), table, note=note)


@section("report", "pillars", order=10)
def report_pillars(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data, year = page.plan, page.subject
    if data is None:
        return None
    groups = data.status[year].groups("pillar")
    table = Table(("pillar", *STATUSES), (_("Pillar"), *(_(s) for s in STATUSES)))
    bars = []
    for group in groups:
        table.rows.append((group.group, *(group.counts[s] for s in STATUSES)))
        bars.append(status_bar(group.group, group.counts))
    return Section(
        "pillars", f"{_('Status by pillar in')} {year}", table, Chart(_("Status by pillar"), bars)
    )
