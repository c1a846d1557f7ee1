"""Every department label printed in the Belgian tables is assigned exactly once.

The six tables of tests/sources/be-2013-2016.txt (the text extracted from the
published PDF) print 194 department labels: 191 on lines of their own and
three glued by the extraction to the end of an instrument line (18.e
"... contribute Development", 20.b "... trafficking Justice", 20.c "... issue
of Interior"). A combined cell such as 13.a "Interior-CGRS/Office for
Foreigners" (printed over two lines) is one label.

The labels are found without the transcription and without the hand-made
line lists of tests/model/test_plan_be.py: a regular expression finds a department
name at the END of a line of a table (from the GOAL heading of an objective to
the next OBJECTIVE heading). A name that does not start its line counts only
when the word before it is lower-case, i.e. an instrument line ran into the
label column; a capitalised word before it makes the name part of a proper
name ("Belgian Development Cooperation" in line 35 is not a label).

The plan's side counts one label per assignment; assignments that carry the
note "printed: X" on one line stand for the one printed label X (13.a).
Both sides are compared objective by objective, as multisets: a label
assigned twice, dropped or invented fails.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).parent.parent  # tests/
PLAN_PATH = HERE.parent / "plans" / "be-2013-2016.yaml"
SOURCE_PATH = HERE / "sources" / "be-2013-2016.txt"

Data = dict[str, Any]

#: Labels per objective, counted in the source by the method below.
PRINTED_PER_OBJECTIVE = {"O1": 33, "O2": 46, "O3": 37, "O4": 30, "O5": 33, "O6": 15}
#: The three labels printed at the end of an instrument line, as printed.
GLUED_LINES = [
    "Projects or programmes that contribute Development",
    "Number of victims of human trafficking Justice",
    "Agreements including the issue of Interior",
]

_HEADING = re.compile(r"^\s*OBJECTIVE ([1-6])\. ", re.M)
_GOAL = re.compile(r"^GOAL$", re.M)
_NAME = (
    r"Foreign Affairs|Development|Defence|Justice|Equality"
    r"|Interior(?:-(?:Federal [Pp]olice|CGRS/Office for\nForeigners|CGRS"
    r"|Office for Foreigners|Fedasil))?"
)
#: A department name, with an optional role, ending its line.
_LABEL = re.compile(rf"({_NAME})( \(coordination\))?$", re.M)


def key(label: str) -> str:
    """One spelling per label: whitespace collapsed, case folded."""
    return " ".join(label.split()).casefold()


@cache
def source_text() -> str:
    return SOURCE_PATH.read_text(encoding="utf-8")


def tables() -> dict[str, str]:
    """{"O1": text of objective 1's table, …}: from GOAL to the next heading."""
    text = source_text()
    heads = list(_HEADING.finditer(text))
    assert [m.group(1) for m in heads] == ["1", "2", "3", "4", "5", "6"]
    out = {}
    for k, head in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        region = text[head.end() : end]
        goal = _GOAL.search(region)
        assert goal is not None, head.group(0)
        out[f"O{head.group(1)}"] = region[goal.start() :]
    return out


def _is_label(table: str, match: re.Match[str]) -> bool:
    """A name starting its line, or glued after a lower-case word."""
    line_start = table.rfind("\n", 0, match.start()) + 1
    before = table[line_start : match.start()]
    if not before:
        return True
    words = before.split()
    return before.endswith(" ") and bool(words) and words[-1][0].islower()


@cache
def printed_labels() -> dict[str, tuple[tuple[str, bool], ...]]:
    """{"O1": ((label as printed, on a line of its own), …)} in source order."""
    out = {}
    for pid, table in tables().items():
        found = []
        for m in _LABEL.finditer(table):
            if _is_label(table, m):
                own = table.rfind("\n", 0, m.start()) + 1 == m.start()
                found.append((m.group(0), own))
        out[pid] = tuple(found)
    return out


def glued_lines() -> list[str]:
    """The whole printed lines that end in a glued label."""
    lines = []
    for table in tables().values():
        for m in _LABEL.finditer(table):
            start = table.rfind("\n", 0, m.start()) + 1
            if start != m.start() and _is_label(table, m):
                lines.append(table[start : m.end()])
    return lines


@cache
def raw_plan() -> Data:
    with PLAN_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict)
    return data


def assigned_labels(data: Data) -> dict[str, Counter[str]]:
    """{"O1": Counter of label keys}: one per assignment, one per printed form."""
    out: dict[str, Counter[str]] = {}
    for pillar in data["pillars"]:
        counts: Counter[str] = Counter()
        for goal in pillar["goals"]:
            for action in goal["actions"]:
                counts.update(action_labels(action))
        out[pillar["id"]] = counts
    return out


def action_labels(action: Data) -> list[str]:
    """The printed labels one line of action stands for."""
    labels: list[str] = []
    shared: set[str] = set()
    for entry in action["departments"]:
        if isinstance(entry, str):
            labels.append(key(entry))
            continue
        note = entry.get("note") or ""
        if note.startswith("printed: "):
            printed = key(note.removeprefix("printed: "))
            if printed not in shared:
                shared.add(printed)
                labels.append(printed)
            continue
        role = f" ({entry['role']})" if entry.get("role") else ""
        labels.append(key(entry["code"] + role))
    return labels


def check_labels(data: Data) -> None:
    """The plan's assignments use each printed label exactly once, per objective."""
    assigned = assigned_labels(data)
    printed = {
        pid: Counter(key(label) for label, _ in found) for pid, found in printed_labels().items()
    }
    assert set(assigned) == set(printed)
    for pid in printed:
        extra = assigned[pid] - printed[pid]
        missing = printed[pid] - assigned[pid]
        assert not extra and not missing, (
            pid,
            "assigned, not printed:",
            dict(extra),
            "printed, not assigned:",
            dict(missing),
        )


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------


def test_the_tables_print_194_labels() -> None:
    found = printed_labels()
    assert {pid: len(labels) for pid, labels in found.items()} == PRINTED_PER_OBJECTIVE
    every = [item for labels in found.values() for item in labels]
    assert len(every) == 194
    assert sum(1 for _, own in every if own) == 191
    assert glued_lines() == GLUED_LINES


def test_the_counting_method_on_known_lines() -> None:
    """Combined cells count once, roles are kept, prose names are not labels."""
    labels = [label for found in printed_labels().values() for label, _ in found]
    assert labels.count("Interior-CGRS/Office for\nForeigners") == 1
    assert labels.count("Equality (coordination)") == 1
    assert labels.count("Foreign Affairs (coordination)") == 1
    assert labels.count("Interior-Federal police") == 4
    assert labels.count("Interior-Federal Police") == 3
    assert "organisations in Belgian Development\nCooperation" in source_text()
    assert len(tables()["O2"]) < len(source_text()) // 4  # a table, not the whole text


def test_every_printed_label_is_assigned_exactly_once() -> None:
    check_labels(raw_plan())
    total = sum(sum(c.values()) for c in assigned_labels(raw_plan()).values())
    assert total == 194


def test_combined_cell_is_one_label_for_two_units() -> None:
    action = next(
        a
        for p in raw_plan()["pillars"]
        for g in p["goals"]
        for a in g["actions"]
        if a["id"] == "13.a"
    )
    assert len(action["departments"]) == 2
    assert action_labels(action) == ["interior-cgrs/office for foreigners"]


def _line(data: Data, ident: str) -> Data:
    for pillar in data["pillars"]:
        for goal in pillar["goals"]:
            for action in goal["actions"]:
                if action["id"] == ident:
                    found: Data = action
                    return found
    raise KeyError(ident)


def _drop_one(data: Data) -> None:
    _line(data, "7.a")["departments"].remove("Justice")


def _use_twice(data: Data) -> None:
    _line(data, "3.d")["departments"].append("Justice")


def _move_between_objectives(data: Data) -> None:
    _line(data, "3.b")["departments"].remove("Defence")
    _line(data, "7.b")["departments"].append("Interior")


def _drop_role(data: Data) -> None:
    deps = _line(data, "33")["departments"]
    deps[0] = deps[0]["code"]


@pytest.mark.parametrize("alter", [_drop_one, _use_twice, _move_between_objectives, _drop_role])
def test_the_check_catches_a_label_misused(alter: Any) -> None:
    data = copy.deepcopy(raw_plan())
    alter(data)
    with pytest.raises(AssertionError):
        check_labels(data)
