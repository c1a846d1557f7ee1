"""A worksheet part without ``<dimension>``: given one before openpyxl opens it.

openpyxl, opening a workbook read-only, looks for each sheet's ``<dimension>``
element; where a sheet has none (Excel, LibreOffice and openpyxl always write
one; a workbook made by hand or by a script may not), it parses the whole
sheet to find out, a Python step per element: a minute for a sheet of four
million cells that napctl never reads. Such a part gets ``<dimension
ref="A1"/>`` before its ``<sheetData>``, copied in a stream; the value does not
matter, since a sheet napctl reads is read without trusting it
(``Sheet.rows``). A part whose ``<sheetData>`` starts beyond its first 64 KiB,
or that is not UTF-8, is left as it is: openpyxl then spends time on it, never
memory.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile

#: How far into a part its ``<sheetData>`` is looked for.
HEAD_BYTES = 64 * 1024
_DATA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheetData\b")
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b")
#: In the spreadsheet namespace whatever prefix the part binds it to.
_GIVEN = b'<dimension xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ref="A1"/>'


def with_dimensions(data: bytes) -> bytes:
    """``data``, or a copy whose worksheet parts all have a ``<dimension>``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        where = {info.filename: _missing_at(archive, info) for info in infos}
        if all(at is None for at in where.values()):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
            for info in infos:
                with (
                    archive.open(info) as src,
                    copy.open(info.filename, "w", force_zip64=True) as dst,
                ):
                    at = where[info.filename]
                    if at is not None:
                        head = src.read(at)
                        dst.write(head + _GIVEN)
                    shutil.copyfileobj(src, dst)
    return out.getvalue()


def _missing_at(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int | None:
    """Where a worksheet part lacking a ``<dimension>`` starts its ``<sheetData>``."""
    if not info.filename.lower().endswith(".xml") or info.is_dir():
        return None
    with archive.open(info) as src:
        head = src.read(HEAD_BYTES)
    found = _DATA.search(head)
    if found is None or _DIMENSION.search(head, 0, found.start()) is not None:
        return None
    return found.start()
