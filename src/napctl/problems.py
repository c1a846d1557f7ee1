"""Problems are data: where, which rule, what is wrong. Reporters print them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]

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
    # lineage files (napctl diff between generations of plans)
    "NAP320": "lineage link to a plan or action that does not exist",
    "NAP321": "lineage file is not in the expected form",
    # progress reports (docs/progress-format.md)
    "NAP400": "progress report names a plan that no valid plan file has",
    "NAP401": "progress year outside the plan period and its reporting tail",
    "NAP402": "progress report names a department not in the plan's registry",
    "NAP403": "progress file not at progress/<plan-id>/<year>/<department-slug>.yaml",
    "NAP404": "progress entry names an action the plan does not have",
    "NAP405": "progress entry names an action that is not the department's to report on",
    "NAP406": "action reported twice in one progress report",
    "NAP407": "completed action without a summary or evidence",
    "NAP408": "delayed action without obstacles or a revised_due date",
    "NAP409": "discontinued or not-applicable action without a justification",
    "NAP410": "indicator entry names an indicator the action does not have",
    "NAP411": "evidence url is not http(s)",
    "NAP412": "evidence path leaves the repository or is not a relative path",
    "NAP413": "evidence without exactly one of url and path",
    "NAP414": "two progress reports for the same plan, year and department",
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
