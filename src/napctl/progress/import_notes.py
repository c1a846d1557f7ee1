"""What an import says about a value it did not write: a conflict with the progress file,
or a value without its marker where the file says something else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from napctl.yaml.result import Note

if TYPE_CHECKING:
    from napctl.progress.items import ImportItem, ReadItems
    from napctl.yaml.safe import YamlDocument


def describe(value: object) -> str:
    return "(blank)" if value is None else repr(value)


def where_typed(item: ImportItem, key: str) -> str:
    return item.where_of(key)


def flat_changes(changed: dict[str, object]) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for key, value in changed.items():
        if key == "indicators":
            out += [(f"indicator {n}", v) for n, v in value.items()]  # type: ignore[attr-defined]
        else:
            out.append((key, value))
    return out


def conflict_notes(
    item: ImportItem,
    changed: dict[str, object],
    was: dict[str, object],
    i: int | None,
    doc: YamlDocument | None,
    path: str,
    read: ReadItems,
) -> list[Note]:
    """One note per value the person typed that the file now contradicts."""
    notes = []
    before = dict(flat_changes(was))
    typed = [(k, v) for k, v in flat_changes(changed) if v is not None]
    loc: tuple[object, ...] = ("actions", i) if i is not None else ("actions",)
    line, col = doc.position(loc) if doc is not None else (1, 1)
    for key, value in typed or flat_changes(changed):  # a blank line was not typed
        notes.append(
            Note(
                where_typed(item, key),
                f"{item.id} {key}: the {read.noun} says {describe(value)}, {path}:{line}:{col} now"
                f" says {describe(before.get(key))}: the entry changed after the {read.noun} was"
                f" {read.made}; nothing changed for {item.id}",
            )
        )
    return notes


def unmarked_notes(
    item: ImportItem,
    changed: dict[str, object],
    was: dict[str, object],
    i: int | None,
    doc: YamlDocument | None,
    path: str,
    read: ReadItems,
) -> list[Note]:
    """An item without its marker may only fill what the progress file leaves blank:
    where the file says something else, nobody can tell which is newer."""
    line, col = doc.position(("actions", i)) if doc is not None and i is not None else (1, 1)
    before = dict(flat_changes(was))
    return [
        Note(
            where_typed(item, key),
            f"{item.id} {key}: the {read.noun} says"
            f" {describe(value)}, {path}:{line}:{col} says {describe(before[key])}, and"
            f" the item's napctl marker is missing or damaged, so napctl cannot tell"
            f" which is newer; nothing changed for {item.id}: type it in {path}, or"
            f" render the {read.noun} again and type it there",
        )
        for key, value in flat_changes(changed)
        if before.get(key) not in (None, "not-reported")
    ]
