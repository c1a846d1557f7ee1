"""`napctl progress migrate`: carry progress reports across an amendment of their plan.

An amendment that renumbers or rewords actions leaves last years' reports
naming ids the plan no longer has (NAP404), or worse, ids that now name
another action. The two versions of the plan are matched exactly as
``napctl diff`` matches them (``napctl.diff.changes.match_actions``: same id
and similar text, else the most similar text), so migrate and diff never tell
two stories. Then each progress file of the plan has its ``id:`` scalars
changed as text by the one YAML editor (``napctl.yaml.edit``); every other byte
stays, and the file is written by the one safe atomic writer.

Nothing is guessed: an action removed by the amendment, or one whose text is
about as close to two new actions (a split), is reported and left as it is.
A file is left whole, and said why, when it names an id the old version does
not have (already migrated, or written for another version: migrating it again
could move a report onto the wrong action), or when its ids would collide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from napctl.core.fsutil import atomic_write
from napctl.core.readfile import DEFAULT_MAX_BYTES, decode_text, read_bytes
from napctl.diff.changes import match_actions
from napctl.diff.items import ActionItem, plan_items
from napctl.diff.source import DiffUsageError, Side, read_side
from napctl.load.discover import display_path
from napctl.plans.match import THRESHOLD, similarity
from napctl.progress.migrate_shift import Shifts, find_shifts
from napctl.yaml.edit import EditError, TextEdit, scalar
from napctl.yaml.result import Note


class MigrateError(Exception):
    """A version of the plan that cannot be read or compared (a usage error, exit 2)."""


@dataclass(slots=True)
class FileMigration:
    """One progress file: the renames made in it, its new text (None: left as it is)."""

    path: Path
    file: str
    renames: list[tuple[str, str]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    refused: list[Note] = field(default_factory=list)
    text: str | None = None
    #: the bytes read: a file changed since is not written over (see write_migration)
    raw: bytes = b""


@dataclass(slots=True)
class Migration:
    """What carrying the plan's progress files from ``old`` to ``new`` changes."""

    plan: str
    old: str
    new: str
    #: old id -> new id, every action whose id changed (renumbered, maybe reworded)
    renames: dict[str, str] = field(default_factory=dict)
    #: old ids with no partner in the new version
    removed: list[str] = field(default_factory=list)
    #: new ids with no partner in the old version (`progress init` adds them to files)
    added: list[str] = field(default_factory=list)
    #: old id -> the new ids it is about as close to: reported, never guessed
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    files: list[FileMigration] = field(default_factory=list)
    #: every id of the old version: a file naming another was not written for it
    known: set[str] = field(default_factory=set)

    @property
    def changed(self) -> list[FileMigration]:
        return [f for f in self.files if f.text is not None]

    @property
    def ok(self) -> bool:
        """Every file that names an old id can be carried over whole."""
        return not any(f.refused or f.notes for f in self.files)


def _side(spec: str, max_bytes: int) -> Side:
    try:
        side = read_side(spec, max_bytes=max_bytes)
    except DiffUsageError as exc:
        raise MigrateError(str(exc)) from None
    if side.data is None:
        raise MigrateError("; ".join(str(p) for p in side.problems) or f"cannot read {spec}")
    return side


def plan_migration(
    old_spec: str, new_spec: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Migration:
    """The actions' mapping from plan version ``old_spec`` (a file or ``REV:PATH``) to
    ``new_spec``: renames, removals, additions and ambiguities (no files yet)."""
    old, new = _side(old_spec, max_bytes), _side(new_spec, max_bytes)
    before, after = plan_items(old.data or {}), plan_items(new.data or {})
    if before.plan_id != after.plan_id:
        raise MigrateError(
            f"{old_spec} is plan '{before.plan_id}', {new_spec} is"
            f" '{after.plan_id}': migrate carries reports across amendments"
            " of one plan"
        )
    pairs, lone_old, lone_new = match_actions(before.actions, after.actions, False, {})
    result = Migration(after.plan_id, old_spec, new_spec)
    for o, n, how in pairs:
        rivals = _rivals(o, lone_new) if how == "text" else []
        if rivals:
            result.ambiguous[o.id] = [n.id, *rivals]
        elif o.id != n.id:
            result.renames[o.id] = n.id
    result.removed = [o.id for o in lone_old]
    result.added = [n.id for n in lone_new]
    result.known = {o.id for o in before.actions}
    _with_shifts(result, find_shifts(pairs, after.actions))
    return result


def _with_shifts(result: Migration, shifts: Shifts) -> None:
    """Take the blocks renumbered together; an ambiguous move changes nothing."""
    taken = set(shifts.moves.values())
    for old, (first, *rivals) in list(result.ambiguous.items()):
        if rivals and all(r in taken for r in rivals):  # its rivals were the block's
            del result.ambiguous[old]
            if first != old:
                result.renames[old] = first
    for old, new in list(result.renames.items()):
        if new in taken:  # its partner moved to the block: no longer a safe rename
            del result.renames[old]
            result.ambiguous[old] = [new]
    result.renames.update(shifts.moves)
    result.ambiguous.update(shifts.ambiguous)
    result.added = [n for n in result.added if n not in taken] + shifts.freed


def _rivals(old: ActionItem, unmatched: Iterable[ActionItem]) -> list[str]:
    """New actions that no old one matched and whose text is as close to ``old``'s as the
    diff asks of a match: ``old`` may have been split, and which part its reports
    belong to is a person's call."""
    return [n.id for n in unmatched if similarity(old.text, n.text, THRESHOLD) >= THRESHOLD]


def migrate_files(
    migration: Migration, paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Migration:
    """Each progress file of ``paths`` that belongs to the plan, with its new text (see
    FileMigration); nothing is written here (``write_migration`` does)."""
    for path in paths:
        found = _migrate_file(migration, path, display_path(path), max_bytes)
        if found is not None:
            migration.files.append(found)
    return migration


def _read(path: Path, result: FileMigration, max_bytes: int) -> tuple[TextEdit | None, str]:
    """The file through the one bounded reader, as a text to edit (None, and why not)."""
    raw, problems = read_bytes(str(path), result.file, max_bytes, kind="progress")
    text = None
    if raw is not None:
        result.raw = raw
        text, problems = decode_text(raw, result.file)
    if text is None:
        return None, "; ".join(p.message for p in problems)
    try:
        return TextEdit(text, result.file), ""
    except EditError as exc:
        return None, exc.message


def _migrate_file(
    migration: Migration, path: Path, file: str, max_bytes: int
) -> FileMigration | None:
    """One file's migration; None for a file of another plan."""
    result = FileMigration(path, file)
    doc, why = _read(path, result, max_bytes)
    if doc is None:
        result.refused.append(Note(f"{file}:1:1", f"left as it is: {why}"))
        return result
    plan = doc.get(doc.root, "plan")
    if plan is None or getattr(plan, "value", None) != migration.plan:
        return None
    ids = _id_nodes(doc)
    refusal = _refusal(migration, ids, file)
    if refusal is not None:
        result.refused.append(refusal)
        return result
    try:
        for node in ids:
            _note_kept(migration, result, node)
            new = migration.renames.get(node.value)
            if new is not None:
                doc.replace(node, scalar(new), "the action id")
                result.renames.append((node.value, new))
    except EditError as exc:
        result.renames.clear()
        result.refused.append(Note(exc.where, f"left as it is: {exc.message}"))
        return result
    if result.renames:
        result.text = doc.text()
    return result


def _refusal(migration: Migration, ids: list[yaml.ScalarNode], file: str) -> Note | None:
    """Why the file must be left as it is: an action the old plan does not know, or a
    renumbering onto an action the file reports on already (None when it may migrate)."""
    strangers = [n for n in ids if n.value not in migration.known]
    if strangers:
        first = strangers[0]
        return Note(
            _where(file, first),
            (
                f"left as it is: '{first.value}' is not an action of {migration.old}; the file"
                " was not written for that version (already migrated?), and migrating it"
                " could move a report onto another action"
            ),
        )
    after = [migration.renames.get(n.value, n.value) for n in ids]
    clash = next(
        (
            n
            for n, new in zip(ids, after, strict=True)
            if n.value in migration.renames and after.count(new) > 1
        ),
        None,
    )
    if clash is not None:
        return Note(
            _where(file, clash),
            (
                f"left as it is: '{clash.value}' would become"
                f" '{migration.renames.get(clash.value, clash.value)}', which the file"
                " reports on already"
            ),
        )
    return None


def _note_kept(migration: Migration, result: FileMigration, node: yaml.ScalarNode) -> None:
    value = node.value
    if value in migration.removed:
        result.notes.append(
            Note(
                _where(result.file, node),
                (
                    f"'{value}' was removed by the amendment: kept as it is; move or delete the"
                    " entry by hand"
                ),
            )
        )
    elif value in migration.ambiguous:
        result.notes.append(
            Note(
                _where(result.file, node),
                (
                    f"'{value}' is about as close to {' and '.join(migration.ambiguous[value])}:"
                    " kept as it is; change the id by hand"
                ),
            )
        )


def _id_nodes(doc: TextEdit) -> list[yaml.ScalarNode]:
    """The ``id:`` scalars of the file's entries, in order (others are not napctl's to
    guess at: validate reports them)."""
    actions = doc.get(doc.root, "actions")
    if not isinstance(actions, yaml.SequenceNode):
        return []
    found = [doc.get(entry, "id") for entry in actions.value]
    return [n for n in found if isinstance(n, yaml.ScalarNode)]


def _where(file: str, node: yaml.Node) -> str:
    return f"{file}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def write_migration(
    migration: Migration, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Path], list[Note]]:
    """Write the files that change, each through the one safe atomic writer; a file whose
    bytes changed since they were read (a ministry saving meanwhile) is refused, never
    written over, and the rest go on. The files written, and the refusals."""
    written: list[Path] = []
    refused: list[Note] = []
    for item in migration.changed:
        now, _ = read_bytes(str(item.path), item.file, max_bytes, kind="progress")
        if now != item.raw or item.text is None:
            refused.append(
                Note(
                    f"{item.file}:1:1",
                    "left as it is: it changed while migrate ran; run migrate again",
                )
            )
            item.refused.append(refused[-1])
            item.text = None
            continue
        atomic_write(item.path, item.text)
        written.append(item.path)
    return written, refused
