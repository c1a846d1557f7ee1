"""A scratch repository of the example progress reports and their 2020 checklists,
shared by the progress-import attack tests, and a line typed into a checklist item."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import PLANS, ROOT, napctl

EXAMPLE = ROOT / "examples" / "progress"
BUNDLED = ["--plans", str(PLANS)]
PLAN = "lu-2018-2023"
D5 = Path("progress") / PLAN / "2020" / "maee-d5.yaml"
PAGE = Path("checklists") / "lu" / "maee-d5.md"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "progress")
    monkeypatch.chdir(tmp_path)
    napctl("checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020", *BUNDLED)
    return tmp_path


def typed(text: str, action: str, label: str, value: str) -> str:
    """``text`` with ``value`` typed after ``- label:`` in the item of ``action``."""
    start = text.index(f"**{action}**")
    at = text.index(f"- {label}:", start) + len(f"- {label}:")
    return text[:at] + " " + value + text[text.index("\n", at) :]
