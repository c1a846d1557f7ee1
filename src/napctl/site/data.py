"""What the site is built from: each plan with its progress, year by year.

Computed once per plan (not per language), one plan at a time: each year's status of every action
and department, each department's entries, and each action's history across
plan versions (``history.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

from napctl.model import Plan
from napctl.model.assessment import Assessment
from napctl.model.plan import Placed
from napctl.model.progress import Entry, ProgressReport
from napctl.model.registry import registry_index
from napctl.progress.status import (
    DepartmentCount,
    PlanStatus,
    entries_by_department,
    year_status,
)


@dataclass(frozen=True, slots=True)
class Step:
    """One link of an action's history: the same action in another plan."""

    plan: str
    action: str
    #: carried-over, modified, dropped, new (the diff's words), seen from this plan.
    how: str
    #: "before" (the action came from there) or "after" (it went there).
    side: str


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """Where each actor appears, found in one walk of the plan: a department's page looks
    its own actions up instead of walking every action (pages times actions)."""

    places: list[Placed]
    #: Each code's actions (their indices in ``places``), once each, in plan order.
    by_code: dict[str, list[int]]
    #: The actions every department answers for (``for_all``).
    for_all: list[int]
    #: The first action of each id (an action page shows the first of an id).
    first: dict[str, int]

    @classmethod
    def of(cls, plan: Plan) -> ActorIndex:
        index = cls(list(plan.walk()), {}, [], {})
        for i, place in enumerate(index.places):
            for code in dict.fromkeys(a.code for a in place.action.assignments()):
                index.by_code.setdefault(code, []).append(i)
            if place.action.for_all:
                index.for_all.append(i)
            index.first.setdefault(place.action.id, i)
        return index

    def first_placed(self, action_id: str) -> Placed | None:
        """The first action with ``action_id``, with its pillar, goal and result."""
        found = self.first.get(action_id)
        return None if found is None else self.places[found]

    def actions_of(self, code: str, *, with_for_all: bool = False) -> list[Placed]:
        """The actions naming ``code`` (and, asked, those for all), in plan order."""
        found = self.by_code.get(code, [])
        if with_for_all and self.for_all:
            found = sorted({*found, *self.for_all})
        return [self.places[i] for i in found]


@dataclass(slots=True)
class PlanData:
    plan: Plan
    file: str
    reports: list[ProgressReport]
    #: The years from the plan's start to the last year anyone reported (none: empty).
    years: list[int]
    status: dict[int, PlanStatus]
    entries: dict[int, dict[str, dict[str, Entry]]]
    invalid: list[str] = field(default_factory=list)
    history: dict[str, list[Step]] = field(default_factory=dict)
    #: Each year's rendered reports (file name -> text), made once for every language.
    rendered: dict[int, dict[str, str]] = field(default_factory=dict)
    #: Each indicator's series as records (``render/indicators.indicator_rows``), made
    #: once for every language; None until a page asks.
    indicators: list[dict[str, Any]] | None = None
    #: The independent assessments of the plan (``--assessments``), in the order found.
    assessments: list[Assessment] = field(default_factory=list)
    _actors: ActorIndex | None = None
    #: ``indicators`` by action id, made with them.
    indicators_by_action: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _counts_of: dict[str, list[tuple[int, DepartmentCount]]] | None = None

    @property
    def id(self) -> str:
        return self.plan.id

    def actors(self) -> ActorIndex:
        """Where each actor appears (made at the first page that asks)."""
        if self._actors is None:
            self._actors = ActorIndex.of(self.plan)
        return self._actors

    def counts_of(self, code: str) -> list[tuple[int, DepartmentCount]]:
        """A department's count of actions and reports, year by year."""
        if self._counts_of is None:
            self._counts_of = {}
            for year in self.years:
                for count in self.status[year].departments:
                    self._counts_of.setdefault(count.department, []).append((year, count))
        return self._counts_of.get(code, [])

    def entry(self, year: int, code: str, action_id: str) -> Entry | None:
        return self.entries.get(year, {}).get(code, {}).get(action_id)


@dataclass(slots=True)
class SiteData:
    plans: list[PlanData]
    languages: list[str]
    lang: str = "en"
    base_url: str | None = None
    date: str | None = None
    #: Whether the site has a search index (Pagefind was found).
    search: bool = False
    #: Assessment files given (their pages come with the assessments work).
    assessments: list[str] = field(default_factory=list)
    #: The Jinja environment of the build (the reports' templates are compiled once).
    env: Environment | None = None
    #: Every plan of the site, including those whose pages are not being built now
    #: (an action's history links to its versions in the other plans).
    plan_ids: frozenset[str] = frozenset()

    def has_plan(self, plan_id: str) -> bool:
        return plan_id in self.plan_ids or any(p.id == plan_id for p in self.plans)


def plan_data(
    plan: Plan, file: str, reports: Sequence[ProgressReport], invalid: Sequence[str] = ()
) -> PlanData:
    """One plan and its progress: every year's status, from the plan's first year to the
    last one reported."""
    own = [r for r in reports if r.plan == plan.id]
    reported = sorted({r.year for r in own})
    years = list(range(min(plan.period.start, reported[0]), reported[-1] + 1)) if reported else []
    index = registry_index(plan)
    status = {y: year_status(plan, index, own, y) for y in years}
    entries = {y: entries_by_department(own, plan.id, y) for y in years}
    return PlanData(plan, file, own, years, status, entries, sorted(invalid))
