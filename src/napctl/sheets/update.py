"""`napctl import --update`: the table as the master copy of the texts, indicators and actors.

``merge_table(..., update=True)`` lists what the table says otherwise than the
plan (``Changes.updates``: a key's path in the plan file and the table's value);
``apply_updates`` makes those values the file's, as text edits
(``napctl.yaml.setvalue``), so that every comment, note and key order elsewhere
stays. An indicator the plan writes as a mapping (a key, targets) stays as it is
when the table gives its text unchanged: a table holds texts only.
"""

from __future__ import annotations

from typing import Any

from napctl.plans.match import THRESHOLD, similarity
from napctl.yaml.edit import TextEdit
from napctl.yaml.setvalue import set_value

Update = tuple[tuple[str | int, ...], Any]


def _same_indicator(old: Any, new: Any) -> bool:
    return isinstance(old, dict) and isinstance(new, str) and old.get("text") == new


def apply_updates(doc: TextEdit, updates: list[Update]) -> None:
    """Record the edits that give each key of ``updates`` its value (EditError if one
    cannot be made as text; nothing is changed then)."""
    for path, value in updates:
        same = _same_indicator if path[-1] == "indicators" else None
        if same is None:
            set_value(doc, path, value)
        else:
            set_value(doc, path, value, same)


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
