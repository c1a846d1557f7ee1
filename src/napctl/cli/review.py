"""`napctl review`: options in, a plain review function called, findings out."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import (
    EXIT_INVALID,
    EXIT_OK,
    LangOption,
    MaxBytesOption,
    OutputOption,
    PathsArgument,
    PlansOption,
    emit,
    fail_usage,
    output_language,
)
from napctl.cli.startup import app
from napctl.core.readfile import DEFAULT_MAX_BYTES
from napctl.output.writers import writer, writers

if TYPE_CHECKING:
    from napctl.core.problem import Problem
    from napctl.load.corpus import LoadedPlan


class ReviewFormat(StrEnum):
    """The writers of shape "review" (napctl.output.writers); --summary has fewer."""

    text = "text"
    json = "json"
    github = "github"
    md = "md"
    html = "html"


ReviewFormatOption = Annotated[
    ReviewFormat,
    typer.Option(
        "--format",
        "-f",
        help="text, json, github (annotations), or a report to publish: md, html.",
    ),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help="Only these rules: codes or prefixes (NAP50),"
        " repeatable or comma-separated. Replaces the configuration's.",
        show_default=False,
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        help="Leave out these rules: codes or prefixes. Adds to the configuration's.",
        show_default=False,
    ),
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Exit 1 when there is any warning.")]
SummaryOption = Annotated[
    bool,
    typer.Option(
        "--summary", help="Print only the scorecard (plans side by side) in text, md or json."
    ),
]


@app.command("review")
def review(
    paths: PathsArgument = None,
    fmt: ReviewFormatOption = ReviewFormat.text,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    strict: StrictOption = False,
    summary: SummaryOption = False,
    output: OutputOption = None,
    plans: PlansOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    lang: LangOption = None,
) -> None:
    """How monitorable is a plan? Findings NAP5xx (warning or info) and a scorecard per plan.

    Each finding is file:line:col: CODE level: message. Rules are turned off in
    [tool.napctl.review] of pyproject.toml or [review] of napctl.toml (the
    nearest from the current folder up), or with --select/--ignore. Exit 0
    with findings; 1 with --strict and a warning, or when a plan is invalid;
    2 for a usage error. See docs/review.md.
    """
    from napctl.review.config import ConfigError, load_config  # lazy: start-up
    from napctl.review.run import review_plans  # lazy: start-up

    shape = "review-summary" if summary else "review"
    if fmt.value not in writers(shape):
        fail_usage(f"--summary prints text, md or json, not {fmt.value}")
    try:
        config = load_config().with_options(select or [], ignore or [], strict)
    except ConfigError as exc:
        fail_usage(str(exc))
    corpus = _valid_corpus([*(paths or []), *(plans or [])], max_bytes)
    result = review_plans(corpus, config.active)
    result.lang = output_language(lang, [ix.plan for ix in result.indexes])  # md, html, table
    emit(writer(shape, fmt.value)(result), output)
    sys.stderr.write(_tally(result.findings, len(result.summaries)) + "\n")
    raise typer.Exit(EXIT_INVALID if config.strict and result.warnings else EXIT_OK)


def _valid_corpus(paths: list[str], max_bytes: int) -> list[LoadedPlan]:
    """The valid plans of ``paths``; exit 1 with the problems on stdout when one is invalid."""
    from napctl.load.corpus import load_corpus  # lazy: start-up
    from napctl.load.discover import PathNotFound  # lazy: start-up

    try:
        corpus = load_corpus(paths, max_bytes=max_bytes, use_cache=True)
    except PathNotFound as exc:
        fail_usage(f"no such file or folder: {exc}")
    if not corpus.files:
        fail_usage("no plan files found (*.yaml, *.yml)")
    if not corpus.ok:
        sys.stdout.write(writer("problems", "text")(corpus.problems))
        sys.stderr.write("napctl: the plans are invalid; review needs valid plans\n")
        raise typer.Exit(EXIT_INVALID)
    return corpus.plans


def _tally(findings: Sequence[Problem], plans: int) -> str:
    warnings = sum(1 for f in findings if f.level == "warning")
    noun = "plan" if plans == 1 else "plans"
    return (
        f"{plans} {noun} reviewed: {len(findings)} findings"
        f" ({warnings} warnings, {len(findings) - warnings} info)"
    )
