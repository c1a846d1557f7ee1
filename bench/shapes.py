"""Plans of hostile shapes for row 8 and tests/hostile (issue 20, class 1).

``deep_chain(n)``: n departments, each the parent of the next, 20 actions spread over them.
``wide_registry(n)``: n departments side by side and n actions, one each.
``revised(text)``: the same plan with a few actions changed, one dropped and one
added (the other side of `napctl diff` in row 8).
All are valid plans, written as plain YAML text.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEAD = """id: shape-2020-2022
title: A plan of a hostile shape
country: Exampleland
country_code: XX
period: {start: 2020, end: 2022}
language: en
coordination:
  departments: [D0]
source:
  title: Generated
  publisher: bench/shapes.py
  language: en
"""


#: What ``revised`` does: these actions get a new text, this one is dropped.
REVISED_ACTIONS = (1, 4, 7)
DROPPED_ACTION = 10


def _plan(n: int, *, chain: bool, actions: int | None = None) -> str:
    actions = n if actions is None else actions
    out = [HEAD, "departments:\n"]
    for i in range(n):
        out.append(f"  - code: D{i}\n    name: Department {i}\n")
        if chain and i:
            out.append(f"    parent: D{i - 1}\n")
    out.append(
        "pillars:\n  - id: P1\n    title: Participation\n"
        "    un_pillars: [participation]\n    goals:\n"
    )
    per_goal = 100
    step = max(1, n // actions)
    for g in range((actions + per_goal - 1) // per_goal):
        out.append(f"      - id: G{g}\n        text: Goal {g}\n        actions:\n")
        for i in range(g * per_goal, min(actions, (g + 1) * per_goal)):
            dept = min(n - 1, i * step)
            out.append(
                f"          - id: A{i}\n            text: Action {i} for department"
                f" {dept}\n            indicators: [Indicator {i}]\n"
                f"            departments: [D{dept}]\n"
            )
    out.append(
        "      - id: GALL\n        text: For everyone\n        actions:\n"
        "          - id: ALL1\n            text: Everyone reports\n"
        "            departments: [All]\n"
    )
    return "".join(out)


def deep_chain(n: int = 2000, actions: int = 20) -> str:
    """A 100 KB plan like the issue's: the checklists of a chain are as long as the
    chain is deep (each lists its descendants' actions), so actions are few."""
    return _plan(n, chain=True, actions=actions)


def wide_registry(n: int = 10_000) -> str:
    return _plan(n, chain=False)


def revised(text: str) -> str:
    """``text`` (a plan of this module) with actions REVISED_ACTIONS reworded,
    DROPPED_ACTION left out and an action ANEW added: a few changes in a large plan."""
    out: list[str] = []
    skip = False
    for line in text.splitlines(keepends=True):
        if line.startswith("          - id: "):
            skip = line.strip() == f"- id: A{DROPPED_ACTION}"
        elif not line.startswith("           "):
            skip = False
        if skip:
            continue
        for i in REVISED_ACTIONS:
            line = line.replace(f"text: Action {i} for ", f"text: Action {i}, revised, for ")
        out.append(line)
        if line.strip() == "- id: ALL1":
            out.insert(
                len(out) - 1,
                "          - id: ANEW\n            text: A new action\n"
                "            departments: [D0]\n",
            )
    return "".join(out)


if __name__ == "__main__":
    shape, size, target = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    plan = (deep_chain if shape == "chain" else wide_registry)(size)
    target.write_text(revised(plan) if "revised" in sys.argv[4:] else plan, encoding="utf-8")
