"""The indicator test plan (data/plans/zz-2018-2022.yaml) and its progress files."""

from __future__ import annotations

from pathlib import Path

import pytest

from napctl.indicators.combine import build_series
from napctl.indicators.series import Series
from napctl.load.corpus import load_corpus

DATA = Path(__file__).resolve().parent / "data"
PLANS = DATA / "plans"
PROGRESS = DATA / "progress"


def series_of(progress: Path = PROGRESS, **kwargs: object) -> dict[str, Series]:
    """The series by "ACTION #N", from the test plan and ``progress``."""
    corpus = load_corpus([str(PLANS)], progress=[progress])
    assert corpus.ok, [p.message for p in corpus.problems]
    plan = corpus.plans[0].plan
    found = build_series(plan, [r.report for r in corpus.reports], **kwargs)  # type: ignore[arg-type]
    return {f"{s.action} #{s.number}": s for s in found}


@pytest.fixture(scope="module")
def series() -> dict[str, Series]:
    return series_of()
