"""`napctl export`: the action matrix as a spreadsheet, with a year's progress to fill in.

The XLSX workbook is written without openpyxl.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import (
    LangOption,
    PlanOption,
    PlansOption,
    ProgressOption,
    fail_usage,
    load_valid,
    output_language,
)
from napctl.cli.progress_files import add_earlier_years, year_reports
from napctl.cli.startup import app
from napctl.core.escape import printable

if TYPE_CHECKING:
    from napctl.model import Plan
    from napctl.plans import ActionRow


class SheetFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


SheetOutputOption = Annotated[
    str,
    typer.Option("--output", "-o", help="File to write (atomically); - is stdout (CSV only)."),
]
SheetFormatOption = Annotated[
    SheetFormat, typer.Option("--format", "-f", help="Spreadsheet format.")
]
ExportActorOption = Annotated[
    str | None,
    typer.Option(
        "--actor",
        "-a",
        help="Only this department's actions (code, name or alias).",
        show_default=False,
    ),
]
ExportYearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        help="Add the progress of this reporting year: a"
        " row per action and department, with status and values"
        " to fill in and read back by `napctl progress import`.",
        min=1900,
        max=2200,
        show_default=False,
    ),
]


@app.command("export")
def export(
    output: SheetOutputOption,
    fmt: SheetFormatOption = SheetFormat.xlsx,
    plan: PlanOption = None,
    actor: ExportActorOption = None,
    year: ExportYearOption = None,
    progress: ProgressOption = None,
    plans: PlansOption = None,
    lang: LangOption = None,
) -> None:
    """The action matrix as a spreadsheet: one sheet per plan and the department registry."""
    from napctl.core.fsutil import atomic_write_bytes  # lazy: start-up
    from napctl.plans import (  # lazy: start-up
        ActionFilter,
        QueryError,
        select_actions,
        select_plans,
    )

    if output == "-" and fmt is SheetFormat.xlsx:
        fail_usage("-o - is for CSV; an XLSX workbook needs a file name")
    all_plans = [p.plan for p in load_valid(plans).plans]
    try:
        chosen = select_plans(all_plans, plan)
        rows = select_actions(
            all_plans, ActionFilter(actors=[actor] if actor else (), plan_id=plan)
        )
    except QueryError as exc:
        fail_usage(str(exc))
    language = output_language(lang, chosen)  # the headers (and a year's statuses)
    data, count = _sheet_bytes(chosen, rows, fmt, actor, (year, language), progress, output)
    if output == "-":
        sys.stdout.write(data.decode("utf-8"))
        return
    try:
        atomic_write_bytes(Path(output), data)
    except OSError as exc:
        fail_usage(f"cannot write {output}: {exc.strerror}")
    what = f"{count} actions" if year is None else f"{count} rows (action, department)"
    sys.stderr.write(f"wrote {printable(output)}: {what}\n")


def _sheet_bytes(
    chosen: list[Plan],
    rows: list[ActionRow],
    fmt: SheetFormat,
    actor: str | None,
    year_lang: tuple[int | None, str],
    progress: list[str] | None,
    output: str,
) -> tuple[bytes, int]:
    """The workbook or table to write, in a language, and its number of rows (exit 2 for a
    cell too long)."""
    year, lang = year_lang
    from napctl.sheets.export import as_csv, as_xlsx, workbook_sheets  # lazy: start-up
    from napctl.sheets.workbook import WorkbookError  # lazy: start-up

    try:
        if year is not None:
            return _with_progress(chosen, rows, fmt, actor, (year, lang), progress)
        if fmt is SheetFormat.csv:
            return as_csv(rows, lang).encode("utf-8"), len(rows)
        return as_xlsx(workbook_sheets(chosen, rows, lang=lang)), len(rows)
    except WorkbookError as exc:  # a cell longer than a spreadsheet's cells hold
        fail_usage(f"{output}: {exc}")


def _with_progress(
    chosen: list[Plan],
    rows: list[ActionRow],
    fmt: SheetFormat,
    actor: str | None,
    year_lang: tuple[int, str],
    progress: list[str] | None,
) -> tuple[bytes, int]:
    """The progress workbook or table of a year, in a language, and its number of rows."""
    year, lang = year_lang
    from napctl.plans import QueryError, resolve_actor  # lazy: start-up
    from napctl.progress.checklist_items import ChecklistProgress  # lazy: start-up
    from napctl.progress.init import InitError, check_year  # lazy: start-up
    from napctl.progress.sheet_export import progress_csv, progress_sheet  # lazy: start-up
    from napctl.sheets.export import as_xlsx, workbook_sheets  # lazy: start-up

    problems, in_year = [], []
    for p in chosen:
        try:
            check_year(p, year)
            in_year.append(p)
        except InitError as exc:
            problems.append(str(exc))
    if not in_year:
        fail_usage("; ".join(problems))
    for problem in problems:
        sys.stderr.write(f"napctl: left out: {printable(problem)}\n")
    ids = {p.id for p in in_year}
    rows = [r for r in rows if r.plan.id in ids]
    codes = None
    if actor is not None:
        try:
            codes = {m.plan.id: m.codes for m in resolve_actor(in_year, actor)}
        except QueryError as exc:
            fail_usage(str(exc))
    state = ChecklistProgress.of(year_reports(in_year, progress, [year]), year)
    add_earlier_years(state, in_year, progress)  # the last value beside each value column
    if fmt is SheetFormat.csv:
        text, count = progress_csv(rows, state, codes, lang)
        return text.encode("utf-8"), count
    sheets = workbook_sheets(
        in_year, rows, lambda p, mine: progress_sheet(p, mine, state, codes, lang)
    )
    return as_xlsx(sheets), sum(len(s.rows) for s in sheets[:-1])
