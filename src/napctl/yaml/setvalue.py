"""Setting a value in a YAML text through ``TextEdit``: only the lines that change change.

``set_value(doc, path, value)`` makes the value of the key at ``path`` equal to
``value``, as text edits of ``napctl.yaml.edit.TextEdit``:

- a text replaces the scalar where it stands (one line, written by ``scalar``);
- a list written in block style is changed entry by entry: entries that stay
  keep their lines and the comments between them, removed entries lose their
  lines, new ones are written at their place; ``same`` says when an old entry
  stands for a new one (an indicator written as a mapping with more fields than
  a table gives, for the same text, is kept as it is);
- an empty list or None removes the key's lines; a key the mapping lacks is
  added below its last entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Any

import yaml

from napctl.yaml.edit import TextEdit, dump_entries, dump_items, scalar

#: Whether an old entry (as read) may stay for a new one.
Same = Callable[[Any, Any], bool]


def _never(_old: Any, _new: Any) -> bool:
    return False


def node_value(node: yaml.Node) -> Any:
    """A node as plain data: texts, lists and mappings (scalars stay texts)."""
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): node_value(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [node_value(v) for v in node.value]
    return node.value


def set_value(doc: TextEdit, path: Sequence[str | int], value: Any, same: Same = _never) -> None:
    """Make the value of the key at ``path`` ``value`` (see the module's docstring).
    Raises EditError when it cannot be done as text."""
    parent = doc.at(path[:-1])
    key = str(path[-1])
    entry = next(
        ((k, v) for k, v in getattr(parent, "value", []) if getattr(k, "value", None) == key),
        None,
    )
    if entry is None:
        if value not in (None, [], ""):
            doc.append(parent, dump_entries({key: value}, doc.column(parent)))
        return
    key_node, node = entry
    if value is None or value == []:
        start = key_node.start_mark.index - key_node.start_mark.column
        doc.replace_span(start, doc.content_end(node), "")
    elif isinstance(value, list) and _block_list(node):
        _set_list(doc, node, value, same)
    elif isinstance(value, list | dict):
        doc.replace_span(node.start_mark.index, _value_end(doc, node), _flow(value))
    elif isinstance(node, yaml.ScalarNode) and node.style not in ("|", ">"):
        doc.replace_span(node.start_mark.index, node.end_mark.index, scalar(str(value)))
    else:  # a block scalar, or a collection where a text goes: its lines become one
        doc.replace_span(node.start_mark.index, _value_end(doc, node), scalar(str(value)))


def replace_node(doc: TextEdit, node: yaml.Node, value: Any) -> None:
    """Replace the value ``node`` (a mapping's value or a list's item) by ``value`` on one
    line: a list or mapping in flow style, a text as ``scalar`` writes it."""
    text = _flow(value) if isinstance(value, list | dict) else scalar(str(value))
    doc.replace_span(node.start_mark.index, _value_end(doc, node), text)


def _block_list(node: yaml.Node) -> bool:
    return isinstance(node, yaml.SequenceNode) and not node.flow_style and bool(node.value)


def _value_end(doc: TextEdit, node: yaml.Node) -> int:
    """The end of a value that is replaced by one line: a block's last line break stays."""
    if isinstance(node, yaml.ScalarNode) and node.style not in ("|", ">"):
        return int(node.end_mark.index)
    if isinstance(node, yaml.SequenceNode | yaml.MappingNode) and node.flow_style:
        return int(node.end_mark.index)
    end = doc.content_end(node)
    return end - len(doc.newline) if doc.body.endswith(doc.newline, 0, end) else end


def _flow(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _set_list(doc: TextEdit, seq: yaml.SequenceNode, new: list[Any], same: Same) -> None:
    items = list(seq.value)
    old = [node_value(n) for n in items]
    new = list(new)
    for j, value in enumerate(new):
        kept = next((o for o in old if o != value and same(o, value)), None)
        if kept is not None:
            new[j] = kept
    column = doc.column(seq)
    matcher = SequenceMatcher(None, [_key(o) for o in old], [_key(n) for n in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lines = dump_items(new[j1:j2], column) if j2 > j1 else ""
        if i2 > i1:
            start = doc.lines(items[i1])[0]
            doc.replace_span(start, doc.content_end(items[i2 - 1]), lines)
        elif i1 < len(items):
            start = doc.lines(items[i1])[0]
            doc.replace_span(start, start, lines)
        else:
            doc.append(seq, lines)
