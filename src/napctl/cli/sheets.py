"""The commands `napctl new`, `napctl import` and `napctl export` (thin: options to functions).

Registered on the main app by ``napctl.cli.startup.COMMAND_MODULES`` (one line there);
it imports nothing heavy at module level (openpyxl only where an XLSX file is read;
`napctl export` writes one without it).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import EXIT_INVALID, PlanOption, PlansOption, fail_usage, load_valid
from napctl.cli.progress import ProgressOption
from napctl.cli.startup import app

if TYPE_CHECKING:
    from napctl.model import Plan
    from napctl.plans import ActionRow

@app.command("new")
def new_plan(
    plan_id: Annotated[str, typer.Argument(metavar="PLAN-ID", help="The new plan's id,"
                                           " e.g. fr-2021-2025.")],
    country: Annotated[str, typer.Option("--country", help="ISO 3166-1 alpha-2 code, e.g. FR.")],
    title: Annotated[str, typer.Option("--title", help="The plan's title as printed.")],
    period: Annotated[str, typer.Option("--period", help="START-END, e.g. 2024-2028.")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write PLAN-ID.yaml into.",
                                      file_okay=False)] = Path("plans"),
    country_name: Annotated[
        str | None, typer.Option("--country-name", help="The country's name (default: the"
                                 " code, to be replaced).", show_default=False)
    ] = None,
    language: Annotated[str, typer.Option("--language", help="Language of the texts.")] = "en",
) -> None:
    """Start a new plan file: valid as it is, with a commented skeleton to fill in."""
    from napctl.plans.new import NewPlan, NewPlanError, create_plan, parse_period

    try:
        start, end = parse_period(period)
        spec = NewPlan(plan_id, country, title, start, end, country_name, language)
        path = create_plan(spec, out)
    except NewPlanError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_usage(f"cannot write to {out}: {exc.strerror}")
    sys.stderr.write(f"wrote {path}; fill it in, or: napctl import MATRIX.xlsx --plan {plan_id}"
                     f" --plans {out}\n")


@app.command("import")
def import_table(
    table: Annotated[Path, typer.Argument(metavar="TABLE", help="An action matrix: .csv or"
                                          " .xlsx, one row per action.")],
    plan: Annotated[str, typer.Option("--plan", "-p", help="Id of the plan to add to (made"
                                      " with `napctl new` first).")],
    columns: Annotated[
        str | None, typer.Option("--columns", help="FIELD=HEADER pairs, comma-separated, for"
                                 " headers napctl does not recognise (skip=HEADER leaves one"
                                 " out).", show_default=False)
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="XLSX: the sheet to read (default: the"
                                 " first).", show_default=False)
    ] = None,
    plans: PlansOption = None,
) -> None:
    """Add the actions of a spreadsheet to a plan file; every byte already there stays."""
    from napctl.core.readfile import MAX_INPUT_BYTES, read_file
    from napctl.sheets.edit import import_matrix
    from napctl.sheets.read import ReadError, parse_columns, read_table

    try:
        explicit = parse_columns(columns)
    except ValueError as exc:
        fail_usage(str(exc))
    if not table.is_file():
        fail_usage(f"no such file: {table}")
    loaded = next((p for p in load_valid(plans).plans if p.plan.id == plan), None)
    if loaded is None:
        fail_usage(f"no plan {plan!r} found; start it with `napctl new {plan} --country XX"
                   " --title ... --period START-END`")
    try:
        matrix = read_table(table, sheet=sheet)
        text = read_file(loaded.file, max_bytes=MAX_INPUT_BYTES, kind="plan").decode()
    except ReadError as exc:
        fail_usage(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        fail_usage(f"cannot read {loaded.file}: {getattr(exc, 'strerror', None) or exc}")
    result = import_matrix(matrix, loaded.plan, text, loaded.file, explicit)
    if result.problems:
        sys.stderr.write("".join(f"{p}\n" for p in result.problems))
        sys.stderr.write(f"napctl: {len(result.problems)} problems; {loaded.file} is"
                         " unchanged\n")
        raise typer.Exit(EXIT_INVALID)
    _write_import(result, loaded.file)


def _write_import(result: object, file: str) -> None:
    from napctl.core.fsutil import atomic_write
    from napctl.yaml.result import ImportResult

    assert isinstance(result, ImportResult)
    changes = result.changes
    if not result.changed or changes is None:
        sys.stderr.write(f"{file}: nothing to add (every row is in the plan already)\n")
        return
    try:
        atomic_write(Path(file), result.text)
    except OSError as exc:
        fail_usage(f"cannot write {file}: {exc.strerror}")
    added = (len(changes.actions) + sum(len(g["actions"]) for _, g in changes.goals)
             + sum(len(g["actions"]) for p in changes.pillars for g in p["goals"]))
    sys.stderr.write(f"{file}: {added} actions added")
    if changes.named:
        sys.stderr.write(f"; {len(changes.named)} departments added to the registry as its"
                         " departments sheet gives them")
    unnamed = [c for c in changes.departments if c not in changes.named]
    if unnamed:
        sys.stderr.write(f"; {len(unnamed)} departments added to the registry,"
                         f" names still to be filled in: {', '.join(unnamed)}")
    sys.stderr.write("\n")


class SheetFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


@app.command("export")
def export(
    output: Annotated[str, typer.Option("--output", "-o", help="File to write (atomically);"
                                        " - is stdout (CSV only).")],
    fmt: Annotated[SheetFormat, typer.Option("--format", "-f", help="Spreadsheet format.")
                   ] = SheetFormat.xlsx,
    plan: PlanOption = None,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Only this department's actions"
                                 " (code, name or alias).", show_default=False)
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Add the progress of this reporting year: a"
                                 " row per action and department, with status and values"
                                 " to fill in and read back by `napctl progress import`.",
                                 min=1900, max=2200, show_default=False)
    ] = None,
    progress: ProgressOption = None,
    plans: PlansOption = None,
) -> None:
    """The action matrix as a spreadsheet: one sheet per plan and the department registry."""
    from napctl.core.fsutil import atomic_write_bytes
    from napctl.plans import ActionFilter, QueryError, select_actions, select_plans
    from napctl.sheets.export import as_csv, as_xlsx, workbook_sheets
    from napctl.sheets.workbook import WorkbookError

    if output == "-" and fmt is SheetFormat.xlsx:
        fail_usage("-o - is for CSV; an XLSX workbook needs a file name")
    all_plans = [p.plan for p in load_valid(plans).plans]
    try:
        chosen = select_plans(all_plans, plan)
        rows = select_actions(all_plans, ActionFilter(actors=[actor] if actor else (),
                                                      plan_id=plan))
    except QueryError as exc:
        fail_usage(str(exc))
    try:
        if year is not None:
            data, count = _with_progress(chosen, rows, fmt, actor, year, progress)
        else:
            data, count = (as_csv(rows).encode("utf-8") if fmt is SheetFormat.csv
                           else as_xlsx(workbook_sheets(chosen, rows))), len(rows)
    except WorkbookError as exc:  # a cell longer than a spreadsheet's cells hold
        fail_usage(f"{output}: {exc}")
    if output == "-":
        sys.stdout.write(data.decode("utf-8"))
        return
    try:
        atomic_write_bytes(Path(output), data)
    except OSError as exc:
        fail_usage(f"cannot write {output}: {exc.strerror}")
    what = f"{count} actions" if year is None else f"{count} rows (action, department)"
    sys.stderr.write(f"wrote {output}: {what}\n")


def _with_progress(chosen: list[Plan], rows: list[ActionRow], fmt: SheetFormat,
                   actor: str | None, year: int, progress: list[str] | None
                   ) -> tuple[bytes, int]:
    """The progress workbook or table of ``year`` and its number of rows."""
    from napctl.cli.outputs import year_reports
    from napctl.plans import QueryError, resolve_actor
    from napctl.progress.checklist_items import ChecklistProgress
    from napctl.progress.init import InitError, check_year
    from napctl.progress.sheet_export import progress_csv, progress_sheet
    from napctl.sheets.export import as_xlsx, workbook_sheets

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
        sys.stderr.write(f"napctl: left out: {problem}\n")
    ids = {p.id for p in in_year}
    rows = [r for r in rows if r.plan.id in ids]
    codes = None
    if actor is not None:
        try:
            codes = {m.plan.id: m.codes for m in resolve_actor(in_year, actor)}
        except QueryError as exc:
            fail_usage(str(exc))
    state = ChecklistProgress.of(year_reports(in_year, progress, [year]), year)
    if fmt is SheetFormat.csv:
        text, count = progress_csv(rows, state, codes)
        return text.encode("utf-8"), count
    sheets = workbook_sheets(in_year, rows,
                             lambda p, mine: progress_sheet(p, mine, state, codes))
    return as_xlsx(sheets), sum(len(s.rows) for s in sheets[:-1])
