"""Problems are data: where, which rule, what is wrong. Reporters print them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]

#: Every code napctl can report, with a one-line meaning. Codes are stable:
#: CI jobs filter on them, so a code is never reused for another meaning.
CODES: dict[str, str] = {
    # reading the file
    "NAP100": "file cannot be read (missing, a folder, unreadable)",
    "NAP101": "file is not UTF-8 text",
    "NAP102": "file is larger than the size limit",
    "NAP103": "YAML syntax error",
    "NAP104": "more than one YAML document in a file",
    "NAP105": "top level is not a mapping (or the file is empty)",
    # YAML features plan files must not use
    "NAP110": "duplicate key",
    "NAP111": "anchor or alias",
    "NAP112": "tag (only plain YAML is allowed)",
    "NAP113": "key is not a string",
    "NAP114": "nesting deeper than the limit",
    "NAP115": "merge key (<<)",
    # schema
    "NAP200": "required field missing",
    "NAP201": "unknown field",
    "NAP202": "value has the wrong type",
    "NAP203": "YAML read an unquoted value as a boolean, number, date or null",
    "NAP204": "value is not one of the allowed choices",
    "NAP205": "empty text or empty list",
    "NAP206": "identifier or code has a form that is not allowed",
    "NAP207": "number out of range",
    "NAP209": "value is not valid",
    # consistency within a plan
    "NAP300": "duplicate id",
    "NAP301": "unknown department",
    "NAP302": "unknown parent department",
    "NAP303": "parent cycle",
    "NAP304": "duplicate department code or alias",
    "NAP305": "period starts after it ends",
    "NAP306": "pillar maps to no UN pillar",
    "NAP307": "department 'All' combined with other departments",
    "NAP308": "reserved code 'All' used in the registry",
    "NAP309": "duplicate plan id across files",
    "NAP310": "same department twice on one action",
    "NAP311": "reporting year outside the plan period",
    "NAP312": "action lead is not one of the action's departments",
    "NAP313": "budget says none is allocated but gives an amount",
    "NAP314": "indicator key used twice on one action",
    # lineage files (napctl diff between generations of plans)
    "NAP320": "lineage link to a plan or action that does not exist",
    "NAP321": "lineage file is not in the expected form",
    # plan-quality review (napctl review): advice, never a validation failure
    "NAP501": "action has no indicator",
    "NAP502": "indicator is not measurable",
    "NAP503": "indicator has no baseline",
    "NAP504": "indicator has no target",
    "NAP505": "action has no deadline or timeline",
    "NAP506": "action has no budget",
    "NAP507": "several departments and no lead",
    "NAP508": "'All' is the only actor",
    "NAP509": "duplicate action text",
    "NAP510": "goal with no action",
    "NAP511": "indicator restates the action",
    "NAP512": "plan states no overall budget",
    "NAP513": "plan states no monitoring or reporting arrangements",
}


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based
    code: str
    message: str
    level: Level = "error"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "level": self.level,
            "message": self.message,
        }
