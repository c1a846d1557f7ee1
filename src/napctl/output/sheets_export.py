"""The action matrix as a spreadsheet a ministry can open (XLSX) or any tool can read (CSV).

A workbook is a list of ``Sheet`` values (title, header, rows of text), so a
later sheet (the progress of a year) is one more function returning a Sheet.
Every cell is text: nothing is turned into a number or a date, and the XLSX
cells carry the text number format ("@") so that a spreadsheet keeps them so.
Formula injection: a cell whose text starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return gets a leading ``'`` (in CSV and XLSX alike), so that
no spreadsheet runs it; ``napctl import`` takes that quote off again.
The columns are those ``napctl import`` reads back, so an exported table
imports into a new plan unchanged.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from napctl.model import Assignment, Budget, Plan
from napctl.output.csvtext import csv_text, neutral_cell
from napctl.query import ActionRow

MATRIX_HEADER = (
    "Plan", "Pillar id", "Pillar", "UN pillars", "Goal id", "Goal", "Action id", "Action",
    "Indicators", "Departments", "Lead", "Deadline", "Timeline", "Budget", "Budget source",
    "Budget allocated", "Notes",
)
REGISTRY_HEADER = ("Plan", "Code", "Name", "Other names", "Aliases", "Parent", "Notes")
MAX_WIDTH, MIN_WIDTH = 60, 8
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


@dataclass(frozen=True, slots=True)
class Sheet:
    title: str
    header: tuple[str, ...]
    rows: list[list[str]]
    #: column index -> the values a cell of it may take (an XLSX drop-down list)
    choices: dict[int, tuple[str, ...]] = field(default_factory=dict)
    #: columns a person fills in (shaded) and columns napctl keeps for itself (hidden)
    editable: tuple[int, ...] = ()
    hidden: tuple[int, ...] = ()


def assignment_text(entry: Assignment) -> str:
    """``CODE``, ``CODE (coordination)``, ``CODE (note)``: what napctl import reads back."""
    extra = [x for x in (entry.role, entry.note) if x]
    return entry.code + "".join(f" ({x})" for x in extra)


def budget_text(budget: Budget | None) -> str:
    """An amount and its currency on the first line, then the notes, a line each."""
    if budget is None:
        return ""
    amount = [] if budget.amount is None else [f"{budget.amount} {budget.currency or ''}"
                                               .strip()]
    return "\n".join([*amount, *budget.notes])


def allocated_text(budget: Budget | None) -> str:
    if budget is None or budget.allocated is None:
        return ""
    return "yes" if budget.allocated else "no"


def matrix_row(r: ActionRow) -> list[str]:
    budget = r.action.budget
    return [
        r.plan.id, r.pillar.id, r.pillar.title, ", ".join(r.pillar.un_pillars), r.goal.id,
        r.goal.text, r.action.id, r.action.text, "\n".join(r.action.indicator_texts()),
        "\n".join(assignment_text(a) for a in r.action.assignments()), r.action.lead or "",
        "" if r.action.deadline is None else str(r.action.deadline), r.action.timeline or "",
        budget_text(budget), (budget.source or "") if budget else "", allocated_text(budget),
        "\n".join(r.action.notes),
    ]


def matrix_rows(rows: Sequence[ActionRow]) -> list[list[str]]:
    return [matrix_row(r) for r in rows]


def registry_rows(plans: Sequence[Plan]) -> list[list[str]]:
    return [[
        plan.id, d.code, d.name, "\n".join(f"{k}: {v}" for k, v in d.names.items()),
        "\n".join(d.aliases), d.parent or "", "\n".join(d.notes),
    ] for plan in plans for d in plan.departments]


def workbook_sheets(plans: Sequence[Plan], rows: Sequence[ActionRow],
                    plan_sheet: Callable[[Plan, list[ActionRow]], Sheet] | None = None
                    ) -> list[Sheet]:
    """One sheet per plan (its actions, or what ``plan_sheet`` makes of them), then the
    department registry of them all."""
    titles: set[str] = set()
    sheets = []
    for p in plans:
        mine = [r for r in rows if r.plan.id == p.id]
        if plan_sheet is None:
            sheets.append(Sheet(_sheet_title(p.id, titles), MATRIX_HEADER, matrix_rows(mine)))
        else:
            made = plan_sheet(p, mine)
            sheets.append(replace(made, title=_sheet_title(made.title, titles)))
    sheets.append(Sheet(_sheet_title("departments", titles), REGISTRY_HEADER,
                        registry_rows(plans)))
    return sheets


def _sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet title: at most 31 characters, none of []:*?/\\."""
    base = _BAD_SHEET_CHARS.sub("-", name)[:31] or "sheet"
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def as_csv(rows: Sequence[ActionRow]) -> str:
    return csv_text([MATRIX_HEADER, *matrix_rows(rows)])


def as_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """The workbook's bytes. Raises ImportError when openpyxl is missing."""
    from openpyxl import Workbook

    book = Workbook()
    for blank in list(book.worksheets):
        book.remove(blank)
    for sheet in sheets:
        _fill(book.create_sheet(sheet.title), sheet)
    # A fixed date: the same plans give the same workbook content.
    import datetime

    fixed = datetime.datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same workbook with every zip entry dated 1980-01-01: same plans, same bytes."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = old.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\2", content)
            new.writestr(fixed, content)
    return out.getvalue()


def _fill(ws: Any, sheet: Sheet) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    widths = [len(h) for h in sheet.header]
    styles: dict[bool, Any] = {}  # header or not -> the style ids its first cell got
    for r, values in enumerate([list(sheet.header), *sheet.rows], start=1):
        for c, value in enumerate(values, start=1):
            text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", neutral_cell(value))
            cell = ws.cell(row=r, column=c, value=text)
            cell.data_type = "s"
            _style(cell, styles, r == 1, number_format="@", alignment=wrap,
                   **({"font": bold} if r == 1 else {}))
            longest = max((len(line) for line in text.splitlines()), default=0)
            widths[c - 1] = max(widths[c - 1], longest)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(MAX_WIDTH, max(MIN_WIDTH,
                                                                             width + 2))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{len(sheet.rows) + 1}"
    _inputs(ws, sheet)


def _style(cell: Any, done: dict[bool, Any], key: bool, **attrs: Any) -> None:
    """Give ``cell`` the style ``attrs``: set on the first cell of its ``key``, then the
    style ids that cell got are copied. Setting a style object is a hash of it and
    a look-up in the workbook's list of styles, per cell: half of exporting 10,000
    actions (issue 20). Every such cell has the same style before (one loop writes
    them all alike), so the copy is what setting ``attrs`` would give."""
    from copy import copy

    known = done.get(key)
    if known is None:
        for name, value in attrs.items():
            setattr(cell, name, value)
        done[key] = copy(cell._style)
    else:
        cell._style = copy(known)


def _inputs(ws: Any, sheet: Sheet) -> None:
    """Shade the cells a person fills in, list the values a column takes, hide napctl's."""
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    last = len(sheet.rows) + 1
    shade = PatternFill("solid", fgColor="FFF2CC")
    shaded: dict[bool, Any] = {}
    for c in sheet.editable:
        for r in range(2, last + 1):
            _style(ws.cell(row=r, column=c + 1), shaded, True, fill=shade)
    for c, values in sheet.choices.items():
        letter = get_column_letter(c + 1)
        check = DataValidation(type="list", formula1=f'"{",".join(values)}"', allow_blank=True,
                               showErrorMessage=True, errorTitle="Not a status",
                               error=f"One of: {', '.join(values)}")
        ws.add_data_validation(check)
        check.add(f"{letter}2:{letter}{max(last, 2)}")
    for c in sheet.hidden:
        ws.column_dimensions[get_column_letter(c + 1)].hidden = True


