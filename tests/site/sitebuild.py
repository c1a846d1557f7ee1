"""A site built from the bundled plans and the example progress, for the site's tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from napctl.load.corpus import load_corpus, load_progress
from napctl.site.build import BuildResult, SiteOptions, build_site
from tests.conftest import PLANS, ROOT

PROGRESS = ROOT / "examples" / "progress"


def build(
    out: Path,
    plans: Sequence[Path] = (PLANS,),
    progress: Sequence[Path] = (PROGRESS,),
    **options: object,
) -> BuildResult:
    corpus = load_corpus([str(p) for p in plans], use_cache=False)
    assert corpus.ok, corpus.problems
    loaded = [(p.plan, p.file) for p in corpus.plans]
    reports = load_progress(list(progress), [p for p, _ in loaded], use_cache=False)
    chosen = {"search": False, **options}
    return build_site(
        loaded,
        [r.report for r in reports.reports],
        SiteOptions(out, **chosen),  # type: ignore[arg-type]
        reports.invalid_files(),
    )


def pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))
