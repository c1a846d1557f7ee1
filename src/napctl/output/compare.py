"""`napctl compare` output: disagreements and the scorecard, as text, Markdown, HTML or JSON.

Every text from the files goes through ``printable()``; Markdown is escaped so
that GitHub renders it as written (no autolinks, no mentions), HTML by the
template engine.
"""

from __future__ import annotations

from fractions import Fraction

from napctl.assess.compare import Comparison, Link, Row, Said, Scorecard
from napctl.core.escape import printable
from napctl.output.writers import json_text
from napctl.render.markdown import md_escape

NONE = "(nothing said)"


def clean(text: str) -> str:
    return printable(" ".join(text.split()))


def fraction_text(value: Fraction | None) -> str:
    return "-" if value is None else str(value)


def _said_text(said: Said) -> str:
    words = clean(said.narrative) if said.narrative else NONE
    links = "; ".join(clean(f"{e.title} <{e.href or 'no valid link'}>") for e in said.evidence)
    return f"{clean(said.who)}: {words}" + (f" [evidence: {links}]" if links else "")


def _share(count: int, total: int) -> str:
    return f"{count} ({round(100 * count / total) if total else 0} %)"


def title(result: Comparison) -> str:
    return f"{result.plan.id} {result.year}: independent assessment beside the government's status"


def summary(result: Comparison) -> str:
    c = result.counts()
    return (
        f"{c['rated']} ratings by {len(result.organisations)} organisations;"
        f" {c['compared']} compared with the government's status (tolerance"
        f" {result.tolerance}): {c['agree']} agree, {c['disagree']} disagree;"
        f" {c['not_compared']} not compared (no comparable status)"
    )


def as_text(result: Comparison) -> str:
    lines = [clean(title(result)), summary(result), "", "Disagreements"]
    for r in result.disagreements:
        lines.append(
            f"  {clean(r.action)}\tgovernment: {r.status}\t{clean(r.organisation)}:"
            f" {clean(r.rating)}\tgap {fraction_text(r.gap)}"
            + (f"\tdisputes {r.disputes}" if r.disputes else "")
        )
        lines += [f"    government, {_said_text(s)}" for s in r.government]
        lines.append(f"    assessment, {_said_text(r.independent)}")
    if not result.disagreements:
        lines.append("  none")
    for organisation, scale in result.organisations:
        lines += ["", f"Scorecard of {clean(organisation)} ({clean(scale)})"]
        for card in _cards(result, organisation):
            counts = ", ".join(
                f"{clean(label)} {_share(n, card.actions)}" for label, n in card.counts.values()
            )
            overall = f"; overall {clean(card.overall)}" if card.overall else ""
            lines.append(f"  {clean(card.pillar)}\t{card.actions} actions: {counts}{overall}")
            if card.results:
                counts = ", ".join(
                    f"{clean(label)} {_share(n, card.results)}"
                    for label, n in card.result_counts.values()
                )
                lines.append(f"  {clean(card.pillar)}\t{card.results} results: {counts}")
    return "\n".join(lines) + "\n"


def _cards(result: Comparison, organisation: str) -> list[Scorecard]:
    return [c for c in result.scorecards if c.organisation == organisation]


def _md_link(link: Link) -> str:
    shown = md_escape(printable(link.title))
    if link.href is None:
        return shown
    href = link.href.replace("<", "%3C").replace(">", "%3E")
    return f"[{shown}](<{printable(href)}>)"


def _md_said(said: Said) -> str:
    words = md_escape(printable(said.narrative)) if said.narrative else f"*{NONE}*"
    links = "; ".join(_md_link(e) for e in said.evidence)
    return f"**{md_escape(printable(said.who))}**: {words}" + (f" ({links})" if links else "")


def _md_row(r: Row) -> str:
    gov = "<br>".join(_md_said(s) for s in r.government) or "*no report*"
    disputes = f" (disputes {r.disputes})" if r.disputes else ""
    cells = [
        f"**{md_escape(printable(r.action))}** {md_escape(printable(r.text))}",
        r.status,
        f"{md_escape(printable(r.organisation))}: {md_escape(printable(r.rating))}{disputes}",
        fraction_text(r.gap),
        gov,
        _md_said(r.independent),
    ]
    return "| " + " | ".join(cells) + " |"


def as_md(result: Comparison) -> str:
    lines = [f"# {md_escape(title(result))}", "", md_escape(summary(result)), ""]
    lines += ["## Disagreements", ""]
    if result.disagreements:
        lines += [
            "| Action | Government | Rating | Gap | Government says | Organisation says |",
            "|---|---|---|---|---|---|",
            *(_md_row(r) for r in result.disagreements),
        ]
    else:
        lines.append("None: every rating compared is within the tolerance.")
    for organisation, scale in result.organisations:
        cards = _cards(result, organisation)
        labels = [label for label, _ in cards[0].counts.values()] if cards else []
        lines += ["", f"## Scorecard: {md_escape(printable(organisation))} ({md_escape(scale)})"]
        lines += [
            "",
            "| Pillar | Actions | " + " | ".join(md_escape(x) for x in labels) + " | Overall |",
        ]
        lines.append("|---|---:|" + "---:|" * len(labels) + "---|")
        for card in cards:
            shares = " | ".join(_share(n, card.actions) for _, n in card.counts.values())
            overall = md_escape(printable(card.overall)) if card.overall else ""
            lines.append(
                f"| {md_escape(printable(card.pillar))}. {md_escape(printable(card.title))}"
                f" | {card.actions} | {shares} | {overall} |"
            )
        lines += _md_results(cards, labels)
    return "\n".join(lines) + "\n"


def _md_results(cards: list[Scorecard], labels: list[str]) -> list[str]:
    """The scorecard of a pillar's expected results (nothing when no pillar has any)."""
    cards = [c for c in cards if c.results]
    if not cards:
        return []
    lines = ["", "| Pillar | Results | " + " | ".join(md_escape(x) for x in labels) + " |"]
    lines.append("|---|---:|" + "---:|" * len(labels))
    for card in cards:
        shares = " | ".join(_share(n, card.results) for _, n in card.result_counts.values())
        lines.append(
            f"| {md_escape(printable(card.pillar))}. {md_escape(printable(card.title))}"
            f" | {card.results} | {shares} |"
        )
    return lines


def _said_record(said: Said) -> dict[str, object]:
    return {
        "by": said.who,
        "narrative": said.narrative,
        "evidence": [{"title": e.title, "href": e.href} for e in said.evidence],
    }


def row_record(r: Row) -> dict[str, object]:
    return {
        "id": r.action,
        "kind": r.kind,
        "pillar": r.pillar,
        "status": r.status,
        "organisation": r.organisation,
        "level": r.level,
        "label": r.label,
        "gap": None if r.gap is None else str(r.gap),
        "disagrees": r.disagrees,
        "disputes": r.disputes,
        "government": [_said_record(s) for s in r.government],
        "assessment": _said_record(r.independent),
    }


def as_json(result: Comparison) -> str:
    return json_text(
        {
            "plan": result.plan.id,
            "year": result.year,
            "tolerance": str(result.tolerance),
            "organisations": [{"organisation": o, "scale": s} for o, s in result.organisations],
            "counts": result.counts(),
            "disagreements": [row_record(r) for r in result.disagreements],
            "ratings": [row_record(r) for r in result.rows],
            "scorecards": [
                {
                    "organisation": c.organisation,
                    "pillar": c.pillar,
                    "title": c.title,
                    "actions": c.actions,
                    "levels": [
                        {"level": k, "label": label, "count": n}
                        for k, (label, n) in c.counts.items()
                    ],
                    "overall": c.overall,
                    "results": c.results,
                    "result_levels": [
                        {"level": k, "label": label, "count": n}
                        for k, (label, n) in c.result_counts.items()
                    ],
                }
                for c in result.scorecards
            ],
        }
    )
