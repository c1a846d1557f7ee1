"""model/trusted.py: a cache entry builds the model only when every value has its type."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from napctl.model import plan_from_trusted, plan_to_data
from napctl.model.progress import report_from_trusted
from napctl.model.trusted import TrustedShapeError
from napctl.yaml.safe import load_yaml_file

ROOT = Path(__file__).resolve().parents[2]


def _lu() -> dict[str, Any]:
    doc = load_yaml_file(str(ROOT / "plans" / "lu-2018-2023.yaml"))
    assert isinstance(doc.data, dict)
    return copy.deepcopy(doc.data)


def test_a_plan_built_twice_from_its_data_is_the_same_plan() -> None:
    data = _lu()
    plan = plan_from_trusted(data)
    assert plan.id == "lu-2018-2023"
    assert plan_from_trusted(plan_to_data(plan)) == plan


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(id=7), "expected str, found int"),
        (lambda d: d.update(surprise="x"), "unknown fields for Plan"),
        (lambda d: d["pillars"][0].update(goals="not a list"), "is none of|expected list"),
        (lambda d: d["period"].update(start="2018"), "expected int, found str"),
        (lambda d: d.pop("id"), "id"),
    ],
)
def test_a_value_of_the_wrong_type_anywhere_is_refused(change: Any, message: str) -> None:
    data = _lu()
    change(data)
    with pytest.raises(TrustedShapeError, match=message):
        plan_from_trusted(data)


def test_a_status_outside_the_list_is_refused() -> None:
    found = (ROOT / "tests" / "example-files" / "progress" / "positive").glob("**/*.yaml")
    path = next(iter(sorted(found)))
    data = load_yaml_file(str(path)).data
    assert isinstance(data, dict)
    report_from_trusted(data)  # as accepted
    first = data["actions"][0]
    first["status"] = "finished-ish"
    with pytest.raises(TrustedShapeError, match="finished-ish"):
        report_from_trusted(data)
