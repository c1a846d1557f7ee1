"""Characters a plan or progress report may hold: printable text, and codes and ids a
reader can see whole.

A code, alias or id with a control or invisible character (a newline, ESC,
a zero-width space, a bidi override) can forge output or pass for another
code: NAP210. A text may break lines (YAML block scalars) and hold tabs, but
no other control character: NAP211. Both are reported once per value, with
the first such character shown.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, NamedTuple

from napctl.checks.registry import Loc, Report, check
from napctl.core.escape import printable, unsafe_characters
from napctl.model.texts import Translated

if TYPE_CHECKING:
    from napctl.checks.plan import PlanContext
    from napctl.model.progress import ProgressReport


class Fields(NamedTuple):
    #: Fields holding codes or ids (a name users type or files are named after).
    names: frozenset[str]
    #: Fields whose own rule refuses control characters already.
    skipped: frozenset[str] = frozenset()


PLAN_FIELDS = Fields(frozenset({"id", "code", "aliases", "parent", "departments", "by"}))
#: A progress report's department and plan and an action's id; evidence urls and
#: paths have their own rules (NAP411, NAP412).
PROGRESS_FIELDS = Fields(frozenset({"id", "plan", "department"}), frozenset({"url", "path"}))


def _shown(char: str) -> str:
    return f"{printable(char)} (U+{ord(char):04X})"


def text_problem(value: str, *, is_name: bool = False) -> tuple[str, str] | None:
    """The code and message of the text rule ``value`` breaks (NAP210 for a code or an
    id, NAP211 for a text); None when it is fine. Validation and `napctl new`'s options
    share it, so `new` never writes a plan that `validate` refuses."""
    bad = unsafe_characters(value, allow_newlines=not is_name)
    if not bad:
        return None
    if is_name:
        return "NAP210", (
            f"'{printable(value)[:60]}' holds the control or invisible"
            f" character {_shown(bad[0])}; codes and ids must be visible text"
        )
    return "NAP211", (
        f"text holds the control character {_shown(bad[0])}; only printable"
        " text, tabs and line breaks are allowed"
    )


def check_text_fields(value: Any, loc: Loc, is_name: bool, report: Report, fields: Fields) -> None:
    """Report every text in ``value`` (a document, walked field by field) that breaks the
    text rule: NAP210 in the ``fields.names`` fields (codes and ids), NAP211 elsewhere."""
    if isinstance(value, Translated):  # each language's text, where it stands
        for lang, text in value.texts.items():
            where = (*loc, lang) if len(value.texts) > 1 else loc
            check_text_fields(text, where, is_name, report, fields)
    elif isinstance(value, str):
        found = text_problem(value, is_name=is_name)
        if found is not None:
            report.add(loc, *found)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_text_fields(item, (*loc, i), is_name, report, fields)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text_fields(item, (*loc, key), is_name, report, fields)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if f.name not in fields.skipped:
                check_text_fields(
                    getattr(value, f.name), (*loc, f.name), f.name in fields.names, report, fields
                )


@check("plan")
def characters(index: PlanContext, report: Report) -> None:
    check_text_fields(index.plan, (), False, report, PLAN_FIELDS)


@check("progress report")
def progress_characters(progress: ProgressReport, report: Report) -> None:
    check_text_fields(progress, (), False, report, PROGRESS_FIELDS)
