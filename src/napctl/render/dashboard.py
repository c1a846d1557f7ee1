"""`napctl render dashboard`: one standalone HTML page per plan and year.

No script and no network: inline SVG bars, each segment a colour of the
Okabe-Ito palette (readable with the common colour-vision deficiencies) and a
pattern (readable in greyscale print), with the numbers in text beside every
bar. The geometry is computed here; the template (``dashboard.html.j2``, which
users can override) only places it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from napctl.core.i18n import term, translator
from napctl.model import Plan
from napctl.model.assessment import Assessment
from napctl.model.progress import STATUSES, ProgressReport
from napctl.progress.status import PlanStatus
from napctl.render.assessment_section import assessment_section
from napctl.render.progress_report import report_context
from napctl.render.templates import environment, render_template

#: status -> (colour, pattern id, words for a reader who cannot see either)
STYLE: dict[str, tuple[str, str]] = {
    "completed": ("#009E73", "solid"),
    "ongoing": ("#56B4E9", "stripes"),
    "delayed": ("#E69F00", "cross"),
    "not-started": ("#F0E442", "dots"),
    "discontinued": ("#CC79A7", "lines"),
    "not-applicable": ("#BBBBBB", "solid"),
    "not-reported": ("#FFFFFF", "blank"),
}
#: The order segments are stacked in: done first, nothing known last.
ORDER = (
    "completed",
    "ongoing",
    "delayed",
    "not-started",
    "discontinued",
    "not-applicable",
    "not-reported",
)
BAR_WIDTH = 300


def bar(label: str, title: str, counts: dict[str, int], lang: str = "en") -> dict[str, Any]:
    """One stacked bar: its segments' geometry and its numbers in words."""
    total = sum(counts.values())
    segments, x = [], 0.0
    for status in ORDER:
        n = counts.get(status, 0)
        if not n:
            continue
        width = BAR_WIDTH * n / total
        colour, pattern = STYLE[status]
        segments.append(
            {
                "status": status,
                "count": n,
                "x": round(x, 2),
                "width": round(width, 2),
                "colour": colour,
                "pattern": pattern,
            }
        )
        x += width
    words = ", ".join(f"{s['count']} {term(str(s['status']), lang)}" for s in segments)
    return {
        "label": label,
        "title": title,
        "total": total,
        "segments": segments,
        "words": words,
        "counts": {s: counts.get(s, 0) for s in STATUSES},
    }


def department_counts(plan: Plan, status: PlanStatus, lang: str = "en") -> list[dict[str, Any]]:
    """Each department's own statuses for the year (its entries, not the combined ones)."""
    per: dict[str, Counter[str]] = {}
    for action in status.actions:
        for r in action.reports:
            per.setdefault(r.department, Counter())[r.status] += 1
    names = {d.code: d.name for d in plan.departments}
    return [
        bar(code, names.get(code, code), dict(per[code]), lang)
        for code in [d.department for d in status.departments]
    ]


def years_chart(per_year: list[dict[str, Any]]) -> dict[str, Any]:
    """Completion over the years: one column per year, its share completed and reported."""
    height = 120
    columns = []
    for n, y in enumerate(per_year):
        total = y["total"] or 1
        reported = total - y["counts"]["not-reported"]
        columns.append(
            {
                "year": y["year"],
                "x": 40 + 70 * n,
                "completed": y["counts"]["completed"],
                "files": y.get("files", 1),
                "reported": reported,
                "total": y["total"],
                "completed_pct": round(100 * y["counts"]["completed"] / total),
                "reported_pct": round(100 * reported / total),
                "completed_h": round(height * y["counts"]["completed"] / total, 2),
                "reported_h": round(height * reported / total, 2),
            }
        )
    return {"height": height, "width": 40 + 70 * max(len(columns), 1), "columns": columns}


def dashboard_context(
    plan: Plan,
    reports: Sequence[ProgressReport],
    year: int,
    *,
    date: str | None = None,
    lang: str = "en",
) -> dict[str, Any]:
    years = list(range(plan.period.start, year + 1)) or [year]
    context = report_context(plan, reports, years, date=date)
    _ = translator(lang).gettext
    context["overall"] = bar(_("All"), _("All actions"), context["counts"], lang)
    context["by_pillar"] = [bar(p["id"], p["title"], p["counts"], lang) for p in context["pillars"]]
    context["by_department"] = department_counts(plan, context["status"], lang)
    context["years_chart"] = years_chart(context["per_year"])
    context["legend"] = [
        {"status": s, "colour": STYLE[s][0], "pattern": STYLE[s][1]} for s in ORDER
    ]
    context["bar_width"] = BAR_WIDTH
    return context


def render_dashboard(
    plan: Plan,
    reports: Sequence[ProgressReport],
    year: int,
    *,
    date: str | None = None,
    templates: Path | None = None,
    invalid: Sequence[str] = (),
    lang: str = "en",
    assessments: Sequence[Assessment] = (),
) -> str:
    """The page; ``invalid`` names progress files left out for their errors, and
    ``assessments`` add an independent assessment section (see
    ``render_progress_report``)."""
    env = environment("html", templates, lang)
    context = dashboard_context(plan, reports, year, date=date, lang=lang)
    context["invalid"] = list(invalid)
    context["assessments"] = assessment_section(plan, context["status"], assessments)
    return render_template(env, "dashboard.html.j2", context)
