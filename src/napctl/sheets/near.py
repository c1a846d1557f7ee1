"""Near-duplicate actor names in an imported table: one actor written several ways.

A table typed by hand names one ministry as "Ministère de la Femme", "Ministere
de la femme", "MINISTÈRE DE LA FEMME." and "Ministère de la Fmme", and one
donor group as "PTF", "PTF." and "PFT". Each would become a department of its
own. Which names are near duplicates is ``napctl.model.near.near`` (the one
mechanism, shared with `napctl validate`'s check of a plan's registry).

Each group of near duplicates is one problem, at the first cell naming one of
them, with every spelling, how many cells give it and the registry entry it
looks like: never one message per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from napctl.model import Plan
from napctl.model.near import near
from napctl.sheets.read import Table
from napctl.sheets.rows import split_actors

_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
#: The columns whose cells name actors.
ACTOR_COLUMNS = ("departments", "lead", "partners")

__all__ = ["near", "near_duplicates", "occurrences"]


@dataclass(slots=True)
class _Group:
    names: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)  # registry entries, as "CODE (name)"


def occurrences(table: Table, columns: dict[str, int]) -> dict[str, list[str]]:
    """Each actor name the actor columns print (brackets aside), with its cells, in order."""
    found: dict[str, list[str]] = {}
    indexes = [columns[c] for c in ACTOR_COLUMNS if c in columns]
    for row in table.rows:
        for index in indexes:
            if index >= len(row):
                continue
            for token in split_actors(row[index].value):
                name = token
                while _BRACKET.search(name) and _BRACKET.sub("", name).strip():
                    name = _BRACKET.sub("", name)
                found.setdefault(name.strip(), []).append(row[index].ref)
    return found


def _registry_names(plan: Plan) -> list[tuple[str, str]]:
    """(a name the registry gives, the entry it belongs to as shown in messages)."""
    out: list[tuple[str, str]] = []
    for dept in plan.departments:
        shown = dept.code if dept.name == dept.code else f"{dept.code} ({dept.name})"
        for name in (dept.code, dept.name, *dept.aliases, *dept.names.values()):
            out.append((name, shown))
    return out


def near_duplicates(
    table: Table, columns: dict[str, int], plan: Plan, new_codes: list[str]
) -> list[str]:
    """One problem (``REF: message``) per group of near-duplicate new actor names."""
    seen = occurrences(table, columns)
    by_fold: dict[str, list[str]] = {}
    for name, refs in seen.items():
        by_fold.setdefault(name.casefold(), []).extend(refs)
    groups: list[_Group] = []
    registry = _registry_names(plan)
    for code in new_codes:
        group = next((g for g in groups if any(near(code, n) for n in g.names)), None)
        if group is None:
            group = _Group()
            groups.append(group)
        group.names.append(code)
        for name, shown in registry:
            if shown not in group.known and near(code, name):
                group.known.append(shown)
    problems = []
    for group in groups:
        if len(group.names) < 2 and not group.known:
            continue
        problems.append(_message(group, by_fold))
    return problems


def _cells(refs: list[str]) -> str:
    first = refs[0].rsplit(":", 1)[-1] if refs else "?"
    return f"1 cell, {first}" if len(refs) == 1 else f"{len(refs)} cells, first {first}"


def _message(group: _Group, by_fold: dict[str, list[str]]) -> str:
    refs = {name: by_fold.get(name.casefold(), []) for name in group.names}
    first = min((r[0] for r in refs.values() if r), key=_ref_order, default="")
    spelled = ", ".join(f'"{name}" ({_cells(refs[name])})' for name in group.names)
    if group.known:
        like = " or ".join(f'"{k}"' for k in group.known)
        what = "actor" if len(group.names) == 1 else "actors"
        verb = "looks" if len(group.names) == 1 else "look"
        return (
            f"{first}: {what} {spelled} {verb} like the registry's {like}: write the"
            " registry's code, or add the spelling to its aliases (or, for another"
            " actor, add that actor to the registry first)"
        )
    return (
        f"{first}: actors {spelled} look like one actor written"
        f" {len(group.names)} ways: write one spelling in every cell (or, for"
        " different actors, add them to the registry first)"
    )


def _ref_order(ref: str) -> tuple[int, str]:
    match = re.search(r"([A-Z]+)(\d+)$", ref)
    return (int(match.group(2)), match.group(1)) if match else (0, ref)
