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
import re
from collections.abc import Iterable, Sequence

#: What makes a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


#: Text a spreadsheet would take for a formula, behind any apostrophes someone typed:
#: ``'=x`` is guarded too, so that the apostrophe typed before it survives a round trip.
_FORMULA_LIKE = re.compile("^'*[" + re.escape("".join(FORMULA_STARTS)) + "]")


#: The first characters of text ``_FORMULA_LIKE`` may match: most cells start otherwise,
#: and a set look-up costs a tenth of the pattern (a site writes millions of cells).
_MAYBE_FORMULA = frozenset(("'", *FORMULA_STARTS))


def neutral_cell(value: object) -> str:
    """``value`` as a cell a spreadsheet keeps as text (``unguard`` gives it back)."""
    text = "" if value is None else str(value)
    if text[:1] in _MAYBE_FORMULA and _FORMULA_LIKE.match(text):
        return "'" + text
    return text


def unguard(text: str) -> str:
    """The text ``neutral_cell`` was given: one guarding apostrophe taken off, where it
    put one (``'=x`` -> ``=x``, ``''=x`` -> ``'=x``; ``'x`` stays as typed)."""
    return text[1:] if text.startswith("'") and _FORMULA_LIKE.match(text[1:]) else text


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """Rows as CSV (RFC 4180: CRLF line ends), every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutral_cell(c) for c in row])
    return buffer.getvalue()
