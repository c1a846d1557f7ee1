"""Import grows with its input, not faster: a Summary wrapped by hand over 16,000 lines
is read in linear time and imported whole."""

from __future__ import annotations

import shutil
import time
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


@pytest.mark.parametrize("lines", [16_000])
def test_a_summary_wrapped_over_many_lines_is_linear(lines: int, repo: Path) -> None:
    text = (repo / PAGE).read_text("utf-8")
    start = text.index("**I.3.1**")
    at = text.index("  - Summary:", start) + len("  - Summary:")
    wrapped = " Begun" + "".join(f"\n    w{n}" for n in range(lines))
    (repo / PAGE).write_text(text[:at] + wrapped + text[at:], "utf-8")
    began = time.perf_counter()
    napctl("progress", "import", str(PAGE), *BUNDLED)
    took = time.perf_counter() - began
    written = (repo / D5).read_text("utf-8")
    assert f"w{lines - 1}" in written and "summary: Begun w0 w1 w2" in written
    assert took < 15, took  # folded again at each line, 16,000 lines took 36 s to read
