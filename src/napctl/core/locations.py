"""Where a problem is, as a person says it: "the 5th department (INT), name" or
"action II.1.1, text", not ``departments.4.name`` or ``pillars.1.goals.0.actions.0.text``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: Lists whose items have an id or a code a person quotes, with the word for one item.
_NAMED_ITEMS = {
    "pillars": "pillar",
    "goals": "goal",
    "actions": "action",
    "departments": "department",
    "reporting": "reporting duty",
    "entries": "entry",
}


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 23 -> '23rd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def spoken_location(data: Any, path: Sequence[str | int]) -> str:
    """``path`` in ``data`` in words; the innermost item with an id names the place."""
    parts: list[str] = []
    value, parent_key = data, None
    for step in path:
        child = _child(value, step)
        if isinstance(step, int):
            parts = _item_parts(parts, parent_key, step, child)
        else:
            parts.append(step)
        value, parent_key = child, step
    return ", ".join(parts) or "top level"


def _child(value: Any, step: str | int) -> Any:
    if isinstance(step, int) and isinstance(value, list) and 0 <= step < len(value):
        return value[step]
    if isinstance(value, dict):
        return value.get(step)
    return None


def _item_parts(parts: list[str], key: str | int | None, index: int, item: Any) -> list[str]:
    word = _NAMED_ITEMS.get(key) if isinstance(key, str) else None
    if word is None:
        name = parts.pop() if parts else "list"
        return [*parts, f"the {ordinal(index + 1)} of {name}"]
    ident = item.get("id") if isinstance(item, dict) else None
    code = item.get("code") if isinstance(item, dict) else None
    if isinstance(ident, str) and ident.strip():
        return [f"{word} {ident}"]  # an id is unique in the plan: it says it all
    if parts and parts[-1] == key:
        parts = parts[:-1]
    label = f"the {ordinal(index + 1)} {word}"
    if isinstance(code, str) and code.strip():
        label += f" ({code})"
    elif isinstance(item, str) and word == "department":
        label += f" ({item})"
    return [*parts, label] if parts else [label]
