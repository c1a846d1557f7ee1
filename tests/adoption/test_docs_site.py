"""The documentation as a site: `mkdocs build --strict` passes and publishes the schemas at
their $id; the README stays what a newcomer needs, its links lead somewhere and its
example outputs are what napctl prints."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.adoption.gha import load_yaml
from tests.adoption.scratch import ROOT, napctl

README = ROOT / "README.md"


def mkdocs_config() -> dict[str, object]:
    # mkdocs.yml may hold !!python/name tags; this one must not need them.
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    assert isinstance(config, dict)
    return config


def nav_pages(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    return []


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("mkdocs") is None:
        pytest.skip("mkdocs is not installed (pip install -e '.[test]')")
    folder = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


def test_every_page_is_in_the_nav_and_every_nav_entry_is_a_page() -> None:
    pages = set(nav_pages(mkdocs_config()["nav"]))
    files = {p.name for p in (ROOT / "docs").glob("*.md")}
    assert pages == files
    assert "architecture.md" in pages


def test_the_site_builds_strictly_with_every_page(site: Path) -> None:
    for page in nav_pages(mkdocs_config()["nav"]):
        name = page.removesuffix(".md")
        built = site / "index.html" if name == "index" else site / name / "index.html"
        assert built.is_file(), page
    ci = (site / "ci" / "index.html").read_text("utf-8")
    assert "--8&lt;--" not in ci and "--8<--" not in ci  # every snippet included
    assert "napctl checklists --out checklists/ --year" in ci
    changelog = (site / "changelog" / "index.html").read_text("utf-8")
    assert "Keep a Changelog" in changelog


def test_the_site_publishes_each_schema_at_its_id(site: Path) -> None:
    site_url = str(mkdocs_config()["site_url"])
    for kind in ("plan", "progress"):
        committed = ROOT / "schema" / f"{kind}.schema.json"
        schema_id = json.loads(committed.read_text("utf-8"))["$id"]
        assert schema_id.startswith(site_url), schema_id
        published = site / schema_id.removeprefix(site_url)
        assert published.read_bytes() == committed.read_bytes()


def test_files_napctl_writes_link_to_pages_of_the_site(site: Path, tmp_path: Path) -> None:
    site_url = str(mkdocs_config()["site_url"])
    napctl(
        "new",
        "xx-2024-2028",
        "--country",
        "FR",
        "--title",
        "Plan",
        "--period",
        "2024-2028",
        cwd=tmp_path,
    )
    napctl("progress", "init", "--plan", "xx-2024-2028", "--year", "2025", cwd=tmp_path)
    texts = [p.read_text("utf-8") for p in sorted(tmp_path.rglob("*.yaml"))]
    links = {
        url for text in texts for url in re.findall(rf"{re.escape(site_url)}[\w./-]*[\w/]", text)
    }
    assert len(links) == 4, links  # two schemas, two pages
    for url in links:
        path = url.removeprefix(site_url)
        assert (site / path).is_file() or (site / path / "index.html").is_file(), url


def test_readme_is_what_a_newcomer_needs() -> None:
    text = README.read_text("utf-8")
    assert len(text.splitlines()) < 200
    sections = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert sections[:2] == ["Install", "A five-minute tour"]
    built = text.split("## How napctl is built\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in built.splitlines() if line.strip()]
    assert 3 <= len(lines) <= 6 and "(docs/architecture.md)" in built


def test_readme_links_lead_somewhere() -> None:
    text = README.read_text("utf-8")
    pages = set(nav_pages(mkdocs_config()["nav"]))
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text)
    assert len(links) > 15
    for link in links:
        if link.startswith("https://"):
            continue
        assert (ROOT / link).exists(), link
        if link.startswith("docs/") and link.endswith(".md"):
            assert link.removeprefix("docs/") in pages, link


def test_readme_tour_shows_what_napctl_prints() -> None:
    """Each `$ napctl ...` of the README's console blocks, run in the checkout: the lines
    shown are the lines printed; a line `...` stands for lines left out."""
    text = README.read_text("utf-8")
    blocks = re.findall(r"^```console\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    commands = 0
    for block in blocks:
        for part in block.split("$ napctl ")[1:]:
            command, _, shown = part.partition("\n")
            args = re.findall(r'"[^"]*"|\S+', command)
            printed = napctl(*[a.strip('"') for a in args], cwd=ROOT).stdout
            assert _matches(shown, printed), f"napctl {command}\n{printed}"
            commands += 1
    assert commands >= 4


def _matches(shown: str, printed: str) -> bool:
    pieces = re.split(r"^\.\.\.\n", shown, flags=re.MULTILINE)
    position = 0
    for number, piece in enumerate(pieces):
        if number == 0:
            if not printed.startswith(piece):
                return False
            position = len(piece)
            continue
        if number == len(pieces) - 1 and piece:
            return printed.endswith(piece) and printed.find(piece, position) >= 0
        found = printed.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def test_every_input_of_the_action_is_documented() -> None:
    action = load_yaml(ROOT / "action.yml")
    page = (ROOT / "docs" / "ci.md").read_text("utf-8")
    page = page.split("## The GitHub Action\n", 1)[1].split("\n## ", 1)[0]
    table = dict(re.findall(r"^\| `([\w-]+)` \| ([^|]+) \|", page, re.MULTILINE))
    assert set(table) == set(action["inputs"])
    for name, spec in action["inputs"].items():
        assert spec.get("description"), name
        default = str(spec.get("default", ""))
        assert default == "" or f"`{default}`" in table[name], (name, default)
