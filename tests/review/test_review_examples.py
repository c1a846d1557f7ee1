"""The review example files: each declares the rule it is reviewed with and what it gives.

Files are made from clean.yaml by make_review.py (one that triggers each rule, one
near miss that does not); line 1 is ``# review: CODE``, line 2 ``# expect: CODE@LINE ...``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.codes import level_of
from napctl.load.corpus import load_corpus
from napctl.review.rules import rule_codes
from napctl.review.run import review_plans
from tests.conftest import EXAMPLES, ROOT

REVIEW = sorted((EXAMPLES / "review").glob("*.yaml"))


def declared(path: Path) -> tuple[str, list[tuple[str, int]]]:
    first, second = path.read_text(encoding="utf-8").splitlines()[:2]
    assert first.startswith("# review: ") and second.startswith("# expect:"), path
    return first.split()[2], [(c, int(n)) for c, n in re.findall(r"(NAP\d+)@(\d+)", second)]


def test_every_rule_has_a_triggering_and_a_passing_example() -> None:
    names = {p.stem for p in REVIEW}
    for code in rule_codes():
        assert {f"{code}-yes", f"{code}-no"} <= names, code
        assert declared(EXAMPLES / "review" / f"{code}-yes.yaml")[1], code
        assert not declared(EXAMPLES / "review" / f"{code}-no.yaml")[1], code


@pytest.mark.parametrize("path", REVIEW, ids=lambda p: p.stem)
def test_example_gives_what_it_declares(path: Path) -> None:
    rule, want = declared(path)
    corpus = load_corpus([str(path)])
    # Valid plans; validate warns of a near-duplicate registry entry as review does.
    told = ["NAP334"] if path.stem == "NAP524-yes" else []
    assert [p.code for p in corpus.problems] == told, "review examples must be valid plans"
    review = review_plans(corpus.plans, lambda code: code.startswith(rule))
    assert [(f.code, f.line) for f in review.findings] == want


@pytest.mark.parametrize("path", REVIEW, ids=lambda p: p.stem)
def test_example_through_the_cli(path: Path, runner: CliRunner) -> None:
    rule, want = declared(path)
    result = runner.invoke(app, ["review", "--select", rule, str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(want)
    for line, (code, number) in zip(lines, want, strict=True):
        level = level_of(code)
        assert re.match(rf"^{re.escape(str(path))}:{number}:\d+: {code} {level}: \S", line)


def test_generated_files_are_current(tmp_path: Path) -> None:
    script = EXAMPLES / "review" / "make_review.py"
    before = {p.name: p.read_bytes() for p in REVIEW}
    subprocess.run([sys.executable, str(script)], check=True, cwd=ROOT)
    after = {p.name: p.read_bytes() for p in sorted((EXAMPLES / "review").glob("*.yaml"))}
    assert after == before, "run tests/example-files/review/make_review.py and commit"


def test_schema_accepts_the_review_examples() -> None:
    """check-jsonschema reads the new optional fields as napctl does."""
    schema = ROOT / "schema" / "plan.schema.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(schema),
            *(str(p) for p in REVIEW),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for path in REVIEW:
        line = path.read_text(encoding="utf-8").splitlines()[2]
        assert line == "# yaml-language-server: $schema=../../../schema/plan.schema.json"
