"""Issue 19: messages for the mistakes people really make, through `napctl validate`.

The YAML cases (a quote then more text, a colon in a value, a tab, one space too
many, `#` in a value) are hostile cases with their expected text in
tests/hostile/cases.yaml; these are the rest.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.locations import ordinal, spoken_location
from tests.conftest import EXAMPLES, MINIMAL, ROOT, write

NEGATIVE = EXAMPLES / "negative"


def _validate(runner: CliRunner, path: Path) -> str:
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    return result.stdout


def test_duplicate_id_names_the_first_use_with_its_line(runner: CliRunner) -> None:
    assert _validate(runner, NEGATIVE / "duplicate-id.yaml") == (
        f"{NEGATIVE / 'duplicate-id.yaml'}:57:13: NAP300 goal id 'P1.1' is already used by"
        " a goal on line 42\n"
    )


def test_duplicate_action_id_says_an_action(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "p.yaml", MINIMAL.read_text().replace("- id: P1.1.2", "- id: P1.1.1"))
    assert "NAP300 action id 'P1.1.1' is already used by an action on line 45" in _validate(
        runner, path
    )


def test_duplicate_key_says_where_the_first_is(runner: CliRunner) -> None:
    assert "NAP110 duplicate key 'language' (first on line 7): a key may appear once" in _validate(
        runner, NEGATIVE / "duplicate-key.yaml"
    )


def test_locations_read_as_a_person_says_them(runner: CliRunner, tmp_path: Path) -> None:
    assert "NAP202 action P1.1.2, indicators: expected a list" in _validate(
        runner, NEGATIVE / "wrong-type-list.yaml"
    )
    blank = write(
        tmp_path,
        "d.yaml",
        MINIMAL.read_text().replace("    name: Ministry of the Interior", "    name: ' '"),
    )
    assert "NAP205 the 5th department (INT), name: text must not be empty" in _validate(
        runner, blank
    )
    assert "pillars." not in _validate(runner, NEGATIVE / "blank-text.yaml")


def test_spoken_location_without_ids() -> None:
    data = {"pillars": [{"goals": [{"id": "G", "actions": [{}, {"text": ""}]}]}]}
    assert (
        spoken_location(data, ("pillars", 0, "goals", 0, "actions", 1, "text"))
        == "goal G, the 2nd action, text"
    )
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "101st",
    ]


def test_the_format_document_example_is_valid_yaml() -> None:
    doc = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    title = re.search(r"^title: .*$", doc, re.MULTILINE)
    assert title is not None
    assert yaml.safe_load(title.group(0)) == {
        "title": '"Women and Peace and Security" National Action Plan 2018-2023'
    }
