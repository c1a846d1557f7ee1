"""Each action's history across the versions of a country's plan, as `napctl diff`
follows it (text matching and the lineage files a person confirmed)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from napctl.diff.source import DiffUsageError, compare
from napctl.site.data import PlanData, Step

#: The diff's change kinds that say where an action went (old side -> new side).
_KINDS = {
    "action-carried-over": "carried-over",
    "action-modified": "modified",
    "action-dropped": "dropped",
    "action-new": "new",
}


def link_generations(plans: Sequence[PlanData]) -> None:
    """Fill ``history`` of each plan from the diff of each country's successive plans."""
    by_country: dict[str, list[PlanData]] = {}
    for data in plans:
        by_country.setdefault(data.plan.country_code, []).append(data)
    for same in by_country.values():
        same.sort(key=lambda d: (d.plan.period.start, d.id))
        for old, new in pairwise(same):
            _link(old, new)


def _link(old: PlanData, new: PlanData) -> None:
    try:
        found = compare(old.file, new.file)
    except DiffUsageError:
        return  # a lineage file that cannot be read: no history rather than a wrong one
    if found.diff is None:
        return
    for change in found.diff.changes:
        how = _KINDS.get(change.kind)
        if how is None:
            continue
        if how == "new":
            new.history.setdefault(change.id, []).append(Step(old.id, "", how, "before"))
        elif how == "dropped":
            old.history.setdefault(change.id, []).append(Step(new.id, "", how, "after"))
        else:
            old_id = change.old_id or change.id
            new.history.setdefault(change.id, []).append(Step(old.id, old_id, how, "before"))
            old.history.setdefault(old_id, []).append(Step(new.id, change.id, how, "after"))
