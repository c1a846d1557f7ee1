"""The annual and mid-term reports of each year, rendered as `napctl render report`
renders them (the same contexts and templates), written beside the year's report page.

The site's one environment renders them, so their templates are compiled once
per build rather than once per report.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from napctl.model.progress import ProgressReport
from napctl.render.assessment_section import assessment_section
from napctl.render.progress_report import Shape, report_context, years_for
from napctl.render.templates import render_template
from napctl.site.data import PlanData
from napctl.site.sections_indicators import plan_indicators


def report_attachments(
    env: Environment, data: PlanData, year: int, date: str | None
) -> dict[str, str]:
    """``annual.html`` of ``year``, from the plan's valid reports, and in the last year
    reported ``midterm.html``, which covers every year so far (an earlier year's would
    be a part of it, and each costs all the years before it)."""
    out = {}
    shapes: tuple[Shape, ...] = ("annual", "midterm") if year == data.years[-1] else ("annual",)
    for shape in shapes:
        years = years_for(data.plan, data.reports, year, shape)
        reports = [r for r in data.reports if r.year in years]
        context = report_context(
            data.plan,
            reports,
            years,
            date=date,
            known=data.status,
            indicators=_same_indicators(data, reports, year),
        )
        context["shape"] = shape
        context["invalid"] = list(data.invalid)
        context["assessments"] = assessment_section(data.plan, context["status"], data.assessments)
        _outside_links_only(context)
        out[f"{shape}.html"] = render_template(env, f"report-{shape}.html.j2", context)
    return out


def _same_indicators(
    data: PlanData, reports: list[ProgressReport], year: int
) -> list[dict[str, Any]] | None:
    """The plan's indicator rows when a report's are the same (the mid-term report of
    the last year, from every report), else None (they are worked out for the report)."""
    if year != data.years[-1] or len(reports) != len(data.reports):
        return None
    return plan_indicators(data)


def _outside_links_only(context: dict[str, Any]) -> None:
    """Evidence kept as a repository path is shown as its title, not linked: the site
    is published without the repository, where such a link would lead nowhere."""
    for pillar in context["pillars"]:
        for row in pillar["actions"]:
            for dept in row["departments"]:
                for item in dept["evidence"]:
                    href = item["href"]
                    if href is not None and not href.startswith(("https://", "http://")):
                        item["href"] = None
