"""The workbook opener (``napctl.sheets.workbook``): merged ranges are counted from the
XML before a cell is made for each cell they cover. A sheet is checked when it is
read (``read_all``), not when the workbook is opened."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from napctl.sheets.cells import sheet_grid
from napctl.sheets.workbook import MAX_MERGED_CELLS, WorkbookError, open_workbook

openpyxl = pytest.importorskip("openpyxl")
PLANS = Path(__file__).resolve().parents[2] / "plans"


def read_all(source: Path | bytes, display: str) -> None:
    """Open the workbook and read every sheet of it, as a reader would."""
    for sheet in open_workbook(source, display).worksheets:
        sheet_grid(sheet, f"{display}:{sheet.title}!")


def _merged(tmp_path: Path, ref: bytes) -> bytes:
    """A workbook with one merged range, its reference replaced by ``ref`` as bytes."""
    book = openpyxl.Workbook()
    book.active["A1"] = "Pillar"
    book.active.merge_cells("A1:A2")
    path = tmp_path / "m.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    name = "xl/worksheets/sheet1.xml"
    assert b'ref="A1:A2"' in parts[name]
    parts[name] = parts[name].replace(b'ref="A1:A2"', b"ref=" + ref)
    path.unlink()
    with zipfile.ZipFile(path, "w") as dst:
        for part, data in parts.items():
            dst.writestr(part, data)
    return path.read_bytes()


@pytest.mark.parametrize(
    "ref",
    [
        b'"A1:XFD1048576"',
        b'"A1:&#88;FD1048576"',  # a character reference: parsed, not matched
        b"'a1:zz9000'",
        b'"A:C"',  # whole columns
    ],
)
def test_merged_ranges_too_large_to_load_are_refused(tmp_path: Path, ref: bytes) -> None:
    with pytest.raises(
        WorkbookError,
        match=rf"^m\.xlsx: its merged ranges cover [0-9,]+"
        rf" cells, over the limit of {MAX_MERGED_CELLS:,}",
    ):
        read_all(_merged(tmp_path, ref), "m.xlsx")


def test_a_small_merged_range_opens(tmp_path: Path) -> None:
    book = open_workbook(_merged(tmp_path, b'"A1:B300"'), "m.xlsx")
    assert book.active.merged_ranges() == ["A1:B300"]


def test_a_path_is_read_through_the_bounded_reader(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError, match=r"^x\.xlsx: is a folder"):
        open_workbook(tmp_path, "x.xlsx")


def _with_shared_ref(tmp_path: Path, value: bytes) -> bytes:
    """napctl's own export of a plan (its text cells are shared strings), with cell A1
    pointing at shared string ``value``."""
    from typer.testing import CliRunner

    from napctl.cli import app

    path = tmp_path / "s.xlsx"
    done = CliRunner().invoke(
        app, ["export", "--plans", str(PLANS / "lu-2018-2023.yaml"), "-f", "xlsx", "-o", str(path)]
    )
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name], count = re.subn(
        rb'(<c r="A1"[^>]*t="s"><v>)[0-9]+(</v>)', rb"\g<1>" + value + rb"\g<2>", parts[name]
    )
    assert count == 1
    path.unlink()
    with zipfile.ZipFile(path, "w") as dst:
        for part, data in parts.items():
            dst.writestr(part, data)
    return path.read_bytes()


@pytest.mark.parametrize("value", [b"-1", b"-2", b" -1", b"1e0", b"x"])
def test_a_shared_string_index_that_is_no_index_is_refused(tmp_path: Path, value: bytes) -> None:
    """Issue 26, class 5: openpyxl indexes its list with the number, so ``-1`` read the
    workbook's last string into A1."""
    with pytest.raises(WorkbookError, match=r"cell A1\) that points at no shared text"):
        read_all(_with_shared_ref(tmp_path, value), "s.xlsx")


def test_a_shared_string_index_in_range_opens(tmp_path: Path) -> None:
    book = open_workbook(_with_shared_ref(tmp_path, b"1"), "s.xlsx")
    assert book.worksheets[0]["A1"].value == book.worksheets[0]["B1"].value
