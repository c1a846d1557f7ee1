"""The review as text, JSON, GitHub annotations, or a Markdown or HTML report.

Its findings are Problems: text, JSON records and annotations are validate's
reporters (``napctl.output.problems``); the reports and the scorecard are here.
"""

from __future__ import annotations

from itertools import groupby

from napctl.core.escape import printable
from napctl.core.i18n import N_, translator
from napctl.core.problem import Problem
from napctl.output import problems
from napctl.output.writers import json_text
from napctl.review.run import Review
from napctl.review.summary import MEASURES, PlanSummary

# Control characters from plan files never reach a terminal or a CI log raw (printable).


def as_text(review: Review) -> str:
    return problems.as_text(review.findings)


def summary_json(review: Review) -> dict[str, object]:
    return {s.plan: s.as_dict() for s in review.summaries}


def as_json(review: Review) -> str:
    return json_text(
        {"findings": problems.records(review.findings), "summary": summary_json(review)}
    )


def scorecard_json(review: Review) -> str:
    return json_text({"summary": summary_json(review)})


def as_github(review: Review) -> str:
    """Workflow annotations: warnings as ::warning, info findings as ::notice."""
    return problems.as_github(review.findings)


def scorecard_rows(review: Review) -> list[list[str]]:
    """The scorecard, one column per plan: a header row, then one row per measure."""
    plans, _ = review.summaries, translator(review.lang).gettext
    rows = [["", *(s.plan for s in plans)], [_("actions"), *(str(s.actions) for s in plans)]]
    rows += [
        [_(label), *(s.measures[key].label(review.lang) for s in plans)] for key, label in MEASURES
    ]
    rows.append([_("warnings"), *(str(_level_count(review, s, "warning")) for s in plans)])
    rows.append([_("info"), *(str(_level_count(review, s, "info")) for s in plans)])
    return rows


#: The report's labels, for the catalogs (translated with the review's language).
LABELS = (
    N_("actions"),
    N_("warnings"),
    N_("info"),
    N_("warning"),
    N_("Actions"),
    N_("Whole plan"),
    N_("Plan-quality review"),
    N_("Scorecard"),
    N_("Codes and rules: see `napctl review --help` and docs/review.md."),
    N_("No findings."),
    N_("%(level)s, line %(line)s"),
)


def _level_count(review: Review, summary: PlanSummary, level: str) -> int:
    return sum(1 for f in review.findings if f.plan == summary.plan and f.level == level)


def scorecard_md(review: Review) -> str:
    from napctl.render.markdown import md_escape

    rows = scorecard_rows(review)
    actions = translator(review.lang).gettext("Actions")
    head = [actions if not c else md_escape(c) for c in rows[0]]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows[1:]]
    return "\n".join(lines) + "\n"


def scorecard_text(review: Review) -> str:
    rows = scorecard_rows(review)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "".join(
        printable("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()) + "\n"
        for r in rows
    )


def _by_pillar(review: Review, plan: str) -> list[tuple[str, list[Problem]]]:
    """The plan's findings grouped under its pillars in the plan's order, whole-plan first."""
    index = next(ix for ix in review.indexes if ix.plan.id == plan)
    order = {p.id: n for n, p in enumerate(index.plan.pillars)}
    titles = {p.id: f"{p.id} {p.title}" for p in index.plan.pillars}
    mine = sorted(
        (f for f in review.findings if f.plan == plan),
        key=lambda f: (order.get(f.pillar or "", -1), f.line, f.column, f.code),
    )
    return [
        (titles.get(k or "", translator(review.lang).gettext("Whole plan")), list(g))
        for k, g in groupby(mine, key=lambda f: f.pillar)
    ]


def as_md(review: Review) -> str:
    from napctl.render.markdown import md_escape

    _ = translator(review.lang).gettext
    out = [
        f"# {_('Plan-quality review')}\n",
        f"## {_('Scorecard')}\n",
        scorecard_md(review),
        _("Codes and rules: see `napctl review --help` and docs/review.md.") + "\n",
    ]
    for s in review.summaries:
        out.append(f"## {md_escape(s.plan)}: {md_escape(s.title)}\n")
        groups = _by_pillar(review, s.plan)
        if not groups:
            out.append(_("No findings.") + "\n")
        for title, findings in groups:
            out.append(f"### {md_escape(title)}\n")
            out.append(
                "".join(
                    f"- `{f.code}` {_where(review, f)}: {md_escape(f.message)}\n" for f in findings
                )
            )
    return "\n".join(out)


def _where(review: Review, finding: Problem) -> str:
    """``warning, line 12`` in the review's language."""
    _ = translator(review.lang).gettext
    return _("%(level)s, line %(line)s") % {"level": _(finding.level), "line": finding.line}


_HTML = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<title>{{ _("Plan-quality review") }}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #bbb; padding: .3rem .6rem; text-align: left; vertical-align: top; }
code { background: #f3f3f3; }
.info { color: #555; }
</style>
</head>
<body>
<h1>{{ _("Plan-quality review") }}</h1>
<h2>{{ _("Scorecard") }}</h2>
<table>
<thead><tr>{% for c in rows[0] %}<th>{{ c or _("Actions") }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in rows[1:] %}<tr>{% for c in row %}<td>{{ c }}</td>{% endfor %}</tr>
{% endfor %}</tbody>
</table>
{% for plan in plans %}
<h2>{{ plan.summary.plan }}: {{ plan.summary.title }}</h2>
{% for title, findings in plan.groups %}
<h3>{{ title }}</h3>
<ul>
{% for f in findings %}<li class="{{ f.level }}"><code>{{ f.code }}</code> {{ where(f) }}:\
 {{ f.message }}</li>
{% endfor %}</ul>
{% else %}
<p>{{ _("No findings.") }}</p>
{% endfor %}
{% endfor %}
</body>
</html>
"""


def as_html(review: Review) -> str:
    """A standalone page; every text from the plans is escaped by the template engine."""
    import jinja2

    env = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    plans = [{"summary": s, "groups": _by_pillar(review, s.plan)} for s in review.summaries]
    return env.from_string(_HTML).render(
        rows=scorecard_rows(review),
        plans=plans,
        lang=review.lang,
        _=translator(review.lang).gettext,
        where=lambda f: _where(review, f),
    )
