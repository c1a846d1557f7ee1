"""`napctl translations import`: a PO file's translations into its plan's file, once.

Reads through the one bounded reader, edits through the one YAML editor, checks the
result as a plan (it must stay as valid as it was), and writes through the one safe
writer only if the file still holds what was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from napctl.core.fsutil import replace_if_unchanged
from napctl.core.problems import Problem
from napctl.core.readfile import DEFAULT_MAX_BYTES, MAX_INPUT_BYTES, read_bytes
from napctl.translations.apply import apply_translations, read_po_file
from napctl.translations.po import UnknownTextLanguage, check_language

if TYPE_CHECKING:
    from napctl.model import Plan


@dataclass(slots=True)
class ImportOutcome:
    applied: int = 0
    written: bool = False
    problems: list[Problem] = field(default_factory=list)


class ImportRefused(ValueError):
    """A usage error: the PO file names no plan, another plan, or a language the plan
    cannot have."""


def po_plan(po_path: Path) -> tuple[str | None, list[Problem]]:
    """The plan a PO file names in its header (to find it among the plans)."""
    display = str(po_path)
    raw, problems = read_bytes(display, display, MAX_INPUT_BYTES, kind="PO file")
    if raw is None:
        return None, problems
    po = read_po_file(raw, display)
    return po.plan, po.problems


def import_translations(po_path: Path, plan: Plan, plan_file: Path) -> ImportOutcome:
    """Write the translations of ``po_path`` into ``plan_file`` (``plan`` as loaded)."""
    from napctl.core.readfile import decode_text

    display = str(po_path)
    outcome = ImportOutcome()
    raw, outcome.problems = read_bytes(display, display, MAX_INPUT_BYTES, kind="PO file")
    if raw is None:
        return outcome
    po = read_po_file(raw, display)
    outcome.problems = po.problems
    if po.problems:
        return outcome
    if po.plan != plan.id:
        raise ImportRefused(
            f"{display} holds texts of plan {po.plan or '(none named)'}, not of {plan.id}"
        )
    try:
        lang = check_language(plan, po.lang or "")
    except UnknownTextLanguage as exc:
        raise ImportRefused(f"{display}: {exc}") from None
    before, read_problems = read_bytes(str(plan_file), str(plan_file), DEFAULT_MAX_BYTES)
    text, decode_problems = decode_text(before, str(plan_file)) if before else (None, [])
    if before is None or text is None:
        outcome.problems += read_problems + decode_problems
        return outcome
    result = apply_translations(plan, text, str(plan_file), po, lang, display)
    outcome.problems += result.problems
    outcome.applied = result.applied
    if result.refused or not result.applied:
        return outcome
    outcome.problems += _still_valid(result.text, str(plan_file))
    if any(p.level == "error" for p in outcome.problems):
        return outcome
    replace_if_unchanged(plan_file, result.text.encode("utf-8"), before)
    outcome.written = True
    return outcome


def _still_valid(text: str, file: str) -> list[Problem]:
    """The errors of the edited plan (none: it may be written)."""
    from napctl.load.document import validate_document
    from napctl.yaml.safe import parse_yaml

    _, problems = validate_document(parse_yaml(text, file, kind="plan"))
    return [p for p in problems if p.level == "error"]
