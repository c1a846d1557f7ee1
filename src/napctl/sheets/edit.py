"""Adding entries to a plan file as text (``napctl.yaml.edit``), so that every
character already there stays.

The file is never dumped again: new departments go after the last entry of the
registry, new actions after the last action of their goal, new goals after the
last goal of their pillar, new pillars after the last pillar (or in place of
the unedited placeholder of ``napctl new``). Comments, quoting and blank lines
stay as they were. A list written in flow style (``actions: [...]``) cannot be
extended this way; that is refused with a message rather than rewritten.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

import yaml

from napctl.load.document import validate_document
from napctl.plans.new import skeleton_span
from napctl.sheets.importer import merge_table
from napctl.sheets.merge_state import Changes
from napctl.sheets.read import map_columns
from napctl.sheets.update import apply_updates
from napctl.yaml.edit import EditError, TextEdit, dump_entries, dump_items
from napctl.yaml.result import ImportResult, Note
from napctl.yaml.safe import parse_yaml

if TYPE_CHECKING:
    from napctl.model import Plan
    from napctl.sheets.read import Table

NEW_DEPARTMENT_NOTE = "Added by `napctl import`: its name is still to be filled in."


def _block_list(doc: TextEdit, path: list[str | int], what: str) -> yaml.SequenceNode:
    node = doc.at(path)
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        raise doc.error(
            node,
            f"{what} is written in flow style ([...]) or empty; write it as"
            " a block list (one '- ' entry per line) so that napctl import can"
            " add to it without rewriting it",
        )
    return node


def _add(doc: TextEdit, seq: yaml.SequenceNode, items: list[Any]) -> None:
    doc.append(seq, dump_items(items, doc.column(seq)))


def _department(code: str, known: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A new department: as the workbook's departments sheet gives it, else a placeholder."""
    return known.get(code) or {"code": code, "name": code, "notes": [NEW_DEPARTMENT_NOTE]}


def sheet_departments(
    table: Table, plan: Plan, changes: Changes, column: int | None
) -> dict[str, dict[str, Any]]:
    """The departments sheet's entries for the table's plan (its ``column``); the parents
    they name that the plan lacks join ``changes.departments``."""
    ids = {
        r[column].value.strip()
        for r in table.rows
        if column is not None and column < len(r) and r[column].value.strip()
    }
    source = next(iter(ids)) if len(ids) == 1 else next(iter(table.registry), "")
    known = table.registry.get(source, {})
    have = {d.code for d in plan.departments}
    for code in changes.departments:
        parent = known.get(code, {}).get("parent")
        while parent and parent not in have and parent not in changes.departments:
            changes.departments.append(parent)
            parent = known.get(parent, {}).get("parent")
    changes.named = [c for c in changes.departments if c in known]
    return known


def apply_changes(
    text: str, changes: Changes, where: str, known: dict[str, dict[str, Any]] | None = None
) -> str:
    """``text`` with ``changes`` inserted; raises EditError when it cannot be done as text.

    Lines added where several lists end go innermost first (a goal's new actions
    before the pillar's new goals before the new pillars), as the editor does.
    """
    if changes.empty:
        return text
    doc = TextEdit(text, where)
    apply_updates(doc, changes.updates)
    if changes.departments:
        _add(
            doc,
            _block_list(doc, ["departments"], "departments"),
            [_department(c, known or {}) for c in changes.departments],
        )
    pillars = _block_list(doc, ["pillars"], "pillars")
    for p, g, r, action in changes.result_actions:
        path: list[str | int] = ["pillars", p, "goals", g, "results", r, "actions"]
        _add(doc, _block_list(doc, path, "actions"), [action])
    _add_results(doc, changes.results)
    for p, g, action in changes.actions:
        _add(doc, _block_list(doc, ["pillars", p, "goals", g, "actions"], "actions"), [action])
    for p, goal in changes.goals:
        _add(doc, _block_list(doc, ["pillars", p, "goals"], "goals"), [goal])
    if changes.pillars:
        skeleton = skeleton_span(doc.body)
        if skeleton is not None:
            doc.replace_span(*skeleton, dump_items(changes.pillars, 2))
        else:
            _add(doc, pillars, changes.pillars)
    return doc.text()


def _add_results(doc: TextEdit, results: list[tuple[int, int, dict[str, Any]]]) -> None:
    """New results after the last of their goal's, or as its new ``results:`` key."""
    by_goal: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for p, g, result in results:
        by_goal.setdefault((p, g), []).append(result)
    for (p, g), items in by_goal.items():
        goal = doc.at(["pillars", p, "goals", g])
        if doc.get(goal, "results") is None:
            doc.append(goal, dump_entries({"results": items}, doc.column(goal)))
        else:
            _add(doc, _block_list(doc, ["pillars", p, "goals", g, "results"], "results"), items)


# -- the whole import: table in, new plan text out ------------------------------------

_REF = re.compile(r"!?([A-Z]+)(\d+): ")


#: What a plan import adds: ``changes`` are its entries, ``text`` the file's new text.
Result = ImportResult[Changes | None]


def _order(problem: str) -> tuple[int, int, str]:
    """Problems in reading order: by row, then by column."""
    match = _REF.search(problem)
    if not match:
        return (0, 0, problem)
    letters = match.group(1)
    column = 0
    for char in letters:
        column = column * 26 + ord(char) - 64
    return (int(match.group(2)), column, problem)


def _one_per_cell(problems: list[str]) -> list[str]:
    """The first problem of each cell (a formula cell is not also an "empty text")."""
    seen: set[str] = set()
    kept = []
    for problem in problems:
        ref = problem.split(": ", 1)[0]
        if ref in seen and _REF.search(problem):
            continue
        seen.add(ref)
        kept.append(problem)
    return sorted(kept, key=_order)


def _notes(problems: list[str]) -> list[Note]:
    """Problems of the table (``REF: message``) as report notes, one per cell, in order;
    a message met in several cells is said once, at the first, with their count."""
    notes = [
        Note(*problem.split(": ", 1)) if ": " in problem else Note("", problem)
        for problem in _one_per_cell(problems)
    ]
    counts = Counter(n.message for n in notes)
    said: set[str] = set()
    once: list[Note] = []
    for note in notes:
        if note.message in said:
            continue
        said.add(note.message)
        n = counts[note.message]
        once.append(
            note
            if n == 1
            else Note(note.where, f"{note.message} (the same in {n} cells; the first is here)")
        )
    return once


def import_matrix(
    table: Table,
    plan: Plan,
    plan_text: str,
    plan_file: str,
    columns: list[tuple[str, str]],
    *,
    update: bool = False,
) -> Result:
    """The plan file's text with the rows of ``table`` added (nothing is written);
    ``update``: and what the table says otherwise than the plan changed to match it."""
    from napctl.sheets.near import near_duplicates  # lazy: import cycle (near imports edit)

    unchanged = plan_text
    mapping = map_columns(table, columns)
    if not table.header or any(
        ": no column" in p or "unknown column" in p or "--columns" in p for p in table.problems
    ):
        return ImportResult(None, refused=_notes(table.problems), text=unchanged)
    skip = "P1" if skeleton_span(plan_text) is not None else None
    changes = merge_table(plan, table, mapping, skip_pillar=skip, update=update)
    changes.problems += near_duplicates(table, mapping, plan, changes.departments)
    refused = _notes([*table.problems, *changes.problems])
    if refused:
        return ImportResult(changes, refused=refused, text=unchanged)
    known = sheet_departments(table, plan, changes, mapping.get("plan"))
    try:
        text = apply_changes(plan_text, changes, plan_file, known)
    except EditError as exc:
        return ImportResult(changes, refused=[Note(exc.where, exc.message)], text=unchanged)
    refused = _still_valid(text, plan_file) if text != plan_text else []
    return ImportResult(
        changes, refused=refused, text=text, changed=text != plan_text and not refused
    )


def _still_valid(text: str, plan_file: str) -> list[Note]:
    _plan, problems = validate_document(parse_yaml(text, plan_file))
    return [
        Note(
            f"{plan_file}:{p.line}:{p.column}",
            f"{p.code} {p.message} (the plan would not be valid after the import; nothing written)",
        )
        for p in problems
        if p.level == "error"
    ]
