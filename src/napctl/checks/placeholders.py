"""Placeholders `napctl new` and `napctl import` leave in a plan, until someone replaces them.

A new plan is valid from the start so that `validate` helps while it is filled
in; what is still the placeholder text is a warning (NAP360-NAP362) at its
place, so that it cannot pass review or CI unnoticed. The texts are those
``napctl.plans.new`` and ``napctl.sheets.edit`` write (a test checks that a new
plan gives each of these warnings): a catalog, checked field by field, so a
plan of a thousand actions costs a few comparisons per department and pillar.
"""

from __future__ import annotations

from napctl.checks.plan import KIND, PlanContext
from napctl.checks.registry import Report, check

#: Placeholder texts of `napctl new`, by the path of the field that holds them.
TEXTS: dict[tuple[str, ...], str] = {
    ("coordination", "mechanism"): "Who coordinates the plan and how, as printed",
    ("source", "publisher"): "The government that published the plan",
}
#: Placeholder notes of `napctl new`, by the path of the list that holds them.
NOTES: dict[tuple[str, ...], str] = {
    ("coordination", "notes"): "Placeholder: replace COORD by the coordinating department's code.",
    ("source", "notes"): "How the text was obtained (PDF, Word file), and what was checked.",
}
#: The name `napctl new` gives the coordinator's entry.
DEPARTMENT_NAME = "The coordinating ministry"
#: The note `napctl import` gives a department it adds without a name.
IMPORTED_NOTE = "Added by `napctl import`: its name is still to be filled in."
#: The title of the placeholder pillar of `napctl new`.
PILLAR_TITLE = "Pillar title as printed"


def _field(plan: object, path: tuple[str, ...]) -> object:
    value = plan
    for step in path:
        value = getattr(value, step, None)
    return value


@check(KIND)
def placeholders(index: PlanContext, report: Report) -> None:
    """NAP360/361/362: what `napctl new` or `napctl import` wrote and nobody replaced."""
    plan = index.plan
    for path, text in TEXTS.items():
        if _field(plan, path) == text:
            report.add(path, "NAP360", f"{'.'.join(path)} is still the placeholder {text!r}")
    for path, text in NOTES.items():
        notes = _field(plan, path)
        if isinstance(notes, list) and text in notes:
            at: tuple[str | int, ...] = (*path, int(notes.index(text)))
            report.add(at, "NAP360", f"{'.'.join(path)} still holds the placeholder {text!r}")
    if plan.country == plan.country_code:
        report.add(
            ("country",),
            "NAP360",
            f"country is still the code {plan.country_code!r}; give its name",
        )
    for d, dept in enumerate(plan.departments):
        if dept.name == DEPARTMENT_NAME:
            report.add(
                ("departments", d, "name"),
                "NAP360",
                f"department '{dept.code}' is still the placeholder {DEPARTMENT_NAME!r}",
            )
        elif IMPORTED_NOTE in dept.notes:
            report.add(
                ("departments", d, "name"),
                "NAP361",
                f"department '{dept.code}': napctl import added it; its name is still to be"
                " filled in (then delete the note that says so)",
            )
    for p, pillar in enumerate(plan.pillars):
        if pillar.title == PILLAR_TITLE:
            report.add(
                ("pillars", p, "title"),
                "NAP362",
                f"pillar '{pillar.id}' is the placeholder pillar of napctl new; delete it"
                " once real pillars exist (napctl import replaces it while it is unedited)",
            )
