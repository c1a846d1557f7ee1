"""A checklist item whose hidden napctl marker was deleted or damaged (an editor, a
person tidying up): matched by the id it shows, or refused with its line; never
ignored, never rendered over."""

from __future__ import annotations

import re
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
    """The example progress files and their checklists rendered for 2020."""
    shutil.copytree(EXAMPLE, tmp_path / "progress")
    monkeypatch.chdir(tmp_path)
    napctl("checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020", *BUNDLED)
    return tmp_path


def item_line(text: str, action: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if f"**{action}**" in line)


def without_marker(text: str, action: str, replace: str = "") -> str:
    """The checklist with ``action``'s marker cut (or replaced by ``replace``)."""
    lines = text.splitlines(keepends=True)
    n = item_line(text, action) - 1
    lines[n] = re.sub(r" ?<!-- napctl: .*? -->", replace, lines[n])
    return "".join(lines)


def typed(text: str, action: str, label: str, value: str) -> str:
    start = text.index(f"**{action}**")
    at = text.index(f"- {label}:", start) + len(f"- {label}:")
    end = text.index("\n", at)
    return text[:at] + " " + value + text[end:]


def imported(code: int) -> tuple[str, str]:
    result = napctl("progress", "import", str(PAGE), "--year", "2020", *BUNDLED, code=code)
    return result.stdout, result.stderr


def test_a_deleted_marker_ticked_item_with_a_summary_is_imported(repo: Path) -> None:
    text = without_marker((repo / PAGE).read_text("utf-8"), "II.1.1")
    text = text.replace("- [ ] **II.1.1**", "- [x] **II.1.1**")
    (repo / PAGE).write_text(typed(text, "II.1.1", "Summary", "Statement on 19 June"), "utf-8")
    out, _ = imported(0)
    assert f"{D5}:26:13: II.1.1 status: 'completed'" in out
    assert "  - id: II.1.1\n    status: completed\n    summary: Statement on 19 June\n" in (
        repo / D5
    ).read_text("utf-8")
    # rendered again only now that the answers are in the file: the marker is back
    again = (repo / PAGE).read_text("utf-8")
    assert "- [x] **II.1.1**" in again and "id=II.1.1 status=completed" in again


def test_a_damaged_marker_value_is_imported(repo: Path) -> None:
    text = (repo / PAGE).read_text("utf-8")
    # an editor cut the comment's end: no marker any more
    text = without_marker(text, "II.3.1", " <!-- napctl: plan=lu-2018-2023 year=2020 dept=MA")
    (repo / PAGE).write_text(typed(text, "II.3.1", "Value", "3 sessions"), "utf-8")
    out, _ = imported(0)
    assert "II.3.1 indicator 1: '3 sessions'" in out
    assert "      - indicator: 1\n        value: 3\n        unit: sessions\n" in (
        repo / D5
    ).read_text("utf-8")


def test_a_deleted_marker_over_a_value_in_the_file_is_refused_and_kept(repo: Path) -> None:
    yaml_before = (repo / D5).read_bytes()
    text = without_marker((repo / PAGE).read_text("utf-8"), "II.3.1")
    text = typed(text, "II.3.1", "Summary", "Two sessions, in fact.")
    (repo / PAGE).write_text(text, "utf-8")
    line = next(n for n, x in enumerate(text.splitlines(), 1) if "Two sessions" in x)
    out, err = imported(1)
    assert (
        f"{PAGE}:{line}:14: II.3.1 summary: the checklist says 'Two sessions, in fact.',"
        f" {D5}:" in err
    )
    assert "marker is missing or damaged" in err and out == ""
    assert (repo / D5).read_bytes() == yaml_before
    assert (repo / PAGE).read_text("utf-8") == text  # not rendered over


def test_an_item_showing_one_id_with_another_ids_marker_is_refused(repo: Path) -> None:
    text = (repo / PAGE).read_text("utf-8")
    marker = re.search(r"<!-- napctl: [^>]*id=II\.5\.1 [^>]*-->", text)
    assert marker is not None
    text = without_marker(text, "II.1.1", " " + marker.group(0))
    text = typed(
        text.replace("- [ ] **II.1.1**", "- [x] **II.1.1**"), "II.1.1", "Summary", "Statement"
    )
    (repo / PAGE).write_text(text, "utf-8")
    before = (repo / D5).read_bytes()
    _, err = imported(1)
    line = item_line(text, "II.1.1")
    assert (
        f"{PAGE}:{line}:1: II.1.1: the item shows II.1.1 but its napctl marker is II.5.1's" in err
    )
    assert (repo / D5).read_bytes() == before
    assert (repo / PAGE).read_text("utf-8") == text


def test_a_deleted_marker_unticked_completed_item_is_refused(repo: Path) -> None:
    text = without_marker((repo / PAGE).read_text("utf-8"), "II.4.1")
    (repo / PAGE).write_text(text.replace("- [x] **II.4.1**", "- [ ] **II.4.1**"), "utf-8")
    before = (repo / D5).read_bytes()
    _, err = imported(1)
    assert "II.4.1 is no longer ticked" in err
    assert (repo / D5).read_bytes() == before
