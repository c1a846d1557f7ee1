"""Opening a workbook someone sent: bounded before openpyxl reads a byte of it.

An XLSX file is a zip of XML parts. A few kilobytes can expand to gigabytes
(a zip bomb), one cell at ``XFD1048576`` makes a sheet span 17 billion cells
that every row-by-row reader walks, and one merged range ``A1:XFD1048576``
makes a reader create a cell for each cell it covers. All three are refused
with a one-line error, from the zip's directory, the merged ranges' references
and the sheet's extent, before any work grows with them. This is the only way
napctl opens a workbook.

The workbook is opened read-only (openpyxl streams a sheet's rows when asked):
a sheet is read, and checked, only when a reader asks for it, so a sheet
napctl does not read (a ministry's own notes of millions of cells) costs its
first row. The merged ranges of a sheet that is read come from one bounded
streaming pass over its XML (openpyxl's read-only mode does not give them),
which also refuses a text cell pointing at no shared text.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from napctl.core.readfile import read_bytes
from napctl.sheets.xlsx_parts import with_dimensions

#: What a workbook's parts may expand to, in all. A progress sheet of a plan of
#: 10,000 actions is about 5 MB of XML; openpyxl keeps some ten times that in memory.
MAX_EXPANDED_BYTES = 64 * 1024 * 1024
#: The file itself (a table napctl reads, CSV or XLSX): no more than its parts.
MAX_FILE_BYTES = MAX_EXPANDED_BYTES
#: Rows times columns a sheet may span (a 10,000-action sheet spans about 200,000).
MAX_SHEET_CELLS = 4_000_000
#: Cells that a workbook's merged ranges may cover in all (a matrix whose pillar and
#: goal cells are merged down 10,000 rows covers 20,000); openpyxl needs ~3 s for this.
MAX_MERGED_CELLS = 100_000


class WorkbookError(Exception):
    """The workbook cannot be read or written, or is too large to read safely (one line)."""


#: What reading or writing a workbook without the optional extra says.
MISSING_EXTRA = "XLSX needs the optional extra: pip install 'napctl[xlsx]'"


def open_workbook(source: Path | bytes, display: str) -> Book:
    """The workbook in ``source`` (a path or the file's bytes), opened read-only:
    its sheets are read, and checked, when asked for."""
    try:
        import openpyxl  # only the commands that read XLSX import it (start-up time)
    except ImportError as exc:
        raise WorkbookError(MISSING_EXTRA) from exc
    if isinstance(source, Path):
        raw, problems = read_bytes(str(source), display, MAX_FILE_BYTES, kind="workbook")
        if raw is None:
            raise WorkbookError(f"{display}: {problems[0].message}")
        source = raw
    try:
        _check_expansion(zipfile.ZipFile(io.BytesIO(source)), display)
        source = with_dimensions(source)
        archive = zipfile.ZipFile(io.BytesIO(source))
        book = openpyxl.load_workbook(io.BytesIO(source), read_only=True, data_only=False)
    except WorkbookError:
        raise
    except Exception as exc:  # zipfile and openpyxl raise many kinds for what is not XLSX
        raise WorkbookError(f"{display}: not a readable XLSX file ({type(exc).__name__})") from exc
    return Book(book, archive, display)


def _check_expansion(archive: zipfile.ZipFile, display: str) -> None:
    # zipfile stops every part at the size the directory declares, so this sum
    # bounds what openpyxl (and the scan of a sheet) can be made to read.
    expanded = sum(info.file_size for info in archive.infolist())
    if expanded > MAX_EXPANDED_BYTES:
        raise WorkbookError(
            f"{display}: its parts expand to {expanded / 2**20:,.0f} MB, over the"
            f" limit of {MAX_EXPANDED_BYTES // 2**20} MB for a workbook napctl reads"
        )


class Book:
    """A workbook opened read-only; ``worksheets`` in the workbook's order."""

    def __init__(self, book: Any, archive: zipfile.ZipFile, display: str) -> None:
        self.display = display
        self.archive = archive
        #: cells the merged ranges of the sheets read so far cover, against MAX_MERGED_CELLS
        self.merged_total = 0
        self.worksheets = [Sheet(self, ws) for ws in book.worksheets]
        self._active = book.active.title if book.active is not None else None

    @property
    def sheetnames(self) -> list[str]:
        return [sheet.title for sheet in self.worksheets]

    @property
    def active(self) -> Sheet:
        """The sheet the workbook opens on."""
        return self[self._active] if self._active in self.sheetnames else self.worksheets[0]

    def __getitem__(self, title: str | None) -> Sheet:
        return next(sheet for sheet in self.worksheets if sheet.title == title)


class Sheet:
    """One sheet of a read-only workbook: nothing of it is read until asked for."""

    def __init__(self, book: Book, ws: Any) -> None:
        self.book = book
        self.title: str = ws.title
        self._ws = ws
        # openpyxl's name of the sheet's XML part: it has no public one, and the
        # merged ranges are read from that part.
        self._part = str(getattr(ws, "_worksheet_path", ""))
        self._merged: list[str] | None = None

    def __getitem__(self, coordinate: str) -> Any:
        return self._ws[coordinate]

    def first_row(self) -> tuple[Any, ...]:
        """The cells of row 1 (from column A), streamed: the rest is not read. A sheet
        whose first row cannot be read is no sheet napctl reads: none."""
        self._ws.reset_dimensions()  # the <dimension> a file declares may be wrong
        try:
            for cells in self._guarded(self._ws.iter_rows()):
                return tuple(cells)
        except WorkbookError:
            return ()
        return ()

    def merged_ranges(self) -> list[str]:
        """The sheet's merged ranges (``A1:B3``), refused past MAX_MERGED_CELLS in all."""
        if self._merged is None:
            self._merged = scan_sheet(self.book, self._part, self.title)
        return self._merged

    def rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(row number, cells from column A) of every row with cells, after the sheet's
        scan; refused once the rows and columns seen span over MAX_SHEET_CELLS."""
        self.merged_ranges()
        self._ws.reset_dimensions()  # a wrong <dimension> would cut rows or columns off
        width = 0
        for number, cells in enumerate(self._guarded(self._ws.iter_rows()), start=1):
            width = max(width, len(cells))
            if number * width > MAX_SHEET_CELLS:
                refuse_extent(self.book.display, self.title, number, width)
            if cells:
                yield number, tuple(cells)

    def _guarded(self, rows: Iterator[Any]) -> Iterator[Any]:
        """``rows``, with what openpyxl raises on a damaged part as one line."""
        try:
            yield from rows
        except (*_UNREADABLE, IndexError) as exc:
            raise WorkbookError(
                f"{self.book.display}:{self.title}: not a readable sheet ({type(exc).__name__})"
            ) from exc


def refuse_extent(display: str, title: str, rows: int, columns: int) -> None:
    """Refuse a sheet spanning more cells than a reader should walk."""
    from openpyxl.utils.cell import get_column_letter  # lazy: optional extra (xlsx)

    raise WorkbookError(
        f"{display}:{title}: the sheet spans {rows:,} rows and {columns:,} columns"
        f" (up to {get_column_letter(columns)}{rows}), over the limit of"
        f" {MAX_SHEET_CELLS:,} cells; delete what lies beyond the table"
    )


#: What reading a damaged part raises (zlib.error included: zipfile wraps nothing).
_UNREADABLE = (
    KeyError,
    ValueError,
    TypeError,
    ElementTree.ParseError,
    LookupError,
    OSError,
    EOFError,
    RuntimeError,
    zipfile.BadZipFile,
    zlib.error,
)


def scan_sheet(book: Book, part: str, title: str) -> list[str]:
    """One streaming pass over the sheet's XML part: its merged ranges, counted into
    ``book.merged_total`` and refused at the cap (the pass stops there), and every
    shared-text cell's index checked. Memory stays that of one row."""
    found: list[str] = []
    display = f"{book.display}:{title}"
    try:
        with book.archive.open(part) as stream:
            rows: Any = None
            for event, element in ElementTree.iterparse(stream, events=("start", "end")):
                name = element.tag.rpartition("}")[2]
                if event == "start":
                    rows = element if name == "sheetData" else rows
                elif name == "c":
                    _check_shared_ref(element, book.display, part)
                elif name == "row" and rows is not None:
                    rows.clear()  # the rows read so far: nothing later needs them
                elif name == "mergeCell":
                    found.append(_count_merged(book, element.get("ref", "")))
    except _UNREADABLE as exc:
        # KeyError: no such part; LookupError: an unknown encoding; ValueError and
        # TypeError: a merged range that is no range
        raise WorkbookError(f"{display}: not a readable sheet ({type(exc).__name__})") from exc
    return found


def _count_merged(book: Book, ref: str) -> str:
    book.merged_total += _area(ref)
    if book.merged_total > MAX_MERGED_CELLS:
        raise WorkbookError(
            f"{book.display}: its merged ranges cover {book.merged_total:,} cells, over"
            f" the limit of {MAX_MERGED_CELLS:,}; unmerge them"
        )
    return ref.upper()


#: A shared-string index: a plain non-negative number. openpyxl indexes its list
#: with what is there, so ``-1`` would read the last string of the workbook.
_SHARED_INDEX = re.compile(r"\s*[0-9]+\s*")


def _check_shared_ref(cell: Any, display: str, part: str) -> None:
    if cell.get("t") == "s":
        value = next((c.text for c in cell if c.tag.rpartition("}")[2] == "v"), None)
        if value is not None and not _SHARED_INDEX.fullmatch(value):
            where = f" (cell {cell.get('r')})" if cell.get("r") else ""
            raise WorkbookError(
                f"{display}: {part.lstrip('/')} has a text cell{where} that points at no"
                " shared text; save the workbook again from a spreadsheet program"
            )
    cell.clear()


def range_bounds(ref: str) -> tuple[int, int, int, int]:
    """(left, top, right, bottom), 1-based, of a range ``A1:B3`` the scan let through."""
    from openpyxl.utils.cell import range_boundaries  # lazy: optional extra (xlsx)

    left, top, right, bottom = range_boundaries(ref.upper())
    if left is None or top is None or right is None or bottom is None:
        raise ValueError(f"{ref}: a whole row or column")
    return min(left, right), min(top, bottom), max(left, right), max(top, bottom)


def _area(ref: str) -> int:
    from openpyxl.utils.cell import range_boundaries  # lazy: optional extra (xlsx)

    # a reference openpyxl cannot read raises ValueError or TypeError: not readable
    if None in range_boundaries(ref.upper()):
        return MAX_MERGED_CELLS + 1  # a whole row or column: as large as it gets
    left, top, right, bottom = range_bounds(ref)
    return (right - left + 1) * (bottom - top + 1)
