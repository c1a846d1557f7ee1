"""The optional monitoring fields of a plan: structured indicators, budgets, monitoring.

Part of the plan model (``napctl.model.plan`` uses them on actions and on the
plan); like it, frozen dataclasses that do not import pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from napctl.model.texts import MultiText
from napctl.model.types import Code, Currency, Frequency, Ident, OneOf, Text, Year

# Unknown keys are errors (a misspelt key must not be silently ignored).
_CONFIG: dict[str, Any] = {"extra": "forbid"}

#: A measured value: a number, a yes/no (true/false) or a short text.
Value = Annotated[
    Any, OneOf(("bool", "int", "float", "text"), "expected a number, true/false or a text")
]
Amount = Annotated[Any, OneOf(("int", "float"), "expected a number")]
YearOrText = Annotated[
    Any, OneOf(("year", "text"), 'expected a year (2020) or a quoted date or text ("2020-06-30")')
]
Flag = Annotated[bool, OneOf(("bool",), "expected true or false")]

IndicatorType = Literal["number", "percent", "yes-no", "qualitative"]
#: Which way is progress (docs/indicators.md).
Direction = Literal["increase", "decrease", "maintain"]
#: How the values several departments report for one year combine.
Aggregate = Literal["sum", "mean", "latest", "none"]
#: Indicator frameworks a plan can cite: the UN global indicators of the
#: Secretary-General's report S/2010/498, and the EU indicators for UNSCR 1325.
Framework = Literal["un-s-2010-498", "eu"]


@dataclass(frozen=True, slots=True)
class Baseline:
    """Where the indicator stood when the plan started."""

    __pydantic_config__ = _CONFIG
    value: Value
    as_of: YearOrText | None = None
    source: Text | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Target:
    """The value the plan aims at, by a year when it names one; a qualitative target
    is a text ("every province has a focal point"), a share has the unit "%"."""

    __pydantic_config__ = _CONFIG
    year: Year | None = None
    value: Value | None = None
    #: A qualitative target, in the plan's words (a target needs a value or a text).
    text: Text | None = None
    #: The value's unit when the indicator gives none or another ("%" for a share).
    unit: Text | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Reference:
    """An indicator of a shared framework that the plan's indicator reports on."""

    __pydantic_config__ = _CONFIG
    framework: Framework
    #: The framework's own number for the indicator ("9", "1a").
    indicator: Annotated[Any, OneOf(("int", "text"), "expected a number or a text")]
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Indicator:
    """An indicator with what it takes to monitor it; plain text is also an indicator."""

    __pydantic_config__ = _CONFIG
    text: MultiText
    #: A stable key, unique on its action, that progress reports refer to.
    key: Ident | None = None
    type: IndicatorType | None = None
    unit: Text | None = None
    baseline: Baseline | None = None
    targets: list[Target] = field(default_factory=list)
    frequency: Text | None = None
    #: Where the values come from (a register, a survey, a ministry).
    source: Text | None = None
    references: list[Reference] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    direction: Direction | None = None
    aggregate: Aggregate | None = None
    #: True when each year's value is what that year added (the series is their running total).
    cumulative: Flag | None = None
    #: What the values are broken down by (sex, age, province, ...).
    disaggregation: list[Text] = field(default_factory=list)


def indicator_text(indicator: str | Indicator) -> str:
    """The text of an indicator, whichever form it was written in."""
    return indicator if isinstance(indicator, str) else indicator.text


@dataclass(frozen=True, slots=True)
class Budget:
    """Money for an action or a plan; ``allocated: false`` says the plan allocates none."""

    __pydantic_config__ = _CONFIG
    allocated: Flag | None = None
    amount: Amount | None = None
    currency: Currency | None = None
    #: Whose budget line pays (a ministry's budget, a fund).
    source: Text | None = None
    notes: list[Text] = field(default_factory=list)
    #: A fund that pays, named without an amount ("Fonds fiduciaire 1325").
    fund: Text | None = None
    #: Where the money comes from, in the plan's words (the State budget, donors).
    sources: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Monitoring:
    """How the plan is monitored and evaluated."""

    __pydantic_config__ = _CONFIG
    mechanism: Text | None = None
    by: list[Code] = field(default_factory=list)
    frequency: Frequency | None = None
    evaluation: Text | None = None
    notes: list[Text] = field(default_factory=list)
