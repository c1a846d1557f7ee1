"""The code table is the one source: every code used in src/ is in it and documented."""

from __future__ import annotations

import os
import re

from napctl.core.codes import codes_markdown
from napctl.core.problems import TABLE, level_of
from tests.conftest import ROOT

SRC = ROOT / "src" / "napctl"
DOC = ROOT / "docs" / "problem-codes.md"


def _codes_used_in_src() -> set[str]:
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        if path.name != "codes.py":
            used |= set(re.findall(r"NAP\d{3}", path.read_text(encoding="utf-8")))
    return used


def test_every_code_used_is_in_the_table_and_every_code_in_the_table_is_used() -> None:
    used = _codes_used_in_src()
    assert sorted(used - set(TABLE)) == []
    assert sorted(set(TABLE) - used) == []


def test_the_documented_codes_are_the_table() -> None:
    if os.environ.get("NAPCTL_UPDATE_GOLDEN"):
        DOC.write_text(codes_markdown(), encoding="utf-8")
    text = DOC.read_text(encoding="utf-8")
    assert text == codes_markdown(), "docs/problem-codes.md is stale (NAPCTL_UPDATE_GOLDEN=1)"
    assert set(re.findall(r"`(NAP\d{3})`", text)) == set(TABLE)


def test_levels_come_from_the_table() -> None:
    assert level_of("NAP301") == "error"
    assert {info.level for info in TABLE.values()} <= {"error", "warning", "info"}
    # "info" is advice of the plan-quality review only: never a validation problem
    assert {c for c, info in TABLE.items() if info.level == "info"} == {
        "NAP503",
        "NAP504",
        "NAP522",
    }
