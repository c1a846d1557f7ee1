"""`napctl import TABLE`: add the actions of a spreadsheet to a plan file.

openpyxl is imported only where an XLSX file is read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import EXIT_INVALID, PlansOption, fail_usage, load_valid
from napctl.cli.startup import app
from napctl.core.escape import printable
from napctl.sheets.headers import catalog_help

if TYPE_CHECKING:
    from napctl.sheets.edit import Result as ImportResult


TableArgument = Annotated[
    Path,
    typer.Argument(metavar="TABLE", help="An action matrix: .csv or .xlsx, one row per action."),
]
TargetPlanOption = Annotated[
    str,
    typer.Option("--plan", "-p", help="Id of the plan to add to (made with `napctl new` first)."),
]
ColumnsOption = Annotated[
    str | None,
    typer.Option(
        "--columns",
        help="FIELD=HEADER pairs, comma-separated, for"
        " headers napctl does not recognise (skip=HEADER leaves one"
        " out).",
        show_default=False,
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet", help="XLSX: the sheet to read (default: the first).", show_default=False
    ),
]


UpdateOption = Annotated[
    bool,
    typer.Option(
        "--update",
        help="The table is the master copy: also change texts, indicators and"
        " actors the plan has otherwise. Shows the changes; writes nothing"
        " without --apply.",
    ),
]
ApplyOption = Annotated[
    bool, typer.Option("--apply", help="With --update: write the changes it shows.")
]


@app.command(
    "import",
    help="Add the actions of a spreadsheet to a plan file; every byte already there stays."
    " With --update, also change what the table says otherwise (texts, indicators,"
    " actors): the changes are shown in `napctl diff`'s words, and written only with"
    " --apply.\n\n" + catalog_help(),
)
def import_table(
    table: TableArgument,
    plan: TargetPlanOption,
    columns: ColumnsOption = None,
    sheet: SheetOption = None,
    plans: PlansOption = None,
    update: UpdateOption = False,
    apply: ApplyOption = False,
) -> None:
    """Add the actions of a spreadsheet to a plan file; every byte already there stays."""
    from napctl.core.readfile import MAX_INPUT_BYTES, read_file  # lazy: start-up
    from napctl.sheets.edit import import_matrix  # lazy: start-up
    from napctl.sheets.read import ReadError, parse_columns, read_table  # lazy: start-up

    try:
        explicit = parse_columns(columns)
    except ValueError as exc:
        fail_usage(str(exc))
    if apply and not update:
        fail_usage("--apply writes what --update shows; give both")
    if not table.is_file():
        fail_usage(f"no such file: {table}")
    loaded = next((p for p in load_valid(plans).plans if p.plan.id == plan), None)
    if loaded is None:
        fail_usage(
            f"no plan {plan!r} found; start it with `napctl new {plan} --country XX"
            " --title ... --period START-END`"
        )
    try:
        matrix = read_table(table, sheet=sheet)
        text = read_file(loaded.file, max_bytes=MAX_INPUT_BYTES, kind="plan").decode()
    except ReadError as exc:
        fail_usage(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        fail_usage(f"cannot read {loaded.file}: {getattr(exc, 'strerror', None) or exc}")
    result = import_matrix(matrix, loaded.plan, text, loaded.file, explicit, update=update)
    if result.problems:
        sys.stderr.write("".join(f"{printable(str(p))}\n" for p in result.problems))
        sys.stderr.write(
            f"napctl: {len(result.problems)} problems; {printable(loaded.file)} is unchanged\n"
        )
        raise typer.Exit(EXIT_INVALID)
    if update:
        from napctl.cli.import_update import show_update  # lazy: start-up

        show_update(result, text, loaded.file, table.name, apply)
        return
    _write_import(result, loaded.file)


def _write_import(result: ImportResult, file: str) -> None:
    from napctl.core.fsutil import atomic_write  # lazy: start-up

    changes = result.changes
    if not result.changed or changes is None:
        sys.stderr.write(f"{printable(file)}: nothing to add (every row is in the plan already)\n")
        return
    try:
        atomic_write(Path(file), result.text)
    except OSError as exc:
        fail_usage(f"cannot write {file}: {exc.strerror}")
    added = changes.action_count
    sys.stderr.write(f"{printable(file)}: {added} actions added")
    if changes.named:
        sys.stderr.write(
            f"; {len(changes.named)} departments added to the registry as its"
            " departments sheet gives them"
        )
    unnamed = [c for c in changes.departments if c not in changes.named]
    if unnamed:
        sys.stderr.write(
            f"; {len(unnamed)} departments added to the registry,"
            f" names still to be filled in: {printable(', '.join(unnamed))}"
        )
    sys.stderr.write("\n")
