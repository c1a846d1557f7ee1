"""One row of an action matrix as an action: its text, indicators with targets,
actors with their roles (departments, lead, role and partners columns), notes,
deadline, timeline and budget (``napctl.sheets.importer`` places it)."""

from __future__ import annotations

from typing import Any

from napctl.sheets.cells import Cell
from napctl.sheets.headers import ROLE_WORDS, role_of
from napctl.sheets.merge_state import Merge
from napctl.sheets.rows import (
    ActorError,
    allocated_value,
    budget_value,
    deadline_value,
    indicator_list,
    note_list,
    one_line,
    parse_actors,
)
from napctl.sheets.targets import with_targets


def action_from_row(merge: Merge, row: list[Cell], first: Cell) -> dict[str, Any] | None:
    text_cell = merge.cell(row, "text")
    text = one_line(text_cell.value) if text_cell else ""
    ok = True
    if not text:
        merge.problem(text_cell, "the action text is empty", first)
        ok = False
    found = _departments(merge, row, first)
    if found is None or not ok:
        return None
    departments, lead = found
    data: dict[str, Any] = {"id": one_line(merge.text(row, "id")), "text": text}
    indicators: list[Any] = indicator_list(merge.text(row, "indicators"))
    try:
        indicators = with_targets(indicators, merge.text(row, "target"), merge.lang)
    except ValueError as exc:
        merge.problem(merge.cell(row, "target"), str(exc), first)
        return None
    if indicators:
        data["indicators"] = indicators
    data["departments"] = departments
    notes = note_list(merge.text(row, "notes"))
    if notes:
        data["notes"] = notes
    for key, read in (("deadline", deadline_value), ("timeline", one_line)):
        if one_line(merge.text(row, key)):
            data[key] = read(merge.text(row, key))
    budget = _budget(merge, row, first)
    if budget is None:
        return None
    if budget:
        data["budget"] = budget
    if lead is not None:
        data["lead"] = lead
    return data


def _budget(merge: Merge, row: list[Cell], first: Cell) -> dict[str, Any] | None:
    """The budget of the budget, budget source and budget allocated cells (None: a problem)."""
    budget = budget_value(merge.text(row, "budget"))
    source = one_line(merge.text(row, "budget_source"))
    if source:
        budget["source"] = source
    if one_line(merge.text(row, "budget_allocated")):
        try:
            budget = {"allocated": allocated_value(merge.text(row, "budget_allocated")), **budget}
        except ValueError as exc:
            merge.problem(merge.cell(row, "budget_allocated"), str(exc), first)
            return None
    return budget


def _departments(merge: Merge, row: list[Cell], first: Cell) -> tuple[list[Any], str | None] | None:
    """The departments cell's assignments and the lead cell's code (the lead is added to
    the departments when the cell does not name it)."""
    cell = merge.cell(row, "departments")
    lead_cell = merge.cell(row, "lead")
    try:
        found = list(parse_actors(cell.value, merge.reg)) if cell else []
        leads = list(parse_actors(merge.text(row, "lead"), merge.reg))
    except ActorError as exc:
        where = cell if cell is not None and str(exc).split('"')[1] in cell.value else None
        merge.problem(where or lead_cell or cell, str(exc), first)
        return None
    if len(leads) > 1:
        merge.problem(
            lead_cell,
            "one lead department per action (a plan's `lead` is one"
            " code); give the others the role in the departments cell:"
            " CODE (coordination)",
            first,
        )
        return None
    if not _roles_and_partners(merge, row, first, found):
        return None
    if not found and not leads:
        merge.problem(cell, "no department for this action", first)
        return None
    lead = None
    if leads:
        lead = leads[0] if isinstance(leads[0], str) else leads[0]["code"]
        if lead not in [e if isinstance(e, str) else e["code"] for e in found]:
            found.append(lead)
    return found, lead


def _roles_and_partners(
    merge: Merge, row: list[Cell], first: Cell, found: list[str | dict[str, Any]]
) -> bool:
    """Give ``found`` the role column's role where no bracket gives one, and add the
    partners column's actors with the role partner (False after a problem)."""
    role_cell = merge.cell(row, "role")
    word = one_line(role_cell.value) if role_cell else ""
    role = role_of(word) if word else None
    if word and role is None:
        merge.problem(role_cell, f"{word!r} is not a role ({', '.join(ROLE_WORDS)})", first)
        return False
    if role is not None:
        found[:] = [{"code": e, "role": role} if isinstance(e, str) else e for e in found]
        found[:] = [e if isinstance(e, str) or "role" in e else {**e, "role": role} for e in found]
    try:
        partners = list(parse_actors(merge.text(row, "partners"), merge.reg))
    except ActorError as exc:
        merge.problem(merge.cell(row, "partners"), str(exc), first)
        return False
    codes = [e if isinstance(e, str) else e["code"] for e in found]
    for entry in partners:
        data = {"code": entry} if isinstance(entry, str) else entry
        if data["code"] not in codes:
            found.append({"code": data["code"], "role": "partner", **data})
    return True
