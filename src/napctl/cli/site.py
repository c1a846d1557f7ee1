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
    from napctl.site.plan_job import ReportSource

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


JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Plans built at once, each in a process of its own."
        " Default: the processors available (1: one after the other).",
        show_default=False,
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
    jobs: JobsOption = None,
) -> None:
    """Build a static website: each plan, pillar, goal, action, department, year and
    report at a stable address, with tables, charts, downloads and search.

    Writes only the files whose bytes change; says how many."""
    from napctl.core.escape import printable  # lazy: start-up
    from napctl.render.templates import RenderError  # lazy: start-up
    from napctl.site.build import SiteOptions, build_site  # lazy: start-up
    from napctl.site.i18n import bad_languages  # lazy: start-up
    from napctl.site.plan_job import default_jobs  # lazy: start-up

    bad = bad_languages(lang or [])
    if bad:
        fail_usage(f"--lang {bad[0]!r} is not a language tag (en, fr, pt-br)")
    if base_url is not None and not base_url.startswith(("https://", "http://")):
        fail_usage("--base-url must start with https:// or http://")
    corpus = load_valid(plans)
    loaded = [(p.plan, p.file) for p in corpus.plans]
    chosen = [p for p, _ in loaded]
    source = _progress_of_each_plan(progress)
    rated, rated_ok = load_assessments_of(chosen, assessments)
    options = SiteOptions(
        out,
        list(lang or []),
        base_url,
        date,
        search,
        assessments=list(assessments or []),
        jobs=jobs or default_jobs(),
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
    if result.invalid or not rated_ok:
        raise typer.Exit(EXIT_INVALID)


def _progress_of_each_plan(progress: list[str] | None) -> ReportSource:
    """Each plan's valid progress, read when its pages are built (one plan's at a time);
    the invalid files are said on standard error and left out."""
    from napctl.load.discover import progress_roots  # lazy: start-up

    for root in progress_roots(progress or ()):
        if not root.exists():  # before anything is written
            fail_usage(f"no such file or folder: {root}")

    def of(plan: Plan) -> tuple[list[ProgressReport], list[str]]:
        return partial_reports([plan], progress, range(plan.period.start, plan.period.end + 6))

    return of
