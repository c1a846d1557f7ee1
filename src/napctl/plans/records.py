"""The records of an action and of its departments: one builder for every output.

`napctl actions` (JSON, YAML, CSV), `napctl show` and the templates' contexts
shape an action from the same pieces here, so a department's name or an
action's fields cannot read one way in one output and another way in the next.
The keys are the documented contract (README, DESIGN.md): add to them, never
rename one.
"""

from __future__ import annotations

from typing import Any

from napctl.model import Action, Plan, Result
from napctl.plans import ActionRow, full_names


def department_label(plan: Plan, code: str) -> dict[str, Any]:
    """``code`` and its full name ("All departments" for All)."""
    return {"code": code, "name": full_names(plan, [code])[0]}


def assignment_records(
    plan: Plan, action: Action | Result, focus: frozenset[str] | None = None
) -> list[dict[str, Any]]:
    """Each department of ``action``: code, name, role, note (and ``mine`` with a focus)."""
    records = []
    for a in action.assignments():
        record = {**department_label(plan, a.code), "role": a.role, "note": a.note}
        if focus is not None:
            record["mine"] = a.code in focus
        records.append(record)
    return records


def action_fields(
    plan: Plan, action: Action, focus: frozenset[str] | None = None
) -> dict[str, Any]:
    """An action in itself: id, text, indicators, departments (assignment records), notes."""
    return {
        "id": action.id,
        "text": action.text,
        "indicators": action.indicator_texts(),
        "departments": assignment_records(plan, action, focus),
        "notes": list(action.notes),
    }


def action_record(row: ActionRow) -> dict[str, Any]:
    """The stable, documented shape of one action found by a query (machine formats)."""
    action = row.action
    return {
        "plan": row.plan.id,
        "id": action.id,
        "pillar": row.pillar.id,
        "pillar_title": row.pillar.title,
        "goal": row.goal.id,
        "goal_text": row.goal.text,
        "text": action.text,
        "indicators": action.indicator_texts(),
        "departments": action.codes(),
        "assignments": assignment_records(row.plan, action),
        "for_all": action.for_all,
        "via_all": row.via_all,
        "notes": list(action.notes),
        **result_fields(row.result, action),
    }


def result_fields(result: Result | None, action: Action) -> dict[str, Any]:
    """The expected result an action is under (None without one) and which of the
    action's fields are the result's, printed once for all its actions (``Plan.walk``
    gives an action the result's own lists when it names none)."""
    if result is None:
        return {"result": None, "result_text": None, "inherited": []}
    inherited = [
        name
        for name, mine, theirs in (
            ("indicators", action.indicators, result.indicators),
            ("departments", action.departments, result.departments),
        )
        if theirs and mine is theirs
    ]
    return {"result": result.id, "result_text": result.text, "inherited": inherited}


def result_record(plan: Plan, result: Result) -> dict[str, Any]:
    """A result in itself: its indicators and actors once, and its actions' ids."""
    return {
        "id": result.id,
        "text": result.text,
        "indicators": result.indicator_texts(),
        "departments": assignment_records(plan, result),
        "actions": [a.id for a in result.actions],
        "notes": list(result.notes),
    }
