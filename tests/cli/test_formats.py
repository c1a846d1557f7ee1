"""Each --format offers exactly the writers napctl.output.writers registers for it."""

from __future__ import annotations

from enum import StrEnum

import pytest

from napctl.cli.actions import ActionFormat
from napctl.cli.diff import DiffFormat
from napctl.cli.matrix import MatrixFormat
from napctl.cli.options import DataFormat
from napctl.cli.review import ReviewFormat
from napctl.cli.status import StatusFormat
from napctl.cli.validate import ProblemFormat
from napctl.output.writers import WRITERS, writer, writers


@pytest.mark.parametrize(
    ("choices", "shape"),
    [
        (ActionFormat, "actions"),
        (MatrixFormat, "matrix"),
        (DataFormat, "records"),
        (StatusFormat, "status"),
        (ProblemFormat, "problems"),
        (DiffFormat, "diff"),
        (ReviewFormat, "review"),
    ],
)
def test_the_choices_are_the_registered_writers(choices: type[StrEnum], shape: str) -> None:
    """``table`` is the terminal view the command draws itself; the rest are writers."""
    offered = [c.value for c in choices if c.value != "table"]
    assert offered == list(writers(shape))


def test_the_summary_formats_are_review_formats() -> None:
    assert set(writers("review-summary")) < {c.value for c in ReviewFormat}


@pytest.mark.parametrize("shape", list(WRITERS))
def test_every_writer_is_a_function_of_the_output_package(shape: str) -> None:
    for fmt in writers(shape):
        function = writer(shape, fmt)
        assert callable(function)
        assert function.__module__.startswith("napctl.output.")
