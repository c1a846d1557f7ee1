"""NAP334: near-duplicate actor names already in a plan's registry, through validate
and the library (the one mechanism is napctl.model.near)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from napctl.load.corpus import load_file
from napctl.model.near import near, registry_groups
from tests.conftest import EXAMPLES, napctl

SOURCE = EXAMPLES / "shapes" / "xf-2022-2026.yaml"
EXTRA = """  - code: PTFB
    name: PTF.
    kind: donor
  - code: MJ
    name: Ministère de la Justice
  - code: MJ-2
    name: Ministere de la justice.
"""


@pytest.fixture
def plan_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    path = Path(shutil.copy(SOURCE, tmp_path / "plans"))
    text = path.read_text("utf-8").replace(
        "  - code: ONU Femmes\n", EXTRA + "  - code: ONU Femmes\n"
    )
    path.write_text(text, "utf-8")
    return path


def _line(path: Path, text: str) -> int:
    return path.read_text("utf-8").splitlines().index(text) + 1


def test_validate_warns_once_per_group_at_the_second_entry(plan_file: Path) -> None:
    out = napctl("validate", "plans").stdout
    found = [line for line in out.splitlines() if " NAP334 " in line]
    assert found == [
        f"plans/xf-2022-2026.yaml:{_line(plan_file, '    name: PTF.')}:11: NAP334 warning:"
        " department 'PTFB' ('PTF.') looks like 'PTF' ('PTF'): one actor written two ways?"
        " keep one entry and give it the other spelling as an alias (or make the names differ)",
        f"plans/xf-2022-2026.yaml:{_line(plan_file, '    name: Ministere de la justice.')}:11:"
        " NAP334 warning: department 'MJ-2' ('Ministere de la justice.') looks like 'MJ'"
        " ('Ministère de la Justice'): one actor written two ways? keep one entry and give it"
        " the other spelling as an alias (or make the names differ)",
    ]


def test_the_bundled_and_example_plans_have_none() -> None:
    for path in (SOURCE, *Path("plans").glob("*.yaml")):
        plan, _ = load_file(path)
        assert plan is not None and registry_groups(plan) == []


def test_library_groups(plan_file: Path) -> None:
    plan, _ = load_file(plan_file)
    assert plan is not None
    codes = [[(plan.departments[i].code, name) for i, name in g] for g in registry_groups(plan)]
    assert codes == [
        [("PTF", "PTF"), ("PTFB", "PTF.")],
        [("MJ", "Ministère de la Justice"), ("MJ-2", "Ministere de la justice.")],
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("PTF", "PTF.", True),
        ("PTF", "PFT", True),
        ("Ministère de la Femme", "Ministère de la Fmme", True),
        ("Foreign Affairs", "FPS Foreign Affairs", False),
        ("Permanent Representation to the OSCE", "Permanent Representation to the OTAN", False),
        ("MAEE D1", "MAEE D2", False),
    ],
)
def test_near(a: str, b: str, same: bool) -> None:
    assert near(a, b) is same
