"""Writes the small hostile files of tests/hostile/files/ (run from the repository root).

Most are tests/example-files/positive/minimal.yaml with one change, so that
the change is the only problem. What each must give is in cases.yaml; the
big cases (1 MB lines, bombs, deep nesting) are built by test_hostile.py.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
BASE = (HERE.parent / "example-files" / "positive" / "minimal.yaml").read_text(encoding="utf-8")
CASES: dict[str, bytes] = {}


def raw(name: str, data: bytes | str) -> None:
    CASES[name] = data.encode("utf-8") if isinstance(data, str) else data


def plan(name: str, *changes: tuple[str, str]) -> None:
    """minimal.yaml with each (old, new) replaced once."""
    text = BASE
    for old, new in changes:
        assert text.count(old) == 1, (name, old)
        text = text.replace(old, new)
    raw(name, text)


# --- not a plan at all
raw("empty.yaml", "")
raw("only-comments.yaml", "# a plan will be here\n# one day\n")
raw("only-blank-lines.yaml", "\n\n   \n")
raw("root-list.yaml", "- id: xx-2020-2022\n- title: A list, not a mapping\n")
raw("root-scalar.yaml", "Just one line of text\n")
raw("root-null.yaml", "~\n")
raw("root-number.yaml", "2020\n")
raw("document-end-only.yaml", "...\n")

# --- YAML syntax errors
plan("syntax-unclosed-quote.yaml", ("title: Example National", 'title: "Example National'))
plan("syntax-unclosed-flow.yaml", ("period: {start: 2020, end: 2022}", "period: {start: 2020"))
plan("syntax-bad-indent.yaml", ("  mechanism: Inter", "   mechanism: Inter"))
plan("syntax-two-colons.yaml", ("country: Exampleland", "country: Example: land"))
plan("syntax-empty-key.yaml", ("language: en\ncoordination:", "language: en\n: en\ncoordination:"))
plan("tab-indent.yaml", ("  mechanism: Inter", "\tmechanism: Inter"))
plan("tab-indent-in-list.yaml", ("    name: Ministry of Defence", "\tname: Ministry of Defence"))
# the mistakes newcomers really make (issue 19): each gets a sentence saying what to write
plan(
    "syntax-quote-then-more.yaml",
    (
        "title: Example National Action Plan 2020-2022",
        'title: "Women and Peace and Security" National Action Plan 2018-2023',
    ),
)
plan(
    "syntax-colon-in-text.yaml",
    ("text: Recruit women officers", "text: Train police officers: SGBV modules"),
)
plan(
    "syntax-tab-before-key.yaml",
    ("    name: Ministry of the Interior", "    name: Ministry of the Interior\n\tparent: MFA"),
)
plan("syntax-one-space-too-many.yaml", ("    name: National Police", "     name: National Police"))
plan("hash-starts-comment.yaml", ("text: Fund survivor services", "text: #1 priority"))

# --- not text, or not UTF-8
raw("random-bytes.yaml", random.Random(7).randbytes(512))
raw(
    "png-header.yaml",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
    b"\x08\x06\x00\x00\x00\x1f\x15\xc4\x89",
)
raw("nul-bytes.yaml", BASE.replace("country: Exampleland", "country: Example\x00land"))
raw("nul-only.yaml", b"\x00" * 64)
raw(
    "control-character.yaml", BASE.replace("text: Support survivors", "text: Support\x07 survivors")
)
raw("latin-1.yaml", BASE.encode("latin-1"))  # "Ministère ... étrangères" on line 24
raw("utf-16.yaml", BASE.encode("utf-16"))
raw(
    "bad-byte-after-accents.yaml",
    BASE.encode("utf-8").replace("étrangères}".encode(), "étrangères".encode() + b"\xff}"),
)
raw("bad-byte-after-line-separator.yaml", "id: x\u2028y".encode() + b"\xa3\n")
raw("truncated-character.yaml", BASE.encode("utf-8") + b"notes: [\xe2\x80")
raw("bom.yaml", b"\xef\xbb\xbf" + BASE.encode("utf-8"))
raw("bom-twice.yaml", b"\xef\xbb\xbf\xef\xbb\xbf" + BASE.encode("utf-8"))
raw("crlf.yaml", BASE.replace("\n", "\r\n"))
raw("bom-crlf.yaml", b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode("utf-8"))
raw("cr-only.yaml", BASE.replace("\n", "\r"))
raw("no-final-newline.yaml", BASE.rstrip("\n"))
raw("non-ascii-before-error.yaml", BASE.replace("étrangères}", "étrangères\x01}"))

# --- code and object tags: nothing may run
plan(
    "python-os-system.yaml",
    ("country: Exampleland", 'country: !!python/object/apply:os.system ["touch PWNED"]'),
)
plan(
    "python-open.yaml",
    ("country: Exampleland", "country: !!python/object/apply:builtins.open [PWNED, w]"),
)
plan("python-name.yaml", ("country: Exampleland", "country: !!python/name:os.system"))
plan(
    "python-object-new.yaml",
    ("    name: Ministry of Defence", "    name: !!python/object/new:os.system [touch PWNED]"),
)
plan(
    "python-module.yaml",
    ("title: Example National", "title: !!python/module:os\ntitle2: Example National"),
)
plan(
    "python-tag-on-mapping.yaml",
    (
        "period: {start: 2020, end: 2022}",
        "period: !!python/object:subprocess.Popen {args: [touch, PWNED]}",
    ),
)
plan(
    "python-tag-on-key.yaml",
    (
        "country: Exampleland",
        "!!python/object/apply:os.system [touch PWNED]: x\ncountry: Exampleland",
    ),
)
plan(
    "python-tag-at-root.yaml",
    ("id: xx-2020-2022", "--- !!python/object/apply:os.system\nid: xx-2020-2022"),
)
plan("tag-custom.yaml", ("country: Exampleland", "country: !foo Exampleland"))
plan("tag-binary.yaml", ("country: Exampleland", "country: !!binary RXhhbXBsZWxhbmQ="))
plan("tag-set.yaml", ("  - code: DEF\n", "  - code: DEF\n    aliases2: !!set {a, b}\n"))
plan(
    "tag-omap.yaml", ("period: {start: 2020, end: 2022}", "period: !!omap [start: 2020, end: 2022]")
)
plan(
    "tag-directive.yaml",
    ("id: xx-2020-2022", "%TAG !py! tag:yaml.org,2002:python/\n---\nid: xx-2020-2022"),
    ("country: Exampleland", "country: !py!object/apply:os.system [x]"),
)
plan("tag-bool-wrong.yaml", ("country: Exampleland", "country: !!bool maybe"))
plan("tag-timestamp-wrong.yaml", ("country: Exampleland", "country: !!timestamp someday"))
plan("tag-int-empty.yaml", ("end: 2022}", "end: !!int ''}"))
plan("tag-str.yaml", ("country: Exampleland", "country: !!str NO"))  # plain core tag: text

# --- anchors, aliases, merge keys
plan(
    "merge-key.yaml",
    (
        "  - code: INT\n    name: Ministry of the Interior\n",
        "  - code: INT\n    <<: {name: Ministry of the Interior}\n",
    ),
)
plan(
    "merge-key-alias.yaml",
    ("  - code: MFA\n", "  - &m code: MFA\n"),
    (
        "  - code: INT\n    name: Ministry of the Interior\n",
        "  - code: INT\n    name: Ministry of the Interior\n    <<: *m\n",
    ),
)

# --- duplicate keys at every level
plan("duplicate-key-top.yaml", ("country_code: XX\n", "country_code: XX\ncountry: Otherland\n"))
plan(
    "duplicate-key-flow.yaml",
    ("period: {start: 2020, end: 2022}", "period: {start: 2020, end: 2022, start: 2019}"),
)
plan(
    "duplicate-key-department.yaml",
    (
        "    name: Directorate of Political Affairs\n",
        "    name: Directorate of Political Affairs\n    name: Political Directorate\n",
    ),
)
plan(
    "duplicate-key-action.yaml",
    (
        "            text: Fund survivor services\n",
        "            text: Fund survivor services\n            text: Fund survivors\n",
    ),
)
plan(
    "duplicate-key-in-list-item.yaml",
    ("{code: POL, note: Recruitment office}", "{code: POL, note: Recruitment office, code: DEF}"),
)
plan("duplicate-key-with-mapping-value.yaml", ("source:\n", "source: {title: x}\nsource:\n"))

# --- keys that are not text
plan("key-complex.yaml", ("country_code: XX\n", "country_code: XX\n? [a, b]\n: x\n"))
plan(
    "key-number.yaml",
    (
        "    names: {fr: Ministère des Affaires étrangères}",
        "    names: {fr: Ministère des Affaires étrangères, 1.10: x}",
    ),
)
plan("key-null.yaml", ("country_code: XX\n", "country_code: XX\n~: x\n"))
plan("key-long-plain.yaml", ("country_code: XX\n", "country_code: XX\n" + "k" * 1100 + ": x\n"))
plan(
    "key-long-explicit.yaml",
    ("country_code: XX\n", "country_code: XX\n? " + "k" * 1100 + "\n: x\n"),
)

# --- implicit typing traps in text fields: each must be quoted
plan("implicit-no.yaml", ("country: Exampleland", "country: NO"))
plan("implicit-yes.yaml", ("title: Example National Action Plan 2020-2022", "title: yes"))
plan("implicit-on.yaml", ("    name: Ministry of Defence", "    name: on"))
plan("implicit-float.yaml", ("            text: Fund survivor services", "            text: 1.10"))
plan(
    "implicit-hex.yaml",
    ("  publisher: Ministry of Foreign Affairs of Exampleland", "  publisher: 0x10"),
)
plan("implicit-exponent.yaml", ("  mechanism: Inter-ministerial working group", "  mechanism: 1e3"))
plan("implicit-octal-yaml12.yaml", ("    to: Parliament", "    to: 0o17"))
plan("implicit-date.yaml", ("        text: Support survivors", "        text: 2018-01-01"))
plan("implicit-null.yaml", ("country: Exampleland", "country: ~"))
plan("implicit-inf.yaml", ("    title: Protection", "    title: .inf"))
plan("implicit-in-list.yaml", ("indicators: [Number of staff trained]", "indicators: [NO]"))
plan(
    "implicit-norway.yaml",
    (
        "language: en\ncoordination:",
        "language: en\ntarget_countries: [Sweden, NO, Denmark]\ncoordination:",
    ),
)
plan("implicit-in-alias-list.yaml", ("aliases: [Defence, Army]", "aliases: [Defence, off]"))
plan("implicit-in-names.yaml", ("{fr: Ministère des Affaires étrangères}", "{fr: null}"))
plan("implicit-in-department-list.yaml", ("departments: [All]", "departments: [true]"))
plan("implicit-invalid-date.yaml", ("country: Exampleland", "country: 2018-02-30"))
plan("implicit-huge-number.yaml", ("start: 2020", "start: 0x" + "f" * 200))
plan(
    "quoted-traps.yaml",
    ("country: Exampleland", 'country: "NO"'),
    ("  mechanism: Inter-ministerial working group", "  mechanism: '1e3'"),
    ("    name: Ministry of Defence", "    name: 'on'"),
    ("        text: Support survivors", '        text: "2018-01-01"'),
)

# --- ids and codes with path separators
plan("id-dot-dot.yaml", ("id: xx-2020-2022", "id: ../x"))
plan("id-slash.yaml", ("id: xx-2020-2022", "id: a/b"))
plan("id-absolute.yaml", ("id: xx-2020-2022", "id: /etc/passwd"))
plan("action-id-slash.yaml", ("          - id: P1.1.1", "          - id: a/b"))
plan("action-id-backslash.yaml", ("          - id: P1.1.1", "          - id: 'a\\b'"))
plan("pillar-id-dot-dot.yaml", ("  - id: P2\n", "  - id: ../x\n"))
plan("goal-id-hidden.yaml", ("      - id: P2.1\n", "      - id: .hidden\n"))
plan("code-with-line-break.yaml", ("departments: [DEF,", 'departments: ["DE\\nF",'))
plan(
    "department-path.yaml",
    ("  - code: DEF\n    name: Ministry of Defence", "  - code: ../../x\n    name: a/b/../../c"),
    ("departments: [DEF,", "departments: [../../x,"),
)


# --- markup and template syntax is just text
def every_text(name: str, payload: str) -> None:
    q = "'" + payload.replace("'", "''") + "'"
    plan(
        name,
        ("title: Example National Action Plan 2020-2022", f"title: {q}"),
        ("country: Exampleland", f"country: {q}"),
        ("  mechanism: Inter-ministerial working group", f"  mechanism: {q}"),
        ("  - what: Annual progress report", f"  - what: {q}"),
        ("    to: Parliament", f"    to: {q}"),
        ("  title: Example plan", f"  title: {q}\n  url: {q}\n  document: {q}\n  notes: [{q}]"),
        ("  publisher: Ministry of Foreign Affairs of Exampleland", f"  publisher: {q}"),
        ("    name: Ministry of Foreign Affairs", f"    name: {q}"),
        ("{fr: Ministère des Affaires étrangères}", f"{{fr: {q}}}"),
        # Not the payload itself: an alias equal to another entry's name is a near
        # duplicate (NAP334), and these files are about the text, not the registry.
        ("aliases: [Defence, Army]", f"aliases: [Defence, {q[:-1]} (army)']"),
        ("    title: Participation", f"    title: {q}\n    summary: {q}"),
        ("        text: More women in peace operations", f"        text: {q}"),
        ("            text: Recruit women officers", f"            text: {q}"),
        ("indicators: [Number of women recruited]", f"indicators: [{q}]\n            notes: [{q}]"),
        ("note: Recruitment office", f"note: {q}"),
        (
            "language: en\ncoordination:",
            f"language: en\nprincipal_objectives: [{q}]\n"
            f"target_countries: [{q}]\ncivil_society: [{q}]\nnotes: [{q}]\ncoordination:",
        ),
    )


every_text("html-everywhere.yaml", "<script>alert(1)</script><img src=x onerror=alert(2)>")
every_text("jinja-expression-everywhere.yaml", "{{ 7*7 }} {{ ''.__class__.__mro__ }}")
every_text(
    "jinja-statement-everywhere.yaml", "{% for x in range(10**9) %}x{% endfor %} {# comment #}"
)
every_text("markdown-and-csv-everywhere.yaml", '=cmd|"/c calc"!A1 | a | b |\n# heading')
every_text("bidi-and-zero-width-everywhere.yaml", "safe\u202e\u2066txt.exe\u200b\u2069")

# --- documents
raw("two-documents.yaml", BASE + "---\nid: yy-2020-2022\n")
raw("second-document-empty.yaml", BASE + "---\n")
raw("second-document-broken.yaml", BASE + "--- [\n")
raw("document-end-marker.yaml", BASE + "...\n")
raw("document-start-marker.yaml", "---\n" + BASE)
raw("yaml-directive.yaml", "%YAML 1.1\n---\n" + BASE)


def main() -> None:
    FILES.mkdir(exist_ok=True)
    for old in FILES.iterdir():
        old.unlink()
    for name, data in CASES.items():
        (FILES / name).write_bytes(data)
    print(f"wrote {len(CASES)} files to {FILES}")


if __name__ == "__main__":
    main()
