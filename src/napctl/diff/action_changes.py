"""The actions' changes: matched by lineage, id or text, then compared field by field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from napctl.diff.change import Builder, Change, at
from napctl.diff.items import ActionItem, Path
from napctl.plans.match import THRESHOLD, match_texts, similarity

Pair = tuple[ActionItem, ActionItem, str]  # old, new, how they were matched


def actions_changes(
    old: list[ActionItem],
    new: list[ActionItem],
    generation: bool,
    lineage: Mapping[str, Sequence[str]],
    out: Builder,
) -> None:
    pairs, lone_old, lone_new = match_actions(old, new, generation, lineage)
    anchors = _anchors(old, pairs)
    for o, n, how in pairs:
        if how == "id" and o.raw == n.raw and (o.pillar, o.goal) == (n.pillar, n.goal):
            continue  # the same mapping in the same goal: nothing to compare
        for change in action_changes(o, n, how, generation):
            out.add(at(n.path), change)
    for o in lone_old:
        kind = "action-dropped" if generation else "action-removed"
        out.add(
            at(anchors.get(id(o), ()), 1),
            Change(kind, o.id, None, o.text, None, o.path, None, o.id, o.codes),
        )
    for n in lone_new:
        kind = "action-new" if generation else "action-added"
        out.add(at(n.path), Change(kind, n.id, None, None, n.text, None, n.path, None, n.codes))


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
    changes = _across_generations(o, n, codes) if generation else _within_plan(o, n, codes)
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
    changes.extend(_target_changes(o, n, codes))
    changes.extend(_department_changes(o, n))
    if o.notes != n.notes:
        changes.append(_field_change("action-changed", "notes", o, n, codes))
    return changes


def _field_change(
    kind: str, name: str, o: ActionItem, n: ActionItem, codes: tuple[str, ...]
) -> Change:
    """``kind`` for the field ``name`` (id, text or notes) of the action ``o`` became ``n``."""
    before, after = getattr(o, name), getattr(n, name)
    if isinstance(before, (list, tuple)):
        before, after = list(before), list(after)
    return Change(kind, n.id, name, before, after, (*o.path, name), (*n.path, name), o.id, codes)


def _across_generations(o: ActionItem, n: ActionItem, codes: tuple[str, ...]) -> list[Change]:
    """NAP1 -> NAP2: the action carried over as it was, or modified."""
    if o.text == n.text:
        return [Change("action-carried-over", n.id, "id", o.id, n.id, o.path, n.path, o.id, codes)]
    return [_field_change("action-modified", "text", o, n, codes)]


def _within_plan(o: ActionItem, n: ActionItem, codes: tuple[str, ...]) -> list[Change]:
    """Two versions of one plan: the action renumbered, reworded, both or neither."""
    changes: list[Change] = []
    if o.id != n.id:
        changes.append(_field_change("action-renumbered", "id", o, n, codes))
    if o.text != n.text:
        changes.append(_field_change("action-reworded", "text", o, n, codes))
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


def _targets(action: ActionItem) -> dict[str, Any]:
    """The targets of the action's own indicators, by indicator text."""
    found = action.raw.get("indicators") if isinstance(action.raw, dict) else None
    if not isinstance(found, list):
        return {}
    return {
        str(i.get("text")): i.get("targets") or []
        for i in found
        if isinstance(i, dict) and i.get("text") is not None
    }


def _target_changes(o: ActionItem, n: ActionItem, codes: tuple[str, ...]) -> list[Change]:
    """An indicator kept by both whose targets changed (its value, year, unit or text)."""
    before, after = _targets(o), _targets(n)
    changes: list[Change] = []
    for k, indicator in enumerate(n.indicators):
        if indicator not in o.indicators:
            continue
        was, now = before.get(indicator, []), after.get(indicator, [])
        if was != now:
            changes.append(
                Change(
                    "action-indicator-target-changed",
                    n.id,
                    "targets",
                    {"indicator": indicator, "targets": was},
                    {"indicator": indicator, "targets": now},
                    (*o.path, "indicators", o.indicators.index(indicator)),
                    (*n.path, "indicators", k),
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
