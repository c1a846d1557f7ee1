"""Issue 19, files napctl writes: permissions follow the umask or the replaced file, and
output paths follow one rule (tests/hostile/outputs.yaml)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.fsutil import atomic_write
from tests.conftest import PLANS

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "hostile" / "outputs.yaml").read_text()
)["cases"]


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("case", CASES, ids=[" ".join(c["args"][:3]) for c in CASES])
def test_output_path_case(case: dict[str, Any], runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "case"
    out.mkdir()
    for name, content in (case.get("before") or {}).items():
        if content == "dir":
            (out / name).mkdir()
        else:
            (out / name).write_text(content)
    args = [a.replace("{out}", str(out)).replace("{plans}", str(PLANS)) for a in case["args"]]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result
    assert result.exit_code == case["expect"], result.stderr
    if "stderr" in case:
        assert result.stderr == case["stderr"].replace("{out}", str(out))
    for name in case.get("writes", []):
        assert (out / name).is_file()


def test_new_files_follow_the_umask(runner: CliRunner, tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "plan.schema.json"
    assert runner.invoke(app, ["schema", "-o", str(target)]).exit_code == 0
    assert _mode(target) == 0o644
    checklists = tmp_path / "checklists"
    assert (
        runner.invoke(
            app, ["checklists", "--plans", str(PLANS), "--out", str(checklists)]
        ).exit_code
        == 0
    )
    assert {_mode(p) for p in checklists.rglob("*") if p.is_file()} == {0o644}


def test_replaced_files_keep_their_mode(runner: CliRunner, tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "report.md"
    target.write_text("old\n")
    target.chmod(0o664)
    result = runner.invoke(
        app,
        ["render", "report", "--plans", str(PLANS), "--plan", "lu-2018-2023", "-o", str(target)],
    )
    assert result.exit_code == 0, result.stderr
    assert _mode(target) == 0o664
    assert target.read_text() != "old\n"


def test_atomic_write_under_a_strict_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        atomic_write(tmp_path / "a" / "b.txt", "x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "a" / "b.txt") == 0o600
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["b.txt"]  # no temporary left
