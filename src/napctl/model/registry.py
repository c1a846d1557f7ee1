"""One index of a plan's registry, built once per plan and shared by every query.

Departments by code and by folded name, children, descendants (memoised),
and the actions naming each department: so listing, counting and rendering
for every department costs what the plan's size costs, whatever the shape of
the registry (a chain 2,000 deep, 10,000 departments side by side).
"""

from __future__ import annotations

from collections.abc import Iterable

from napctl.model import ALL, Action, Department, Goal, Pillar, Plan, Result
from napctl.model.memo import PerPlan
from napctl.model.names import fold_key

Row = tuple[Pillar, Goal, Action]


class RegistryIndex:
    __slots__ = (
        "_below",
        "_by_id",
        "_collected",
        "_collectors",
        "_duties",
        "_duty_sets",
        "_reporting",
        "_result_of",
        "_shared",
        "actions_of",
        "by_code",
        "by_key",
        "children",
        "codes",
        "for_all",
        "members",
        "order",
        "plan",
        "rows",
    )

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.order: dict[str, int] = {}
        self.by_code: dict[str, Department] = {}
        self.by_key: dict[str, list[str]] = {}
        self.children: dict[str, list[str]] = {}
        #: Grouping code -> the units that name it in ``groups`` (besides their parent).
        self.members: dict[str, list[str]] = {}
        for i, dept in enumerate(plan.departments):
            self.order.setdefault(dept.code, i)
            self.by_code.setdefault(dept.code, dept)
            if dept.parent is not None:
                self.children.setdefault(dept.parent, []).append(dept.code)
            for group in dict.fromkeys(dept.groups):
                self.members.setdefault(group, []).append(dept.code)
            for name in (dept.code, dept.name, *dept.names.values(), *dept.aliases):
                codes = self.by_key.setdefault(fold_key(name), [])
                if dept.code not in codes:
                    codes.append(dept.code)
        #: Every code once, in registry order.
        self.codes: tuple[str, ...] = tuple(self.order)
        self.rows: list[Row] = list(plan.actions())
        self.actions_of: dict[str, list[int]] = {}
        self.for_all: list[int] = []
        for n, (_, _, action) in enumerate(self.rows):
            codes = action.codes()
            if ALL in codes:
                self.for_all.append(n)
            for code in dict.fromkeys(codes):
                self.actions_of.setdefault(code, []).append(n)
        self._below: dict[str, tuple[str, ...]] = {}
        self._by_id: dict[str, Row] | None = None
        self._duties: dict[str, list[str]] | None = None
        self._duty_sets: dict[str, frozenset[str]] = {}
        self._reporting: tuple[str, ...] | None = None
        self._collectors: tuple[str, ...] | None = None
        self._collected: list[int] | None = None
        self._shared: dict[str, str] | None = None
        self._result_of: dict[str, Result] | None = None

    @property
    def result_of(self) -> dict[str, Result]:
        """Action id -> the expected result it is under (actions under one only)."""
        if self._result_of is None:
            self._result_of = {
                p.action.id: p.result for p in self.plan.walk() if p.result is not None
            }
        return self._result_of

    @property
    def shared_indicators(self) -> dict[str, str]:
        """Action id -> the id of the result whose indicators the action reports on
        (only actions that name no indicators of their own)."""
        if self._shared is None:
            self._shared = {
                p.action.id: p.result.id
                for p in self.plan.walk()
                if p.result is not None and p.shared_indicators
            }
        return self._shared

    @property
    def reporting(self) -> tuple[str, ...]:
        """The codes of the actors that owe progress reports, in registry order."""
        if self._reporting is None:
            self._reporting = tuple(c for c in self.codes if self.by_code[c].reporting)
        return self._reporting

    @property
    def collectors(self) -> tuple[str, ...]:
        """The bodies that report for actors who do not (``reporting[].collected_by``)."""
        if self._collectors is None:
            named = (d.collected_by for d in self.plan.reporting if d.collected_by)
            self._collectors = tuple(c for c in dict.fromkeys(named) if c in self.by_code)
        return self._collectors

    def collected(self, code: str) -> list[int]:
        """Positions of the actions ``code`` reports on for actors who do not (none of
        their reporting actors answers for them), in plan order; [] unless it collects."""
        if code not in self.collectors:
            return []
        if self._collected is None:
            self._collected = [
                n
                for n, (_, _, action) in enumerate(self.rows)
                if not action.for_all and self.reporters(action) == self.collectors
            ]
        return self._collected

    def reporters(self, action: Action) -> tuple[str, ...]:
        """Who reports on ``action``: its reporting actors in a role that answers for
        it (all reporting actors for 'All'); when none does, the collecting bodies."""
        if action.for_all:
            return self.reporting
        by_code = self.by_code
        found = tuple(
            c for c in dict.fromkeys(action.duty_codes()) if c in by_code and by_code[c].reporting
        )
        return found or self.collectors

    @property
    def actions(self) -> dict[str, Row]:
        """Action id -> (pillar, goal, action); the first of a repeated id."""
        if self._by_id is None:
            self._by_id = {}
            for row in self.rows:
                self._by_id.setdefault(row[2].id, row)
        return self._by_id

    @property
    def duties(self) -> dict[str, list[str]]:
        """Department code -> the ids of the actions it reports on, in plan order
        (an action for All is every department's duty)."""
        if self._duties is None:
            duties: dict[str, list[str]] = {c: [] for c in self.codes}
            for _, _, action in self.rows:
                for code in self.reporters(action):
                    duties[code].append(action.id)
            self._duties = duties
        return self._duties

    def duty_set(self, code: str) -> frozenset[str]:
        found = self._duty_sets.get(code)
        if found is None:
            found = self._duty_sets[code] = frozenset(self.duties.get(code, ()))
        return found

    def descendants(self, code: str) -> tuple[str, ...]:
        """``code`` and every department below it (its units, and the members of a
        grouping), in registry order."""
        hit = self._below.get(code)
        if hit is None:
            found = {code: None}
            todo = [code]
            while todo:
                top = todo.pop()
                for child in (*self.children.get(top, ()), *self.members.get(top, ())):
                    if child not in found:
                        found[child] = None
                        todo.append(child)
            last = len(self.order)
            hit = tuple(sorted(found, key=lambda c: self.order.get(c, last)))
            self._below[code] = hit
        return hit

    def within(self, code: str, depth: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``code`` and its units down to ``depth`` levels below it, in registry order,
        and the units one level further down (each the top of a branch left out).

        Every department is within ``depth + 1`` departments' reach and beyond
        one's, so asking this of every department costs the registry's size
        times ``depth + 2``, however deep the registry goes.
        """
        found: dict[str, None] = {code: None}
        level = [code]
        for _ in range(depth):
            below = []
            for parent in level:
                for child in self.children.get(parent, ()):
                    if child not in found:
                        found[child] = None
                        below.append(child)
            level = below
        beyond = dict.fromkeys(
            child
            for parent in level
            for child in self.children.get(parent, ())
            if child not in found
        )
        return tuple(self.in_order(found)), tuple(self.in_order(beyond))

    def subtree_counts(self) -> dict[str, int]:
        """Per department: how many actions name it or a unit below it.

        One pass from the leaves up; a parent takes over its largest unit's set
        of actions and adds the others' to it, so a chain 10,000 deep costs
        about what its actions cost, not the square of its depth.
        """
        counts: dict[str, int] = {}
        sets: dict[str, set[int]] = {}
        seen: set[str] = set()
        for start in self.order:
            stack: list[tuple[str, bool]] = [(start, False)]
            while stack:
                code, finished = stack.pop()
                if finished:
                    counts[code] = len(self._gather(code, sets))
                elif code not in seen:
                    seen.add(code)
                    stack.append((code, True))
                    stack.extend((c, False) for c in self.children.get(code, ()) if c not in seen)
        # A grouping's members are units of another parent too: counted apart, so the
        # one-parent pass above stays linear.
        for group in self.members:
            if group in counts:
                counts[group] = len(self.positions(self.descendants(group)))
        return counts

    def _gather(self, code: str, sets: dict[str, set[int]]) -> set[int]:
        mine = set(self.actions_of.get(code, ()))
        for child in self.children.get(code, ()):
            theirs = sets.pop(child, None)  # None: taken already, or a cycle
            if theirs is None:
                continue
            if len(theirs) > len(mine):
                mine, theirs = theirs, mine
            mine |= theirs
        sets[code] = mine
        return mine

    def named(self, name: str) -> tuple[str, ...]:
        """The codes whose code, name or alias folds like ``name``, in registry order."""
        return tuple(self.by_key.get(fold_key(name), ()))

    def positions(self, codes: Iterable[str], *, with_all: bool = False) -> list[int]:
        """Positions (in ``rows``) of the actions naming any of ``codes``, in plan order."""
        found: set[int] = set()
        for code in codes:
            found.update(self.actions_of.get(code, ()))
        if with_all:
            found.update(self.for_all)
        return sorted(found)

    def in_order(self, codes: Iterable[str]) -> list[str]:
        last = len(self.order)
        return sorted(codes, key=lambda c: self.order.get(c, last))


#: The plan's index, built once per plan object.
registry_index: PerPlan[RegistryIndex] = PerPlan(RegistryIndex)
