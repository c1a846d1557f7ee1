"""Counts over a plan: actions per department, and the department-by-pillar spread."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from napctl.model import ALL, ALL_NAME, Department, Pillar, Plan
from napctl.model.memo import PerPlan
from napctl.model.registry import registry_index


def action_counts(plan: Plan) -> dict[str, tuple[int, int]]:
    """Per department: (actions naming it or a child, those plus the actions for All)."""
    index = registry_index(plan)
    everyone = len(index.for_all)
    below = index.subtree_counts()
    return {d.code: (below[d.code], below[d.code] + everyone) for d in plan.departments}


def printed_rows(plan: Plan) -> Iterator[tuple[int, list[str]]]:
    """(pillar position, codes) of each place the plan prints actors: an action that
    names its own, and a result once for all its actions that name none."""
    for column, pillar in enumerate(plan.pillars):
        for goal in pillar.goals:
            for action in goal.actions:
                yield column, action.codes()
            for result in goal.results:
                if result.departments and any(not a.departments for a in result.actions):
                    yield column, result.codes()
                for action in result.actions:
                    if action.departments:
                        yield column, action.codes()


def own_counts(plan: Plan) -> dict[str, int]:
    """Per department: the actions that name it itself (inherited from a result too),
    not a unit (``matrix`` counts a result's actors once: see ``printed_rows``)."""
    counts = {d.code: 0 for d in plan.departments}
    for *_, action in plan.actions():
        for code in set(action.codes()):
            if code in counts:
                counts[code] += 1
    return counts


def matrix(plan: Plan) -> tuple[list[Pillar], list[tuple[Department, list[int]]]]:
    """Departments by pillar: how many actions of each pillar name each department.

    A department counts an action that names it directly, and a result once for the
    actions that take their actors from it (as the plan prints them); "All" actions are
    counted in a row of their own so the spread stays readable.
    """
    row_of = {d.code: i for i, d in enumerate(plan.departments)}
    counts = [[0] * len(plan.pillars) for _ in plan.departments]
    for column, codes in printed_rows(plan):
        for code in set(codes):
            row = row_of.get(code)
            if row is not None:
                counts[row][column] += 1
    return plan.pillars, list(zip(plan.departments, counts, strict=True))


def all_row(plan: Plan) -> list[int]:
    counts = [0] * len(plan.pillars)
    for column, codes in printed_rows(plan):
        counts[column] += ALL in codes
    return counts


# One matrix per plan object, however many checklists draw on it.
_plan_matrix: PerPlan[tuple[tuple[Any, Any], list[int]]] = PerPlan(
    lambda plan: (matrix(plan), all_row(plan))
)


def spread(
    plan: Plan, codes: Sequence[str] | None = None, *, all_row_always: bool = False
) -> dict[str, Any]:
    """Departments by pillar (``codes`` limits the rows), ready for a table or a chart.

    The "All" row (the actions for every department, counted once) comes last,
    when some action is for all or ``all_row_always`` asks for it.
    """
    (pillars, rows), everyone = _plan_matrix(plan)
    if codes is not None:  # the rows asked for, in registry order, without a scan
        index = registry_index(plan)
        rows = [rows[index.order[c]] for c in index.in_order(set(codes)) if c in index.order]
    body: list[dict[str, Any]] = [
        {"code": d.code, "name": d.name, "counts": cells, "total": sum(cells)} for d, cells in rows
    ]
    if all_row_always or any(everyone):
        body.append({"code": ALL, "name": ALL_NAME, "counts": everyone, "total": sum(everyone)})
    peak = max((c for r in body for c in r["counts"]), default=0)
    return {
        "pillars": [{"id": p.id, "title": p.title} for p in pillars],
        "rows": body,
        "peak": peak,
    }
