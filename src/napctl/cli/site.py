"""`napctl site`: a static website of the plans and their progress."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.assessment_files import AssessmentsOption, load_assessments_of
from napctl.cli.options import (
    EXIT_INVALID,
    DateOption,
    PlansOption,
    ProgressOption,
    fail_io,
    fail_usage,
    load_valid,
)
from napctl.cli.progress_files import partial_reports
from napctl.cli.startup import app

if TYPE_CHECKING:
    from napctl.model import Plan
    from napctl.model.progress import ProgressReport
    from napctl.site.build import ReportSource

SiteOutOption = Annotated[
    Path, typer.Option("--out", "-o", help="The folder to build the site in.", file_okay=False)
]

SiteLangOption = Annotated[
    list[str] | None,
    typer.Option(
        "--lang",
        help="A language of the site (repeatable; the first is at the root)."
        " Default: the languages the plans declare.",
        show_default=False,
    ),
]

BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        help="Where the site is published (https://...), for canonical links.",
        show_default=False,
    ),
]

SearchOption = Annotated[
    bool,
    typer.Option(
        "--search/--no-search",
        help="Index the site with Pagefind when it is installed (napctl[site]).",
    ),
]


@app.command("site")
def site(
    out: SiteOutOption,
    plans: PlansOption = None,
    progress: ProgressOption = None,
    assessments: AssessmentsOption = None,
    lang: SiteLangOption = None,
    base_url: BaseUrlOption = None,
    date: DateOption = None,
    search: SearchOption = True,
) -> None:
    """Build a static website: each plan, pillar, goal, action, department, year and
    report at a stable address, with tables, charts, downloads and search.

    Writes only the files whose bytes change; says how many."""
    from napctl.core.escape import printable  # lazy: start-up
    from napctl.render.templates import RenderError  # lazy: start-up
    from napctl.site.build import SiteOptions, build_site  # lazy: start-up
    from napctl.site.i18n import bad_languages  # lazy: start-up

    bad = bad_languages(lang or [])
    if bad:
        fail_usage(f"--lang {bad[0]!r} is not a language tag (en, fr, pt-br)")
    if base_url is not None and not base_url.startswith(("https://", "http://")):
        fail_usage("--base-url must start with https:// or http://")
    corpus = load_valid(plans)
    loaded = [(p.plan, p.file) for p in corpus.plans]
    chosen = [p for p, _ in loaded]
    source, invalid = _progress_of_each_plan(chosen, progress)
    rated, rated_ok = load_assessments_of(chosen, assessments)
    options = SiteOptions(
        out, list(lang or []), base_url, date, search, assessments=list(assessments or [])
    )
    try:
        result = build_site(loaded, source, options, (), rated)
    except RenderError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_io(exc)
    if result.no_search:
        sys.stderr.write(f"napctl: {result.no_search}\n")
    sys.stdout.write(
        f"{printable(str(out))}: {result.pages} pages; {result.written} files written,"
        f" {result.unchanged} unchanged"
        + (f", {result.removed} removed (no longer in the site)" if result.removed else "")
        + "\n"
    )
    if invalid or not rated_ok:
        raise typer.Exit(EXIT_INVALID)


def _progress_of_each_plan(
    chosen: list[Plan], progress: list[str] | None
) -> tuple[ReportSource, list[str]]:
    """Each plan's valid progress, read when its pages are built (one plan's at a time),
    and the list the invalid files left out are added to (the exit status)."""
    from napctl.load.discover import progress_roots  # lazy: start-up

    for root in progress_roots(progress or ()):
        if not root.exists():  # before anything is written
            fail_usage(f"no such file or folder: {root}")
    invalid: list[str] = []

    def of(plan: Plan) -> tuple[list[ProgressReport], list[str]]:
        years = range(plan.period.start, plan.period.end + 6)
        found, left_out = partial_reports([plan], progress, years)
        invalid.extend(left_out)
        return found, left_out

    return of, invalid
