"""Problems as data (file, line, column, code, level, message), the code table, reporters."""

from napctl.problems.problem import CODES, Level, Problem

__all__ = ["CODES", "Level", "Problem"]
