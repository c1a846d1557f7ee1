"""The kinds of document napctl reads: one ``register_kind`` entry each."""

from __future__ import annotations

from napctl.load.document import DocumentKind, register_kind
from napctl.model import plan_from_trusted
from napctl.model.assessment import Assessment, assessment_from_trusted
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
#: Civil society's own ratings: read from the assessment folders
#: (``load_corpus(assessments=...)``), not by discovery; never merged into a status.
ASSESSMENT = register_kind(
    DocumentKind(
        name="assessment",
        model=Assessment,
        checks="napctl.checks.assessment",
        from_trusted=assessment_from_trusted,
        claims=lambda path: False,
    )
)
