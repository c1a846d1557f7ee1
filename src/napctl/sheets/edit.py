"""Adding entries to a plan file as text, so that every byte already there stays.

The file is never dumped again: new departments go after the last entry of the
registry, new actions after the last action of their goal, new goals after the
last goal of their pillar, new pillars after the last pillar (or in place of
the unedited placeholder of ``napctl new``). Comments, quoting and blank lines
stay as they were. A list written in flow style (``actions: [...]``) cannot be
extended this way; that is refused with a message rather than rewritten.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from napctl.plans.new import SKELETON
from napctl.sheets.importer import Changes

if TYPE_CHECKING:
    from napctl.model import Plan
    from napctl.sheets.read import Table

NEW_DEPARTMENT_NOTE = "Added by `napctl import`: its name is still to be filled in."


class EditError(Exception):
    """The plan file cannot be extended as text (say why; nothing is written)."""


class _IndentedDumper(yaml.SafeDumper):
    """Sequences indented under their key, as in the bundled plans."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def dump_items(items: list[Any], column: int) -> str:
    """``items`` as YAML sequence entries whose dash is at ``column``."""
    text = yaml.dump(items, Dumper=_IndentedDumper, allow_unicode=True, sort_keys=False,
                     width=1_000_000, default_flow_style=False)
    pad = " " * column
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def skeleton_pillar(text: str) -> bool:
    """Whether ``text`` still holds the placeholder pillar exactly as napctl new wrote it."""
    return text.count(SKELETON) == 1


def _value(node: yaml.Node, key: str, where: str) -> yaml.Node:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return typing.cast(yaml.Node, v)
    raise EditError(f"{where}: no {key!r} found")


def _block_list(node: yaml.Node, where: str) -> yaml.SequenceNode:
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        raise EditError(f"{where} is written in flow style ([...]) or empty; write it as a"
                        " block list (one '- ' entry per line) so that napctl import can"
                        " add to it without rewriting it")
    return node


def _leaf_end(node: yaml.Node) -> int:
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _leaf_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _leaf_end(node.value[-1])
    return int(node.end_mark.index)


def _after(text: str, seq: yaml.SequenceNode) -> tuple[int, int]:
    """Where entries go after the last item of ``seq``, and their dash column."""
    end = _leaf_end(seq.value[-1])
    if end == 0 or text[end - 1] != "\n":
        newline = text.find("\n", end)
        end = len(text) if newline < 0 else newline + 1
    start = int(seq.value[0].start_mark.index)
    line_start = text.rfind("\n", 0, start) + 1
    dash = text.rfind("-", line_start, start)
    return end, (dash - line_start if dash >= 0 else int(seq.value[0].start_mark.column))


def _department(code: str, known: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A new department: as the workbook's departments sheet gives it, else a placeholder."""
    return known.get(code) or {"code": code, "name": code, "notes": [NEW_DEPARTMENT_NOTE]}


def sheet_departments(table: Table, plan: Plan, changes: Changes, column: int | None
                      ) -> dict[str, dict[str, Any]]:
    """The departments sheet's entries for the table's plan (its ``column``); the parents
    they name that the plan lacks join ``changes.departments``."""
    ids = {r[column].value.strip() for r in table.rows
           if column is not None and column < len(r) and r[column].value.strip()}
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


def apply_changes(text: str, changes: Changes, where: str,
                  known: dict[str, dict[str, Any]] | None = None) -> str:
    """``text`` with ``changes`` inserted; raises EditError when it cannot be done as text."""
    if changes.empty:
        return text
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if root is None:
        raise EditError(f"{where}: the file is empty")
    inserts: list[tuple[int, int, int, str]] = []  # offset, depth order, sequence, text
    if changes.departments:
        seq = _block_list(_value(root, "departments", where), f"{where}: departments")
        at, col = _after(text, seq)
        new = [_department(c, known or {}) for c in changes.departments]
        inserts.append((at, 0, 0, dump_items(new, col)))
    pillars = _block_list(_value(root, "pillars", where), f"{where}: pillars")
    for n, (p, g, action) in enumerate(changes.actions):
        goals = _block_list(_value(pillars.value[p], "goals", where), f"{where}: goals")
        seq = _block_list(_value(goals.value[g], "actions", where), f"{where}: actions")
        at, col = _after(text, seq)
        inserts.append((at, 1, n, dump_items([action], col)))
    for n, (p, goal) in enumerate(changes.goals):
        seq = _block_list(_value(pillars.value[p], "goals", where), f"{where}: goals")
        at, col = _after(text, seq)
        inserts.append((at, 2, n, dump_items([goal], col)))
    result = _insert(text, inserts)
    if changes.pillars:
        result = _add_pillars(result, text, pillars, changes.pillars, inserts)
    if "\r\n" in text:
        result = _crlf(text, result)
    return result


def _insert(text: str, inserts: list[tuple[int, int, int, str]]) -> str:
    parts: list[str] = []
    last = 0
    for at, _depth, _n, chunk in sorted(inserts):
        parts.append(text[last:at])
        if at == len(text) and text and not text.endswith("\n"):
            parts.append("\n")
        parts.append(chunk)
        last = at
    parts.append(text[last:])
    return "".join(parts)


def _add_pillars(result: str, text: str, pillars: yaml.SequenceNode,
                 new: list[dict[str, Any]], inserts: list[tuple[int, int, int, str]]) -> str:
    if skeleton_pillar(result):
        return result.replace(SKELETON, dump_items(new, 2))
    at, col = _after(text, pillars)
    # Everything inserted at or before this offset moved it by its length.
    shift = sum(len(chunk) for offset, _d, _n, chunk in inserts if offset <= at)
    at += shift
    chunk = dump_items(new, col)
    if at == len(result) and result and not result.endswith("\n"):
        chunk = "\n" + chunk
    return result[:at] + chunk + result[at:]


def _crlf(original: str, result: str) -> str:
    """Inserted lines get the file's own line ends (CRLF), the old lines keep theirs."""
    return result.replace("\r\n", "\n").replace("\n", "\r\n") if "\n" not in original.replace(
        "\r\n", "") else result


# -- the whole import: table in, new plan text out ------------------------------------

_REF = re.compile(r"!?([A-Z]+)(\d+): ")


@dataclass(slots=True)
class ImportResult:
    text: str  # the plan file's new text (the old one when nothing changed)
    changed: bool
    problems: list[str] = field(default_factory=list)
    changes: Changes | None = None


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


def import_matrix(table: Table, plan: Plan, plan_text: str, plan_file: str,
                  columns: list[tuple[str, str]]) -> ImportResult:
    """The plan file's text with the rows of ``table`` added (nothing is written)."""
    from napctl.sheets.importer import merge_table
    from napctl.sheets.read import map_columns

    mapping = map_columns(table, columns)
    if not table.header or any(": no column" in p or "unknown column" in p or "--columns" in p
                               for p in table.problems):
        return ImportResult(plan_text, False, _one_per_cell(table.problems))
    skip = "P1" if skeleton_pillar(plan_text) else None
    changes = merge_table(plan, table, mapping, skip_pillar=skip)
    problems = _one_per_cell([*table.problems, *changes.problems])
    if problems:
        return ImportResult(plan_text, False, problems, changes)
    known = sheet_departments(table, plan, changes, mapping.get("plan"))
    try:
        text = apply_changes(plan_text, changes, plan_file, known)
    except EditError as exc:
        return ImportResult(plan_text, False, [str(exc)], changes)
    if text != plan_text:
        problems = _still_valid(text, plan_file)
    return ImportResult(text, text != plan_text and not problems, problems, changes)


def _still_valid(text: str, plan_file: str) -> list[str]:
    from napctl.load.document import validate_document
    from napctl.yaml.safe import parse_yaml

    _plan, problems = validate_document(parse_yaml(text, plan_file))
    return [f"{plan_file} would not be valid after the import (nothing written):"
            f" {p.line}:{p.column}: {p.code} {p.message}" for p in problems
            if p.level == "error"]
