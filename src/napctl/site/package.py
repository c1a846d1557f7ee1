"""The whole data set as a Frictionless data package: ``data/datapackage.json`` and a
CSV per resource (plans, departments, actions, assignments, progress entries)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from napctl.core.csvtext import csv_text
from napctl.output.writers import json_text
from napctl.progress.checklist_items import flat
from napctl.site.data import PlanData

#: resource -> its columns (name, Frictionless type).
RESOURCES: dict[str, tuple[tuple[str, str], ...]] = {
    "plans": (
        ("plan", "string"),
        ("title", "string"),
        ("country", "string"),
        ("country_code", "string"),
        ("start", "integer"),
        ("end", "integer"),
    ),
    "departments": (
        ("plan", "string"),
        ("code", "string"),
        ("name", "string"),
        ("parent", "string"),
    ),
    "actions": (
        ("plan", "string"),
        ("pillar", "string"),
        ("goal", "string"),
        ("action", "string"),
        ("text", "string"),
        ("indicators", "string"),
    ),
    "assignments": (
        ("plan", "string"),
        ("action", "string"),
        ("department", "string"),
        ("role", "string"),
    ),
    "progress": (
        ("plan", "string"),
        ("year", "integer"),
        ("department", "string"),
        ("action", "string"),
        ("status", "string"),
        ("summary", "string"),
    ),
}


def _rows(plans: Sequence[PlanData]) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in RESOURCES}
    for data in plans:
        plan = data.plan
        rows["plans"].append(
            (
                plan.id,
                plan.title,
                plan.country,
                plan.country_code,
                plan.period.start,
                plan.period.end,
            )
        )
        rows["departments"] += [(plan.id, d.code, d.name, d.parent) for d in plan.departments]
        for pillar, goal, action in plan.actions():
            rows["actions"].append(
                (
                    plan.id,
                    pillar.id,
                    goal.id,
                    action.id,
                    action.text,
                    " | ".join(action.indicator_texts()),
                )
            )
            rows["assignments"] += [
                (plan.id, action.id, a.code, a.role or "responsible") for a in action.assignments()
            ]
        for report in sorted(data.reports, key=lambda r: (r.year, r.department)):
            rows["progress"] += [
                (plan.id, report.year, report.department, e.id, e.status, flat(e.summary))
                for e in report.actions
            ]
    return rows


def data_package(plans: Sequence[PlanData]) -> dict[str, str]:
    """File name (under ``data/``) -> text."""
    files = {}
    resources = []
    for name, rows in _rows(plans).items():
        columns = RESOURCES[name]
        files[f"{name}.csv"] = csv_text([[c for c, _ in columns], *rows])
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": [{"name": c, "type": t} for c, t in columns]},
            }
        )
    files["datapackage.json"] = json_text(
        {
            "name": "napctl-site",
            "title": "National Action Plans on Women, Peace and Security and their progress",
            "profile": "tabular-data-package",
            "resources": resources,
        }
    )
    return files
