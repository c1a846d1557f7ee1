"""`napctl status` output: one table per `--by`, as rich, plain text, CSV or Markdown."""

from __future__ import annotations

from napctl.core.csvtext import csv_text
from napctl.core.escape import printable
from napctl.model.progress import STATUSES
from napctl.output.writers import json_text
from napctl.progress.status import PlanStatus, status_record
from napctl.render.markdown import md_escape

COLOURS = {
    "not-reported": "bright_black",
    "not-started": "white",
    "ongoing": "cyan",
    "delayed": "bold red",
    "completed": "bold green",
    "discontinued": "magenta",
    "not-applicable": "dim",
}
_BAR = 12


def clean(text: str) -> str:
    """One line, no control characters (they never reach a terminal or a CI log raw)."""
    return printable(" ".join(text.split()))


def table(result: PlanStatus, by: str) -> tuple[list[str], list[list[str]], list[tuple[int, int]]]:
    """Header, rows, and (done, total) per row for the progress bar."""
    if by == "department":
        header = ["department", "actions", "reported", "completed", "delayed", "missing"]
        rows = [
            [
                d.department,
                str(d.actions),
                str(d.reported),
                str(d.completed),
                str(d.delayed),
                str(d.missing),
            ]
            for d in result.departments
        ]
        bars = [(d.reported, d.actions) for d in result.departments]
    elif by in ("pillar", "un-pillar"):
        header = [by, "title", "actions", *STATUSES]
        groups = result.groups(by)
        rows = [
            [g.group, g.title, str(g.actions), *(str(g.counts[s]) for s in STATUSES)]
            for g in groups
        ]
        bars = [(g.counts["completed"], g.actions) for g in groups]
    else:
        header = ["id", "status", "reported", "not reported by"]
        several = len(result.years) > 1
        if several:
            header.append("trend")
        rows, bars = [], []
        for a in result.actions:
            late = [r.department for r in a.reports if r.status == "not-reported"]
            row = [a.id, a.status, f"{a.reported}/{len(a.reports)}", ", ".join(late)]
            if several:
                row.append(", ".join(f"{y}: {s}" for y, s in a.trend.items()))
            rows.append(row)
            bars.append((a.reported, len(a.reports)))
    return header, [[clean(c) for c in row] for row in rows], bars


def missing_lines(result: PlanStatus) -> list[str]:
    return [*_missing(result), *invalid_lines(result)]


def invalid_lines(result: PlanStatus) -> list[str]:
    """The files left out: without them a refused report reads as one never sent."""
    if not result.invalid:
        return []
    return [
        f"Not counted: {len(result.invalid)} invalid progress"
        f" {'file' if len(result.invalid) == 1 else 'files'} (see the problems above)",
        *(f"  {clean(f)}" for f in result.invalid),
    ]


def _missing(result: PlanStatus) -> list[str]:
    if not result.files:
        return [f"No reports yet for {result.year}: {len(result.missing)} reports due."]
    if not result.missing:
        return ["Nothing missing: every department has reported on every action."]
    grouped: dict[str, list[str]] = {d.department: [] for d in result.departments}
    for dept, ident in result.missing:
        grouped.setdefault(dept, []).append(ident)
    grouped = {d: ids for d, ids in grouped.items() if ids}
    lines = [f"Missing: {len(result.missing)} reports from {len(grouped)} departments"]
    lines += [f"  {clean(d)}: {', '.join(clean(i) for i in ids)}" for d, ids in grouped.items()]
    return lines


def title(result: PlanStatus) -> str:
    years = result.years
    span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(result.year)
    counts = result.counts()
    done = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    if not result.files:
        done = "no reports yet"
    return f"{result.plan.id} {span}: {len(result.actions)} actions ({done})"


def as_plain(result: PlanStatus, by: str) -> str:
    header, rows, _ = table(result, by)
    lines = [title(result), "\t".join(header), *("\t".join(r) for r in rows)]
    lines += missing_lines(result)
    return "\n".join(lines) + "\n"


def as_csv(result: PlanStatus, by: str) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula: csv_text makes it text."""
    header, rows, _ = table(result, by)
    return csv_text(
        [["plan", "year", *header], *([result.plan.id, str(result.year), *row] for row in rows)]
    )


def as_json(result: PlanStatus, by: str) -> str:
    """The object of `napctl status --format json` (its keys are a contract)."""
    return json_text(status_record(result, by))


def as_markdown(result: PlanStatus, by: str) -> str:
    header, rows, _ = table(result, by)
    lines = [
        f"## {md_escape(title(result))}",
        "",
        "| " + " | ".join(md_escape(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    missing = missing_lines(result)
    lines += ["", md_escape(missing[0])]
    lines += [f"- {md_escape(line.strip())}" for line in missing[1:]]
    return "\n".join(lines) + "\n"


def bar(done: int, total: int) -> str:
    filled = round(_BAR * done / total) if total else 0
    colour = "green" if total and done == total else "yellow" if done else "red"
    return f"[{colour}]{'█' * filled}[/][bright_black]{'░' * (_BAR - filled)}[/] {done}/{total}"


def print_rich(result: PlanStatus, by: str) -> None:
    """A table with coloured statuses and a progress bar per row."""
    # lazy: start-up (rich's tables cost ~35 ms; only a terminal needs them)
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    header, rows, bars = table(result, by)
    out = Table(title=escape(title(result)), show_lines=False)
    for name in header:
        out.add_column(escape(name), overflow="fold")
    out.add_column("progress", no_wrap=True)
    status_columns = {i for i, h in enumerate(header) if h in ("status",)}
    for row, (done, total) in zip(rows, bars, strict=True):
        cells = []
        for i, cell in enumerate(row):
            style = COLOURS.get(cell) if i in status_columns else None
            cells.append(f"[{style}]{escape(cell)}[/]" if style else escape(cell))
        out.add_row(*cells, bar(done, total))
    console = Console()
    console.print(out)
    for line in missing_lines(result):
        console.print(escape(line), highlight=False)
