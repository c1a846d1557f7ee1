"""A plan's parts as ``napctl diff`` compares them, read from the YAML data itself.

The data need not be a valid plan: a diff is often run on a broken work in
progress. Whatever has the expected shape is read; anything else is skipped
(its problems are reported by the loader, not here). Each item keeps its path
in the document, so that positions can be found for it later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]

#: Top-level keys compared as parts of their own; every other key is metadata.
STRUCTURE_KEYS = ("departments", "pillars")


@dataclass(frozen=True, slots=True)
class Assigned:
    code: str
    role: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: str
    text: str
    indicators: tuple[str, ...]
    assigned: tuple[Assigned, ...]
    notes: tuple[str, ...]
    pillar: str
    goal: str
    path: Path
    #: The action's mapping as read: equal mappings at the same place need no comparing.
    raw: dict[str, Any]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(a.code for a in self.assigned)


@dataclass(frozen=True, slots=True)
class Part:
    """A pillar, a goal or a department: an id and its own (non-nested) fields."""

    id: str
    fields: dict[str, Any]
    path: Path
    parent: str = ""


@dataclass(frozen=True, slots=True)
class PlanItems:
    plan_id: str
    metadata: dict[str, Any]
    departments: list[Part]
    pillars: list[Part]
    goals: list[Part]
    actions: list[ActionItem]
    #: Expected results (a level between goals and actions), compared by their own fields.
    results: list[Part] = field(default_factory=list)


def text(value: Any) -> str:
    """A value as text: a misspelt or mistyped field still compares as something."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(text(v) for v in value)
    return () if value is None else (text(value),)


def indicator_texts(value: Any) -> tuple[str, ...]:
    """An action's indicators by their texts, written as texts or as mappings (``text:``)."""
    if not isinstance(value, list):
        return texts(value)
    return tuple(text(v.get("text")) if isinstance(v, dict) else text(v) for v in value)


def _mappings(value: Any) -> list[tuple[int, dict[str, Any]]]:
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]


def _assigned(value: Any) -> tuple[Assigned, ...]:
    out: list[Assigned] = []
    for entry in value if isinstance(value, list) else []:
        if isinstance(entry, dict):
            role, note = entry.get("role"), entry.get("note")
            out.append(
                Assigned(
                    text(entry.get("code")),
                    None if role is None else text(role),
                    None if note is None else text(note),
                )
            )
        elif entry is not None:
            out.append(Assigned(text(entry), None, None))
    return tuple(out)


def _own_fields(data: dict[str, Any], *nested: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "id" and k not in nested}


def _action_item(action: dict[str, Any], pillar_id: str, goal_id: str, path: Path) -> ActionItem:
    return ActionItem(
        id=text(action.get("id")),
        text=text(action.get("text")),
        indicators=indicator_texts(action.get("indicators")),
        assigned=_assigned(action.get("departments")),
        notes=texts(action.get("notes")),
        pillar=pillar_id,
        goal=goal_id,
        path=path,
        raw=action,
    )


def plan_items(data: dict[str, Any]) -> PlanItems:
    """Every part of the plan ``data`` that can be read, in the file's order."""
    metadata = {k: v for k, v in data.items() if k not in STRUCTURE_KEYS}
    departments = [
        Part(text(d.get("code")), {k: v for k, v in d.items() if k != "code"}, ("departments", i))
        for i, d in _mappings(data.get("departments"))
    ]
    pillars: list[Part] = []
    goals: list[Part] = []
    results: list[Part] = []
    actions: list[ActionItem] = []
    for p, pillar in _mappings(data.get("pillars")):
        pillar_id = text(pillar.get("id"))
        pillars.append(Part(pillar_id, _own_fields(pillar, "goals"), ("pillars", p)))
        for g, goal in _mappings(pillar.get("goals")):
            goal_id = text(goal.get("id"))
            goal_path: Path = ("pillars", p, "goals", g)
            goals.append(
                Part(goal_id, _own_fields(goal, "actions", "results"), goal_path, pillar_id)
            )
            for a, action in _mappings(goal.get("actions")):
                actions.append(_action_item(action, pillar_id, goal_id, (*goal_path, "actions", a)))
            # A result is compared by its own fields (its text, indicators and actors
            # once), and its actions by what each writes itself.
            for r, result in _mappings(goal.get("results")):
                r_path: Path = (*goal_path, "results", r)
                own = _own_fields(result, "actions")
                results.append(Part(text(result.get("id")), own, r_path, goal_id))
                for a, action in _mappings(result.get("actions")):
                    actions.append(
                        _action_item(action, pillar_id, goal_id, (*r_path, "actions", a))
                    )
    return PlanItems(text(data.get("id")), metadata, departments, pillars, goals, actions, results)
