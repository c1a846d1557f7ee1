"""A block of actions renumbered together, found across an amendment.

The diff's matching (``napctl.diff.changes.match_actions``) keeps an action
whose id stayed and whose text is still similar. When an amendment inserts
actions and the block below moves down (III.4.1-III.4.3 become III.4.4-III.4.6,
their wording touched), and the actions now at III.4.1-III.4.3 read much like
the old ones ("Train police …", "Train judges …"), the id wins and the reports
would stay on the new actions. Here each action kept by its id is compared
with every action of the new version; where another is clearly closer, by the
same scoring the diff uses (``napctl.plans.match.similarity``), it is a
candidate move. Moves within one parent (goal) that all shift the number by
the same amount are a block renumbered and are taken; moves that do not agree,
or an action about as close to two others, are ambiguous: reported, and
nothing changes for those ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from napctl.diff.items import ActionItem
from napctl.plans.match import THRESHOLD, similarity

#: How much closer another action must be than the one of the same id to be a move.
MARGIN = 0.05
#: Two candidates this close to each other are a tie: ambiguous.
TIE = 0.02
_NUMBERED = re.compile(r"^(.*?)([0-9]+)$")


@dataclass(slots=True)
class Shifts:
    """What the block search found: old id -> new id taken, old id -> the new ids it
    is about as close to (ambiguous), and new ids left without an old partner."""

    moves: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    freed: list[str] = field(default_factory=list)


def _number(action_id: str) -> tuple[str, int] | None:
    found = _NUMBERED.match(action_id)
    return (found.group(1), int(found.group(2))) if found else None


def _closer(o: ActionItem, same: ActionItem, new: Sequence[ActionItem]) -> list[ActionItem]:
    """The new actions clearly closer to ``o`` than ``same`` (the best and its ties)."""
    own = similarity(o.text, same.text)
    scored = sorted(
        ((similarity(o.text, n.text, THRESHOLD), n) for n in new if n is not same),
        key=lambda pair: -pair[0],
    )
    if not scored or scored[0][0] < max(THRESHOLD, own + MARGIN):
        return []
    best = scored[0][0]
    return [n for score, n in scored if best - score <= TIE]


def find_shifts(
    pairs: Sequence[tuple[ActionItem, ActionItem, str]], new: Sequence[ActionItem]
) -> Shifts:
    """Blocks renumbered together among ``pairs`` the diff matched by id (see above)."""
    found = Shifts()
    candidates: dict[str, list[tuple[ActionItem, ActionItem, ActionItem]]] = {}
    for o, n, how in pairs:
        if how != "id" or o.text == n.text:
            continue
        closer = _closer(o, n, new)
        if len(closer) > 1:
            found.ambiguous[o.id] = [n.id, *(c.id for c in closer)]
        elif closer:
            key = _number(o.id)
            candidates.setdefault(key[0] if key else o.id, []).append((o, n, closer[0]))
    for moves in candidates.values():
        deltas = {_delta(o.id, target.id) for o, _, target in moves}
        if len(deltas) != 1 or None in deltas:  # not one block moved by one step
            for o, n, target in moves:
                found.ambiguous[o.id] = [n.id, target.id]
            continue
        for o, _, target in moves:
            found.moves[o.id] = target.id
        targets = {target.id for _, _, target in moves}
        found.freed += [n.id for _, n, _ in moves if n.id not in targets]
    return found


def _delta(old_id: str, new_id: str) -> int | None:
    """How far ``new_id`` is from ``old_id`` under the same parent (None: another parent)."""
    old, new = _number(old_id), _number(new_id)
    if old is None or new is None or old[0] != new[0]:
        return None
    return new[1] - old[1]
