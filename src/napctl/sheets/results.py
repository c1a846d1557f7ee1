"""Expected results in an action matrix: the result id and result columns.

A row whose result cells are filled puts its action under that result of its
goal (a blank cell repeats the one above, within the same goal). A table prints
a result's indicators and actors on each of its rows; the plan stores them once:
a new result takes those that most of its rows give, and an action keeps only
what differs from its result's (``docs/plan-format.md``, "Plans of other shapes").
With ``--update``, a value that every row inheriting it changes alike is changed on
the result, once (``settle``); a value that differs between rows stays per action.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from napctl.sheets.cells import Cell
from napctl.sheets.merge_state import GoalState, Merge, ResultState
from napctl.sheets.rows import one_line
from napctl.sheets.targets import texts

#: The keys an action inherits from its result when it names none.
SHARED = ("indicators", "departments")


def result_for(
    merge: Merge, goal: GoalState, previous: dict[str, Cell], first: Cell
) -> tuple[bool, ResultState | None]:
    """(False, None) after a problem; (True, None) for an action of the goal itself."""
    id_cell, text_cell = previous.get("result_id"), previous.get("result")
    result_id = one_line(id_cell.value) if id_cell else ""
    text = one_line(text_cell.value) if text_cell else ""
    if not result_id and not text:
        return True, None
    if result_id:
        state = goal.results.get(result_id)
    else:
        state = next((r for r in goal.results.values() if r.text == text), None)
        result_id = state.id if state else _next_result_id(merge, goal)
    where = id_cell or text_cell or first
    if state is not None:
        if not merge.retext("result", state, text, text_cell, first):
            return False, None
        return True, state
    if result_id in merge.ids:
        merge.problem(where, f"id {result_id!r} is already {merge.ids[result_id]}", where)
        return False, None
    if not text:
        merge.problem(text_cell or where, f"new result {result_id} has no text", where)
        return False, None
    state = ResultState(result_id, text, None)
    goal.results[result_id] = state
    merge.ids[result_id] = "a result"
    return True, state


def _next_result_id(merge: Merge, goal: GoalState) -> str:
    n = len(goal.results) + 1
    while f"{goal.id}.R{n}" in merge.ids:
        n += 1
    return f"{goal.id}.R{n}"


def _most_common(values: list[Any]) -> Any:
    """The value most rows give (the first of them on a tie); None when none gives one."""
    given = [json.dumps(v, sort_keys=True) for v in values if v]
    if not given:
        return None
    best = Counter(given).most_common(1)[0][0]
    return next(v for v in values if v and json.dumps(v, sort_keys=True) == best)


def stored_once(result: ResultState) -> None:
    """Give a new result what most of its rows give; drop from its new actions what
    they would inherit anyway."""
    if result.index is None:
        for key in SHARED:
            value = _most_common([a.get(key) for a in result.new_actions])
            if value is not None:
                result.shared[key] = value
    for action in result.new_actions:
        for key in SHARED:
            if key in result.shared and action.get(key) == result.shared[key]:
                del action[key]


def result_data(result: ResultState) -> dict[str, Any]:
    """A new result as plan-file data, keys in the order the plan files use."""
    stored_once(result)
    return {"id": result.id, "text": result.text, **result.shared, "actions": result.new_actions}


def _shown(key: str, value: Any) -> Any:
    """A row's value as the plan's is read for comparing (indicators: their texts)."""
    return texts(value) if key == "indicators" and value is not None else value


def settle(merge: Merge) -> None:
    """Turn what the rows of each result in the plan give for its shared keys into
    updates: on the result when all its inheriting actions' rows agree on a new value,
    else on each action whose row differs."""
    for pillar in merge.pillars.values():
        for goal in pillar.goals.values():
            for result in goal.results.values():
                for key in SHARED:
                    given = {a: row[key] for a, row in result.rows.items() if key in row}
                    if given:
                        _settle_key(merge, result, key, given)


def _settle_key(merge: Merge, result: ResultState, key: str, given: dict[str, Any]) -> None:
    updates = merge.changes.updates
    inheriting = [a for a, own in result.own.items() if key not in own] or list(result.own)
    new = {json.dumps(_shown(key, given[a]), sort_keys=True) for a in inheriting if a in given}
    if len(new) == 1 and all(a in given for a in inheriting):
        value = given[inheriting[0]]
        if _shown(key, value) != result.shared.get(key):
            updates.append(((*merge.paths[result.id], key), value))
            result.shared[key] = _shown(key, value)
    for action_id, value in given.items():
        own = key in result.own[action_id]
        shows = result.actions[action_id].get(key) if own else result.shared.get(key)
        if _shown(key, value) == shows:
            continue
        if own and _shown(key, value) == result.shared.get(key):  # now the result's
            updates.append(((*merge.paths[action_id], key), None))
        else:
            updates.append(((*merge.paths[action_id], key), value))
