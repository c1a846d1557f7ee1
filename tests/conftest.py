from __future__ import annotations

import inspect
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from typer import testing

if "mix_stderr" in inspect.signature(testing.CliRunner.__init__).parameters:
    # Click before 8.2 mixes stderr into stdout unless told not to; every test reads
    # the two apart, as Click 8.2 and later always keep them.
    class _SeparateStderrRunner(testing.CliRunner):
        def __init__(self, **kwargs: object) -> None:
            kwargs.setdefault("mix_stderr", False)
            super().__init__(**kwargs)  # type: ignore[arg-type]

    testing.CliRunner = _SeparateStderrRunner  # type: ignore[misc]

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "example-files"
MINIMAL = EXAMPLES / "positive" / "minimal.yaml"
PLANS = ROOT / "plans"


@pytest.fixture(autouse=True)
def _clean_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    monkeypatch.delenv("NAPCTL_PLANS", raising=False)
    # CI runs the suite with CI=true; napctl then refuses the bundled plans unless named
    # (issue 19). Tests of that rule set CI themselves.
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("NAPCTL_NO_CACHE", raising=False)
    monkeypatch.setenv("NAPCTL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    yield


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


class Result(NamedTuple):
    code: int
    stdout: str
    stderr: str


def napctl(*args: str, code: int | None = 0, env: dict[str, str] | None = None) -> Result:
    """Run the CLI as a user does: assert the exit code (None: any) and that no Python
    traceback came out; the exit code, stdout and stderr."""
    import traceback

    from napctl.cli import app

    result = CliRunner().invoke(app, list(args), env=env)
    error = result.exception
    if error is not None and not isinstance(error, SystemExit):
        raise AssertionError("".join(traceback.format_exception(error)))
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    if code is not None:
        assert result.exit_code == code, output
    return Result(result.exit_code, result.stdout, result.stderr)


def write(tmp: Path, name: str, text: str | bytes) -> Path:
    path = tmp / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


__all__ = ["EXAMPLES", "MINIMAL", "PLANS", "ROOT", "Result", "napctl", "os", "write"]
