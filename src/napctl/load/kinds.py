"""The kinds of document napctl reads: one ``register_kind`` entry each."""

from __future__ import annotations

from napctl.load.document import DocumentKind, register_kind
from napctl.model import plan_from_trusted
from napctl.model.plan import Plan, plan_facts

PLAN = register_kind(DocumentKind(
    name="plan", model=Plan, checks="napctl.checks.plan", from_trusted=plan_from_trusted,
    facts=plan_facts, schema_id="https://napctl.example/schema/plan.schema.json",
))
