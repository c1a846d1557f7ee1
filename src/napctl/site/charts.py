"""Charts as inline SVG: stacked bars whose numbers are also written in text.

The geometry is computed here and only placed by the template. Colours are the
dashboard's (the Okabe-Ito palette, told apart with colour-vision deficiencies);
every bar is followed by its numbers in words, so no reader depends on colour.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from napctl.core.i18n import N_
from napctl.render.dashboard import ORDER, STYLE
from napctl.site.pages import Bar, Chart

WIDTH = 300
ROW = 28
LABEL = 160
#: The most characters of a label drawn beside its bar (12px text in LABEL pixels).
SHORT = 24
#: Colours of the counts that are not statuses.
COLOURS = {
    **{s: c for s, (c, _) in STYLE.items()},
    "reported": "#009E73",
    "owed": "#FFFFFF",
    "actions": "#56B4E9",
}
#: The words of the counts that are not statuses (each bar is followed by its numbers in
#: words, in the page's language), marked for the catalogs.
COUNT_WORDS = (N_("reported"), N_("owed"), N_("actions"))
_ORDER = (*ORDER, *COUNT_WORDS)


def status_bar(label: str, counts: Mapping[str, int]) -> Bar:
    """A bar of ``counts`` in the one order of statuses (empty counts left out)."""
    return Bar(label, tuple((k, counts[k]) for k in _ORDER if counts.get(k)))


def geometry(chart: Chart, gettext: Any) -> dict[str, Any]:
    """What the template draws: each bar's segments (x, width, colour) and its words."""
    rows = []
    for n, bar in enumerate(chart.bars):
        total = sum(c for _, c in bar.counts) or 1
        x = float(LABEL)
        segments = []
        for key, count in bar.counts:
            width = WIDTH * count / total
            segments.append(
                {
                    "key": key,
                    "count": count,
                    "x": round(x, 2),
                    "width": round(width, 2),
                    "colour": COLOURS.get(key, "#BBBBBB"),
                }
            )
            x += width
        words = ", ".join(f"{c} {gettext(k)}" for k, c in bar.counts) or gettext("none")
        rows.append(
            {
                "label": bar.label,
                # What fits left of the bar; the whole label is in the words below the chart.
                "short": bar.label if len(bar.label) <= SHORT else bar.label[: SHORT - 1] + "…",
                "y": n * ROW,
                "segments": segments,
                "words": words,
            }
        )
    return {
        "title": chart.title,
        "rows": rows,
        "width": LABEL + WIDTH + 8,
        "height": max(len(rows), 1) * ROW,
        "row": ROW,
        "label": LABEL,
    }
