"""The kinds of page, one registry entry each (``@page_kind``), in the site's order.

Addresses are stable, so that a person can cite a page: ``<plan>/``,
``<plan>/pillars/<id>/``, ``<plan>/goals/<id>/``, ``<plan>/actions/<id>/``,
``<plan>/departments/<slug>/``, ``<plan>/years/<year>/``,
``<plan>/reports/<year>/``. Ids are the plan's own (letters, digits, ``.``, ``_``,
``-``: nothing that leaves a folder); department codes become slugs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from napctl.core.slugs import slugify
from napctl.model import Action, Goal, Pillar
from napctl.site.data import PlanData, SiteData
from napctl.site.pages import Cell, Link, Page, page_kind

Gettext = Callable[[str], str]

#: What validation lets an id be; anything else (a model built without validation)
#: becomes a slug, so that no address can leave its folder.
_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")


def segment(name: str) -> str:
    """``name`` as one folder of an address."""
    return name if _SAFE_SEGMENT.match(name) and ".." not in name else slugify(name)


def plan_address(data: PlanData) -> tuple[str, ...]:
    return (segment(data.id),)


def pillar_address(data: PlanData, pillar: Pillar) -> tuple[str, ...]:
    return (segment(data.id), "pillars", segment(pillar.id))


def goal_address(data: PlanData, goal: Goal) -> tuple[str, ...]:
    return (segment(data.id), "goals", segment(goal.id))


def action_address(plan_id: str, action_id: str) -> tuple[str, ...]:
    return (segment(plan_id), "actions", segment(action_id))


def department_address(plan_id: str, code: str) -> tuple[str, ...]:
    return (segment(plan_id), "departments", slugify(code))


def year_address(plan_id: str, year: int) -> tuple[str, ...]:
    return (segment(plan_id), "years", str(year))


def report_address(plan_id: str, year: int) -> tuple[str, ...]:
    return (segment(plan_id), "reports", str(year))


def _trail(data: PlanData, _: Gettext, *more: Link) -> list[Link]:
    return [Link(_("Plans"), ()), Link(data.plan.title, plan_address(data)), *more]


@page_kind("index", site_wide=True)
def index_pages(site: SiteData, _: Gettext) -> Iterator[Page]:
    yield Page(
        "index",
        (),
        _("National Action Plans on Women, Peace and Security"),
        children=[Link(d.plan.title, plan_address(d)) for d in site.plans],
    )


@page_kind("plan")
def plan_pages(site: SiteData, _: Gettext) -> Iterator[Page]:
    for data in site.plans:
        plan = data.plan
        yield Page(
            "plan",
            plan_address(data),
            plan.title,
            subject=plan,
            plan=data,
            facts=[
                (_("Country"), plan.country),
                (_("Period"), f"{plan.period.start}-{plan.period.end}"),
                (_("Source"), plan.source.title),
                (_("Language"), plan.language),
            ],
            trail=[Link(_("Plans"), ())],
        )


@page_kind("pillar")
def pillar_pages(site: SiteData, _: Gettext) -> Iterator[Page]:
    for data in site.plans:
        for pillar in data.plan.pillars:
            yield Page(
                "pillar",
                pillar_address(data, pillar),
                f"{_('Pillar')} {pillar.id}: {pillar.title}",
                subject=pillar,
                plan=data,
                facts=[
                    (_("UN pillars"), ", ".join(pillar.un_pillars)),
                    (_("Summary"), pillar.summary),
                ],
                children=[Link(f"{g.id}: {g.text}", goal_address(data, g)) for g in pillar.goals],
                trail=_trail(data, _),
            )


@page_kind("goal")
def goal_pages(site: SiteData, _: Gettext) -> Iterator[Page]:
    for data in site.plans:
        for pillar in data.plan.pillars:
            for goal in pillar.goals:
                yield Page(
                    "goal",
                    goal_address(data, goal),
                    f"{_('Goal')} {goal.id}",
                    subject=(pillar, goal),
                    plan=data,
                    facts=[(_("Goal"), goal.text)],
                    trail=_trail(data, _, Link(pillar.title, pillar_address(data, pillar))),
                )


@page_kind("action")
def action_pages(site: SiteData, _: Gettext) -> Iterator[Page]:
    for data in site.plans:
        seen: set[str] = set()
        for pillar, goal, action in data.plan.actions():
            if action.id in seen:  # one address per id: the first action holds it
                continue
            seen.add(action.id)
            yield Page(
                "action",
                action_address(data.id, action.id),
                f"{_('Action')} {action.id}",
                subject=(pillar, goal, action),
                plan=data,
                facts=_action_facts(data, pillar, goal, action, _),
                trail=_trail(
                    data,
                    _,
                    Link(pillar.title, pillar_address(data, pillar)),
                    Link(f"{_('Goal')} {goal.id}", goal_address(data, goal)),
                ),
            )


def _action_facts(
    data: PlanData, pillar: Pillar, goal: Goal, action: Action, _: Gettext
) -> list[tuple[str, Cell]]:
    return [
        (_("Action"), action.text),
        (_("Pillar"), Link(f"{pillar.id}: {pillar.title}", pillar_address(data, pillar))),
        (_("Goal"), Link(f"{goal.id}: {goal.text}", goal_address(data, goal))),
        (_("Deadline"), None if action.deadline is None else str(action.deadline)),
        (_("Timeline"), action.timeline),
        (_("Notes"), " ".join(action.notes) or None),
    ]


@page_kind("department")
def department_pages(site: SiteData, _: Gettext) -> Iterator[Page]:
    for data in site.plans:
        seen: set[tuple[str, ...]] = set()
        for dept in data.plan.departments:
            address = department_address(data.id, dept.code)
            if address in seen:
                continue
            seen.add(address)
            parent = dept.parent
            yield Page(
                "department",
                department_address(data.id, dept.code),
                dept.name,
                subject=dept,
                plan=data,
                facts=[
                    (_("Code"), dept.code),
                    (_("Other names"), ", ".join(sorted({*dept.names.values(), *dept.aliases}))),
                    (
                        _("Part of"),
                        None
                        if parent is None
                        else Link(parent, department_address(data.id, parent)),
                    ),
                ],
                trail=_trail(data, _),
            )


@page_kind("year")
def year_pages(site: SiteData, _: Gettext) -> Iterator[Page]:
    for data in site.plans:
        for year in data.years:
            yield Page(
                "year",
                year_address(data.id, year),
                f"{_('Reporting status')} {year}",
                subject=year,
                plan=data,
                facts=[(_("Progress files"), str(data.status[year].files))],
                trail=_trail(data, _),
            )


@page_kind("report")
def report_pages(site: SiteData, _: Gettext) -> Iterator[Page]:
    from napctl.site.reports import report_attachments

    for data in site.plans:
        for year in data.years:
            if year not in data.rendered and site.env is not None:
                data.rendered[year] = report_attachments(site.env, data, year, site.date)
            yield Page(
                "report",
                report_address(data.id, year),
                f"{_('Reports')} {year}",
                subject=year,
                plan=data,
                children=[
                    Link(_("Annual report"), href="annual.html"),
                    *(
                        [Link(_("Mid-term report (every year so far)"), href="midterm.html")]
                        if year == data.years[-1]
                        else []
                    ),
                ],
                trail=_trail(data, _),
                attachments=data.rendered.get(year, {}),
            )
