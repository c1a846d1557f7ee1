"""From an action matrix to additions to a plan: what is new, checked against what is there.

Rows are matched to the plan by id, or, where the table has no id column, by
title or text; a blank pillar or goal cell repeats the one above. Ids missing
from the table are derived as for Luxembourg (docs/plan-format.md): pillars
I, II …, goals ``<pillar>.<n>``, actions ``<goal>.<m>``. An action already in the
plan must say the same in the table; a difference is a problem, never an edit
(import adds, people edit). Deadline, timeline and budget columns fill the
action's fields of those names (``docs/plan-format.md``), with budget source
and budget allocated (yes/no) columns; a lead column fills the action's
``lead`` (one code, added to its departments when they do not name it).
"""

from __future__ import annotations

from typing import Any

from napctl.model import Plan
from napctl.sheets.cells import Cell
from napctl.sheets.headers import ROLE_WORDS, role_of
from napctl.sheets.merge_state import Changes, GoalState, Merge, PillarState, ResultState
from napctl.sheets.read import Table
from napctl.sheets.results import result_data, result_for, stored_once
from napctl.sheets.rows import (
    ActorError,
    allocated_value,
    budget_value,
    deadline_value,
    guess_un_pillars,
    indicator_list,
    note_list,
    one_line,
    parse_actors,
    un_pillar_list,
)
from napctl.sheets.rows import roman as roman_numeral
from napctl.sheets.targets import texts, with_targets
from napctl.sheets.update import similar_action

_FILLED_DOWN = ("pillar_id", "pillar", "un_pillars", "goal_id", "goal", "result_id", "result")
#: A result cell repeats the one above only within its goal.
_GOAL_CELLS = ("pillar_id", "pillar", "goal_id", "goal")


def merge_table(
    plan: Plan,
    table: Table,
    columns: dict[str, int],
    skip_pillar: str | None = None,
    *,
    update: bool = False,
) -> Changes:
    """The additions ``table`` makes to ``plan`` (problems included, nothing written);
    ``update``: and the texts, indicators and actors it changes (``Changes.updates``)."""
    merge = Merge(plan, columns, skip_pillar, update)
    if update and "id" not in columns:
        merge.row_texts = {one_line(merge.text(r, "text")) for r in table.rows}
    for needed, what in (("pillar", "pillar"), ("goal", "goal")):
        if needed not in columns and f"{needed}_id" not in columns:
            ref = table.header[0].ref if table.header else table.source
            merge.changes.problems.append(
                f"{ref}: no column for the {what} (its id or its text); name one with"
                f" --columns {needed}=HEADER"
            )
    _check_one_plan(merge, table)
    if merge.changes.problems:
        return merge.changes
    previous: dict[str, Cell] = {}
    rows = 0
    for row in table.rows:
        if not any(c.value.strip() for c in row):
            continue
        rows += 1
        _forget_result(merge, row, previous)
        for name in _FILLED_DOWN:
            found = merge.cell(row, name)
            if found is not None and found.value.strip():
                previous[name] = found
        _merge_row(merge, row, previous)
    if not rows:
        merge.changes.problems.append(f"{table.source}: no action rows below the header")
    _collect(merge)
    merge.changes.departments = list(merge.reg.added)
    return merge.changes


def _forget_result(merge: Merge, row: list[Cell], previous: dict[str, Cell]) -> None:
    """A row that starts another goal starts without the result above it."""
    for name in _GOAL_CELLS:
        found = merge.cell(row, name)
        if found is None or not found.value.strip():
            continue
        if name not in previous or one_line(previous[name].value) != one_line(found.value):
            previous.pop("result_id", None)
            previous.pop("result", None)
            return


def _check_one_plan(merge: Merge, table: Table) -> None:
    index = merge.columns.get("plan")
    if index is None:
        return
    ids = sorted(
        {r[index].value.strip() for r in table.rows if index < len(r) and r[index].value.strip()}
    )
    if len(ids) > 1:
        merge.changes.problems.append(
            f"{table.header[index].ref}: the table holds several"
            f" plans ({', '.join(ids)}); import one at a time"
        )


def _merge_row(merge: Merge, row: list[Cell], previous: dict[str, Cell]) -> None:
    first = row[0]
    pillar = _pillar_for(merge, previous, first)
    if pillar is None:
        return
    goal = _goal_for(merge, pillar, previous, first)
    if goal is None:
        return
    ok, result = result_for(merge, goal, previous, first)
    if not ok:
        return
    action = _action_from_row(merge, row, first)
    if action is None:
        return
    _place_action(merge, result or goal, action, row, first)


def _pillar_for(merge: Merge, previous: dict[str, Cell], first: Cell) -> PillarState | None:
    id_cell, title_cell = previous.get("pillar_id"), previous.get("pillar")
    if id_cell is None and title_cell is None:
        merge.problem(None, "no pillar for this row (and none above it)", first)
        return None
    title = one_line(title_cell.value) if title_cell else ""
    if id_cell is not None:
        pillar_id = one_line(id_cell.value)
        state = merge.pillars.get(pillar_id)
    else:
        state = next((p for p in merge.pillars.values() if p.title == title), None)
        pillar_id = state.id if state else _next_id(merge, "", len(merge.pillars) + 1, roman=True)
    if state is not None:
        if title and title != state.title and merge.update:
            merge.changes.updates.append(((*merge.paths[state.id], "title"), title))
            state.title = title
        elif title and title != state.title:
            merge.problem(
                title_cell,
                f"pillar {pillar_id} is {state.title!r} in the plan, {title!r} here",
                first,
            )
            return None
        return state
    return _new_pillar(merge, pillar_id, title, previous, id_cell or title_cell or first)


def _new_pillar(
    merge: Merge, pillar_id: str, title: str, previous: dict[str, Cell], where: Cell
) -> PillarState | None:
    if pillar_id in merge.ids:
        merge.problem(where, f"id {pillar_id!r} is already {merge.ids[pillar_id]}", where)
        return None
    if not title:
        merge.problem(where, f"new pillar {pillar_id} has no title", where)
        return None
    un_cell = previous.get("un_pillars")
    un_pillars, bad = un_pillar_list(un_cell.value) if un_cell else (guess_un_pillars(title), [])
    if bad or not un_pillars:
        what = f"not UN pillars: {', '.join(bad)}" if bad else "no UN pillar"
        merge.problem(
            un_cell,
            f"{what} (participation, prevention, protection,"
            " relief-and-recovery); give them in a un_pillars column",
            where,
        )
        return None
    state = PillarState(pillar_id, title, un_pillars, None)
    merge.pillars[pillar_id] = state
    merge.ids[pillar_id] = "a pillar"
    return state


def _goal_for(
    merge: Merge, pillar: PillarState, previous: dict[str, Cell], first: Cell
) -> GoalState | None:
    id_cell, text_cell = previous.get("goal_id"), previous.get("goal")
    text = one_line(text_cell.value) if text_cell else ""
    if id_cell is not None:
        goal_id = one_line(id_cell.value)
        state = pillar.goals.get(goal_id)
    elif text_cell is not None:
        state = next((g for g in pillar.goals.values() if g.text == text), None)
        goal_id = state.id if state else _next_id(merge, pillar.id, len(pillar.goals) + 1)
    else:
        merge.problem(None, "no goal for this row (and none above it)", first)
        return None
    if state is not None:
        if text and text != state.text and merge.update:
            merge.changes.updates.append(((*merge.paths[state.id], "text"), text))
            state.text = text
        elif text and text != state.text:
            merge.problem(
                text_cell, f"goal {goal_id} is {state.text!r} in the plan, {text!r} here", first
            )
            return None
        return state
    where = id_cell or text_cell or first
    if goal_id in merge.ids:
        merge.problem(where, f"id {goal_id!r} is already {merge.ids[goal_id]}", where)
        return None
    if not text:
        merge.problem(text_cell or where, f"new goal {goal_id} has no text", where)
        return None
    state = GoalState(goal_id, text, None)
    pillar.goals[goal_id] = state
    merge.ids[goal_id] = "a goal"
    return state


def _action_from_row(merge: Merge, row: list[Cell], first: Cell) -> dict[str, Any] | None:
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


def _place_action(
    merge: Merge,
    goal: GoalState | ResultState,
    data: dict[str, Any],
    row: list[Cell],
    first: Cell,
) -> None:
    """Add the row's action to its goal or result (``goal``), or compare it with the one
    there."""
    id_cell = merge.cell(row, "id")
    where = id_cell or merge.cell(row, "text") or first
    if not data["id"]:
        same = next((a for a in goal.actions.values() if a["text"] == data["text"]), None)
        if same is None and merge.update:  # a corrected text: the most similar action left
            same = similar_action(goal.actions, data["text"], merge.seen, merge.row_texts)
        data["id"] = same["id"] if same else _next_id(merge, goal.id, len(goal.actions) + 1)
    action_id = data["id"]
    if action_id in merge.seen:
        what = "id" if id_cell is not None and id_cell.value.strip() else "text"
        merge.problem(
            where,
            f"duplicate action {what} (action {action_id}, also at {merge.seen[action_id]})",
            first,
        )
        return
    merge.seen[action_id] = where.ref
    existing = goal.actions.get(action_id)
    if existing is None:
        if action_id in merge.ids:
            merge.problem(
                where,
                f"id {action_id!r} is already {merge.ids[action_id]} elsewhere in the plan",
                first,
            )
            return
        goal.actions[action_id] = data
        goal.new_actions.append(data)
        merge.ids[action_id] = "an action"
        return
    # Only what the table has a column for: a table without indicators differs in nothing.
    keys = (
        ("text", "indicators", "departments")
        if "indicators" in merge.columns
        else ("text", "departments")
    )
    if "lead" in merge.columns:
        keys = (*keys, "lead")
    compared = [k for k in keys if _compared(data, k) != existing.get(k)]
    if "notes" in data and data["notes"] != existing.get("notes"):
        compared.append("notes")
    if compared and merge.update:
        path = merge.paths[action_id]
        merge.changes.updates.extend(((*path, key), data.get(key)) for key in compared)
    elif compared:
        merge.problem(
            where,
            f"action {action_id} is in the plan with other"
            f" {', '.join(compared)}; napctl import only adds (--update changes the"
            " plan to match the table), so edit the plan file or the table",
            first,
        )


def _compared(data: dict[str, Any], key: str) -> Any:
    """A row's value as the plan's is read for comparing (indicators: their texts; the
    targets a row gives are added with new actions only)."""
    value = data.get(key)
    return texts(value) if key == "indicators" and value is not None else value


def _next_id(merge: Merge, parent: str, n: int, *, roman: bool = False) -> str:
    while True:
        candidate = roman_numeral(n) if roman else f"{parent}.{n}"
        if candidate not in merge.ids:
            return candidate
        n += 1


def _goal_data(goal: GoalState) -> dict[str, Any]:
    data: dict[str, Any] = {"id": goal.id, "text": goal.text}
    if goal.new_actions:
        data["actions"] = goal.new_actions
    results = [result_data(r) for r in goal.results.values() if r.new_actions]
    if results:
        data["results"] = results
    return data


def _has_new(goal: GoalState) -> bool:
    return bool(goal.new_actions) or any(r.new_actions for r in goal.results.values())


def _collect(merge: Merge) -> None:
    """The new pillars, goals and actions, in table order within each container."""
    changes = merge.changes
    for pillar in merge.pillars.values():
        if pillar.index is None:
            goals = [_goal_data(g) for g in pillar.goals.values() if _has_new(g)]
            if goals:
                changes.pillars.append(
                    {
                        "id": pillar.id,
                        "title": pillar.title,
                        "un_pillars": pillar.un_pillars,
                        "goals": goals,
                    }
                )
            continue
        for goal in pillar.goals.values():
            if goal.index is None and _has_new(goal):
                changes.goals.append((pillar.index, _goal_data(goal)))
            elif goal.index is not None:
                changes.actions.extend((pillar.index, goal.index, a) for a in goal.new_actions)
                _collect_results(changes, pillar.index, goal.index, goal)


def _collect_results(changes: Changes, p: int, g: int, goal: GoalState) -> None:
    for result in goal.results.values():
        if not result.new_actions:
            continue
        if result.index is None:
            changes.results.append((p, g, result_data(result)))
        else:
            stored_once(result)
            changes.result_actions.extend((p, g, result.index, a) for a in result.new_actions)
