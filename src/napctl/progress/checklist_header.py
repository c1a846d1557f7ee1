"""A checklist's hidden header (``<!-- napctl:checklist kind=… title=… year=… -->``),
checked as the options it stands for are.

`progress import` renders a checklist again from its header, and the header's
``date=`` and ``title=`` are copied into every sibling checklist rendered with
it; the header is text anyone can edit. So each field is held to the rules of
its option: printable text on one line (no control or invisible character,
as ``--date``), a length limit, and for ``year``, ``plan`` and ``kind`` their
form. A field that breaks one is a problem at its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from napctl.core.escape import is_clean_text, printable
from napctl.progress.checklist_items import HEADER, parse_fields

#: Longest value of a header field (a department's name as a title, a date as typed).
MAX_FIELD_CHARS = 200
#: Fields with a form of their own: the form, and what it is called.
_FORMS = {
    "year": (re.compile(r"[0-9]{4}"), "a year of four digits"),
    "plan": (re.compile(r"[a-z0-9][a-z0-9-]{0,63}"), "a plan id (a-z, 0-9 and -)"),
    "kind": (re.compile(r"checklists?"), "'checklists' or 'checklist'"),
    "dept": (re.compile(r".{1,80}"), "a department code of up to 80 characters"),
}
#: As `--year`: the years napctl accepts.
_YEARS = range(1900, 2201)


@dataclass(frozen=True, slots=True)
class HeaderProblem:
    line: int
    column: int
    message: str

    def at(self, display: str) -> str:
        return f"{display}:{self.line}:{self.column}: {self.message}"


def header_problems(text: str) -> list[HeaderProblem]:
    """What is wrong with the header of the checklist ``text`` (none without a header)."""
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), 1):
        found = HEADER.search(line)
        if found is not None:
            return line_problems(line, number, found.start(1))
    return []


def line_problems(line: str, number: int, start: int) -> list[HeaderProblem]:
    """The problems of the header on ``line`` (number ``number``), its fields from ``start``."""
    problems: list[HeaderProblem] = []
    column = start
    for part in line[start:].split(" "):
        if "=" in part:
            key = part.partition("=")[0]
            value = parse_fields(part).get(key, "")
            why = field_problem(key, value)
            if why is not None:
                problems.append(HeaderProblem(number, column + 1, why))
        column += len(part) + 1
    return problems


def field_problem(key: str, value: str) -> str | None:
    """Why ``key=value`` is no header field napctl wrote, or None."""
    shown = printable(value[:60]) + ("…" if len(value) > 60 else "")
    if not is_clean_text(key + value):
        return (
            f"the header's {printable(key)}= must be printable text (no control"
            f" characters), not '{shown}'; render the checklist again"
        )
    if len(value) > MAX_FIELD_CHARS:
        return (
            f"the header's {key}= is {len(value):,} characters long, over the limit of"
            f" {MAX_FIELD_CHARS}; render the checklist again"
        )
    form = _FORMS.get(key)
    if form is not None and not form[0].fullmatch(value):
        return f"the header's {key}= must be {form[1]}, not '{shown}'; render the checklist again"
    if key == "year" and int(value) not in _YEARS:
        return f"the header's year= must be from 1900 to 2200, not {value}"
    return None
