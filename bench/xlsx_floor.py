"""openpyxl writing ROWS x COLS text cells, each with one style, no napctl at all: what
`napctl export` in XLSX cost through openpyxl (issue 20; napctl now writes the parts
itself, napctl.sheets.xlsx_write, so this is a reference, no longer a floor).

    python bench/xlsx_floor.py ROWS COLS OUT.xlsx
"""

from __future__ import annotations

import sys
from copy import copy

from openpyxl import Workbook
from openpyxl.styles import Alignment


def main(rows: int, cols: int, out: str) -> None:
    book = Workbook()
    ws = book.active
    style = None
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            cell = ws.cell(row=r, column=c, value=f"row {r} column {c}")
            if style is None:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                style = copy(cell._style)
            else:
                cell._style = copy(style)
    book.save(out)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
