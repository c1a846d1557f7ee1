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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from napctl.core.csvtext import csv_text, neutral_cell
from napctl.core.i18n import N_, translator
from napctl.model import Assignment, Budget, Plan
from napctl.plans import ActionRow

#: The matrix's columns (English; a progress sheet writes them in its language).
MATRIX_HEADER = (
    N_("Plan"),
    N_("Pillar id"),
    N_("Pillar"),
    N_("UN pillars"),
    N_("Goal id"),
    N_("Goal"),
    N_("Action id"),
    N_("Action"),
    N_("Indicators"),
    N_("Departments"),
    N_("Lead"),
    N_("Deadline"),
    N_("Timeline"),
    N_("Budget"),
    N_("Budget source"),
    N_("Budget allocated"),
    N_("Notes"),
)


def matrix_header(lang: str = "en") -> tuple[str, ...]:
    """The matrix's columns in ``lang``: words `napctl import` reads (``sheets/headers``)."""
    return tuple(translator(lang).gettext(h) for h in MATRIX_HEADER)


REGISTRY_HEADER = ("Plan", "Code", "Name", "Other names", "Aliases", "Parent", "Notes")
MAX_WIDTH, MIN_WIDTH = 60, 8
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


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
    amount = [] if budget.amount is None else [f"{budget.amount} {budget.currency or ''}".strip()]
    return "\n".join([*amount, *budget.notes])


def allocated_text(budget: Budget | None) -> str:
    if budget is None or budget.allocated is None:
        return ""
    return "yes" if budget.allocated else "no"


def matrix_row(r: ActionRow) -> list[str]:
    budget = r.action.budget
    return [
        r.plan.id,
        r.pillar.id,
        r.pillar.title,
        ", ".join(r.pillar.un_pillars),
        r.goal.id,
        r.goal.text,
        r.action.id,
        r.action.text,
        "\n".join(r.action.indicator_texts()),
        "\n".join(assignment_text(a) for a in r.action.assignments()),
        r.action.lead or "",
        "" if r.action.deadline is None else str(r.action.deadline),
        r.action.timeline or "",
        budget_text(budget),
        (budget.source or "") if budget else "",
        allocated_text(budget),
        "\n".join(r.action.notes),
    ]


def matrix_rows(rows: Sequence[ActionRow]) -> list[list[str]]:
    return [matrix_row(r) for r in rows]


#: Added after the matrix's columns when a plan has expected results.
RESULT_HEADER = (N_("Result id"), N_("Result"))
#: Added after the registry's columns when a plan says more of its actors.
ACTOR_HEADER = ("Kind", "Reports", "Groups")


def matrix_table(
    rows: Sequence[ActionRow], lang: str = "en"
) -> tuple[tuple[str, ...], list[list[str]]]:
    """The matrix's header (in ``lang``) and rows, with each action's result when the plan
    has them (the columns of a plan without results stay as they were)."""
    body = matrix_rows(rows)
    if not any(r.result is not None for r in rows):
        return matrix_header(lang), body
    for line, r in zip(body, rows, strict=True):
        line += ["", ""] if r.result is None else [r.result.id, r.result.text]
    results = tuple(translator(lang).gettext(h) for h in RESULT_HEADER)
    return (*matrix_header(lang), *results), body


def registry_table(plans: Sequence[Plan]) -> tuple[tuple[str, ...], list[list[str]]]:
    """The registry's header and rows, with kinds, reporting and groupings when a plan
    gives any of them."""
    body = registry_rows(plans)
    departments = [d for plan in plans for d in plan.departments]
    if not any(d.kind or d.reports is not None or d.groups for d in departments):
        return REGISTRY_HEADER, body
    for line, d in zip(body, departments, strict=True):
        line += [d.actor_kind, "yes" if d.reporting else "no", "\n".join(d.groups)]
    return (*REGISTRY_HEADER, *ACTOR_HEADER), body


def registry_rows(plans: Sequence[Plan]) -> list[list[str]]:
    return [
        [
            plan.id,
            d.code,
            d.name,
            "\n".join(f"{k}: {v}" for k, v in d.names.items()),
            "\n".join(d.aliases),
            d.parent or "",
            "\n".join(d.notes),
        ]
        for plan in plans
        for d in plan.departments
    ]


def workbook_sheets(
    plans: Sequence[Plan],
    rows: Sequence[ActionRow],
    plan_sheet: Callable[[Plan, list[ActionRow]], Sheet] | None = None,
    lang: str = "en",
) -> list[Sheet]:
    """One sheet per plan (its actions, or what ``plan_sheet`` makes of them), then the
    department registry of them all (its columns in English, as `napctl import` reads
    them)."""
    titles: set[str] = set()
    sheets = []
    for p in plans:
        mine = [r for r in rows if r.plan.id == p.id]
        if plan_sheet is None:
            sheets.append(Sheet(_sheet_title(p.id, titles), *matrix_table(mine, lang)))
        else:
            made = plan_sheet(p, mine)
            sheets.append(replace(made, title=_sheet_title(made.title, titles)))
    sheets.append(Sheet(_sheet_title("departments", titles), *registry_table(plans)))
    return sheets


def _sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet title: at most 31 characters, none of []:*?/\\, no
    apostrophe first or last (Excel's rules, which XlsxWriter enforces)."""
    base = _BAD_SHEET_CHARS.sub("-", name)[:31].strip("'") or "sheet"
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def as_csv(rows: Sequence[ActionRow], lang: str = "en") -> str:
    header, body = matrix_table(rows, lang)
    return csv_text([header, *body])


def as_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """The workbook's bytes (``napctl.sheets.xlsx_write``, the xlsx extra). Each cell is
    text: the value neutralised, what XML cannot hold replaced by U+FFFD; a column is
    as wide as its longest line plus 2, between MIN_WIDTH and MAX_WIDTH. Raises
    WorkbookError without the extra, or for a value too long for a spreadsheet cell."""
    # lazy: start-up (a CSV export needs no XLSX writer)
    from napctl.sheets.xlsx_write import workbook_bytes

    return workbook_bytes(sheets, neutral_cell, (MIN_WIDTH, MAX_WIDTH))
