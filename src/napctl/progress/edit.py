"""Edit one entry of a progress file as text: every other byte stays where it was.

Only two kinds of edit are made: a one-line scalar value is replaced in place
(``status: delayed`` -> ``status: completed``), and missing keys are added as
new lines after the entry's last line (or after the last item of its
``indicators`` list). Anything else (a multi-line text, a flow mapping where a
line would go) is refused with a message saying what to edit by hand. The
file is never dumped again.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml
from napctl.model.types import DATE_TEXT
from napctl.progress.init import line_end, scalar

# libyaml's composer where it is there: its marks count characters as the pure-Python
# one does (checked with non-ASCII and astral text), at a tenth of the time per file.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class EditError(Exception):
    """An edit napctl will not make as text (the message says what to do instead)."""


@dataclass(slots=True)
class EntryEdit:
    """What to change in one entry: attribute -> text, indicator number -> value."""

    id: str
    texts: dict[str, str] = field(default_factory=dict)
    indicators: dict[int, tuple[int | float | str, str | None]] = field(default_factory=dict)
    #: the action's indicator texts, to find an entry that names its indicator by text
    names: Sequence[str] = ()


def value_text(value: int | float | str) -> str:
    return str(value) if isinstance(value, int | float) else scalar(value)


def _get(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in node.value if k.value == key), None)


def _last_end(node: yaml.Node) -> int:
    """Where the node's last character is (block collections end at their last child)."""
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style and (
            node.value):
        last = node.value[-1]
        return _last_end(last[1] if isinstance(node, yaml.MappingNode) else last)
    return node.end_mark.index


def _line_after(text: str, at: int) -> int:
    """The start of the line after position ``at`` (the end of the text if none)."""
    if at > 0 and text[at - 1] == "\n":
        return at
    end = text.find("\n", at)
    return len(text) if end < 0 else end + 1


@dataclass(slots=True)
class _Edits:
    text: str
    newline: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def replace(self, node: yaml.Node, new: str, what: str) -> None:
        if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">") or (
                node.start_mark.line != node.end_mark.line):
            raise EditError(f"{what} is not a one-line value in the file; edit it there")
        self.spans.append((node.start_mark.index, node.end_mark.index, new))

    def add_lines(self, after: yaml.Node, lines: list[str]) -> None:
        at = _line_after(self.text, _last_end(after))
        prefix = self.newline if at == len(self.text) and not self.text.endswith("\n") else ""
        self.spans.append((at, at, prefix + "".join(x + self.newline for x in lines)))

    def apply(self) -> str:
        merged: dict[tuple[int, int], str] = {}
        for start, end, new in self.spans:  # inserts at one place keep their order
            merged[start, end] = merged.get((start, end), "") + new
        out = self.text
        for (start, end), new in sorted(merged.items(), reverse=True):  # earlier stay valid
            out = out[:start] + new + out[end:]
        return out


def _entry(root: yaml.Node, action_id: str) -> yaml.MappingNode:
    actions = _get(root, "actions") if isinstance(root, yaml.MappingNode) else None
    if not isinstance(actions, yaml.SequenceNode):
        raise EditError("its `actions` is not a list")
    for item in actions.value:
        if isinstance(item, yaml.MappingNode):
            ident = _get(item, "id")
            if isinstance(ident, yaml.ScalarNode) and ident.value == action_id:
                if item.flow_style:
                    raise EditError(f"the entry of {action_id} is a {{flow mapping}}")
                return item
    raise EditError(f"it has no entry for {action_id}")


def _indicator_item(seq: yaml.SequenceNode, n: int, names: Sequence[str]
                    ) -> yaml.MappingNode | None:
    found = None
    for item in seq.value:
        if isinstance(item, yaml.MappingNode):
            ref = _get(item, "indicator")
            if isinstance(ref, yaml.ScalarNode) and (
                    ref.value == str(n) or (n <= len(names) and ref.value == names[n - 1])):
                found = item  # the last report of an indicator is the one shown
    return found


def _indicator(edits: _Edits, entry: yaml.MappingNode, n: int,
               value: tuple[int | float | str, str | None], names: Sequence[str]) -> None:
    pad = " " * entry.value[0][0].start_mark.column
    number, unit = value
    new_item = [f"- indicator: {n}", f"  value: {value_text(number)}"]
    if unit:
        new_item.append(f"  unit: {scalar(unit)}")
    seq = _get(entry, "indicators")
    if seq is None:
        edits.add_lines(entry, [f"{pad}indicators:", *(f"{pad}  {x}" for x in new_item)])
        return
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise EditError("its `indicators` is not a block list; add the value there by hand")
    item = _indicator_item(seq, n, names)
    if item is None:
        dash = " " * seq.value[0].start_mark.column
        edits.add_lines(seq, [f"{dash[:-2]}{x}" for x in new_item])
        return
    _set(edits, item, "value", value_text(number), f"indicator {n}'s value")
    if unit:
        _set(edits, item, "unit", scalar(unit), f"indicator {n}'s unit")


def _set(edits: _Edits, mapping: yaml.MappingNode, key: str, new: str, what: str) -> None:
    node = _get(mapping, key)
    if node is None:
        pad = " " * mapping.value[0][0].start_mark.column
        edits.add_lines(mapping, [f"{pad}{key}: {new}"])
    else:
        edits.replace(node, new, what)


def _text_value(attr: str, value: str) -> str:
    """A status as it is; a revised due date plain (2021, 2021-06-30 read as a year or a
    date, as a person writes them in the file); any other text as a safe scalar."""
    if attr == "status":
        return value
    if attr == "revised_due" and re.match(DATE_TEXT, value):
        try:
            if isinstance(yaml.safe_load(value), int | datetime.date):
                return value
        except yaml.YAMLError:  # 2021-02-30 looks like a date and is none
            pass
    return scalar(value)


def apply_edit(text: str, edit: EntryEdit) -> str:
    """``text`` with ``edit`` made as text. Raises EditError (nothing changed then)."""
    body = text.removeprefix("\ufeff")
    root = yaml.compose(body, Loader=_COMPOSER)
    if root is None:
        raise EditError("it is empty")
    entry = _entry(root, edit.id)
    edits = _Edits(body, line_end(body))
    for attr, value in edit.texts.items():
        _set(edits, entry, attr, _text_value(attr, value), attr)
    for n, reported in sorted(edit.indicators.items()):
        _indicator(edits, entry, n, reported, edit.names)
    return text[: len(text) - len(body)] + edits.apply()
