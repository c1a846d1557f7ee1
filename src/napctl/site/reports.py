"""The annual and mid-term reports of each year, rendered as `napctl render report`
renders them (the same templates), written beside the year's report page."""

from __future__ import annotations

from napctl.render.progress_report import Shape, render_progress_report, years_for
from napctl.site.data import PlanData


def report_attachments(data: PlanData, year: int, date: str | None) -> dict[str, str]:
    """``annual.html`` and ``midterm.html`` of ``year``, from the plan's valid reports."""
    out = {}
    shapes: tuple[Shape, ...] = ("annual", "midterm")
    for shape in shapes:
        years = years_for(data.plan, data.reports, year, shape)
        reports = [r for r in data.reports if r.year in years]
        out[f"{shape}.html"] = render_progress_report(
            data.plan,
            reports,
            year,
            shape,
            "html",
            date=date,
            invalid=data.invalid,
        )
    return out
