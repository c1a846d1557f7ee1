"""Writers by format, per output shape: the one registry each command's --format uses.

A shape ("actions", "matrix", "diff", ...) is what a command prints; it has a writer
per format, a plain function of a formatter module that returns the text. ``table``
is not among them: it is the terminal view each command draws itself.

The registry names the functions themselves, so mypy checks each against its
shape's signature and dead-code tools see them used. Importing every formatter
module costs about 135 ms of CPU (they bring in the plans, diff and review
packages), more than a query's whole budget over the Typer floor, so each shape's
table is a function that imports its one module when a writer of it is asked for.
The command line's choices are its own enums, written out (``napctl.cli``); a test
checks that they name the formats registered here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from napctl.assess.compare import Comparison
    from napctl.assess.ratings import AssessedStatus
    from napctl.core.problems import Problem
    from napctl.diff.changes import PlanDiff
    from napctl.diff.source import Side
    from napctl.indicators.series import Series
    from napctl.model import Plan
    from napctl.plans import ActionRow
    from napctl.progress.status import PlanStatus
    from napctl.review.run import Review

#: A writer: the shape's data in, the text to print out.
Writer = Callable[..., str]


def _actions() -> dict[str, Callable[[Sequence[ActionRow]], str]]:
    from napctl.output import actions  # lazy: start-up, see above

    return {
        "json": actions.as_json,
        "csv": actions.as_csv,
        "yaml": actions.as_yaml,
        "md": actions.as_markdown,
    }


def _matrix() -> dict[str, Callable[[Sequence[Plan]], str]]:
    from napctl.output import views  # lazy: start-up, see above

    return {"json": views.matrix_json, "csv": views.matrix_csv, "md": views.matrix_md}


def _diff() -> dict[str, Callable[[PlanDiff, Side, Side, str | None], str]]:
    from napctl.output import diff  # lazy: start-up, see above

    return {"text": diff.as_plain, "md": diff.as_markdown, "json": diff.as_json}


def _problems() -> dict[str, Callable[[Sequence[Problem]], str]]:
    from napctl.output import problems  # lazy: start-up, see above

    return {"text": problems.as_text, "json": problems.as_json, "github": problems.as_github}


def _review() -> dict[str, Callable[[Review], str]]:
    from napctl.output import review  # lazy: start-up, see above

    return {
        "text": review.as_text,
        "json": review.as_json,
        "github": review.as_github,
        "md": review.as_md,
        "html": review.as_html,
    }


def _review_summary() -> dict[str, Callable[[Review], str]]:
    from napctl.output import review  # lazy: start-up, see above

    return {"text": review.scorecard_text, "json": review.scorecard_json, "md": review.scorecard_md}


def _status() -> dict[str, Callable[[PlanStatus, str], str]]:
    from napctl.output import status  # lazy: start-up, see above

    return {"json": status.as_json, "csv": status.as_csv, "md": status.as_markdown}


def _compare() -> dict[str, Callable[[Comparison], str]]:
    from napctl.output import compare, compare_html  # lazy: start-up, see above

    return {
        "text": compare.as_text,
        "md": compare.as_md,
        "html": compare_html.as_html,
        "json": compare.as_json,
    }


def _assessed_status() -> dict[str, Callable[[PlanStatus, str, AssessedStatus], str]]:
    from napctl.output import assessed_status  # lazy: start-up, see above

    return {
        "text": assessed_status.as_plain,
        "json": assessed_status.as_json,
        "csv": assessed_status.as_csv,
        "md": assessed_status.as_markdown,
    }


def _indicators() -> dict[str, Callable[[Sequence[Series], str], str]]:
    from napctl.output import indicators  # lazy: start-up, see above

    return {"json": indicators.as_json, "csv": indicators.as_csv, "md": indicators.as_markdown}


def _records() -> dict[str, Callable[[object], str]]:
    return {"json": json_text}


#: shape -> its writers (format -> function), the shape's formatter module imported on
#: first use. diff: (diff, old side, new side, actor); problems: text, JSON, GitHub
#: workflow annotations; review-summary: the scorecard of `napctl review --summary`;
#: status: (plan status, --by); records: plans, actors, show as JSON; compare: an
#: assessment beside the government's status; assessed-status: status with the ratings;
#: indicators: (series, plan id).
WRITERS: dict[str, Callable[[], Mapping[str, Writer]]] = {
    "actions": _actions,
    "matrix": _matrix,
    "diff": _diff,
    "problems": _problems,
    "review": _review,
    "review-summary": _review_summary,
    "status": _status,
    "records": _records,
    "compare": _compare,
    "assessed-status": _assessed_status,
    "indicators": _indicators,
}


def writers(shape: str) -> Mapping[str, Writer]:
    """The writers of ``shape``, by format name, in the order its --format lists them."""
    return WRITERS[shape]()


def writer(shape: str, fmt: str) -> Writer:
    """The function writing ``shape`` as ``fmt``."""
    return writers(shape)[fmt]


def json_text(data: object, *, indent: int | None = 2) -> str:
    """JSON as napctl prints it: indented (``indent=None``: on one line, for files
    written by the thousand), UTF-8 kept, a final newline.

    JSON escapes C0 controls itself; C1 controls, bidi overrides, invisible
    characters and lone surrogates are written as ``\\uXXXX`` too (they can only
    be inside strings), so JSON on a terminal cannot forge output either.
    """
    from napctl.core.escape import JSON_UNSAFE  # lazy: start-up (its patterns cost ~3 ms)

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
