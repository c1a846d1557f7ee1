"""Checklists with progress: golden files, the import round trip, conflicts, --check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from napctl.cli import app
from napctl.progress.edit import EntryEdit, apply_edit
from napctl.yaml.edit import EditError
from tests.conftest import PLANS, ROOT
from tests.render.test_render import compare_golden

EXAMPLE = ROOT / "examples" / "progress"
PLAN = "lu-2018-2023"
D5 = Path("progress") / PLAN / "2020" / "maee-d5.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A coordinator's repository: the example progress files, checklists rendered for 2020."""
    shutil.copytree(EXAMPLE, tmp_path / "progress")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--plans", str(PLANS)])
    return result.exit_code, result.stdout, result.stderr


def render_all(runner: CliRunner) -> None:
    code, _, err = run(
        runner, "checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020"
    )
    assert code == 0, err


def check(runner: CliRunner) -> tuple[int, str, str]:
    return run(
        runner, "checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020", "--check"
    )


def edit_item(text: str, action: str, old: str, new: str) -> str:
    """Replace the first ``old`` after ``action``'s item line, as a person typing would."""
    start = text.index(f"**{action}**")
    at = text.index(old, start)
    return text[:at] + new + text[at + len(old) :]


def tick(text: str, action: str) -> str:
    return text.replace(f"- [ ] **{action}**", f"- [x] **{action}**", 1)


def web_editor(text: str) -> bytes:
    """What a browser's text area sends back: CRLF line ends."""
    return text.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_checklist_with_progress_golden(fmt: str, runner: CliRunner) -> None:
    code, out, err = run(
        runner,
        "render",
        "checklist",
        "--actor",
        "MAEE D5",
        "--plan",
        PLAN,
        "--year",
        "2020",
        "--progress",
        str(EXAMPLE),
        "-f",
        fmt,
    )
    assert code == 0, err
    compare_golden(f"checklist-{PLAN}-maee-d5-2020.{fmt}", out)
    if fmt == "md":
        assert "- [x] **II.4.1**" in out and "- [ ] **II.2.3**" in out
        assert "  - Status: delayed" in out and "  - Summary: One session for new staff." in out
        assert "    - Value: 3 initiatives" in out  # IV.3.1, reported so far


def test_round_trip_through_a_web_editor(repo: Path, runner: CliRunner) -> None:
    render_all(runner)
    before = {p: p.read_bytes() for p in (repo / "progress").rglob("*.yaml")}
    page = repo / "checklists" / "lu" / "maee-d5.md"
    text = page.read_text(encoding="utf-8")
    text = tick(text, "II.1.1")
    text = edit_item(text, "II.1.1", "  - Summary:", "  - Summary: Statement on 19 June ")
    text = edit_item(text, "II.3.1", "    - Value:", "    - Value: 3 sessions ")
    page.write_bytes(web_editor(text))

    code, out, err = check(runner)
    assert code == 1
    assert "checklists/lu/maee-d5.md:26: II.1.1 is ticked but not reported completed" in out
    assert (
        "checklists/lu/maee-d5.md:51: II.3.1 has a value for indicator 1 that is not"
        " reported" in out
    )
    assert "napctl progress import checklists/lu/maee-d5.md --year 2020" in err
    assert "stale" not in out  # never "regenerate" a file that holds work

    code, out, err = run(runner, "progress", "import", "checklists/lu/maee-d5.md", "--year", "2020")
    assert code == 0, err
    assert f"{D5}:26:13: II.1.1 status: 'completed'" in out
    assert f"{D5}:27:14: II.1.1 Summary: 'Statement on 19 June'" in out
    old = before[repo / D5].decode("utf-8")
    expected = old.replace(
        "  - id: II.1.1\n    status: not-reported\n",
        "  - id: II.1.1\n    status: completed\n    summary: Statement on 19 June\n",
    ).replace(
        "    summary: One session for new staff.\n",
        "    summary: One session for new staff.\n    indicators:\n      - indicator: 1\n"
        "        value: 3\n        unit: sessions\n",
    )
    assert (repo / D5).read_text(encoding="utf-8") == expected
    for path, data in before.items():
        if path != repo / D5:
            assert path.read_bytes() == data, path  # no other byte changed
    code, _, err = check(runner)
    assert code == 0, err
    # importing again changes nothing
    code, out, err = run(runner, "progress", "import", "checklists/lu/maee-d5.md")
    assert code == 0 and (repo / D5).read_text(encoding="utf-8") == expected


def test_a_tick_on_an_entry_edited_since_is_a_conflict(repo: Path, runner: CliRunner) -> None:
    render_all(runner)
    page = repo / "checklists" / "lu" / "maee-d5.md"
    page.write_text(tick(page.read_text(encoding="utf-8"), "II.1.1"), encoding="utf-8")
    yaml_text = (
        (repo / D5)
        .read_text(encoding="utf-8")
        .replace(
            "  - id: II.1.1\n    status: not-reported\n",
            "  - id: II.1.1\n    status: ongoing\n    summary: Meanwhile, in the YAML.\n",
        )
    )
    (repo / D5).write_text(yaml_text, encoding="utf-8")
    checklist_before = page.read_bytes()
    code, out, err = run(runner, "progress", "import", "checklists/lu/maee-d5.md", "--year", "2020")
    assert code == 1
    assert err.splitlines()[0] == (
        f"checklists/lu/maee-d5.md:26:4: II.1.1 status: the checklist says 'completed',"
        f" {D5}:25:5 now says 'ongoing': the entry changed after the checklist was rendered;"
        " nothing changed for II.1.1"
    )
    assert "1 conflict," in err
    assert (repo / D5).read_text(encoding="utf-8") == yaml_text
    assert page.read_bytes() == checklist_before
    assert out == ""


def test_check_reports_missing_and_left_behind_and_keeps_options(
    repo: Path, runner: CliRunner
) -> None:
    render_all(runner)
    (repo / "checklists" / "lu" / "sre.md").unlink()
    (repo / "checklists" / "lu" / "gone-ministry.md").write_text("# Checklist: gone\n")
    code, out, err = check(runner)
    assert code == 1
    assert "checklists/lu/sre.md: missing" in out
    assert "checklists/lu/gone-ministry.md: left behind" in out
    assert (
        f"run `napctl checklists --out checklists --plan {PLAN} --year 2020 --plans"
        f" {PLANS}` to update them"
    ) in err


def test_an_erased_value_is_never_erased_from_the_file(repo: Path, runner: CliRunner) -> None:
    render_all(runner)
    page = repo / "checklists" / "lu" / "maee-d5.md"
    text = edit_item(
        page.read_text(encoding="utf-8"),
        "II.3.1",
        "  - Summary: One session for new staff.",
        "  - Summary:",
    )
    page.write_text(text, encoding="utf-8")
    before = (repo / D5).read_bytes()
    code, _, err = run(runner, "progress", "import", str(page))
    assert code == 1 and "never deletes" in err
    assert (repo / D5).read_bytes() == before


def test_hostile_progress_text_stays_text(repo: Path, runner: CliRunner) -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://e.x/i.png)"
    text = (
        (repo / D5)
        .read_text(encoding="utf-8")
        .replace("summary: One session for new staff.", f"summary: {hostile!r}".replace("'", '"'))
    )
    (repo / D5).write_text(text, encoding="utf-8")
    code, md, err = run(
        runner, "render", "checklist", "-a", "MAEE D5", "-p", PLAN, "--year", "2020"
    )
    assert code == 0, err
    assert "\\<script\\>" in md and "\\[x\\](javascript:alert(1)) \\!\\[i\\]" in md
    tokens = [t for block in MarkdownIt("commonmark").parse(md) for t in block.children or []]
    assert not [t for t in tokens if t.type in ("link_open", "image")]
    assert {t.content[:14] for t in tokens if t.type == "html_inline"} == {"<!-- napctl: p"}
    code, html, err = run(
        runner, "render", "checklist", "-a", "MAEE D5", "-p", PLAN, "--year", "2020", "-f", "html"
    )
    assert code == 0, err
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_apply_edit_keeps_every_other_byte_of_a_crlf_file() -> None:
    text = (
        "plan: x\r\nactions:\r\n  # a comment\r\n  - id: A.1\r\n    status: ongoing  # why\r\n"
        "  # next\r\n  - id: A.2\r\n    status: not-reported\r\n"
    )
    new = apply_edit(text, EntryEdit("A.1", texts={"status": "completed", "summary": "Done: x"}))
    assert new == text.replace(
        "status: ongoing  # why\r\n", 'status: completed  # why\r\n    summary: "Done: x"\r\n'
    )
    with pytest.raises(EditError):
        apply_edit(
            "actions:\n  - id: A.1\n    status: ongoing\n    summary: |\n      a\n",
            EntryEdit("A.1", texts={"summary": "b"}),
        )


def test_import_creates_a_missing_progress_file_as_init_would(
    repo: Path, runner: CliRunner
) -> None:
    render_all(runner)
    target = repo / "progress" / PLAN / "2020" / "maee-d1.yaml"
    assert not target.exists()
    page = repo / "checklists" / "lu" / "maee-d1.md"
    text = tick(page.read_text(encoding="utf-8"), "II.1.1")
    page.write_text(
        edit_item(text, "II.1.1", "  - Summary:", "  - Summary: Done."), encoding="utf-8"
    )
    code, out, err = run(runner, "progress", "import", str(page))
    assert code == 0, err
    assert out.startswith(f"created {target.relative_to(repo)}\n")
    made = target.read_text(encoding="utf-8")
    assert "  - id: II.1.1\n    status: completed\n    summary: Done.\n" in made
    assert made.count("status: not-reported") == made.count("- id: ") - 1
    code, _, err = run(runner, "validate", "--progress", "progress")
    assert code == 0, err
    assert check(runner)[0] == 0


def test_a_tick_without_a_summary_is_refused_with_the_rule(repo: Path, runner: CliRunner) -> None:
    render_all(runner)
    page = repo / "checklists" / "lu" / "maee-d5.md"
    page.write_text(tick(page.read_text(encoding="utf-8"), "II.1.1"), encoding="utf-8")
    before = (repo / D5).read_bytes()
    code, _, err = run(runner, "progress", "import", str(page))
    assert code == 1 and "NAP407" in err and "give a summary or evidence" in err
    assert (repo / D5).read_bytes() == before


def test_a_tick_in_a_checklist_without_year_is_never_called_stale(
    repo: Path, runner: CliRunner
) -> None:
    run(runner, "checklists", "--out", "checklists", "--plan", PLAN)
    page = repo / "checklists" / "lu" / "maee-d5.md"
    page.write_text(tick(page.read_text(encoding="utf-8"), "II.2.3"), encoding="utf-8")
    code, out, err = run(runner, "checklists", "--out", "checklists", "--plan", PLAN, "--check")
    assert code == 1
    assert out.startswith("checklists/lu/maee-d5.md:") and "II.2.3 is ticked" in out
    assert "maee-d5.md: stale" not in out and "do not regenerate" in err


@pytest.mark.parametrize(
    "marker",
    [
        "plan=%1b%5B31mevil year=2020 dept=SRE id=II.1.1",
        f"plan={PLAN} year=2020 dept=..%2F..%2Fetc id=II.1.1",
        f"plan={PLAN} year=twenty dept=SRE id=II.1.1",
    ],
)
def test_a_forged_marker_is_refused_and_writes_nothing(
    marker: str, repo: Path, runner: CliRunner
) -> None:
    page = repo / "forged.md"
    page.write_text(
        f"- [x] **II.1.1** text <!-- napctl: {marker} status=not-reported"
        " digest=0 shown=0 -->\n  - Summary: x\n",
        encoding="utf-8",
    )
    before = {p: p.read_bytes() for p in (repo / "progress").rglob("*") if p.is_file()}
    code, out, err = run(runner, "progress", "import", str(page))
    assert code == 2 and out == "" and "\x1b" not in err
    assert {p: p.read_bytes() for p in (repo / "progress").rglob("*") if p.is_file()} == before


def test_a_progress_folder_that_does_not_exist_is_a_usage_error(runner: CliRunner) -> None:
    code, _, err = run(
        runner,
        "render",
        "checklist",
        "-a",
        "SRE",
        "-p",
        PLAN,
        "--year",
        "2020",
        "--progress",
        "no-such-folder",
    )
    assert code == 2 and "no such file or folder: no-such-folder" in err
