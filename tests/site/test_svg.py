"""site/svg.py: a chart's markup, every text escaped, its numbers in words below it."""

from __future__ import annotations

from napctl.site.charts import geometry, status_bar
from napctl.site.pages import Chart
from napctl.site.svg import bars_html, escaper, lines_html

TEXT = escaper(None)


def test_no_bars_draw_nothing() -> None:
    assert bars_html(None, "s", TEXT) == ""
    assert bars_html(geometry(Chart("t", []), str), "s", TEXT) == ""


def test_a_bar_chart_escapes_its_labels_and_says_its_numbers() -> None:
    chart = geometry(
        Chart("<b>Status</b>", [status_bar("P&1", {"completed": 3, "delayed": 1})]), str
    )
    html = str(bars_html(chart, "sec", TEXT))
    assert html.startswith('<figure class="chart">\n<svg role="img" aria-labelledby="sec-ct"')
    assert (
        '<title id="sec-ct">&lt;b&gt;Status&lt;/b&gt;: P&amp;1: 3 completed, 1 delayed</title>'
        in html
    )
    assert html.count("<rect ") == 2
    assert "<li>P&amp;1: 3 completed, 1 delayed</li>" in html
    assert "<b>" not in html


def test_a_line_chart_names_its_baseline_target_and_status() -> None:
    line = {
        "width": "240",
        "height": "64",
        "label": "A1 #1",
        "status": "on <track>",
        "path": "8.0,56.0 232.0,8.0",
        "line": [
            {"x": "8.0", "y": "56.0", "year": "2020", "value": "1"},
            {"x": "232.0", "y": "8.0", "year": "2021", "value": "5"},
        ],
        "baseline": {"x": "8.0", "y": "60.0", "value": "0"},
        "target": {"x": "232.0", "y": "4.0", "value": "6", "year": "2022"},
    }
    html = str(lines_html([line], "indicators", TEXT, TEXT))
    assert (
        '<title id="indicators-l1">A1 #1: 2020 1, 2021 5; Baseline 0; Target 6 (2022)</title>'
        in html
    )
    assert html.count('r="2.5"') == 2
    assert "</circle></svg>\n" in html
    assert (
        "<figcaption>A1 #1: 2020: 1; 2021: 5. Baseline (hollow dot): 0."
        " Target (dashed line): 6 (2022). Status: on &lt;track&gt;.</figcaption>"
    ) in html
