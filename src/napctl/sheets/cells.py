"""One policy for what a spreadsheet cell holds: how its value becomes text, or why not.

Every reader of a table (`napctl import`'s action matrix, `napctl progress
import`'s progress sheet, the departments sheet of an exported workbook, CSV
and XLSX alike) and the XLSX writer go by these rules, so what napctl writes
reads back as it was written, and what a spreadsheet made of a cell is never
taken for what a person typed:

- a string is read as typed: a leading ``'`` that the export puts before
  ``= + - @`` (formula injection guard) is taken off, CR LF becomes LF, and in
  XLSX the escapes of control characters that a spreadsheet writes
  (``_x000D_`` for a CR) become their characters (openpyxl leaves them);
- a whole number is read as its digits, up to 15 of them (a spreadsheet keeps
  15 significant digits; beyond, the digits shown are not the ones typed);
- a number with a fraction is refused (0.1 is stored as 0.1000000000000000055,
  and a number format may show 12.5 as 13 or 50% as 0.5);
- a date, a time, a true/false value, an error value (``#N/A``), a formula
  (its cached value may be stale) and a merged range (its value is in one cell
  only) are refused;
- a cell over 32,767 characters (what a spreadsheet cell holds) is refused, and
  the writer refuses to write one rather than cut it.

A refused cell reads as empty, with the reason at its position
(``matrix.xlsx:Sheet1!D14``, ``progress.csv:S14``); each reader decides what
a refusal stops.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from napctl.core.csvtext import unguard
from napctl.sheets.workbook import Sheet, range_bounds

#: What one cell of a spreadsheet holds, in UTF-16 code units (Excel's limit).
MAX_CELL_CHARS = 32_767
#: Whole numbers below this are read as their digits: 15 significant digits are exact.
MAX_EXACT = 10**15
#: Excel's escape of a control character in XLSX text (ECMA-376 ST_Xstring): ``_x000D_``
#: is CR. Only these: openpyxl already turns the escaped underscore (``_x005F_``) of
#: a text like ``_x0041_`` back into ``_``, so that unescaping every ``_xHHHH_`` would
#: turn what a person typed into another text.
_ESCAPED = re.compile(r"_x00([01][0-9A-Fa-f])_")
#: Control characters that no text napctl keeps may hold (all but tab and line ends):
#: read as U+FFFD, as the writer writes them.
_UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_RETYPE = "where text is expected; format the cell as text and type the value again"


@dataclass(frozen=True, slots=True)
class Cell:
    value: str
    ref: str  # the position as a user finds it: "matrix.xlsx:Sheet1!D14" or "matrix.csv:D14"


@dataclass(slots=True)
class Grid:
    """A sheet's cells as text, and what was refused in them."""

    rows: list[list[Cell]]
    #: ``ref: why`` lines in reading order (merged ranges first), one per refusal
    problems: list[str] = field(default_factory=list)
    #: every refused cell, every cell of a merged range included -> why
    refused: dict[str, str] = field(default_factory=dict)

    def refuse(self, ref: str, why: str) -> None:
        self.problems.append(f"{ref}: {why}")
        self.refused.setdefault(ref, why)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def utf16_length(text: str) -> int:
    """``text``'s length as a spreadsheet counts it (a character beyond U+FFFF is two)."""
    if len(text) <= MAX_CELL_CHARS // 2:  # cannot exceed the limit: skip the encoding
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def too_long(text: str) -> str | None:
    """Why ``text`` does not fit in a spreadsheet cell, or None."""
    length = utf16_length(text)
    if length <= MAX_CELL_CHARS:
        return None
    return (
        f"a cell of {length:,} characters, over the {MAX_CELL_CHARS:,} a spreadsheet"
        " cell holds; shorten it"
    )


def string_text(raw: str, *, xlsx: bool) -> tuple[str, str | None]:
    """A typed string as napctl reads it, or "" and why it is refused."""
    text = raw.replace("\r\n", "\n")
    if xlsx and "_x" in text:
        text = _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text).replace("\r\n", "\n")
        text = _UNFIT.sub("\ufffd", text)
    text = unguard(text)
    why = too_long(text)
    return ("", why) if why else (text, None)


def value_text(cell: Any) -> tuple[str, str | None]:
    """An openpyxl cell's value as text, or "" and why it is refused."""
    value = getattr(cell, "value", None)
    kind = getattr(cell, "data_type", "s")
    if value is None:
        return "", None
    if kind == "f" or (isinstance(value, str) and kind != "s" and value.startswith("=")):
        return "", (
            f"a formula ({str(value)[:40]}); napctl reads values only, paste the value instead"
        )
    if kind == "e":
        return "", f"an error value ({str(value)[:40]}) {_RETYPE}"
    if isinstance(value, bool):
        return "", f"a true/false value ({str(value).upper()}) {_RETYPE}"
    if (
        getattr(cell, "is_date", False)
        or kind == "d"
        or isinstance(value, datetime.date | datetime.time | datetime.timedelta)
    ):
        return "", f"a date ({_date_text(value)}) {_RETYPE}"
    if isinstance(value, int | float):
        return _number_text(value)
    return string_text(str(value), xlsx=True)


def _date_text(value: object) -> str:
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _number_text(value: float) -> tuple[str, str | None]:
    if isinstance(value, float) and not value.is_integer():
        return "", (
            f"a number ({value}) where text is expected; format the cell as text so"
            " that it keeps its digits"
        )
    if abs(value) >= MAX_EXACT:
        return "", (
            f"a number ({value}) too long to keep its digits; format the cell as"
            " text and type it again"
        )
    return str(int(value)), None


def sheet_grid(ws: Any, prefix: str) -> Grid:
    """Every cell of the sheet ``ws`` as text, named ``prefix + "D14"``: a sheet of a
    workbook napctl opened (``napctl.sheets.workbook.Sheet``, streamed) or an openpyxl
    worksheet. Rows 1 to the last, columns A to the widest row's last."""
    grid = Grid([])
    covered: dict[str, str] = {}
    for coord in _merged_ranges(ws):  # as many cells as the opener let through
        merged = f"merged cells ({coord}); unmerge them and repeat the value in every row"
        grid.refuse(f"{prefix}{coord.split(':')[0]}", merged)
        left, top, right, bottom = range_bounds(coord)
        for row in range(top, bottom + 1):
            for col in range(left, right + 1):
                covered[f"{prefix}{column_letter(col - 1)}{row}"] = merged
    rows = dict(ws.rows() if isinstance(ws, Sheet) else enumerate(ws.iter_rows(), start=1))
    width = max((len(cells) for cells in rows.values()), default=0)
    for number in range(1, max(rows, default=0) + 1):
        cells = rows.get(number, ())
        texts = []
        for col in range(width):
            ref = f"{prefix}{column_letter(col)}{number}"
            text, why = value_text(cells[col]) if col < len(cells) else ("", None)
            if why is not None:
                grid.refuse(ref, why)
            texts.append(Cell(text, ref))
        grid.rows.append(texts)
    for ref, merged in covered.items():
        grid.refused.setdefault(ref, merged)
    return grid


def _merged_ranges(ws: Any) -> list[str]:
    if isinstance(ws, Sheet):
        return ws.merged_ranges()
    return [rng.coord for rng in ws.merged_cells.ranges]


def header_texts(ws: Any) -> list[str]:
    """The texts of row 1 of a sheet napctl opened (stripped), without reading the rest:
    whether the sheet is one napctl reads is known before its cells are loaded."""
    return [value_text(cell)[0].strip() for cell in ws.first_row()]
