"""The release workflow (.github/workflows/release.yml), run up to the upload to PyPI: the
tag, the version and the changelog must agree; the sdist and the wheel built from it pass
`twine check --strict` and the wheel works alone; publishing gets exactly those two
files, by trusted publishing; then the major tag moves."""

from __future__ import annotations

import re
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from tests.adoption import gha
from tests.adoption.conftest import MakeRunner, Source, publish_to_nowhere
from tests.adoption.scratch import ROOT, commit_all, git, run

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def release_clone(source: Source, tmp_path: Path) -> tuple[Path, Path]:
    """napctl's repository as a maintainer has it (a clone with an origin)."""
    origin = tmp_path / "origin.git"
    git("clone", "-q", "--bare", str(source.path), str(origin), cwd=tmp_path)
    git("tag", "-d", source.tag, cwd=origin)  # not released yet
    work = tmp_path / "napctl"
    git("clone", "-q", origin.as_uri(), str(work), cwd=tmp_path)
    return work, origin


def prepare_release(work: Path, version: str) -> str:
    """What docs/releasing.md asks: the Unreleased notes under a dated version heading."""
    changelog = work / "CHANGELOG.md"
    text = changelog.read_text("utf-8")
    assert "\n## [Unreleased]\n" in text
    changelog.write_text(
        text.replace(
            "\n## [Unreleased]\n", f"\n## [Unreleased]\n\n## [{version}] - 2026-12-07\n", 1
        ),
        "utf-8",
    )
    return commit_all(work, f"Release {version}")


@pytest.mark.recipes
def test_a_release_tag_builds_checks_and_publishes(
    source: Source, tmp_path: Path, make_runner: MakeRunner
) -> None:
    work, origin = release_clone(source, tmp_path)
    workflow = gha.load_yaml(WORKFLOW)
    tag = source.tag
    published: list[Path] = []
    uses = {"pypa/gh-action-pypi-publish": publish_to_nowhere(published)}

    # A tag on a commit whose changelog has no section for the version stops at once.
    git("tag", tag, cwd=work)
    jobs = make_runner(work, "push", ref=f"refs/tags/{tag}", uses=uses).run_workflow(workflow)
    check = jobs["build"].step("The tag, the version and the changelog agree")
    assert check.outcome == "failure"
    assert f'CHANGELOG.md has no "## [{source.version}] - YYYY-MM-DD" section' in check.output
    assert jobs["publish"].result == "skipped" and jobs["major-tag"].result == "skipped"
    assert published == []

    release = prepare_release(work, source.version)
    git("tag", "--force", tag, cwd=work)
    artifacts: dict[str, Path] = {}
    runner = make_runner(work, "push", ref=f"refs/tags/{tag}", uses=uses, artifacts=artifacts)
    jobs = runner.run_workflow(workflow)
    assert jobs["build"].result == "success", jobs["build"].output
    assert "PASSED" in jobs["build"].step("twine check").output
    assert f"napctl {source.version}" in jobs["build"].step("The wheel works").output
    assert jobs["publish"].result == "success" and jobs["major-tag"].result == "success"
    sdist = f"napctl-{source.version}.tar.gz"
    wheel = f"napctl-{source.version}-py3-none-any.whl"
    assert sorted(p.name for p in published) == sorted([sdist, wheel])
    major = tag.split(".")[0]
    assert git("rev-parse", f"refs/tags/{major}", cwd=origin) == release

    dist = artifacts["dist"]
    with tarfile.open(dist / sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {
        "LICENSE",
        "CHANGELOG.md",
        "README.md",
        "pyproject.toml",
        "src/napctl/__init__.py",
        "plans/lu-2018-2023.yaml",
        "templates/checklist.md.j2",
        "schema/plan.schema.json",
    } <= names
    with zipfile.ZipFile(dist / wheel) as archive:
        names = set(archive.namelist())
        info = f"napctl-{source.version}.dist-info"
        metadata = Parser().parsestr(archive.read(f"{info}/METADATA").decode("utf-8"))
    assert {
        "napctl/_data/plans/lu-2018-2023.yaml",
        "napctl/_data/plans/be-2013-2016.yaml",
        "napctl/_data/templates/checklist.md.j2",
        "napctl/_data/schema/plan.schema.json",
        "napctl/_data/schema/progress.schema.json",
        f"{info}/licenses/LICENSE",
    } <= names
    assert metadata["Version"] == source.version
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert metadata.get_payload().strip() == (ROOT / "README.md").read_text("utf-8").strip()


def test_publishing_is_trusted_and_scoped() -> None:
    """No token anywhere: the publish job alone may ask for an OIDC token, in the pypi
    environment, and only the major-tag job may write to the repository."""
    workflow = gha.load_yaml(WORKFLOW)
    assert gha.triggers(workflow) == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["publish"]["permissions"] == {"id-token": "write"}
    assert jobs["publish"]["environment"]["name"] == "pypi"
    assert jobs["publish"]["needs"] == "build" and jobs["major-tag"]["needs"] == "publish"
    (step,) = [s for s in jobs["publish"]["steps"] if "pypi-publish" in s.get("uses", "")]
    assert "with" not in step or "password" not in step["with"]
    assert jobs["major-tag"]["permissions"] == {"contents": "write"}
    assert "secrets." not in WORKFLOW.read_text("utf-8")


@pytest.mark.parametrize(
    ("tag", "changelog", "message"),
    [
        ("v9.9.9", "## [{v}] - 2026-12-07", "the tag v9.9.9 is not v{v}"),
        ("v{v}", "## [{v}] - soon", 'CHANGELOG.md has no "## [{v}] - YYYY-MM-DD" section'),
        ("v{v}", "## [{v}] - 2026-12-07", None),
    ],
)
def test_release_check(
    tag: str, changelog: str, message: str | None, version: str, tmp_path: Path
) -> None:
    (tmp_path / "src" / "napctl").mkdir(parents=True)
    init = (ROOT / "src" / "napctl" / "__init__.py").read_text("utf-8")
    assert re.search(rf'^__version__ = "{re.escape(version)}"$', init, re.MULTILINE)
    (tmp_path / "src" / "napctl" / "__init__.py").write_text(init, "utf-8")
    (tmp_path / "CHANGELOG.md").write_text(
        f"# Changelog\n\n## [Unreleased]\n\n{changelog.format(v=version)}\n", "utf-8"
    )
    script = tmp_path / ".ci" / "release_check.py"
    script.parent.mkdir()
    script.write_text((ROOT / ".ci" / "release_check.py").read_text("utf-8"), "utf-8")
    done = run([sys.executable, script, tag.format(v=version)], tmp_path, check=False)
    if message is None:
        assert done.returncode == 0, done.stdout
    else:
        assert done.returncode == 1
        assert f"::error title=release::{message.format(v=version)}" in done.stdout
