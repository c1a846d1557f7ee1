"""Progress in outputs: `napctl progress import`, `render dashboard`, and the glue that
gives `render checklist` / `checklists` the year's progress (thin, as every command).

Registered on the app by ``napctl.cli`` (one line there).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli import EXIT_INVALID, PlansOption, TemplatesOption, chosen_plans, fail_usage
from napctl.cli_progress import ProgressOption, progress_app

if TYPE_CHECKING:
    from napctl.model import Plan
    from napctl.progress_checklist import ChecklistProgress
    from napctl.progress_model import ProgressReport


def year_reports(plans: Sequence[Plan], progress: list[str] | None, years: Sequence[int]
                 ) -> list[ProgressReport]:
    """The valid progress reports of ``plans`` for ``years``, or exit 1 with the problems."""
    from napctl.discover import PathNotFound
    from napctl.progress_corpus import load_progress, progress_roots

    roots: list[Path] = []
    for root in progress_roots(progress or ()):
        if not root.exists():
            fail_usage(f"no such file or folder: {root}")
        if not root.is_dir():
            roots.append(root)
        else:
            roots += [root / p.id / str(y) for p in plans for y in sorted(set(years))]
    try:
        corpus = load_progress([r for r in roots if r.exists() or r.suffix], list(plans),
                               use_cache=True)
    except PathNotFound as exc:
        fail_usage(f"no such file or folder: {exc}")
    if not corpus.ok:
        from napctl.reporters import as_text

        sys.stderr.write(as_text(corpus.problems))
        sys.stderr.write("napctl: the progress reports are invalid; run `napctl validate`"
                         " for details\n")
        raise typer.Exit(EXIT_INVALID)
    return [r.report for r in corpus.reports]


def checklist_progress(plans: Sequence[Plan], progress: list[str] | None, year: int | None
                       ) -> ChecklistProgress | None:
    if year is None:
        return None
    from napctl.progress_checklist import ChecklistProgress

    return ChecklistProgress.of(year_reports(plans, progress, [year]), year)


def option_words(**options: object) -> list[str]:
    """Command-line words that give ``options`` again (for the commands napctl suggests)."""
    words: list[str] = []
    for name, value in options.items():
        flag = {"fmt": "-f"}.get(name, "--" + name.replace("_", "-"))
        if value is None or value is False or value == []:
            continue
        if name == "fmt" and value == "md":
            continue
        for one in value if isinstance(value, list) else [value]:
            words += [flag, str(one)]
    return words


@progress_app.command("import")
def import_(
    checklist: Annotated[Path, typer.Argument(help="A Markdown checklist rendered with --year,"
                                              " ticked and filled in.", exists=True,
                                              dir_okay=False)],
    year: Annotated[int | None, typer.Option(
        "--year", help="The reporting year the checklist must show.", min=1900, max=2200,
        show_default=False)] = None,
    progress: ProgressOption = None,
    templates: TemplatesOption = None,
    plans: PlansOption = None,
) -> None:
    """Read a checklist's ticks and typed lines back into the progress files.

    A value is written only where the progress file still says what the
    checklist showed; otherwise the action is a conflict, reported with both
    values and their positions, and nothing is changed for it (exit 1).
    Once everything is imported, the checklist is rendered again.
    """
    from napctl.progress_corpus import default_out
    from napctl.progress_import import ChecklistImportError, import_checklist

    all_plans = chosen_plans(plans, None)
    root = default_out(progress or ())
    try:
        text = checklist.read_bytes().decode("utf-8")
        result = import_checklist(text, str(checklist), all_plans, root, year=year)
    except ChecklistImportError as exc:
        fail_usage(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        fail_usage(f"cannot read {checklist}: {exc}")
    for path in result.created:
        sys.stdout.write(f"created {path}\n")
    for note in result.changes:
        sys.stdout.write(f"{note.where}: {note.message}\n")
    for note in [*result.conflicts, *result.refused]:
        sys.stderr.write(f"{note.where}: {note.message}\n")
    sys.stderr.write(f"{len(result.changes)} values imported into {len(result.written)} files,"
                     f" {len(result.conflicts)} conflicts, {len(result.refused)} refused\n")
    if not result.ok:
        sys.stderr.write(f"napctl: {checklist} was left as it is; resolve the conflicts"
                         " above, then import it again\n")
        raise typer.Exit(EXIT_INVALID)
    _render_again(checklist, text, all_plans, progress, templates)


def _render_again(checklist: Path, text: str, plans: list[Plan], progress: list[str] | None,
                  templates: Path | None) -> None:
    """Render the imported checklist again from its header, so `--check` agrees."""
    from napctl.checklist_parse import parse_checklist
    from napctl.query import QueryError
    from napctl.render import RenderError, build_checklists, render_checklist

    header = parse_checklist(text).header or {}
    title, plan_id, date = header.get("title"), header.get("plan"), header.get("date")
    if title is None or not header.get("year", "").isdigit():
        sys.stderr.write(f"napctl: {checklist} has no napctl header; render it again\n")
        return
    chosen = [p for p in plans if plan_id is None or p.id == plan_id]
    state = checklist_progress(chosen, progress, int(header["year"]))
    try:
        if header.get("kind") == "checklist":
            files = {checklist.name: render_checklist(
                chosen, title, "md", plan_id=plan_id, date=date, templates=templates,
                progress=state)}
        else:
            files = build_checklists(chosen, "md", date=date, templates=templates,
                                     progress=state, plan_id=plan_id).files
    except (RenderError, QueryError) as exc:
        sys.stderr.write(f"napctl: {checklist} not rendered again: {exc}\n")
        return
    _write_untouched(checklist, files, plans, state)


def _write_untouched(checklist: Path, files: dict[str, str], plans: list[Plan],
                     state: ChecklistProgress | None) -> None:
    """Write the imported checklist, and its siblings that hold nothing left to import.

    Other departments' checklists can show the entries just imported (a
    parent's shows its units'); a sibling with ticks or values of its own
    is left for its own import.
    """
    from napctl.checklist_check import pending_items
    from napctl.fsutil import atomic_write

    by_id = {p.id: p for p in plans}
    own = next((n for n in files if checklist.as_posix().endswith("/" + n)
                or checklist.as_posix() == n), checklist.name)
    root = checklist.as_posix()[: len(checklist.as_posix()) - len(own)] or "."
    for name, new in files.items():
        target = checklist if name == own else Path(root) / name
        try:
            old = target.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if old == new or (target != checklist and (
                pending_items(old, str(target), by_id, state)
                or "<!-- napctl:checklist " not in old)):
            continue
        atomic_write(target, new)
        sys.stdout.write(f"rendered {target} again\n")


def filled_report(plan: Plan, shape: str | None, year: int | None, fmt: str,
                  date: str | None, templates: Path | None, progress: list[str] | None
                  ) -> str | None:
    """The report filled from the progress files; None when the skeleton is wanted."""
    from napctl.progress_corpus import progress_roots

    if shape is None and (year is None or not progress_roots(progress or ())):
        return None
    if year is None:
        fail_usage(f"--shape {shape} needs --year")
    from napctl.progress_init import InitError, check_year
    from napctl.progress_report import Shape, render_progress_report, years_for
    from napctl.render import RenderError

    try:
        check_year(plan, year)
    except InitError as exc:
        fail_usage(str(exc))
    chosen: Shape = "midterm" if shape == "midterm" else "annual"
    reports = year_reports([plan], progress, years_for(plan, [], year, chosen))
    try:
        return render_progress_report(plan, reports, year, chosen, "html" if fmt == "html"
                                      else "md", date=date, templates=templates)
    except RenderError as exc:
        fail_usage(str(exc))


def dashboard(
    year: Annotated[int, typer.Option("--year", help="The reporting year.", min=1900,
                                      max=2200)],
    plan: Annotated[str | None, typer.Option("--plan", "-p", help="The plan (its id).",
                                             show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of stdout.",
        show_default=False)] = None,
    templates: TemplatesOption = None,
    date: Annotated[str | None, typer.Option("--date", help="A date to print on the page.",
                                             show_default=False)] = None,
    progress: ProgressOption = None,
    plans: PlansOption = None,
) -> None:
    """One standalone HTML page: status by pillar and department, years, what is missing."""
    from napctl.cli import _emit
    from napctl.cli_progress import plan_with_progress
    from napctl.dashboard import render_dashboard
    from napctl.progress_init import InitError, check_year
    from napctl.render import RenderError

    chosen = plan_with_progress(plans, plan, progress)
    try:
        check_year(chosen, year)
    except InitError as exc:
        fail_usage(str(exc))
    reports = year_reports([chosen], progress, range(chosen.period.start, year + 1))
    try:
        text = render_dashboard(chosen, reports, year, date=date, templates=templates)
    except RenderError as exc:
        fail_usage(str(exc))
    _emit(text, output)


def register(app: typer.Typer) -> None:
    """`progress import` is on the progress group; `dashboard` goes on `render`."""
    from napctl.cli import render_app

    render_app.command("dashboard")(dashboard)
    del app
