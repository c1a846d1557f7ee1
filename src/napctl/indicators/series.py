"""Each indicator's series: the values departments report per year, combined by its rule.

``build_series(plan, reports)`` reads every indicator entry of the reports,
numbers exact (``napctl.model.words.number_of``), and gives one ``Series`` per
indicator that has values, a baseline or targets: the points per department and
year, the values combined per year (``aggregate``; running totals when
``cumulative``), and the progress status (``napctl.indicators.status``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from napctl.indicators.status import Status
from napctl.model import Action, Plan
from napctl.model.monitoring import Indicator
from napctl.model.progress import IndicatorReport
from napctl.model.words import NumberError, number_of

Disaggregation = dict[str, dict[str, Decimal]]


@dataclass(frozen=True, slots=True)
class Point:
    """One department's value of one indicator for one year."""

    year: int
    department: str
    value: Decimal | None
    #: The value as typed when it is not a number ("yes", "ongoing").
    text: str | None
    unit: str | None
    narrative: str | None
    disaggregation: Disaggregation
    date: str | None = None


@dataclass(slots=True)
class Series:
    plan: str
    action: str
    #: The indicator's 1-based number on its action.
    number: int
    text: str
    key: str | None = None
    type: str | None = None
    unit: str | None = None
    direction: str = "increase"
    aggregate: str = "sum"
    cumulative: bool = False
    baseline: tuple[int, Decimal] | None = None
    targets: list[tuple[int, Decimal]] = field(default_factory=list)
    references: list[tuple[str, str]] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    combined: dict[int, Decimal] = field(default_factory=dict)
    combined_disaggregation: dict[int, Disaggregation] = field(default_factory=dict)
    status: Status = field(default_factory=lambda: Status("insufficient-data", "none"))
    departments: dict[str, Status] = field(default_factory=dict)

    @property
    def latest(self) -> tuple[int, Decimal] | None:
        """The last combined value (year, value), if any."""
        if not self.combined:
            return None
        year = max(self.combined)
        return year, self.combined[year]

    def target_for(self, year: int | None) -> tuple[int, Decimal] | None:
        """The target a value of ``year`` is measured against: the first due then or later,
        else the last."""
        if not self.targets:
            return None
        if year is not None:
            for target in self.targets:
                if target[0] >= year:
                    return target
        return self.targets[-1]


def exact(value: object) -> Decimal | None:
    try:
        typed = number_of(value)
    except NumberError:
        return None
    return None if typed is None else typed.value


def _year_of(text: object, default: int) -> int:
    if isinstance(text, int):
        return text
    if isinstance(text, str) and text[:4].isdigit():
        return int(text[:4])
    return default


def new_series(plan: Plan, action: Action, number: int) -> Series:
    indicator = action.indicators[number - 1]
    if isinstance(indicator, str):
        return Series(plan.id, action.id, number, indicator)
    series = Series(plan.id, action.id, number, indicator.text, key=indicator.key)
    _declared(series, plan, indicator)
    return series


def _declared(series: Series, plan: Plan, indicator: Indicator) -> None:
    """What the plan declares: type, unit, direction, rule, baseline and targets."""
    series.type, series.unit = indicator.type, indicator.unit
    percent = indicator.type == "percent" or indicator.unit == "%"
    series.direction = indicator.direction or "increase"
    series.aggregate = indicator.aggregate or ("mean" if percent else "sum")
    series.cumulative = bool(indicator.cumulative)
    if indicator.baseline is not None and (value := exact(indicator.baseline.value)) is not None:
        # A baseline says where things stood when the plan started: the year before
        # its first year, unless it says when.
        series.baseline = (_year_of(indicator.baseline.as_of, plan.period.start - 1), value)
    # A target without a year (some plans print "raise to 20 %") is due by the plan's end.
    series.targets = sorted(
        (plan.period.end if t.year is None else t.year, v)
        for t in indicator.targets
        if (v := exact(t.value)) is not None
    )
    series.references = [(r.framework, str(r.indicator)) for r in indicator.references]


def point_of(item: IndicatorReport, year: int, department: str) -> Point:
    """The point an indicator entry of ``department``'s report for ``year`` gives."""
    value: Decimal | None = None
    text: str | None = None
    unit = item.unit
    if item.value is not None:
        try:
            typed = number_of(item.value)
        except NumberError:
            typed = None
        if typed is None:
            text = str(item.value)
        else:
            value, unit = typed.value, unit or typed.unit
    parts: Disaggregation = {}
    for dimension, categories in (item.disaggregation or {}).items():
        numbers = {c: n for c, v in categories.items() if (n := exact(v)) is not None}
        if numbers:
            parts[dimension] = numbers
    date = None if item.date is None else str(item.date)
    narrative = item.narrative or item.note
    return Point(item.period or year, department, value, text, unit, narrative, parts, date)
