"""Import grows with its input, not faster: a Summary wrapped by hand over 16,000 lines
is read in linear time and imported whole."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import napctl
from tests.hostile.checklist_repo import BUNDLED, D5, EXAMPLE, PAGE, PLAN  # noqa: F401


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
