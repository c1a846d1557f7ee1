"""The assessments of plans loaded before: the one way a command reads them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from napctl.core.readfile import DEFAULT_MAX_BYTES
from napctl.load.corpus import ASSESSMENT, Corpus, LoadedDocument, load_documents
from napctl.model import Plan
from napctl.model.assessment import Assessment


class LoadedAssessment(NamedTuple):
    assessment: Assessment
    file: str


def load_assessments(
    roots: Sequence[Path],
    plans: Sequence[Plan],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    use_cache: bool = False,
) -> Corpus:
    """The assessments under ``roots``, checked against ``plans`` (loaded before)."""
    given = [LoadedDocument("plan", plan, "") for plan in plans]
    return load_documents(
        [(ASSESSMENT, roots)], given=given, max_bytes=max_bytes, use_cache=use_cache
    )


def assessments_in(corpus: Corpus) -> list[LoadedAssessment]:
    """The valid assessments of ``corpus``, in the order found."""
    return [LoadedAssessment(d.value, d.file) for d in corpus.documents if d.kind == ASSESSMENT]
