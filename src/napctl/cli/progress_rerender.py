"""After `napctl progress import` of a checklist: render it again (and its siblings that
hold nothing left to import), so that `napctl checklists --check` agrees.

That is the command line's doing: the importer itself never renders.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from napctl.cli.progress_files import checklist_progress
from napctl.core.escape import is_clean_text, printable

if TYPE_CHECKING:
    from napctl.model import Plan
    from napctl.progress.checklist_items import ChecklistProgress


def render_again(
    checklist: Path,
    text: str,
    plans: list[Plan],
    progress: list[str] | None,
    templates: Path | None,
) -> None:
    """Render the imported checklist again from its header, so `--check` agrees."""
    from napctl.core.i18n import LANGUAGES  # lazy: start-up
    from napctl.plans import QueryError  # lazy: start-up
    from napctl.progress.checklist_parse import parse_checklist  # lazy: start-up
    from napctl.render.checklists import build_checklists, render_checklist  # lazy: start-up
    from napctl.render.templates import RenderError  # lazy: start-up

    header = parse_checklist(text).header or {}
    title, plan_id, date = header.get("title"), header.get("plan"), header.get("date")
    if title is None or not header.get("year", "").isdigit():
        sys.stderr.write(
            f"napctl: {printable(str(checklist))} has no napctl header; render it again\n"
        )
        return
    unclean = next((k for k, v in header.items() if not is_clean_text(k + v)), None)
    if unclean is not None:  # as --date: it would be copied into every sibling
        sys.stderr.write(
            f"napctl: {printable(str(checklist))} not rendered again: its"
            f" header's {printable(unclean)}= must be printable text (no"
            " control characters); render it again\n"
        )
        return
    chosen = [p for p in plans if plan_id is None or p.id == plan_id]
    state = checklist_progress(chosen, progress, int(header["year"]))
    lang = header["lang"] if header.get("lang") in LANGUAGES else "en"
    options: dict[str, Any] = {"date": date, "templates": templates, "progress": state}
    options |= {"plan_id": plan_id, "lang": lang}
    try:
        if header.get("kind") == "checklist":
            files = {checklist.name: render_checklist(chosen, title, "md", **options)}
        else:
            files = build_checklists(chosen, "md", **options).files
    except (RenderError, QueryError) as exc:
        sys.stderr.write(
            f"napctl: {printable(str(checklist))} not rendered again: {printable(str(exc))}\n"
        )
        return
    _write_untouched(checklist, files, plans, state)


def _write_untouched(
    checklist: Path, files: dict[str, str], plans: list[Plan], state: ChecklistProgress | None
) -> None:
    """Write the imported checklist, and its siblings that hold nothing left to import.

    Other departments' checklists can show the entries just imported (a
    parent's shows its units'); a sibling with ticks or values of its own
    is left for its own import.
    """
    from napctl.core.fsutil import atomic_write  # lazy: start-up
    from napctl.core.readfile import read_file  # lazy: start-up
    from napctl.render.checklist_check import pending_items  # lazy: start-up

    by_id = {p.id: p for p in plans}
    own = next(
        (n for n in files if checklist.as_posix().endswith("/" + n) or checklist.as_posix() == n),
        checklist.name,
    )
    root = checklist.as_posix()[: len(checklist.as_posix()) - len(own)] or "."
    for name, new in files.items():
        target = checklist if name == own else Path(root) / name
        try:  # the checklists' folder is the root: a linked sibling is refused
            old = read_file(target, kind="checklist").decode("utf-8")
            if old == new or (
                target != checklist
                and (
                    pending_items(old, str(target), by_id, state)
                    or "<!-- napctl:checklist " not in old
                )
            ):
                continue
            atomic_write(target, new, root=Path(root))
        except UnicodeDecodeError:
            continue
        except OSError as exc:
            if exc.errno != errno.ENOENT:
                sys.stderr.write(
                    f"napctl: {printable(str(target))} not rendered again:"
                    f" {printable(str(exc.strerror))}\n"
                )
            continue
        sys.stdout.write(f"rendered {printable(str(target))} again\n")
