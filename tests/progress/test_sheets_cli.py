"""A ministry's progress sheet: `napctl export --year`, filled in, `napctl progress import`."""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from napctl.progress.sheet_export import BASE_HEADER, progress_header
from tests.conftest import PLANS, ROOT, napctl

EXAMPLE = ROOT / "examples" / "progress"
BUNDLED = ["--plans", str(PLANS)]
CASES = yaml.safe_load(
    (ROOT / "tests" / "sheets-cases" / "progress-errors.yaml").read_text("utf-8")
)
D5 = Path("progress") / "lu-2018-2023" / "2020" / "maee-d5.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A coordinator's folder with the example progress files (Luxembourg, 2020)."""
    shutil.copytree(EXAMPLE, tmp_path / "progress")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def progress_bytes(repo: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (repo / "progress").rglob("*.yaml")}


# -- the sheet as a person edits it --------------------------------------------------

Edit = dict[tuple[str, str | None], dict[str, Any]]  # (action id, department) -> cells


def read_rows(path: Path) -> list[list[Any]]:
    if path.suffix == ".csv":
        return list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
    from openpyxl import load_workbook

    ws = load_workbook(path).worksheets[0]
    return [[c.value for c in row] for row in ws.iter_rows()]


def edit_sheet(path: Path, edits: Edit, append: dict[str, str] | None = None) -> None:
    """Type ``edits`` into the rows of (action id, department) (None: the first row of it)."""
    if path.suffix == ".csv":
        rows = read_rows(path)
        header = rows[0]
        for row in rows[1:]:
            for (action, dept), cells in edits.items():
                if row[6] == action and dept in (None, row[header.index("Reporting department")]):
                    for name, value in cells.items():
                        row[header.index(name)] = value
                    edits = {k: v for k, v in edits.items() if k != (action, dept)}
        if append:
            rows.append([append.get(h, "") for h in header])
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\r\n").writerows(rows)
        return
    from openpyxl import load_workbook

    book = load_workbook(path)
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for (action, dept), cells in edits.items():
            if row[6].value == action and dept in (
                None,
                row[header.index("Reporting department")].value,
            ):
                for name, value in cells.items():
                    cell = row[header.index(name)]
                    if isinstance(value, dict) and "date" in value:
                        cell.value, cell.number_format = value["date"], "yyyy-mm-dd"
                    elif isinstance(value, dict):
                        cell.value = value["formula"]
                    else:
                        cell.value = value
                edits = {k: v for k, v in edits.items() if k != (action, dept)}
    book.save(path)


def export(name: str, *args: str) -> Path:
    napctl(
        "export",
        "--year",
        "2020",
        "--plan",
        "lu-2018-2023",
        "-o",
        name,
        "-f",
        name.rsplit(".", 1)[1],
        *args,
        *BUNDLED,
    )
    return Path(name)


# -- export --------------------------------------------------------------------------


def test_the_sheet_is_prefilled_from_the_progress_files(repo: Path) -> None:
    table = export("maee-d5.csv", "--actor", "MAEE D5")
    rows = read_rows(table)
    assert tuple(rows[0]) == progress_header(4)
    by_id = {r[6]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert len(rows) == 1 + 24 and set(r[17] for r in rows[1:]) == {"MAEE D5"}
    assert (by_id["II.2.3"]["Status"], by_id["II.2.3"]["Revised due"]) == ("delayed", "2021")
    assert by_id["II.3.1"]["Summary"] == "One session for new staff."
    assert by_id["II.1.1"]["Status"] == "not-reported"
    assert by_id["II.1.1"][BASE_HEADER].startswith(
        "plan=lu-2018-2023 year=2020 dept=MAEE%20D5 id=II.1.1 status=not-reported digest="
    )


def test_xlsx_status_list_hidden_base_and_rows_per_department(repo: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(export("all.xlsx"))
    assert book.sheetnames == ["lu-2018-2023 2020", "departments"]
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    status = header.index("Status") + 1
    (check,) = ws.data_validations.dataValidation
    assert check.type == "list" and str(check.sqref) == f"S2:S{ws.max_row}"
    assert check.formula1 == (
        '"not-reported,not-started,ongoing,delayed,completed,discontinued,not-applicable"'
    )
    assert status == 19 and ws.column_dimensions["AC"].hidden
    assert header[-1] == BASE_HEADER
    # II.1.1 is for All: a row for each of the 26 departments of the plan, in order.
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    registry = [r[1].value for r in book["departments"].iter_rows(min_row=2)]
    assert [r[17] for r in rows if r[6] == "II.1.1"] == registry and len(registry) == 26
    assert ws.max_row - 1 == sum(1 for _ in rows)


def test_a_year_outside_the_plan_is_a_usage_error(repo: Path) -> None:
    result = napctl(
        "export",
        "--year",
        "2030",
        "--plan",
        "lu-2018-2023",
        "-o",
        "x.csv",
        "-f",
        "csv",
        *BUNDLED,
        code=2,
    )
    assert "2030 is outside plan 'lu-2018-2023'" in result.stderr
    result = napctl("export", "--year", "2015", "-o", "x.csv", "-f", "csv", *BUNDLED)
    assert "left out: 2015 is outside plan 'lu-2018-2023'" in result.stderr
    assert {r[0] for r in read_rows(Path("x.csv"))[1:]} == {"be-2013-2016"}


# -- import: the round trip ------------------------------------------------------------

ROUND_TRIP = {
    # plan, year: three rows of one department filled in, and a second department's row
    "lu-2018-2023": (
        "2020",
        "MAEE D5",
        [("I.3.1", "MAEE D5"), ("II.5.1", "MAEE D5"), ("II.1.1", "MAEE D5"), ("II.1.1", "MENJE")],
    ),
    "be-2013-2016": (
        "2015",
        "Defence",
        [("1.a", "Defence"), ("7.c", "Defence"), ("3.b", "Justice"), ("1.a", "Foreign Affairs")],
    ),
}


def fill(rows: list[tuple[str, str]]) -> Edit:
    (a, da), (b, db), (c, dc), (d, dd) = rows
    return {
        (a, da): {
            "Status": "ongoing",
            "Summary": "Two sessions held",
            "Indicator 1 value": "12 participants",
        },
        (b, db): {
            "Status": "delayed",
            "Obstacles": "No budget line",
            "Revised due": "2021",
            "Next steps": "Ask again",
        },
        (c, dc): {"Status": "completed", "Summary": "Done on 19 June"},
        (d, dd): {"Status": "not-applicable", "Justification": "Not our remit"},
    }


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("plan_id", list(ROUND_TRIP))
def test_round_trip(
    plan_id: str, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    year, _, rows = ROUND_TRIP[plan_id]
    table = Path(f"sheet.{fmt}")
    napctl("export", "--year", year, "--plan", plan_id, "-f", fmt, "-o", str(table), *BUNDLED)
    edit_sheet(table, fill(rows))
    result = napctl("progress", "import", str(table), *BUNDLED)
    assert result.stdout.startswith("created progress/")
    status = json.loads(
        napctl("status", "--plan", plan_id, "--year", year, "--format", "json", *BUNDLED).stdout
    )
    reports = {
        (a["id"], r["department"]): r["status"] for a in status["actions"] for r in a["reports"]
    }
    assert [reports[r] for r in rows] == ["ongoing", "delayed", "completed", "not-applicable"]
    assert sum(1 for s in reports.values() if s != "not-reported") == 4
    files = {p.name: yaml.safe_load(p.read_text("utf-8")) for p in Path("progress").rglob("*.yaml")}
    entries = {(f["department"], e["id"]): e for f in files.values() for e in f["actions"]}
    first, second, third, fourth = (entries[(d, a)] for a, d in rows)
    assert (first["summary"], first["indicators"]) == (
        "Two sessions held",
        [{"indicator": 1, "value": 12, "unit": "participants"}],
    )
    assert (second["obstacles"], second["revised_due"], second["next_steps"]) == (
        "No budget line",
        2021,
        "Ask again",
    )
    assert third["summary"] == "Done on 19 June"
    assert fourth["justification"] == "Not our remit"
    napctl("validate", *BUNDLED, "--progress", "progress")
    # Importing the same sheet again changes nothing, to the byte.
    written = progress_bytes(tmp_path)
    again = napctl("progress", "import", str(table), *BUNDLED)
    assert again.stdout == "" and "0 values imported into 0 files" in again.stderr
    assert progress_bytes(tmp_path) == written


def test_conflict_when_the_file_changed_after_the_export(repo: Path) -> None:
    table = export("maee-d5.csv", "--actor", "MAEE D5")
    text = (
        (repo / D5)
        .read_text("utf-8")
        .replace(
            "  - id: II.1.1\n    status: not-reported\n",
            "  - id: II.1.1\n    status: ongoing\n    summary: Meanwhile, in the YAML.\n",
        )
    )
    (repo / D5).write_text(text, "utf-8")
    before = progress_bytes(repo)
    edit_sheet(table, {("II.1.1", None): {"Status": "completed", "Summary": "Statement"}})
    result = napctl("progress", "import", str(table), *BUNDLED, code=1)
    assert result.stderr.splitlines()[:2] == [
        f"maee-d5.csv:S3: II.1.1 status: the sheet says 'completed', {D5}:25:5 now says"
        " 'ongoing': the entry changed after the sheet was exported; nothing changed for"
        " II.1.1",
        f"maee-d5.csv:T3: II.1.1 summary: the sheet says 'Statement', {D5}:25:5 now says"
        " 'Meanwhile, in the YAML.': the entry changed after the sheet was exported;"
        " nothing changed for II.1.1",
    ]
    assert "0 values imported into 0 files, 2 conflicts, 0 refused" in result.stderr
    assert result.stdout == ""
    assert progress_bytes(repo) == before


def test_an_erased_value_is_refused(repo: Path) -> None:
    table = export("maee-d5.xlsx", "--actor", "MAEE D5")
    edit_sheet(table, {("II.3.1", None): {"Summary": None}})
    before = progress_bytes(repo)
    result = napctl("progress", "import", str(table), *BUNDLED, code=1)
    assert result.stderr.splitlines()[0] == (
        f"maee-d5.xlsx:lu-2018-2023 2020!T5: II.3.1 summary was erased in the sheet; napctl"
        f" never deletes from {D5}: edit it there"
    )
    assert progress_bytes(repo) == before


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_import_error_case(case: dict[str, Any], repo: Path) -> None:
    table = export(f"maee-d5.{case['format']}", "--actor", "MAEE D5")
    edits: Edit = {(k, None): v for k, v in case.get("edits", {}).items()}
    for cells in edits.values():
        for name, value in cells.items():
            if isinstance(value, dict) and "date" in value:
                cells[name] = {"date": datetime.date.fromisoformat(str(value["date"]))}
    edit_sheet(table, edits, case.get("append"))
    before = progress_bytes(repo)
    result = napctl("progress", "import", str(table), *BUNDLED, code=case["code"])
    lines = result.stderr.splitlines()
    assert (lines if case["code"] == 2 else lines[:-2]) == case["expected"]
    assert progress_bytes(repo) == before


def test_a_csv_sheet_is_recognised_by_its_content(repo: Path) -> None:
    table = export("maee-d5.csv", "--actor", "MAEE D5")
    edit_sheet(table, {("II.1.1", None): {"Status": "ongoing"}})
    renamed = table.rename("maee-d5.txt")
    result = napctl("progress", "import", str(renamed), *BUNDLED)
    assert result.stdout == f"{D5}:26:13: II.1.1 status: 'ongoing'\n"
