"""What the plan-quality review knows about each action, computed once per plan.

Every rule of ``napctl.review.rules`` and the scorecard of ``napctl.review.summary``
read this index; none walks the plan again, so a review is linear in the size
of the plan. The two text heuristics (is an indicator measurable? does it only
restate its action?) live here and are documented in ``docs/review.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from napctl.model import ALL, Action, Goal, Indicator, Pillar, Placed, Plan, Result
from napctl.model.types import DUTY_ROLES
from napctl.plans.match import words
from napctl.review.words import MEASURE_WORDS

Loc = tuple[str | int, ...]

#: The roles that make a department the one accountable for an action.
LEAD_ROLES = frozenset({"lead", "coordination"})
#: Indicator types that carry a measurement of their own.
MEASURED_TYPES = frozenset({"number", "percent", "yes-no"})
#: Function words left out when comparing an indicator with its action.
STOP_WORDS = frozenset(
    {
        "with",
        "from",
        "into",
        "their",
        "this",
        "that",
        "these",
        "those",
        "within",
        "each",
        "other",
        "such",
        "more",
        "also",
        "where",
        "which",
        "been",
        "being",
        "have",
        "were",
        "will",
        "shall",
        "them",
        "they",
        "when",
        "there",
        "than",
        "well",
        "both",
        "between",
        "through",
        "about",
        "under",
        "over",
        "only",
        "order",
        "must",
        "should",
        "including",
    }
)
#: Words are compared by their first letters, so "training" meets "train".
STEM = 5


def stems(text: str) -> set[str]:
    """The content words of ``text`` by their first letters (digits and short words left out)."""
    return {
        w[:STEM] for w in words(text) if len(w) >= 4 and w not in STOP_WORDS and not w.isdigit()
    }


def text_is_measurable(text: str) -> bool:
    """True when the text names a count, a share or a number (see docs/review.md), in
    any language of the word catalog (``napctl.review.words``)."""
    if "%" in text or any(c.isdigit() for c in text):
        return True
    return any(w in MEASURE_WORDS for w in words(text))


def is_measurable(indicator: str | Indicator) -> bool:
    if isinstance(indicator, str):
        return text_is_measurable(indicator)
    if indicator.type in MEASURED_TYPES or indicator.unit is not None:
        return True
    if indicator.baseline is not None or indicator.targets:
        return True
    return text_is_measurable(indicator.text)


def restates(indicator_text: str, action_stems: set[str]) -> bool:
    """True when every content word of the indicator is already in its action."""
    mine = stems(indicator_text)
    return bool(mine) and mine <= action_stems and not text_is_measurable(indicator_text)


def same_text_key(text: str) -> str:
    """Texts that differ only in case, accents, spacing and punctuation are the same."""
    return " ".join(words(text))


@dataclass(frozen=True, slots=True)
class ActionFacts:
    indicators: int
    measurable: tuple[bool, ...]
    restating: tuple[bool, ...]
    with_baseline: bool
    with_target: bool
    with_deadline: bool
    #: "given", "not-allocated" (the plan says so) or "missing"
    budget: str
    #: The action's departments, "All" left out.
    departments: tuple[str, ...]
    only_all: bool
    leads: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActionEntry:
    pillar: Pillar
    goal: Goal
    action: Action
    loc: Loc
    facts: ActionFacts
    #: The expected result the action is under, and where it is in the file.
    result: Result | None = None
    result_loc: Loc = ()
    #: True when the action's indicators are its result's (judged once, on the result).
    shared_indicators: bool = False


@dataclass(slots=True)
class PlanIndex:
    plan: Plan
    file: str
    actions: list[ActionEntry] = field(default_factory=list)
    goals: list[tuple[Pillar, Goal, Loc]] = field(default_factory=list)


def action_facts(action: Action) -> ActionFacts:
    own = stems(action.text)
    texts = action.indicator_texts()
    structured = [i for i in action.indicators if isinstance(i, Indicator)]
    budget = action.budget
    if budget is None:
        money = "missing"
    else:
        money = "not-allocated" if budget.allocated is False else "given"
    leads = {a.code for a in action.assignments() if a.role in LEAD_ROLES}
    if action.lead is not None:
        leads.add(action.lead)
    codes = [a.code for a in action.assignments() if a.role in DUTY_ROLES]
    return ActionFacts(
        indicators=len(texts),
        measurable=tuple(is_measurable(i) for i in action.indicators),
        restating=tuple(restates(t, own) for t in texts),
        with_baseline=any(i.baseline is not None for i in structured),
        with_target=any(i.targets for i in structured),
        with_deadline=action.deadline is not None or action.timeline is not None,
        budget=money,
        departments=tuple(c for c in codes if c != ALL),
        only_all=codes == [ALL],
        leads=tuple(sorted(leads)),
    )


def index_plan(plan: Plan, file: str) -> PlanIndex:
    index = PlanIndex(plan, file)
    for p, pillar in enumerate(plan.pillars):
        for g, goal in enumerate(pillar.goals):
            index.goals.append((pillar, goal, ("pillars", p, "goals", g)))
    index.actions.extend(_entry(placed) for placed in plan.walk())
    return index


def _entry(placed: Placed) -> ActionEntry:
    action = placed.action
    result_loc = placed.path[:-2] if placed.result is not None else ()
    return ActionEntry(
        placed.pillar,
        placed.goal,
        action,
        placed.path,
        action_facts(action),
        placed.result,
        result_loc,
        placed.shared_indicators,
    )
