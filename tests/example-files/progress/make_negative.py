"""Regenerates negative/<case>/ from positive/xx-2020-2022/2021/def.yaml: one defect each.

Each case folder is a progress root holding one report (two for a duplicate), at the
place its plan/year/department say unless the case is about the place. The first line
of a report declares the problems it must produce (CODE@LINE), as for plan examples.
Checked against tests/example-files/positive/minimal.yaml. Run from the repository root.
"""

import shutil
from pathlib import Path

HERE = Path("tests/example-files/progress")
base = (HERE / "positive/xx-2020-2022/2021/def.yaml").read_text()
neg = HERE / "negative"
shutil.rmtree(neg, ignore_errors=True)
SCHEMA_LINE = base.splitlines()[0] + "\n"
INDICATOR_2 = "    indicators:\n      - indicator: Number of staff trained\n        value: 0\n"
EVIDENCE = base[base.index("    evidence:\n") : base.index("    spent:")]


def mk(name, expect, *edits, where=("xx-2020-2022", "2021", "def"), filename=None):
    text = base
    for old, new in edits:
        assert old in text, (name, old)
        text = text.replace(old, new, 1)
    text = text.replace(SCHEMA_LINE, "# expect: " + " ".join(expect) + "\n", 1)
    folder = neg / name / where[0] / where[1]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / (filename or f"{where[2]}.yaml")).write_text(text)


mk(
    "unknown-plan",
    ["NAP400@2"],
    ("plan: xx-2020-2022", "plan: xx-2020-2023"),
    where=("xx-2020-2023", "2021", "def"),
)
mk(
    "year-outside-period",
    ["NAP401@3"],
    ("year: 2021", "year: 2030"),
    where=("xx-2020-2022", "2030", "def"),
)
mk(
    "unknown-department",
    ["NAP402@4"],
    ("department: DEF", "department: DEFF"),
    where=("xx-2020-2022", "2021", "deff"),
)
mk(
    "alias-as-department",
    ["NAP402@4"],
    ("department: DEF", "department: Army"),
    where=("xx-2020-2022", "2021", "army"),
)
mk("misplaced-file", ["NAP403@1"], where=("xx-2020-2022", "2022", "def"))
mk("unknown-action", ["NAP404@9"], ("- id: P1.1.1", "- id: P1.1.9"))
mk("not-the-departments-action", ["NAP405@25"], ("- id: P1.1.2", "- id: P2.1.1"), (INDICATOR_2, ""))
mk("duplicate-action", ["NAP406@25"], ("- id: P1.1.2", "- id: P1.1.1"), (INDICATOR_2, ""))
mk(
    "completed-without-summary",
    ["NAP407@10"],
    ("    summary: Two recruitment campaigns aimed at women.\n", ""),
    (EVIDENCE, ""),
)
mk(
    "delayed-without-obstacles",
    ["NAP408@26"],
    ("    obstacles: Training team unavailable in the first half of the year.\n", ""),
    ('    revised_due: "2022-06"\n', ""),
)
mk("discontinued-without-justification", ["NAP409@26"], ("status: delayed", "status: discontinued"))
mk(
    "not-applicable-without-justification",
    ["NAP409@26"],
    ("status: delayed", "status: not-applicable"),
)
mk("unknown-indicator-number", ["NAP410@13"], ("indicator: 1", "indicator: 3"))
mk(
    "unknown-indicator-text",
    ["NAP410@30"],
    ("indicator: Number of staff trained", "indicator: Number of staff traned"),
)
mk(
    "javascript-url",
    ["NAP411@20"],
    ("url: https://example.org/campaign-2021", "url: javascript:alert(1)"),
)
mk(
    "data-url",
    ["NAP411@20"],
    ("url: https://example.org/campaign-2021", "url: 'data:text/html,<script>alert(1)</script>'"),
)
mk(
    "path-leaves-repository",
    ["NAP412@22"],
    ("path: evidence/def/hr-2021.pdf", "path: ../../../../secrets.txt"),
)
mk("absolute-path", ["NAP412@22"], ("path: evidence/def/hr-2021.pdf", "path: /etc/passwd"))
mk(
    "evidence-url-and-path",
    ["NAP413@21"],
    (
        "        path: evidence/def/hr-2021.pdf\n",
        "        path: evidence/def/hr-2021.pdf\n        url: https://example.org/hr\n",
    ),
)
mk("unknown-field", ["NAP201@28"], ("    revised_due:", "    revised_date:"))
mk("bad-status", ["NAP204@26"], ("status: delayed", "status: late"))
mk(
    "implicit-bool",
    ["NAP203@7"],
    ("contact: Gender focal point, Ministry of Defence", "contact: yes"),
)
mk("bad-date", ["NAP209@28"], ('revised_due: "2022-06"', "revised_due: next year"))
mk("duplicate-key", ["NAP110@4"], ("year: 2021\n", "year: 2021\nyear: 2021\n"))
mk(
    "anchor-alias",
    ["NAP111@11", "NAP111@27"],
    ("    summary: Two", "    summary: &s Two"),
    (
        "    obstacles: Training team unavailable in the first half of the year.",
        "    obstacles: *s",
    ),
)
mk("missing-field", ["NAP200@2"], ("department: DEF\n", ""))
mk("syntax-error", ["NAP103@27"], ("status: delayed", "status: [delayed"))
mk(
    "control-in-text",
    ["NAP211@11"],
    (
        "    summary: Two recruitment campaigns aimed at women.",
        '    summary: "Two recruitment campaigns\\e[2J aimed at women."',
    ),
)
mk(
    "bell-in-contact",
    ["NAP211@7"],
    (
        "contact: Gender focal point, Ministry of Defence",
        'contact: "Gender focal point\\a, Ministry of Defence"',
    ),
)
mk(
    "invisible-in-department",
    ["NAP210@4", "NAP402@4"],
    ("department: DEF", 'department: "DEF\\u200b"'),
)
# Two reports of one department for one year: the second one read is the duplicate.
mk("two-reports", [])
mk("two-reports", ["NAP414@4"], filename="def.yml")
