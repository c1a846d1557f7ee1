"""Entry edits of progress files, made with the one YAML editor."""

from __future__ import annotations

import pytest
import yaml

from napctl.progress.edit import EntryEdit, apply_edit
from napctl.yaml.edit import EditError

ENTRY = (
    "actions:\n  - id: A\n    status: ongoing\n    indicators:\n"
    "      - indicator: 1\n        value: 3\n"
)


def test_a_new_key_and_a_new_indicator_of_one_entry_go_in_nesting_order() -> None:
    new = apply_edit(ENTRY, EntryEdit("A", texts={"summary": "x"}, indicators={2: (5, "p")}))
    assert new == ENTRY + (
        "      - indicator: 2\n        value: 5\n        unit: p\n    summary: x\n"
    )
    assert yaml.safe_load(new)["actions"][0]["summary"] == "x"


def test_indentless_indicators_in_a_cr_file_without_a_final_line_break() -> None:
    text = (
        ENTRY.replace("      -", "    -")
        .replace("        v", "      v")
        .replace("\n", "\r")
        .removesuffix("\r")
    )
    new = apply_edit(text, EntryEdit("A", texts={"summary": "1e3"}, indicators={2: (5, "no")}))
    assert new == text + (
        '\r    - indicator: 2\r      value: 5\r      unit: "no"\r    summary: "1e3"'
    )


def test_refusals_name_the_line_and_column() -> None:
    with pytest.raises(EditError) as error:
        apply_edit(
            ENTRY.replace("status: ongoing", "status: |\n      long"),
            EntryEdit("A", texts={"status": "completed"}),
            "p.yaml",
        )
    assert error.value.where == "p.yaml:3:13"
