"""One page of each kind, byte for byte (NAPCTL_UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from napctl.site.pages import PAGE_KINDS
from tests.conftest import ROOT
from tests.site.sitebuild import build

GOLDEN = Path(__file__).with_name("golden")
#: One page of each kind the registry holds (a new kind adds its line here).
PAGES = {
    "index": "index.html",
    "plan": "lu-2018-2023/index.html",
    "pillar": "lu-2018-2023/pillars/II/index.html",
    "goal": "lu-2018-2023/goals/II.1/index.html",
    "action": "lu-2018-2023/actions/II.2.1/index.html",
    "department": "lu-2018-2023/departments/mega/index.html",
    "year": "lu-2018-2023/years/2020/index.html",
    "report": "lu-2018-2023/reports/2020/index.html",
    "indicator": "lu-2018-2023/indicators/II.1.1-1/index.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden-site")
    build(out, date="2021-03-31")
    return out


#: Kinds the bundled plans have no page of, from the plan of every shape (results).
SHAPE_PAGES = {"result": "xf-2022-2026/results/R1.1.1/index.html"}
SHAPES = ROOT / "tests" / "example-files" / "shapes" / "xf-2022-2026.yaml"


@pytest.fixture(scope="module")
def shapes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden-shapes")
    build(out, plans=(SHAPES,), progress=(), date="2021-03-31")
    return out


def test_every_page_kind_has_a_golden_page() -> None:
    assert set(PAGES) | set(SHAPE_PAGES) == set(PAGE_KINDS)


def _compare(got: str, kind: str) -> None:
    golden = GOLDEN / f"{kind}.html"
    if os.environ.get("NAPCTL_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, "utf-8")
    assert got == golden.read_text("utf-8")


@pytest.mark.parametrize("kind", sorted(SHAPE_PAGES))
def test_shape_page_matches_its_golden_file(shapes_site: Path, kind: str) -> None:
    _compare((shapes_site / SHAPE_PAGES[kind]).read_text("utf-8"), kind)


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_page_matches_its_golden_file(site: Path, kind: str) -> None:
    got = (site / PAGES[kind]).read_text("utf-8")
    golden = GOLDEN / f"{kind}.html"
    if os.environ.get("NAPCTL_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, "utf-8")
    assert got == golden.read_text("utf-8")
