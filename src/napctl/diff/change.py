"""The parts of a plan diff: one ``Change``, the ``PlanDiff``, and the builder that keeps
the changes in the plan's order (``napctl.diff.changes`` puts them together)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from napctl.diff.items import Part, Path


@dataclass(frozen=True, slots=True)
class Change:
    """One difference. ``id`` is the item's id in the new plan (the old one if removed)."""

    kind: str
    id: str
    field: str | None = None
    old: Any = None
    new: Any = None
    old_path: Path | None = None
    new_path: Path | None = None
    old_id: str | None = None
    #: The department codes the change concerns (for ``--actor``).
    departments: tuple[str, ...] = ()
    section: str = "plan"


@dataclass(slots=True)
class PlanDiff:
    old_plan: str
    new_plan: str
    generation: bool
    changes: list[Change] = field(default_factory=list)


SortKey = tuple[Any, ...]


def at(path: Path, after: int = 0) -> SortKey:
    """Sort key of a pillar, goal or action: its place in the tree, then ``after``."""
    return (2, tuple(step for step in path if isinstance(step, int)), after)


class Builder:
    def __init__(self) -> None:
        self.keyed: list[tuple[SortKey, int, Change]] = []

    def add(self, key: SortKey, change: Change) -> None:
        self.keyed.append((key, len(self.keyed), change))

    def changes(self) -> list[Change]:
        return [c for _, _, c in sorted(self.keyed, key=lambda k: (k[0], k[1]))]


def first_by_id(parts: Iterable[Part]) -> dict[str, Part]:
    found: dict[str, Part] = {}
    for part in parts:
        found.setdefault(part.id, part)
    return found


def fields_changed(
    was: Part,
    now: Part,
    key: SortKey,
    out: Builder,
    kinds: dict[str, str],
    default: str,
    section: str,
    skip: tuple[str, ...] = (),
) -> None:
    names = list(now.fields) + [k for k in was.fields if k not in now.fields]
    codes = tuple(dict.fromkeys((was.id, now.id))) if section == "registry" else ()
    for name in names:
        before, after = was.fields.get(name), now.fields.get(name)
        if before == after or name in skip:
            continue
        out.add(
            key,
            Change(
                kinds.get(name, default),
                now.id,
                name,
                before,
                after,
                (*was.path, name) if name in was.fields else was.path,
                (*now.path, name) if name in now.fields else now.path,
                was.id,
                codes,
                section,
            ),
        )
