"""Reading a progress sheet (`napctl export --year`) back: one item per row.

The row's action id and reporting department say whose entry it is; the
hidden base column says what the row showed when it was exported, as a
checklist item's marker does. Every problem names its cell
(``progress.xlsx:lu-2018-2023 2020!S14``, ``progress.csv:S14``). Cells become
text by the one cell policy of ``napctl.sheets.cells``, as in `napctl import`:
a whole number is read as its digits; a formula, a date, a fraction, a
true/false value, an error value, a merged range or an over-long cell is
refused at its cell, and a row with a refused cell among those read is not
imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from napctl.core.i18n import LANGUAGES, every_language, translator
from napctl.model.words import parse_status
from napctl.progress.checklist_items import flat, parse_fields
from napctl.progress.items import ImportItem, Note, ProgressImportError, ReadItems
from napctl.progress.readers import status_problem
from napctl.progress.sheet_export import (
    BASE_HEADER,
    DEPARTMENT_HEADER,
    STATUS_HEADER,
    TAIL_TEXTS,
    VALUE_HEADER,
)
from napctl.sheets.cells import Cell, column_letter, header_texts, sheet_grid
from napctl.sheets.export import MATRIX_HEADER
from napctl.sheets.read import ReadError, csv_grid
from napctl.sheets.workbook import WorkbookError, open_workbook

_REF = re.compile(r"([A-Z]+)([0-9]+)$")
_VALUE = re.compile(r"^Indicator ([0-9]{1,3}) value$")
# A sheet exported in any language reads back: its headers as every catalog writes them.
_VALUE_ANY = re.compile(
    "^(?:"
    + "|".join(
        re.escape(translator(lang).gettext(VALUE_HEADER)).replace(
            re.escape("%(n)s"), "([0-9]{1,3})", 1
        )
        for lang in LANGUAGES
    )
    + ")$"
)
_NEEDED = ("Plan", "Action id", DEPARTMENT_HEADER, STATUS_HEADER, BASE_HEADER)
_TEXTS = {"Summary": "summary", **TAIL_TEXTS}
_NAMES = every_language((*MATRIX_HEADER, DEPARTMENT_HEADER, STATUS_HEADER, *_TEXTS))


def read_csv_sheet(data: bytes, display: str) -> ReadItems:
    grid = csv_grid(data, display)
    rows = grid.rows
    while rows and not any(c.value.strip() for c in rows[0]):
        rows = rows[1:]
    if not rows or not any(c.value.strip() == BASE_HEADER for c in rows[0]):
        raise ProgressImportError(
            f"{display} is no progress sheet (no {BASE_HEADER!r}"
            " column); write one with `napctl export --year YYYY`"
        )
    read = ReadItems([], noun="sheet", made="exported")
    _rows(rows[0], rows[1:], read, grid.refused)
    return read


def read_xlsx_sheets(data: bytes, display: str) -> ReadItems:
    """The rows of every sheet of the workbook that has napctl's base column."""
    read = ReadItems([], noun="sheet", made="exported")
    found = False
    try:
        for ws in open_workbook(data, display).worksheets:
            if BASE_HEADER not in header_texts(ws):
                continue  # the departments sheet, a sheet of the ministry's own: not loaded
            grid = sheet_grid(ws, f"{display}:{ws.title}!")
            found = True
            _rows(grid.rows[0], grid.rows[1:], read, grid.refused)
    except WorkbookError as exc:  # a sheet is checked as it is read
        raise ReadError(str(exc)) from exc
    if not found:
        raise ProgressImportError(
            f"{display} has no progress sheet (no {BASE_HEADER!r}"
            " column); write one with `napctl export --year YYYY`"
        )
    return read


def _padded(row: list[Cell], width: int) -> list[Cell]:
    """``row`` with the cells a short CSV row lacks (blank, named by column and row)."""
    if len(row) >= width:
        return row
    found = _REF.search(row[0].ref)
    if found is None:
        return row + [Cell("", row[0].ref)] * (width - len(row))
    prefix, line = row[0].ref[: found.start()], found.group(2)
    return row + [Cell("", f"{prefix}{column_letter(c)}{line}") for c in range(len(row), width)]


def _english(name: str) -> str:
    """A header as napctl writes it in English (``Statut`` -> ``Status``)."""
    known = _NAMES.get(name)
    if known is not None:
        return known
    value = _VALUE_ANY.match(name)
    if value is None:
        return name
    return f"Indicator {next(g for g in value.groups() if g)} value"


def _columns(header: list[Cell]) -> dict[str, int]:
    columns = {_english(c.value.strip()): i for i, c in enumerate(header) if c.value.strip()}
    for name in _NEEDED:
        if name not in columns:
            raise ProgressImportError(
                f"{header[0].ref}: no {name!r} column; export the sheet"
                " again with `napctl export --year YYYY`"
            )
    return columns


def _rows(
    header: list[Cell], rows: Iterable[list[Cell]], read: ReadItems, refused: dict[str, str]
) -> None:
    """The items of ``rows``; a row with a refused cell (ref -> why) among those read
    gives notes instead."""
    columns = _columns(header)
    values = {int(m.group(1)): i for name, i in columns.items() if (m := _VALUE.match(name))}
    texts = {attr: columns[label] for label, attr in _TEXTS.items() if label in columns}
    typed = [columns[STATUS_HEADER], *texts.values(), *values.values()]
    read_columns = [
        *typed,
        columns["Plan"],
        columns["Action id"],
        columns[DEPARTMENT_HEADER],
        columns[BASE_HEADER],
    ]
    for short in rows:
        row = _padded(short, len(header))
        why = [Note(row[i].ref, refused[row[i].ref]) for i in read_columns if row[i].ref in refused]
        if why:
            read.notes += why
            continue
        if not any(c.value.strip() for c in row):
            continue
        base = row[columns[BASE_HEADER]]
        if not base.value.strip():
            if any(row[i].value.strip() for i in typed):
                read.notes.append(
                    Note(
                        base.ref,
                        "a row napctl did not export (its base cell"
                        " is empty); type its values in the row exported for"
                        " that action and department",
                    )
                )
            continue
        read.items.append(_item(row, columns, texts, values, base))


def _item(
    row: list[Cell],
    columns: dict[str, int],
    texts: dict[str, int],
    values: dict[int, int],
    base_cell: Cell,
) -> ImportItem:
    base = parse_fields(base_cell.value)
    plan, ident, dept, status = (
        row[columns[n]] for n in ("Plan", "Action id", DEPARTMENT_HEADER, STATUS_HEADER)
    )
    item = ImportItem(
        plan=plan.value.strip() or base.get("plan", ""),
        year=base.get("year", ""),
        dept=" ".join(dept.value.split()),
        id=ident.value.strip(),
        digest=base.get("digest"),
        shown=base.get("shown"),
        where=row[0].ref,
        status=base.get("status", "not-reported"),
        texts={attr: flat(row[i].value) for attr, i in texts.items()},
        indicators={n: flat(row[i].value) for n, i in values.items()},
        at={
            "id": ident.ref,
            "department": dept.ref,
            "status": status.ref,
            **{attr: row[i].ref for attr, i in texts.items()},
            **{f"indicator {n}": row[i].ref for n, i in values.items()},
        },
    )
    word = status.value.strip()
    if word:
        folded = parse_status(word)
        if folded is not None:
            item.status = folded
        else:
            item.problem = Note(status.ref, status_problem(item.id, word))
    if item.problem is None and (item.plan, item.id, item.dept) != (
        base.get("plan"),
        base.get("id"),
        base.get("dept"),
    ):
        # A row typed over to another department points at that department's cell.
        at = dept.ref if item.dept != base.get("dept") else base_cell.ref
        item.problem = Note(
            at,
            f"{item.id}: the row was exported for"
            f" {base.get('id')} of {base.get('dept')}, not {item.id} of"
            f" {item.dept}; type the values in that action's own row",
        )
    return item
