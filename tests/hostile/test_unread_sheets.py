"""Issue 26, class 8: a sheet napctl does not read is not loaded.

A ministry's workbook may carry sheets of its own next to napctl's progress
sheet: a 170 KB file can hold a sheet of four million cells, which took 2.2 GB
and minutes when every sheet was loaded. Now only row 1 of such a sheet is read
(to see that it has none of napctl's columns). The tests lower the limits on
what a sheet that IS read may hold, so that loading the extra sheet would be
refused: an import that succeeds did not load it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml

from napctl.progress.sheet_export import BASE_HEADER
from napctl.sheets import workbook
from napctl.sheets.cells import sheet_grid
from napctl.sheets.workbook import open_workbook
from napctl.sheets.xlsx_parts import with_dimensions
from tests.conftest import PLANS, napctl
from tests.progress.test_sheets_cli import D5, edit_sheet, export

openpyxl = pytest.importorskip("openpyxl")
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def sheet_xml(rows: int, columns: int, *, dimension: bool = True, extra: bytes = b"") -> bytes:
    """A worksheet of ``rows`` x ``columns`` number cells, then ``extra`` (merged ranges)."""
    from openpyxl.utils.cell import get_column_letter

    head = b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + b">"
    if dimension:
        head += f'<dimension ref="A1:{get_column_letter(columns)}{rows}"/>'.encode()
    row = b"".join(b"<c><v>1</v></c>" for _ in range(columns))
    body = b"".join(b'<row r="%d">' % r + row + b"</row>" for r in range(1, rows + 1))
    return head + b"<sheetData>" + body + b"</sheetData>" + extra + b"</worksheet>"


def add_sheet(path: Path, xml: bytes, *, first: bool = False) -> None:
    """Add a sheet "Notes" holding ``xml`` to the workbook at ``path``."""
    book = openpyxl.load_workbook(path)
    book.create_sheet("Notes", 0 if first else None)
    buffer = io.BytesIO()
    book.save(buffer)
    part = f"xl/worksheets/sheet{1 if first else len(book.sheetnames)}.xml"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, xml if info.filename == part else src.read(info))


FAR = b'<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
EXTRA_SHEETS = {
    "many cells": (sheet_xml(300, 100), False),
    "many cells, no dimension": (sheet_xml(300, 100, dimension=False), False),
    "many cells, before the progress sheet": (sheet_xml(300, 100), True),
    "a merged range over the whole sheet": (
        sheet_xml(2, 2, extra=b'<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
        False,
    ),
    "a cell at XFD1048576": (
        b"<worksheet " + NS + b'><dimension ref="A1:XFD1048576"/>' + FAR + b"</worksheet>",
        False,
    ),
    "a text cell pointing at no shared text": (
        b"<worksheet " + NS + b'><sheetData><row r="2"><c r="A2" t="s"><v>-1</v></c></row>'
        b"</sheetData></worksheet>",
        False,
    ),
}


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Limits the progress sheet of MAEE D5 (about 25 x 30 cells) stays within."""
    monkeypatch.setattr(workbook, "MAX_SHEET_CELLS", 5_000)
    monkeypatch.setattr(workbook, "MAX_MERGED_CELLS", 100)


@pytest.mark.parametrize("variant", EXTRA_SHEETS)
def test_progress_import_does_not_load_a_sheet_it_does_not_read(
    repo: Path, small_limits: None, variant: str
) -> None:
    sheet = export("maee-d5.xlsx", "--actor", "MAEE D5")
    edit_sheet(sheet, {("II.1.1", None): {"Status": "ongoing", "Summary": "Kept in notes"}})
    xml, first = EXTRA_SHEETS[variant]
    add_sheet(sheet, xml, first=first)
    done = napctl("progress", "import", str(sheet), "--year", "2020", "--plans", str(PLANS))
    assert "II.1.1 Summary: 'Kept in notes'" in done.stdout, done
    entry = yaml.safe_load(D5.read_text("utf-8"))
    found = [a for a in entry["actions"] if a["id"] == "II.1.1"]
    assert found[0]["summary"] == "Kept in notes"


def test_the_same_sheet_with_napctls_column_is_read_and_refused(
    repo: Path, small_limits: None
) -> None:
    """The control: the limits bite on a sheet napctl reads."""
    sheet = export("maee-d5.xlsx", "--actor", "MAEE D5")
    xml = (
        sheet_xml(300, 100)
        .replace(
            b"<sheetData>",
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
            + BASE_HEADER.encode()
            + b"</t></is></c></row>",
        )
        .replace(b'<row r="1"><c><v>', b'<row r="2"><c><v>', 1)
    )
    add_sheet(sheet, xml.replace(b'<dimension ref="A1:CV300"/>', b""))
    done = napctl(
        "progress", "import", str(sheet), "--year", "2020", *["--plans", str(PLANS)], code=2
    )
    assert (
        ":Notes: the sheet spans" in done.stderr and "over the limit of 5,000 cells" in done.stderr
    )


def test_import_of_a_matrix_does_not_load_a_sheet_it_does_not_read(
    tmp_path: Path, small_limits: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_SHEET_CELLS", 200_000)  # the matrix is read
    matrix = tmp_path / "matrix.xlsx"
    plan = str(PLANS / "lu-2018-2023.yaml")
    napctl("export", "--plans", plan, "-o", str(matrix))
    before = napctl("import", str(matrix), "--plan", "lu-2018-2023", "--plans", plan)
    add_sheet(matrix, sheet_xml(500, 500, dimension=False))
    after = napctl("import", str(matrix), "--plan", "lu-2018-2023", "--plans", plan)
    assert after == before and "nothing to add (every row is in the plan already)" in after.stderr


def test_a_wrong_dimension_does_not_cut_a_sheet_that_is_read(tmp_path: Path) -> None:
    """The <dimension> a file declares is not trusted: rows and columns past it are read."""
    path = tmp_path / "d.xlsx"
    book = openpyxl.Workbook()
    for row in range(1, 6):
        book.active.append([f"r{row}c{col}" for col in range(1, 4)])
    book.save(path)
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b'<dimension ref="A1:C5"/>', b'<dimension ref="A1"/>')
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    grid = sheet_grid(open_workbook(path, "d.xlsx").active, "d!")
    assert [[c.value for c in row] for row in grid.rows][-1] == ["r5c1", "r5c2", "r5c3"]
    assert len(grid.rows) == 5 and grid.rows[4][2].ref == "d!C5"


def test_a_sheet_without_dimension_gets_one_and_one_with_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "w.xlsx"
    openpyxl.Workbook().save(path)
    data = path.read_bytes()
    assert with_dimensions(data) is data  # openpyxl writes one: nothing copied
    add_sheet(path, sheet_xml(3, 3, dimension=False))
    fixed = with_dimensions(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(fixed)) as archive:
        part = archive.read("xl/worksheets/sheet2.xml")
    assert part.count(b"<dimension ") == 1 and part.index(b"<dimension ") < part.index(
        b"<sheetData"
    )
    assert part.replace(b"<dimension " + NS + b' ref="A1"/>', b"") == sheet_xml(
        3, 3, dimension=False
    )
