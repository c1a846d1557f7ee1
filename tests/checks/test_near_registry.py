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
        # A unit's code is its parent's with one more part: another actor.
        ("RP The Hague/REC/REC", "RP The Hague/REC/REC/PK", False),
        ("RP Strasbourg", "RP Strasbourg/GD", False),
    ],
)
def test_near(a: str, b: str, same: bool) -> None:
    assert near(a, b) is same


def _big_registry(tmp_path: Path, size: int) -> Path:
    """A plan whose registry has ``size`` more entries with names that are nothing alike
    (no numbers, so that only the names tell them apart), and one pair far apart."""
    import random

    rng = random.Random(31)
    letters = "bcdfghjklmnpqrstvwxz"
    made: set[str] = set()
    while len(made) < size:
        made.add(" ".join("".join(rng.choices(letters, k=rng.randint(5, 9))) for _ in range(3)))
    entries = "".join(f"  - code: X{i}\n    name: {name}\n" for i, name in enumerate(sorted(made)))
    text = SOURCE.read_text("utf-8")
    pair = "  - code: MJ\n    name: Ministère de la Justice\n"
    late = "  - code: MJ-2\n    name: Ministere de la justice.\n"
    text = text.replace("  - code: ONU Femmes\n", pair + entries + late + "  - code: ONU Femmes\n")
    path = tmp_path / "xf-2022-2026.yaml"
    path.write_text(text, "utf-8")
    return path


def test_a_big_registry_compares_neighbours_and_still_finds_the_pair(tmp_path: Path) -> None:
    plan, _ = load_file(_big_registry(tmp_path, 3000))
    assert plan is not None
    codes = [[plan.departments[i].code for i, _ in g] for g in registry_groups(plan)]
    assert codes == [["MJ", "MJ-2"]]


def test_a_big_registry_costs_comparisons_in_proportion_to_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import napctl.model.near as near_module

    calls = []
    original = near_module.near_loose

    def counted(a: near_module.Loose, b: near_module.Loose) -> bool:
        calls.append(1)
        return original(a, b)

    monkeypatch.setattr(near_module, "near_loose", counted)
    counts = []
    for size in (1000, 2000):
        plan, _ = load_file(_big_registry(tmp_path, size))
        assert plan is not None
        calls.clear()
        registry_groups(plan)
        counts.append(len(calls))
    # Every pair would be 500,000 then 2,000,000 comparisons (four times as many).
    assert counts[1] < 2.2 * counts[0] and counts[1] < 200 * 2000


def test_units_of_two_bodies_may_share_a_name_but_not_units_of_one(tmp_path: Path) -> None:
    units = (
        "  - code: MJ\n    name: Ministère de la Justice\n"
        "  - code: MJ/GU\n    name: Cellule genre\n    parent: MJ\n"
        "  - code: MINT\n    name: Ministère de l'Intérieur\n"
        "  - code: MINT/GU\n    name: Cellule genre\n    parent: MINT\n"
        "  - code: MINT/GU2\n    name: Celulle genre\n    parent: MINT\n"
    )
    path = tmp_path / "xf-2022-2026.yaml"
    text = SOURCE.read_text("utf-8").replace(
        "  - code: ONU Femmes\n", units + "  - code: ONU Femmes\n"
    )
    path.write_text(text, "utf-8")
    plan, _ = load_file(path)
    assert plan is not None
    codes = [[plan.departments[i].code for i, _ in g] for g in registry_groups(plan)]
    assert codes == [["MINT/GU", "MINT/GU2"]]
