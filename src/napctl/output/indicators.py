"""`napctl indicators` output: one row per indicator, as plain text, JSON, CSV or Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from napctl.core.csvtext import csv_text
from napctl.core.escape import printable
from napctl.indicators.crosswalk import CrossRow, crosswalk_record
from napctl.indicators.records import STATUS_LABELS, label, number_text, series_record
from napctl.indicators.series import Series
from napctl.output.writers import json_text
from napctl.render.markdown import md_escape

if TYPE_CHECKING:
    from napctl.checks.frameworks import Framework

HEADER = ["indicator", "text", "unit", "baseline", "values", "target", "status"]


def _clean(text: str) -> str:
    return printable(" ".join(text.split()))


def rows(series: Sequence[Series]) -> list[list[str]]:
    """The table: each indicator's baseline, combined values by year, target and status."""
    out = []
    for s in series:
        baseline = "" if s.baseline is None else f"{number_text(s.baseline[1])} ({s.baseline[0]})"
        values = ", ".join(f"{y}: {number_text(v)}" for y, v in s.combined.items())
        if not values:
            values = "; ".join(_narratives(s))
        latest = s.latest
        target = s.target_for(latest[0] if latest else None)
        shown_target = "" if target is None else f"{number_text(target[1])} by {target[0]}"
        out.append(
            [
                label(s),
                _clean(s.text)[:80],
                _clean(s.unit or ""),
                baseline,
                _clean(values),
                shown_target,
                STATUS_LABELS[s.status.status],
            ]
        )
    return out


def _narratives(series: Series) -> list[str]:
    return [
        f"{p.year} {p.department}: {p.narrative or p.text}"
        for p in series.points
        if p.narrative or p.text
    ]


def as_plain(series: Sequence[Series], plan: str) -> str:
    lines = ["\t".join(HEADER)] + ["\t".join(r) for r in rows(series)]
    return "\n".join(lines) + "\n"


def as_json(series: Sequence[Series], plan: str) -> str:
    return json_text({"plan": plan, "indicators": [series_record(s) for s in series]})


def as_csv(series: Sequence[Series], plan: str) -> str:
    """One row per value: plan, action, indicator, year, department, value, unit, status."""
    header = [
        "plan",
        "action",
        "indicator",
        "year",
        "department",
        "value",
        "unit",
        "narrative",
        "status",
    ]
    body: list[list[str]] = []
    for s in series:
        for p in s.points:
            status = s.departments.get(p.department)
            body.append(
                [
                    s.plan,
                    s.action,
                    str(s.number),
                    str(p.year),
                    p.department,
                    number_text(p.value) or p.text or "",
                    p.unit or s.unit or "",
                    p.narrative or "",
                    status.status if status else "",
                ]
            )
        for year, value in s.combined.items():
            body.append(
                [
                    s.plan,
                    s.action,
                    str(s.number),
                    str(year),
                    "",
                    number_text(value) or "",
                    s.unit or "",
                    "",
                    s.status.status,
                ]
            )
    return csv_text([header, *body])


def as_markdown(series: Sequence[Series], plan: str) -> str:
    lines = [f"# Indicators of {md_escape(plan)}", "", "| " + " | ".join(HEADER) + " |"]
    lines.append("|" + "---|" * len(HEADER))
    lines += ["| " + " | ".join(md_escape(c) for c in r) + " |" for r in rows(series)]
    return "\n".join(lines) + "\n"


def print_rich(series: Sequence[Series], plan: str) -> None:
    """The table on a terminal (rich); every cell escaped, so no text reads as markup."""
    from rich.console import Console  # lazy: start-up
    from rich.markup import escape  # lazy: start-up
    from rich.table import Table  # lazy: start-up

    table = Table(title=escape(f"Indicators of {_clean(plan)}"))
    for name in HEADER:
        table.add_column(name, overflow="fold")
    for row in rows(series):
        table.add_row(*(escape(cell) for cell in row))
    Console().print(table, highlight=False)


def crosswalk_text(plan: str, framework: Framework, found: Sequence[CrossRow], fmt: str) -> str:
    """The crosswalk as JSON, CSV, Markdown or a plain table."""
    if fmt == "json":
        return json_text(crosswalk_record(plan, framework, found))
    header = ["number", "framework indicator", "plan indicator", "latest", "status"]
    body: list[list[str]] = []
    for row in found:
        text = _clean(row.text)[:70] if row.text else "(text not shipped with napctl)"
        if not row.covered_by:
            body.append([row.number, text, "not covered", "", ""])
        for c in row.covered_by:
            latest = "" if c.latest is None else f"{c.latest} ({c.year})"
            status = STATUS_LABELS.get(c.status or "", "")
            body.append([row.number, text, f"{c.action} #{c.indicator}", latest, status])
    if fmt == "csv":
        return csv_text([header, *body])
    if fmt == "md":
        lines = [
            f"# {md_escape(plan)} and {md_escape(framework.id)}",
            "",
            "| " + " | ".join(header) + " |",
            "|" + "---|" * len(header),
        ]
        lines += ["| " + " | ".join(md_escape(c) for c in r) + " |" for r in body]
        return "\n".join(lines) + "\n"
    return "\n".join("\t".join(r) for r in [header, *body]) + "\n"
