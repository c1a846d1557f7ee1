"""Opening a workbook someone sent: bounded before openpyxl reads a byte of it.

An XLSX file is a zip of XML parts. A few kilobytes can expand to gigabytes
(a zip bomb), one cell at ``XFD1048576`` makes a sheet span 17 billion cells
that every row-by-row reader walks, and one merged range ``A1:XFD1048576``
makes openpyxl create a cell object for each of them while it loads (some 30
seconds per million). All three are refused with a one-line error, from the
zip's directory, the merged ranges' references and the sheet's extent, before
any work grows with them. This is the only way napctl opens a workbook.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from napctl.core.readfile import read_bytes

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


def open_workbook(source: Path | bytes, display: str) -> Any:
    """The openpyxl workbook in ``source`` (a path or the file's bytes), each of its
    sheets within ``MAX_SHEET_CELLS``."""
    try:
        import openpyxl  # only the commands that read XLSX import it (start-up time)
    except ImportError as exc:
        raise WorkbookError(MISSING_EXTRA) from exc
    if isinstance(source, Path):
        raw, problems = read_bytes(str(source), display, MAX_FILE_BYTES, kind="workbook")
        if raw is None:
            raise WorkbookError(f"{display}: {problems[0].message}")
        source = raw
    _check_parts(io.BytesIO(source), display)
    try:
        book = openpyxl.load_workbook(io.BytesIO(source), read_only=False, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise WorkbookError(f"{display}: not a readable XLSX file ({type(exc).__name__})") from exc
    for ws in book.worksheets:
        check_extent(ws, display)
    return book


def _check_parts(data: io.BytesIO, display: str) -> None:
    try:
        with zipfile.ZipFile(data) as archive:
            infos = archive.infolist()
            # zipfile stops every part at the size the directory declares, so this sum
            # bounds what openpyxl (and the scan below) can be made to read.
            expanded = sum(info.file_size for info in infos)
            if expanded > MAX_EXPANDED_BYTES:
                raise WorkbookError(
                    f"{display}: its parts expand to {expanded / 2**20:,.0f} MB, over the"
                    f" limit of {MAX_EXPANDED_BYTES // 2**20} MB for a workbook napctl reads"
                )
            parts = [
                (info.filename, archive.read(info))
                for info in infos
                if info.filename.lower().endswith(".xml")
            ]
            merged = sum(_merged_cells(part) for _, part in parts)
            for name, part in parts:
                _check_shared_string_refs(name, part, display)
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, RuntimeError) as exc:
        raise WorkbookError(f"{display}: not a readable XLSX file ({type(exc).__name__})") from exc
    if merged > MAX_MERGED_CELLS:
        raise WorkbookError(
            f"{display}: its merged ranges cover {merged:,} cells, over the limit of"
            f" {MAX_MERGED_CELLS:,}; unmerge them"
        )


#: A shared-string cell whose index is not a plain non-negative number: openpyxl
#: would index its list with it, so ``-1`` would read the last string of the workbook.
_BAD_SHARED_REF = re.compile(rb'<c\b[^>]*\bt\s*=\s*["\']s["\'][^>]*>\s*<v>\s*(?![0-9]+\s*</v>)')


def _check_shared_string_refs(name: str, part: bytes, display: str) -> None:
    if b"<sheetData" not in part:
        return
    found = _BAD_SHARED_REF.search(part)
    if found is not None:
        cell = re.search(rb'\br\s*=\s*["\']([A-Za-z]+[0-9]+)', found.group())
        where = f" (cell {cell.group(1).decode()})" if cell else ""
        raise WorkbookError(
            f"{display}: {name} has a text cell{where} that points at no"
            " shared text; save the workbook again from a spreadsheet program"
        )


def _merged_cells(part: bytes) -> int:
    """The cells the ``<mergeCell ref=...>`` elements of an XML part cover. Parsed, not
    matched, where the part could name them otherwise (another encoding, entities);
    a part that is not well-formed is left to openpyxl, which refuses it."""
    if part[:3] == b"\xef\xbb\xbf":
        part = part[3:]
    if part[:1] == b"<" and b"mergeCell" not in part and b"<!DOCTYPE" not in part:
        return 0  # UTF-8 (or ASCII), no name of one and no entities: none, without parsing
    total = 0
    try:
        for _, element in ElementTree.iterparse(io.BytesIO(part), events=("start",)):
            if element.tag.rpartition("}")[2] == "mergeCell":
                total += _area(element.get("ref", ""))
            element.clear()
    except (ElementTree.ParseError, LookupError):  # LookupError: an unknown encoding
        return total
    return total


def _area(ref: str) -> int:
    from openpyxl.utils.cell import range_boundaries  # lazy: optional extra (xlsx)

    try:
        bounds = range_boundaries(ref.upper())
    except (ValueError, TypeError):
        return 0  # openpyxl cannot read it either
    left, top, right, bottom = (b if isinstance(b, int) else None for b in bounds)
    if left is None or top is None or right is None or bottom is None:
        return MAX_MERGED_CELLS + 1  # a whole row or column: as large as it gets
    return (abs(right - left) + 1) * (abs(bottom - top) + 1)


def check_extent(ws: Any, display: str) -> None:
    """Refuse a sheet spanning more cells than a reader should walk."""
    rows, columns = ws.max_row or 0, ws.max_column or 0
    if rows * columns > MAX_SHEET_CELLS:
        raise WorkbookError(
            f"{display}:{ws.title}: the sheet spans {rows:,} rows and {columns:,} columns"
            f" (up to {ws.cell(rows, columns).coordinate}), over the limit of"
            f" {MAX_SHEET_CELLS:,} cells; delete what lies beyond the table"
        )
