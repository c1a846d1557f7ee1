"""`napctl progress import FILE`: a checklist's ticks and typed lines, or a progress
sheet's cells, back into the progress files.

The file is read by one of ``napctl.progress.readers.READERS`` into
items (``napctl.progress.items``); the rules below are the same for
every kind of file. For each item whose values differ from what it showed
(its ``shown`` hash), the differences are written into the department's progress file,
as text (``napctl.progress.edit``, on ``napctl.yaml.edit``), when that file's entry is
still what the checklist showed (its ``digest``). When the entry changed since, the item is
a conflict: both values and their positions are reported, nothing is changed
for it. A value erased in the checklist is never erased from the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from napctl.core.fsutil import ChangedMeanwhile, replace_if_unchanged
from napctl.core.messages import close_matches, did_you_mean
from napctl.core.readfile import DEFAULT_MAX_BYTES, MAX_INPUT_BYTES, read_file
from napctl.model import Action, Plan
from napctl.model.progress import Entry, ProgressReport
from napctl.model.registry import RegistryIndex, registry_index
from napctl.model.types import is_date_text
from napctl.model.words import NumberError, parse_number
from napctl.progress.checklist_items import (
    TEXT_FIELDS,
    blank,
    entry_digest,
    short_hash,
    shown_fields,
)
from napctl.progress.edit import EntryEdit, apply_edits
from napctl.progress.import_notes import (
    conflict_notes,
    describe,
    flat_changes,
    unmarked_notes,
    where_typed,
)
from napctl.progress.init import InitError, append_missing, init_reports
from napctl.progress.items import (
    ChecklistImportError,
    ImportItem,
    ProgressImportError,
    ReadItems,
)
from napctl.progress.readers import read_items
from napctl.progress.targets import Department, group_items
from napctl.progress.verify import at_fault, check_report, read_report
from napctl.yaml.edit import EditError
from napctl.yaml.result import ImportResult, Note

_LABELS = {attr: label for label, attr in TEXT_FIELDS.items()}


#: What a progress import did: ``changes`` are the values written, where they now are.
Result = ImportResult[list[Note]]

__all__ = [
    "ChecklistImportError",
    "ImportResult",
    "Note",
    "ProgressImportError",
    "flat_changes",
    "where_typed",
]


def typed_fields(item: ImportItem, action: Action) -> dict[str, object]:
    """The item's values in the shape of ``shown_fields``."""
    return {
        "status": item.status,
        **{attr: item.texts.get(attr) for attr in TEXT_FIELDS.values()},
        "indicators": {
            str(n): item.indicators.get(n) for n in range(1, len(action.indicators) + 1)
        },
    }


def _item_problem(item: ImportItem, action: Action) -> Note | None:
    """Why the item's values cannot go into a progress file, before comparing them."""
    if item.problem is not None:
        return item.problem
    extra = [
        n
        for n, v in sorted(item.indicators.items())
        if v is not None and not 1 <= n <= len(action.indicators)
    ]
    if extra:
        count = len(action.indicators)
        return Note(
            item.where_of(f"indicator {extra[0]}"),
            f"{item.id} has {count}"
            f" indicator{'' if count == 1 else 's'}: indicator {extra[0]} is none"
            " of them",
        )
    due = item.texts.get("revised_due")
    if due is not None and not is_date_text(due):
        return Note(
            item.where_of("revised_due"),
            f"{item.id} revised due: {due!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
        )
    for n, value in sorted(item.indicators.items()):
        try:
            split_value(value or "", item.lang)
        except NumberError as exc:
            return Note(item.where_of(f"indicator {n}"), f"{item.id} indicator {n}: {exc}")
    return None


def split_value(text: str, lang: str = "en") -> tuple[str, str | None]:
    """``1 250 000 EUR`` -> ("1250000", "EUR"): the digits as typed, never a float; text
    that starts with no number stays text (a note). Raises NumberError (too many digits)."""
    number = parse_number(text, lang)
    if number is None:
        return text, None
    return number.text, number.unit


def pending(
    item: ImportItem, action: Action, entry: Entry
) -> tuple[dict[str, object], dict[str, object], Note | None]:
    """(typed, in the file) values of the fields the person changed; a note when unreadable."""
    problem = _item_problem(item, action)
    if problem is not None:
        return {}, {}, problem
    typed = typed_fields(item, action)
    if short_hash(typed) == item.shown:
        return {}, {}, None  # untouched since the file was made
    now = shown_fields(entry, action)
    changed = {k: v for k, v in typed.items() if k != "indicators" and v != now[k]}
    inds = {
        n: v
        for n, v in typed["indicators"].items()  # type: ignore[attr-defined]
        if v != now["indicators"][n]
    }
    if inds:
        changed["indicators"] = inds
    was = {k: now[k] for k in changed if k != "indicators"}
    if inds:
        was["indicators"] = {n: now["indicators"][n] for n in inds}
    return changed, was, None


def report_entries(report: ProgressReport) -> dict[str, int]:
    return {e.id: i for i, e in reversed(list(enumerate(report.actions)))}


def entry_edit(action: Action, changed: dict[str, object], lang: str = "en") -> EntryEdit:
    edit = EntryEdit(action.id, names=action.indicator_texts())
    for key, value in changed.items():
        if key == "indicators":
            for n, text in value.items():  # type: ignore[attr-defined]
                edit.indicators[int(n)] = split_value(text, lang)
        else:
            edit.texts[key] = str(value)
    return edit


def import_items(
    read: ReadItems,
    plans: list[Plan],
    root: Path,
    *,
    year: int | None = None,
    actor: str | None = None,
    roots: Sequence[Path] = (),
) -> Result:
    """Write the items' changes into the progress files: a report is edited in whichever
    progress root (``root``, then ``roots``) holds it; a new one goes in ``root``.
    Raises ProgressImportError."""
    result: Result = ImportResult([], refused=list(read.notes))
    search = [root, *(r for r in roots if r != root)]
    for dept in group_items(
        read.items, {p.id: p for p in plans}, search, year, result.refused, read, actor
    ):
        result.departments.append((dept.plan.id, dept.year, dept.code))
        _import_department(dept, read, root, result)
    # Anything refused or in conflict is still only in the file: it must not be rendered over.
    read.safe_to_render = result.ok
    return result


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def import_summary(result: Result) -> str:
    """The import's last line: ``1 value imported into 1 file, 0 conflicts, 2 refused``."""
    return (
        f"{_count(len(result.changes), 'value')} imported into"
        f" {_count(len(result.written), 'file')}, {_count(len(result.conflicts), 'conflict')},"
        f" {len(result.refused)} refused\n"
    )


def import_file(
    path: Path,
    plans: list[Plan],
    root: Path,
    *,
    display: str | None = None,
    year: int | None = None,
    actor: str | None = None,
    roots: Sequence[Path] = (),
) -> tuple[Result, ReadItems]:
    """Import a checklist or a progress sheet, read by the reader that accepts it."""
    try:
        data = read_file(path, max_bytes=MAX_INPUT_BYTES, kind="checklist or sheet")
    except OSError as exc:
        raise ProgressImportError(f"cannot read {path}: {exc.strerror}") from None
    read = read_items(path, data, display or str(path))
    return import_items(read, plans, root, year=year, actor=actor, roots=roots), read


def _at(exc: Exception, path: str) -> str:
    """Where a refusal points: the position an EditError names, else the file's start."""
    if isinstance(exc, EditError) and exc.line:
        return f"{path}:{exc.line}:{exc.column}"
    return f"{path}:1:1"


def _import_department(dept: Department, read: ReadItems, root: Path, result: Result) -> None:
    path = str(dept.path)
    index = registry_index(dept.plan)
    report = doc = text = None
    if dept.path.exists():
        try:
            text, report, doc = read_report(dept.path, path, dept.plan)
        except (EditError, OSError, UnicodeDecodeError) as exc:
            result.refused.append(Note(_at(exc, path), f"left as it is: {exc}"))
            return
    entries = report_entries(report) if report is not None else {}
    edits: list[tuple[ImportItem, Action, dict[str, object]]] = []
    for item in dept.items:
        action = _action_of(item, dept, index, result)
        if action is None:
            continue
        i = entries.get(item.id)
        entry = report.actions[i] if report is not None and i is not None else blank(item.id)
        changed, was, problem = pending(item, action, entry)
        if problem is not None:
            result.refused.append(problem)
        elif changed and not item.marked:
            unsure = unmarked_notes(item, changed, was, i, doc, path, read)
            result.refused += unsure
            if not unsure:
                edits.append((item, action, changed))
        elif changed and entry_digest(entry) != item.digest:
            result.conflicts += conflict_notes(item, changed, was, i, doc, path, read)
        elif changed:
            erased = [k for k, v in flat_changes(changed) if v is None]
            if erased:
                result.refused.append(
                    Note(
                        where_typed(item, erased[0]),
                        f"{item.id} {erased[0]} was erased in the"
                        f" {read.noun}; napctl never deletes from {path}:"
                        " edit it there",
                    )
                )
            else:
                edits.append((item, action, changed))
    if edits:
        _write_department(dept, text if report is not None else None, root, index, edits, result)


def _write_department(
    dept: Department,
    text: str | None,
    root: Path,
    index: RegistryIndex,
    edits: list[tuple[ImportItem, Action, dict[str, object]]],
    result: Result,
) -> None:
    """Create the department's file if need be, complete it, and apply ``edits`` to it."""

    path = str(dept.path)
    try:
        if not dept.path.exists():
            init_reports(dept.plan, dept.year, root, {dept.code})
            result.created.append(dept.path)
        # The bytes the conflicts were judged on: the write is refused unless they are
        # still the file's (another import may write it meanwhile).
        basis = (
            text.encode("utf-8")
            if text is not None
            else read_file(dept.path, path, kind="progress report")
        )
        text, _ = append_missing(basis.decode("utf-8"), dept.plan, index, dept.code, path)
    except (InitError, EditError, OSError, UnicodeDecodeError) as exc:
        result.refused.append(Note(_at(exc, path), f"cannot write it: {exc}"))
        return
    _apply(dept, text, basis, edits, result)


def _action_of(
    item: ImportItem, dept: Department, index: RegistryIndex, result: Result
) -> Action | None:
    """The item's action, when it is one its department reports on (else a refusal)."""
    found = index.actions.get(item.id)
    if found is None:
        hint = did_you_mean(close_matches(item.id, list(index.actions), ignore_case=True))
        result.refused.append(
            Note(item.where_of("id"), f"no action {item.id!r} in {dept.plan.id}{hint}")
        )
        return None
    if item.id not in index.duty_set(dept.code):
        result.refused.append(
            Note(
                item.where_of("department"),
                f"{item.id} is not an action {dept.code} reports on in {dept.plan.id}",
            )
        )
        return None
    return found[2]


def _apply(
    dept: Department,
    text: str,
    basis: bytes,
    edits: list[tuple[ImportItem, Action, dict[str, object]]],
    result: Result,
) -> None:
    path = str(dept.path)
    try:  # every edit of the file at once: one parse, however many items
        new, failed = apply_edits(text, [entry_edit(a, c, i.lang) for i, a, c in edits], path)
    except EditError as exc:
        result.refused.append(Note(f"{path}:1:1", f"cannot edit it as text: {exc}"))
        return
    bad = {n for n, _ in failed}
    for n, why in failed:
        item = edits[n][0]
        result.refused.append(
            Note(item.where, f"{item.id}: cannot edit {_at(why, path)} as text: {why}")
        )
    done = [(item, changed) for n, (item, _, changed) in enumerate(edits) if n not in bad]
    if not done:
        return
    try:
        report, doc = check_report(new, path, dept.plan)
    except EditError as exc:  # pointed at the item whose entry it would make invalid
        item = at_fault(new, getattr(exc, "lines", []), done)
        result.refused.append(Note(item.where, f"not imported: {path} would be invalid: {exc}"))
        return
    try:  # the root: dept.path is ROOT/plan/year/file (progress_path)
        replace_if_unchanged(
            dept.path,
            new.encode("utf-8"),
            basis,
            root=dept.path.parents[2],
            max_bytes=DEFAULT_MAX_BYTES,
        )
    except ChangedMeanwhile as exc:  # another import wrote it since: its edit is kept
        result.refused.append(Note(_at(exc, path), f"not imported: {exc.strerror}"))
    except OSError as exc:  # a link leading out of the root, over the size napctl reads
        result.refused.append(Note(_at(exc, path), f"not written: {exc.strerror}"))
        return
    result.written.append(dept.path)
    entries = report_entries(report)
    for item, changed in done:
        for key, value in flat_changes(changed):
            field_ = "indicators" if key.startswith("indicator ") else key
            line, col = doc.position(("actions", entries[item.id], field_))
            result.changes.append(
                Note(
                    f"{path}:{line}:{col}", f"{item.id} {_LABELS.get(key, key)}: {describe(value)}"
                )
            )
