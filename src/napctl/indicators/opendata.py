"""Open formats of the series: a Frictionless data package and Open SDG's CSV layout.

Each function returns the files to write (name -> text); the command writes them
with napctl's one atomic writer. File names are slugs: they cannot leave the folder.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from napctl.core.csvtext import csv_text
from napctl.core.slugs import slugify
from napctl.indicators.records import number_text
from napctl.indicators.series import Series

#: The columns of the data package's one resource, with their Table Schema types.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("plan", "string", "The plan's id"),
    ("action", "string", "The action's id"),
    ("indicator", "integer", "The indicator's number on its action"),
    ("year", "year", "The year the value refers to"),
    ("department", "string", "The reporting department (empty: all, combined by the rule)"),
    ("disaggregation", "string", "dimension=category for a part of the value (empty: the total)"),
    ("value", "number", "The value, exact as reported"),
    ("unit", "string", "The unit"),
    ("status", "string", "The progress status (docs/indicators.md)"),
)


def _rows(series: Sequence[Series]) -> list[list[str]]:
    rows: list[list[str]] = []
    for s in series:
        head = [s.plan, s.action, str(s.number)]
        for p in s.points:
            if p.value is None:
                continue
            status = s.departments.get(p.department)
            tail = [p.unit or s.unit or "", status.status if status else ""]
            rows.append([*head, str(p.year), p.department, "", number_text(p.value) or "", *tail])
            for dimension, parts in p.disaggregation.items():
                for category, value in parts.items():
                    cell = f"{dimension}={category}"
                    rows.append([*head, str(p.year), p.department, cell, format(value, "f"), *tail])
        for year, value in s.combined.items():
            tail = [s.unit or "", s.status.status]
            rows.append([*head, str(year), "", "", number_text(value) or "", *tail])
    return rows


def datapackage(series: Sequence[Series], plan: str) -> dict[str, str]:
    """``datapackage.json`` and ``indicators.csv`` (one resource with a Table Schema)."""
    name = slugify(plan) or "plan"
    descriptor = {
        "name": f"napctl-indicators-{name}",
        "title": f"Indicator values of {plan}",
        "resources": [
            {
                "name": "indicators",
                "path": "indicators.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": n, "type": t, "description": d} for n, t, d in FIELDS],
                    "missingValues": [""],
                },
            }
        ],
    }
    header = [f[0] for f in FIELDS]
    return {
        "datapackage.json": json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n",
        "indicators.csv": csv_text([header, *_rows(series)]),
    }


def opensdg(series: Sequence[Series], plan: str) -> dict[str, str]:
    """One CSV per indicator, ``indicator_<action>-<n>.csv``: Year, disaggregation columns,
    Value; the combined value is the row with the disaggregation columns empty."""
    files: dict[str, str] = {}
    for s in series:
        dimensions = sorted({d for p in s.points for d in p.disaggregation})
        rows: list[list[str]] = []
        for year, value in s.combined.items():
            rows.append([str(year), *([""] * len(dimensions)), number_text(value) or ""])
            for dimension, parts in s.combined_disaggregation.get(year, {}).items():
                for category, part in parts.items():
                    cells = [category if d == dimension else "" for d in dimensions]
                    rows.append([str(year), *cells, format(part, "f")])
        if rows:
            name = f"indicator_{slugify(s.action)}-{s.number}.csv"
            files[name] = csv_text([["Year", *dimensions, "Value"], *rows])
    return files
