"""The XLSX writer (``napctl.sheets.xlsx_write``): what openpyxl and LibreOffice read back.

`napctl export` writes the workbook's parts itself (issue 20), so these check the
file as a reader sees it: titles, every cell's text, the styles, the widths, the
hidden columns, the frozen header, the autofilter and the status lists; the same
sheets give the same bytes, and no openpyxl is needed to write it.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from napctl.sheets.cells import column_letter
from napctl.sheets.export import MAX_WIDTH, MIN_WIDTH, Sheet, as_xlsx
from tests.sheets.libreoffice import needs_soffice, sheets_as_csv

LONG = "word " * 20  # longer than MAX_WIDTH: the column is capped
TRICKY = Sheet(
    title='R&D <x> o\'k "q"',
    header=("Plan", "Status", "Text", "Base"),
    rows=[
        ["=1+1", "ongoing", "<b>&amp;", "base 1"],
        ["  leading and trailing  ", "", "line one\nline two is longer", "base 2"],
        ["nul\x00here\x1f", "done", LONG, ""],
        ["+33 1", "@x", "-y", "tab\there"],
        ["é ü 中文 🙂", "\r\nstarts with a break", "ends with a break\n", "same"],
        ["same", "same", "same", "same"],
    ],
    choices={1: ("ongoing", "done", "a&b")},
    editable=(1, 2),
    hidden=(3,),
)
#: What each cell reads back as: neutralised, NUL and \x1f replaced, "" as no value.
EXPECTED = [
    ["Plan", "Status", "Text", "Base"],
    ["'=1+1", "ongoing", "<b>&amp;", "base 1"],
    ["  leading and trailing  ", None, "line one\nline two is longer", "base 2"],
    ["nul\ufffdhere\ufffd", "done", LONG, None],
    ["'+33 1", "'@x", "'-y", "tab\there"],
    # CR LF reads back as LF (XML normalises line ends), as with openpyxl's writer
    ["é ü 中文 🙂", "'\nstarts with a break", "ends with a break\n", "same"],
    ["same", "same", "same", "same"],
]
REGISTRY = Sheet("departments", ("Plan", "Code"), [])
PARTS = {
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/app.xml",
    "docProps/core.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
}


def _width(texts: list[str]) -> int:
    longest = max(len(line) for text in texts for line in text.splitlines() or [""])
    return min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))


def test_column_letters() -> None:
    assert [column_letter(n - 1) for n in (1, 26, 27, 52, 53, 702, 703, 16384)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
        "XFD",
    ]


def test_openpyxl_reads_back_every_cell_and_style(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    path.write_bytes(as_xlsx([TRICKY, REGISTRY]))
    book = load_workbook(path)
    assert book.sheetnames == [TRICKY.title, "departments"]
    ws = book.worksheets[0]
    assert [[c.value for c in row] for row in ws.iter_rows()] == EXPECTED
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type == "s" or cell.value is None
            assert cell.number_format == "@"
            assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
            assert bool(cell.font.b) == (cell.row == 1)
            shaded = cell.row > 1 and cell.column - 1 in TRICKY.editable
            assert (cell.fill.fill_type == "solid") == shaded, cell.coordinate
            if shaded:
                assert cell.fill.fgColor.rgb.endswith("FFF2CC")
    for c in range(4):
        dim = ws.column_dimensions[column_letter(c)]
        texts = [str(r[c] or "") for r in EXPECTED]
        assert dim.width == _width(texts), c
        assert bool(dim.hidden) == (c in TRICKY.hidden)
    assert ws.column_dimensions["C"].width == MAX_WIDTH
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:D7"
    (check,) = ws.data_validations.dataValidation
    assert (check.type, check.formula1, str(check.sqref)) == ("list", '"ongoing,done,a&b"', "B2:B7")
    assert check.showErrorMessage
    # openpyxl 3.1.0 (the oldest supported) reads allowBlank back as False whatever the
    # file says; the attribute itself is what Excel and LibreOffice read.
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert '<dataValidation type="list" allowBlank="1" showErrorMessage="1"' in sheet_xml
    assert (check.errorTitle, check.error) == ("Not a status", "One of: ongoing, done, a&b")
    reg = book["departments"]
    assert [[c.value for c in row] for row in reg.iter_rows()] == [["Plan", "Code"]]
    assert reg.freeze_panes == "A2" and reg.auto_filter.ref == "A1:B1"
    assert [reg.column_dimensions[x].width for x in "AB"] == [MIN_WIDTH, MIN_WIDTH]


def test_an_empty_sheet_keeps_its_status_list_and_shading(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    empty = Sheet("none", ("Plan", "Status"), [], choices={1: ("a", "b")}, editable=(1,))
    short = Sheet("short", ("Plan", "Status", "Summary"), [["p"]], editable=(1, 2))
    path = tmp_path / "e.xlsx"
    path.write_bytes(as_xlsx([empty, short]))
    book = load_workbook(path)
    (check,) = book["none"].data_validations.dataValidation
    assert str(check.sqref) == "B2"  # B2:B2 as before: at least the row below the header
    ws = book["short"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["Plan", "Status", "Summary"],
        ["p", None, None],
    ]
    assert [ws.cell(2, c).fill.fill_type for c in (1, 2, 3)] == [None, "solid", "solid"]


def test_same_sheets_same_bytes() -> None:
    first = as_xlsx([TRICKY, REGISTRY])
    again = as_xlsx(
        [
            Sheet(
                TRICKY.title,
                TRICKY.header,
                [list(r) for r in TRICKY.rows],
                dict(TRICKY.choices),
                TRICKY.editable,
                TRICKY.hidden,
            ),
            REGISTRY,
        ]
    )
    assert first == again
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert core.count("2000-01-01T00:00:00Z") == 2


def test_written_without_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl -> ImportError
    data = as_xlsx([TRICKY, REGISTRY])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert set(archive.namelist()) == PARTS
        for name in archive.namelist():
            ElementTree.fromstring(archive.read(name))  # each part is well-formed XML
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    order = [
        "<sheetPr",
        "<dimension",
        "<sheetViews",
        "<sheetFormatPr",
        "<cols",
        "<sheetData",
        "<autoFilter",
        "<dataValidations",
        "<pageMargins",
    ]
    assert [sheet.index(tag) for tag in order] == sorted(sheet.index(tag) for tag in order)
    assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in sheet


@needs_soffice
def test_libreoffice_reads_the_same_texts(tmp_path: Path) -> None:
    book = tmp_path / "t.xlsx"
    book.write_bytes(as_xlsx([TRICKY, REGISTRY]))
    sheets_as_csv(book, tmp_path)
    converted = (tmp_path / "out" / f"t-{TRICKY.title}.csv").read_text("utf-8")
    rows = list(csv.reader(io.StringIO(converted, newline="")))
    assert rows == [[c or "" for c in row] for row in EXPECTED]


def test_a_text_that_looks_like_an_escape_reads_back_as_typed(tmp_path: Path) -> None:
    """A spreadsheet reads ``_x0041_`` in a cell as "A": the writer escapes the underscore
    (``_x005F_``), as Excel does, and the text reads back as typed."""
    from napctl.sheets.read import read_table

    texts = ["_x0041_", "tab\there", "_x000D_", "_xZZZZ_"]
    path = tmp_path / "x.xlsx"
    path.write_bytes(as_xlsx([Sheet("s", ("Action", "Departments"), [texts[:2], texts[2:]])]))
    with zipfile.ZipFile(path) as archive:
        shared = archive.read("xl/sharedStrings.xml").decode("utf-8")
    assert "<t>_x005F_x0041_</t>" in shared and "<t>_xZZZZ_</t>" in shared
    texts[2] = "\r"  # what Excel means by it: the escape of a CR (a text as rare as it)
    table = read_table(path)
    assert [c.value for row in table.rows for c in row] == texts


def test_a_cell_longer_than_a_spreadsheet_holds_is_refused_not_cut() -> None:
    from napctl.sheets.workbook import WorkbookError

    sheet = Sheet("p", ("Plan", "Action"), [["p", "ok"], ["p", "x" * 32_768]])
    with pytest.raises(
        WorkbookError,
        match=r"^p!B3: a cell of 32,768 characters, over the"
        r" 32,767 a spreadsheet cell holds; shorten it$",
    ):
        as_xlsx([sheet])
    as_xlsx([Sheet("p", ("Plan", "Action"), [["p", "x" * 32_767]])])  # the limit itself fits
