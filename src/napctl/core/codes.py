"""The table of every problem code: its level and its one-line meaning.

The one source for the codes: reporters, the checks registry and
``docs/problem-codes.md`` (generated from it) all read this table. Codes are
stable: CI jobs filter on them, so a code is never reused for another meaning.
A later advisory is a new code here with level "warning" (or "info", for advice
that `napctl review --strict` does not count).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Level = Literal["error", "warning", "info"]


class Code(NamedTuple):  # a NamedTuple: cheaper to define than a dataclass at start-up
    level: Level
    meaning: str


#: Ranges of codes, for the documentation: the stage that reports them.
RANGES = {
    "NAP1": "reading the file (bytes, text, YAML)",
    "NAP2": "the schema of the document kind",
    "NAP3": "consistency checks",
    "NAP4": "progress reports",
    "NAP5": "plan-quality review (napctl review): advice, never a validation failure",
    "NAP6": "languages and translations",
    "NAP7": "indicators and frameworks (docs/indicators.md)",
    "NAP8": "assessments",
}

TABLE: dict[str, Code] = {
    #: Every code napctl can report, with a one-line meaning. Codes are stable:
    #: CI jobs filter on them, so a code is never reused for another meaning.
    # reading the file
    "NAP100": Code("error", "file cannot be read (missing, a folder, unreadable)"),
    "NAP101": Code("error", "file is not UTF-8 text"),
    "NAP102": Code("error", "file is larger than the size limit"),
    "NAP103": Code("error", "YAML syntax error"),
    "NAP104": Code("error", "more than one YAML document in a file"),
    "NAP105": Code("error", "top level is not a mapping (or the file is empty)"),
    # YAML features plan files must not use
    "NAP110": Code("error", "duplicate key"),
    "NAP111": Code("error", "anchor or alias"),
    "NAP112": Code("error", "tag (only plain YAML is allowed)"),
    "NAP113": Code("error", "key is not a string"),
    "NAP114": Code("error", "nesting deeper than the limit"),
    "NAP115": Code("error", "merge key (<<)"),
    # schema
    "NAP200": Code("error", "required field missing"),
    "NAP201": Code("error", "unknown field"),
    "NAP202": Code("error", "value has the wrong type"),
    "NAP203": Code("error", "YAML read an unquoted value as a boolean, number, date or null"),
    "NAP204": Code("error", "value is not one of the allowed choices"),
    "NAP205": Code("error", "empty text or empty list"),
    "NAP206": Code("error", "identifier or code has a form that is not allowed"),
    "NAP207": Code("error", "number out of range"),
    "NAP209": Code("error", "value is not valid"),
    "NAP210": Code("error", "control or invisible character in a code, alias or id"),
    "NAP211": Code("error", "control character in a text (other than tab and line break)"),
    # consistency within a plan
    "NAP300": Code("error", "duplicate id"),
    "NAP301": Code("error", "unknown department"),
    "NAP302": Code("error", "unknown parent department"),
    "NAP303": Code("error", "parent cycle"),
    "NAP304": Code("error", "duplicate department code or alias"),
    "NAP305": Code("error", "period starts after it ends"),
    "NAP306": Code("error", "pillar maps to no UN pillar"),
    "NAP307": Code("error", "department 'All' combined with other departments"),
    "NAP308": Code("error", "reserved code 'All' used in the registry"),
    "NAP309": Code("error", "duplicate plan id across files"),
    "NAP310": Code("error", "same department twice on one action"),
    "NAP311": Code("error", "reporting year outside the plan period"),
    "NAP312": Code("error", "action lead is not one of the action's departments"),
    "NAP313": Code("error", "budget says none is allocated but gives an amount"),
    "NAP314": Code("error", "indicator key used twice on one action"),
    "NAP315": Code("error", "two department codes give one file name"),
    # lineage files (napctl diff between generations of plans)
    "NAP320": Code("error", "lineage link to a plan or action that does not exist"),
    "NAP321": Code("error", "lineage file is not in the expected form"),
    # plans of other shapes: results, actors, references, targets
    "NAP330": Code("error", "action names no department, nor does its result"),
    "NAP331": Code("error", "reference to a framework that is neither built in nor declared"),
    "NAP332": Code("error", "reference names no item of its framework"),
    "NAP333": Code("error", "target gives neither a value nor a text"),
    "NAP334": Code("warning", "two registry entries look like one actor written two ways"),
    # placeholders of napctl new and napctl import, until someone replaces them
    "NAP360": Code("warning", "text left as napctl new wrote it (a placeholder)"),
    "NAP361": Code(
        "warning", "department added by napctl import whose name is still to be filled in"
    ),
    "NAP362": Code("warning", "placeholder pillar of napctl new still in the plan"),
    # progress reports (docs/progress-format.md)
    "NAP400": Code("error", "progress report names a plan that no valid plan file has"),
    "NAP401": Code("error", "progress year outside the plan period and its reporting tail"),
    "NAP402": Code("error", "progress report names a department not in the plan's registry"),
    "NAP403": Code(
        "error", "progress file not at progress/<plan-id>/<year>/<department-slug>.yaml"
    ),
    "NAP404": Code("error", "progress entry names an action the plan does not have"),
    "NAP405": Code(
        "error", "progress entry names an action that is not the department's to report on"
    ),
    "NAP406": Code("error", "action reported twice in one progress report"),
    "NAP407": Code("error", "completed action without a summary or evidence"),
    "NAP408": Code("error", "delayed action without obstacles or a revised_due date"),
    "NAP409": Code("error", "discontinued or not-applicable action without a justification"),
    "NAP410": Code("error", "indicator entry names an indicator the action does not have"),
    "NAP411": Code("error", "evidence url is not http(s)"),
    "NAP412": Code("error", "evidence path leaves the repository or is not a relative path"),
    "NAP413": Code("error", "evidence without exactly one of url and path"),
    "NAP414": Code("error", "two progress reports for the same plan, year and department"),
    # indicator values in progress reports (docs/indicators.md)
    "NAP430": Code("error", "numeric indicator reported without a number"),
    "NAP431": Code("error", "qualitative indicator reported without a narrative"),
    "NAP432": Code("error", "indicator value's unit differs from the plan's"),
    "NAP433": Code("error", "percentage below 0 or over 100"),
    "NAP434": Code("error", "disaggregation parts add up to more than the total"),
    "NAP435": Code("error", "disaggregation part is not a number"),
    "NAP436": Code("error", "indicator value for a period after the report's year"),
    "NAP437": Code("warning", "indicator value for a period outside the plan's period"),
    "NAP438": Code("error", "number with more digits than napctl keeps exactly"),
    "NAP439": Code("error", "indicator given two values for one period in one entry"),
    # plan-quality review (napctl review, docs/review.md): advice, never a validation failure
    "NAP501": Code("warning", "action has no indicator"),
    "NAP502": Code("warning", "indicator is not measurable"),
    "NAP503": Code("info", "no indicator of the action has a baseline"),
    "NAP504": Code("info", "no indicator of the action has a target"),
    "NAP505": Code("warning", "action has no deadline or timeline"),
    "NAP506": Code("warning", "action has no budget"),
    "NAP507": Code("warning", "several departments and no single lead"),
    "NAP508": Code("warning", "'All' is the only actor"),
    "NAP509": Code("warning", "duplicate action text"),
    "NAP510": Code("warning", "goal with no action"),
    "NAP511": Code("warning", "indicator restates the action"),
    "NAP512": Code("warning", "plan states no overall budget"),
    "NAP513": Code("warning", "plan states no monitoring or reporting arrangements"),
    # review of plans of other shapes: a finding every action has, said once for the plan
    "NAP520": Code("warning", "no action of the plan has a deadline or timeline"),
    "NAP521": Code("warning", "no action of the plan has a budget"),
    "NAP522": Code("info", "plan names no lead for the actions several departments share"),
    "NAP523": Code("warning", "no action of the plan has an indicator"),
    # review of a plan's registry: one actor written several ways, each group once
    "NAP524": Code("warning", "registry entries look like one actor written two ways"),
    # languages and translations (docs/languages.md)
    "NAP600": Code("warning", "text has no translation in a language the plan lists"),
    "NAP601": Code("warning", "text in a language the plan's `languages` does not list"),
    "NAP602": Code("warning", "plan's `languages` does not list its `language`"),
    "NAP610": Code("error", "PO file is not UTF-8 text or cannot be read as a PO file"),
    "NAP611": Code("warning", "PO entry for a text the plan no longer has (not applied)"),
    "NAP612": Code("error", "translation holds a control character"),
    # indicators and frameworks (docs/indicators.md)
    "NAP700": Code("warning", "indicator target year outside the plan's period"),
    "NAP701": Code("error", "reference to an indicator its framework does not have"),
    "NAP702": Code("warning", "indicator target contradicts its direction from the baseline"),
    "NAP703": Code("warning", "percentages combined by sum"),
    # assessments: civil society's own ratings (docs/assessments.md)
    "NAP800": Code("error", "assessment names a plan that no valid plan file has"),
    "NAP801": Code("error", "assessment year outside the plan period and its reporting tail"),
    "NAP802": Code("error", "assessment names a scale napctl does not know"),
    "NAP803": Code("error", "rating level is not a level of the assessment's scale"),
    "NAP804": Code("error", "rating names an action or pillar the plan does not have"),
    "NAP805": Code("error", "rating without exactly one of action, result and pillar"),
    "NAP806": Code("error", "action, result or pillar rated twice in one assessment"),
    "NAP807": Code("error", "two assessments for the same plan, year and organisation"),
    "NAP808": Code("error", "two levels of a scale whose names or labels fold to the same"),
    "NAP809": Code(
        "error", "assessment file not at assessments/<plan-id>/<year>/<organisation-slug>.yaml"
    ),
    "NAP810": Code("error", "assessment evidence url is not http(s)"),
    "NAP811": Code("error", "assessment evidence path leaves the repository or is not relative"),
    "NAP812": Code("error", "assessment evidence without exactly one of url and path"),
    "NAP813": Code("error", "an assessment's own scale has fewer than two levels"),
    "NAP814": Code("warning", "rating given a level without a narrative or evidence"),
    "NAP815": Code("error", "rating names a result the plan does not have"),
}

#: Each code's meaning (the table without levels).
CODES: dict[str, str] = {code: info.meaning for code, info in TABLE.items()}


def level_of(code: str) -> Level:
    """The level of ``code``; an unknown code is a programming error (KeyError)."""
    return TABLE[code].level


def codes_markdown() -> str:
    """docs/problem-codes.md: every code with its level and meaning."""
    lines = [
        "# Problem codes",
        "",
        "Generated from the table in `src/napctl/core/codes.py`; a test fails when"
        " it drifts (`NAPCTL_UPDATE_GOLDEN=1 pytest tests/core` rewrites it).",
        "",
    ]
    for prefix, title in RANGES.items():
        lines += [f"## {prefix}xx: {title}", "", "| code | level | meaning |", "|---|---|---|"]
        lines += [
            f"| `{code}` | {info.level} | {info.meaning} |"
            for code, info in TABLE.items()
            if code.startswith(prefix)
        ]
        lines.append("")
    return "\n".join(lines)
