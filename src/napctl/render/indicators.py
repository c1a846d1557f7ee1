"""The indicator section of the dashboard and the reports: a table, then one small chart
per indicator (inline SVG: values, baseline, target), numbers always in text.

The geometry is computed here with Decimal, like every number of a series; the
partial templates ``_indicators.html.j2`` and ``_indicators.md.j2`` only place it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from napctl.indicators.combine import build_series
from napctl.indicators.records import STATUS_LABELS, label, number_text, series_record
from napctl.indicators.series import Series
from napctl.model import Plan
from napctl.model.progress import ProgressReport

WIDTH, HEIGHT, PAD = Decimal(240), Decimal(64), Decimal(8)
_PLACES = Decimal("0.1")


def _coord(value: Decimal) -> str:
    return format(value.quantize(_PLACES), "f")


def chart(series: Series) -> dict[str, Any] | None:
    """Where the line, the baseline and the target go; None when there is nothing to draw."""
    points = sorted(series.combined.items())
    latest = series.latest
    target = series.target_for(latest[0] if latest else None)
    marks = list(points)
    if series.baseline is not None:
        marks.append(series.baseline)
    if target is not None:
        marks.append(target)
    if not points:
        return None
    years = [y for y, _ in marks]
    values = [v for _, v in marks]
    low, high = min(min(values), Decimal(0)), max(values)
    first, last = min(years), max(years)
    span_x = Decimal(max(last - first, 1))
    span_y = high - low or Decimal(1)

    def at(year: int, value: Decimal) -> dict[str, str]:
        x = PAD + (WIDTH - 2 * PAD) * (year - first) / span_x
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * (value - low) / span_y
        return {"x": _coord(x), "y": _coord(y)}

    line = [{**at(y, v), "year": str(y), "value": number_text(v)} for y, v in points]
    geometry = {
        "width": str(WIDTH),
        "height": str(HEIGHT),
        "line": line,
        "path": " ".join(f"{p['x']},{p['y']}" for p in line),
        "baseline": None
        if series.baseline is None
        else {**at(*series.baseline), "value": number_text(series.baseline[1])},
        "target": None
        if target is None
        else {**at(*target), "value": number_text(target[1]), "year": str(target[0])},
    }
    geometry["marks"] = chart_marks(geometry)
    return geometry


def chart_marks(c: dict[str, Any]) -> Markup:
    """The chart's frame, target, baseline, line and points as SVG: every value is a
    number made above, the same in every language, so the template prints them whole
    (each value printed by a template costs a lookup and an escape; a report draws a
    chart per indicator). The words (title and caption) stay the template's."""
    width, height, target, base = c["width"], c["height"], c["target"], c["baseline"]
    out = [
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="none" stroke="#999"'
        ' stroke-width=".5"/>\n'
    ]
    if target:
        out.append(
            f'<line x1="0" x2="{width}" y1="{target["y"]}" y2="{target["y"]}" stroke="#009E73"'
            f' stroke-dasharray="4 3"/><circle cx="{target["x"]}" cy="{target["y"]}" r="3"'
            ' fill="#009E73"/>'
        )
    if base:
        out.append(f'<circle cx="{base["x"]}" cy="{base["y"]}" r="3" fill="none" stroke="#333"/>')
    out.append(f'<polyline points="{c["path"]}" fill="none" stroke="#0072B2" stroke-width="2"/>\n')
    out.extend(f'<circle cx="{p["x"]}" cy="{p["y"]}" r="2.5" fill="#0072B2"/>' for p in c["line"])
    return Markup("".join(out))


def indicator_rows(
    plan: Plan, reports: Sequence[ProgressReport], year: int
) -> list[dict[str, Any]]:
    """Each indicator with values, a baseline or targets, up to ``year``: its record (as
    `napctl indicators -f json`), a label, the status in words, and its chart."""
    years = set(range(min((r.year for r in reports), default=year), year + 1))
    rows = []
    for series in build_series(plan, reports, years=years):
        record = series_record(series)
        latest = series.latest
        target = series.target_for(latest[0] if latest else None)
        record.update(
            label=label(series),
            status_label=STATUS_LABELS[series.status.status],
            target_now=None
            if target is None
            else {"year": target[0], "value": number_text(target[1])},
            narratives=[
                {"year": p.year, "department": p.department, "text": p.narrative}
                for p in series.points
                if p.narrative
            ],
            chart=chart(series),
        )
        rows.append(record)
    return rows
