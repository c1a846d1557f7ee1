"""`napctl compare -f html`: one standalone page, every text escaped by the template engine."""

from __future__ import annotations

from typing import Any

from napctl.assess.compare import Comparison, Said
from napctl.core.escape import printable
from napctl.output.compare import fraction_text, summary, title

_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  th, td { border: 1px solid #999; padding: .3rem .5rem; vertical-align: top; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .muted { color: #555; }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p>{{ summary }}</p>
<h2>Disagreements</h2>
{% if rows %}<table id="disagreements">
<tr><th>Action</th><th>Government</th><th>Rating</th><th>Gap</th>\
<th>Government says</th><th>Organisation says</th></tr>
{% for r in rows %}<tr data-action="{{ r.id }}" data-organisation="{{ r.organisation }}">\
<td><strong>{{ r.id }}</strong> {{ r.text }}</td><td>{{ r.status }}</td>\
<td>{{ r.organisation }}: {{ r.rating }}\
{% if r.disputes %} (disputes {{ r.disputes }}){% endif %}</td><td class="num">{{ r.gap }}</td>\
<td>{% for s in r.government %}<div>{{ said(s) }}</div>\
{% else %}<span class="muted">no report</span>{% endfor %}</td>\
<td>{{ said(r.independent) }}</td></tr>
{% endfor %}</table>
{% else %}<p>None: every rating compared is within the tolerance.</p>
{% endif %}{% for o in organisations %}<h2>Scorecard: {{ o.name }} ({{ o.scale }})</h2>
<table class="scorecard">
<tr><th>Pillar</th><th>Actions</th>\
{% for label in o.labels %}<th>{{ label }}</th>{% endfor %}<th>Overall</th></tr>
{% for c in o.cards %}<tr><td>{{ c.pillar }}. {{ c.title }}</td>\
<td class="num">{{ c.actions }}</td>\
{% for n in c.shares %}<td class="num">{{ n }}</td>{% endfor %}<td>{{ c.overall or "" }}</td></tr>
{% if c.results %}<tr class="results"><td>{{ c.pillar }}. {{ c.title }}: results</td>\
<td class="num">{{ c.results }}</td>\
{% for n in c.result_shares %}<td class="num">{{ n }}</td>{% endfor %}<td></td></tr>
{% endif %}{% endfor %}</table>
{% endfor %}</body>
</html>
"""

_SAID = (
    "{% macro said(s) %}<strong>{{ s.by }}</strong>: {% if s.narrative %}{{ s.narrative }}"
    '{% else %}<span class="muted">(nothing said)</span>{% endif %}{% for e in s.evidence %}'
    ' {% if e.href %}<a href="{{ e.href }}">{{ e.title }}</a>{% else %}{{ e.title }}{% endif %}'
    "{% endfor %}{% endmacro %}"
)


def _said(said: Said) -> dict[str, Any]:
    return {
        "by": printable(said.who),
        "narrative": None if said.narrative is None else printable(said.narrative),
        "evidence": [
            {"title": printable(e.title), "href": None if e.href is None else printable(e.href)}
            for e in said.evidence
        ],
    }


def as_html(result: Comparison) -> str:
    import jinja2  # only this format needs the template engine

    env = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    rows = [
        {
            "id": printable(r.action),
            "text": printable(r.text),
            "status": r.status,
            "organisation": printable(r.organisation),
            "rating": printable(r.rating),
            "disputes": r.disputes,
            "gap": fraction_text(r.gap),
            "government": [_said(s) for s in r.government],
            "independent": _said(r.independent),
        }
        for r in result.disagreements
    ]
    organisations = []
    for name, scale in result.organisations:
        cards = [c for c in result.scorecards if c.organisation == name]
        organisations.append(
            {
                "name": printable(name),
                "scale": scale,
                "labels": [label for label, _ in cards[0].counts.values()] if cards else [],
                "cards": [
                    {
                        "pillar": printable(c.pillar),
                        "title": printable(c.title),
                        "actions": c.actions,
                        "shares": [
                            f"{n} ({round(100 * n / c.actions) if c.actions else 0} %)"
                            for _, n in c.counts.values()
                        ],
                        "overall": None if c.overall is None else printable(c.overall),
                        "results": c.results,
                        "result_shares": [
                            f"{n} ({round(100 * n / c.results) if c.results else 0} %)"
                            for _, n in c.result_counts.values()
                        ],
                    }
                    for c in cards
                ],
            }
        )
    template = env.from_string(_SAID + _HTML)
    return template.render(
        title=printable(title(result)),
        summary=printable(summary(result)),
        rows=rows,
        organisations=organisations,
    )
