"""Issue 26, class 7: a checklist's hidden header is held to the rules of the options it
stands for (printable text, a length limit, the form of year, plan and kind), with a
positioned problem, in `progress import` and in `checklists --check`; and what
`napctl import` and `napctl export` show of a file goes through printable()."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from napctl.progress.checklist_header import MAX_FIELD_CHARS, header_problems
from napctl.progress.checklist_parse import parse_checklist
from tests.conftest import PLANS, napctl
from tests.hostile.checklist_repo import BUNDLED, D5, PAGE, PLAN, typed

#: header field as forged -> (the field, what the problem says)
FORGED = {
    "date=%1B%5B31m::error%20x": ("date", "must be printable text"),
    "date=%07": ("date", "must be printable text"),
    "title=MAEE%0A::error%20title=x": ("title", "must be printable text"),
    "date=" + "9" * (MAX_FIELD_CHARS + 1): (
        "date",
        "is 201 characters long, over the limit of 200",
    ),
    "year=20x0": ("year", "must be a year of four digits"),
    "year=3000": ("year", "must be from 1900 to 2200"),
    "plan=../lu": ("plan", "must be a plan id"),
    "kind=report": ("kind", "must be 'checklists' or 'checklist'"),
    "dept=%E2%80%AEMAEE": ("dept", "must be printable text"),  # a right-to-left override
}


def forge(page: Path, field: str) -> int:
    """Put ``field`` in the header of ``page`` (replacing the same key); its column."""
    text = page.read_text(encoding="utf-8")
    key = field.partition("=")[0]
    start = text.index("<!-- napctl:checklist ")
    end = text.index(" -->", start)
    parts = [p for p in text[start:end].split(" ") if not p.startswith(key + "=")]
    line = " ".join(parts) + " " + field
    page.write_text(text[:start] + line + text[end:], encoding="utf-8")
    return len(line) - len(field) + 1


@pytest.mark.parametrize("field", FORGED)
def test_import_refuses_a_forged_header_at_its_column(repo: Path, field: str) -> None:
    page = repo / PAGE
    page.write_text(typed(page.read_text("utf-8"), "II.3.1", "Summary", "Held"), "utf-8")
    column = forge(page, field)
    before = (repo / D5).read_bytes()
    done = napctl("progress", "import", str(PAGE), "--year", "2020", *BUNDLED, code=2)
    key, says = FORGED[field]
    assert f"{PAGE}:2:{column}: the header's {key}= {says}" in done.stderr
    assert "\x1b" not in done.stderr and "\n::error" not in done.stderr
    assert (repo / D5).read_bytes() == before


@pytest.mark.parametrize("field", list(FORGED)[:4])
def test_check_reports_a_forged_header_and_fails(repo: Path, field: str) -> None:
    column = forge(repo / PAGE, field)
    done = napctl(
        "checklists",
        "--out",
        "checklists",
        "--plan",
        PLAN,
        "--year",
        "2020",
        "--check",
        *BUNDLED,
        code=1,
    )
    assert f"checklists/lu/maee-d5.md:2:{column}: the header's" in done.stdout
    assert "1 with a header napctl did not write" in done.stderr
    assert "\x1b" not in done.stdout + done.stderr
    assert not any(line.startswith("::") for line in done.stdout.splitlines())


def test_the_header_napctl_writes_has_no_problem(repo: Path) -> None:
    text = (repo / PAGE).read_text("utf-8")
    assert header_problems(text) == [] and parse_checklist(text).problems == []
    napctl(
        "checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020", "--check", *BUNDLED
    )


def test_parse_checklist_gives_each_problem_with_its_position() -> None:
    text = "# Checklist\n<!-- napctl:checklist kind=checklists title=X year=99 date=%1B -->\n"
    found = parse_checklist(text)
    assert found.header is not None and found.header["date"] == "\x1b"
    assert [(p.line, p.column, p.message.split(" must")[0]) for p in found.problems] == [
        (2, 47, "the header's year="),
        (2, 55, "the header's date="),
    ]


# -- napctl import / export: what they show of a file -----------------------------


def test_import_shows_cells_printable_and_no_line_starts_with_a_command(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes((PLANS / "lu-2018-2023.yaml").read_bytes())
    table = tmp_path / "m.csv"
    napctl("export", "--plans", str(plan), "-f", "csv", "-o", str(table))
    rows = list(csv.reader(table.open(encoding="utf-8", newline="")))
    header, row = rows[0], list(rows[-1])
    row[header.index("Action id")] = "IV.9.9"
    row[header.index("Action")] = "\x1b[2JA new action"
    row[header.index("Departments")] = "::error title=x::\x1b]0;owned\x07"
    row[header.index("Lead")] = "\x9b31mLead"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([*rows, row])
    done = napctl("import", str(table), "--plan", PLAN, "--plans", str(plan), code=1)
    shown = done.stdout + done.stderr
    assert "\\x1b]0" in shown and "\\x07" in shown and "\\x9b31mLead" in shown
    assert not any(c in shown for c in "\x1b\x07\x9b")
    assert not any(line.startswith("::") for line in shown.splitlines())


@pytest.mark.parametrize("name", ["\x1b[31mm.csv", "::error x.csv", "m\x07.xlsx"])
def test_export_shows_a_file_name_printable(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    done = napctl(
        "export",
        "--plans",
        str(PLANS / "lu-2018-2023.yaml"),
        "-o",
        str(out),
        "-f",
        name.rsplit(".")[-1],
    )
    assert out.exists() and not any(c in done.stderr for c in "\x1b\x07")
    assert done.stderr.startswith("wrote ") and "actions" in done.stderr
