"""`napctl import --update`: what the table changes in the plan, in `napctl diff`'s words.

Without ``--apply`` it is a dry run: the changes are printed and nothing is
written. Split from ``napctl.cli.importing`` so that the command stays one
function that parses options.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from napctl.cli.options import fail_usage

if TYPE_CHECKING:
    from napctl.sheets.edit import Result as ImportResult


def show_update(result: ImportResult, before: str, file: str, table: str, apply: bool) -> None:
    """Print the changes ``result`` makes to ``file`` (stdout) and write them if ``apply``."""
    from napctl.core.fsutil import atomic_write  # lazy: start-up
    from napctl.diff.source import compare_texts  # lazy: start-up
    from napctl.output.diff import as_plain  # lazy: start-up

    if not result.changed:
        sys.stderr.write(f"{file}: the plan says what {table} says; nothing to change\n")
        return
    comparison = compare_texts(file, before, f"{file} (as {table} has it)", result.text)
    if comparison.diff is not None:
        sys.stdout.write(as_plain(comparison.diff, comparison.old, comparison.new))
    count = len(comparison.diff.changes) if comparison.diff is not None else 0
    if not apply:
        sys.stderr.write(
            f"{file}: unchanged (a dry run); --update --apply writes these {count} changes\n"
        )
        return
    try:
        atomic_write(Path(file), result.text)
    except OSError as exc:
        fail_usage(f"cannot write {file}: {exc.strerror}")
    sys.stderr.write(f"{file}: {count} changes written\n")
