"""Combining departments' values per year, and building every series of a plan."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from decimal import Decimal

from napctl.indicators.series import (
    Disaggregation,
    Point,
    Series,
    new_series,
    point_of,
)
from napctl.indicators.status import Status, progress_status
from napctl.model import Action, Plan
from napctl.model.indicator_refs import indicator_number
from napctl.model.progress import ProgressReport

#: Means are kept to this many decimal places (a sum or a count is exact).
MEAN_PLACES = Decimal("1e-10")


def combine(points: list[Point], rule: str) -> Decimal | None:
    """One year's value from its departments' points, by ``rule``."""
    numbers = [p for p in points if p.value is not None]
    if not numbers:
        return None
    if rule == "none" and len({p.department for p in numbers}) > 1:
        return None
    if rule == "latest" or rule == "none":
        # The latest by the date it refers to; undated ones count as the oldest.
        return max(enumerate(numbers), key=lambda ip: (ip[1].date or "", ip[0]))[1].value
    total = sum((p.value for p in numbers if p.value is not None), Decimal(0))
    if rule == "mean":
        return (total / len(numbers)).quantize(MEAN_PLACES).normalize()
    return total


def _sum_parts(points: list[Point]) -> Disaggregation:
    out: dict[str, dict[str, Decimal]] = {}
    for point in points:
        for dimension, parts in point.disaggregation.items():
            into = out.setdefault(dimension, {})
            for category, value in parts.items():
                into[category] = into.get(category, Decimal(0)) + value
    return out


def _running(values: dict[int, Decimal], cumulative: bool) -> dict[int, Decimal]:
    if not cumulative:
        return dict(sorted(values.items()))
    total, out = Decimal(0), {}
    for year in sorted(values):
        total += values[year]
        out[year] = total
    return out


def finish(series: Series) -> Series:
    """Combine the points per year and compute the statuses."""
    by_year: dict[int, list[Point]] = defaultdict(list)
    by_department: dict[str, dict[int, Decimal]] = defaultdict(dict)
    for point in series.points:
        by_year[point.year].append(point)
        if point.value is not None:
            by_department[point.department][point.year] = point.value
    combined = {
        y: v for y, pts in by_year.items() if (v := combine(pts, series.aggregate)) is not None
    }
    series.combined = _running(combined, series.cumulative)
    if series.unit is None:  # the plan gives none: the one unit every department used
        units = {p.unit for p in series.points if p.value is not None}
        series.unit = units.pop() if len(units) == 1 else None
    if series.aggregate == "sum":
        series.combined_disaggregation = {
            y: parts for y, pts in sorted(by_year.items()) if (parts := _sum_parts(pts))
        }
    series.status = _status(series, series.combined)
    series.departments = {
        code: _status(series, _running(values, series.cumulative))
        for code, values in by_department.items()
    }
    return series


def _status(series: Series, values: dict[int, Decimal]) -> Status:
    if series.type == "qualitative":
        return Status("insufficient-data", "none", {"reason": "qualitative indicator"})
    points = sorted(values.items())
    latest = points[-1][0] if points else None
    return progress_status(points, series.direction, series.baseline, series.target_for(latest))


def build_series(
    plan: Plan,
    reports: Iterable[ProgressReport],
    *,
    codes: Collection[str] | None = None,
    years: Collection[int] | None = None,
) -> list[Series]:
    """Every indicator of ``plan`` with values, a baseline or targets, in plan order.

    ``codes`` keeps only those departments' values; ``years`` only those years'.
    """
    found: dict[tuple[str, int], list[Point]] = defaultdict(list)
    actions = {a.id: a for _p, _g, a in plan.actions()}
    for report in reports:
        if report.plan != plan.id or (codes is not None and report.department not in codes):
            continue
        _collect(actions, report, found, years)
    out: list[Series] = []
    for _pillar, _goal, action in plan.actions():
        for number, indicator in enumerate(action.indicators, 1):
            points = found.get((action.id, number))
            if not points and isinstance(indicator, str):
                continue
            series = new_series(plan, action, number)
            if not points and series.baseline is None and not series.targets:
                continue
            series.points = sorted(points or [], key=lambda p: (p.year, p.department))
            out.append(finish(series))
    return out


def _collect(
    actions: dict[str, Action],
    report: ProgressReport,
    found: dict[tuple[str, int], list[Point]],
    years: Collection[int] | None,
) -> None:
    for entry in report.actions:
        action = actions.get(entry.id)
        if action is None:
            continue
        for item in entry.indicators:
            number = indicator_number(action, item.indicator)
            if number is None:
                continue
            point = point_of(item, report.year, report.department)
            if years is None or point.year in years:
                found[(action.id, number)].append(point)
