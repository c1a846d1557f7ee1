"""`napctl status --assessments`: the status table with a column per organisation.

The government's columns and JSON keys stay as `napctl status` prints them; the
ratings are added beside them (a column per organisation, an ``assessments``
key per action), never folded into a status.
"""

from __future__ import annotations

from napctl.assess.ratings import AssessedStatus
from napctl.core.csvtext import csv_text
from napctl.output import status as plain
from napctl.output.writers import json_text
from napctl.progress.status import PlanStatus, status_record
from napctl.render.markdown import md_escape


def table(result: PlanStatus, by: str, side: AssessedStatus) -> tuple[list[str], list[list[str]]]:
    header, rows, _ = plain.table(result, by)
    if by != "action":
        return header, rows
    header = [*header, *(f"{o} ({s})" for o, s in side.organisations)]
    rows = [
        [*row, *(side.cell(a.id, o) for o, _ in side.organisations)]
        for row, a in zip(rows, result.actions, strict=True)
    ]
    return [plain.clean(h) for h in header], [[plain.clean(c) for c in r] for r in rows]


def as_plain(result: PlanStatus, by: str, side: AssessedStatus) -> str:
    header, rows = table(result, by, side)
    lines = [plain.title(result), "\t".join(header), *("\t".join(r) for r in rows)]
    lines += plain.missing_lines(result)
    return "\n".join(lines) + "\n"


def as_csv(result: PlanStatus, by: str, side: AssessedStatus) -> str:
    header, rows = table(result, by, side)
    return csv_text(
        [["plan", "year", *header], *([result.plan.id, str(result.year), *row] for row in rows)]
    )


def as_markdown(result: PlanStatus, by: str, side: AssessedStatus) -> str:
    header, rows = table(result, by, side)
    lines = [
        f"## {md_escape(plain.title(result))}",
        "",
        "| " + " | ".join(md_escape(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    missing = plain.missing_lines(result)
    lines += ["", md_escape(missing[0])]
    lines += [f"- {md_escape(line.strip())}" for line in missing[1:]]
    return "\n".join(lines) + "\n"


def as_json(result: PlanStatus, by: str, side: AssessedStatus) -> str:
    """`status --format json` with keys added: ``assessments`` at the top (who rated, on
    which scale) and on each action (their ratings of it)."""
    record = status_record(result, by)
    record["assessments"] = [{"organisation": o, "scale": s} for o, s in side.organisations]
    actions = record.get("actions")
    if isinstance(actions, list):
        for item in actions:
            if isinstance(item, dict):
                item["assessments"] = [
                    {"organisation": r.organisation, "level": r.level, "label": r.label}
                    for r in side.ratings.get(str(item.get("id")), [])
                ]
    return json_text(record)
