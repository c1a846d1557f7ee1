"""`napctl checklists`: one checklist per department and country, written or checked."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import (
    EXIT_INVALID,
    EXIT_OK,
    ChecklistProgressOption,
    ChecklistYearOption,
    CountryOption,
    DateOption,
    FormatOption,
    LangOption,
    PlanOption,
    PlansOption,
    RenderFormat,
    TemplatesOption,
    chosen_plans,
    fail_io,
    fail_usage,
    output_language,
)
from napctl.cli.progress_files import checklist_progress, progress_for
from napctl.cli.startup import app
from napctl.core.escape import printable

if TYPE_CHECKING:
    from napctl.model import Plan
    from napctl.progress.checklist_items import ChecklistProgress
    from napctl.render.checklists import ChecklistSet, WriteResult


OutOption = Annotated[
    Path, typer.Option("--out", help="Folder to write the checklists into.", file_okay=False)
]
CheckOption = Annotated[
    bool,
    typer.Option(
        "--check",
        help="Write nothing; list the files that differ from"
        " what would be written. Exit 1 only for what would lose work:"
        " ticks or values not in the progress files, files left behind.",
    ),
]


@app.command()
def checklists(
    out: OutOption,
    plan: PlanOption = None,
    country: CountryOption = None,
    fmt: FormatOption = RenderFormat.md,
    check: CheckOption = False,
    templates: TemplatesOption = None,
    date: DateOption = None,
    plans: PlansOption = None,
    year: ChecklistYearOption = None,
    progress: ChecklistProgressOption = None,
    lang: LangOption = None,
) -> None:
    """One checklist per department and country (OUT/be/justice.md), and an index."""
    from napctl.render.checklist_layout import left_behind  # lazy: start-up
    from napctl.render.checklists import build_checklists, write_checklists  # lazy: start-up
    from napctl.render.templates import RenderError  # lazy: start-up

    chosen = chosen_plans(plans, plan, country)
    state = checklist_progress(chosen, progress, year)
    language = output_language(lang, chosen)
    try:
        files = build_checklists(
            chosen,
            fmt.value,
            date=date,
            templates=templates,
            progress=state,
            plan_id=plan,
            lang=language,
        )
        if check:  # pending ticks and typed values are named, never to be thrown away
            words = option_words(plan=plan, fmt=fmt.value, date=date, year=year)
            words += option_words(templates=templates, country=country, lang=lang)
            ok = check_committed(
                files,
                out,
                chosen,
                state,
                fmt.value,
                ["napctl", "checklists", "--out", str(out), *words],
                ["napctl", "progress", "import", *option_words(year=year)],
                option_words(plans=plans, progress=progress),
                progress,
            )
            raise typer.Exit(EXIT_OK if ok else EXIT_INVALID)
        files, kept = without_pending(files, out, chosen, state, fmt.value, progress)
        result = write_checklists(files, out, check=False)
        behind = left_behind(
            out, [*files.files, *(k.relative_to(out).as_posix() for k in kept)], chosen, fmt.value
        )
    except RenderError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_io(exc)
    _report_written(result, out, behind, kept)


def _report_written(result: WriteResult, out: Path, behind: list[Path], kept: list[Path]) -> None:
    """On stderr: what was written, left behind and left as it is (exit 1 for the last)."""
    sys.stderr.write(f"{len(result.written)} written, {len(result.unchanged)} unchanged in {out}\n")
    sys.stderr.write(_left_behind_note(behind))
    for path in behind:
        sys.stderr.write(f"  left behind: {path}\n")
    for path in kept:  # never rendered over: import first (`checklists --check` says how)
        sys.stderr.write(
            f"napctl: left {path} as it is: it holds ticks or values not yet in"
            f" the progress files; run `napctl progress import {path}` first\n"
        )
    report_refused(result.refused)
    if kept or result.refused:
        raise typer.Exit(EXIT_INVALID)


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


def check_committed(
    files: ChecklistSet,
    out: Path,
    plans: Sequence[Plan],
    state: ChecklistProgress | None,
    fmt: str,
    regenerate: list[str],
    import_: list[str],
    common: list[str],
    progress: list[str] | None = None,
) -> bool:
    """`checklists --check`: each finding, then the commands to run (with ``common``)."""
    from napctl.render.checklist_check import check_checklists, check_text  # lazy: start-up

    report = check_checklists(files, out, plans, state, fmt, progress_for(plans, progress))
    found, advice = check_text(report, [*regenerate, *common], [*import_, *common])
    sys.stdout.write(found)
    sys.stderr.write(advice)
    return report.ok


def without_pending(
    files: ChecklistSet,
    out: Path,
    plans: Sequence[Plan],
    state: ChecklistProgress | None,
    fmt: str,
    progress: list[str] | None,
) -> tuple[ChecklistSet, list[Path]]:
    """``files`` less those whose checklist in ``out`` holds ticks or values not yet in
    the progress files, and those left as they are: rendering over them would lose a
    ministry's work (a refresh job after a merge must be safe to run)."""
    from napctl.render.checklist_check import check_checklists  # lazy: start-up
    from napctl.render.checklists import ChecklistSet  # lazy: start-up

    report = check_checklists(files, out, plans, state, fmt, progress_for(plans, progress))
    kept = {path.relative_to(out).as_posix() for path in report.pending}
    return ChecklistSet({n: t for n, t in files.files.items() if n not in kept}), list(
        report.pending
    )


def _left_behind_note(behind: list[Path]) -> str:
    """Why files napctl wrote once are still there ('' when there are none)."""
    if not behind:
        return ""
    many = len(behind) != 1
    return (
        f"{len(behind)} file{'s are' if many else ' is'} left behind: napctl no longer"
        f" writes {'them' if many else 'it'} (checklists are in a folder per country,"
        f" be/justice.md); remove {'them' if many else 'it'} once nobody needs"
        f" {'their' if many else 'its'} edits\n"
    )


def report_refused(refused: list[tuple[Path, str]]) -> None:
    """One line per checklist not written, named (the others were written)."""
    for path, why in refused:
        sys.stderr.write(f"napctl: {printable(str(path))}: {printable(why)}\n")
