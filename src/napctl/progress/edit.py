"""Edit one entry of a progress file as text (``napctl.yaml.edit``): every other
character stays where it was.

Only two kinds of edit are made: a one-line scalar value is replaced in place
(``status: delayed`` -> ``status: completed``), and missing keys are added as
new lines after the entry's last line (or after the last item of its
``indicators`` list). Anything else (a multi-line text, a flow mapping where a
line would go) is refused with a message saying what to edit by hand. The
file is never dumped again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml

from napctl.model.types import is_date_text
from napctl.yaml.edit import EditError, TextEdit, scalar

# A number as parse_number gives its digits: plain YAML reads these back as that number.
_DIGITS = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")


@dataclass(slots=True)
class EntryEdit:
    """What to change in one entry: attribute -> text, indicator number -> value."""

    id: str
    texts: dict[str, str] = field(default_factory=dict)
    #: number -> (the value: a number's digits as typed, or a note's text; its unit)
    indicators: dict[int, tuple[int | float | str, str | None]] = field(default_factory=dict)
    #: the action's indicator texts, to find an entry that names its indicator by text
    names: Sequence[str] = ()


def value_text(value: int | float | str) -> str:
    """The value as YAML: a number's digits as typed (``1250000``, ``-3.50``), plain; any
    other text as a safe scalar. Digits never go through a float (no ``inf``, no
    ``1.2345678901234567e+19``)."""
    if isinstance(value, int | float):
        return str(value)
    if _DIGITS.fullmatch(value):
        return value
    return scalar(value)


def _entry(doc: TextEdit, action_id: str) -> yaml.MappingNode:
    actions = doc.get(doc.root, "actions")
    if not isinstance(actions, yaml.SequenceNode):
        raise doc.error(actions, "its `actions` is not a list")
    for item in actions.value:
        ident = doc.get(item, "id")
        if isinstance(ident, yaml.ScalarNode) and ident.value == action_id:
            if item.flow_style:
                raise doc.error(item, f"the entry of {action_id} is a {{flow mapping}}")
            return item  # type: ignore[no-any-return]
    raise doc.error(actions, f"it has no entry for {action_id}")


def _indicator_item(
    doc: TextEdit, seq: yaml.SequenceNode, n: int, names: Sequence[str]
) -> yaml.MappingNode | None:
    found = None
    for item in seq.value:
        ref = doc.get(item, "indicator")
        if isinstance(ref, yaml.ScalarNode) and (
            ref.value == str(n) or (n <= len(names) and ref.value == names[n - 1])
        ):
            found = item  # the last report of an indicator is the one shown
    return found


def _indicator(
    doc: TextEdit,
    entry: yaml.MappingNode,
    n: int,
    value: tuple[int | float | str, str | None],
    names: Sequence[str],
) -> None:
    number, unit = value
    new_item = [f"- indicator: {n}", f"  value: {value_text(number)}"]
    if unit:
        new_item.append(f"  unit: {scalar(unit)}")
    seq = doc.get(entry, "indicators")
    if seq is None:
        pad = " " * doc.column(entry)
        doc.append(
            entry, "".join(f"{pad}{x}\n" for x in ["indicators:", *(f"  {y}" for y in new_item)])
        )
        return
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise doc.error(seq, "its `indicators` is not a block list; add the value there by hand")
    item = _indicator_item(doc, seq, n, names)
    if item is None:
        dash = " " * doc.column(seq)
        doc.append(seq, "".join(f"{dash}{x}\n" for x in new_item))
        return
    _set(doc, item, "value", value_text(number), f"indicator {n}'s value")
    if unit:
        _set(doc, item, "unit", scalar(unit), f"indicator {n}'s unit")


def _set(doc: TextEdit, mapping: yaml.MappingNode, key: str, new: str, what: str) -> None:
    node = doc.get(mapping, key)
    if node is None:
        doc.append(mapping, f"{' ' * doc.column(mapping)}{key}: {new}\n")
    else:
        doc.replace(node, new, what)


def _text_value(attr: str, value: str) -> str:
    """A status as it is; a revised due date plain (2021, 2021-06-30 read as a year or a
    date, as a person writes them in the file); any other text as a safe scalar."""
    if attr == "status":
        return value
    if attr == "revised_due" and is_date_text(value):
        return value
    return scalar(value)


def apply_edits(
    text: str, edits: Sequence[EntryEdit], file: str = ""
) -> tuple[str, list[tuple[int, EditError]]]:
    """``text`` with every edit that can be made, composed once (an import of N items
    into one file costs one parse, not N); and (index, why) of those that cannot."""
    doc = TextEdit(text, file)
    refused: list[tuple[int, EditError]] = []
    for n, edit in enumerate(edits):
        mark = doc.mark()
        try:
            _edit_entry(doc, edit)
        except EditError as exc:
            doc.undo(mark)  # nothing of a refused edit is made
            refused.append((n, exc))
    return doc.text(), refused


def _edit_entry(doc: TextEdit, edit: EntryEdit) -> None:
    entry = _entry(doc, edit.id)
    for attr, value in edit.texts.items():
        _set(doc, entry, attr, _text_value(attr, value), attr)
    for n, reported in sorted(edit.indicators.items()):
        _indicator(doc, entry, n, reported, edit.names)


def apply_edit(text: str, edit: EntryEdit, file: str = "") -> str:
    """``text`` with ``edit`` made as text. Raises EditError (nothing changed then)."""
    doc = TextEdit(text, file)
    entry = _entry(doc, edit.id)
    for attr, value in edit.texts.items():
        _set(doc, entry, attr, _text_value(attr, value), attr)
    for n, reported in sorted(edit.indicators.items()):
        _indicator(doc, entry, n, reported, edit.names)
    return doc.text()
