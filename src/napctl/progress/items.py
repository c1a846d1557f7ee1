"""What `napctl progress import` reads from a file, whatever the file: one item per
(department, action), with the state it was made from and what it says now.

A checklist (``napctl.progress.readers``) and a progress sheet
(``napctl.progress.sheet_read``) are two readers producing the same
items; ``napctl.progress.importer`` applies them to the progress files
with one set of conflict rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# One report line for every import (the plan import's too); the readers import it from here.
from napctl.yaml.result import Note as Note


class ProgressImportError(Exception):
    """The file cannot be imported at all (a usage error)."""


#: The name the checklist import first gave it.
ChecklistImportError = ProgressImportError


@dataclass(slots=True)
class ImportItem:
    """One department's entry on one action, as a file shows it now.

    ``digest`` (of the whole entry) and ``shown`` (of the values as shown) are
    what the file was made from (see ``napctl.progress.checklist_items``);
    ``None`` when the file does not say.
    """

    plan: str
    year: str
    dept: str
    id: str
    digest: str | None
    shown: str | None
    #: The item as a whole (the checklist line, the row's first cell).
    where: str
    status: str
    texts: dict[str, str | None] = field(default_factory=dict)  # attribute -> typed
    indicators: dict[int, str | None] = field(default_factory=dict)  # number -> typed
    #: key ("status", "summary", "indicator 2", "id", "department") -> where it is typed
    at: dict[str, str] = field(default_factory=dict)
    #: where a value that is typed nowhere would be (the checklist item's text)
    blank_at: str = ""
    #: the language the document was written in: how its numbers read (1.250,5 in nl)
    lang: str = "en"
    #: why the item cannot be imported (an unknown status ...), None when it can
    problem: Note | None = None
    #: False when its marker is missing or damaged: ``digest``/``shown`` say nothing then,
    #: and only what the progress file leaves blank can be written from it
    marked: bool = True

    def where_of(self, key: str) -> str:
        return self.at.get(key) or self.blank_at or self.where


@dataclass(slots=True)
class ReadItems:
    """A file's items, the problems of rows that are no item, and how to name the file."""

    items: list[ImportItem]
    notes: list[Note] = field(default_factory=list)
    noun: str = "checklist"  # "the checklist says ..."
    made: str = "rendered"  # "... changed after the checklist was rendered"
    #: whose file it is, by its own header (a checklist's kind, title, plan, year): the
    #: departments an import may write into; None for a sheet (each row has its base)
    header: dict[str, str] | None = None
    #: set by the import: every item is in the progress files (or was left untouched), so
    #: rendering the file again loses nothing a person typed
    safe_to_render: bool = False
