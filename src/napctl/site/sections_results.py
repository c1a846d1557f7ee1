"""The results level and the actors on the site: a page per expected result
(``@page_kind("result")``, ``<plan>/results/<id>/``, only in plans that have
results), linked from its goal's page and from its actions' pages, and each
actor's kind and role on the action and department pages (``@section``).

Actions come from ``Plan.walk()``: an action under a result has the result's
indicators and actors when it names none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from napctl.model import ALL, Action, Result
from napctl.site.data import PlanData, SiteData
from napctl.site.kinds import (
    action_address,
    department_address,
    goal_address,
    pillar_address,
    plan_address,
    segment,
)
from napctl.site.pages import Cell, Link, Page, Section, Table, page_kind, section

Gettext = Callable[[str], str]


def result_address(plan_id: str, result_id: str) -> tuple[str, ...]:
    return (segment(plan_id), "results", segment(result_id))


def _actor_rows(data: PlanData, owner: Action | Result, _: Gettext) -> list[tuple[Cell, ...]]:
    """Each actor of an action or a result: code (linked), name, kind, role, note."""
    rows: list[tuple[Cell, ...]] = []
    lead = owner.lead if isinstance(owner, Action) else None
    for a in owner.assignments():
        dept = data.plan.department(a.code)
        name = _("All departments") if a.code == ALL else dept.name if dept else a.code
        who: Cell = a.code if a.code == ALL else Link(a.code, department_address(data.id, a.code))
        kind = _(dept.actor_kind) if dept is not None else None
        role = a.role or ("lead" if lead == a.code else "responsible")
        rows.append((who, name, kind, _(role), a.note))
    return rows


def _actor_table(_: Gettext) -> Table:
    return Table(
        ("code", "name", "kind", "role", "note"),
        (_("Code"), _("Name"), _("Kind of actor"), _("Role"), _("Note")),
    )


@section("action", "actors", order=20)
def action_actors(page: Page, site: SiteData, _: Gettext) -> Section | None:
    """The action's actors with their kind (government, civil society ...) and role."""
    data = page.plan
    if data is None:
        return None
    _pillar, _goal, action = page.subject
    table = _actor_table(_)
    table.rows.extend(_actor_rows(data, action, _))
    return Section("actors", _("Actors and their roles"), table)


@section("action", "result", order=5)
def action_result(page: Page, site: SiteData, _: Gettext) -> Section | None:
    """The expected result the action serves, linked to its page."""
    data = page.plan
    if data is None:
        return None
    placed = data.actors().first_placed(page.subject[2].id)
    result = None if placed is None else placed.result
    if result is None:
        return None
    table = Table(("result", "text"), (_("Result"), _("Text")))
    table.rows.append((Link(result.id, result_address(data.id, result.id)), result.text))
    return Section("result", _("Expected result"), table)


@section("goal", "results", order=5)
def goal_results(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    _pillar, goal = page.subject
    if data is None or not goal.results:
        return None
    table = Table(("result", "text", "actions"), (_("Result"), _("Text"), _("Actions")))
    for r in goal.results:
        link = Link(r.id, result_address(data.id, r.id))
        table.rows.append((link, r.text, len(r.actions)))
    return Section("results", _("Expected results"), table)


@page_kind("result")
def result_pages(site: SiteData, _: Gettext) -> Iterator[Page]:
    for data in site.plans:
        seen: set[str] = set()
        for pillar in data.plan.pillars:
            for goal in pillar.goals:
                for result in goal.results:
                    if result.id in seen:  # one address per id: the first result holds it
                        continue
                    seen.add(result.id)
                    yield Page(
                        "result",
                        result_address(data.id, result.id),
                        f"{_('Result')} {result.id}",
                        subject=result,
                        plan=data,
                        facts=[
                            (_("Result"), result.text),
                            (_("Goal"), Link(f"{goal.id}: {goal.text}", goal_address(data, goal))),
                            (_("Indicators"), "; ".join(result.indicator_texts()) or None),
                        ],
                        children=[
                            Link(f"{a.id}: {a.text}", action_address(data.id, a.id))
                            for a in result.actions
                        ],
                        trail=[
                            Link(_("Plans"), ()),
                            Link(data.plan.title, plan_address(data)),
                            Link(pillar.title, pillar_address(data, pillar)),
                            Link(f"{_('Goal')} {goal.id}", goal_address(data, goal)),
                        ],
                    )


@section("result", "actors", order=10)
def result_actors(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None:
        return None
    table = _actor_table(_)
    table.rows.extend(_actor_rows(data, page.subject, _))
    note = None if table.rows else _("The result names no actor: each action names its own.")
    return Section("actors", _("Actors and their roles"), table, note=note)


@section("department", "actor", order=5)
def department_actor(page: Page, site: SiteData, _: Gettext) -> Section | None:
    """What the actor is, whether it owes progress reports, and its roles."""
    data = page.plan
    if data is None:
        return None
    dept = page.subject
    roles: dict[str, int] = {}  # role -> how many actions
    for placed in data.actors().actions_of(dept.code):
        for a in placed.action.assignments():
            if a.code == dept.code:
                role: str = a.role or ("lead" if placed.action.lead == a.code else "responsible")
                roles[role] = roles.get(role, 0) + 1
    table = Table(
        ("kind", "reports", "role", "actions"),
        (_("Kind of actor"), _("Reports"), _("Role"), _("Actions")),
    )
    reports = _("yes") if dept.reporting else _("no")
    for role, count in sorted(roles.items()) or [("", 0)]:
        table.rows.append((_(dept.actor_kind), reports, _(role) if role else None, count))
    return Section("actor", _("Kind of actor and roles"), table)
