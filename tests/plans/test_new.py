"""`napctl new`'s placeholder pillar is found whatever line breaks a checkout gave it."""

from __future__ import annotations

from pathlib import Path

import pytest

from napctl.load.corpus import load_file
from napctl.plans.new import SKELETON, NewPlan, plan_text, skeleton_span
from napctl.sheets.edit import import_matrix
from napctl.sheets.read import read_table
from napctl.yaml.safe import parse_yaml

SPEC = NewPlan("xx-2024-2028", "XX", "Plan", 2024, 2028)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_the_placeholder_is_found_in_the_files_line_breaks(newline: str) -> None:
    text = plan_text(SPEC).replace("\n", newline)
    span = skeleton_span(text)
    assert span is not None and text[span[0] : span[1]] == SKELETON.replace("\n", newline)
    assert skeleton_span(text.replace("Pillar title as printed", "Ours")) is None


def test_an_import_replaces_the_placeholder_of_a_crlf_plan(tmp_path: Path) -> None:
    text = plan_text(SPEC).replace("\n", "\r\n")
    plan_file = tmp_path / "xx-2024-2028.yaml"
    plan_file.write_bytes(text.encode("utf-8"))
    plan, problems = load_file(plan_file)
    assert plan is not None and not [p for p in problems if p.level == "error"]  # placeholders warn
    table = tmp_path / "m.csv"
    table.write_text(
        "Pillar id,Pillar,UN pillars,Goal id,Goal,Action,Departments\r\n"
        "I,Participation,participation,I.1,More women,Train them,COORD\r\n",
        "utf-8",
    )
    result = import_matrix(read_table(table), plan, text, str(plan_file), [])
    assert result.problems == [] and result.changed
    assert "napctl:skeleton" not in result.text and "\n" not in result.text.replace("\r\n", "")
    assert result.text.startswith(text[: text.index("pillars:")])
    plan_file.write_bytes(result.text.encode("utf-8"))
    copy, problems = load_file(plan_file)
    assert copy is not None and not [p for p in problems if p.level == "error"]
    assert [p.id for p in copy.pillars] == ["I"]


@pytest.mark.parametrize("title", ["Plan 1e3", "yes", "x\ny", "'q", "a: b"])
def test_texts_given_on_the_command_line_read_back_as_given(title: str) -> None:
    # (A line separator or NEL is refused up front, as validate would: issue 26.)
    text = plan_text(NewPlan("xx-2024-2028", "XX", title, 2024, 2028, country=title))
    data = parse_yaml(text, "xx-2024-2028.yaml").data
    assert data is not None and (data["title"], data["country"]) == (title, title)
