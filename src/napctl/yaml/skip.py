"""Skipping a collection the builder drops (the value of a duplicate key), within the
same limits of depth and size as the rest of the file."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import MappingEndEvent, MappingStartEvent, SequenceEndEvent, SequenceStartEvent

from napctl.yaml.errors import SkippedError


def skip_collection(
    get_event: Any,
    start: Any,
    nodes: int,
    max_nodes: int,
    base: int,
    room: int,
    too_many: Any,
    too_deep: Any,
) -> int:
    """Consume events up to the end of the collection ``start`` opened, ``base``
    collections deep; the nodes read so far.

    The limits hold as for the rest of the file: at most ``room`` levels deep,
    ``max_nodes`` values in all.
    """
    depth, event = 1, start
    while depth:
        try:
            event = get_event()
        except yaml.YAMLError as exc:
            raise SkippedError(exc, event.end_mark, base + depth) from exc
        cls: Any = type(event)
        if cls is MappingStartEvent or cls is SequenceStartEvent:
            depth += 1
            if depth > room:
                too_deep(event.start_mark)
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            depth -= 1
            continue
        nodes += 1
        if nodes > max_nodes:
            too_many(event.start_mark)
    return nodes
