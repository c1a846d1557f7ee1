"""Series as plain data (JSON, templates, tables): every number as its exact decimal text.

Numbers are strings in JSON ("2.50" stays "2.50" for any reader; a JSON number
is a binary float to most of them).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from napctl.core.i18n import N_
from napctl.indicators.series import Disaggregation, Point, Series
from napctl.indicators.status import Status

#: How each progress status reads in a table or a report: English here, marked for the
#: catalogs so that a rendered output says it in its language (the ``term`` filter).
STATUS_LABELS = {
    "target-achieved": N_("target achieved"),
    "substantial-progress": N_("substantial progress"),
    "moderate-progress": N_("moderate progress"),
    "limited-progress": N_("limited progress"),
    "deterioration": N_("deterioration"),
    "insufficient-data": N_("insufficient data"),
}


def number_text(value: Decimal | None) -> str | None:
    """A value as its decimal digits (``1250000``, ``2.5``), never an exponent."""
    return None if value is None else format(value, "f")


def _parts(parts: Disaggregation) -> dict[str, dict[str, str]]:
    return {d: {c: format(v, "f") for c, v in cs.items()} for d, cs in parts.items()}


def status_record(status: Status) -> dict[str, Any]:
    return {"status": status.status, "method": status.method, "inputs": dict(status.inputs)}


def point_record(point: Point) -> dict[str, Any]:
    return {
        "year": point.year,
        "department": point.department,
        "value": number_text(point.value) if point.value is not None else point.text,
        "unit": point.unit,
        "narrative": point.narrative,
        "disaggregation": _parts(point.disaggregation),
    }


def series_record(series: Series) -> dict[str, Any]:
    """One indicator's series as JSON holds it (docs/indicators.md)."""
    baseline = series.baseline
    latest = series.latest
    return {
        "plan": series.plan,
        "action": series.action,
        "indicator": series.number,
        "key": series.key,
        "text": series.text,
        "type": series.type,
        "unit": series.unit,
        "direction": series.direction,
        "aggregate": series.aggregate,
        "cumulative": series.cumulative,
        "baseline": None
        if baseline is None
        else {"year": baseline[0], "value": number_text(baseline[1])},
        "targets": [{"year": y, "value": number_text(v)} for y, v in series.targets],
        "references": [{"framework": f, "indicator": i} for f, i in series.references],
        "values": [point_record(p) for p in series.points],
        "combined": [{"year": y, "value": number_text(v)} for y, v in series.combined.items()],
        "combined_disaggregation": {
            str(y): _parts(parts) for y, parts in series.combined_disaggregation.items()
        },
        "latest": None if latest is None else {"year": latest[0], "value": number_text(latest[1])},
        "status": status_record(series.status),
        "departments": [
            {"department": code, **status_record(status)}
            for code, status in series.departments.items()
        ],
    }


def label(series: Series) -> str:
    """``II.4.1 #1``: how a series is named in tables."""
    return f"{series.action} #{series.number}"
