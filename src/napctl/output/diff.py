"""``napctl diff`` output: text (coloured on a terminal), Markdown and JSON.

Every change is first described as segments of text with a style (``add``,
``del``, ``id`` or none); each format renders the segments for its reader:
the terminal through rich (control characters escaped), plain text with
``[-removed-]{+added+}`` word diffs (as ``git diff --word-diff=plain``),
Markdown with the project's escaper and ``<del>``/``<ins>``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Any

from napctl.core.escape import printable
from napctl.diff.changes import Change, PlanDiff
from napctl.diff.source import Side
from napctl.render.markdown import md_escape

Segment = tuple[str, str | None]  # text, style

#: A Markdown section longer than this many changes is folded in <details>.
LONG_SECTION = 10
_SECTION_TITLES = {
    "metadata": "Metadata",
    "registry": "Departments",
    "plan": "Pillars, goals and actions",
}
_MARK = {"added": "+", "new": "+", "removed": "-", "dropped": "-"}


def jsonable(value: Any) -> Any:
    """``value`` as JSON can hold it: a broken file may hold dates, NaN or huge numbers."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, int):
        try:
            str(value)
        except ValueError:  # more digits than Python prints
            return "a number too large to show"
        return value
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return value
    return str(value)


def shown(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(jsonable(value), ensure_ascii=False, separators=(", ", ": "))


def word_diff(old: str, new: str) -> list[Segment]:
    """The words of ``old`` and ``new``, the removed and added ones styled."""
    a, b = old.split(), new.split()
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append((" ".join(a[i1:i2]), None))
            continue
        if i2 > i1:
            segments.append((" ".join(a[i1:i2]), "del"))
        if j2 > j1:
            segments.append((" ".join(b[j1:j2]), "add"))
    return segments


def _item(change: Change) -> str:
    kind = change.kind.split("-")[0]
    return "department" if kind == "department" else kind


def _value_change(change: Change) -> list[Segment]:
    old, new = change.old, change.new
    if isinstance(old, str) and isinstance(new, str):
        return word_diff(old, new)
    segments: list[Segment] = []
    if old is not None:
        segments.append((shown(old), "del"))
    if new is not None:
        segments.append((shown(new), "add"))
    return segments


#: The changes with one side only: an item added, removed, new or dropped.
_ONE_SIDED = frozenset(
    (
        "action-added",
        "action-removed",
        "action-new",
        "action-dropped",
        "pillar-added",
        "pillar-removed",
        "goal-added",
        "goal-removed",
        "result-added",
        "result-removed",
        "department-added",
        "department-removed",
    )
)


def _one_sided(change: Change) -> list[Segment]:
    last = change.kind.rsplit("-", 1)[-1]
    text = change.new if change.new is not None else change.old
    tail = f" ({last})" if last in ("new", "dropped") else ""
    return [
        (_MARK[last], "add" if _MARK[last] == "+" else "del"),
        (f" {_item(change)} ", None),
        (change.id, "id"),
        (f"{tail}: " if text is not None else tail, None),
        (shown(text) if text is not None else "", None),
    ]


def describe(change: Change) -> list[Segment]:
    """One change as styled segments (the first one is its mark: + - ~ =)."""
    kind, ident = change.kind, change.id
    if kind in _ONE_SIDED:
        return _one_sided(change)
    if kind == "action-renumbered":
        return [
            ("~", None),
            (" action ", None),
            (str(change.old), "id"),
            (" renumbered as ", None),
            (ident, "id"),
        ]
    if kind == "action-carried-over":
        return [
            ("=", None),
            (" action ", None),
            (str(change.old), "id"),
            (" carried over as ", None),
            (ident, "id"),
        ]
    if kind == "action-modified":
        return [
            ("~", None),
            (" action ", None),
            (str(change.old_id), "id"),
            (" modified as ", None),
            (ident, "id"),
            (": ", None),
            *_value_change(change),
        ]
    if kind == "action-moved":
        old, new = change.old, change.new
        return [
            ("~", None),
            (" action ", None),
            (ident, "id"),
            (
                f" moved from goal {old['goal']} (pillar {old['pillar']}) to goal"
                f" {new['goal']} (pillar {new['pillar']})",
                None,
            ),
        ]
    return _field_change(change)


def _field_change(change: Change) -> list[Segment]:
    kind = change.kind
    mark = "~"
    if kind.endswith("-added"):
        mark = "+"
    elif kind.endswith("-removed"):
        mark = "-"
    label = {
        "action-reworded": " reworded",
        "department-renamed": f" {change.field}",
        "department-reparented": " parent",
        "department-aliases-changed": " aliases",
        "action-indicator-added": " indicator",
        "action-indicator-removed": " indicator",
        "action-indicator-changed": " indicator",
        "action-indicator-target-changed": " target",
        "action-department-added": " department",
        "action-department-removed": " department",
        "action-assignment-changed": " department",
    }.get(kind, f" {change.field}")
    item = _item(change)
    if change.section == "metadata":
        return [
            (mark, None),
            (" metadata ", None),
            (str(change.field), "id"),
            (": ", None),
            *_value_change(change),
        ]
    return [
        (mark, None),
        (f" {item} ", None),
        (change.id, "id"),
        (f"{label}: ", None),
        *_value_change(change),
    ]


def summary(diff: PlanDiff) -> str:
    if not diff.changes:
        return "no changes"
    counts = Counter(c.kind for c in diff.changes)
    total = len(diff.changes)
    return f"{total} change{'s' if total != 1 else ''}: " + ", ".join(
        f"{n} {kind}" for kind, n in counts.items()
    )


def header(old: Side, new: Side, diff: PlanDiff) -> str:
    text = f"{old.label} -> {new.label}"
    if diff.generation:
        text += f" (two generations: {diff.old_plan} -> {diff.new_plan})"
    return text


# -- the actor's view --------------------------------------------------------------

_ACTOR_WORDS = {
    "action-reworded": "reworded",
    "action-modified": "modified",
    "action-moved": "moved",
    "action-carried-over": "carried over",
    "action-changed": "notes changed",
    "action-assignment-changed": "role changed",
}


def actor_line(name: str, changes: Sequence[Change]) -> str:
    """'MAEE D5: +II.9.3, -III.4.4, II.2.3 reworded'."""
    tokens: list[str] = []
    for c in changes:
        if c.kind in ("action-added", "action-new", "action-department-added"):
            tokens.append(f"+{c.id}")
        elif c.kind in ("action-removed", "action-dropped", "action-department-removed"):
            tokens.append(f"-{c.id}")
        elif c.kind == "action-renumbered":
            tokens.append(f"{c.old} renumbered {c.id}")
        elif c.kind.startswith("action-indicator"):
            tokens.append(f"{c.id} indicators changed")
        elif c.kind.startswith("action-"):
            tokens.append(f"{c.id} {_ACTOR_WORDS[c.kind]}")
        else:
            tokens.append(f"{c.id} {c.kind.removeprefix('department-')}")
    joined = ", ".join(dict.fromkeys(printable(t) for t in tokens))
    return f"{printable(name)}: {joined or 'no changes'}"


# -- formats -----------------------------------------------------------------------


def as_plain(diff: PlanDiff, old: Side, new: Side, actor: str | None = None) -> str:
    """Stable plain text: one change a line, word diffs as [-removed-]{+added+}."""
    style = {"add": ("{+", "+}"), "del": ("[-", "-]")}
    lines = [printable(header(old, new, diff))]
    if actor is not None:
        lines.append(actor_line(actor, diff.changes))
    for change in diff.changes:
        segments = describe(change)
        text = segments[0][0] + "".join(
            (style[s][0] + printable(t) + style[s][1]) if s in style and t else printable(t)
            for t, s in _spaced(segments[1:])
        )
        lines.append(text)
    lines.append(summary(diff))
    return "\n".join(printable(line) for line in lines) + "\n"


def _spaced(segments: list[Segment]) -> list[Segment]:
    """The segments with one space between words that would otherwise touch."""
    out: list[Segment] = []
    for text, style in segments:
        if not text:
            continue
        if (
            out
            and not out[-1][0][-1].isspace()
            and not text[0].isspace()
            and text[0] not in ":,.;)"
        ):
            out.append((" ", None))
        out.append((text, style))
    return out


def print_rich(diff: PlanDiff, old: Side, new: Side, actor: str | None = None) -> None:
    """The same lines, coloured, for a terminal."""
    # lazy: start-up (rich costs ~35 ms; only a terminal needs it)
    from rich.console import Console
    from rich.text import Text

    styles = {"add": "green", "del": "red strike", "id": "bold"}
    marks = {"+": "green", "-": "red", "~": "yellow", "=": "dim"}
    console = Console(highlight=False)
    console.print(Text(printable(header(old, new, diff)), style="bold"))
    if actor is not None:
        console.print(Text(actor_line(actor, diff.changes), style="bold cyan"))
    for change in diff.changes:
        segments = describe(change)
        line = Text()
        line.append(segments[0][0], style=marks.get(segments[0][0], ""))
        for text, style in _spaced(segments[1:]):
            line.append(printable(text), style=styles.get(style or "", ""))
        console.print(line)
    console.print(Text(summary(diff), style="dim"))


def as_json(diff: PlanDiff, old: Side, new: Side, actor: str | None = None) -> str:
    """A JSON array of changes: kind, id, field, old, new, old_pos, new_pos (and more)."""
    records = [
        {
            "kind": c.kind,
            "id": c.id,
            "field": c.field,
            "old": jsonable(c.old),
            "new": jsonable(c.new),
            "old_pos": old.position(c.old_path),
            "new_pos": new.position(c.new_path),
            "old_id": c.old_id,
            "departments": list(c.departments),
            "section": c.section,
        }
        for c in diff.changes
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def as_markdown(diff: PlanDiff, old: Side, new: Side, actor: str | None = None) -> str:
    """CommonMark for a pull-request comment; long sections fold into <details>."""
    out = [f"### napctl diff: {md_escape(printable(header(old, new, diff)))}", ""]
    if actor is not None:
        out += [f"**{md_escape(actor_line(actor, diff.changes))}**", ""]
    out += [md_escape(summary(diff)), ""]
    for section in ("metadata", "registry", "plan"):
        items = [c for c in diff.changes if c.section == section]
        if not items:
            continue
        title = f"{_SECTION_TITLES[section]} ({len(items)})"
        body = [f"- {_md_line(c, md_escape)}" for c in items]
        if len(items) > LONG_SECTION:
            out += [
                "<details>",
                f"<summary>{md_escape(title)}</summary>",
                "",
                *body,
                "",
                "</details>",
                "",
            ]
        else:
            out += [f"#### {md_escape(title)}", "", *body, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _md_line(change: Change, escape: Callable[[str], str]) -> str:
    parts = []
    segments = describe(change)
    for text, style in [(f"`{segments[0][0]}`", "raw"), *_spaced(segments[1:])]:
        if style == "raw" or not text.strip():
            parts.append(text)
        else:
            escaped = escape(printable(text))
            lead = " " if text.startswith(" ") else ""
            trail = " " if text.endswith(" ") else ""
            escaped = escaped.strip()
            if style == "add":
                escaped = f"<ins>{escaped}</ins>"
            elif style == "del":
                escaped = f"<del>{escaped}</del>"
            elif style == "id":
                escaped = f"**{escaped}**"
            parts.append(lead + escaped + trail)
    return "".join(parts)
