"""`napctl checklists --check`: what differs, and never "throw your work away".

A committed checklist that differs from what would be rendered only because
someone ticked a box or typed a value that is not in the progress files yet
is *pending*: each such item is listed with the import command, and the
regenerate command is not suggested for that file. Files missing from the
folder are missing; files no department produces any more are left behind.

Only what would lose work fails the check (``CheckReport.ok``): pending ticks
and values, and files left behind (someone's edits in a file nothing renders
any more). A *stale* checklist is one a progress file moved past (a ministry
that edits its YAML directly does the right thing): reported, with the command
that refreshes it, but no failure. A checklist rendered for another year than
the one asked (or for a year, when none is asked) is compared with the
progress files of its own year, never called pending for that alone.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from napctl.core.escape import printable
from napctl.core.readfile import MAX_INPUT_BYTES, read_file
from napctl.model import Plan
from napctl.model.registry import registry_index
from napctl.progress.checklist_header import header_problems
from napctl.progress.checklist_items import ChecklistProgress, blank
from napctl.progress.importer import Note, flat_changes, pending, where_typed
from napctl.progress.items import ImportItem
from napctl.progress.readers import checklist_items
from napctl.render.checklist_layout import left_behind
from napctl.render.checklists import ChecklistSet, write_checklists

_BARE_TICK = re.compile(r"^- \[[xX]\] \*\*([^*]+)\*\*")


@dataclass(slots=True)
class CheckReport:
    total: int = 0
    missing: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)
    left_behind: list[Path] = field(default_factory=list)
    #: file -> what it holds that the progress files do not
    pending: dict[Path, list[Note]] = field(default_factory=dict)
    #: file -> the year it was rendered for, when not the year asked (nothing pending)
    other_year: dict[Path, str] = field(default_factory=dict)
    #: file -> why `checklists` would refuse to write it (a link leading outside)
    refused: dict[Path, str] = field(default_factory=dict)
    #: file -> its header's problems, positioned (a header napctl did not write)
    invalid: dict[Path, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Nothing would lose work: staleness alone is reported, never a failure. A
        file `checklists` would refuse to write fails, as `checklists` would."""
        return not (self.left_behind or self.pending or self.refused or self.invalid)


def _message(item: ImportItem, key: str, value: object) -> str:
    if key == "status" and value == "completed":
        return f"{item.id} is ticked but not reported completed"
    if key == "status":
        return f"{item.id} says {value} but is not reported so"
    if key.startswith("indicator "):
        return f"{item.id} has a value for {key} that is not reported"
    label = key.replace("_", " ")
    return f"{item.id} has {label} text that is not reported"


#: The progress of a year (for a checklist rendered for another year than the one asked).
YearProgress = Callable[[int], ChecklistProgress]


def pending_items(
    text: str,
    display: str,
    plans: dict[str, Plan],
    progress: ChecklistProgress | None,
    progress_for: YearProgress | None = None,
) -> list[Note]:
    """The ticks and typed values of ``text`` that the progress files do not hold
    (compared with ``progress_for`` its own year's when it shows another year)."""
    notes: list[Note] = []
    parsed = checklist_items(text, display)
    year = parsed.items[0].year if parsed.items else ""
    if (
        progress_for is not None
        and len(year) == 4
        and year.isascii()
        and year.isdigit()
        and (progress is None or str(progress.year) != year)
    ):
        progress = progress_for(int(year))
    if not parsed.items:  # rendered without --year: a tick is work all the same
        return [
            Note(
                f"{display}:{n}",
                f"{m.group(1)} is ticked in a checklist without"
                " progress markers; write it into the department's progress file first",
            )
            for n, line in enumerate(text.splitlines(), 1)
            if (m := _BARE_TICK.match(line))
        ]
    for item in parsed.items:
        plan = plans.get(item.plan)
        if plan is None:
            continue
        if progress is None or str(progress.year) != item.year:
            notes.append(
                Note(
                    item.where.rsplit(":", 1)[0],
                    f"{item.id}: rendered for"
                    f" {item.year}; check with --year {item.year} to compare it"
                    " with the progress files",
                )
            )
            break
        index = registry_index(plan)  # built once per plan
        found = index.actions.get(item.id)
        if found is None:
            continue
        entry = progress.entries.get((plan.id, item.dept), {}).get(item.id) or blank(item.id)
        changed, _, problem = pending(item, found[2], entry)
        if problem is not None:
            notes.append(Note(problem.where.rsplit(":", 1)[0], problem.message))
        for key, value in flat_changes(changed):
            if value is not None:
                where = where_typed(item, key).rsplit(":", 1)[0]
                notes.append(Note(where, _message(item, key, value)))
    return notes


def check_checklists(
    files: ChecklistSet,
    out: Path,
    plans: Sequence[Plan],
    progress: ChecklistProgress | None,
    fmt: str,
    progress_for: YearProgress | None = None,
) -> CheckReport:
    """What differs between ``files`` and ``out``: pending, stale, missing, left behind,
    rendered for another year (compared with ``progress_for`` that year's progress),
    refused (a name leading outside ``out``, which `checklists` would not write).

    Each file is compared as `checklists` compares it before writing.
    """
    report = CheckReport(total=len(files.files))
    by_id = {p.id: p for p in plans}
    compared = write_checklists(files, out, check=True)
    report.refused = dict(compared.refused)
    for target in compared.stale:
        try:
            current = read_file(target, kind="checklist", max_bytes=MAX_INPUT_BYTES).decode()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            report.missing.append(target)
            continue
        except (OSError, UnicodeDecodeError):
            report.stale.append(target)
            continue
        bad = header_problems(current)
        if bad:
            report.invalid[target] = [p.at(str(target)) for p in bad]
        notes = pending_items(current, str(target), by_id, progress, progress_for)
        year = _year_of(current, str(target))
        if notes:
            report.pending[target] = notes
        elif year and (progress is None or str(progress.year) != year):
            report.other_year[target] = year
        else:
            report.stale.append(target)

    report.left_behind = left_behind(out, files.files, plans, fmt)
    return report


def _year_of(text: str, display: str) -> str:
    """The year ``text``'s items were rendered for ('' for a checklist without markers)."""
    parsed = checklist_items(text, display)
    return parsed.items[0].year if parsed.items else ""


def command(words: Sequence[str]) -> str:
    return " ".join(shlex.quote(w) for w in words)


def check_text(
    report: CheckReport, regenerate: Sequence[str], import_: Sequence[str]
) -> tuple[str, str]:
    """(stdout, stderr) of the check: one line per finding, then what to run."""
    lines: list[str] = []
    for notes in report.pending.values():
        lines += [f"{n.where}: {n.message}" for n in notes]
    lines += [f"{p}: stale" for p in report.stale]
    lines += [
        f"{p}: rendered for {y}; nothing in it to import" for p, y in report.other_year.items()
    ]
    lines += [f"{p}: missing" for p in report.missing]
    lines += [f"{printable(str(p))}: {printable(why)}" for p, why in report.refused.items()]
    lines += [line for found in report.invalid.values() for line in found]
    lines += [
        f"{p}: left behind: no department has this checklist any more" for p in report.left_behind
    ]
    advice: list[str] = []
    if report.pending:
        one = len(report.pending) == 1
        advice.append(
            f"{len(report.pending)} {'checklist holds' if one else 'checklists hold'}"
            " ticks or values not yet in the progress files; import"
            f" {'it' if one else 'them'} first (do not regenerate"
            f" {'it' if one else 'them'}):"
        )
        advice += [f"  {command([*import_[:3], str(p), *import_[3:]])}" for p in report.pending]
    if report.stale or report.missing:
        advice.append(
            f"{len(report.stale)} stale, {len(report.missing)} missing of"
            f" {report.total} files (nothing in them to import); run"
            f" `{command(regenerate)}` to update them"
        )
    for year in sorted(set(report.other_year.values())):
        advice.append(
            f"{_count(report.other_year, year)} rendered for {year} hold nothing"
            f" to import; check them with --year {year}, refresh them with"
            f" `{command([*regenerate, '--year', year])}`"
        )
    if report.left_behind:
        advice.append(
            f"{len(report.left_behind)} files left behind; remove them"
            f" (git rm {' '.join(shlex.quote(str(p)) for p in report.left_behind)})"
        )
    if report.invalid:
        advice.append(
            f"{len(report.invalid)} with a header napctl did not write: put back the"
            " fields named above as napctl wrote them, then import and render again"
        )
    if report.refused:
        advice.append(
            f"{len(report.refused)} of {report.total} files would not be written: a link"
            " leads outside the folder; replace it with the file itself"
        )
    if not advice:
        advice.append(f"{report.total} files are up to date")
    return "".join(x + "\n" for x in lines), "".join(x + "\n" for x in advice)


def _count(found: dict[Path, str], year: str) -> str:
    n = sum(y == year for y in found.values())
    return f"{n} checklist" if n == 1 else f"{n} checklists"
