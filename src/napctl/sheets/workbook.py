"""Opening a workbook someone sent: bounded before openpyxl reads a byte of it.

An XLSX file is a zip of XML parts. A few kilobytes can expand to gigabytes
(a zip bomb), and one cell at ``XFD1048576`` makes a sheet span 17 billion
cells that every row-by-row reader walks. Both are refused with a one-line
error, from the zip's directory and the sheet's extent, before any work
grows with them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

#: What a workbook's parts may expand to, in all. A progress sheet of a plan of
#: 10,000 actions is about 5 MB of XML; openpyxl keeps some ten times that in memory.
MAX_EXPANDED_BYTES = 64 * 1024 * 1024
#: Rows times columns a sheet may span (a 10,000-action sheet spans about 200,000).
MAX_SHEET_CELLS = 4_000_000


class WorkbookError(Exception):
    """The workbook cannot be read, or is too large to read safely (one line)."""


#: What reading a workbook without the optional extra says.
MISSING_OPENPYXL = "XLSX needs the optional extra: pip install 'napctl[xlsx]'"


def open_workbook(source: Path | bytes, display: str) -> Any:
    """The openpyxl workbook in ``source`` (a path or the file's bytes), each of its
    sheets within ``MAX_SHEET_CELLS``."""
    try:
        import openpyxl
    except ImportError as exc:
        raise WorkbookError(MISSING_OPENPYXL) from exc
    data: Any = io.BytesIO(source) if isinstance(source, bytes) else source
    _check_expansion(data, display)
    if isinstance(data, io.BytesIO):
        data.seek(0)
    try:
        book = openpyxl.load_workbook(data, read_only=False, data_only=False)
    except OSError as exc:
        raise WorkbookError(f"cannot read {display}: {exc.strerror or exc}") from exc
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise WorkbookError(f"{display}: not a readable XLSX file ({type(exc).__name__})"
                            ) from exc
    for ws in book.worksheets:
        check_extent(ws, display)
    return book


def _check_expansion(data: Any, display: str) -> None:
    try:
        with zipfile.ZipFile(data) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except OSError as exc:
        raise WorkbookError(f"cannot read {display}: {exc.strerror or exc}") from exc
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise WorkbookError(f"{display}: not a readable XLSX file ({type(exc).__name__})"
                            ) from exc
    # zipfile stops every part at the size the directory declares, so this sum bounds
    # what openpyxl can be made to read.
    if expanded > MAX_EXPANDED_BYTES:
        raise WorkbookError(
            f"{display}: its parts expand to {expanded / 2**20:,.0f} MB, over the limit of"
            f" {MAX_EXPANDED_BYTES // 2**20} MB for a workbook napctl reads")


def check_extent(ws: Any, display: str) -> None:
    """Refuse a sheet spanning more cells than a reader should walk."""
    rows, columns = ws.max_row or 0, ws.max_column or 0
    if rows * columns > MAX_SHEET_CELLS:
        raise WorkbookError(
            f"{display}:{ws.title}: the sheet spans {rows:,} rows and {columns:,} columns"
            f" (up to {ws.cell(rows, columns).coordinate}), over the limit of"
            f" {MAX_SHEET_CELLS:,} cells; delete what lies beyond the table")
