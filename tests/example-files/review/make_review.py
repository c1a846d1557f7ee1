"""Write the review example files: a clean plan, and for each rule a file that triggers
it and a near miss that does not. Each file declares, on its first lines, the rule it
is reviewed with (``# review: CODE``) and what that must produce (``# expect: CODE@LINE``,
empty for nothing). Run ``python tests/example-files/review/make_review.py`` after a change
here and review the diff; the files, not this script, are what the tests read.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
CLEAN = (HERE / "clean.yaml").read_text(encoding="utf-8").split("\n", 2)[2]
AWARE = """            indicators:
              - text: Share of staff aware of resolution 1325
                type: percent
                baseline: {value: 10, as_of: 2020}
                targets: [{year: 2022, value: 80}]
"""


def aware(indicator: str) -> tuple[str, str]:
    """The awareness action with one plain-text indicator instead of a measured one."""
    return AWARE, f"            indicators: [{indicator}]\n"


def without(pattern: str, keep: int | None = None) -> list[tuple[str, str]]:
    """Every block of the clean plan matching ``pattern`` taken out (but the ``keep``th)."""
    import re

    blocks = re.findall(pattern, CLEAN)
    return [(block, "") for n, block in enumerate(blocks) if n != keep]


INDICATORS = r"            indicators:\n(?: {14}.*\n)*"
DEADLINES = r"            (?:deadline|timeline): .*\n"
BUDGETS = r"            budget: .*\n"
NO_LEADS = [("            lead: DEF\n", ""), ("{code: MFA D1, role: lead}", "MFA D1")]
PLAN_ID = ["id: xx-2020-2022"]
DEFENCE = ("    name: Ministry of Defence\n", "    name: Ministry of Defence\n")
NEAR_DEFENCE = "  - code: MOD\n    name: Ministry of Defense\n"
OTHER_DEFENCE = "  - code: VET\n    name: Ministry of Veterans\n"

# rule -> (variant, [(old, new)], anchor of each expected finding)
CASES: dict[str, list[tuple[str, list[tuple[str, str]], list[str]]]] = {
    "NAP501": [
        (
            "yes",
            [
                (
                    """            indicators:
              - text: Survivors supported each year
                type: number
                unit: persons
                baseline: {value: 300, as_of: 2019}
                targets: [{year: 2022, value: 600}]
""",
                    "",
                )
            ],
            ["          - id: P2.1.1"],
        ),
        (
            "no",
            [
                (
                    """              - text: Survivors supported each year
                type: number
                unit: persons
                baseline: {value: 300, as_of: 2019}
                targets: [{year: 2022, value: 600}]
""",
                    """              - Survivors supported
""",
                )
            ],
            [],
        ),
    ],
    "NAP502": [
        ("yes", [aware("Awareness raised")], ["Awareness raised"]),
        ("no", [aware("Share of staff aware")], []),
    ],
    "NAP503": [
        (
            "yes",
            [("                baseline: {value: 0, as_of: 2020}\n", "")],
            ["              - text: Number of staff trained"],
        ),
        (
            "no",
            [
                (
                    "                baseline: {value: 0, as_of: 2020}\n",
                    "                baseline: {value: none yet}\n",
                )
            ],
            [],
        ),
    ],
    "NAP504": [
        (
            "yes",
            [("                targets: [{year: 2022, value: 400}]\n", "")],
            ["              - text: Number of staff trained"],
        ),
        (
            "no",
            [
                (
                    "                targets: [{year: 2022, value: 400}]\n",
                    "                targets: [{year: 2021, value: 200}]\n",
                )
            ],
            [],
        ),
    ],
    "NAP505": [
        ("yes", [('            deadline: "2022-06-30"\n', "")], ["          - id: P2.1.1"]),
        (
            "no",
            [
                (
                    '            deadline: "2022-06-30"\n',
                    "            timeline: throughout the plan\n",
                )
            ],
            [],
        ),
    ],
    "NAP506": [
        (
            "yes",
            [
                (
                    "            budget: {amount: 40000, currency: EUR}\n",
                    "            budget: {allocated: false}\n",
                )
            ],
            ["budget: {allocated: false}"],
        ),
        (
            "no",
            [
                (
                    "            budget: {amount: 40000, currency: EUR}\n",
                    "            budget: {source: Regular staff budget}\n",
                )
            ],
            [],
        ),
    ],
    "NAP507": [
        ("yes", [("            lead: DEF\n", "")], ["            departments: [DEF, {code"]),
        (
            "no",
            [
                ("            lead: DEF\n", ""),
                ("[DEF, {code: POL, note: Recruitment office}]", "[{code: DEF, role: lead}, POL]"),
            ],
            [],
        ),
    ],
    "NAP508": [
        (
            "yes",
            [("            departments: [MFA]\n", "            departments: [All]\n")],
            ["            departments: [All]"],
        ),
        (
            "no",
            [
                (
                    "            departments: [MFA]\n",
                    "            departments: [MFA, INT]\n            lead: MFA\n",
                )
            ],
            [],
        ),
    ],
    "NAP509": [
        (
            "yes",
            [
                (
                    "text: Raise awareness of resolution 1325 among staff",
                    "text: Train staff  on Resolution 1325.",
                )
            ],
            ["text: Train staff  on"],
        ),
        (
            "no",
            [
                (
                    "text: Raise awareness of resolution 1325 among staff",
                    "text: Train police officers on resolution 1325",
                )
            ],
            [],
        ),
    ],
    "NAP510": [
        (
            "yes",
            [
                (
                    """  - id: P2
    title: Protection
    un_pillars: [protection, relief-and-recovery]
    goals:
""",
                    """  - id: P2
    title: Protection
    un_pillars: [protection, relief-and-recovery]
    goals:
      - id: P2.0
        text: Prevent violence against women
        actions: []
""",
                )
            ],
            ["      - id: P2.0"],
        ),
        ("no", [], []),
    ],
    "NAP511": [
        ("yes", [aware("Awareness of staff raised")], ["Awareness of staff raised"]),
        ("no", [aware("Awareness of staff raised in a yearly survey")], []),
    ],
    "NAP512": [
        (
            "yes",
            [("budget: {amount: 1200000, currency: EUR, source: State budget}\n", "")],
            ["id: xx-2020-2022"],
        ),
        (
            "no",
            [
                (
                    "budget: {amount: 1200000, currency: EUR, source: State budget}\n",
                    "budget: {source: State budget}\n",
                )
            ],
            [],
        ),
    ],
    "NAP513": [
        (
            "yes",
            [
                (
                    """monitoring:
  mechanism: Inter-ministerial working group
  by: [MFA]
  frequency: annual
  evaluation: Independent evaluation in 2022
""",
                    "",
                ),
                (
                    """reporting:
  - what: Annual progress report
    by: [MFA]
    frequency: annual
""",
                    "",
                ),
            ],
            ["id: xx-2020-2022"],
        ),
        (
            "no",
            [
                (
                    """monitoring:
  mechanism: Inter-ministerial working group
  by: [MFA]
  frequency: annual
  evaluation: Independent evaluation in 2022
""",
                    "",
                )
            ],
            [],
        ),
    ],
    "NAP520": [
        ("yes", without(DEADLINES), PLAN_ID),
        ("no", without(DEADLINES, keep=2), []),
    ],
    "NAP521": [
        ("yes", without(BUDGETS), PLAN_ID),
        ("no", without(BUDGETS, keep=0), []),
    ],
    "NAP522": [
        ("yes", NO_LEADS, PLAN_ID),
        ("no", NO_LEADS[:1], []),
    ],
    "NAP523": [
        ("yes", without(INDICATORS), PLAN_ID),
        ("no", without(INDICATORS, keep=3), []),
    ],
    # Validate warns of the same group (NAP334); review says it once too.
    "NAP524": [
        (
            "yes",
            [DEFENCE, (DEFENCE[1], DEFENCE[1] + NEAR_DEFENCE)],
            ["    name: Ministry of Defense"],
        ),
        ("no", [DEFENCE, (DEFENCE[1], DEFENCE[1] + OTHER_DEFENCE)], []),
    ],
}


def build(code: str, changes: list[tuple[str, str]], anchors: list[str]) -> str:
    body = CLEAN
    for old, new in changes:
        assert old in body, (code, old)
        body = body.replace(old, new, 1)
    lines = body.split("\n")
    header = 2
    expect = []
    for anchor in anchors:
        number = next(n for n, line in enumerate(lines, 1) if anchor in line)
        expect.append(f"{code}@{number + header}")
    return f"# review: {code}\n# expect: {' '.join(expect)}\n{body}"


def main() -> None:
    for code, variants in CASES.items():
        for variant, changes, anchors in variants:
            target = HERE / f"{code}-{variant}.yaml"
            target.write_text(build(code, changes, anchors), encoding="utf-8")


if __name__ == "__main__":
    main()
