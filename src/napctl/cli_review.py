"""The `napctl review` command: options in, a plain review function called, findings out."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.readfile import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from napctl.review import Finding


class ReviewFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    md = "md"
    html = "html"


def review(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Plan files or folders. Default: the plans found as for --plans.",
                       show_default=False),
    ] = None,
    fmt: Annotated[
        ReviewFormat, typer.Option("--format", "-f", help="text, json, github (annotations),"
                                   " or a report to publish: md, html.")
    ] = ReviewFormat.text,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Only these rules: codes or prefixes (NAP50),"
                     " repeatable or comma-separated. Replaces the configuration's.",
                     show_default=False),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Leave out these rules: codes or prefixes. Adds to the"
                     " configuration's.", show_default=False),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when there is any warning.")
    ] = False,
    summary: Annotated[
        bool, typer.Option("--summary", help="Print only the scorecard (plans side by side)"
                           " in text, md or json.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of"
                     " stdout.", show_default=False),
    ] = None,
    plans: Annotated[
        list[str] | None,
        typer.Option("--plans", help="Plan file or folder (repeatable). Default:"
                     " $NAPCTL_PLANS, else ./plans, else the bundled plans.",
                     show_default=False),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Refuse plan files larger than this many bytes.",
                          min=1)
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """How monitorable is a plan? Findings NAP5xx (warning or info) and a scorecard per plan.

    Each finding is file:line:col: CODE level: message. Rules are turned off in
    [tool.napctl.review] of pyproject.toml or [review] of napctl.toml (the
    nearest from the current folder up), or with --select/--ignore. Exit 0
    with findings; 1 with --strict and a warning, or when a plan is invalid;
    2 for a usage error. See docs/review.md.
    """
    from napctl.cli import EXIT_INVALID, EXIT_OK, fail_usage
    from napctl.corpus import load_corpus
    from napctl.discover import PathNotFound
    from napctl.review import review_plans
    from napctl.review_config import ConfigError, load_config
    from napctl.review_out import FORMATS, SUMMARY_FORMATS

    if summary and fmt.value not in SUMMARY_FORMATS:
        fail_usage(f"--summary prints text, md or json, not {fmt.value}")
    try:
        config = load_config().with_options(select or [], ignore or [], strict)
    except ConfigError as exc:
        fail_usage(str(exc))
    try:
        corpus = load_corpus([*(paths or []), *(plans or [])], max_bytes=max_bytes,
                             use_cache=True)
    except PathNotFound as exc:
        fail_usage(f"no such file or folder: {exc}")
    if not corpus.files:
        fail_usage("no plan files found (*.yaml, *.yml)")
    if not corpus.ok:
        from napctl.reporters import as_text

        sys.stdout.write(as_text(corpus.problems))
        sys.stderr.write("napctl: the plans are invalid; review needs valid plans\n")
        raise typer.Exit(EXIT_INVALID)
    result = review_plans(corpus.plans, config.active)
    text = (SUMMARY_FORMATS if summary else FORMATS)[fmt.value](result)
    _emit(text, output)
    sys.stderr.write(_tally(result.findings, len(result.summaries)) + "\n")
    raise typer.Exit(EXIT_INVALID if config.strict and result.warnings else EXIT_OK)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from napctl.cli import fail_usage
    from napctl.fsutil import atomic_write

    try:
        atomic_write(output, text)
    except OSError as exc:
        fail_usage(f"cannot write {output}: {exc.strerror}")


def _tally(findings: Sequence[Finding], plans: int) -> str:
    warnings = sum(1 for f in findings if f.level == "warning")
    noun = "plan" if plans == 1 else "plans"
    return (f"{plans} {noun} reviewed: {len(findings)} findings"
            f" ({warnings} warnings, {len(findings) - warnings} info)")
