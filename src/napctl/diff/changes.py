"""What changed between two versions of a plan, or between two generations of plans.

``diff_items(old, new)`` compares two ``PlanItems`` (see ``napctl.diff.items``)
and returns the changes in the plan's order: metadata, then the department
registry, then pillars, goals and actions as they appear in the new plan
(what was removed comes where it stood). Two plans with different ids are two
generations (NAP1 -> NAP2): their actions are matched by text similarity
(``napctl.plans.match``) and by the confirmed links of a lineage file
(``napctl.diff.lineage``), and each is said to be carried over, modified, new or
dropped. Within one plan, an action whose id changed but whose text is
similar is a renumbering, not a removal plus an addition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from napctl.diff.action_changes import action_changes, actions_changes, match_actions
from napctl.diff.change import Builder, Change, PlanDiff, at, fields_changed, first_by_id
from napctl.diff.items import Part, Path, PlanItems
from napctl.diff.registry_changes import registry_changes
from napctl.model import ALL

__all__ = ["Change", "PlanDiff", "action_changes", "diff_items", "for_actor", "match_actions"]


def diff_items(
    old: PlanItems, new: PlanItems, lineage: Mapping[str, Sequence[str]] | None = None
) -> PlanDiff:
    """Every change from ``old`` to ``new``; ``lineage`` maps old action ids to new ones."""
    generation = bool(old.plan_id and new.plan_id and old.plan_id != new.plan_id)
    out = Builder()
    _metadata(old, new, out)
    registry_changes(old.departments, new.departments, out)
    _parts("pillar", old.pillars, new.pillars, out)
    _parts("goal", old.goals, new.goals, out)
    _parts("result", old.results, new.results, out)
    actions_changes(old.actions, new.actions, generation, lineage or {}, out)
    return PlanDiff(old.plan_id, new.plan_id, generation, out.changes())


def for_actor(changes: Sequence[Change], codes: frozenset[str]) -> list[Change]:
    """The changes that concern one of ``codes`` (lines for "All" concern everyone)."""
    return [c for c in changes if codes & set(c.departments) or ALL in c.departments]


def _metadata(old: PlanItems, new: PlanItems, out: Builder) -> None:
    plan_id = new.plan_id or old.plan_id
    for rank, (path, before, after, in_old, in_new) in enumerate(
        _field_pairs(old.metadata, new.metadata, ())
    ):
        out.add(
            (0, rank),
            Change(
                "metadata-changed",
                plan_id,
                ".".join(str(p) for p in path),
                before,
                after,
                path if in_old else None,
                path if in_new else None,
                section="metadata",
            ),
        )


def _field_pairs(
    old: Mapping[str, Any], new: Mapping[str, Any], prefix: Path
) -> Iterable[tuple[Path, Any, Any, bool, bool]]:
    """Each changed field, one mapping deep (``period.end``, not the whole period)."""
    for key in [*new, *(k for k in old if k not in new)]:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        path = (*prefix, key)
        if isinstance(before, dict) and isinstance(after, dict) and not prefix:
            yield from _field_pairs(before, after, path)
        else:
            yield path, before, after, key in old, key in new


def _parts(kind: str, old: list[Part], new: list[Part], out: Builder) -> None:
    before, after = first_by_id(old), first_by_id(new)
    for part in after.values():
        was = before.get(part.id)
        key = at(part.path)
        if was is None:
            out.add(
                key, Change(f"{kind}-added", part.id, None, None, _label(part), None, part.path)
            )
        else:
            fields_changed(was, part, key, out, {}, f"{kind}-changed", "plan")
    for part in before.values():
        if part.id not in after:
            out.add(
                at(part.path, 1),
                Change(
                    f"{kind}-removed", part.id, None, _label(part), None, part.path, None, part.id
                ),
            )


def _label(part: Part) -> Any:
    return part.fields.get("title", part.fields.get("text"))
