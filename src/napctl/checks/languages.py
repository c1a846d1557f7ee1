"""The languages of a plan's texts: every text in every language the plan lists.

A plan that lists its ``languages`` promises each text in each of them; a text
that lacks one is shown in another language, marked, by every output, and
`validate` says where (NAP600), so a translator finds what is left. A text in a
language the list leaves out (NAP601) is likely a typo of a code; the primary
``language`` belongs in the list (NAP602).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from napctl.checks.registry import Report, check
from napctl.model.texts import Translated, multi_texts

if TYPE_CHECKING:
    from napctl.checks.plan import PlanContext


@check("plan", "NAP600", "NAP601", "NAP602")
def languages(index: PlanContext, report: Report) -> None:
    plan = index.plan
    declared = list(plan.languages)
    if declared and plan.language not in declared:
        report.add(
            ("languages",),
            "NAP602",
            f"`languages` does not list the plan's language '{plan.language}'",
        )
    if not declared:
        return
    for loc, text in multi_texts(plan):
        if not isinstance(text, Translated):
            continue
        missing = [lang for lang in declared if lang not in text.texts]
        if missing:
            report.add(
                loc,
                "NAP600",
                f"text has no translation in {', '.join(missing)};"
                f" outputs in that language show it in {text.lang}, marked",
            )
        for lang in text.texts:
            if lang not in declared and lang != plan.language:
                report.add(
                    (*loc, lang),
                    "NAP601",
                    f"text in '{lang}', a language `languages` does not list"
                    f" ({', '.join(declared)})",
                )
