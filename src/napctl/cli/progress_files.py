"""The progress reports a command reads: the valid ones of a plan and years, or an exit.

Shared by `status`, `progress import`, `render report|checklist|dashboard`,
`checklists` and `export --year`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import typer

from napctl.cli.options import EXIT_INVALID, chosen_plans, fail_usage, only_plan
from napctl.output.writers import writer

if TYPE_CHECKING:
    from napctl.load.corpus import Corpus
    from napctl.model import Plan
    from napctl.model.progress import ProgressReport
    from napctl.progress.checklist_items import ChecklistProgress


def plan_with_progress(
    plans: list[str] | None, plan_id: str | None, progress: list[str] | None
) -> Plan:
    """The plan asked for; without --plan, the one plan that has a progress folder."""
    from napctl.load.discover import progress_roots  # lazy: start-up

    chosen = chosen_plans(plans, plan_id)
    if len(chosen) > 1:
        roots = progress_roots(progress or ())
        with_folder = [p for p in chosen if any((r / p.id).is_dir() for r in roots)]
        chosen = with_folder if len(with_folder) == 1 else chosen
    return only_plan(chosen)


def actor_codes(plan: Plan, actor: str | None) -> frozenset[str] | None:
    """The department codes ``actor`` names in ``plan`` (a parent with its units)."""
    if actor is None:
        return None
    from napctl.plans import QueryError, resolve_actor  # lazy: start-up

    try:
        matches = resolve_actor([plan], actor, plan_id=plan.id)
    except QueryError as exc:
        fail_usage(str(exc))
    return frozenset(c for m in matches for c in m.codes)


def load_reports(
    plans: Sequence[Plan],
    progress: list[str] | None,
    years: Sequence[int] | None = None,
    *,
    partial: bool = False,
) -> Corpus:
    """The plans' valid progress reports (of ``years``), or exit 1 with the problems found.

    ``partial``: answer for the valid files all the same (one department's bad file
    must not silence everyone's); the problems and the files left out are written
    here, and the caller exits 1 after its answer when ``corpus.ok`` is false.
    """
    from napctl.core.escape import printable  # lazy: start-up
    from napctl.load.corpus import load_progress  # lazy: start-up
    from napctl.load.discover import PathNotFound, progress_roots  # lazy: start-up

    roots = []
    for root in progress_roots(progress or ()):
        # Only the plans' own folders (of the years asked for): the rest of the corpus
        # is not this question's cost. `validate` checks that files are in their place.
        if not root.is_dir():
            roots.append(root)
        elif years:
            roots += [root / p.id / str(y) for p in plans for y in sorted(set(years))]
        else:
            roots += [root / p.id for p in plans]
    try:
        corpus = load_progress([r for r in roots if r.exists() or r.suffix], plans, use_cache=True)
    except PathNotFound as exc:
        fail_usage(exc.message)
    if not corpus.ok:
        sys.stderr.write(writer("problems", "text")(corpus.problems))
        if not partial:
            sys.stderr.write(
                "napctl: the progress reports are invalid; run `napctl validate` for details\n"
            )
            raise typer.Exit(EXIT_INVALID)
        left_out = corpus.invalid_files()
        sys.stderr.write(
            f"napctl: {len(left_out)} invalid progress"
            f" {'file' if len(left_out) == 1 else 'files'} not counted:"
            f" {', '.join(printable(f) for f in left_out)}\n"
        )
    return corpus


def year_reports(
    plans: Sequence[Plan], progress: list[str] | None, years: Sequence[int]
) -> list[ProgressReport]:
    """The valid progress reports of ``plans`` for ``years``, or exit 1 with the problems.

    A --progress path that does not exist is a usage error here: a report or a
    checklist from no progress at all would look like nobody reported. Checklists
    stay strict: one rendered without a refused file would show its items blank.
    """
    return partial_reports(plans, progress, years, partial=False)[0]


def partial_reports(
    plans: Sequence[Plan], progress: list[str] | None, years: Sequence[int], *, partial: bool = True
) -> tuple[list[ProgressReport], list[str]]:
    """``year_reports``, but ``partial``: the valid reports all the same, and the invalid
    files left out (the caller exits 1 after its answer when there are any)."""
    from napctl.load.discover import progress_roots  # lazy: start-up

    for root in progress_roots(progress or ()):
        if not root.exists():
            fail_usage(f"no such file or folder: {root}")
    corpus = load_reports(plans, progress, years, partial=partial)
    return [r.report for r in corpus.reports], corpus.invalid_files()


def checklist_progress(
    plans: Sequence[Plan], progress: list[str] | None, year: int | None
) -> ChecklistProgress | None:
    """What checklists show of ``year``'s progress (None without --year)."""
    if year is None:
        return None
    from napctl.progress.checklist_items import ChecklistProgress  # lazy: start-up

    state = ChecklistProgress.of(year_reports(plans, progress, [year]), year)
    add_earlier_years(state, plans, progress)
    return state


def add_earlier_years(
    state: ChecklistProgress, plans: Sequence[Plan], progress: list[str] | None
) -> None:
    """The indicator values of the years before ``state``'s, for the checklists' hints
    (a file of an earlier year that does not validate only loses its hint)."""
    from napctl.load.corpus import load_progress  # lazy: start-up
    from napctl.load.discover import progress_roots  # lazy: start-up

    first = min((p.period.start for p in plans), default=state.year)
    folders = [
        root / p.id / str(y)
        for root in progress_roots(progress or ())
        if root.is_dir()
        for p in plans
        for y in range(first, state.year)
    ]
    found = [f for f in folders if f.is_dir()]
    if found:  # silently: the year's own files are the checklist's subject, not these
        state.add_earlier(r.report for r in load_progress(found, plans, use_cache=True).reports)


def progress_for(
    plans: Sequence[Plan], progress: list[str] | None
) -> Callable[[int], ChecklistProgress]:
    """Each year's progress, loaded once however many checklists show that year."""
    from napctl.progress.checklist_items import ChecklistProgress  # lazy: start-up

    years: dict[int, ChecklistProgress] = {}

    def of_year(year: int) -> ChecklistProgress:
        if year not in years:
            years[year] = ChecklistProgress.of(year_reports(plans, progress, [year]), year)
            add_earlier_years(years[year], plans, progress)
        return years[year]

    return of_year
