"""A new plan file: valid from the start, with a commented skeleton to fill in.

The placeholder pillar sits between two marker comments. ``napctl import``
replaces it by the imported pillars as long as it is exactly what this module
wrote; once someone edits it, it is theirs and is kept.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from napctl.checks.characters import text_problem
from napctl.model.schema_ids import SITE_URL, schema_link, schema_url
from napctl.yaml.edit import quoted

PLAN_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
PERIOD = re.compile(r"^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$")

SKELETON_BEGIN = "  # napctl:skeleton-begin"
SKELETON_END = "  # napctl:skeleton-end\n"

#: The placeholder pillar, replaced by `napctl import` while it is unedited.
SKELETON = f"""{SKELETON_BEGIN} (a placeholder: `napctl import` replaces everything down to
  # napctl:skeleton-end by the pillars of the table it imports, as long as nobody edited it)
  - id: P1                        # a stable id, quoted in reports: never change it once used
    title: Pillar title as printed
    summary: Optional one-line summary of the pillar
    un_pillars:                   # participation | prevention | protection | relief-and-recovery
      - participation
    goals:
      - id: P1.1                  # ids are unique across pillars, goals and actions
        text: The goal (objective) as printed
        actions:
          - id: P1.1.1
            text: The action as printed (fix PDF hyphenation, keep the wording)
            indicators:           # one entry per indicator; a plan may print none
              - The indicator as printed
            departments:          # codes from the registry above; [All] for every department
              - COORD
              # - {{code: COORD, role: lead}}          role: lead | coordination
              # - {{code: COORD, note: words printed in brackets after the code}}
            notes:                # how a row was read, when the reading needed a decision
              - "Placeholder: delete this pillar once real ones exist."
{SKELETON_END}"""


#: The coordinator's placeholder code: the skeleton is still the skeleton once someone has
#: replaced it by the coordinator's real code (before the first import, as asked).
PLACEHOLDER_CODE = "COORD"
_ANY_CODE = r"[^\r\n,{}#]+?"


def skeleton_span(text: str) -> tuple[int, int] | None:
    """Where the placeholder pillar is in ``text``, exactly as this module wrote it (but
    for the code in place of ``COORD``), in the file's own line breaks (a checkout may
    have turned them into CRLF); None once it was edited (or is there twice)."""
    for newline in ("\n", "\r\n", "\r"):
        parts = SKELETON.replace("\n", newline).split(PLACEHOLDER_CODE)
        found = list(re.finditer(_ANY_CODE.join(re.escape(p) for p in parts), text))
        if len(found) == 1:
            return found[0].start(), found[0].end()
    return None


class NewPlanError(Exception):
    """A bad option or an existing file (a usage error, exit 2)."""


@dataclass(frozen=True, slots=True)
class NewPlan:
    plan_id: str
    country_code: str
    title: str
    start: int
    end: int
    country: str | None = None
    language: str = "en"


def parse_period(text: str) -> tuple[int, int]:
    match = PERIOD.match(text)
    if not match:
        raise NewPlanError(f"--period {text!r}: write it as START-END, e.g. 2024-2028")
    start, end = int(match.group(1)), int(match.group(2))
    if not 1900 <= start <= end <= 2200:
        raise NewPlanError(f"--period {text!r}: the start must not be after the end")
    return start, end


def plan_text(spec: NewPlan, schema: str | None = None) -> str:
    """The YAML text of a new plan: valid as it is, every field explained. ``schema``:
    the schema line's target (default: the published schema's URL)."""
    if not PLAN_ID.match(spec.plan_id) or len(spec.plan_id) > 64:
        raise NewPlanError(
            f"plan id {spec.plan_id!r}: use lower-case letters, digits and"
            " dashes, e.g. fr-2021-2025"
        )
    if not COUNTRY_CODE.match(spec.country_code):
        raise NewPlanError(
            f"--country {spec.country_code!r}: an ISO 3166-1 alpha-2 code in capitals, e.g. FR"
        )
    if not spec.title.strip():
        raise NewPlanError("--title must not be empty")
    _check_texts(spec)
    return (
        _HEAD.format(
            schema=schema or schema_url("plan"),
            docs=SITE_URL,
            id=spec.plan_id,
            title=quoted(spec.title.strip()),
            code=spec.country_code,
            country=quoted(spec.country or spec.country_code),
            start=spec.start,
            end=spec.end,
            language=quoted(spec.language),
        )
        + SKELETON
    )


def _check_texts(spec: NewPlan) -> None:
    """The options' text by the rules `validate` applies to the plan they end up in."""
    for option, value in (
        ("--title", spec.title),
        ("--country-name", spec.country or ""),
        ("--language", spec.language),
    ):
        found = text_problem(value)
        if found is not None:
            raise NewPlanError(f"{option}: {found[0]} {found[1]}")


def create_plan(spec: NewPlan, folder: Path) -> Path:
    """Write ``folder/<id>.yaml``; NewPlanError if it exists (never overwritten)."""
    text = plan_text(spec, schema_link("plan", folder))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{spec.plan_id}.yaml"
    try:
        # O_EXCL: an existing file (or one made meanwhile) is never replaced.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError as exc:
        raise NewPlanError(
            f"{path} exists already; napctl new never overwrites a plan"
            " (use `napctl import` to add to it)"
        ) from exc
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


_HEAD = """# yaml-language-server: $schema={schema}
#
# Made by `napctl new`; every field is explained in {docs}plan-format/
# The file is valid as it is: `napctl validate` checks it after each edit.
# Fill the action tables in by hand or from a spreadsheet with
#   napctl import MATRIX.xlsx --plan {id}
# Texts are as printed in the published plan. Where reading a row needs a
# decision (a split indicator, an expanded acronym, a guessed name), say so in
# the `notes` of that item: notes are lists of texts, allowed everywhere.

id: {id}
title: {title}
country: {country}                   # the country's name in the plan's language
country_code: {code}
period:
  start: {start}
  end: {end}
language: {language}                   # the language of the texts in this file

coordination:
  departments:                    # codes from the registry below
    - COORD
  mechanism: Who coordinates the plan and how, as printed
  notes:
    - "Placeholder: replace COORD by the coordinating department's code."

reporting:                        # duties; frequency: annual | biennial | mid-term | final | once
  - what: Annual progress report
    by:
      - COORD
    frequency: annual
    # to: Parliament               # optional: who receives it
    # from_year: {start}             # optional: the first year

source:                           # the published text this file transcribes
  title: {title}
  publisher: The government that published the plan
  language: {language}
  # published: {start}              # optional: year of publication
  # url: https://...                # optional
  notes:
    - How the text was obtained (PDF, Word file), and what was checked.

notes:                            # transcription rules: how rows, indicators, actors were read
  - "Rows: one action per row of the plan's action tables, in document order."

departments:                      # the registry: every department the tables name
  - code: COORD                   # what the plan prints; unique; never "All"
    name: The coordinating ministry
    # names: {{fr: Nom en français}}  # optional: the name in other languages
    # aliases: [Other name]         # optional: other names the plan prints
    # parent: CODE                  # optional: the department it belongs to
    notes:
      - "Placeholder: its name is still to be filled in."

pillars:
"""
