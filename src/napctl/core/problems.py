"""Problems as data (file, line, column, code, level, message), the code table.

Their reporters (text, JSON, GitHub) are in ``napctl.output.problems``.
"""

from napctl.core.codes import CODES, TABLE, Level, level_of
from napctl.core.problem import MAX_PROBLEMS, Problem, cap, mark_stopped

__all__ = [
    "CODES",
    "MAX_PROBLEMS",
    "TABLE",
    "Level",
    "Problem",
    "cap",
    "level_of",
    "mark_stopped",
]
