"""Models: the constrained types, the plan (and the next document kinds).

Importing a model never imports pydantic (see ``napctl.model.types``).
"""

from napctl.model.frameworks import FrameworkDecl, FrameworkRef
from napctl.model.monitoring import (
    Baseline,
    Budget,
    Indicator,
    Monitoring,
    Reference,
    Target,
    indicator_text,
)
from napctl.model.plan import (
    Action,
    Assignment,
    Coordination,
    CoordinationLevel,
    Department,
    Goal,
    Period,
    Pillar,
    Placed,
    Plan,
    ReportingDuty,
    Result,
    Source,
    plan_from_trusted,
    plan_to_data,
)
from napctl.model.types import ALL, ALL_NAME, NON_BLANK, UN_PILLARS, NonEmpty, Strict, UNPillar

__all__ = [
    "ALL",
    "ALL_NAME",
    "NON_BLANK",
    "UN_PILLARS",
    "Action",
    "Assignment",
    "Baseline",
    "Budget",
    "Coordination",
    "CoordinationLevel",
    "Department",
    "FrameworkDecl",
    "FrameworkRef",
    "Goal",
    "Indicator",
    "Monitoring",
    "NonEmpty",
    "Period",
    "Pillar",
    "Placed",
    "Plan",
    "Reference",
    "ReportingDuty",
    "Result",
    "Source",
    "Strict",
    "Target",
    "UNPillar",
    "indicator_text",
    "plan_from_trusted",
    "plan_to_data",
]
