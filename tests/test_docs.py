"""Documentation that is generated or quoted must match the code."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.conftest import ROOT


def _reference_module() -> ModuleType:
    script = ROOT / "docs" / "cli_reference.py"
    spec = importlib.util.spec_from_file_location("cli_reference", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["cli_reference"] = module
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current() -> None:
    ref = _reference_module()
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == ref.reference(), "docs/cli.md is stale: run python docs/cli_reference.py"


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line and not line.startswith("#")]
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/napctl validate"
        ' && .venv/bin/napctl actions --actor "MAEE D5"',
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/pip install -q -e '.[test]'" in ci and ".venv/bin/python -m pytest" in ci


def test_every_problem_code_is_documented_or_listed() -> None:
    from napctl.core.problems import CODES

    page = (ROOT / "docs" / "validate.md").read_text(encoding="utf-8")
    assert "(problem-codes.md)" in page
    for code in ("NAP101", "NAP110", "NAP111", "NAP112", "NAP203", "NAP301"):
        assert code in page and code in CODES


def test_the_python_page_runs_as_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/python.md's example imports what the packages hold now, and answers."""
    page = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    code = page.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    exec(compile(code, "docs/python.md", "exec"), {})
    out = capsys.readouterr().out
    assert "II.3.1" in out and "# " in out and '"Justice" names departments in 2' in out


def test_the_files_and_modules_the_docs_name_exist() -> None:
    """A module path or a checklist path named in the docs is one that exists or that
    napctl writes (issue 26: `progress_model.py`, `checklists/maee-d5.md`)."""
    import re

    from napctl.load.discover import progress_roots

    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for path in re.findall(r"`(src/napctl/[\w/]+\.py)`", text):
            assert (ROOT / path).is_file(), f"{page.name} names {path}"
        for name in re.findall(r"import (checklists/[\w./-]+\.md)", text):
            # checklists are in a folder per country: checklists/lu/maee-d5.md
            assert re.fullmatch(r"checklists/[a-z]{2}/[\w.-]+\.md", name), (page.name, name)
    progress_format = (ROOT / "docs" / "progress-format.md").read_text(encoding="utf-8")
    assert "nearest folder above it" in progress_format  # progress/ is found upwards
    assert progress_roots.__doc__ and "above" in progress_roots.__doc__


def test_the_readme_links_the_monitoring_cycle() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/monitoring-cycle.md)" in readme
    assert (ROOT / "docs" / "monitoring-cycle.md").is_file()
