"""The scales assessments rate on, and the one mapping that puts them beside a status.

Two scales are built in; a file may give its own, an ordered list of levels.
Every level and every comparable government status has a place on one line
from 0 (nothing done) to 1 (done): that is the whole comparison, documented in
``docs/assessments.md``. Exact fractions, so that a tolerance of 1/3 means 1/3.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from napctl.model.assessment import Assessment, ScaleLevel
from napctl.model.names import fold_key


@dataclass(frozen=True, slots=True)
class Level:
    #: What a rating writes, as text (``2`` and ``"2"`` are one level).
    key: str
    label: str
    #: Its place from 0 (nothing done) to 1 (done).
    value: Fraction


@dataclass(frozen=True, slots=True)
class Scale:
    name: str
    levels: tuple[Level, ...]

    def level(self, written: int | str) -> Level | None:
        """The level a rating writes, by its key or, folded, its key or label."""
        key = str(written)
        for level in self.levels:
            if level.key == key:
                return level
        folded = fold_key(key)
        for level in self.levels:
            if folded in (fold_key(level.key), fold_key(level.label)):
                return level
        return None


def _even(name: str, levels: list[tuple[str, str]]) -> Scale:
    """Levels spaced evenly from 0 to 1, lowest first."""
    last = max(len(levels) - 1, 1)
    return Scale(name, tuple(Level(k, v, Fraction(i, last)) for i, (k, v) in enumerate(levels)))


#: The Open Government Partnership's completion scale. "No evidence" sits with "not
#: started": a reviewer who finds no trace of the work has seen nothing done.
OGP_COMPLETION = Scale(
    "ogp-completion",
    (
        Level("no-evidence", "no evidence available", Fraction(0)),
        Level("not-started", "not started", Fraction(0)),
        Level("limited", "limited", Fraction(1, 3)),
        Level("substantial", "substantial", Fraction(2, 3)),
        Level("complete", "complete", Fraction(1)),
    ),
)
#: The Kroc Institute's implementation barometer: each commitment 0-3.
KROC_0_3 = _even(
    "kroc-0-3",
    [("0", "not initiated"), ("1", "minimal"), ("2", "intermediate"), ("3", "complete")],
)
BUILT_IN: dict[str, Scale] = {s.name: s for s in (OGP_COMPLETION, KROC_0_3)}
#: The name of a file's own scale, where a scale is named (outputs).
OWN = "own"

#: Each government status's place on the same line; the others (not-reported,
#: discontinued, not-applicable) say nothing of how far the work went and are not compared.
STATUS_VALUES: dict[str, Fraction] = {
    "not-started": Fraction(0),
    "delayed": Fraction(1, 4),
    "ongoing": Fraction(1, 2),
    "completed": Fraction(1),
}
#: How far apart a status and a rating may be and still agree: "completed" (1) beside
#: "substantial" (2/3) agrees, beside "limited" (1/3) it does not.
DEFAULT_TOLERANCE = Fraction(1, 3)


def own_scale(levels: list[ScaleLevel]) -> Scale:
    return _even(OWN, [(str(lv.level), lv.label) for lv in levels])


def scale_of(assessment: Assessment) -> Scale | None:
    """The assessment's scale: built in by name, or its own list (None: an unknown name)."""
    if isinstance(assessment.scale, str):
        return BUILT_IN.get(assessment.scale)
    return own_scale(assessment.scale)
