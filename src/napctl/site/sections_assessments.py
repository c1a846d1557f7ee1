"""Independent assessments on the action page (``@section("action", "assessments")``).

Each organisation's rating of the action, year by year, beside the status the
government's progress reports give it that year: the two voices side by side,
never combined, the organisation named on every rating (as the reports'
assessment section, ``render/assessment_section.py``, shows them).
"""

from __future__ import annotations

from collections.abc import Callable

from napctl.assess.ratings import shown
from napctl.model.assessment import NOT_RATED
from napctl.model.progress import NOT_REPORTED
from napctl.progress.checklist_items import flat, safe_href
from napctl.site.data import PlanData, SiteData
from napctl.site.kinds import year_address
from napctl.site.pages import Cell, Link, Page, Section, Table, section

Gettext = Callable[[str], str]


def government_status(data: PlanData, year: int, action_id: str) -> str | None:
    """The action's combined status in the progress reports of ``year`` (None: no
    report of that year was given)."""
    status = data.status.get(year)
    if status is None:
        return None
    return next((a.status for a in status.actions if a.id == action_id), NOT_REPORTED)


def _evidence(href: str | None, title: str) -> Cell:
    # Only http(s) links: the site is published without the repository's files.
    if href is not None and href.startswith(("https://", "http://")):
        return Link(title, href=href)
    return title


@section("action", "assessments", order=35)
def action_assessments(page: Page, site: SiteData, _: Gettext) -> Section | None:
    data = page.plan
    if data is None or not data.assessments:
        return None
    _pillar, _goal, action = page.subject
    table = Table(
        (
            "year",
            "organisation",
            "rating",
            "scale",
            "government",
            "disputes",
            "narrative",
            "evidence",
        ),
        (
            _("Year"),
            _("Organisation"),
            _("Rating"),
            _("Scale"),
            _("Government status"),
            _("Disputes"),
            _("Assessment"),
            _("Evidence"),
        ),
    )
    ordered = sorted(data.assessments, key=lambda a: (a.year, a.organisation.casefold()))
    for assessment in ordered:
        for rating in assessment.ratings:
            item = shown(assessment, rating)
            if rating.action != action.id or rating.level == NOT_RATED or item.level is None:
                continue
            words = item.level if item.level == item.label else f"{item.level} ({item.label})"
            government = government_status(data, assessment.year, action.id)
            first = rating.evidence[0] if rating.evidence else None
            year: Cell = assessment.year
            if assessment.year in data.status:
                year = Link(str(assessment.year), year_address(data.id, assessment.year))
            table.rows.append(
                (
                    year,
                    assessment.organisation,
                    words,
                    _(item.scale),
                    _(government) if government else _("no reports that year"),
                    _(rating.disputes) if rating.disputes else None,
                    flat(rating.narrative),
                    None if first is None else _evidence(safe_href(first.url, None), first.title),
                )
            )
    if not table.rows:
        return None
    return Section(
        "assessments",
        _("Independent assessments"),
        table,
        note=_("Each organisation's own rating, beside the government's status; never combined."),
    )
