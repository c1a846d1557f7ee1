"""Schemas for editors: a stable, versioned $id under the documentation site, a SchemaStore
catalog entry naming the same URLs, and new files that link to a schema that exists
(the published one in a new repository, the repository's own copy where it keeps one).
test_docs_site.py checks that the site publishes each schema at its $id."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.adoption.scratch import ROOT, git, napctl

KINDS = ("plan", "progress")
SCHEMA_LINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")
CATALOG = ROOT / "docs" / "recipes" / "schemastore-catalog.json"


def site_url() -> str:
    return str(yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_url"])


def printed(kind: str) -> dict[str, Any]:
    schema = json.loads(napctl("schema", "--kind", kind, cwd=ROOT).stdout)
    assert isinstance(schema, dict)
    return schema


@pytest.mark.parametrize("kind", KINDS)
def test_each_schema_has_a_stable_versioned_id(kind: str) -> None:
    schema = printed(kind)
    match = re.fullmatch(
        rf"{re.escape(site_url())}schema/{kind}-(\d+)\.schema\.json", schema["$id"]
    )
    assert match, schema["$id"]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert f"format version {match.group(1)}" in schema["$comment"]
    committed = ROOT / "schema" / f"{kind}.schema.json"
    assert json.loads(committed.read_text("utf-8")) == schema, f"{committed} is stale"


def test_the_schemas_are_valid_json_schemas() -> None:
    files = [str(ROOT / "schema" / f"{kind}.schema.json") for kind in KINDS]
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--check-metaschema", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _glob(pattern: str) -> re.Pattern[str]:
    """A SchemaStore fileMatch glob: ``**/`` any folders, ``*`` and ``?`` within one."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        elif pattern[i] == "[":
            end = pattern.index("]", i)
            out, i = out + pattern[i : end + 1], end + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out)


def test_schemastore_entries_name_the_published_schemas() -> None:
    entries = json.loads(CATALOG.read_text("utf-8"))
    assert [e["url"] for e in entries] == [printed(kind)["$id"] for kind in KINDS]
    for entry in entries:
        assert set(entry) == {"name", "description", "fileMatch", "url", "versions"}
        assert entry["url"] in entry["versions"].values()
    plan, progress = ([_glob(p) for p in e["fileMatch"]] for e in entries)
    matching = {
        "plans/lu-2018-2023.yaml": (True, False),
        "nap/plans/fr-2021-2025.yml": (True, False),
        "progress/lu-2018-2023/2020/maee-d5.yaml": (False, True),
        "plans/notes.yaml": (False, False),  # not a plan's name: left to other schemas
        "progress/summary.yaml": (False, False),
        "docs/plans.yaml": (False, False),
    }
    for path, (is_plan, is_progress) in matching.items():
        assert any(p.fullmatch(path) for p in plan) == is_plan, path
        assert any(p.fullmatch(path) for p in progress) == is_progress, path


def _new_repository(repo: Path) -> tuple[Path, Path]:
    """`napctl new` and `progress init` in a repository: the two files they write."""
    git("init", "-q", str(repo), cwd=repo.parent)
    napctl(
        "new",
        "fr-2021-2025",
        "--country",
        "FR",
        "--title",
        "Plan national",
        "--period",
        "2021-2025",
        cwd=repo,
    )
    napctl("progress", "init", "--plan", "fr-2021-2025", "--year", "2022", cwd=repo)
    plan = repo / "plans" / "fr-2021-2025.yaml"
    (report,) = (repo / "progress" / "fr-2021-2025" / "2022").glob("*.yaml")
    return plan, report


def _link(path: Path) -> str:
    match = SCHEMA_LINE.fullmatch(path.read_text("utf-8").splitlines()[0])
    assert match, path
    return match.group(1)


def _check(schema: Path, *files: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_new_files_link_to_the_published_schema_in_a_new_repository(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()  # above the repository: not the repository's own
    (tmp_path / "schema" / "plan.schema.json").write_text("{}", "utf-8")
    plan, report = _new_repository(tmp_path / "repo")
    for path, kind in ((plan, "plan"), (report, "progress")):
        assert _link(path) == printed(kind)["$id"]
        # What that URL serves (the site publishes the committed file there) accepts it.
        _check(ROOT / "schema" / f"{kind}.schema.json", path)
    napctl("validate", cwd=tmp_path / "repo")


def test_new_files_link_to_the_repositorys_own_copy(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    napctl("schema", "-o", "schema/plan.schema.json", cwd=repo)
    napctl("schema", "--kind", "progress", "-o", "schema/progress.schema.json", cwd=repo)
    plan, report = _new_repository(repo)
    assert _link(plan) == "../schema/plan.schema.json"
    assert _link(report) == "../../../schema/progress.schema.json"
    for path in (plan, report):
        target = (path.parent / _link(path)).resolve()
        assert target.is_file()
        _check(target, path)
