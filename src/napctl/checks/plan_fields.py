"""Consistency rules for the optional monitoring fields (leads, budgets, indicator keys).

Kept apart from ``napctl.checks.plan`` so that the rules of the core hierarchy
and those of the monitoring fields can change independently; both are checks of
the plan kind over the same PlanContext (registered after the core rules).
"""

from __future__ import annotations

from napctl.checks.plan import KIND, PlanContext, department
from napctl.checks.registry import Loc, Report, check, import_checks
from napctl.core.messages import shown_value
from napctl.model import ALL, Action, Budget


@check(KIND)
def monitoring_fields(index: PlanContext, report: Report) -> None:
    """NAP301/312/313/314 on plan budgets, monitoring, action leads and indicators."""
    plan = index.plan
    if plan.monitoring is not None:
        for i, code in enumerate(plan.monitoring.by):
            department(index, report, code, ("monitoring", "by", i))
    _budget(report, plan.budget, ("budget",), f"plan '{plan.id}'")
    for placed in plan.walk():
        action, loc = placed.action, placed.path
        _lead(index, report, action, loc)
        _budget(report, action.budget, (*loc, "budget"), f"action '{action.id}'")
        _indicator_keys(report, placed.own, loc)


def _lead(index: PlanContext, report: Report, action: Action, loc: Loc) -> None:
    lead = action.lead
    if lead is None:
        return
    codes = action.codes()
    if lead in codes:
        return
    if ALL in codes:  # every department is on the action: the lead must be one of them
        department(index, report, lead, (*loc, "lead"))
        return
    report.add(
        (*loc, "lead"),
        "NAP312",
        f"action '{action.id}': lead {shown_value(lead)} is not one of its departments"
        f" ({', '.join(codes)})",
    )


def _budget(report: Report, budget: Budget | None, loc: Loc, owner: str) -> None:
    if budget is not None and budget.allocated is False and budget.amount is not None:
        report.add(
            (*loc, "amount"),
            "NAP313",
            f"{owner}: the budget says none is allocated but gives an amount",
        )


def _indicator_keys(report: Report, action: Action, loc: Loc) -> None:
    seen: set[str] = set()
    for i, indicator in enumerate(action.indicators):
        key = getattr(indicator, "key", None)
        if key is None:
            continue
        if key in seen:
            report.add(
                (*loc, "indicators", i, "key"),
                "NAP314",
                f"action '{action.id}': indicator key '{key}' is used twice",
            )
        seen.add(key)


import_checks("napctl.checks.plan_indicators")  # structured indicators (NAP70x), after these
