"""The whole data set as a Frictionless data package: ``data/datapackage.json`` and a
CSV per resource (plans, departments, actions, assignments, progress entries)."""

from __future__ import annotations

import contextlib
from typing import Any

from napctl.core.csvtext import csv_text
from napctl.core.tree import TreeWriter
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


def plan_rows(data: PlanData) -> dict[str, list[tuple[Any, ...]]]:
    """One plan's rows of each resource."""
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in RESOURCES}
    plan = data.plan
    rows["plans"].append(
        (plan.id, plan.title, plan.country, plan.country_code, plan.period.start, plan.period.end)
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


class DataPackage:
    """The data package, written as the plans come: each resource's CSV is streamed
    to its file one plan at a time (the progress of 110 plans is not held at once)."""

    def __init__(self, tree: TreeWriter) -> None:
        self._stack = contextlib.ExitStack()
        self._files = {
            name: self._stack.enter_context(tree.stream(["data", f"{name}.csv"]))
            for name in RESOURCES
        }
        self._tree = tree
        for name, columns in RESOURCES.items():
            self._files[name].write(csv_text([[c for c, _ in columns]]).encode("utf-8"))

    def add(self, plan_rows: dict[str, list[tuple[Any, ...]]]) -> None:
        """One plan's rows (``plan_rows``), after those of the plans before it."""
        for name, rows in plan_rows.items():
            if rows:
                self._files[name].write(csv_text(rows).encode("utf-8"))

    def finish(self) -> None:
        """Put the CSV files in place (where their bytes changed) and write the
        package's description."""
        self._stack.close()
        self._tree.write(["data", "datapackage.json"], descriptor().encode("utf-8"))


def descriptor() -> str:
    """``datapackage.json``: the resources and their columns."""
    resources = [
        {
            "name": name,
            "path": f"{name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": [{"name": c, "type": t} for c, t in columns]},
        }
        for name, columns in RESOURCES.items()
    ]
    return json_text(
        {
            "name": "napctl-site",
            "title": "National Action Plans on Women, Peace and Security and their progress",
            "profile": "tabular-data-package",
            "resources": resources,
        }
    )
