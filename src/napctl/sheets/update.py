"""`napctl import --update`: the table as the master copy of the texts, indicators and actors.

``merge_table(..., update=True)`` lists what the table says otherwise than the
plan (``Changes.updates``: a key's path in the plan file and the table's value);
``apply_updates`` makes those values the file's, as text edits
(``napctl.yaml.setvalue``), so that every comment, note and key order elsewhere
stays. An indicator the plan writes as a mapping (a key, targets) stays as it is
when the table gives its text unchanged: a table holds texts only. A target column's
targets of indicators already in the plan are set as ``targets`` of the indicator
(``napctl.sheets.targets.target_updates``).
"""

from __future__ import annotations

from typing import Any

import yaml

from napctl.plans.match import THRESHOLD, similarity
from napctl.yaml.edit import TextEdit
from napctl.yaml.setvalue import node_value, set_value

Update = tuple[tuple[str | int, ...], Any]


def _same_indicator(old: Any, new: Any) -> bool:
    return isinstance(old, dict) and isinstance(new, str) and old.get("text") == new


def _same_target(old: Any, new: Any) -> bool:
    """A target as read (texts) stands for the same target given as data."""
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return False
    return {k: str(v) for k, v in old.items()} == {k: str(v) for k, v in new.items()}


def _set_targets(doc: TextEdit, path: tuple[str | int, ...], targets: list[Any]) -> None:
    """Give the indicator at ``path[:-1]`` these targets: a mapping's ``targets`` entries
    change one by one; a plain-text indicator becomes a mapping (its text, targets)."""
    node = doc.at(path[:-1])
    if isinstance(node, yaml.MappingNode):
        set_value(doc, path, targets, _same_target)
        return
    items = node_value(doc.at(path[:-2]))
    items[int(path[-2])] = {"text": node_value(node), "targets": targets}
    set_value(doc, path[:-2], items)


def apply_updates(doc: TextEdit, updates: list[Update]) -> None:
    """Record the edits that give each key of ``updates`` its value (EditError if one
    cannot be made as text; nothing is changed then)."""
    for path, value in updates:
        if path[-1] == "targets":
            _set_targets(doc, path, value)
        elif path[-1] == "indicators":
            set_value(doc, path, value, _same_indicator)
        else:
            set_value(doc, path, value)


def similar_action(
    actions: dict[str, dict[str, Any]], text: str, seen: dict[str, str], texts: set[str]
) -> dict[str, Any] | None:
    """The action of a goal that a row without an id rewords: the most similar one (as
    `napctl diff` matches them) among those no other row of the table gives word for
    word and no row matched before; None when none is similar enough."""
    best, score = None, THRESHOLD
    for action in actions.values():
        if action["id"] in seen or action["text"] in texts:
            continue
        found = similarity(text, action["text"], score)
        if found >= score:
            best, score = action, found
    return best
