"""Workbooks someone sent: a zip bomb or a sheet spanning a million rows is refused in
one line (exit 2) before openpyxl or a row-by-row reader does work that grows with it.

Both readers (`napctl import` and `napctl progress import`) open workbooks through
``napctl.sheets.workbook``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.progress.sheet_export import BASE_HEADER
from napctl.sheets import workbook
from napctl.sheets.cells import sheet_grid
from napctl.sheets.workbook import WorkbookError, open_workbook
from tests.conftest import PLANS

openpyxl = pytest.importorskip("openpyxl")


def _book(path: Path, **cells: str) -> Path:
    book = openpyxl.Workbook()
    for coordinate, value in cells.items():
        book.active[coordinate] = value
    book.save(path)
    return path


def _bomb(tmp_path: Path, padding: int) -> Path:
    """A valid workbook whose sheet carries ``padding`` bytes of XML comment."""
    base = _book(tmp_path / "base.xlsx", A1="Action")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<!--" + b" " * padding + b"--><sheetData>")
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return bomb


FAR_CELLS = ["XFD1048576", "D1048576", "ZZZ9000"]


@pytest.mark.parametrize("far", FAR_CELLS)
def test_a_sheet_spanning_millions_of_cells_is_refused(tmp_path: Path, far: str) -> None:
    path = _book(tmp_path / "far.xlsx", A1="x", **{far: "y"})
    with pytest.raises(WorkbookError, match=rf"up to {far}\), over the limit of 4,000,000"):
        sheet_grid(open_workbook(path, "far.xlsx").active, "far.xlsx!")


def test_a_workbook_expanding_past_the_limit_is_refused_from_its_directory(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path, workbook.MAX_EXPANDED_BYTES + 2**20)
    assert bomb.stat().st_size < 2**20  # a small file
    with pytest.raises(WorkbookError, match="expand to 65 MB, over the limit of 64 MB"):
        open_workbook(bomb, "bomb.xlsx")
    with pytest.raises(WorkbookError, match="expand to 65 MB"):
        open_workbook(bomb.read_bytes(), "bomb.xlsx")


def test_a_workbook_under_the_limits_opens(tmp_path: Path) -> None:
    book = open_workbook(_bomb(tmp_path, 2**20), "small.xlsx")  # 1 MB of padding
    assert book.active["A1"].value == "Action"


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04", b"not a zip at all", b"PK" * 40])
def test_what_is_not_a_workbook_is_one_line(data: bytes) -> None:
    with pytest.raises(WorkbookError, match=r"^x\.xlsx: not a readable XLSX file \(\w+\)$"):
        open_workbook(data, "x.xlsx")


@pytest.mark.parametrize("kind", ["far", "bomb"])
@pytest.mark.parametrize("command", ["import", "progress import"])
def test_both_readers_refuse_through_the_cli(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, kind: str, command: str
) -> None:
    monkeypatch.setattr(workbook, "MAX_EXPANDED_BYTES", 2**20)
    # a sheet the reader reads: the first of `import`, one with the base column for
    # `progress import` (a sheet without napctl's columns is not loaded at all)
    first = "Action" if command == "import" else BASE_HEADER
    sheet = (
        _book(tmp_path / "far.xlsx", A1=first, XFD1048576="y")
        if kind == "far"
        else _bomb(tmp_path, 2 * 2**20)
    )
    args = (
        ["import", str(sheet), "--plan", "lu-2018-2023"]
        if command == "import"
        else ["progress", "import", str(sheet), "--year", "2021"]
    )
    result = runner.invoke(app, [*args, "--plans", str(PLANS)])
    assert result.exit_code == 2, result.output
    want = "over the limit of 4,000,000 cells" if kind == "far" else "over the limit of 1 MB"
    assert want in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
