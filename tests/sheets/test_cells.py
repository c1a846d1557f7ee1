"""The one cell policy (``napctl.sheets.cells``): what each kind of cell reads as, in the
matrix reader and the progress-sheet reader alike, and what is refused at its cell."""

from __future__ import annotations

import datetime
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from napctl.progress.sheet_read import read_csv_sheet, read_xlsx_sheets
from napctl.sheets.cells import MAX_CELL_CHARS, sheet_grid, string_text, too_long
from napctl.sheets.export import Sheet, as_xlsx
from napctl.sheets.read import ReadError, csv_grid, read_table

openpyxl = pytest.importorskip("openpyxl")

LONG = "x" * (MAX_CELL_CHARS + 1)
RETYPE = "where text is expected; format the cell as text and type the value again"
#: (what is typed into B2 by openpyxl, how it reads: its text, or why it is refused)
CASES: list[tuple[Any, str]] = [
    ("as typed ", "as typed "),
    ("'=1+1", "=1+1"),  # the export's guard comes off
    ("line\r\nbreak", "line\nbreak"),
    ("_x000D_\nescaped", "\r\nescaped".replace("\r\n", "\n")),
    ("_x0041_", "_x0041_"),  # only a spreadsheet's escapes of control characters
    ("_x0000_", "\ufffd"),  # no control character gets in
    (12, "12"),
    (12.0, "12"),
    (-7, "-7"),
    (10**15 - 1, "999999999999999"),
    (
        12.5,
        "refused: a number (12.5) where text is expected; format the cell as text so"
        " that it keeps its digits",
    ),
    (
        10**15,
        "refused: a number (1000000000000000) too long to keep its digits; format the"
        " cell as text and type it again",
    ),
    (True, f"refused: a true/false value (TRUE) {RETYPE}"),
    (datetime.date(2021, 6, 30), f"refused: a date (2021-06-30) {RETYPE}"),
    (datetime.datetime(2021, 6, 30, 9, 5), f"refused: a date (2021-06-30 09:05:00) {RETYPE}"),
    ("=A1&B1", "refused: a formula (=A1&B1); napctl reads values only, paste the value instead"),
    (
        LONG,
        "refused: a cell of 32,768 characters, over the 32,767 a spreadsheet cell holds;"
        " shorten it",
    ),
]


def _book(path: Path, value: Any) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "S"
    ws["A1"] = "Header"
    ws["B2"] = "PLACEHOLDER" if value is LONG else value
    book.save(path)
    if value is LONG:  # openpyxl cuts what it writes at 32,767: put the text in itself
        with zipfile.ZipFile(path) as src:
            parts = {i.filename: src.read(i) for i in src.infolist()}
        parts = {k: v.replace(b"PLACEHOLDER", LONG.encode()) for k, v in parts.items()}
        with zipfile.ZipFile(path, "w") as dst:
            for name, data in parts.items():
                dst.writestr(name, data)
    return path


@pytest.mark.parametrize(("typed", "reads"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_each_kind_of_cell(typed: Any, reads: str, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_book(tmp_path / "t.xlsx", typed))
    grid = sheet_grid(book.active, "t.xlsx:S!")
    cell = grid.rows[1][1]
    assert cell.ref == "t.xlsx:S!B2"
    if reads.startswith("refused: "):
        assert cell.value == ""
        assert grid.refused == {"t.xlsx:S!B2": reads.removeprefix("refused: ")}
        assert grid.problems == [f"t.xlsx:S!B2: {reads.removeprefix('refused: ')}"]
    else:
        assert (cell.value, grid.refused) == (reads, {})


def test_an_error_value_is_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "#N/A"
    book.active["A1"].data_type = "e"
    path = tmp_path / "e.xlsx"
    book.save(path)
    grid = sheet_grid(openpyxl.load_workbook(path).active, "e!")
    assert grid.problems == [f"e!A1: an error value (#N/A) {RETYPE}"]


def test_every_cell_of_a_merged_range_is_refused_and_reported_once(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Status", "x"])
    ws.append(["ongoing", "y"])
    ws.append([None, "z"])
    ws.merge_cells("A2:A3")
    path = tmp_path / "m.xlsx"
    book.save(path)
    grid = sheet_grid(openpyxl.load_workbook(path).active, "m!")
    why = "merged cells (A2:A3); unmerge them and repeat the value in every row"
    assert grid.problems == [f"m!A2: {why}"]
    assert grid.refused == {"m!A2": why, "m!A3": why}


def test_csv_cells_follow_the_same_policy() -> None:
    long = "y" * (MAX_CELL_CHARS + 1)
    grid = csv_grid(f'Action,Other\n\'=SUM(1),"a\r\nb"\n{long},_x0041_\n'.encode(), "t.csv")
    assert [[c.value for c in row] for row in grid.rows] == [
        ["Action", "Other"],
        ["=SUM(1)", "a\nb"],
        ["", "_x0041_"],
    ]  # no XLSX escapes in CSV
    assert grid.problems == [f"t.csv:A3: {too_long(long)}"]


def test_a_csv_field_past_the_csv_module_limit_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("Action,Departments\n" + "x" * 200_000 + ",MAEE\n", "utf-8")
    with pytest.raises(ReadError, match=r"^big\.csv:2: not a table napctl reads \("):
        read_table(path)


def test_utf16_length_counts_as_a_spreadsheet_does() -> None:
    assert string_text("🙂" * (MAX_CELL_CHARS // 2), xlsx=False)[1] is None
    assert string_text("🙂" * (MAX_CELL_CHARS // 2 + 1), xlsx=False)[1] == (
        "a cell of 32,768 characters, over the 32,767 a spreadsheet cell holds; shorten it"
    )


def test_a_table_is_read_through_the_bounded_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # reading it would block for ever
    with pytest.raises(ReadError, match="not a regular file"):
        read_table(fifo)


SHEET = Sheet(
    "p 2021",
    ("Plan", "Action id", "Reporting department", "Status", "napctl base (do not edit)"),
    [["p", "1", "D", "ongoing", "plan=p year=2021 dept=D id=1 status=ongoing"]],
)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        (datetime.date(2021, 6, 30), f"a date (2021-06-30) {RETYPE}"),
        (
            0.5,
            "a number (0.5) where text is expected; format the cell as text so that it keeps"
            " its digits",
        ),
    ],
)
def test_the_progress_reader_refuses_the_row_at_the_cell(
    typed: Any, why: str, tmp_path: Path
) -> None:
    path = tmp_path / "p.xlsx"
    path.write_bytes(as_xlsx([SHEET]))
    book = openpyxl.load_workbook(path)
    book.active["D2"] = typed
    book.save(path)
    read = read_xlsx_sheets(path.read_bytes(), "p.xlsx")
    assert read.items == []
    assert [(n.where, n.message) for n in read.notes] == [("p.xlsx:p 2021!D2", why)]


def test_the_progress_reader_refuses_an_over_long_csv_cell() -> None:
    long = "z" * (MAX_CELL_CHARS + 1)
    data = (
        "Plan,Action id,Reporting department,Status,Summary,napctl base (do not edit)\r\n"
        f"p,1,D,ongoing,{long},plan=p\r\n"
    ).encode()
    read = read_csv_sheet(data, "p.csv")
    assert read.items == [] and [n.where for n in read.notes] == ["p.csv:E2"]
