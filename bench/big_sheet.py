"""A progress workbook with a huge extra sheet napctl does not read (issue 26, class 8).

Writes napctl's own progress sheet for a year (``napctl export --year``) with one
more sheet of ROWS x COLUMNS number cells: a small file (deflate packs the
repeated XML some 400 to 1), millions of cells. `napctl progress import` of it
must cost what the progress sheet costs, not what the extra sheet holds::

    python bench/big_sheet.py OUT.xlsx --rows 3900 --columns 1000
    /usr/bin/time -v napctl progress import OUT.xlsx --year 2020 --progress ...
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cells_xml(rows: int, columns: int, dimension: bool) -> Iterator[bytes]:
    from openpyxl.utils.cell import get_column_letter

    yield b'<?xml version="1.0" encoding="UTF-8"?>\n'
    yield b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    if dimension:
        yield f'<dimension ref="A1:{get_column_letter(columns)}{rows}"/>'.encode()
    yield b"<sheetData>"
    cells = b"".join(b"<c><v>1</v></c>" for _ in range(columns))
    for row in range(1, rows + 1):
        yield b'<row r="%d">' % row + cells + b"</row>"
    yield b"</sheetData></worksheet>"


def make(out: Path, year: int, rows: int, columns: int, *, dimension: bool = True) -> None:
    """``out``: the bundled plans' progress sheet for ``year`` and the extra sheet."""
    import openpyxl

    base = out.with_suffix(".base.xlsx")
    subprocess.run(
        [sys.executable, "-m", "napctl", "export", "--year", str(year), "-o", str(base)]
        + ["--plans", str(ROOT / "plans"), "--progress", str(ROOT / "examples" / "progress")],
        check=True,
    )
    book = openpyxl.load_workbook(base)
    book.create_sheet("Ministry notes")
    buffer = io.BytesIO()
    book.save(buffer)
    base.unlink()
    name = f"xl/worksheets/sheet{len(book.sheetnames)}.xml"
    with (
        zipfile.ZipFile(buffer) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info))
                continue
            with dst.open(name, "w", force_zip64=True) as part:
                for chunk in _cells_xml(rows, columns, dimension):
                    part.write(chunk)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--year", type=int, default=2020)
    parser.add_argument("--rows", type=int, default=3900)
    parser.add_argument("--columns", type=int, default=1000)
    parser.add_argument("--no-dimension", action="store_true")
    args = parser.parse_args()
    make(args.out, args.year, args.rows, args.columns, dimension=not args.no_dimension)
    print(f"{args.out}: {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
