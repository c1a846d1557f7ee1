"""The files `napctl progress import` reads, by kind: a registry of readers.

Each reader turns a file's bytes into ``ReadItems``; the first reader that
accepts a file (by its suffix, else by its content) reads it. A new kind of
file is one more entry in ``READERS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from napctl.core.messages import close_matches, did_you_mean
from napctl.model.progress import STATUSES
from napctl.model.words import parse_status
from napctl.progress.items import ImportItem, Note, ProgressImportError, ReadItems

_WHOSE = re.compile(r"\s*\([^()]*\)$")


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    accepts: Callable[[Path, bytes], bool]
    read: Callable[[bytes, str], ReadItems]  # (the file's bytes, how to name it)


def status_problem(action_id: str, word: str) -> str:
    """Why ``word`` is no status, with the status it is closest to."""
    close = close_matches(word.casefold(), STATUSES, ignore_case=True)
    hint = did_you_mean(close, quote=lambda s: f'"{s}"') or f"; one of {', '.join(STATUSES)}"
    return f'{action_id}: unknown status "{word}"{hint}'


def _decode(data: bytes, display: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProgressImportError(f"cannot read {display}: {exc}") from None


# -- checklists -----------------------------------------------------------------------


def checklist_items(text: str, display: str) -> ReadItems:
    """The items of a Markdown checklist rendered with --year (ticks and typed lines)."""
    from napctl.progress.checklist_parse import parse_checklist  # lazy: start-up

    parsed = parse_checklist(text)
    items = [_checklist_item(p, display, parsed.header or {}) for p in parsed.items]
    return ReadItems(items, header=parsed.header)


def _checklist_item(parsed: object, display: str, header: dict[str, str]) -> ImportItem:
    """The item as it reads; its plan and year are the header's, its id the one shown."""
    from napctl.progress.checklist_parse import ParsedItem  # lazy: start-up

    assert isinstance(parsed, ParsedItem)
    fields = parsed.fields if parsed.marked else {}
    said = _status_word(parsed)
    # Without a marker the status it showed is unknown: read it as its Status line says.
    shown = fields.get("status") or (parse_status(said or "") or "not-reported")
    item = ImportItem(
        plan=header.get("plan") or parsed.fields.get("plan", ""),
        year=header.get("year") or parsed.fields.get("year", ""),
        dept=parsed.fields.get("dept", ""),
        id=parsed.id,
        digest=fields.get("digest"),
        shown=fields.get("shown"),
        where=f"{display}:{parsed.line}:1",
        status=shown,
        blank_at=f"{display}:{parsed.line}:3",
        marked=parsed.marked,
        lang=header.get("lang", "en"),
        texts={attr: t.value for attr, t in parsed.texts.items()},
        indicators={n: t.value for n, t in parsed.indicators.items()},
    )
    for attr, typed in parsed.texts.items():
        item.at[attr] = f"{display}:{typed.line}:{typed.column}"
    for n, typed in parsed.indicators.items():
        item.at[f"indicator {n}"] = f"{display}:{typed.line}:{typed.column}"
    if parsed.status is not None:
        item.at["status"] = f"{display}:{parsed.status.line}:{parsed.status.column}"
    if parsed.ticked != (shown == "completed"):
        item.at["status"] = f"{display}:{parsed.line}:4"  # the box
    status_at = (
        f"{display}:{parsed.status.line}:{parsed.status.column}" if parsed.status else item.where
    )
    word = parse_status(said) if said is not None else shown
    marker_id = parsed.fields.get("id")
    if marker_id and parsed.visible and marker_id != parsed.visible:
        item.problem = Note(
            item.where,
            f"{item.id}: the item shows {item.id} but its napctl"
            f" marker is {marker_id}'s; the id shown is the one imported:"
            f" restore the marker of {item.id} (render the checklist again)",
        )
    elif word is None:
        item.problem = Note(status_at, status_problem(item.id, said or ""))
    elif parsed.ticked and shown != "completed":
        if word not in (shown, "completed"):
            item.problem = Note(status_at, f"{item.id} is ticked but its Status says {word}")
        item.status = "completed"
    elif not parsed.ticked and shown == "completed" and word == "completed":
        item.problem = Note(
            item.where, f"{item.id} is no longer ticked: type its status on the Status line"
        )
    else:
        item.status = word
    return item


def _status_word(parsed: object) -> str | None:
    """The Status line as typed (None when the item has none), without the department a
    parent's checklist names after it (``ongoing (MAEE D5)``)."""
    status = getattr(parsed, "status", None)
    if status is None:
        return None
    return _WHOSE.sub("", str(status.value or ""))


def _read_checklist(data: bytes, display: str) -> ReadItems:
    from napctl.progress.checklist_parse import parse_checklist

    text = _decode(data, display)
    parsed = parse_checklist(text)
    if parsed.problems:  # a forged header decides whose files are written and what renders
        more = len(parsed.problems) - 1
        also = f" (and {more} more in the header)" if more else ""
        raise ProgressImportError(parsed.problems[0].at(display) + also)
    found = ReadItems(
        [_checklist_item(p, display, parsed.header or {}) for p in parsed.items],
        header=parsed.header,
    )
    if not found.items:
        raise ProgressImportError(
            f"{display} has no items napctl can read back; render it"
            " with --year (napctl checklists --year YYYY ...)"
        )
    if found.header is None:
        # Whose file it is decides which progress files it may write: never a marker's say.
        raise ProgressImportError(
            f"{display} has no napctl checklist header (`<!--"
            " napctl:checklist ... -->`), so napctl cannot tell whose"
            " checklist it is; render it again with --year"
        )
    return found


# -- progress sheets (napctl export --year) ----------------------------------------------


def _is_sheet_csv(path: Path, data: bytes) -> bool:
    if path.suffix.lower() == ".csv":
        return True
    from napctl.progress.sheet_export import BASE_HEADER  # lazy: start-up (sheets)

    first = data[:4096].split(b"\n", 1)[0]
    return BASE_HEADER.encode() in first and b"<!--" not in first


def _read_sheet_csv(data: bytes, display: str) -> ReadItems:
    # lazy: import cycle (sheet_read imports readers)
    from napctl.progress.sheet_read import read_csv_sheet

    return read_csv_sheet(data, display)


def _read_sheet_xlsx(data: bytes, display: str) -> ReadItems:
    from napctl.progress.sheet_read import read_xlsx_sheets  # lazy: import cycle (as above)

    return read_xlsx_sheets(data, display)


READERS: tuple[Reader, ...] = (
    Reader(
        "sheet-xlsx",
        lambda p, d: p.suffix.lower() in (".xlsx", ".xlsm") or d.startswith(b"PK\x03\x04"),
        _read_sheet_xlsx,
    ),
    Reader("sheet-csv", _is_sheet_csv, _read_sheet_csv),
    Reader("checklist", lambda p, d: True, _read_checklist),
)


def read_items(path: Path, data: bytes, display: str) -> ReadItems:
    """The items of ``data`` (the bytes of ``path``), by the first reader that accepts it."""
    reader = next(r for r in READERS if r.accepts(path, data))
    return reader.read(data, display)
