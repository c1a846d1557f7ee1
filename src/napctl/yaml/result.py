"""What an import did to the YAML files it adds to: one result type for `napctl import`
(a table into a plan file) and `napctl progress import` (a checklist or a sheet into
progress files), with the notes both report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

#: What an import changed, in its own terms: the values written (progress import), the
#: entries added (plan import).
C = TypeVar("C")


@dataclass(slots=True)
class Note:
    """One line of the report: a change made, a conflict or a refusal."""

    where: str  # file:line:col, or file:Sheet!C14
    message: str

    def __str__(self) -> str:
        """``where: message`` (either alone when the other is empty)."""
        return ": ".join(part for part in (self.where, self.message) if part)


@dataclass(slots=True)
class ImportResult(Generic[C]):
    """What an import changed, what it refused and why, and the files it wrote."""

    changes: C
    conflicts: list[Note] = field(default_factory=list)
    #: what was not imported, and why: nothing is written for it
    refused: list[Note] = field(default_factory=list)
    created: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    #: (plan id, year, department) of every group of items read (progress import)
    departments: list[tuple[str, int, str]] = field(default_factory=list)
    #: an import whose caller writes the file: its new text (the old one when unchanged)
    text: str = ""
    changed: bool = False

    @property
    def ok(self) -> bool:
        return not self.conflicts and not self.refused

    @property
    def problems(self) -> list[str]:
        """The refusals as ``where: message`` lines."""
        return [str(note) for note in self.refused]
