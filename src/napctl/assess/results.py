"""Ratings of a plan's expected results (a goal's ``results:``) beside the government's.

The government reports per action, never per result, so a result's government
side is combined from its actions, for `compare` only: the mean of the places
(``napctl.model.scales.STATUS_VALUES``) of the result's actions whose combined
status has one. Actions not-reported, discontinued or not-applicable are left
out of the mean; a result none of whose actions has such a status is not
compared. This mean is never written back as a status: it is the line a
rating of the result is measured against, nothing more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from napctl.model import Plan
from napctl.model.scales import STATUS_VALUES
from napctl.progress.status import ActionStatus


@dataclass(frozen=True, slots=True)
class PlacedResult:
    """A result of the plan with its pillar and the ids of its actions, in file order."""

    id: str
    pillar: str
    text: str
    actions: tuple[str, ...]


def plan_results(plan: Plan) -> list[PlacedResult]:
    """Every result of the plan, in the order of the file."""
    return [
        PlacedResult(r.id, p.id, r.text, tuple(a.id for a in r.actions))
        for p in plan.pillars
        for g in p.goals
        for r in g.results
    ]


def combined_value(statuses: Sequence[str]) -> Fraction | None:
    """The mean place of the statuses that have one (None when none has)."""
    values = [STATUS_VALUES[s] for s in statuses if s in STATUS_VALUES]
    return None if not values else sum(values, Fraction(0)) / len(values)


def result_statuses(result: PlacedResult, actions: Sequence[ActionStatus]) -> list[str]:
    """The combined government status of each of the result's actions, in its order."""
    by_id = {a.id: a.status for a in actions}
    return [by_id[i] for i in result.actions if i in by_id]


def status_text(statuses: Sequence[str]) -> str:
    """What a result's government side reads as: each status with how many actions have it,
    and the mean place it is compared at (``completed 1, ongoing 2 (mean 2/3)``)."""
    counts: dict[str, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    words = ", ".join(f"{s} {n}" for s, n in counts.items()) or "no actions"
    value = combined_value(statuses)
    return words if value is None else f"{words} (mean {value})"
