"""The file to write is never taken from what the user can edit: a checklist writes only
into the departments its header names, a sheet row only into the department it was
exported for, the id shown is the truth, ``--actor`` narrows, and one item twice is a
conflict, not last-wins."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from tests.conftest import napctl
from tests.hostile.checklist_repo import BUNDLED, EXAMPLE, PAGE, PLAN  # noqa: F401
from tests.progress.test_sheets_cli import edit_sheet, export

YEAR = Path("progress") / PLAN / "2020"


def snapshot(repo: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (repo / "progress").rglob("*") if p.is_file()}


def tick_with_summary(text: str, action: str, summary: str) -> str:
    text = text.replace(f"- [ ] **{action}**", f"- [x] **{action}**", 1)
    start = text.index(f"**{action}**")
    at = text.index("- Summary:", start) + len("- Summary:")
    return text[:at] + " " + summary + text[text.index("\n", at) :]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_marker_edited_to_another_department_writes_nothing(repo: Path) -> None:
    text = tick_with_summary((repo / PAGE).read_text("utf-8"), "II.1.1", "Ours")
    text = text.replace("dept=MAEE%20D5 id=II.1.1", "dept=SRE id=II.1.1")
    (repo / PAGE).write_text(text, "utf-8")
    before = snapshot(repo)
    result = napctl("progress", "import", str(PAGE), *BUNDLED, code=1)
    assert (
        f"{PAGE}:{line_of(text, '**II.1.1**')}:3: II.1.1: this checklist is for"
        " 'MAEE D5'; it cannot write into SRE's progress file" in result.stderr
    )
    assert snapshot(repo) == before
    assert (repo / PAGE).read_text("utf-8") == text


@pytest.mark.parametrize("dept", ["MEGA", "MAEE D1", "RP%20ONU"])
def test_a_marker_naming_any_other_department_is_refused(dept: str, repo: Path) -> None:
    text = tick_with_summary((repo / PAGE).read_text("utf-8"), "II.1.1", "Ours")
    (repo / PAGE).write_text(
        text.replace("dept=MAEE%20D5 id=II.1.1", f"dept={dept} id=II.1.1"), "utf-8"
    )
    before = snapshot(repo)
    result = napctl("progress", "import", str(PAGE), *BUNDLED, code=1)
    assert "II.1.1: this checklist is for 'MAEE D5'" in result.stderr
    assert snapshot(repo) == before


def test_actor_narrows_what_a_checklist_may_write(repo: Path) -> None:
    page = repo / PAGE
    page.write_text(tick_with_summary(page.read_text("utf-8"), "II.1.1", "Ours"), "utf-8")
    before = snapshot(repo)
    result = napctl("progress", "import", str(PAGE), "--actor", "SRE", *BUNDLED, code=1)
    assert (
        "II.1.1: this checklist is for 'MAEE D5'; it cannot write into MAEE D5's" in result.stderr
    )
    assert snapshot(repo) == before
    napctl("progress", "import", str(PAGE), "--actor", "MAEE D5", *BUNDLED)
    assert "summary: Ours" in (repo / YEAR / "maee-d5.yaml").read_text("utf-8")


def test_one_item_twice_in_a_checklist_is_a_conflict_with_both_lines(repo: Path) -> None:
    text = (repo / PAGE).read_text("utf-8")
    start = text.index("- [ ] **II.1.1**")
    block = text[start : text.index("\n#", start) + 1]
    text = text[:start] + block + "\n" + block + text[start + len(block) :]
    first = tick_with_summary(text, "II.1.1", "First")
    at = first.index("**II.1.1**", first.index("**II.1.1**") + 1)
    text = first[: at - 6] + tick_with_summary(first[at - 6 :], "II.1.1", "Second")
    (repo / PAGE).write_text(text, "utf-8")
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "**II.1.1**" in line]
    before = snapshot(repo)
    result = napctl("progress", "import", str(PAGE), *BUNDLED, code=1)
    assert (
        f"{PAGE}:{lines[1]}:1: II.1.1 of MAEE D5 is in this checklist twice (also at"
        f" {PAGE}:{lines[0]}:1)" in result.stderr
    )
    assert f"{PAGE}:{lines[0]}:1: II.1.1 of MAEE D5 is in this checklist twice" in result.stderr
    assert snapshot(repo) == before


def test_a_sheet_row_typed_over_to_another_department_is_refused_at_its_cell(repo: Path) -> None:
    table = export("maee-d5.csv", "--actor", "MAEE D5")
    edit_sheet(
        table,
        {
            ("II.1.1", None): {
                "Reporting department": "SRE",
                "Status": "completed",
                "Summary": "Ours",
            }
        },
    )
    before = snapshot(repo)
    result = napctl("progress", "import", str(table), *BUNDLED, code=1)
    assert result.stderr.startswith(
        "maee-d5.csv:R3: II.1.1: the row was exported for II.1.1 of MAEE D5, not II.1.1 of SRE"
    )
    assert snapshot(repo) == before


def test_actor_narrows_what_a_sheet_may_write(repo: Path) -> None:
    table = export("all.csv")
    edit_sheet(table, {("II.1.1", "SRE"): {"Summary": "Theirs"}})
    before = snapshot(repo)
    result = napctl("progress", "import", str(table), "--actor", "MAEE D5", *BUNDLED, code=1)
    assert re.search(
        r"all\.csv:R\d+: II\.1\.1: this sheet is for --actor; it cannot write"
        r" into SRE's progress file",
        result.stderr,
    ), result.stderr
    assert snapshot(repo) == before


def test_one_row_twice_in_a_sheet_is_a_conflict(repo: Path) -> None:
    table = export("maee-d5.csv", "--actor", "MAEE D5")
    rows = list(csv.reader(io.StringIO(table.read_text("utf-8"), newline="")))
    header = rows[0]
    n = next(i for i, row in enumerate(rows) if row[header.index("Action id")] == "II.1.1")
    copy = list(rows[n])
    rows[n][header.index("Summary")], copy[header.index("Summary")] = "First", "Second"
    rows.append(copy)
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    before = snapshot(repo)
    result = napctl("progress", "import", str(table), *BUNDLED, code=1)
    assert (
        f"maee-d5.csv:A{len(rows)}: II.1.1 of MAEE D5 is in this sheet twice (also at"
        f" maee-d5.csv:A{n + 1})" in result.stderr
    )
    assert snapshot(repo) == before
