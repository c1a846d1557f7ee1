"""A page's charts as SVG markup, with their numbers in words below each one.

Written here rather than in the page's template: a chart is a few dozen values, each
of which cost the template a lookup, a ``finalize`` and an escape, and charts were a
large part of a site's build. The markup is the one the template wrote before (its
golden pages are unchanged). Every text is escaped. A line chart's numbers (its
geometry, years and values, ``render/indicators.chart``) are napctl's own digits and
are printed as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

#: A value as the template printed it: a plan's text in the page's language, escaped.
Text = Callable[[Any], str]


def bars_html(chart: dict[str, Any] | None, sid: str, text: Text) -> Markup:
    """The bar chart of a section (``charts.geometry``), or nothing without bars."""
    if not chart or not chart["rows"]:
        return Markup("")
    rows = chart["rows"]
    width, height, row = chart["width"], chart["height"], chart["row"]
    title = text(chart["title"])
    said = "; ".join(f"{text(r['label'])}: {text(r['words'])}" for r in rows)
    out = [
        '<figure class="chart">\n',
        f'<svg role="img" aria-labelledby="{sid}-ct" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}">\n',
        f'<title id="{sid}-ct">{title}: {said}</title>\n',
    ]
    for r in rows:
        y = r["y"]
        out.append(f'<text x="0" y="{y + 18}" class="label">{text(r["short"])}</text>\n')
        out.extend(
            f'<rect x="{seg["x"]}" y="{y + 4}" width="{seg["width"]}" height="{row - 8}"'
            f' fill="{text(seg["colour"])}" stroke="#333" stroke-width="0.5"></rect>\n'
            for seg in r["segments"]
        )
    out.append(f"</svg>\n<figcaption>{title}\n<ul>\n")
    out.extend(f"<li>{text(r['label'])}: {text(r['words'])}</li>\n" for r in rows)
    out.append("</ul>\n</figcaption>\n</figure>\n")
    return Markup("".join(out))


def lines_html(lines: list[dict[str, Any]], sid: str, text: Text, _: Text) -> Markup:
    """The section's indicator line charts (``render/indicators.chart``), one figure each."""
    return Markup("".join(_line(c, f"{sid}-l{n}", text, _) for n, c in enumerate(lines, 1)))


def _line(c: dict[str, Any], cid: str, text: Text, _: Text) -> str:
    width, height = c["width"], c["height"]
    label = text(c["label"])
    base, target = c["baseline"], c["target"]
    points = c["line"]
    said = ", ".join(f"{p['year']} {p['value']}" for p in points)
    if base:
        said += "; " + _("Baseline") + f" {base['value']}"
    if target:
        said += "; " + _("Target") + f" {target['value']} ({target['year']})"
    out = [
        '<figure class="chart indicator-chart">\n',
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img"'
        f' aria-labelledby="{cid}">\n',
        f'<title id="{cid}">{label}: {said}</title>\n',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="none" stroke="#767676"'
        ' stroke-width=".5"></rect>\n',
    ]
    if target:
        ty = target["y"]
        out.append(
            f'<line x1="0" x2="{width}" y1="{ty}" y2="{ty}" stroke="#007A5A"'
            f' stroke-dasharray="4 3"></line><circle cx="{target["x"]}" cy="{ty}" r="3"'
            ' fill="#007A5A"></circle>\n'
        )
    if base:
        out.append(
            f'<circle cx="{base["x"]}" cy="{base["y"]}" r="3" fill="none" stroke="#333"></circle>\n'
        )
    out.append(
        f'<polyline points="{c["path"]}" fill="none" stroke="#0072B2"'
        ' stroke-width="2"></polyline>\n'
    )
    out.extend(
        f'<circle cx="{p["x"]}" cy="{p["y"]}" r="2.5" fill="#0072B2"></circle>' for p in points
    )
    caption = "; ".join(f"{p['year']}: {p['value']}" for p in points)
    if base:
        caption += ". " + _("Baseline (hollow dot)") + f": {base['value']}"
    if target:
        where = f"{target['value']} ({target['year']})"
        caption += ". " + _("Target (dashed line)") + f": {where}"
    caption += ". " + _("Status") + f": {text(c['status'])}."
    out.append(f"</svg>\n<figcaption>{label}: {caption}</figcaption>\n</figure>\n")
    return "".join(out)


def escaper(finalize: Callable[[Any], Any] | None) -> Text:
    """How the page's template prints a value: ``finalize`` (a text in the page's
    language), then escaped."""
    if finalize is None:
        return lambda value: str(escape(value))
    return lambda value: str(escape(finalize(value)))
