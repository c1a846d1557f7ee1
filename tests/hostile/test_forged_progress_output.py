"""Class 7, forged output: what a checklist, a sheet or a file name holds reaches a
terminal or a CI log only through printable(); header fields are printable text like
--date; `napctl new` checks its options by the text rules of validate (issue 26)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT

PLAN = "lu-2018-2023"
HEADER = "<!-- napctl:checklist kind=checklists title=MAEE%20D5 plan=lu-2018-2023 year=2020 -->"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "examples" / "progress", tmp_path / "progress")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--plans", str(PLANS)])
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout, result.stderr


def assert_clean(*outputs: str) -> None:
    for text in outputs:
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text, text
        assert not any(line.startswith("::") for line in text.splitlines()), text


def rendered_with_value(repo: Path) -> Path:
    code, _, err = run("checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020")
    assert code == 0, err
    page = repo / "checklists" / "lu" / "maee-d5.md"
    text = page.read_text(encoding="utf-8")
    at = text.index("    - Value:", text.index("**II.3.1**"))
    page.write_text(text[:at] + "    - Value: 3 sessions" + text[at + 12 :], encoding="utf-8")
    return page


@pytest.mark.parametrize("field", ["date=2020%1B%5B2J", "date=x%0A::error::forged"])
def test_a_header_field_with_control_characters_is_not_spread(field: str, repo: Path) -> None:
    page = rendered_with_value(repo)
    text = page.read_text(encoding="utf-8")
    key = field.split("=")[0]
    head = (
        HEADER.replace(" -->", f" {field} -->")
        if key == "date"
        else HEADER.replace("title=MAEE%20D5", field)
    )
    page.write_text(text.replace(HEADER, head), encoding="utf-8")
    siblings = {p: p.read_bytes() for p in page.parent.glob("*.md") if p != page}
    before = (repo / "progress" / "lu-2018-2023" / "2020" / "maee-d5.yaml").read_bytes()
    code, out, err = run("progress", "import", "checklists/lu/maee-d5.md", "--year", "2020")
    # validated as --date is (issue 26, class 7): refused at its position, nothing done
    assert code == 2, err
    assert_clean(out, err)
    assert f"checklists/lu/maee-d5.md:2:83: the header's {key}= must be printable text" in err
    assert "rendered" not in out
    assert (repo / "progress" / "lu-2018-2023" / "2020" / "maee-d5.yaml").read_bytes() == before
    for path, data in siblings.items():
        assert path.read_bytes() == data  # nothing spread into the siblings


def test_a_header_title_with_a_bidi_override_names_no_department(repo: Path) -> None:
    """The header's title says which department the checklist writes for: a forged one
    names none, so nothing is imported, and the message shows it escaped."""
    page = rendered_with_value(repo)
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(HEADER, HEADER.replace("title=MAEE%20D5", "title=MAEE%20D5%E2%80%AE")),
        encoding="utf-8",
    )
    before = {p: p.read_bytes() for p in (repo / "progress").rglob("*.yaml")}
    code, out, err = run("progress", "import", "checklists/lu/maee-d5.md", "--year", "2020")
    assert code == 2
    assert_clean(out, err)
    assert "the header's title= must be printable text" in err and "'MAEE D5\\u202e'" in err
    assert {p: p.read_bytes() for p in (repo / "progress").rglob("*.yaml")} == before


def test_progress_init_shows_a_folder_name_escaped(repo: Path) -> None:
    code, out, err = run(
        "progress", "init", "--plan", PLAN, "--year", "2021", "--out", "p\x1b[31m\n::warning::x"
    )
    assert code == 0, err
    assert_clean(out, err)
    assert "created p\\x1b[31m\\x0a::warning::x/lu-2018-2023/2021/maee-d5.yaml" in out


@pytest.mark.parametrize(
    ("option", "value", "shown"),
    [
        ("--title", "Plan\x1b[2J", "\\x1b (U+001B)"),
        ("--title", "Plan\u202eevil", "\\u202e (U+202E)"),
        ("--country-name", "France\x00", "\\x00 (U+0000)"),
        ("--language", "en\x07", "\\x07 (U+0007)"),
        ("--title", "Plan\u2028national", "\\u2028 (U+2028)"),
    ],
)
def test_new_refuses_what_validate_would(option: str, value: str, shown: str, repo: Path) -> None:
    options = {
        "--country": "FR",
        "--title": "Plan",
        "--period": "2021-2025",
        "--out": "plans",
        option: value,
    }
    args = ["new", "fr-2021-2025", *(w for pair in options.items() for w in pair)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert (
        f"napctl: error: {option}: NAP211 text holds the control character {shown}" in result.stderr
    )
    assert not (repo / "plans" / "fr-2021-2025.yaml").exists()


def test_new_keeps_a_title_with_a_line_break_valid(repo: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "new",
            "fr-2021-2025",
            "--country",
            "FR",
            "--title",
            "Plan\nnational",
            "--period",
            "2021-2025",
        ],
    )
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["validate", "plans/fr-2021-2025.yaml"])
    assert result.exit_code == 0, result.output


def sheet_with(repo: Path, cells: dict[str, str]) -> Path:
    import csv

    code, _, err = run(
        "export",
        "--plan",
        PLAN,
        "--actor",
        "MAEE D5",
        "--year",
        "2020",
        "-f",
        "csv",
        "-o",
        "sheet.csv",
    )
    assert code == 0, err
    with open(repo / "sheet.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    head = rows[0]
    for column, value in cells.items():
        rows[1][head.index(column)] = value
    with open(repo / "typed.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return repo / "typed.csv"


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        ("ongo\x1b[2Jing\n::error::x", "ongo\\x1b[2Jing\\x0a::error::x"),
        ("done\x1b]8;;https://e/\x07", "done\\x1b]8;;https://e/\\x07"),
        ("\u202egniogno", "\\u202egniogno"),
    ],
)
def test_a_status_word_reaches_the_log_escaped(status: str, shown: str, repo: Path) -> None:
    sheet = sheet_with(repo, {"Status": status})
    code, out, err = run("progress", "import", sheet.name, "--year", "2020")
    assert code == 1
    assert_clean(out, err)
    assert f'typed.csv:S2: I.3.1: unknown status "{shown}"; one of not-reported' in err
