"""The committed JSON Schema matches the model, and plan files point editors at it."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from typer.testing import CliRunner

from napctl.cli import app
from napctl.model.schema import schema_json
from tests.conftest import EXAMPLES, PLANS, ROOT

COMMITTED = ROOT / "schema" / "plan.schema.json"


def test_committed_schema_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_json(), (
        "schema/plan.schema.json is stale: run `napctl schema -o schema/plan.schema.json`"
    )


def test_schema_command_prints_it(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Plan"
    assert schema["additionalProperties"] is False
    assert "pillars" in schema["required"]


def test_schema_command_writes_a_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    assert runner.invoke(app, ["schema", "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == schema_json()


def test_every_plan_points_editors_at_the_schema() -> None:
    files = sorted(PLANS.glob("*.yaml")) + [EXAMPLES / "positive" / "minimal.yaml"]
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path}: first line must be the yaml-language-server schema line"
        assert (path.parent / match.group(1)).resolve() == COMMITTED.resolve()


def test_schema_accepts_the_valid_examples() -> None:
    """check-jsonschema, an independent validator, agrees with napctl on valid files."""
    files = [str(p) for p in sorted((EXAMPLES / "positive").glob("*.yaml"))]
    files += [str(p) for p in sorted(PLANS.glob("*.yaml"))]
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(COMMITTED), *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pre_commit_hook_runs_on_matching_files(tmp_path: Path) -> None:
    """The plans hook as pre-commit would call it: entry + the files its pattern selects
    (tests/adoption/test_pre_commit.py runs both hooks through pre-commit itself)."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = [h for h in hooks if h["id"] == "napctl-validate"]
    pattern = re.compile(hook["files"])
    plans = tmp_path / "plans"
    plans.mkdir()
    good = plans / "good.yaml"
    good.write_text((EXAMPLES / "positive" / "minimal.yaml").read_text())
    bad = plans / "bad.yaml"
    bad.write_text((EXAMPLES / "negative" / "duplicate-key.yaml").read_text())
    (tmp_path / "other.yaml").write_text("- not a plan\n")
    chosen = [
        str(p.relative_to(tmp_path))
        for p in sorted(tmp_path.rglob("*.yaml"))
        if pattern.search(str(p.relative_to(tmp_path)))
    ]
    assert chosen == ["plans/bad.yaml", "plans/good.yaml"]
    entry = shlex.split(hook["entry"])
    assert entry[0] == "napctl"
    cmd = [sys.executable, "-m", "napctl", *entry[1:], *chosen]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert proc.stdout.startswith("plans/bad.yaml:8:1: NAP110 duplicate key 'language'")
    only_good = [sys.executable, "-m", "napctl", *entry[1:], "plans/good.yaml"]
    proc = subprocess.run(only_good, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout
