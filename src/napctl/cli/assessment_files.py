"""The assessments a command reads: the valid ones of a plan, the others named on stderr.

Shared by `status --assessments`, `compare` and `render report|dashboard`;
found like progress files: --assessments, $NAPCTL_ASSESSMENTS, ./assessments.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import fail_usage
from napctl.output.writers import writer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from napctl.core.problem import Problem
    from napctl.model import Plan
    from napctl.model.assessment import Assessment

AssessmentsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--assessments",
        help="Assessment file or folder (repeatable). Default: $NAPCTL_ASSESSMENTS,"
        " else ./assessments.",
        show_default=False,
    ),
]


def load_plan_assessments(
    plan: Plan, assessments: list[str] | None, *, required: bool = False
) -> tuple[list[Assessment], bool]:
    """The plan's valid assessments, and whether every file was valid (the problems of
    the others are written here). ``required``: finding no folder is a usage error."""
    from napctl.core.escape import printable  # lazy: start-up
    from napctl.load.assessments import assessments_in, load_assessments  # lazy: start-up
    from napctl.load.discover import PathNotFound, assessment_roots  # lazy: start-up

    roots = assessment_roots(assessments or ())
    if not roots and required:
        fail_usage("no assessments found: give --assessments DIR (or $NAPCTL_ASSESSMENTS)")
    chosen = [r / plan.id if r.is_dir() and (r / plan.id).is_dir() else r for r in roots]
    try:
        corpus = load_assessments([r for r in chosen if r.exists() or r.suffix], [plan])
    except PathNotFound as exc:
        fail_usage(exc.message)
    if not corpus.ok:
        sys.stderr.write(writer("problems", "text")(corpus.problems))
        left_out = corpus.invalid_files()
        sys.stderr.write(
            f"napctl: {len(left_out)} invalid assessment"
            f" {'file' if len(left_out) == 1 else 'files'} not counted:"
            f" {', '.join(printable(f) for f in left_out)}\n"
        )
    found = [a.assessment for a in assessments_in(corpus) if a.assessment.plan == plan.id]
    return found, corpus.ok


def load_assessments_of(
    plans: Sequence[Plan], assessments: list[str] | None
) -> tuple[list[Assessment], bool]:
    """The valid assessments of any of ``plans`` (a root's ``<plan-id>/`` folders or
    files, checked against every plan at once), and whether every file was valid."""
    from napctl.load.assessments import assessments_in, load_assessments  # lazy: start-up
    from napctl.load.discover import PathNotFound, assessment_roots  # lazy: start-up

    roots = [r for r in assessment_roots(assessments or ()) if r.exists() or r.suffix]
    try:
        corpus = load_assessments(roots, list(plans))
    except PathNotFound as exc:
        fail_usage(exc.message)
    _say_invalid(corpus.ok, corpus.problems, corpus.invalid_files())
    ids = {p.id for p in plans}
    return [a.assessment for a in assessments_in(corpus) if a.assessment.plan in ids], corpus.ok


def _say_invalid(ok: bool, problems: Sequence[Problem], left_out: Sequence[str]) -> None:
    """The problems of the files left out, and their names, on stderr."""
    from napctl.core.escape import printable  # lazy: start-up

    if ok:
        return
    sys.stderr.write(writer("problems", "text")(problems))
    sys.stderr.write(
        f"napctl: {len(left_out)} invalid assessment"
        f" {'file' if len(left_out) == 1 else 'files'} not counted:"
        f" {', '.join(printable(f) for f in left_out)}\n"
    )
