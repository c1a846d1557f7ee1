"""Progress in outputs: `napctl progress import`, `render dashboard`, and the glue that
gives `render checklist` / `checklists` the year's progress (thin, as every command).

Registered on the main app by ``napctl.cli.startup.COMMAND_MODULES`` (one line there).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import EXIT_INVALID, PlansOption, chosen_plans, emit, fail_usage
from napctl.cli.progress import ProgressOption, YearOption, load_reports, progress_app
from napctl.cli.render import DateOption, OutputOption, TemplatesOption, render_app

if TYPE_CHECKING:
    from napctl.model import Plan
    from napctl.model.progress import ProgressReport
    from napctl.progress.checklist_items import ChecklistProgress
    from napctl.render.checklists import ChecklistSet


def year_reports(plans: Sequence[Plan], progress: list[str] | None, years: Sequence[int]
                 ) -> list[ProgressReport]:
    """The valid progress reports of ``plans`` for ``years``, or exit 1 with the problems.

    A --progress path that does not exist is a usage error here: a report or a
    checklist from no progress at all would look like nobody reported.
    """
    from napctl.load.discover import progress_roots

    for root in progress_roots(progress or ()):
        if not root.exists():
            fail_usage(f"no such file or folder: {root}")
    return [r.report for r in load_reports(plans, progress, years).reports]


def checklist_progress(plans: Sequence[Plan], progress: list[str] | None, year: int | None
                       ) -> ChecklistProgress | None:
    if year is None:
        return None
    from napctl.progress.checklist_items import ChecklistProgress

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


def check_committed(files: ChecklistSet, out: Path, plans: Sequence[Plan],
                    state: ChecklistProgress | None, fmt: str, regenerate: list[str],
                    import_: list[str], common: list[str]) -> bool:
    """`checklists --check`: each finding, then the commands to run (with ``common``)."""
    from napctl.render.checklist_check import check_checklists, check_text

    report = check_checklists(files, out, plans, state, fmt)
    found, advice = check_text(report, [*regenerate, *common], [*import_, *common])
    sys.stdout.write(found)
    sys.stderr.write(advice)
    return report.ok


@progress_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(
        metavar="FILE", help="A Markdown checklist rendered with --year, or a progress sheet"
        " written by `napctl export --year` (.xlsx or .csv), filled in.", exists=True,
        dir_okay=False)],
    year: Annotated[int | None, typer.Option(
        "--year", help="The reporting year the file must show.", min=1900, max=2200,
        show_default=False)] = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", "-a", help="Only into this department's progress files (a parent includes"
        " its units); anything else is refused.", show_default=False)] = None,
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
    from napctl.load.discover import default_progress_out
    from napctl.progress.importer import ProgressImportError, import_file, import_summary
    from napctl.sheets.read import ReadError

    all_plans = chosen_plans(plans, None)
    root = default_progress_out(progress or ())
    try:
        result, read = import_file(file, all_plans, root, year=year, actor=actor)
    except (ProgressImportError, ReadError) as exc:
        fail_usage(str(exc))
    for path in result.created:
        sys.stdout.write(f"created {path}\n")
    for note in result.changes:
        sys.stdout.write(f"{note.where}: {note.message}\n")
    for note in [*result.conflicts, *result.refused]:
        sys.stderr.write(f"{note.where}: {note.message}\n")
    sys.stderr.write(import_summary(result))
    if not result.ok:
        what = "resolve the conflicts and refusals" if result.conflicts else "fix what is" \
            " refused"
        sys.stderr.write(f"napctl: {file} was left as it is; {what} above, then import it"
                         " again\n")
        raise typer.Exit(EXIT_INVALID)
    if read.noun == "checklist" and read.safe_to_render:
        text = file.read_bytes().decode("utf-8")
        _render_again(file, text, all_plans, progress, templates)
    elif result.changes:
        sys.stderr.write(f"napctl: export the sheet again before typing more into it"
                         f" (napctl export --year {result.departments[0][1]} ...)\n")


def _render_again(checklist: Path, text: str, plans: list[Plan], progress: list[str] | None,
                  templates: Path | None) -> None:
    """Render the imported checklist again from its header, so `--check` agrees."""
    from napctl.plans import QueryError
    from napctl.progress.checklist_parse import parse_checklist
    from napctl.render.checklists import build_checklists, render_checklist
    from napctl.render.templates import RenderError

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
    from napctl.core.fsutil import atomic_write
    from napctl.render.checklist_check import pending_items

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
    from napctl.load.discover import progress_roots

    if shape is None and (year is None or not progress_roots(progress or ())):
        return None
    if year is None:
        fail_usage(f"--shape {shape} needs --year")
    from napctl.progress.init import InitError, check_year
    from napctl.render.progress_report import Shape, render_progress_report, years_for
    from napctl.render.templates import RenderError

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
    year: YearOption,
    plan: Annotated[str | None, typer.Option("--plan", "-p", help="The plan (its id).",
                                             show_default=False)] = None,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    date: DateOption = None,
    progress: ProgressOption = None,
    plans: PlansOption = None,
) -> None:
    """One standalone HTML page: status by pillar and department, years, what is missing."""
    from napctl.cli.progress import plan_with_progress
    from napctl.progress.init import InitError, check_year
    from napctl.render.dashboard import render_dashboard
    from napctl.render.templates import RenderError

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
    emit(text, output)


render_app.command("dashboard")(dashboard)  # `progress import` is on the progress group
