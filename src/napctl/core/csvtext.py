"""CSV as napctl writes it: the one writer every ``-f csv`` goes through.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (``=HYPERLINK(...)``, ``=cmd|...``), and some also after a leading tab
or carriage return. Following OWASP's CSV-injection guidance, such a cell is
written with a ``'`` in front, which spreadsheets show as text and do not
print; quoting of separators, quotes and line breaks is the csv module's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

#: What makes a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral_cell(value: object) -> str:
    """``value`` as a cell a spreadsheet keeps as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """Rows as CSV (RFC 4180: CRLF line ends), every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutral_cell(c) for c in row])
    return buffer.getvalue()
