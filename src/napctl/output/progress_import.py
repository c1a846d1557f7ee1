"""`napctl progress import CHECKLIST.md`: ticks and typed lines back into progress files.

For each item whose lines differ from what it showed (its marker's ``shown``
hash), the differences are written into the department's progress file,
as text (``napctl.output.progress_edit``), when that file's entry is still what the
checklist showed (its ``digest``). When the entry changed since, the item is
a conflict: both values and their positions are reported, nothing is changed
for it. A value erased in the checklist is never erased from the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from napctl.checks.progress import PlanIndex
from napctl.model import Action, Plan
from napctl.model.progress import STATUSES, Entry, ProgressReport
from napctl.output.fsutil import atomic_write
from napctl.output.progress_edit import EditError, EntryEdit, apply_edit
from napctl.output.progress_init import progress_path
from napctl.render.checklist_parse import ParsedItem, Typed, parse_checklist
from napctl.render.progress_checklist import (
    TEXT_FIELDS,
    blank,
    entry_digest,
    short_hash,
    shown_fields,
)

if TYPE_CHECKING:
    from napctl.load.yamlsafe import YamlDocument

_NUMBER = re.compile(r"^(-?[0-9]+(?:\.[0-9]+)?)(?:\s+(.+))?$")
_LABELS = {attr: label for label, attr in TEXT_FIELDS.items()}


class ChecklistImportError(Exception):
    """The checklist cannot be imported at all (a usage error)."""


@dataclass(slots=True)
class Note:
    """One line of the report: a change made, a conflict or a refusal."""

    where: str  # file:line:col
    message: str


@dataclass(slots=True)
class ImportResult:
    changes: list[Note] = field(default_factory=list)
    conflicts: list[Note] = field(default_factory=list)
    refused: list[Note] = field(default_factory=list)
    created: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    #: (plan id, year, department) of every group of items read
    departments: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.conflicts and not self.refused


def typed_status(item: ParsedItem, display: str) -> tuple[str, Note | None]:
    """The status the item now says (a tick means completed), or why it says none."""
    shown = item.fields.get("status", "not-reported")
    word = (item.status.value or "").split(" ")[0] if item.status else shown
    where = f"{display}:{item.status.line if item.status else item.line}:" \
            f"{item.status.column if item.status else 1}"
    if word not in STATUSES:
        return shown, Note(where, f"{item.id}: unknown status '{word}'; one of"
                                  f" {', '.join(STATUSES)}")
    if item.ticked and shown != "completed":
        if word not in (shown, "completed"):
            return shown, Note(where, f"{item.id} is ticked but its Status says {word}")
        return "completed", None
    if not item.ticked and shown == "completed" and word == "completed":
        return shown, Note(f"{display}:{item.line}:1", f"{item.id} is no longer ticked:"
                           " type its status on the Status line")
    return word, None


def typed_fields(item: ParsedItem, action: Action, status: str) -> dict[str, object]:
    """The item's values in the shape of ``shown_fields``."""
    def value(t: Typed | None) -> str | None:
        return None if t is None else t.value

    return {
        "status": status,
        **{attr: value(item.texts.get(attr)) for attr in TEXT_FIELDS.values()},
        "indicators": {str(n): value(item.indicators.get(n))
                       for n in range(1, len(action.indicators) + 1)},
    }


def split_value(text: str) -> tuple[int | float | str, str | None]:
    """``412 participants`` -> (412, "participants"); other text stays text."""
    found = _NUMBER.match(text)
    if not found:
        return text, None
    number = found.group(1)
    return (float(number) if "." in number else int(number)), found.group(2)


def pending(item: ParsedItem, action: Action, entry: Entry, display: str
            ) -> tuple[dict[str, object], dict[str, object], Note | None]:
    """(typed, in the file) values of the fields the person changed; a note when unreadable."""
    status, problem = typed_status(item, display)
    typed = typed_fields(item, action, status)
    if problem is not None:
        return {}, {}, problem
    if short_hash(typed) == item.fields.get("shown"):
        return {}, {}, None  # untouched since it was rendered
    now = shown_fields(entry, action)
    changed = {k: v for k, v in typed.items() if k != "indicators" and v != now[k]}
    inds = {n: v for n, v in typed["indicators"].items()  # type: ignore[attr-defined]
            if v != now["indicators"][n]}
    if inds:
        changed["indicators"] = inds
    was = {k: now[k] for k in changed if k != "indicators"}
    if inds:
        was["indicators"] = {n: now["indicators"][n] for n in inds}
    return changed, was, None


@dataclass(slots=True)
class Department:
    """One progress file and the checklist items that report into it."""

    plan: Plan
    year: int
    code: str
    path: Path
    items: list[ParsedItem]


def group_items(items: list[ParsedItem], plans: dict[str, Plan], root: Path,
                year: int | None) -> list[Department]:
    groups: dict[tuple[str, int, str], Department] = {}
    for item in items:
        plan = plans.get(item.fields.get("plan", ""))
        if plan is None:
            raise ChecklistImportError(f"line {item.line}: no plan {item.fields.get('plan')!r}")
        try:
            item_year = int(item.fields.get("year", ""))
        except ValueError:
            raise ChecklistImportError(f"line {item.line}: the item's marker has no year") from None
        if year is not None and item_year != year:
            raise ChecklistImportError(f"line {item.line}: the checklist shows {item_year},"
                                       f" not {year}")
        code = item.fields.get("dept", "")
        if plan.department(code) is None:
            raise ChecklistImportError(f"line {item.line}: plan '{plan.id}' has no department"
                                       f" {code!r}")
        key = (plan.id, item_year, code)
        if key not in groups:
            groups[key] = Department(plan, item_year, code,
                                     progress_path(root, plan.id, item_year, code), [])
        groups[key].items.append(item)
    return list(groups.values())


def report_entries(report: ProgressReport) -> dict[str, int]:
    return {e.id: i for i, e in reversed(list(enumerate(report.actions)))}


def describe(value: object) -> str:
    return "(blank)" if value is None else repr(value)


def entry_edit(action: Action, changed: dict[str, object]) -> EntryEdit:
    edit = EntryEdit(action.id, names=action.indicator_texts())
    for key, value in changed.items():
        if key == "indicators":
            for n, text in value.items():  # type: ignore[attr-defined]
                edit.indicators[int(n)] = split_value(text)
        else:
            edit.texts[key] = str(value)
    return edit


def import_checklist(text: str, display: str, plans: list[Plan], root: Path, *,
                     year: int | None = None) -> ImportResult:
    """Import one checklist's ticks and typed lines. Raises ChecklistImportError."""
    parsed = parse_checklist(text)
    if not parsed.items:
        raise ChecklistImportError(f"{display} has no items napctl can read back; render it with"
                           " --year (napctl checklists --year YYYY ...)")
    result = ImportResult()
    for dept in group_items(parsed.items, {p.id: p for p in plans}, root, year):
        result.departments.append((dept.plan.id, dept.year, dept.code))
        _import_department(dept, display, root, result)
    return result


def where_typed(item: ParsedItem, key: str, display: str) -> str:
    typed: Typed | None
    if key == "status" and item.ticked != (item.fields.get("status") == "completed"):
        return f"{display}:{item.line}:4"  # the box
    if key == "status":
        typed = item.status
    elif key.startswith("indicator "):
        typed = item.indicators.get(int(key.split()[1]))
    else:
        typed = item.texts.get(key)
    if typed is None:
        return f"{display}:{item.line}:3"
    return f"{display}:{typed.line}:{typed.column}"


def flat_changes(changed: dict[str, object]) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for key, value in changed.items():
        if key == "indicators":
            out += [(f"indicator {n}", v) for n, v in value.items()]  # type: ignore[attr-defined]
        else:
            out.append((key, value))
    return out


def _check(text: str, display: str, plan: Plan) -> tuple[ProgressReport, YamlDocument]:
    """The checked report that ``text`` holds. Raises EditError when it is not valid."""
    from napctl.load.corpus import LoadedDocument, check_parsed
    from napctl.load.yamlsafe import parse_yaml

    doc = parse_yaml(text.removeprefix("\ufeff"), display, kind="progress report")
    problems = list(doc.problems)
    report = None
    if doc.data is not None:
        report, found = check_parsed(doc, "progress report", [LoadedDocument("plan", plan, "")])
        problems += found
    errors = [p for p in problems if p.level == "error"]
    if not isinstance(report, ProgressReport) or errors:
        first = errors[0] if errors else None
        where = f"{first.line}:{first.column}: {first.code} {first.message}" if first else ""
        raise EditError(f"it is not a valid progress report ({where})")
    return report, doc


def _read(path: Path, display: str, plan: Plan) -> tuple[str, ProgressReport, YamlDocument]:
    """The file's exact text and its checked report. Raises EditError when it is invalid."""
    text = path.read_bytes().decode("utf-8")
    try:
        report, doc = _check(text, display, plan)
    except EditError as exc:
        raise EditError(f"{exc}; run `napctl validate`") from None
    return text, report, doc


def _import_department(dept: Department, display: str, root: Path, result: ImportResult
                       ) -> None:
    from napctl.output.progress_init import InitError, append_missing, init_reports

    path = str(dept.path)
    index = PlanIndex.of(dept.plan)
    report = doc = None
    if dept.path.exists():
        try:
            text, report, doc = _read(dept.path, path, dept.plan)
        except (EditError, OSError, UnicodeDecodeError) as exc:
            result.refused.append(Note(f"{path}:1:1", f"left as it is: {exc}"))
            return
    entries = report_entries(report) if report is not None else {}
    edits: list[tuple[ParsedItem, Action, dict[str, object]]] = []
    for item in dept.items:
        found = index.actions.get(item.id)
        if found is None or item.id not in index.duty_set(dept.code):
            result.refused.append(Note(f"{display}:{item.line}:1", f"{item.id} is not an"
                                       f" action {dept.code} reports on in {dept.plan.id}"))
            continue
        i = entries.get(item.id)
        entry = report.actions[i] if report is not None and i is not None else blank(item.id)
        changed, was, problem = pending(item, found[2], entry, display)
        if problem is not None:
            result.refused.append(problem)
        elif changed and entry_digest(entry) != item.fields.get("digest"):
            result.conflicts += _conflicts(item, changed, was, i, doc, path, display)
        elif changed:
            erased = [k for k, v in flat_changes(changed) if v is None]
            if erased:
                result.refused.append(Note(where_typed(item, erased[0], display),
                                           f"{item.id} {erased[0]} was erased in the checklist;"
                                           f" napctl never deletes from {path}: edit it there"))
            else:
                edits.append((item, found[2], changed))
    if not edits:
        return
    try:
        if not dept.path.exists():
            init_reports(dept.plan, dept.year, root, {dept.code})
            result.created.append(dept.path)
        text = dept.path.read_bytes().decode("utf-8")
        text, _ = append_missing(text, dept.plan, index, dept.code)
    except (InitError, OSError, UnicodeDecodeError) as exc:
        result.refused.append(Note(f"{path}:1:1", f"cannot write it: {exc}"))
        return
    _apply(dept, text, edits, display, result)


def _conflicts(item: ParsedItem, changed: dict[str, object], was: dict[str, object],
               i: int | None, doc: YamlDocument | None, path: str, display: str) -> list[Note]:
    """One note per value the person typed that the file now contradicts."""
    notes = []
    before = dict(flat_changes(was))
    typed = [(k, v) for k, v in flat_changes(changed) if v is not None]
    loc: tuple[object, ...] = ("actions", i) if i is not None else ("actions",)
    line, col = doc.position(loc) if doc is not None else (1, 1)
    for key, value in typed or flat_changes(changed):  # a blank line was not typed
        notes.append(Note(
            where_typed(item, key, display),
            f"{item.id} {key}: the checklist says {describe(value)}, {path}:{line}:{col} now"
            f" says {describe(before.get(key))}: the entry changed after the checklist was"
            f" rendered; nothing changed for {item.id}"))
    return notes


def _apply(dept: Department, text: str, edits: list[tuple[ParsedItem, Action, dict[str, object]]],
           display: str, result: ImportResult) -> None:
    path = str(dept.path)
    new = text
    done: list[tuple[ParsedItem, dict[str, object]]] = []
    for item, action, changed in edits:
        try:
            new = apply_edit(new, entry_edit(action, changed))
            done.append((item, changed))
        except (EditError, yaml.YAMLError) as exc:
            result.refused.append(Note(f"{display}:{item.line}:1",
                                       f"{item.id}: cannot edit {path} as text: {exc}"))
    if not done:
        return
    try:
        report, doc = _check(new, path, dept.plan)
    except EditError as exc:
        result.refused.append(Note(f"{display}:{done[0][0].line}:1",
                                   f"not imported: {path} would be invalid: {exc}"))
        return
    atomic_write(dept.path, new)
    result.written.append(dept.path)
    entries = report_entries(report)
    for item, changed in done:
        for key, value in flat_changes(changed):
            field_ = "indicators" if key.startswith("indicator ") else key
            line, col = doc.position(("actions", entries[item.id], field_))
            result.changes.append(Note(f"{path}:{line}:{col}",
                                       f"{item.id} {_LABELS.get(key, key)}: {describe(value)}"))
