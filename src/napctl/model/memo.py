"""What is computed once per plan object: indexes, matrices, shared by every query.

A plan is immutable and the memo holds a reference to it, so an entry cannot
describe another plan that reuses its id. At most ``LIMIT`` plans are held; past
that the memo starts again (an entry dropped costs one rebuild).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from napctl.model.plan import Plan

T = TypeVar("T")
LIMIT = 256


class PerPlan(Generic[T]):
    """``build(plan)``, once per plan object."""

    __slots__ = ("_build", "_memo")

    def __init__(self, build: Callable[[Plan], T]) -> None:
        self._build = build
        self._memo: dict[int, tuple[Plan, T]] = {}

    def __call__(self, plan: Plan) -> T:
        hit = self._memo.get(id(plan))
        if hit is not None and hit[0] is plan:
            return hit[1]
        if len(self._memo) > LIMIT:
            self._memo.clear()
        value = self._build(plan)
        self._memo[id(plan)] = (plan, value)
        return value

    def clear(self) -> None:
        self._memo.clear()
