"""`napctl progress init|import|migrate`: write each department's progress files, read them
back, carry them across a plan amendment.

After importing a checklist, the command renders it again (and its siblings that
hold nothing left to import), so that `napctl checklists --check` agrees: that is
the command line's doing, the importer itself never renders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import (
    EXIT_INVALID,
    PlanIdOption,
    PlansOption,
    ProgressOption,
    TemplatesOption,
    YearOption,
    chosen_plans,
    fail_io,
    fail_usage,
    load_valid,
    only_plan,
)
from napctl.cli.progress_files import actor_codes
from napctl.cli.progress_rerender import render_again
from napctl.cli.startup import app
from napctl.core.escape import printable

if TYPE_CHECKING:
    from napctl.progress.importer import Result as ImportResult
    from napctl.progress.migrate import Migration

progress_app = typer.Typer(
    help="Progress reports: one file per department, plan and year.", no_args_is_help=True
)
app.add_typer(progress_app, name="progress")

InitActorOption = Annotated[
    str | None,
    typer.Option(
        "--actor",
        "-a",
        help="Only this department (a parent includes its units).",
        show_default=False,
    ),
]
ProgressOutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="The progress folder. Default: the first of $NAPCTL_PROGRESS, else ./progress.",
        file_okay=False,
        show_default=False,
    ),
]
FilledInArgument = Annotated[
    Path,
    typer.Argument(
        metavar="FILE",
        help="A Markdown checklist rendered with --year, or a progress sheet"
        " written by `napctl export --year` (.xlsx or .csv), filled in.",
        exists=True,
        dir_okay=False,
    ),
]
ImportYearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        help="The reporting year the file must show.",
        min=1900,
        max=2200,
        show_default=False,
    ),
]
ImportActorOption = Annotated[
    str | None,
    typer.Option(
        "--actor",
        "-a",
        help="Only into this department's progress files (a parent includes"
        " its units); anything else is refused.",
        show_default=False,
    ),
]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="The git revision of the plan the reports were written for. Default:"
        " HEAD while the plan file has changes not committed, else the commit before the"
        " last one that changed it.",
        show_default=False,
    ),
]
ToOption = Annotated[
    Path | None,
    typer.Option(
        "--to",
        help="The plan file now. Default: the file of --plan.",
        dir_okay=False,
        show_default=False,
    ),
]
ApplyOption = Annotated[
    bool, typer.Option("--apply", help="Write the changes. Without it, only show them.")
]
ProgressFoldersOption = Annotated[
    list[str] | None,
    typer.Option(
        "--progress",
        help="Progress folder (repeatable). Default: $NAPCTL_PROGRESS, else ./progress.",
        show_default=False,
    ),
]


@progress_app.command("init")
def init(
    plan: PlanIdOption,
    year: YearOption,
    actor: InitActorOption = None,
    out: ProgressOutOption = None,
    plans: PlansOption = None,
) -> None:
    """Write each department's progress file for a year, or add the actions it lacks."""
    from napctl.core.escape import printable  # lazy: start-up
    from napctl.load.discover import default_progress_out, progress_roots  # lazy: start-up
    from napctl.progress.init import InitError, init_reports  # lazy: start-up

    chosen = only_plan(chosen_plans(plans, plan))
    folder = out if out is not None else default_progress_out()
    roots = progress_roots() if out is None else ()  # a report in another root is edited there
    try:
        result = init_reports(chosen, year, folder, actor_codes(chosen, actor), roots=roots)
    except InitError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_io(exc)
    for path in result.created:
        sys.stdout.write(f"created {printable(str(path))}\n")
    for path, added in result.extended:
        sys.stdout.write(
            f"added {len(added)} actions to {printable(str(path))}: {printable(', '.join(added))}\n"
        )
    for path, why in result.refused:
        sys.stderr.write(f"napctl: left {printable(str(path))} as it is: {printable(why)}\n")
    sys.stderr.write(
        f"{len(result.created)} created, {len(result.extended)} completed,"
        f" {len(result.unchanged)} already complete in {printable(str(folder))}\n"
    )
    if result.refused:
        raise typer.Exit(EXIT_INVALID)


@progress_app.command("import")
def import_(
    file: FilledInArgument,
    year: ImportYearOption = None,
    actor: ImportActorOption = None,
    progress: ProgressOption = None,
    templates: TemplatesOption = None,
    plans: PlansOption = None,
) -> None:
    """Read a checklist's ticks and typed lines, or a progress sheet's cells, back into
    the progress files.

    A value is written only where the progress file still says what the
    checklist or sheet showed; otherwise the action is a conflict, reported
    with both values and their positions, and nothing is changed for it
    (exit 1). Once everything is imported, a checklist is rendered again.
    """
    from napctl.core.readfile import read_file  # lazy: start-up
    from napctl.load.discover import default_progress_out, progress_roots  # lazy: start-up
    from napctl.progress.importer import (  # lazy: start-up
        ProgressImportError,
        import_file,
    )
    from napctl.sheets.read import ReadError  # lazy: start-up

    all_plans = chosen_plans(plans, None)
    root = default_progress_out(progress or ())
    try:
        result, read = import_file(
            file, all_plans, root, year=year, actor=actor, roots=progress_roots(progress or ())
        )
    except (ProgressImportError, ReadError) as exc:
        fail_usage(str(exc))
    _print_import(result)
    if not result.ok:
        what = "resolve the conflicts and refusals" if result.conflicts else "fix what is refused"
        sys.stderr.write(
            f"napctl: {printable(str(file))} was left as it is; {what} above,"
            " then import it again\n"
        )
        raise typer.Exit(EXIT_INVALID)
    if read.noun == "checklist" and read.safe_to_render:
        text = read_file(file, kind="checklist").decode("utf-8")
        render_again(file, text, all_plans, progress, templates)
    elif result.changes:
        sys.stderr.write(
            f"napctl: export the sheet again before typing more into it"
            f" (napctl export --year {result.departments[0][1]} ...)\n"
        )


def _print_import(result: ImportResult) -> None:
    """What the import created and changed on stdout; conflicts, refusals, the tally on stderr."""
    from napctl.progress.importer import import_summary  # lazy: start-up

    for path in result.created:
        sys.stdout.write(f"created {printable(str(path))}\n")
    for note in result.changes:  # values and positions from a sheet or a checklist
        sys.stdout.write(f"{printable(note.where)}: {printable(note.message)}\n")
    for note in [*result.conflicts, *result.refused]:
        sys.stderr.write(f"{printable(note.where)}: {printable(note.message)}\n")
    sys.stderr.write(import_summary(result))


@progress_app.command("migrate")
def migrate(
    plan: PlanIdOption,
    from_: FromOption = None,
    to: ToOption = None,
    apply: ApplyOption = False,
    progress: ProgressFoldersOption = None,
    plans: PlansOption = None,
) -> None:
    """Carry the plan's progress reports across an amendment: renumbered and reworded
    actions get their new ids (matched as `napctl diff` matches them); removed and
    ambiguous ones are reported, never guessed. Shows the changes; --apply writes them.

    Exit 0 when every report could be carried over, 1 when a file or an entry needs a
    person (each named with its position), 2 for a usage error.
    """
    from napctl.core.escape import printable  # lazy: start-up
    from napctl.diff.source import DiffUsageError, revision_before  # lazy: start-up
    from napctl.load.discover import PathNotFound, plan_files, progress_roots  # lazy: start-up
    from napctl.progress.migrate import (  # lazy: start-up
        MigrateError,
        migrate_files,
        plan_migration,
    )

    found = [p for p in load_valid(plans, plan).plans if p.plan.id == plan]
    if not found and to is None:
        fail_usage(f"no valid plan '{plan}' found")
    now = str(to) if to is not None else found[0].file
    try:
        rev = from_ if from_ is not None else revision_before(now)
        migration = plan_migration(f"{rev}:{git_relative(now)}", now)
        # The plan's folder of each root, or a root as named (a year's folder, a file):
        # files of other plans are recognised by their `plan:` and left alone.
        roots = [
            r / plan if (r / plan).is_dir() else r
            for r in progress_roots(progress or ())
            if r.exists()
        ]
        migrate_files(migration, plan_files(roots))
    except (MigrateError, DiffUsageError) as exc:
        fail_usage(str(exc))
    except PathNotFound as exc:
        fail_usage(exc.message)
    sys.stdout.write("".join(printable(line) + "\n" for line in _summary(migration)))
    if apply:
        _write_migration(migration)
    elif migration.changed:
        sys.stderr.write(
            f"napctl: nothing written; run again with --apply to change"
            f" {_files(len(migration.changed))}\n"
        )
    if not migration.ok:
        raise typer.Exit(EXIT_INVALID)


def _write_migration(migration: Migration) -> None:
    from napctl.progress.migrate import write_migration  # lazy: start-up

    try:
        written, refused = write_migration(migration)
    except OSError as exc:
        fail_io(exc)
    for path in written:
        sys.stdout.write(printable(f"wrote {path}") + "\n")
    for note in refused:
        sys.stdout.write(printable(str(note)) + "\n")


def git_relative(path: str) -> str:
    """``path`` as git reads it from here in ``REV:PATH`` (``./`` or ``../``: relative to
    the current folder, not to the repository's root), wherever the plan was named."""
    rel = os.path.relpath(path).replace(os.sep, "/")
    return rel if rel.startswith("../") else "./" + rel


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"


def _summary(m: Migration) -> list[str]:
    """What changes, plan first, then file by file (one line each, stable for scripts)."""
    lines = [f"{m.plan}: from {m.old} to {m.new}"]
    lines += [f"renumbered: {old} -> {new}" for old, new in m.renames.items()]
    lines += [f"removed: {old}" for old in m.removed]
    lines += [f"added: {new}" for new in m.added]
    lines += [f"ambiguous: {old} -> {' or '.join(new)}" for old, new in m.ambiguous.items()]
    for item in m.files:
        lines += [f"{item.file}: {old} -> {new}" for old, new in item.renames]
        lines += [str(note) for note in (*item.refused, *item.notes)]
    lines.append(f"{_files(len(m.changed))} to change, {_files(len(m.files))} of {m.plan} read")
    return lines
