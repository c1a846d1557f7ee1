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

from napctl.checks.registry import Report, check
from napctl.checks.registry import codes as registered_codes
from napctl.core.codes import level_of
from napctl.review.index import ActionEntry, Loc, PlanIndex, same_text_key

#: The rule set of the review in the registry.
KIND = "plan review"
F = TypeVar("F", bound=Callable[..., None])


def rule(code: str) -> Callable[[F], F]:
    """Register a review rule reporting ``code``: advice, so never an error's code."""
    assert level_of(code) != "error", f"{code}: a review rule gives advice, never an error"
    return check(KIND, code)


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


@rule("NAP501")
def no_indicator(ix: PlanIndex, report: Report) -> None:
    for e in ix.actions:
        if not e.facts.indicators:
            _action(report, e, e.loc, "NAP501", "has no indicator")


@rule("NAP502")
def not_measurable(ix: PlanIndex, report: Report) -> None:
    for e in ix.actions:
        texts = e.action.indicator_texts()
        for i, measurable in enumerate(e.facts.measurable):
            if not measurable:
                _action(
                    report,
                    e,
                    (*e.loc, "indicators", i),
                    "NAP502",
                    f"has an indicator that is not measurable: '{_short(texts[i])}'",
                )


@rule("NAP503")
def no_baseline(ix: PlanIndex, report: Report) -> None:
    for e in ix.actions:
        if e.facts.indicators and not e.facts.with_baseline:
            _action(report, e, (*e.loc, "indicators"), "NAP503", "has no indicator with a baseline")


@rule("NAP504")
def no_target(ix: PlanIndex, report: Report) -> None:
    for e in ix.actions:
        if e.facts.indicators and not e.facts.with_target:
            _action(report, e, (*e.loc, "indicators"), "NAP504", "has no indicator with a target")


@rule("NAP505")
def no_deadline(ix: PlanIndex, report: Report) -> None:
    for e in ix.actions:
        if not e.facts.with_deadline:
            _action(report, e, e.loc, "NAP505", "has no deadline or timeline")


@rule("NAP506")
def no_budget(ix: PlanIndex, report: Report) -> None:
    for e in ix.actions:
        if e.facts.budget == "missing":
            _action(report, e, e.loc, "NAP506", "has no budget")
        elif e.facts.budget == "not-allocated":
            _action(report, e, (*e.loc, "budget"), "NAP506", "has no budget allocated")


@rule("NAP507")
def no_lead(ix: PlanIndex, report: Report) -> None:
    for e in ix.actions:
        facts = e.facts
        if len(facts.departments) < 2 or len(facts.leads) == 1:
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
        if not goal.actions:
            report.add(loc, "NAP510", f"goal {goal.id} has no action", id=goal.id, pillar=pillar.id)


@rule("NAP511")
def restating_indicator(ix: PlanIndex, report: Report) -> None:
    for e in ix.actions:
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
