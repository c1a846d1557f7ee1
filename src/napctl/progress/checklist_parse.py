"""Read a checklist back: its items' markers, ticks and the lines a person typed into.

Tolerant of what web editors do to a file: CRLF line ends, trailing spaces,
``[X]`` for ``[x]``, a space typed after a colon or not. Lines napctl does not
know (notes a person added, "Shared with", evidence) are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from napctl.core.i18n import LANGUAGES, every_language, translator
from napctl.progress.checklist_header import HeaderProblem, line_problems
from napctl.progress.checklist_items import HEADER, MARKER, TEXT_FIELDS, flat, parse_fields

_ITEM = re.compile(r"^- \[([ xX])\] ")
# The id an item shows in bold: what a person sees and the truth of whose item it is.
_VISIBLE_ID = re.compile(r"^- \[[ xX]\] \*\*([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+)\*\*")
#: The labels of the lines a person types into, in English (what the item records).
_LABELS = ("Status", "Value", *TEXT_FIELDS)


# A checklist rendered in any language reads back.
_NAMES = every_language(_LABELS)
_WORD = "|".join(re.escape(n) for n in sorted(_NAMES, key=len, reverse=True))
# French puts a space before the colon ("Statut : terminé").
_FIELD = re.compile(rf"^(?P<pad>[ \t]*)- (?P<label>{_WORD})[ \u00a0\u202f]?:(?P<value>.*)$")
_INDICATOR = re.compile(
    "^[ \t]*- (?:"
    + "|".join(
        re.escape(translator(lang).gettext("Indicator %(n)s")).replace(
            re.escape("%(n)s"), r"(\d+)", 1
        )
        for lang in LANGUAGES
    )
    + ")[ \u00a0\u202f]?:"
)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def md_unescape(text: str) -> str:
    """The inverse of ``napctl.render.markdown.md_escape`` (which escapes every backslash)."""
    return _ESCAPED.sub(r"\1", text)


@dataclass(slots=True)
class Typed:
    """One value of an item, with the 1-based line and column where it is typed."""

    value: str | None
    line: int
    column: int
    #: lines wrapped by hand below it, joined once at the end (a Summary wrapped over
    #: 16,000 lines is not folded again at each line)
    more: list[str] = field(default_factory=list)

    def joined(self) -> None:
        if self.more:
            self.value = flat(" ".join([self.value or "", *self.more]))
            self.more = []


@dataclass(slots=True)
class ParsedItem:
    fields: dict[str, str]  # the marker's ({} when the item has none)
    line: int
    ticked: bool
    #: the id the item shows ("" when it shows none): it wins over the marker's
    visible: str = ""
    texts: dict[str, Typed] = field(default_factory=dict)  # attribute -> typed
    status: Typed | None = None
    indicators: dict[int, Typed] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.visible or self.fields.get("id", "")

    @property
    def marked(self) -> bool:
        """Whether its marker says what it was made from (an editor may delete or cut it)."""
        return all(self.fields.get(k) for k in ("id", "digest", "shown"))


@dataclass(slots=True)
class ParsedChecklist:
    header: dict[str, str] | None
    items: list[ParsedItem]
    #: what is wrong with the header's fields, at their line and column
    problems: list[HeaderProblem] = field(default_factory=list)


def _typed(match: re.Match[str], number: int) -> Typed:
    raw = match.group("value")
    column = match.start("value") + 1 + (len(raw) - len(raw.lstrip()))
    return Typed(flat(md_unescape(raw.strip())), number, column)


def parse_checklist(text: str) -> ParsedChecklist:
    """Every item that carries a marker, in file order."""
    header: dict[str, str] | None = None
    problems: list[HeaderProblem] = []
    items: list[ParsedItem] = []
    current: ParsedItem | None = None
    indicator: int | None = None
    last: Typed | None = None
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), 1):
        line = raw.rstrip()
        found = HEADER.search(line)
        if found and header is None:
            header = parse_fields(found.group(1))
            problems = line_problems(line, number, found.start(1))
            continue
        item = _ITEM.match(line)
        if item or line.startswith("#"):
            current, indicator, last = None, None, None
            marker = MARKER.search(line) if item else None
            shown = _VISIBLE_ID.match(line) if item else None
            # Without the header (no --year) the file holds no progress to import.
            if item and (marker or (shown and header is not None)):
                # An item whose marker was deleted is still an item: never ignored.
                current = ParsedItem(
                    parse_fields(marker.group(1)) if marker else {},
                    number,
                    item.group(1) in "xX",
                    shown.group(1) if shown else "",
                )
                items.append(current)
            continue
        if current is None:
            continue
        last = _read_line(current, line, number, last, indicator)
        ind = _INDICATOR.match(line)
        if ind:
            indicator = int(next(g for g in ind.groups() if g))
    for done in items:
        for typed in [*done.texts.values(), *done.indicators.values(), done.status]:
            if typed is not None:
                typed.joined()
    return ParsedChecklist(header, items, problems)


def _read_line(
    item: ParsedItem, line: str, number: int, last: Typed | None, indicator: int | None
) -> Typed | None:
    """Record ``line`` on ``item``; returns the value a next indented line continues."""
    found = _FIELD.match(line)
    if found is None:
        stripped = line.strip()
        if last is not None and stripped and not stripped.startswith("- "):
            # a line wrapped by hand continues the value above it
            last.more.append(md_unescape(stripped))
            return last
        return None
    typed = _typed(found, number)
    label = _NAMES[found.group("label")]
    if label == "Status":
        item.status = typed
    elif label == "Value":
        if indicator is None:
            return None
        item.indicators[indicator] = typed
    else:
        item.texts[TEXT_FIELDS[label]] = typed
    return typed
