"""`napctl progress init`: new files, and re-runs that only ever add what is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.corpus import load_corpus
from napctl.model import Plan, plan_from_trusted
from napctl.model.registry import registry_index
from napctl.progress.init import InitError, append_missing, init_reports
from napctl.yaml.edit import EditError, scalar
from tests.conftest import PLANS, ROOT

LU = PLANS / "lu-2018-2023.yaml"


@pytest.fixture(scope="module")
def lu() -> Plan:
    return load_corpus([str(LU)]).plans[0].plan


def test_init_every_department_of_both_plans_then_validate(runner: CliRunner, in_tmp: Path) -> None:
    shutil.copytree(PLANS, in_tmp / "plans")
    for plan, year in (("lu-2018-2023", 2020), ("be-2013-2016", 2015)):
        result = runner.invoke(
            app, ["progress", "init", "--plans", "plans", "--plan", plan, "--year", str(year)]
        )
        assert result.exit_code == 0, result.output
    files = sorted(p.relative_to(in_tmp).as_posix() for p in in_tmp.rglob("progress/**/*.yaml"))
    # Every department with something to report: LU 26; BE 11 less the FPS node, which
    # no line names (Foreign Affairs and Development report for themselves).
    assert len(files) == 26 + 10
    assert "progress/lu-2018-2023/2020/maee-d5.yaml" in files
    assert "progress/be-2013-2016/2015/interior-federal-police.yaml" in files
    result = runner.invoke(app, ["validate", "--plans", "plans"])
    assert result.exit_code == 0, result.output
    assert "38 files checked: all valid" in result.stderr
    # Every entry says not-reported: napctl never invents a status.
    data = yaml.safe_load((in_tmp / files[-1]).read_text(encoding="utf-8"))
    assert {e["status"] for e in data["actions"]} == {"not-reported"}


def test_new_file_lists_the_departments_actions_with_comments(lu: Plan, tmp_path: Path) -> None:
    result = init_reports(lu, 2020, tmp_path / "progress", {"MAEE D5"})
    (path,) = result.created
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    index = registry_index(lu)
    assert [e["id"] for e in data["actions"]] == index.duties["MAEE D5"]
    assert (data["plan"], data["year"], data["department"]) == ("lu-2018-2023", 2020, "MAEE D5")
    # No schema/ folder in this repository: the published schema, which works anywhere.
    assert text.splitlines()[0] == (
        "# yaml-language-server: $schema=https://napctl"
        ".readthedocs.io/en/stable/schema/progress-1.schema.json"
    )
    assert "  # I.3.1: Career guidance initiatives" in text
    assert "  #   indicator 1: Initiatives/number of participants\n" in text


def test_schema_line_finds_the_repositorys_schema(lu: Plan) -> None:
    path = ROOT / "examples" / "progress" / "lu-2018-2023" / "2020" / "mega.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    target = first.split("$schema=", 1)[1]
    assert (path.parent / target).resolve() == ROOT / "schema" / "progress.schema.json"


def filled(plan: Plan, tmp_path: Path) -> Path:
    (path,) = init_reports(plan, 2020, tmp_path, {"SRE"}).created
    text = path.read_text(encoding="utf-8")
    # A department fills an entry, adds its own comments and drops an action it reported
    # elsewhere (init must add it back at the end, and touch nothing else).
    text = text.replace(
        "  - id: II.1.1\n    status: not-reported\n",
        "  - id: II.1.1\n    status: ongoing   # our note\n"
        "    summary: |\n      Two lines\n      of text.\n\n",
    )
    start = text.index("  # III.1.4")
    text = text[:start] + "# a closing remark of ours\n"
    path.write_text(text, encoding="utf-8")
    return path


def test_rerun_keeps_every_byte_and_adds_only_what_is_missing(lu: Plan, tmp_path: Path) -> None:
    path = filled(lu, tmp_path)
    before = path.read_bytes()
    result = init_reports(lu, 2020, tmp_path, {"SRE"})
    assert result.extended == [(path, ["III.1.4"])]
    after = path.read_bytes()
    assert after.startswith(before)
    added = after[len(before) :].decode()
    assert added.startswith("  # III.1.4: Promote the broadest definition")
    assert added.endswith("  - id: III.1.4\n    status: not-reported\n")
    data = yaml.safe_load(after)
    assert [e["id"] for e in data["actions"]] == ["II.1.1", "II.11.1", "III.1.4"]
    # A third run has nothing to add: the file stays byte-identical.
    again = init_reports(lu, 2020, tmp_path, {"SRE"})
    assert again.unchanged == [path] and path.read_bytes() == after


def test_rerun_inserts_before_later_top_level_keys(lu: Plan) -> None:
    index = registry_index(lu)
    text = (
        "plan: lu-2018-2023\r\nyear: 2020\r\ndepartment: SRE\r\nactions:\r\n"
        "- id: II.1.1\r\n  status: ongoing\r\n  summary: done\r\nnotes: [ours]\r\n"
    )
    new, added = append_missing("\ufeff" + text, lu, index, "SRE")
    assert added == ["II.11.1", "III.1.4"]
    head, tail = text.split("notes:")
    assert new.startswith("\ufeff" + head) and new.endswith("notes:" + tail)
    inserted = new[len(head) + 1 : -len("notes:" + tail)]
    assert "\r\n" in inserted and "\n" not in inserted.replace("\r\n", "")
    assert "- id: II.11.1\r\n  status: not-reported\r\n" in inserted  # the file's own indent
    assert yaml.safe_load(new.lstrip("\ufeff"))["notes"] == ["ours"]


def test_file_without_final_newline(lu: Plan) -> None:
    text = (
        "plan: lu-2018-2023\nyear: 2020\ndepartment: SRE\nactions:\n  - id: II.1.1\n"
        "    status: ongoing"
    )
    new, _ = append_missing(text, lu, registry_index(lu), "SRE")
    assert new.startswith(text + "\n  # II.11.1")
    assert len(yaml.safe_load(new)["actions"]) == 3


@pytest.mark.parametrize(
    "text",
    [
        "plan: lu-2018-2023\nactions: [{id: II.1.1, status: ongoing}]\n",
        "plan: lu-2018-2023\nactions:\n",
        "a: 1\na: 2\n",
        "actions: [\n",
    ],
)
def test_refuses_what_it_cannot_extend_without_rewriting(lu: Plan, text: str) -> None:
    with pytest.raises(EditError):
        append_missing(text, lu, registry_index(lu), "SRE")


def test_cli_reports_refused_files_and_leaves_them(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "lu-2018-2023" / "2020"
    folder.mkdir(parents=True)
    broken = folder / "sre.yaml"
    broken.write_bytes(b"actions: [\n\xff")
    result = runner.invoke(
        app,
        [
            "progress",
            "init",
            "--plans",
            str(PLANS),
            "--plan",
            "lu-2018-2023",
            "--year",
            "2020",
            "--actor",
            "SRE",
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 1
    assert "left" in result.stderr and "sre.yaml" in result.stderr
    assert broken.read_bytes() == b"actions: [\n\xff"


def test_cli_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    base = ["progress", "init", "--plans", str(PLANS), "--out", str(tmp_path)]
    result = runner.invoke(app, [*base, "--plan", "lu-2018-2023", "--year", "2031"])
    assert result.exit_code == 2
    assert "2031 is outside plan 'lu-2018-2023': 2018-2023 (reports accepted until 2025)" in (
        result.stderr
    )
    result = runner.invoke(
        app, [*base, "--plan", "lu-2018-2023", "--year", "2020", "--actor", "MAEE D9"]
    )
    assert result.exit_code == 2 and "unknown actor" in result.stderr
    # "lu-2018" is a unique prefix of lu-2018-2023 (issue 19): a typo is suggested instead
    result = runner.invoke(app, [*base, "--plan", "lu-2019", "--year", "2020"])
    assert result.exit_code == 2 and "did you mean 'lu-2018-2023'" in result.stderr
    assert not any(tmp_path.iterdir())


def test_actor_parent_includes_its_units(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "progress",
            "init",
            "--plans",
            str(PLANS),
            "--plan",
            "lu-2018-2023",
            "--year",
            "2020",
            "--actor",
            "MSI",
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "lu-2018-2023" / "2020").iterdir())
    assert names == ["msi-grand-ducal-police.yaml", "msi.yaml"]


@pytest.mark.parametrize(
    "text",
    [
        "9",
        "1.10",
        "NO",
        "yes",
        "a: b",
        "x #y",
        "null",
        "MAEE D5",
        "MIFA/OLAI",
        "RP Genève",
        "'q'",
        "line\nbreak",
        " lead",
    ],
)
def test_scalars_read_back_as_written(text: str) -> None:
    assert yaml.safe_load(f"k: {scalar(text)}") == {"k": text}


def test_refuses_two_departments_with_one_file_name(tmp_path: Path) -> None:
    text = (
        (ROOT / "tests" / "example-files" / "positive" / "minimal.yaml")
        .read_text(encoding="utf-8")
        .replace("  - code: INT\n", "  - code: MFA-D1\n    name: X\n  - code: INT\n")
    )
    plan_file = tmp_path / "p.yaml"
    plan_file.write_text(text, encoding="utf-8")
    # validate refuses such a plan (NAP315); init refuses it all the same when asked.
    assert [p.code for p in load_corpus([str(plan_file)]).problems] == ["NAP315"]
    plan = plan_from_trusted(yaml.safe_load(text))
    with pytest.raises(InitError, match=r"would share the file mfa-d1\.yaml"):
        init_reports(plan, 2021, tmp_path / "progress")
    assert not (tmp_path / "progress").exists()


def test_a_folder_where_a_file_should_be_is_left_alone(lu: Plan, tmp_path: Path) -> None:
    (tmp_path / "lu-2018-2023" / "2020" / "sre.yaml").mkdir(parents=True)
    result = init_reports(lu, 2020, tmp_path, {"SRE"})
    assert [(p.name, why.startswith("it cannot be read")) for p, why in result.refused] == [
        ("sre.yaml", True)
    ]
