"""Reading an action matrix from a CSV or XLSX file: cells as text, with their positions.

The file is read by napctl's bounded reader, a workbook opened by
``napctl.sheets.workbook``, and each cell becomes text by the one cell policy
(``napctl.sheets.cells``): a formula, a date, a fraction, a merged range and
the like are problems reported at their cells; whole numbers are read as their
digits; the quote napctl's export puts before ``= + - @`` is taken off again,
so an exported table reads back unchanged.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from napctl.core.messages import close_matches, did_you_mean
from napctl.core.readfile import read_bytes
from napctl.sheets.cells import (
    Cell,
    Grid,
    column_letter,
    header_texts,
    sheet_grid,
    string_text,
)
from napctl.sheets.export import REGISTRY_HEADER
from napctl.sheets.headers import HEADERS, PENDING, SYNONYMS, field_of, fold
from napctl.sheets.workbook import MAX_FILE_BYTES, WorkbookError, open_workbook

#: What a table's columns can hold; the names are those of ``--columns FIELD=Header``.
FIELDS = tuple(HEADERS)
SKIP = "skip"


class ReadError(Exception):
    """The file cannot be read as a table at all (a usage error)."""


@dataclass(slots=True)
class Table:
    """The rows of one sheet below its header, and the problems met reading it."""

    source: str
    header: list[Cell]
    rows: list[list[Cell]]
    problems: list[str] = field(default_factory=list)
    #: plan id -> code -> department data, from a workbook's departments sheet
    registry: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)


def read_table(path: Path, *, sheet: str | None = None) -> Table:
    """The table in ``path`` (.csv or .xlsx). Raises ReadError when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise ReadError(f"{path}: not a .csv or .xlsx file")
    if suffix == ".csv" and sheet is not None:
        raise ReadError("--sheet is for XLSX files; a CSV file has one table")
    raw, problems = read_bytes(str(path), str(path), MAX_FILE_BYTES, kind="table")
    if raw is None:
        problem = problems[0]
        if problem.code == "NAP102":  # its own words name --max-bytes, which import lacks
            raise ReadError(
                f"{path}: over the limit of {MAX_FILE_BYTES // 2**20} MB for a table napctl reads"
            )
        reason = problem.message.removeprefix("cannot read file: ")
        raise ReadError(f"cannot read {path}: {reason}")
    if suffix == ".csv":
        grid = csv_grid(raw, path.name)
        return _split_header(path.name, grid.rows, grid.problems)
    return _read_xlsx(raw, path, sheet)


def csv_grid(raw: bytes, name: str) -> Grid:
    """Every cell of a CSV file (comma, semicolon or tab separated), named ``name:B3``."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{name}: not UTF-8 text (save the CSV as UTF-8)") from exc
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") and "\t" not in sample else ","
    if sample.count("\t") > max(sample.count(","), sample.count(";")):
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    grid = Grid([])
    try:
        for r, record in enumerate(reader, start=1):
            cells = []
            for c, raw_value in enumerate(record):
                ref = f"{name}:{column_letter(c)}{r}"
                value, why = string_text(raw_value, xlsx=False)
                if why is not None:
                    grid.refuse(ref, why)
                cells.append(Cell(value, ref))
            grid.rows.append(cells)
    except csv.Error as exc:  # a field over the csv module's limit (128 KiB), a NUL byte
        raise ReadError(f"{name}:{reader.line_num}: not a table napctl reads ({exc})") from exc
    return grid


def _split_header(source: str, grid: list[list[Cell]], problems: list[str]) -> Table:
    while grid and not any(c.value.strip() for c in grid[0]):
        grid = grid[1:]
    if not grid:
        return Table(source, [], [], [*problems, f"{source}: the table is empty"])
    return Table(source, grid[0], grid[1:], problems)


def _read_xlsx(raw: bytes, path: Path, sheet: str | None) -> Table:
    try:
        book = open_workbook(raw, str(path))
        if sheet is not None and sheet not in book.sheetnames:
            raise ReadError(f"{path}: no sheet {sheet!r} (sheets: {', '.join(book.sheetnames)})")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        grid = sheet_grid(ws, f"{path.name}:{ws.title}!")
        table = _split_header(path.name, grid.rows, grid.problems)
        for other in book.worksheets:
            if other is ws or tuple(header_texts(other)[:7]) != REGISTRY_HEADER:
                continue  # a sheet napctl does not read is not loaded
            found = sheet_grid(other, f"{path.name}:{other.title}!")
            table.registry = registry_entries(found.rows[1:])
            table.problems += found.problems
            break
    except WorkbookError as exc:  # a sheet is checked as it is read
        raise ReadError(str(exc)) from exc
    return table


def registry_entries(rows: list[list[Cell]]) -> dict[str, dict[str, dict[str, Any]]]:
    """The departments the rows of an exported workbook's departments sheet list
    (plan -> code -> data), read below its header (``export.REGISTRY_HEADER``)."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for cells in rows:
        row = [c.value for c in cells]
        plan, code, name, names, aliases, parent, notes = (row + [""] * 7)[:7]
        if not code.strip() or not name.strip():
            continue
        data: dict[str, Any] = {"code": code.strip(), "name": " ".join(name.split())}
        other = dict(line.split(":", 1) for line in names.splitlines() if ":" in line)
        if other:
            data["names"] = {k.strip(): v.strip() for k, v in other.items()}
        for key, value in (("aliases", aliases), ("notes", notes)):
            if [x.strip() for x in value.splitlines() if x.strip()]:
                data[key] = [x.strip() for x in value.splitlines() if x.strip()]
        if parent.strip():
            data["parent"] = parent.strip()
        found.setdefault(plan.strip(), {})[code.strip()] = data
    return found


def map_columns(table: Table, explicit: list[tuple[str, str]]) -> dict[str, int]:
    """Field -> column index, from ``--columns`` first, then the known header words."""
    if not table.header:  # an empty table: "the table is empty" says it all
        return {}
    by_header = {fold(c.value): i for i, c in enumerate(table.header) if c.value.strip()}
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    for field_name, header in explicit:
        index = by_header.get(fold(header))
        if index is None:
            table.problems.append(
                f"{table.source}: --columns {field_name}={header}: no such"
                f" column (headers: {_headers(table)})"
            )
            continue
        taken.add(index)
        if field_name != SKIP:
            mapping[field_name] = index
    for index, cell in enumerate(table.header):
        if index in taken or not cell.value.strip():
            continue
        _match_header(table, cell, index, mapping)
    for name, what in PENDING.items():
        if name in mapping:
            cell = table.header[mapping[name]]
            table.problems.append(
                f"{cell.ref}: column {cell.value.strip()!r} holds {what}, which plan files"
                " cannot hold yet; leave it out with --columns skip=HEADER"
            )
    for needed, what in (("text", "the action text"), ("departments", "the departments")):
        if needed not in mapping:
            ref = table.header[0].ref if table.header else table.source
            table.problems.append(
                f"{ref}: no column for {what} (headers: {_headers(table)});"
                f" name one with --columns {needed}=HEADER"
            )
    return mapping


def _match_header(table: Table, cell: Cell, index: int, mapping: dict[str, int]) -> None:
    folded = fold(cell.value)
    found = field_of(cell.value)
    if found is None:
        table.problems.append(
            f"{cell.ref}: unknown column {cell.value.strip()!r}{_hint(folded)};"
            " name it with --columns FIELD=HEADER (FIELD one of"
            f" {', '.join(FIELDS)}) or leave it out with --columns skip=HEADER"
        )
    elif found in mapping:
        table.problems.append(
            f"{cell.ref}: a second column for {found}"
            f" ({cell.value.strip()!r}); leave one out with --columns"
            " skip=HEADER"
        )
    else:
        mapping[found] = index


def _hint(folded: str) -> str:
    words = {w: f for f, ws in SYNONYMS.items() for w in ws}
    return did_you_mean([words[w] for w in close_matches(folded, words, cutoff=0.75)], quote=repr)


def _headers(table: Table) -> str:
    return ", ".join(repr(c.value.strip()) for c in table.header if c.value.strip()) or "none"


def parse_columns(option: str | None) -> list[tuple[str, str]]:
    """``text=Action,departments=Acteurs`` -> [("text", "Action"), ...]; ValueError if bad."""
    result: list[tuple[str, str]] = []
    for part in (option or "").split(","):
        if not part.strip():
            continue
        name, sep, header = part.partition("=")
        name = name.strip()
        if not sep or not header.strip():
            raise ValueError(f"--columns: {part.strip()!r} is not FIELD=HEADER")
        if name not in (*FIELDS, SKIP):
            raise ValueError(
                f"--columns: unknown field {name!r} (fields: {', '.join(FIELDS)}, {SKIP})"
            )
        if name != SKIP and any(n == name for n, _ in result):
            raise ValueError(f"--columns: {name} given twice")
        result.append((name, header.strip()))
    return result
