"""The progress report model: what one department reports on one plan for one year.

One file per department, plan and year (``progress/<plan-id>/<year>/<slug>.yaml``).
Field names are the contract of those files and of
``schema/progress.schema.json``; see ``docs/progress-format.md``.

Built like ``napctl.model``: frozen dataclasses, validated (strictly) by
pydantic only when a file is checked, so importing this module stays cheap.
"""

from __future__ import annotations

import datetime
import typing
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from napctl.model.trusted import from_trusted
from napctl.model.types import Code, Currency, Ident, OneOf, PlanId, Text, Url, Year

Status = Literal[
    "not-reported",
    "not-started",
    "ongoing",
    "delayed",
    "completed",
    "discontinued",
    "not-applicable",
]
STATUSES: tuple[Status, ...] = typing.get_args(Status)
#: What a file written by `napctl progress init` says: never a guessed status.
NOT_REPORTED: Status = "not-reported"
State = Literal["draft", "submitted"]

DateLike = Annotated[
    datetime.date | str | int,
    OneOf(("date", "date-text", "year"), "expected a date: YYYY-MM-DD, YYYY-MM or YYYY"),
]
IndicatorRef = Annotated[
    int | str, OneOf(("index", "text"), "expected the indicator's number (1, 2, ...) or its text")
]
Value = Annotated[int | float | str, OneOf(("number", "text"), "expected a number or a text")]
Amount = Annotated[int | float, OneOf(("number",), "expected an amount (a number)")]
Part = Annotated[int | float | str, OneOf(("number", "text"), "expected a number")]
#: A breakdown of the value: dimension -> category -> number (``{sex: {women: 3, men: 5}}``).
Disaggregation = dict[Text, dict[Text, Part]]

_CONFIG: dict[str, Any] = {"extra": "forbid"}


@dataclass(frozen=True, slots=True)
class IndicatorReport:
    """One indicator of the action: a value (number or text) or a qualitative note."""

    __pydantic_config__ = _CONFIG
    #: The indicator, by its 1-based number in the plan's list or by its exact text.
    indicator: IndicatorRef
    value: Value | None = None
    unit: Text | None = None
    note: Text | None = None
    date: DateLike | None = None
    source: Text | None = None
    #: A qualitative indicator's account of what changed (docs/indicators.md).
    narrative: Text | None = None
    #: The year the value refers to, when it is not the report's year.
    period: Year | None = None
    disaggregation: Disaggregation | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A document that shows the work: a web page (`url`) or a file of the repository (`path`)."""

    __pydantic_config__ = _CONFIG
    title: Text
    url: Url | None = None
    path: Text | None = None
    date: DateLike | None = None


@dataclass(frozen=True, slots=True)
class Spent:
    __pydantic_config__ = _CONFIG
    amount: Amount
    currency: Currency
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One action the department reports on."""

    __pydantic_config__ = _CONFIG
    id: Ident
    status: Status
    summary: Text | None = None
    indicators: list[IndicatorReport] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    spent: Spent | None = None
    obstacles: Text | None = None
    next_steps: Text | None = None
    revised_due: DateLike | None = None
    justification: Text | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ProgressReport:
    __pydantic_config__ = _CONFIG
    plan: PlanId
    year: Year
    department: Code
    actions: list[Entry]
    #: Reporting metadata.
    state: State | None = None
    submitted: DateLike | None = None
    #: A role or a shared mailbox (not a person's name: these files live in git).
    contact: Text | None = None
    notes: list[Text] = field(default_factory=list)


def report_from_trusted(data: dict[str, Any]) -> ProgressReport:
    """A ProgressReport from data validated before (no checks)."""
    report = from_trusted(ProgressReport, data)
    assert isinstance(report, ProgressReport)
    return report
