"""`napctl status` output: one table per `--by`, as rich, plain text, CSV or Markdown."""

from __future__ import annotations

from napctl.core.csvtext import csv_text
from napctl.core.escape import printable
from napctl.core.i18n import N_, term, translator
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
#: The header of the first column of a table by pillar or UN pillar.
_GROUPS = {"pillar": N_("pillar"), "un-pillar": N_("un-pillar")}


def clean(text: str) -> str:
    """One line, no control characters (they never reach a terminal or a CI log raw)."""
    return printable(" ".join(text.split()))


def table(
    result: PlanStatus, by: str, lang: str = "en"
) -> tuple[list[str], list[list[str]], list[tuple[int, int]]]:
    """Header, rows, and (done, total) per row for the progress bar; labels and statuses
    in ``lang`` (English: the words of the files)."""
    _ = translator(lang).gettext
    if by == "department":
        header = [_("department"), _("actions"), _("reported"), _("completed"), _("delayed")]
        header.append(_("missing"))
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
        header = [_(_GROUPS[by]), _("title"), _("actions"), *(term(s, lang) for s in STATUSES)]
        groups = result.groups(by)
        rows = [
            [g.group, g.title, str(g.actions), *(str(g.counts[s]) for s in STATUSES)]
            for g in groups
        ]
        bars = [(g.counts["completed"], g.actions) for g in groups]
    else:
        rows, bars, header = _action_rows(result, lang)
    return header, [[clean(c) for c in row] for row in rows], bars


def _action_rows(
    result: PlanStatus, lang: str
) -> tuple[list[list[str]], list[tuple[int, int]], list[str]]:
    _ = translator(lang).gettext
    header = [_("id"), _("status"), _("reported"), _("not reported by")]
    several = len(result.years) > 1
    if several:
        header.append(_("trend"))
    rows, bars = [], []
    for a in result.actions:
        late = [r.department for r in a.reports if r.status == "not-reported"]
        row = [a.id, term(a.status, lang), f"{a.reported}/{len(a.reports)}", ", ".join(late)]
        if several:
            row.append(", ".join(f"{y}: {term(s, lang)}" for y, s in a.trend.items()))
        rows.append(row)
        bars.append((a.reported, len(a.reports)))
    return rows, bars, header


def missing_lines(result: PlanStatus, lang: str = "en") -> list[str]:
    return [*_missing(result, lang), *invalid_lines(result, lang)]


def invalid_lines(result: PlanStatus, lang: str = "en") -> list[str]:
    """The files left out: without them a refused report reads as one never sent."""
    if not result.invalid:
        return []
    line = translator(lang).ngettext(
        "Not counted: %(count)s invalid progress file (see the problems above)",
        "Not counted: %(count)s invalid progress files (see the problems above)",
        len(result.invalid),
    )
    return [line % {"count": len(result.invalid)}, *(f"  {clean(f)}" for f in result.invalid)]


def _missing(result: PlanStatus, lang: str) -> list[str]:
    _ = translator(lang).gettext
    if not result.files:
        return [
            _("No reports yet for %(year)s: %(count)s reports due.")
            % {"year": result.year, "count": len(result.missing)}
        ]
    if not result.missing:
        return [_("Nothing missing: every department has reported on every action.")]
    grouped: dict[str, list[str]] = {d.department: [] for d in result.departments}
    for dept, ident in result.missing:
        grouped.setdefault(dept, []).append(ident)
    grouped = {d: ids for d, ids in grouped.items() if ids}
    lines = [
        _("Missing: %(count)s reports from %(departments)s departments")
        % {"count": len(result.missing), "departments": len(grouped)}
    ]
    lines += [f"  {clean(d)}: {', '.join(clean(i) for i in ids)}" for d, ids in grouped.items()]
    return lines


def title(result: PlanStatus, lang: str = "en") -> str:
    _ = translator(lang).gettext
    years = result.years
    span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(result.year)
    counts = result.counts()
    done = ", ".join(f"{n} {term(s, lang)}" for s, n in counts.items() if n)
    if not result.files:
        done = _("no reports yet")
    return _("%(plan)s %(span)s: %(count)s actions (%(done)s)") % {
        "plan": result.plan.id,
        "span": span,
        "count": len(result.actions),
        "done": done,
    }


def as_plain(result: PlanStatus, by: str, lang: str = "en") -> str:
    header, rows, _ = table(result, by, lang)
    lines = [title(result, lang), "\t".join(header), *("\t".join(r) for r in rows)]
    lines += missing_lines(result, lang)
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


def as_markdown(result: PlanStatus, by: str, lang: str = "en") -> str:
    header, rows, _ = table(result, by, lang)
    lines = [
        f"## {md_escape(title(result, lang))}",
        "",
        "| " + " | ".join(md_escape(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    missing = missing_lines(result, lang)
    lines += ["", md_escape(missing[0])]
    lines += [f"- {md_escape(line.strip())}" for line in missing[1:]]
    return "\n".join(lines) + "\n"


def bar(done: int, total: int) -> str:
    filled = round(_BAR * done / total) if total else 0
    colour = "green" if total and done == total else "yellow" if done else "red"
    return f"[{colour}]{'█' * filled}[/][bright_black]{'░' * (_BAR - filled)}[/] {done}/{total}"


def print_rich(result: PlanStatus, by: str, lang: str = "en") -> None:
    """A table with coloured statuses and a progress bar per row."""
    # lazy: start-up (rich's tables cost ~35 ms; only a terminal needs them)
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    header, rows, bars = table(result, by, lang)
    out = Table(title=escape(title(result, lang)), show_lines=False)
    for name in header:
        out.add_column(escape(name), overflow="fold")
    out.add_column(translator(lang).gettext("progress"), no_wrap=True)
    status_columns = {1} if by not in ("department", "pillar", "un-pillar") else set()
    colours = {term(s, lang): COLOURS[s] for s in COLOURS}
    for row, (done, total) in zip(rows, bars, strict=True):
        cells = []
        for i, cell in enumerate(row):
            style = colours.get(cell) if i in status_columns else None
            cells.append(f"[{style}]{escape(cell)}[/]" if style else escape(cell))
        out.add_row(*cells, bar(done, total))
    console = Console()
    console.print(out)
    for line in missing_lines(result, lang):
        console.print(escape(line), highlight=False)
