"""`napctl validate`: formats, exit codes, discovery, messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import EXAMPLES, MINIMAL, PLANS, write

UNKNOWN_FIELD = EXAMPLES / "negative" / "unknown-field.yaml"
IMPLICIT = EXAMPLES / "negative" / "implicit-bool.yaml"


def test_valid_file_exits_0_and_says_so(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(MINIMAL)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "1 file checked: all valid\n"


def test_text_format_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(UNKNOWN_FIELD)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{UNKNOWN_FIELD}:5:1: NAP201 unknown field 'contry' (did you mean 'country'?)\n"
    )


def test_json_format(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--format", "json", str(IMPLICIT)])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "file": str(IMPLICIT),
            "line": 4,
            "column": 10,
            "code": "NAP203",
            "level": "error",
            "message": "'NO' is read by YAML as a boolean, not text;"
            ' quote it if it is text: "NO"',
        }
    ]


def test_json_format_when_valid_is_an_empty_list(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "-f", "json", str(MINIMAL)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_github_format(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--format", "github", str(UNKNOWN_FIELD)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"::error file={UNKNOWN_FIELD},line=5,col=1,title=NAP201::"
        "NAP201 unknown field 'contry' (did you mean 'country'?)\n"
    )


def test_github_format_escapes_properties_and_data(tmp_path: Path, runner: CliRunner) -> None:
    bad = write(tmp_path, "a,b:c.yaml", "- 100%\n")
    result = runner.invoke(app, ["validate", "--format", "github", str(bad)])
    assert result.exit_code == 1
    assert "file=" + str(bad).replace(":", "%3A").replace(",", "%2C") + ",line=1," in (
        result.stdout
    )


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "does-not-exist.yaml"],
        ["validate", "--format", "xml"],
        ["validate", "--no-such-option"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(args: list[str], runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_empty_folder_is_a_usage_error(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "empty").mkdir()
    result = runner.invoke(app, ["validate", "empty"])
    assert result.exit_code == 2
    assert "no plan files found" in result.stderr


def test_default_is_local_plans_folder(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "plans").mkdir()
    (in_tmp / "plans" / "x.yaml").write_text(MINIMAL.read_text())
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert result.stderr == "1 file checked: all valid\n"


def test_env_var_overrides_local_folder(
    runner: CliRunner, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (in_tmp / "plans").mkdir()
    (in_tmp / "plans" / "broken.yaml").write_text("- not a plan\n")
    monkeypatch.setenv("NAPCTL_PLANS", str(MINIMAL))
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output


def test_plans_option_overrides_env(
    runner: CliRunner, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAPCTL_PLANS", str(UNKNOWN_FIELD))
    result = runner.invoke(app, ["validate", "--plans", str(MINIMAL)])
    assert result.exit_code == 0, result.output


def test_without_local_plans_the_bundled_plans_are_used(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(app, ["validate"])
    bundled = sorted(PLANS.glob("*.yaml"))
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "napctl: using the plans bundled with napctl (no ./plans here; --plans PATH names"
        f" yours)\n{len(bundled)} file{'s' if len(bundled) != 1 else ''} checked: all valid\n"
    )


def test_duplicate_plan_id_across_files(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", MINIMAL.read_text())
    write(tmp_path, "b.yaml", MINIMAL.read_text())
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{tmp_path}/b.yaml:2:5: NAP309 plan id 'xx-2020-2022' is already used by"
        f" {tmp_path}/a.yaml\n"
    )


def test_max_bytes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--max-bytes", "100", str(MINIMAL)])
    assert result.exit_code == 1
    assert "NAP102" in result.stdout and "over the limit of 100 bytes" in result.stdout


def test_module_entry_point_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "napctl", "validate", str(MINIMAL)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "1 file checked: all valid\n"


def test_version(runner: CliRunner) -> None:
    from napctl import __version__

    result = runner.invoke(app, ["--version"])
    assert result.stdout == f"napctl {__version__}\n"


def test_github_annotations_are_only_those_github_knows(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from napctl.core.codes import TABLE, Code

    bad = str(EXAMPLES / "negative" / "unknown-department.yaml")
    result = runner.invoke(app, ["validate", "-f", "github", bad])
    assert result.exit_code == 1 and result.stdout.startswith("::error file=")
    # A code of level info (advice) is a notice, never an ::info line GitHub ignores.
    monkeypatch.setitem(TABLE, "NAP301", Code("info", TABLE["NAP301"].meaning))
    result = runner.invoke(app, ["validate", "-f", "github", bad])
    assert result.exit_code == 0
    assert result.stdout.startswith("::notice file=") and "title=NAP301::" in result.stdout
    assert "::info" not in result.stdout
    # and its text line says its level, as review's findings do
    assert runner.invoke(app, ["validate", bad]).stdout == (
        f"{bad}:48:27: NAP301 info: unknown department 'DEFF' (did you mean 'DEF'?)\n"
    )
