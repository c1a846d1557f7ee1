"""Fixtures of the adoption tests: napctl's source as a tagged git repository, a Python
like the one actions/setup-python gives, and runners for the recipes' workflows."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.adoption import gha
from tests.adoption.scratch import GIT_ENV, ROOT, napctl, run, snapshot

#: Where the recipes say napctl lives; git is told to read the tested source instead.
UPSTREAM = "https://github.com/OWNER/napctl"


@dataclass(frozen=True)
class Source:
    """napctl's source under test, as a repository with the release tag of its version."""

    path: Path
    sha: str
    version: str

    @property
    def tag(self) -> str:
        return f"v{self.version}"

    def git_env(self) -> dict[str, str]:
        """git (and so pip and pre-commit) fetches UPSTREAM from this repository."""
        return {
            **GIT_ENV,
            "GIT_CONFIG_COUNT": "1",
            "GIT_CONFIG_KEY_0": f"url.{self.path.as_uri()}.insteadOf",
            "GIT_CONFIG_VALUE_0": UPSTREAM,
        }


@pytest.fixture(scope="session")
def version() -> str:
    shown = napctl("--version", cwd=ROOT).stdout.strip()
    match = re.fullmatch(r"napctl (\S+)", shown)
    assert match, shown
    return match.group(1)


@pytest.fixture(scope="session")
def source(tmp_path_factory: pytest.TempPathFactory, version: str) -> Source:
    path = tmp_path_factory.mktemp("napctl-source")
    sha = snapshot(path)
    run(["git", "tag", f"v{version}"], path)
    return Source(path, sha, version)


@pytest.fixture(scope="session")
def runner_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh Python environment: what actions/setup-python puts on
    PATH (a python whose pip installs into it). Shared by the tests, as a runner image
    and its caches would be."""
    folder = tmp_path_factory.mktemp("setup-python") / "python"
    if importlib.util.find_spec("virtualenv") is not None:  # seconds, with a recent pip
        run([sys.executable, "-m", "virtualenv", "-q", folder], ROOT)
    else:
        run([sys.executable, "-m", "venv", "--upgrade-deps", folder], ROOT)
    return folder / "bin"


def publish_to_nowhere(published: list[Path]) -> gha.UsesHandler:
    """pypa/gh-action-pypi-publish, which cannot run here: it records what it was given."""

    def handler(runner: gha.Runner, inputs: dict[str, str], state: gha.JobState) -> str:
        assert "password" not in inputs, "trusted publishing needs no token"
        folder = runner.workspace / inputs.get("packages-dir", "dist")
        published.extend(sorted(folder.iterdir()))
        return "success"

    return handler


MakeRunner = Callable[..., gha.Runner]


@pytest.fixture
def make_runner(source: Source, runner_python: Path, tmp_path: Path) -> MakeRunner:
    """A runner for a workspace: the recipes' actions emulated, napctl's action from the
    tested source, git fetching UPSTREAM from it."""

    def make(
        workspace: Path,
        event_name: str,
        *,
        event: dict[str, Any] | None = None,
        ref: str = "refs/heads/main",
        uses: dict[str, gha.UsesHandler] | None = None,
        artifacts: dict[str, Path] | None = None,
        runner_temp: Path | None = None,
    ) -> gha.Runner:
        temp = tmp_path / f"runner-{len(list(tmp_path.glob('runner-*')))}"
        temp.mkdir()

        def napctl_action(runner: gha.Runner, inputs: dict[str, str], state: gha.JobState) -> str:
            assert runner.uses_ref == source.tag, f"the recipe pins {runner.uses_ref}"
            return runner.run_composite(source.path, inputs, state)

        handlers: dict[str, gha.UsesHandler] = {
            "actions/checkout": gha.checkout,
            "actions/setup-python": gha.setup_python(runner_python),
            "actions/upload-artifact": gha.upload_artifact,
            "actions/download-artifact": gha.download_artifact,
            "OWNER/napctl": napctl_action,
            **(uses or {}),
        }
        return gha.Runner(
            workspace=workspace,
            temp=temp,
            event_name=event_name,
            event=event or {},
            ref=ref,
            env=source.git_env(),
            uses=handlers,
            artifacts=artifacts if artifacts is not None else {},
            runner_temp=runner_temp,
        )

    return make


def recipe(name: str) -> dict[str, Any]:
    """A workflow of docs/workflows/, as the docs show it."""
    return gha.load_yaml(ROOT / "docs" / "workflows" / name)
