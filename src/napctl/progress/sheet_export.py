"""`napctl export --year`: the action matrix with the year's progress for a ministry to fill in.

One row per action and per department that reports on it (an action for
"All" has a row for each department, or for each of the ``--actor``'s), the
matrix columns first, then the department's entry for the year as a
checklist shows it: status, summary, one value per indicator, obstacles,
next steps, revised due date, justification. The last column (hidden in
XLSX) holds what the row was made from, as a checklist item's marker does
(``napctl.progress.checklist_items``: whose entry, its digest, a hash of
what the row shows), so `napctl progress import` applies the checklists'
conflict rules to the sheet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from napctl.checks.progress import responsible_among
from napctl.core.csvtext import csv_text
from napctl.core.i18n import N_, term, translator
from napctl.model import Plan
from napctl.model.progress import STATUSES
from napctl.plans import ActionRow
from napctl.progress.checklist_items import (
    TEXT_FIELDS,
    ChecklistProgress,
    base_marker,
    shown_fields,
)
from napctl.progress.indicator_hints import indicator_hints
from napctl.sheets.export import MATRIX_HEADER, Sheet, matrix_header, matrix_row

DEPARTMENT_HEADER = N_("Reporting department")
STATUS_HEADER = N_("Status")
#: The column napctl keeps for itself; its header is how a sheet is recognised.
BASE_HEADER = "napctl base (do not edit)"
#: Text columns after the indicator values: header -> entry attribute.
TAIL_TEXTS = {label: attr for label, attr in TEXT_FIELDS.items() if attr != "summary"}


VALUE_HEADER = N_("Indicator %(n)s value")


def value_header(n: int, lang: str = "en") -> str:
    return translator(lang).gettext(VALUE_HEADER) % {"n": n}


def progress_header(indicators: int, lang: str = "en") -> tuple[str, ...]:
    """The columns in ``lang`` (`progress import` reads them in every language); the
    base column, hidden, keeps its English name: it is how a sheet is recognised."""
    _ = translator(lang).gettext
    return (
        *matrix_header(lang),
        _(DEPARTMENT_HEADER),
        _(STATUS_HEADER),
        _("Summary"),
        *(value_header(n, lang) for n in range(1, indicators + 1)),
        *(_(h) for h in TAIL_TEXTS),
        BASE_HEADER,
    )


def hint_headers(indicators: int) -> tuple[str, ...]:
    """Read-only columns after the base: each indicator's last value and target."""
    return tuple(
        h
        for n in range(1, indicators + 1)
        for h in (f"Indicator {n} last value", f"Indicator {n} target")
    )


def _text(value: object) -> str:
    return "" if value is None else str(value)


def progress_rows(
    rows: Sequence[ActionRow],
    progress: ChecklistProgress,
    codes: Mapping[str, frozenset[str]] | None,
    indicators: int,
    lang: str = "en",
) -> list[list[str]]:
    """Each action's row once per department that reports on it (of ``codes``, per plan)."""
    out: list[list[str]] = []
    for row in rows:
        plan, action = row.plan, row.action
        mine = None if codes is None else codes.get(plan.id, frozenset())
        matrix = matrix_row(row)
        for code in responsible_among(plan, action, mine):
            entry = progress.entry(plan.id, code, action.id)
            shown = shown_fields(entry, action)
            values = [_text(shown["indicators"].get(str(n))) for n in range(1, indicators + 1)]
            hints = indicator_hints(
                action, progress.earlier.get((plan.id, code, action.id), []), progress.year
            )
            shown_hints = [
                _text(hints.get(n, {}).get(k))
                for n in range(1, indicators + 1)
                for k in ("last", "target")
            ]
            out.append(
                [
                    *matrix,
                    code,
                    term(entry.status, lang),
                    _text(shown["summary"]),
                    *values,
                    *(_text(shown[attr]) for attr in TAIL_TEXTS.values()),
                    base_marker(plan.id, progress.year, code, entry, shown),
                    *shown_hints,
                ]
            )
    return out


def with_hints(
    header: tuple[str, ...], rows: list[list[str]], indicators: int
) -> tuple[tuple[str, ...], list[list[str]]]:
    """The header with the hint columns when a row has a last value or a target; else the
    rows without them (a sheet with nothing to show there keeps its old columns)."""
    width = 2 * indicators
    if width and any(any(r[-width:]) for r in rows):
        return (*header, *hint_headers(indicators)), rows
    return header, [r[: len(r) - width] for r in rows]


def indicator_columns(rows: Sequence[ActionRow]) -> int:
    return max((len(r.action.indicators) for r in rows), default=0)


def progress_sheet(
    plan: Plan,
    rows: list[ActionRow],
    progress: ChecklistProgress,
    codes: Mapping[str, frozenset[str]] | None,
    lang: str = "en",
) -> Sheet:
    """The plan's sheet for the year: matrix and progress columns, status as a list (in
    ``lang``: `progress import` reads the statuses of every language)."""
    width = indicator_columns(rows)
    base = progress_header(width, lang)
    first = len(MATRIX_HEADER) + 1
    header, table = with_hints(base, progress_rows(rows, progress, codes, width, lang), width)
    return Sheet(
        f"{plan.id} {progress.year}",
        header,
        table,
        choices={first: tuple(term(s, lang) for s in STATUSES)},
        editable=tuple(range(first, len(base) - 1)),
        hidden=(len(base) - 1,),
    )


def progress_csv(
    rows: Sequence[ActionRow],
    progress: ChecklistProgress,
    codes: Mapping[str, frozenset[str]] | None,
    lang: str = "en",
) -> tuple[str, int]:
    """The CSV table of every plan's rows, and how many rows it has."""
    width = indicator_columns(rows)
    header, table = with_hints(
        progress_header(width, lang), progress_rows(rows, progress, codes, width, lang), width
    )
    return csv_text([header, *table]), len(table)
