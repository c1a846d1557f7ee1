"""The progress files an import reads and writes, checked as `napctl validate` checks
them: an import never writes a file that validate would refuse, and says which
item's entry would make it invalid."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from napctl.core.readfile import read_file
from napctl.load.corpus import LoadedDocument, check_parsed, given_entry
from napctl.model import Plan
from napctl.model.progress import ProgressReport
from napctl.progress.items import ImportItem
from napctl.yaml.edit import EditError

if TYPE_CHECKING:
    from napctl.checks.index import IndexEntry
    from napctl.yaml.safe import YamlDocument

_ENTRY_ID = re.compile(r"^\s*- id: ['\"]?([^'\"\s#]+)")


# The last plan's corpus entry: an import checks every file it writes against its
# plan, and the entry's facts cost the plan's size (a 10,000-row sheet computed them
# 20,000 times). One entry, so no more than the plan in hand is kept.
_LAST_ENTRY: list[tuple[Plan, IndexEntry]] = []


def _plan_entry(plan: Plan) -> IndexEntry:
    if not _LAST_ENTRY or _LAST_ENTRY[0][0] is not plan:
        _LAST_ENTRY[:] = [(plan, given_entry(LoadedDocument("plan", plan, "")))]
    return _LAST_ENTRY[0][1]


def check_report(text: str, display: str, plan: Plan) -> tuple[ProgressReport, YamlDocument]:
    """The checked report that ``text`` holds. Raises EditError when it is not valid."""
    from napctl.yaml.safe import parse_yaml  # lazy: start-up (`checklists --check`)

    doc = parse_yaml(text.removeprefix("\ufeff"), display, kind="progress report")
    problems = list(doc.problems)
    report = None
    if doc.data is not None:
        report, found = check_parsed(doc, "progress report", [_plan_entry(plan)])
        problems += found
    errors = [p for p in problems if p.level == "error"]
    if not isinstance(report, ProgressReport) or errors:
        first = errors[0] if errors else None
        where = "; ".join(f"{e.line}:{e.column}: {e.code} {e.message}" for e in errors)
        error = EditError(
            f"it is not a valid progress report ({where})",
            display,
            first.line if first else 0,
            first.column if first else 0,
        )
        error.lines = [e.line for e in errors]  # type: ignore[attr-defined]
        raise error
    return report, doc


def at_fault(
    text: str, lines: list[int], done: list[tuple[ImportItem, dict[str, object]]]
) -> ImportItem:
    """The item whose entry holds the first of ``lines`` of ``text`` (the entry whose
    ``- id:`` line is the nearest above it); the first item when none does."""
    by_id = {item.id: item for item, _ in done}
    rows = text.splitlines()
    for number in lines:
        for row in reversed(rows[: max(number, 0)]):
            found = _ENTRY_ID.match(row)
            if found:
                if found.group(1) in by_id:
                    return by_id[found.group(1)]
                break
    return done[0][0]


def read_report(path: Path, display: str, plan: Plan) -> tuple[str, ProgressReport, YamlDocument]:
    """The file's exact text and its checked report. Raises EditError when it is invalid."""
    text = read_file(path, display, kind="progress report").decode("utf-8")
    try:
        report, doc = check_report(text, display, plan)
    except EditError as exc:
        raise EditError(f"{exc}; run `napctl validate`", exc.file, exc.line, exc.column) from None
    return text, report, doc
