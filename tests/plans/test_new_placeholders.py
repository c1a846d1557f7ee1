"""`napctl new`: its placeholders are warnings until replaced; COORD may be replaced before
the import; the schema it links exists."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import ROOT

NEW = ["new", "ci-2024-2028", "--country", "CI", "--title", "Plan 1325", "--period", "2024-2028"]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> Path:
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, NEW).exit_code == 0
    return tmp_path / "plans" / "ci-2024-2028.yaml"


def test_placeholders_are_positioned_warnings(fresh: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "plans"])
    assert result.exit_code == 0
    codes = [
        line.split(": ")[1].split()[0] for line in result.stdout.splitlines() if ": NAP" in line
    ]
    assert codes == ["NAP360"] * 6 + ["NAP362"]
    assert "plans/ci-2024-2028.yaml:37:14: NAP360 warning: source.publisher" in result.stdout


def test_coord_replaced_before_the_import(fresh: Path, runner: CliRunner) -> None:
    fresh.write_text(fresh.read_text("utf-8").replace("COORD", "MFFE"), "utf-8")
    table = fresh.parent.parent / "m.csv"
    table.write_text("Axe,Objectif,Activité,Acteurs\nAXE 4. RELÈVEMENT,Objectif,Former,MFFE\n")
    result = runner.invoke(app, ["import", str(table), "--plan", "ci-2024-2028"])
    assert result.exit_code == 0, result.stderr
    text = fresh.read_text("utf-8")
    assert "Pillar title as printed" not in text  # the skeleton was replaced
    assert "relief-and-recovery" in text
    warnings = runner.invoke(app, ["validate", "plans"]).stdout
    assert "NAP362" not in warnings


def _link(path: Path) -> str:
    return path.read_text("utf-8").splitlines()[0].split("$schema=", 1)[1]


def test_the_schema_link_resolves(fresh: Path, tmp_path: Path, runner: CliRunner) -> None:
    published = json.loads((ROOT / "schema" / "plan.schema.json").read_text("utf-8"))["$id"]
    assert _link(fresh) == published  # no repository: the URL the docs site publishes
    repo = tmp_path / "repo"
    (repo / "schema").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "schema" / "plan.schema.json").write_text("{}")
    result = runner.invoke(app, [*NEW, "--out", str(repo / "plans")])
    assert result.exit_code == 0
    made = repo / "plans" / "ci-2024-2028.yaml"
    assert (made.parent / _link(made)).resolve() == (repo / "schema" / "plan.schema.json")
