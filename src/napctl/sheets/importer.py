"""From an action matrix to additions to a plan: what is new, checked against what is there.

Rows are matched to the plan by id, or, where the table has no id column, by
title or text; a blank pillar or goal cell repeats the one above. Ids missing
from the table are derived as for Luxembourg (docs/plan-format.md): pillars
I, II …, goals ``<pillar>.<n>``, actions ``<goal>.<m>``. An action already in the
plan must say the same in the table; a difference is a problem, never an edit
(import adds, people edit). Deadline, timeline and budget columns fill the
action's fields of those names (``docs/plan-format.md``), with budget source
and budget allocated (yes/no) columns; a lead column fills the action's
``lead`` (one code, added to its departments when they do not name it). Result
columns put actions under expected results (``napctl.sheets.results``), a role
column and a partners column give assignment roles, a target column indicator
targets (``napctl.sheets.targets``).
"""

from __future__ import annotations

from typing import Any

from napctl.model import Plan
from napctl.sheets.cells import Cell
from napctl.sheets.merge_state import Changes, GoalState, Merge, PillarState, ResultState
from napctl.sheets.read import Table
from napctl.sheets.results import SHARED, result_data, result_for, settle, stored_once
from napctl.sheets.row_action import action_from_row
from napctl.sheets.rows import (
    guess_un_pillars,
    one_line,
    un_pillar_list,
)
from napctl.sheets.rows import roman as roman_numeral
from napctl.sheets.targets import target_updates, texts
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
    settle(merge)
    _no_target_edits_in_replaced_lists(merge.changes)
    _collect(merge)
    merge.changes.departments = list(merge.reg.added)
    return merge.changes


def _no_target_edits_in_replaced_lists(changes: Changes) -> None:
    """A list of indicators the table changes is written with the row's targets: no
    second edit of a target inside it."""
    lists = {path for path, _ in changes.updates if path[-1] == "indicators"}
    changes.updates = [
        (path, value)
        for path, value in changes.updates
        if not (path[-1] == "targets" and path[:-2] in lists)
    ]


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
    action = action_from_row(merge, row, first)
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
        if not merge.retext("goal", state, text, text_cell, first):
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
        _add_action(merge, goal, data, where, first)
        return
    _compare_action(merge, goal, data, existing, row, where, first)


def _add_action(
    merge: Merge, goal: GoalState | ResultState, data: dict[str, Any], where: Cell, first: Cell
) -> None:
    """A row's action that is not in the plan yet: added, unless its id is taken."""
    action_id = data["id"]
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


def _compare_action(
    merge: Merge,
    goal: GoalState | ResultState,
    data: dict[str, Any],
    existing: dict[str, Any],
    row: list[Cell],
    where: Cell,
    first: Cell,
) -> None:
    """A row's action already in the plan: its differences changed (``--update``) or
    refused."""
    action_id = data["id"]
    # Only what the table has a column for: a table without indicators differs in nothing.
    keys = ["text", *(k for k in ("indicators", "departments", "lead") if k in merge.columns)]
    compared = [k for k in keys if _compared(data, k) != existing.get(k)]
    if merge.update and "target" in merge.columns:
        target_updates(merge, action_id, data.get("indicators", []), merge.cell(row, "target"))
    if merge.update and isinstance(goal, ResultState) and action_id in goal.own:
        # What a result shares is settled once all its rows are read (``settle``).
        goal.rows[action_id] = {k: data.get(k) for k in SHARED if k in merge.columns}
        compared = [k for k in compared if k not in goal.rows[action_id]]
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
