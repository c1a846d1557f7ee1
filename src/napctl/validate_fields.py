"""Consistency rules for the optional monitoring fields (leads, budgets, indicator keys).

Kept apart from ``napctl.validate`` so that the rules of the core hierarchy and
those of the monitoring fields can change independently; both report through
the same checker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from napctl.model import ALL, Action, Budget

if TYPE_CHECKING:
    from napctl.validate import Loc, _Checker


def check_monitoring_fields(checker: _Checker) -> None:
    """NAP301/312/313/314 on plan budgets, monitoring, action leads and indicators."""
    plan = checker.plan
    if plan.monitoring is not None:
        for i, code in enumerate(plan.monitoring.by):
            checker.department(code, ("monitoring", "by", i))
    _budget(checker, plan.budget, ("budget",), f"plan '{plan.id}'")
    for p, pillar in enumerate(plan.pillars):
        for g, goal in enumerate(pillar.goals):
            for a, action in enumerate(goal.actions):
                loc: Loc = ("pillars", p, "goals", g, "actions", a)
                _lead(checker, action, loc)
                _budget(checker, action.budget, (*loc, "budget"), f"action '{action.id}'")
                _indicator_keys(checker, action, loc)


def _lead(checker: _Checker, action: Action, loc: Loc) -> None:
    lead = action.lead
    if lead is None:
        return
    codes = action.codes()
    if lead in codes:
        return
    if ALL in codes:  # every department is on the action: the lead must be one of them
        checker.department(lead, (*loc, "lead"))
        return
    checker.add((*loc, "lead"), "NAP312",
                f"action '{action.id}': lead {lead!r} is not one of its departments"
                f" ({', '.join(codes)})")


def _budget(checker: _Checker, budget: Budget | None, loc: Loc, owner: str) -> None:
    if budget is not None and budget.allocated is False and budget.amount is not None:
        checker.add((*loc, "amount"), "NAP313",
                    f"{owner}: the budget says none is allocated but gives an amount")


def _indicator_keys(checker: _Checker, action: Action, loc: Loc) -> None:
    seen: set[str] = set()
    for i, indicator in enumerate(action.indicators):
        key = getattr(indicator, "key", None)
        if key is None:
            continue
        if key in seen:
            checker.add((*loc, "indicators", i, "key"), "NAP314",
                        f"action '{action.id}': indicator key '{key}' is used twice")
        seen.add(key)
