"""One index of a plan's registry, built once per plan and shared by every query.

Departments by code and by folded name, children, descendants (memoised),
and the actions naming each department: so listing, counting and rendering
for every department costs what the plan's size costs, whatever the shape of
the registry (a chain 2,000 deep, 10,000 departments side by side).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from napctl.model import ALL, Action, Department, Goal, Pillar, Plan
from napctl.model.names import fold_key

Row = tuple[Pillar, Goal, Action]


class RegistryIndex:
    __slots__ = ("_below", "actions_of", "by_code", "by_key", "children", "codes",
                 "for_all", "order", "plan", "rows")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.order: dict[str, int] = {}
        self.by_code: dict[str, Department] = {}
        self.by_key: dict[str, list[str]] = {}
        self.children: dict[str, list[str]] = {}
        for i, dept in enumerate(plan.departments):
            self.order.setdefault(dept.code, i)
            self.by_code.setdefault(dept.code, dept)
            if dept.parent is not None:
                self.children.setdefault(dept.parent, []).append(dept.code)
            for name in (dept.code, dept.name, *dept.names.values(), *dept.aliases):
                codes = self.by_key.setdefault(fold_key(name), [])
                if dept.code not in codes:
                    codes.append(dept.code)
        #: Every department's code, in registry order (what an action for "All" names).
        self.codes: tuple[str, ...] = tuple(d.code for d in plan.departments)
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

    def descendants(self, code: str) -> tuple[str, ...]:
        """``code`` and every department below it, in registry order."""
        hit = self._below.get(code)
        if hit is None:
            found = {code: None}
            todo = [code]
            while todo:
                for child in self.children.get(todo.pop(), ()):
                    if child not in found:
                        found[child] = None
                        todo.append(child)
            last = len(self.order)
            hit = tuple(sorted(found, key=lambda c: self.order.get(c, last)))
            self._below[code] = hit
        return hit

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


# One index per plan object. A plan is immutable and the memo holds a reference
# to it, so an entry cannot describe another plan that reuses the id.
_INDEXES: dict[int, tuple[Plan, RegistryIndex]] = {}


def registry_index(plan: Plan) -> RegistryIndex:
    hit: Any = _INDEXES.get(id(plan))
    if hit is None or hit[0] is not plan:
        if len(_INDEXES) > 256:
            _INDEXES.clear()
        hit = (plan, RegistryIndex(plan))
        _INDEXES[id(plan)] = hit
    index: RegistryIndex = hit[1]
    return index
