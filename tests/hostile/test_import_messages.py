"""What a refused import says: the item at fault (not the file's first item), every
problem in one run, no advice about conflicts there are none of, singular counts."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import napctl
from tests.hostile.checklist_repo import BUNDLED, D5, EXAMPLE, PAGE, PLAN, typed  # noqa: F401


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_an_invalid_result_points_at_the_item_that_makes_it(repo: Path) -> None:
    text = typed((repo / PAGE).read_text("utf-8"), "I.3.1", "Summary", "Fine")
    text = typed(text, "II.1.1", "Status", "discontinued")  # without a justification
    (repo / PAGE).write_text(text, "utf-8")
    result = napctl("progress", "import", str(PAGE), *BUNDLED, code=1)
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{PAGE}:{line_of(text, '**II.1.1**')}:1: not imported:"), first
    assert "NAP409" in first or "justification" in first


def test_every_refused_item_is_reported_in_one_run(repo: Path) -> None:
    text = typed((repo / PAGE).read_text("utf-8"), "I.3.1", "Status", "finished")
    text = typed(text, "II.2.3", "Revised due", "2021-02-30")
    text = typed(text, "II.3.1", "Value", "9" * 60)
    (repo / PAGE).write_text(text, "utf-8")
    result = napctl("progress", "import", str(PAGE), *BUNDLED, code=1)
    assert 'I.3.1: unknown status "finished"' in result.stderr
    assert "II.2.3 revised due: '2021-02-30' is not a date" in result.stderr
    assert "II.3.1 indicator 1: a number of more than 40 digits" in result.stderr
    assert "0 values imported into 0 files, 0 conflicts, 3 refused" in result.stderr
    assert "resolve the conflicts" not in result.stderr


def test_one_value_one_file_in_the_singular(repo: Path) -> None:
    (repo / PAGE).write_text(
        typed((repo / PAGE).read_text("utf-8"), "I.3.1", "Summary", "Fine"), "utf-8"
    )
    result = napctl("progress", "import", str(PAGE), *BUNDLED)
    assert "1 value imported into 1 file, 0 conflicts, 0 refused" in result.stderr
