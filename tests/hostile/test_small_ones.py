"""Class 10 of issue 20: an error at the very end of a file, and Windows' reserved names."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.slugs import WINDOWS_RESERVED, slugify
from napctl.load.corpus import load_corpus
from tests.conftest import MINIMAL, write


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("x: [", (1, 4)),
        ("x: [\n", (1, 4)),
        ("x: {", (1, 4)),
        ("x: [a,", (1, 6)),
        ("a: 1\nx: [", (2, 4)),
        ("a: 1\r\nx: [  ", (2, 4)),
    ],
)
def test_an_error_at_the_end_is_inside_the_file(
    text: str, where: tuple[int, int], tmp_path: Path, runner: CliRunner
) -> None:
    plan = write(tmp_path, "p.yaml", text)
    (problem,) = load_corpus([str(plan)]).problems
    assert (problem.code, problem.line, problem.column) == ("NAP103", *where)
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.stdout.startswith(f"{plan}:{where[0]}:{where[1]}: NAP103")


@pytest.mark.parametrize("code", ["CON", "nul", "Aux", "PRN", "COM1", "lpt9", "COM¹", "NUL "])
def test_reserved_names_get_a_safe_slug(code: str) -> None:
    slug = slugify(code)
    assert slug.split(".")[0] not in WINDOWS_RESERVED and slug.endswith("-dept")


def test_checklists_for_reserved_names(tmp_path: Path, runner: CliRunner) -> None:
    text = MINIMAL.read_text().replace("code: DEF", "code: CON").replace("[DEF,", "[CON,")
    text = text.replace("code: INT\n", "code: nul\n").replace("parent: INT", "parent: nul")
    text = text.replace(", INT]", ", nul]")
    plan = write(tmp_path, "p.yaml", text)
    out = tmp_path / "out"
    result = runner.invoke(app, ["checklists", "--out", str(out), "--plans", str(plan)])
    assert result.exit_code == 0, result.output
    names = {p.name.split(".")[0].lower() for p in out.rglob("*")}
    assert not names & WINDOWS_RESERVED
    assert {"con-dept", "nul-dept"} <= names
