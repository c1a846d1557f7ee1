"""Query results as JSON, CSV, YAML, Markdown or plain text."""

from __future__ import annotations

from collections.abc import Sequence

from napctl.core.csvtext import csv_text
from napctl.core.escape import printable
from napctl.output.writers import json_text
from napctl.plans import ActionRow
from napctl.plans.records import action_record
from napctl.render.markdown import md_escape


def as_json(rows: Sequence[ActionRow]) -> str:
    return json_text([action_record(r) for r in rows])


def as_yaml(rows: Sequence[ActionRow]) -> str:
    import yaml  # lazy: start-up (PyYAML costs ~17 ms; a cached query never loads it)

    from napctl.model.texts import Translated

    class Dumper(yaml.SafeDumper):
        """A text in several languages is written as the text the query shows."""

    Dumper.add_representer(Translated, yaml.SafeDumper.represent_str)
    if not rows:
        return "[]\n"
    return yaml.dump(
        [action_record(r) for r in rows],
        Dumper=Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )


CSV_COLUMNS = (
    "plan",
    "id",
    "pillar",
    "pillar_title",
    "goal",
    "goal_text",
    "text",
    "indicators",
    "departments",
    "roles",
    "for_all",
    "via_all",
    "notes",
)


def _goal_label(row: ActionRow) -> str:
    """The action's goal, and its expected result when it has one (``OS1.1 / R1.1.1``)."""
    return row.goal.id if row.result is None else f"{row.goal.id} / {row.result.id}"


def as_csv(rows: Sequence[ActionRow]) -> str:
    """One action a row; a plan with expected results adds the result's id and text."""
    with_results = any(r.result is not None for r in rows)
    out: list[list[str]] = [[*CSV_COLUMNS, *(("result", "result_text") if with_results else ())]]
    for row in rows:
        rec = action_record(row)
        roles = "; ".join(f"{a['code']}: {a['role']}" for a in rec["assignments"] if a["role"])
        out.append(
            [
                rec["plan"],
                rec["id"],
                rec["pillar"],
                rec["pillar_title"],
                rec["goal"],
                rec["goal_text"],
                rec["text"],
                "\n".join(rec["indicators"]),
                "; ".join(rec["departments"]),
                roles,
                str(rec["for_all"]).lower(),
                str(rec["via_all"]).lower(),
                "\n".join(rec["notes"]),
            ]
        )
        if with_results:
            out[-1] += ["", ""] if row.result is None else [row.result.id, row.result.text]
    return csv_text(out)


def departments_label(row: ActionRow) -> str:
    parts = []
    for a in row.action.assignments():
        label = a.code
        if a.role:
            label += f" ({a.role})"
        parts.append(label)
    return ", ".join(parts)


def as_markdown(rows: Sequence[ActionRow]) -> str:
    lines = [
        "| Plan | ID | Pillar | Goal | Action | Indicators | Departments |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [
            row.plan.id,
            row.action.id,
            row.pillar.title,
            _goal_label(row),
            row.action.text,
            "; ".join(row.action.indicator_texts()),
            departments_label(row) + (" (all departments)" if row.via_all else ""),
        ]
        lines.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def as_plain(rows: Sequence[ActionRow]) -> str:
    """Tab-separated, one action a line, a header first: for pipes, grep and cut."""
    out = ["plan\tid\tpillar\tgoal\tdepartments\ttext"]
    for row in rows:
        deps = departments_label(row) + (" [all]" if row.via_all else "")
        fields = [
            row.plan.id,
            row.action.id,
            row.pillar.id,
            _goal_label(row),
            deps,
            row.action.text,
        ]
        out.append("\t".join(printable(" ".join(f.split())) for f in fields))
    return "\n".join(out) + "\n"


def print_table(rows: Sequence[ActionRow]) -> None:
    """A rich table for people at a terminal."""
    # lazy: start-up (rich's tables cost ~35 ms; only a terminal needs them)
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=True, expand=True)
    table.add_column("ID", no_wrap=True, style="bold")
    # overflow="fold": a long word wraps onto the next line instead of being cut with "…"
    # (no data is lost on a narrow terminal).
    table.add_column("Pillar / goal", ratio=1, overflow="fold")
    table.add_column("Action", ratio=3, overflow="fold")
    table.add_column("Indicators", ratio=2, overflow="fold")
    table.add_column("Departments", ratio=1, overflow="fold")
    several_plans = len({r.plan.id for r in rows}) > 1

    def cell(text: str) -> str:  # one line of a cell: markup and control characters escaped
        return escape(printable(text))

    for row in rows:
        ident = (
            f"{cell(row.plan.id)}\n{cell(row.action.id)}" if several_plans else cell(row.action.id)
        )
        deps = cell(departments_label(row))
        if row.via_all:
            deps += "\n[italic](all departments)[/italic]"
        table.add_row(
            ident,
            cell(f"{row.pillar.id} {row.pillar.title}") + f"\n[dim]{cell(_goal_label(row))}[/dim]",
            cell(row.action.text),
            "\n".join(cell(f"• {i}") for i in row.action.indicator_texts()),
            deps,
        )
    console = Console()
    console.print(table)
    console.print(f"{len(rows)} action{'s' if len(rows) != 1 else ''}")
