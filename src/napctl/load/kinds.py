"""The kinds of document napctl reads: one ``register_kind`` entry each."""

from __future__ import annotations

from napctl.load.document import DocumentKind, register_kind
from napctl.model import plan_from_trusted
from napctl.model.plan import Plan, plan_facts
from napctl.model.progress import ProgressReport, report_from_trusted

PLAN = register_kind(
    DocumentKind(
        name="plan",
        model=Plan,
        checks="napctl.checks.plan",
        from_trusted=plan_from_trusted,
        facts=plan_facts,
    )
)
#: Read from the progress folders (``load_corpus(progress=...)``), not by discovery.
PROGRESS = register_kind(
    DocumentKind(
        name="progress report",
        model=ProgressReport,
        checks="napctl.checks.progress",
        from_trusted=report_from_trusted,
        claims=lambda path: False,
    )
)
