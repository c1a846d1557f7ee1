"""Lineage files: the matches between two generations of plans that a person confirmed.

``lineage/<old plan id>--<new plan id>.yaml``::

    old: lu-2018-2023          # the plan the actions come from
    new: lu-2024-2029          # the plan that replaces it
    actions:                   # old action id -> its successor(s) in the new plan
      I.1.1: I.2.1             # carried over or modified (one successor)
      I.1.2: [I.2.2, I.2.3]    # split into two
      I.1.3: []                # dropped, on purpose

Every link is checked: both plan ids must be the two compared and every
action id must exist on its side (``NAP320``); a file of another shape is
``NAP321``. Links that fail a check are not used; the rest are, before any
matching by text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from napctl.core.problems import Problem
from napctl.diff.items import PlanItems


@dataclass(slots=True)
class Lineage:
    file: str
    old: str
    new: str
    links: dict[str, list[str]] = field(default_factory=dict)


def lineage_name(old_plan: str, new_plan: str) -> str:
    return f"lineage/{old_plan}--{new_plan}.yaml"


def read_lineage(path: str) -> tuple[Lineage | None, list[Problem]]:
    """The lineage file at ``path`` (None when it cannot be used) and its problems."""
    from napctl.yaml.safe import load_yaml_file  # lazy: start-up (most diffs have no lineage file)

    doc = load_yaml_file(path)
    if doc.data is None:
        return None, list(doc.problems)
    data = doc.data

    def wrong(loc: tuple[str | int, ...], message: str) -> Problem:
        line, column = doc.position(loc)
        return Problem(path, line, column, "NAP321", message)

    problems: list[Problem] = []
    for key in ("old", "new"):
        if not isinstance(data.get(key), str):
            problems.append(wrong((key,), f"'{key}:' must be a plan id"))
    actions = data.get("actions")
    if not isinstance(actions, dict):
        problems.append(wrong(("actions",), "'actions:' must map old action ids to new ones"))
        actions = {}
    unknown = [k for k in data if k not in ("old", "new", "actions")]
    problems.extend(wrong((k,), f"unknown field '{k}'") for k in unknown)
    links: dict[str, list[str]] = {}
    for old_id, target in actions.items():
        targets = _targets(target)
        if targets is None:
            problems.append(
                wrong(("actions", old_id), "a successor is an action id or a list of them")
            )
        else:
            links[old_id] = targets
    if not (isinstance(data.get("old"), str) and isinstance(data.get("new"), str)):
        return None, problems
    return Lineage(path, str(data["old"]), str(data["new"]), links), problems


def _targets(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def check_lineage(
    lineage: Lineage, old: PlanItems, new: PlanItems
) -> tuple[dict[str, list[str]], list[Problem]]:
    """The links whose both ends exist, and a NAP320 problem for each that does not."""
    from napctl.yaml.safe import load_yaml_file  # lazy: start-up (most diffs have no lineage file)

    doc = load_yaml_file(lineage.file)
    problems: list[Problem] = []

    def missing(loc: tuple[str | int, ...], message: str) -> None:
        line, column = doc.position(loc)
        problems.append(Problem(lineage.file, line, column, "NAP320", message))

    if (lineage.old, lineage.new) != (old.plan_id, new.plan_id):
        missing(
            ("old",),
            f"lineage is for {lineage.old} -> {lineage.new}, not {old.plan_id} -> {new.plan_id}",
        )
        return {}, problems
    old_ids = {a.id for a in old.actions}
    new_ids = {a.id for a in new.actions}
    good: dict[str, list[str]] = {}
    for old_id, targets in lineage.links.items():
        if old_id not in old_ids:
            missing(("actions", old_id), f"action '{old_id}' is not in {old.plan_id}")
            continue
        gone = [t for t in targets if t not in new_ids]
        for target in gone:
            missing(("actions", old_id), f"action '{target}' is not in {new.plan_id}")
        if not gone:
            good[old_id] = targets
    return good, problems
