"""Regenerates negative/*.yaml from positive/minimal.yaml: one defect each, with the
problems it must produce (CODE@LINE) in its first line. Run from the repository root."""

from pathlib import Path

base = Path("tests/example-files/positive/minimal.yaml").read_text()
neg = Path("tests/example-files/negative")


def mk(name, expect, old, new, count=1):
    assert old in base, (name, old)
    text = base.replace(old, new, count)
    lines = ["# expect: " + " ".join(expect)]
    text = text.replace(
        "# yaml-language-server: $schema=../../../schema/plan.schema.json\n",
        "\n".join(lines) + "\n",
        1,
    )
    (neg / f"{name}.yaml").write_text(text)


mk(
    "unknown-field",
    ["NAP201@5"],
    "country: Exampleland\n",
    "country: Exampleland\ncontry: Exampleland\n",
)
mk("missing-field", ["NAP200@2"], "title: Example National Action Plan 2020-2022\n", "")
mk("implicit-bool", ["NAP203@4"], "country: Exampleland", "country: NO")
mk(
    "implicit-float",
    ["NAP203@46"],
    "            text: Recruit women officers",
    "            text: 1.10",
)
mk("implicit-date", ["NAP203@29"], "    name: Ministry of Defence", "    name: 2018-01-01")
mk("bad-un-pillar", ["NAP204@40"], "un_pillars: [participation]", "un_pillars: [participaton]")
mk("empty-un-pillars", ["NAP306@40"], "un_pillars: [participation]", "un_pillars: []")
mk("blank-text", ["NAP205@58"], "text: Support survivors", "text: '   '")
mk("duplicate-id", ["NAP300@57"], "- id: P2.1\n", "- id: P1.1\n")
mk(
    "unknown-department",
    ["NAP301@48"],
    "departments: [DEF, {code: POL",
    "departments: [DEFF, {code: POL",
)
mk(
    "alias-as-department",
    ["NAP301@48"],
    "departments: [DEF, {code: POL",
    "departments: [Army, {code: POL",
)
mk("unknown-parent", ["NAP302@33"], "    parent: INT\n", "    parent: INTT\n")
mk(
    "parent-cycle",
    ["NAP303@33", "NAP303@37"],
    "  - code: INT\n    name: Ministry of the Interior\n",
    "  - code: INT\n    name: Ministry of the Interior\n    parent: POL\n",
)
mk("duplicate-alias", ["NAP304@34"], "aliases: [Police]", "aliases: [Defence]")
mk(
    "period-reversed",
    ["NAP305@6", "NAP311@16"],
    "period: {start: 2020, end: 2022}",
    "period: {start: 2022, end: 2020}",
)
mk(
    "duplicate-key",
    ["NAP110@8"],
    "language: en\ncoordination:",
    "language: en\nlanguage: fr\ncoordination:",
)
mk(
    "anchor-alias",
    ["NAP111@24", "NAP111@25"],
    "    names: {fr: Ministère des Affaires étrangères}",
    "    names: &n {fr: Ministère des Affaires étrangères}\n    aliases: *n",
)
mk(
    "python-tag",
    ["NAP112@4"],
    "country: Exampleland",
    "country: !!python/object/apply:os.system [echo hi]",
)
mk(
    "non-string-key",
    ["NAP113@24"],
    "    names: {fr: Ministère des Affaires étrangères}",
    "    names: {fr: Ministère des Affaires étrangères, 1: x}",
)
mk("all-reserved", ["NAP308@28", "NAP301@48"], "  - code: DEF\n", "  - code: All\n")
mk("all-combined", ["NAP307@52"], "departments: [All]", "departments: [All, DEF]")
mk("bad-role", ["NAP204@62"], "role: lead", "role: leader")
mk("bad-plan-id", ["NAP206@2"], "id: xx-2020-2022", "id: XX 2020")
mk("syntax-error", ["NAP103@53"], "departments: [All]", "departments: [All")
mk(
    "wrong-type-list",
    ["NAP202@51"],
    "indicators: [Number of staff trained]",
    "indicators: Number of staff trained",
)
mk(
    "twice-on-action",
    ["NAP310@48"],
    "departments: [DEF, {code: POL, note: Recruitment office}]",
    "departments: [DEF, DEF]",
)
mk("unknown-reporting-department", ["NAP301@13"], "    by: [MFA]", "    by: [MFAA]")
# Plans of other shapes (results, references, targets, groupings).
mk(
    "no-department",
    ["NAP330@60"],
    "            departments: [{code: MFA D1, role: lead}, INT]\n",
    "",
)
mk(
    "unknown-framework",
    ["NAP331@41"],
    "    un_pillars: [participation]\n",
    "    un_pillars: [participation]\n    references: [{framework: sdgs, id: '5.5'}]\n",
)
mk(
    "bad-reference",
    ["NAP332@41"],
    "    un_pillars: [participation]\n",
    "    un_pillars: [participation]\n    references: [{framework: unscr-1325, id: 19}]\n",
)
mk(
    "empty-target",
    ["NAP333@47"],
    "indicators: [Number of women recruited]",
    "indicators: [{text: Number of women recruited, targets: [{year: 2022}]}]",
)
mk(
    "unknown-group",
    ["NAP301@35"],
    "    aliases: [Police]\n",
    "    aliases: [Police]\n    groups: [SECU]\n",
)
