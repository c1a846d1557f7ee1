"""The plan-quality rules of ``napctl review``: small functions over a PlanIndex.

Each rule is registered in the one rule registry (``napctl.checks.registry``),
as the set "plan review", with its stable code, and puts its findings on the
report as positioned ``Problem``s; its level and one-line meaning are the
code's in the table of ``napctl.core.codes``. Codes are never reused for
another meaning; ``docs/review.md`` explains each rule and its known misses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from napctl.checks.plan_shape import near_entries
from napctl.checks.registry import Report, check
from napctl.checks.registry import codes as registered_codes
from napctl.core.codes import level_of
from napctl.review.index import ActionEntry, Loc, PlanIndex, same_text_key

#: The rule set of the review in the registry.
KIND = "plan review"
F = TypeVar("F", bound=Callable[..., None])


def rule(*codes: str) -> Callable[[F], F]:
    """Register a review rule reporting ``codes``: advice, so never an error's code."""
    for code in codes:
        assert level_of(code) != "error", f"{code}: a review rule gives advice, never an error"
    return check(KIND, *codes)


def rule_codes() -> list[str]:
    """The codes of the review rules, in their order."""
    return registered_codes(KIND)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _action(report: Report, entry: ActionEntry, loc: Loc, code: str, message: str) -> None:
    report.add(
        loc, code, f"action {entry.action.id} {message}", id=entry.action.id, pillar=entry.pillar.id
    )


def _indicator_owner(e: ActionEntry) -> tuple[str, Loc]:
    """Whose indicators an action's are: its own, or its result's (``result R1.1``)."""
    if e.shared_indicators and e.result is not None:
        return f"result {e.result.id}", e.result_loc
    return f"action {e.action.id}", e.loc


def _judged(ix: PlanIndex) -> list[ActionEntry]:
    """The actions whose indicators are judged: each result's shared indicators once,
    on the first of its actions (the plan prints them once)."""
    seen: set[int] = set()
    out = []
    for e in ix.actions:
        if e.shared_indicators and e.result is not None:
            if id(e.result) in seen:
                continue
            seen.add(id(e.result))
        out.append(e)
    return out


def _indicators_finding(report: Report, e: ActionEntry, sub: Loc, code: str, says: str) -> None:
    owner, loc = _indicator_owner(e)
    report.add((*loc, *sub), code, f"{owner} {says}", id=e.action.id, pillar=e.pillar.id)


def _selected(report: Report, code: str) -> bool:
    return report.selected is None or report.selected(code)


def _each_or_plan(
    ix: PlanIndex,
    report: Report,
    findings: list[tuple[ActionEntry, Loc, str, str]],
    plan_code: str,
    plan_says: str,
) -> None:
    """Findings per action, or, when every action of the plan has it, once for the plan
    (``plan_code``): 200 times "no deadline" says only that the plan names none. A
    review that selects the action's code and not the plan's gets them per action."""
    if len(ix.actions) > 1 and len(findings) == len(ix.actions) and _selected(report, plan_code):
        count = len(ix.actions)
        report.add(("id",), plan_code, f"plan {ix.plan.id}: {plan_says} ({count} actions)")
        return
    for e, loc, code, message in findings:
        _action(report, e, loc, code, message)


@rule("NAP501", "NAP523")
def no_indicator(ix: PlanIndex, report: Report) -> None:
    found = [(e, e.loc, "NAP501", "has no indicator") for e in ix.actions if not e.facts.indicators]
    _each_or_plan(ix, report, found, "NAP523", "no action has an indicator")


@rule("NAP502")
def not_measurable(ix: PlanIndex, report: Report) -> None:
    for e in _judged(ix):
        texts = e.action.indicator_texts()
        for i, measurable in enumerate(e.facts.measurable):
            if not measurable:
                _indicators_finding(
                    report,
                    e,
                    ("indicators", i),
                    "NAP502",
                    f"has an indicator that is not measurable: '{_short(texts[i])}'",
                )


@rule("NAP503")
def no_baseline(ix: PlanIndex, report: Report) -> None:
    for e in _judged(ix):
        if e.facts.indicators and not e.facts.with_baseline:
            _indicators_finding(
                report, e, ("indicators",), "NAP503", "has no indicator with a baseline"
            )


@rule("NAP504")
def no_target(ix: PlanIndex, report: Report) -> None:
    for e in _judged(ix):
        if e.facts.indicators and not e.facts.with_target:
            _indicators_finding(
                report, e, ("indicators",), "NAP504", "has no indicator with a target"
            )


@rule("NAP505", "NAP520")
def no_deadline(ix: PlanIndex, report: Report) -> None:
    found = [
        (e, e.loc, "NAP505", "has no deadline or timeline")
        for e in ix.actions
        if not e.facts.with_deadline
    ]
    _each_or_plan(ix, report, found, "NAP520", "no action has a deadline or timeline")


@rule("NAP506", "NAP521")
def no_budget(ix: PlanIndex, report: Report) -> None:
    found = []
    for e in ix.actions:
        if e.facts.budget == "missing":
            found.append((e, e.loc, "NAP506", "has no budget"))
        elif e.facts.budget == "not-allocated":
            found.append((e, (*e.loc, "budget"), "NAP506", "has no budget allocated"))
    _each_or_plan(ix, report, found, "NAP521", "no action has a budget")


@rule("NAP507", "NAP522")
def no_lead(ix: PlanIndex, report: Report) -> None:
    shared = [e for e in ix.actions if len(e.facts.departments) >= 2]
    if shared and not any(e.facts.leads for e in ix.actions) and _selected(report, "NAP522"):
        # A plan that names no lead at all: its style, said once, not a gap per action.
        report.add(
            ("id",),
            "NAP522",
            f"plan {ix.plan.id} names no lead: {len(shared)} actions are shared by"
            " several departments",
        )
        return
    for e in shared:
        facts = e.facts
        if len(facts.leads) == 1:
            continue
        count = len(facts.departments)
        if facts.leads:
            _action(
                report,
                e,
                (*e.loc, "departments"),
                "NAP507",
                f"has {count} departments and several leads: {', '.join(facts.leads)}",
            )
        else:
            _action(
                report, e, (*e.loc, "departments"), "NAP507", f"has {count} departments and no lead"
            )


@rule("NAP508")
def only_all(ix: PlanIndex, report: Report) -> None:
    for e in ix.actions:
        if e.facts.only_all:
            _action(
                report,
                e,
                (*e.loc, "departments"),
                "NAP508",
                "rests only on 'All': no department is accountable for it",
            )


@rule("NAP509")
def duplicate_text(ix: PlanIndex, report: Report) -> None:
    first: dict[str, str] = {}
    for e in ix.actions:
        key = same_text_key(e.action.text)
        if key in first:
            _action(
                report, e, (*e.loc, "text"), "NAP509", f"has the same text as action {first[key]}"
            )
        else:
            first[key] = e.action.id


@rule("NAP510")
def goal_without_action(ix: PlanIndex, report: Report) -> None:
    for pillar, goal, loc in ix.goals:
        if not goal.actions and not any(r.actions for r in goal.results):
            report.add(loc, "NAP510", f"goal {goal.id} has no action", id=goal.id, pillar=pillar.id)


@rule("NAP511")
def restating_indicator(ix: PlanIndex, report: Report) -> None:
    for e in ix.actions:
        if e.shared_indicators:
            continue  # a result's indicator is about the result, not each action
        texts = e.action.indicator_texts()
        for i, restating in enumerate(e.facts.restating):
            if restating:
                _action(
                    report,
                    e,
                    (*e.loc, "indicators", i),
                    "NAP511",
                    f"has an indicator that restates the action: '{_short(texts[i])}'",
                )


@rule("NAP512")
def plan_budget(ix: PlanIndex, report: Report) -> None:
    budget = ix.plan.budget
    if budget is None:
        report.add(("id",), "NAP512", f"plan {ix.plan.id} states no overall budget")
    elif budget.allocated is False:
        report.add(("budget",), "NAP512", f"plan {ix.plan.id} says no budget is allocated")


@rule("NAP513")
def plan_monitoring(ix: PlanIndex, report: Report) -> None:
    if ix.plan.monitoring is None and not ix.plan.reporting:
        report.add(
            ("id",), "NAP513", f"plan {ix.plan.id} states no monitoring or reporting arrangements"
        )


@rule("NAP524")
def near_duplicate_names(ix: PlanIndex, report: Report) -> None:
    """Registry entries that look like one actor written two ways: each group once, at its
    second entry, by the one nearness test (``napctl.model.near``, validate's NAP334)."""
    for loc, message in near_entries(ix.plan):
        report.add(loc, "NAP524", message)
