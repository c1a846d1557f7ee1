"""The plan-quality rules of ``napctl review``: small functions over a PlanIndex.

Each rule yields hits (where, what) and is registered in ``RULES`` with its
stable code; its level and one-line meaning are the code's in the table of
``napctl.core.codes``. Codes are never reused for another meaning;
``docs/review.md`` explains each rule and its known misses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from napctl.core.codes import TABLE
from napctl.review.index import ActionEntry, Loc, PlanIndex, same_text_key

ReviewLevel = Literal["warning", "info"]


@dataclass(frozen=True, slots=True)
class Hit:
    loc: Loc
    message: str
    id: str | None = None
    pillar: str | None = None


Check = Callable[[PlanIndex], Iterator[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    check: Check

    @property
    def level(self) -> ReviewLevel:
        level = TABLE[self.code].level
        assert level != "error", f"{self.code}: a review rule gives advice, never an error"
        return level

    @property
    def description(self) -> str:
        return TABLE[self.code].meaning


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _hit(entry: ActionEntry, loc: Loc, message: str) -> Hit:
    return Hit(loc, f"action {entry.action.id} {message}", entry.action.id, entry.pillar.id)


def no_indicator(ix: PlanIndex) -> Iterator[Hit]:
    for e in ix.actions:
        if not e.facts.indicators:
            yield _hit(e, e.loc, "has no indicator")


def not_measurable(ix: PlanIndex) -> Iterator[Hit]:
    for e in ix.actions:
        texts = e.action.indicator_texts()
        for i, measurable in enumerate(e.facts.measurable):
            if not measurable:
                yield _hit(e, (*e.loc, "indicators", i),
                           f"has an indicator that is not measurable: '{_short(texts[i])}'")


def no_baseline(ix: PlanIndex) -> Iterator[Hit]:
    for e in ix.actions:
        if e.facts.indicators and not e.facts.with_baseline:
            yield _hit(e, (*e.loc, "indicators"), "has no indicator with a baseline")


def no_target(ix: PlanIndex) -> Iterator[Hit]:
    for e in ix.actions:
        if e.facts.indicators and not e.facts.with_target:
            yield _hit(e, (*e.loc, "indicators"), "has no indicator with a target")


def no_deadline(ix: PlanIndex) -> Iterator[Hit]:
    for e in ix.actions:
        if not e.facts.with_deadline:
            yield _hit(e, e.loc, "has no deadline or timeline")


def no_budget(ix: PlanIndex) -> Iterator[Hit]:
    for e in ix.actions:
        if e.facts.budget == "missing":
            yield _hit(e, e.loc, "has no budget")
        elif e.facts.budget == "not-allocated":
            yield _hit(e, (*e.loc, "budget"), "has no budget allocated")


def no_lead(ix: PlanIndex) -> Iterator[Hit]:
    for e in ix.actions:
        facts = e.facts
        if len(facts.departments) < 2 or len(facts.leads) == 1:
            continue
        count = len(facts.departments)
        if facts.leads:
            yield _hit(e, (*e.loc, "departments"),
                       f"has {count} departments and several leads: {', '.join(facts.leads)}")
        else:
            yield _hit(e, (*e.loc, "departments"), f"has {count} departments and no lead")


def only_all(ix: PlanIndex) -> Iterator[Hit]:
    for e in ix.actions:
        if e.facts.only_all:
            yield _hit(e, (*e.loc, "departments"),
                       "rests only on 'All': no department is accountable for it")


def duplicate_text(ix: PlanIndex) -> Iterator[Hit]:
    first: dict[str, str] = {}
    for e in ix.actions:
        key = same_text_key(e.action.text)
        if key in first:
            yield _hit(e, (*e.loc, "text"), f"has the same text as action {first[key]}")
        else:
            first[key] = e.action.id


def goal_without_action(ix: PlanIndex) -> Iterator[Hit]:
    for pillar, goal, loc in ix.goals:
        if not goal.actions:
            yield Hit(loc, f"goal {goal.id} has no action", goal.id, pillar.id)


def restating_indicator(ix: PlanIndex) -> Iterator[Hit]:
    for e in ix.actions:
        texts = e.action.indicator_texts()
        for i, restating in enumerate(e.facts.restating):
            if restating:
                yield _hit(e, (*e.loc, "indicators", i),
                           f"has an indicator that restates the action: '{_short(texts[i])}'")


def plan_budget(ix: PlanIndex) -> Iterator[Hit]:
    budget = ix.plan.budget
    if budget is None:
        yield Hit(("id",), f"plan {ix.plan.id} states no overall budget")
    elif budget.allocated is False:
        yield Hit(("budget",), f"plan {ix.plan.id} says no budget is allocated")


def plan_monitoring(ix: PlanIndex) -> Iterator[Hit]:
    if ix.plan.monitoring is None and not ix.plan.reporting:
        yield Hit(("id",), f"plan {ix.plan.id} states no monitoring or reporting arrangements")


RULES: dict[str, Rule] = {r.code: r for r in (
    Rule("NAP501", no_indicator),
    Rule("NAP502", not_measurable),
    Rule("NAP503", no_baseline),
    Rule("NAP504", no_target),
    Rule("NAP505", no_deadline),
    Rule("NAP506", no_budget),
    Rule("NAP507", no_lead),
    Rule("NAP508", only_all),
    Rule("NAP509", duplicate_text),
    Rule("NAP510", goal_without_action),
    Rule("NAP511", restating_indicator),
    Rule("NAP512", plan_budget),
    Rule("NAP513", plan_monitoring),
)}
