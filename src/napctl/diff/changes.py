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
from dataclasses import dataclass, field
from typing import Any

from napctl.diff.items import ActionItem, Part, Path, PlanItems
from napctl.model import ALL
from napctl.plans.match import THRESHOLD, match_texts, similarity


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


def _at(path: Path, after: int = 0) -> SortKey:
    """Sort key of a pillar, goal or action: its place in the tree, then ``after``."""
    return (2, tuple(step for step in path if isinstance(step, int)), after)


class _Builder:
    def __init__(self) -> None:
        self.keyed: list[tuple[SortKey, int, Change]] = []

    def add(self, key: SortKey, change: Change) -> None:
        self.keyed.append((key, len(self.keyed), change))

    def changes(self) -> list[Change]:
        return [c for _, _, c in sorted(self.keyed, key=lambda k: (k[0], k[1]))]


def diff_items(
    old: PlanItems, new: PlanItems, lineage: Mapping[str, Sequence[str]] | None = None
) -> PlanDiff:
    """Every change from ``old`` to ``new``; ``lineage`` maps old action ids to new ones."""
    generation = bool(old.plan_id and new.plan_id and old.plan_id != new.plan_id)
    out = _Builder()
    _metadata(old, new, out)
    _registry(old.departments, new.departments, out)
    _parts("pillar", old.pillars, new.pillars, out)
    _parts("goal", old.goals, new.goals, out)
    _actions(old.actions, new.actions, generation, lineage or {}, out)
    return PlanDiff(old.plan_id, new.plan_id, generation, out.changes())


def for_actor(changes: Sequence[Change], codes: frozenset[str]) -> list[Change]:
    """The changes that concern one of ``codes`` (lines for "All" concern everyone)."""
    return [c for c in changes if codes & set(c.departments) or ALL in c.departments]


def _metadata(old: PlanItems, new: PlanItems, out: _Builder) -> None:
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


def _first_by_id(parts: Iterable[Part]) -> dict[str, Part]:
    found: dict[str, Part] = {}
    for part in parts:
        found.setdefault(part.id, part)
    return found


#: What a changed field of a department is called.
_DEPARTMENT_KINDS = {
    "name": "department-renamed",
    "parent": "department-reparented",
    "aliases": "department-aliases-changed",
}


def _registry(old: list[Part], new: list[Part], out: _Builder) -> None:
    before, after = _first_by_id(old), _first_by_id(new)
    removed = [d for d in before.values() if d.id not in after]
    by_name = {str(d.fields.get("name")): d for d in removed if d.fields.get("name")}
    for dept in after.values():
        key = (1, dept.path[1], 0)
        was = before.get(dept.id)
        if was is not None:
            _fields_changed(
                was, dept, key, out, _DEPARTMENT_KINDS, "department-changed", "registry"
            )
            continue
        recoded = by_name.pop(str(dept.fields.get("name")), None)
        if recoded is not None:  # same full name, new code: the same department renamed
            removed.remove(recoded)
            out.add(
                key,
                Change(
                    "department-renamed",
                    dept.id,
                    "code",
                    recoded.id,
                    dept.id,
                    recoded.path,
                    dept.path,
                    recoded.id,
                    (recoded.id, dept.id),
                    "registry",
                ),
            )
            _fields_changed(
                recoded,
                dept,
                key,
                out,
                _DEPARTMENT_KINDS,
                "department-changed",
                "registry",
                skip=("name",),
            )
        else:
            out.add(
                key,
                Change(
                    "department-added",
                    dept.id,
                    None,
                    None,
                    dept.fields.get("name"),
                    None,
                    dept.path,
                    None,
                    (dept.id,),
                    "registry",
                ),
            )
    for dept in removed:
        out.add(
            (1, dept.path[1], 1),
            Change(
                "department-removed",
                dept.id,
                None,
                dept.fields.get("name"),
                None,
                dept.path,
                None,
                dept.id,
                (dept.id,),
                "registry",
            ),
        )


def _fields_changed(
    was: Part,
    now: Part,
    key: SortKey,
    out: _Builder,
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


def _parts(kind: str, old: list[Part], new: list[Part], out: _Builder) -> None:
    before, after = _first_by_id(old), _first_by_id(new)
    for part in after.values():
        was = before.get(part.id)
        key = _at(part.path)
        if was is None:
            out.add(
                key, Change(f"{kind}-added", part.id, None, None, _label(part), None, part.path)
            )
        else:
            _fields_changed(was, part, key, out, {}, f"{kind}-changed", "plan")
    for part in before.values():
        if part.id not in after:
            out.add(
                _at(part.path, 1),
                Change(
                    f"{kind}-removed", part.id, None, _label(part), None, part.path, None, part.id
                ),
            )


def _label(part: Part) -> Any:
    return part.fields.get("title", part.fields.get("text"))


Pair = tuple[ActionItem, ActionItem, str]  # old, new, how they were matched


def _actions(
    old: list[ActionItem],
    new: list[ActionItem],
    generation: bool,
    lineage: Mapping[str, Sequence[str]],
    out: _Builder,
) -> None:
    pairs, lone_old, lone_new = match_actions(old, new, generation, lineage)
    anchors = _anchors(old, pairs)
    for o, n, how in pairs:
        if how == "id" and o.raw == n.raw and (o.pillar, o.goal) == (n.pillar, n.goal):
            continue  # the same mapping in the same goal: nothing to compare
        for change in action_changes(o, n, how, generation):
            out.add(_at(n.path), change)
    for o in lone_old:
        kind = "action-dropped" if generation else "action-removed"
        out.add(
            _at(anchors.get(id(o), ()), 1),
            Change(kind, o.id, None, o.text, None, o.path, None, o.id, o.codes),
        )
    for n in lone_new:
        kind = "action-new" if generation else "action-added"
        out.add(_at(n.path), Change(kind, n.id, None, None, n.text, None, n.path, None, n.codes))


def _anchors(old: list[ActionItem], pairs: list[Pair]) -> dict[int, Path]:
    """For each old action, the new path of the nearest matched action before it."""
    new_of = {id(o): n.path for o, n, _ in pairs}
    anchors: dict[int, Path] = {}
    last: Path = ()
    for action in old:
        last = new_of.get(id(action), last)
        anchors[id(action)] = last
    return anchors


def match_actions(
    old: list[ActionItem],
    new: list[ActionItem],
    generation: bool,
    lineage: Mapping[str, Sequence[str]],
) -> tuple[list[Pair], list[ActionItem], list[ActionItem]]:
    """Matched pairs (by lineage, id or text), then the unmatched old and new actions.

    Within one plan, two actions with the same id are the same action unless
    their texts are not similar and a better partner turns up for either: a
    line removed and the ids below it shifted up is a removal and renumberings,
    not a chain of rewordings.
    """
    new_by_id: dict[str, ActionItem] = {}
    for item in new:
        new_by_id.setdefault(item.id, item)
    pairs: list[Pair] = []
    taken: set[int] = set()  # id() of every action, old or new, already paired
    rest, drops = _linked(old, new_by_id, lineage, pairs, taken)
    doubtful: dict[int, ActionItem] = {}
    by_text = rest
    if not generation:
        by_text = []
        for o in rest:
            same_id = new_by_id.get(o.id)
            if same_id is None or id(same_id) in taken:
                by_text.append(o)
            elif o.text == same_id.text or similarity(o.text, same_id.text, THRESHOLD) >= THRESHOLD:
                pairs.append((o, same_id, "id"))
                taken.update((id(o), id(same_id)))
            else:
                doubtful[id(o)] = same_id
                by_text.append(o)
    new_left = [n for n in new if id(n) not in taken]
    for i, j, _ in match_texts([o.text for o in by_text], [n.text for n in new_left]):
        pairs.append((by_text[i], new_left[j], "text"))
        taken.update((id(by_text[i]), id(new_left[j])))
    for o in by_text:  # no better partner on either side: the same id, reworded
        partner = doubtful.get(id(o))
        if partner is not None and id(o) not in taken and id(partner) not in taken:
            pairs.append((o, partner, "id"))
            taken.update((id(o), id(partner)))
    lone_old = drops + [o for o in by_text if id(o) not in taken]
    return pairs, lone_old, [n for n in new if id(n) not in taken]


def _linked(
    old: list[ActionItem],
    new_by_id: dict[str, ActionItem],
    lineage: Mapping[str, Sequence[str]],
    pairs: list[Pair],
    taken: set[int],
) -> tuple[list[ActionItem], list[ActionItem]]:
    """Pair the lineage file's confirmed links; the old actions left, and confirmed drops."""
    rest: list[ActionItem] = []
    drops: list[ActionItem] = []
    for o in old:
        links = lineage.get(o.id)
        if links is None:
            rest.append(o)
        elif not links:  # an empty list is a confirmed drop: never matched by text
            drops.append(o)
        for target in links or ():
            linked = new_by_id.get(target)
            if linked is not None and id(linked) not in taken:
                pairs.append((o, linked, "lineage"))
                taken.update((id(o), id(linked)))
    return rest, drops


def action_changes(o: ActionItem, n: ActionItem, how: str, generation: bool) -> list[Change]:
    """What differs between two actions known to be the same one."""
    codes = tuple(dict.fromkeys((*o.codes, *n.codes)))
    changes: list[Change] = []
    if generation:
        if o.text == n.text:
            changes.append(
                Change("action-carried-over", n.id, "id", o.id, n.id, o.path, n.path, o.id, codes)
            )
        else:
            changes.append(
                Change(
                    "action-modified",
                    n.id,
                    "text",
                    o.text,
                    n.text,
                    (*o.path, "text"),
                    (*n.path, "text"),
                    o.id,
                    codes,
                )
            )
    else:
        if o.id != n.id:
            changes.append(
                Change(
                    "action-renumbered",
                    n.id,
                    "id",
                    o.id,
                    n.id,
                    (*o.path, "id"),
                    (*n.path, "id"),
                    o.id,
                    codes,
                )
            )
        if o.text != n.text:
            changes.append(
                Change(
                    "action-reworded",
                    n.id,
                    "text",
                    o.text,
                    n.text,
                    (*o.path, "text"),
                    (*n.path, "text"),
                    o.id,
                    codes,
                )
            )
    if (o.pillar, o.goal) != (n.pillar, n.goal) and not generation:
        changes.append(
            Change(
                "action-moved",
                n.id,
                "pillar" if o.pillar != n.pillar else "goal",
                {"pillar": o.pillar, "goal": o.goal},
                {"pillar": n.pillar, "goal": n.goal},
                o.path,
                n.path,
                o.id,
                codes,
            )
        )
    changes.extend(_indicator_changes(o, n, codes))
    changes.extend(_department_changes(o, n))
    if o.notes != n.notes:
        changes.append(
            Change(
                "action-changed",
                n.id,
                "notes",
                list(o.notes),
                list(n.notes),
                (*o.path, "notes"),
                (*n.path, "notes"),
                o.id,
                codes,
            )
        )
    return changes


def _indicator_changes(o: ActionItem, n: ActionItem, codes: tuple[str, ...]) -> list[Change]:
    kept = set(o.indicators) & set(n.indicators)
    gone = [(k, t) for k, t in enumerate(o.indicators) if t not in kept]
    came = [(k, t) for k, t in enumerate(n.indicators) if t not in kept]
    changes: list[Change] = []
    for step in range(max(len(gone), len(came))):
        before = gone[step] if step < len(gone) else None
        after = came[step] if step < len(came) else None
        kind = (
            "action-indicator-changed"
            if before and after
            else "action-indicator-removed"
            if before
            else "action-indicator-added"
        )
        changes.append(
            Change(
                kind,
                n.id,
                "indicators",
                before[1] if before else None,
                after[1] if after else None,
                (*o.path, "indicators", before[0]) if before else None,
                (*n.path, "indicators", after[0]) if after else None,
                o.id,
                codes,
            )
        )
    return changes


def _department_changes(o: ActionItem, n: ActionItem) -> list[Change]:
    before = {a.code: (k, a) for k, a in enumerate(o.assigned)}
    after = {a.code: (k, a) for k, a in enumerate(n.assigned)}
    changes: list[Change] = []
    for code, (k, a) in after.items():
        path = (*n.path, "departments", k)
        if code not in before:
            changes.append(
                Change(
                    "action-department-added",
                    n.id,
                    "departments",
                    None,
                    code,
                    None,
                    path,
                    o.id,
                    (code,),
                )
            )
        elif before[code][1] != a:
            was_k, was = before[code]
            changes.append(
                Change(
                    "action-assignment-changed",
                    n.id,
                    "departments",
                    _assignment(was),
                    _assignment(a),
                    (*o.path, "departments", was_k),
                    path,
                    o.id,
                    (code,),
                )
            )
    for code, (k, _) in before.items():
        if code not in after:
            changes.append(
                Change(
                    "action-department-removed",
                    n.id,
                    "departments",
                    code,
                    None,
                    (*o.path, "departments", k),
                    None,
                    o.id,
                    (code,),
                )
            )
    return changes


def _assignment(a: Any) -> dict[str, Any]:
    return {"code": a.code, "role": a.role, "note": a.note}
