"""The rules on indicator values in progress reports (NAP430-NAP439, docs/indicators.md).

A rule across files (it needs the plan's indicators), run on each report with its
plan's index like the other progress rules. Numbers are read by the one parser of
numbers (``napctl.model.words``), so a value checks as it is later shown.
"""

from __future__ import annotations

from decimal import Decimal

from napctl.checks.progress import Out, plan_rule
from napctl.checks.registry import Loc
from napctl.model.indicator_refs import indicator_number
from napctl.model.monitoring import Indicator
from napctl.model.progress import Entry, IndicatorReport, ProgressReport
from napctl.model.registry import RegistryIndex
from napctl.model.words import NumberError, TypedNumber, number_of

#: Ways of writing "per cent" that all mean the unit `%`.
PERCENT = frozenset({"%", "percent", "per cent", "pct", "percentage"})


def unit_key(unit: str) -> str:
    """A unit as compared: case and spaces do not matter, `percent` is `%`."""
    folded = " ".join(unit.casefold().split())
    return "%" if folded in PERCENT else folded


def plan_unit(indicator: Indicator) -> str | None:
    if indicator.unit is not None:
        return indicator.unit
    return "%" if indicator.type == "percent" else None


def is_numeric(indicator: Indicator) -> bool:
    return indicator.type in ("number", "percent") or (
        indicator.type is None and indicator.unit is not None
    )


@plan_rule
def check_indicator_values(report: ProgressReport, index: RegistryIndex, out: Out) -> None:
    period = index.plan.period
    for i, entry in enumerate(report.actions):
        found = index.actions.get(entry.id)
        if found is None or not entry.indicators:
            continue
        action = found[2]
        seen: dict[tuple[int, int], int] = {}
        for j, item in enumerate(entry.indicators):
            loc: Loc = ("actions", i, "indicators", j)
            number = indicator_number(action, item.indicator)
            if number is None:
                continue  # NAP410 says so
            year = item.period if item.period is not None else report.year
            first = seen.setdefault((number, year), j)
            if first != j and entry.indicators[first].value != item.value:
                out.add(
                    (*loc, "indicator"),
                    "NAP439",
                    f"action '{entry.id}': indicator {number} is already reported for {year}"
                    f" with another value, in indicator entry {first + 1}",
                )
            if item.period is not None:
                _period(out, loc, item.period, report.year, period.start, period.end)
            declared = action.indicators[number - 1]
            _value(out, loc, entry, item, None if isinstance(declared, str) else declared)


def _period(out: Out, loc: Loc, year: int, report_year: int, start: int, end: int) -> None:
    if year > report_year:
        out.add(
            (*loc, "period"),
            "NAP436",
            f"a report for {report_year} cannot give a value for {year}, a later year",
        )
    elif not start <= year <= end:
        out.add(
            (*loc, "period"),
            "NAP437",
            f"period {year} is outside the plan's period {start}-{end}",
        )


def _typed(out: Out, loc: Loc, value: object) -> TypedNumber | None:
    try:
        return number_of(value)
    except NumberError as exc:
        out.add(loc, "NAP438", str(exc))
        return None


def _value(
    out: Out, loc: Loc, entry: Entry, item: IndicatorReport, declared: Indicator | None
) -> None:
    try:
        typed = None if item.value is None else number_of(item.value)
    except NumberError as exc:
        out.add((*loc, "value"), "NAP438", str(exc))
        return
    narrative = item.narrative or item.note
    what = f"action '{entry.id}', indicator {item.indicator!r}"
    if declared is not None and declared.type == "qualitative" and not narrative:
        out.add(loc, "NAP431", f"{what} is qualitative: give a narrative of what changed")
    if declared is not None and is_numeric(declared) and typed is None:
        if item.value is not None or narrative:
            shown = "a text" if item.value is not None else "a narrative only"
            out.add(
                (*loc, "value") if item.value is not None else loc,
                "NAP430",
                f"{what} is a number ({plan_unit(declared) or 'a count'}): got {shown}",
            )
        return
    if typed is None:
        _parts(out, loc, item, None)
        return
    unit = item.unit or typed.unit
    expected = None if declared is None else plan_unit(declared)
    if unit is not None and expected is not None and unit_key(unit) != unit_key(expected):
        out.add(
            (*loc, "unit") if item.unit else (*loc, "value"),
            "NAP432",
            f"{what}: unit '{unit}' differs from the plan's '{expected}'",
        )
    percent = "%" in (unit_key(unit or ""), unit_key(expected or ""))
    if (percent or (declared and declared.type == "percent")) and not 0 <= typed.value <= 100:
        out.add((*loc, "value"), "NAP433", f"{what}: {typed.text} % is not a percentage (0-100)")
    _parts(out, loc, item, typed.value)


def _parts(out: Out, loc: Loc, item: IndicatorReport, total: Decimal | None) -> None:
    for dimension, categories in (item.disaggregation or {}).items():
        added = Decimal(0)
        for category, value in categories.items():
            typed = _typed(out, (*loc, "disaggregation", dimension, category), value)
            if typed is None:
                out.add(
                    (*loc, "disaggregation", dimension, category),
                    "NAP435",
                    f"disaggregation {dimension}/{category}: expected a number",
                )
                continue
            added += typed.value
        if total is not None and added > total:
            out.add(
                (*loc, "disaggregation", dimension),
                "NAP434",
                f"the parts by {dimension} add up to {format(added, 'f')},"
                f" more than the value {format(total, 'f')}",
            )
