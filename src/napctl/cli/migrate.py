"""`napctl progress migrate`: carry progress reports across a plan amendment (thin).

The work is ``napctl.progress.migrate``; registered on the progress group by
``napctl.cli.progress`` (one line there).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import EXIT_INVALID, PlansOption, fail_io, fail_usage, load_valid

if TYPE_CHECKING:
    from napctl.progress.migrate import Migration


def migrate(
    plan: Annotated[str, typer.Option("--plan", "-p", help="The plan (its id).")],
    from_: Annotated[str | None, typer.Option(
        "--from", help="The git revision of the plan the reports were written for. Default:"
        " HEAD while the plan file has changes not committed, else the commit before the"
        " last one that changed it.", show_default=False)] = None,
    to: Annotated[Path | None, typer.Option(
        "--to", help="The plan file now. Default: the file of --plan.", dir_okay=False,
        show_default=False)] = None,
    apply: Annotated[bool, typer.Option(
        "--apply", help="Write the changes. Without it, only show them.")] = False,
    progress: Annotated[list[str] | None, typer.Option(
        "--progress", help="Progress folder (repeatable). Default: $NAPCTL_PROGRESS, else"
        " ./progress.", show_default=False)] = None,
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
        write_migration,
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
        roots = [r / plan if (r / plan).is_dir() else r
                 for r in progress_roots(progress or ()) if r.exists()]
        migrate_files(migration, plan_files(roots))
    except (MigrateError, DiffUsageError) as exc:
        fail_usage(str(exc))
    except PathNotFound as exc:
        fail_usage(exc.message)
    sys.stdout.write("".join(printable(line) + "\n" for line in _summary(migration)))
    if apply:
        try:
            written, refused = write_migration(migration)
        except OSError as exc:
            fail_io(exc)
        for path in written:
            sys.stdout.write(printable(f"wrote {path}") + "\n")
        for note in refused:
            sys.stdout.write(printable(str(note)) + "\n")
    elif migration.changed:
        sys.stderr.write(f"napctl: nothing written; run again with --apply to change"
                         f" {_files(len(migration.changed))}\n")
    if not migration.ok:
        raise typer.Exit(EXIT_INVALID)


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
    lines.append(f"{_files(len(m.changed))} to change, {_files(len(m.files))} of {m.plan}"
                 " read")
    return lines
