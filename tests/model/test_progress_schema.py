"""The committed progress schema matches the model; editors and other validators agree."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from typer.testing import CliRunner

from napctl.cli import app
from napctl.model.schema import kind_schema_json
from tests.conftest import EXAMPLES, ROOT

COMMITTED = ROOT / "schema" / "progress.schema.json"
VALID = sorted((EXAMPLES / "progress" / "positive").rglob("*.yaml")) + sorted(
    (ROOT / "examples" / "progress").rglob("*.yaml")
)


def test_committed_progress_schema_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == kind_schema_json("progress"), (
        "schema/progress.schema.json is stale: run"
        " `napctl schema --kind progress -o schema/progress.schema.json`"
    )


def test_schema_kind_progress(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema", "--kind", "progress"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "ProgressReport"
    assert schema["required"] == ["plan", "year", "department", "actions"]
    status = schema["$defs"]["Entry"]["properties"]["status"]
    assert status["enum"][0] == "not-reported" and len(status["enum"]) == 7
    assert runner.invoke(app, ["schema"]).stdout == kind_schema_json("plan")


def test_valid_progress_files_point_editors_at_the_schema() -> None:
    assert len(VALID) >= 5
    for path in VALID:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, path
        assert (path.parent / match.group(1)).resolve() == COMMITTED.resolve()


def test_check_jsonschema_accepts_the_valid_progress_files() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(COMMITTED),
            *map(str, VALID),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
