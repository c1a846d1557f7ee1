"""Problems are data: where, which rule, how serious, what is wrong. Reporters print them.

One type for every rule napctl runs: a validation problem and a finding of
``napctl review`` alike. A problem found in a plan by a rule over the plan as a
whole (the review) also says which plan, and which action or goal of which
pillar, so reports can group it; a problem of one file leaves them out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from napctl.core.codes import Level

#: Problems reported per file; the last one kept says that more were left out.
MAX_PROBLEMS = 200


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based
    code: str
    message: str
    level: Level = "error"
    #: The plan the problem was found in, when a rule looked at the plan as a whole.
    plan: str | None = None
    #: The action or goal it concerns (None for the whole plan), and that one's pillar.
    id: str | None = None
    pillar: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, object]:
        """The JSON record: ``plan``, ``id`` and ``pillar`` only when the plan is known,
        so each command keeps the keys it has always printed."""
        record: dict[str, object] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "level": self.level,
            "message": self.message,
        }
        if self.plan is not None:
            record.update(plan=self.plan, id=self.id, pillar=self.pillar)
        return record


def cap(problems: list[Problem], limit: int = MAX_PROBLEMS) -> list[Problem]:
    """``problems`` cut to ``limit``, the last one kept saying that more were left out."""
    if len(problems) > limit:
        del problems[limit:]
        mark_stopped(problems, limit)
    return problems


def mark_stopped(problems: list[Problem], limit: int = MAX_PROBLEMS) -> None:
    """Say on the last problem kept that more were left out."""
    last = problems[-1]
    problems[-1] = dataclasses.replace(
        last, message=f"{last.message} (stopped here: over {limit} problems)"
    )
