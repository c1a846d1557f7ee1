"""The text-preserving YAML editor: what is not edited stays, character for character."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from napctl.yaml.edit import EditError, TextEdit, dump_items, newline_of, scalar
from napctl.yaml.safe import parse_yaml

TRICKY = [
    "1e3",
    "0o17",
    "yes",
    "no",
    "NO",
    "on",
    "1.10",
    "1_000",
    "0x10",
    ".inf",
    "~",
    "null",
    "",
    "2018-01-01",
    "'quoted'",
    "'",
    '"',
    "- a",
    "a: b",
    "x #y",
    "# no comment",
    "@x",
    "`x",
    "%x",
    "{a}",
    "[a]",
    " lead",
    "trail ",
    "line\nbreak",
    "x\u2028y",
    "x\x85y",
    "del\x7f",
    "\ufeffbom",
    "MAEE D5",
    "RP Genève",
    "😀",
]


def read(text: str) -> Any:
    """What napctl reads from ``text`` (its own typing: YAML 1.1 plus the 1.2 numbers)."""
    doc = parse_yaml(text.removeprefix("\ufeff"), "t.yaml")
    assert not [p for p in doc.problems if p.level == "error"], doc.problems
    return doc.data


def add_entry(text: str, path: list[str | int], entry: str, **options: bool) -> str:
    doc = TextEdit(text)
    node = doc.at(path)
    doc.append(node, f"{' ' * doc.column(node)}{entry}\n", **options)
    return doc.text()


@pytest.mark.parametrize("value", TRICKY)
def test_scalar_reads_back_as_the_same_text(value: str) -> None:
    assert read(f"k: {scalar(value)}\n") == {"k": value}


# Any text YAML may hold in a file (no surrogates, no other control characters).
TEXTS = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(TEXTS)
def test_any_text_reads_back_as_written(value: str) -> None:
    assert read(f"k: {scalar(value)}\n") == {"k": value}
    assert read("k:\n" + dump_items([value], 2)) == {"k": [value]}


@pytest.mark.parametrize("value", ["1e3", "0o17", "yes", "1.10", "'q", "-.5e+3"])
def test_scalar_quotes_what_napctl_would_type(value: str) -> None:
    assert scalar(value).startswith('"')


def test_scalar_leaves_plain_text_plain() -> None:
    assert [scalar(v) for v in ("MAEE D5", "I.3.1", "MIFA/OLAI", "1e3x")] == [
        "MAEE D5",
        "I.3.1",
        "MIFA/OLAI",
        "1e3x",
    ]


def test_dumped_items_read_back_as_the_same_values() -> None:
    items = [{"id": value, "n": 7, "when": 2025, "list": [value]} for value in TRICKY]
    text = "items:\n" + dump_items(items, 2)
    assert read(text) == {"items": items}
    assert "  - id: '1e3'\n" in text and "  - id: '0o17'\n" in text
    assert "    when: 2025\n" in text  # a number stays a number


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_breaks_are_the_files_own(newline: str) -> None:
    text = "a: 1  # one\n# between\nlist:\n  - x\n  - y\nz: end\n".replace("\n", newline)
    doc = TextEdit(text)
    doc.append(doc.at(["list"]), "  - new\n")
    doc.replace(doc.at(["a"]), "2", "a")
    assert doc.newline == newline
    assert doc.text() == text.replace("1  #", "2  #").replace(
        f"  - y{newline}", f"  - y{newline}  - new{newline}"
    )


def test_newline_of_takes_the_most_common_break() -> None:
    assert newline_of("a\r\nb\r\nc\n") == "\r\n"
    assert newline_of("a\rb\rc\r\n") == "\r"
    assert newline_of("a\r\nb\n") == "\n"  # a tie
    assert newline_of("no break") == "\n"


def test_comments_blank_lines_quotes_and_key_order_stay() -> None:
    text = (
        "# head\nz: 'single'   # why\n\nactions:\n  # first\n  - id: \"A.1\"\n"
        "    status: ongoing # ours\n\n  # last\n  - id: A.2\n    status: x\n"
        "# closing remark\nb: [1, 2]\n"
    )
    doc = TextEdit(text)
    entry = doc.at(["actions", 0])
    doc.replace(doc.get(entry, "status"), "completed", "status")  # type: ignore[arg-type]
    doc.append(entry, "    summary: done\n")
    assert doc.text() == text.replace(
        "status: ongoing # ours\n", "status: completed # ours\n    summary: done\n"
    )


def test_below_comments_goes_after_the_closing_comments() -> None:
    text = "actions:\n  - id: A\n# closing remark\n\nnotes: [x]\n"
    after = add_entry(text, ["actions"], "- id: B", below_comments=True)
    assert after == text.replace("notes:", "  - id: B\nnotes:")
    before = add_entry(text, ["actions"], "- id: B")
    assert before == text.replace("# closing", "  - id: B\n# closing")


def test_non_ascii_and_astral_text_before_the_edit_point() -> None:
    # Marks count characters: 😀 is one character, four UTF-8 bytes, two UTF-16 units.
    text = 'title: é😀𝄞 中文\nnote: "😀😀"\nstatus: ongoing\nlist:\n  - 😀\n'
    doc = TextEdit(text)
    doc.replace(doc.at(["status"]), "completed", "status")
    doc.append(doc.at(["list"]), "  - après 😀\n")
    assert doc.text() == text.replace("ongoing", "completed") + "  - après 😀\n"


def test_an_entry_added_at_the_end_of_a_file_without_a_final_newline() -> None:
    text = "plan: x\nactions:\n  - id: A\n    status: ongoing"
    new = add_entry(text, ["actions"], "- id: B")
    assert new == text + "\n  - id: B"  # no final line break, as before
    assert read(new)["actions"] == [{"id": "A", "status": "ongoing"}, {"id": "B"}]
    crlf = add_entry(text.replace("\n", "\r\n"), ["actions"], "- id: B\n    status: x")
    assert crlf == text.replace("\n", "\r\n") + "\r\n  - id: B\r\n    status: x"


def test_the_last_lines_replaced_in_a_file_without_a_final_newline() -> None:
    text = "a: 1\nlist:\n  - x\n  - y"
    doc = TextEdit(text)
    doc.replace_span(*doc.lines(doc.at(["list", 1])), "  - z\n")
    doc.append(doc.at(["list"]), "  - w\n")
    doc.replace(doc.at(["a"]), "2", "a")
    assert doc.text() == "a: 2\nlist:\n  - x\n  - z\n  - w"


@pytest.mark.parametrize("below_comments", [False, True])
def test_document_markers_stay_around_the_document(below_comments: bool) -> None:
    text = "%YAML 1.1\n---\nactions:\n- id: A\n...\n"
    new = add_entry(text, ["actions"], "- id: B", below_comments=below_comments)
    assert new == text.replace("...", "- id: B\n...")


def test_a_final_newline_stays_one() -> None:
    text = "actions:\n  - id: A\n"
    assert add_entry(text, ["actions"], "- id: B") == text + "  - id: B\n"


def test_a_byte_order_mark_stays() -> None:
    text = "\ufeffa: 1\r\nb: 2\r\n"
    doc = TextEdit(text)
    doc.replace(doc.at(["b"]), "3", "b")
    assert doc.text() == "\ufeffa: 1\r\nb: 3\r\n"


def test_inner_lists_get_their_lines_before_the_lists_around_them() -> None:
    text = "pillars:\n  - id: P\n    goals:\n      - id: G\n        actions:\n          - id: A\n"
    doc = TextEdit(text)
    doc.append(doc.at(["pillars"]), dump_items([{"id": "Q"}], 2))
    doc.append(doc.at(["pillars", 0, "goals"]), dump_items([{"id": "H"}], 6))
    doc.append(doc.at(["pillars", 0, "goals", 0, "actions"]), dump_items([{"id": "B"}], 10))
    new = doc.text()
    assert new == text + "          - id: B\n      - id: H\n  - id: Q\n"
    assert read(new)["pillars"][0]["goals"][0]["actions"] == [{"id": "A"}, {"id": "B"}]


def test_column_of_indentless_and_indented_lists_and_mappings() -> None:
    doc = TextEdit("a:\n- x\nb:\n    -   y\nc:\n  k: 1\n")
    assert [doc.column(doc.at([k])) for k in "abc"] == [0, 4, 2]


def test_a_block_found_by_its_path_is_replaced_by_whole_lines() -> None:
    text = "a: é😀\npillars:\n  - id: P1  # placeholder\n    title: x\n\n  - id: P2\nb: 1\n"
    doc = TextEdit(text)
    start, end = doc.lines(doc.at(["pillars", 0]))
    assert doc.body[start:end] == "  - id: P1  # placeholder\n    title: x\n"
    doc.replace_span(start, end, dump_items([{"id": "I", "title": "yes"}], 2))
    assert doc.text() == text.replace(
        "  - id: P1  # placeholder\n    title: x\n", "  - id: I\n    title: 'yes'\n"
    )


def test_replace_span_puts_whole_lines_in_place() -> None:
    text = "a: 1\r\n# placeholder\r\n# more\r\nb: 2\r\n"
    doc = TextEdit(text)
    start = doc.body.index("# placeholder")
    doc.replace_span(start, doc.body.index("b:"), "c: 3\n")
    assert doc.text() == "a: 1\r\nc: 3\r\nb: 2\r\n"


def test_refusals_say_where() -> None:
    doc = TextEdit("a: 1\nlist: [x, y]\ntext: |\n  two\n  lines\n", "f.yaml")
    with pytest.raises(EditError) as flow:
        doc.append(doc.at(["list"]), "  - z\n")
    assert (flow.value.line, flow.value.column, flow.value.where) == (2, 7, "f.yaml:2:7")
    assert "not a block list" in str(flow.value)
    with pytest.raises(EditError, match="not a one-line value") as block:
        doc.replace(doc.at(["text"]), "x", "text")
    problem = block.value.problem("NAP100")
    assert (problem.file, problem.line, problem.column) == ("f.yaml", 3, 7)
    with pytest.raises(EditError, match="no 'missing' found"):
        doc.at(["missing"])
    with pytest.raises(EditError, match="no item 3 found"):
        doc.at(["list", 2])
    assert doc.text() == "a: 1\nlist: [x, y]\ntext: |\n  two\n  lines\n"


@pytest.mark.parametrize(
    ("text", "where"), [("", ""), ("a: [\n", "f.yaml:2:1"), ("a: 1\n---\nb: 2\n", "f.yaml:2:1")]
)
def test_what_is_no_yaml_is_refused(text: str, where: str) -> None:
    with pytest.raises(EditError) as error:
        TextEdit(text, "f.yaml")
    assert error.value.where == (where or "f.yaml")
