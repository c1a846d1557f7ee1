"""`napctl indicators` as a user runs it: table, JSON, CSV, the crosswalk, open formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import napctl
from tests.indicators.conftest import PLANS, PROGRESS

BASE = ("indicators", "--plans", str(PLANS), "--progress", str(PROGRESS))


def test_table_piped_is_plain_text() -> None:
    out = napctl(*BASE).stdout.splitlines()
    assert out[0].split("\t") == [
        "indicator",
        "text",
        "unit",
        "baseline",
        "values",
        "target",
        "status",
    ]
    row = out[1].split("\t")
    assert row[0] == "P1.1.1 #1"
    assert row[3:] == [
        "100 (2017)",
        "2018: 105, 2019: 70, 2020: 120",
        "150 by 2022",
        "moderate progress",
    ]


def test_json_has_the_inputs_of_each_status() -> None:
    data = json.loads(napctl(*BASE, "-f", "json").stdout)
    first = data["indicators"][0]
    assert first["status"]["status"] == "moderate-progress"
    assert first["status"]["inputs"]["cagr_o"] == "0.0626585692"
    assert first["combined"] == [
        {"year": 2018, "value": "105"},
        {"year": 2019, "value": "70"},
        {"year": 2020, "value": "120"},
    ]
    assert first["values"][0]["disaggregation"] == {"rank": {"junior": "50", "senior": "10"}}
    qualitative = data["indicators"][-1]
    assert qualitative["values"][1]["narrative"].startswith("Night hours")


def test_actor_and_year() -> None:
    data = json.loads(napctl(*BASE, "--actor", "POL", "--year", "2020", "-f", "json").stdout)
    first = data["indicators"][0]
    assert [v["department"] for v in first["values"]] == ["POL"]
    assert first["combined"] == [{"year": 2020, "value": "56"}]


def test_csv_rows_per_value() -> None:
    rows = list(csv.reader(io.StringIO(napctl(*BASE, "-f", "csv").stdout)))
    assert rows[0][:6] == ["plan", "action", "indicator", "year", "department", "value"]
    assert ["zz-2018-2022", "P1.1.1", "2", "2018", "POL", "18.5", "%"] in [r[:7] for r in rows]
    combined = [r for r in rows if r[1:3] == ["P1.1.1", "1"] and r[4] == ""]
    assert [(r[3], r[5], r[8]) for r in combined] == [
        ("2018", "105", "moderate-progress"),
        ("2019", "70", "moderate-progress"),
        ("2020", "120", "moderate-progress"),
    ]


def test_crosswalk_un_26() -> None:
    out = napctl(*BASE, "--framework", "un-26", "-f", "json").stdout
    data = json.loads(out)
    assert data["framework"] == "un-26" and data["complete"] is False
    first = data["indicators"][0]
    assert first["number"] == "1a"
    assert first["covered_by"] == [
        {
            "action": "P1.1.1",
            "indicator": 1,
            "text": "Women officers recruited",
            "latest": "120",
            "year": 2020,
            "status": "moderate-progress",
        },
    ]
    assert data["indicators"][1]["covered_by"] == []  # 1b: not covered
    table = napctl(*BASE, "--framework", "un-s-2010-498").stdout
    assert "1b\tPatterns of sexual violence" in table and "not covered" in table


def test_crosswalk_eu_lists_cited_numbers_without_inventing_texts() -> None:
    data = json.loads(napctl(*BASE, "--framework", "eu-17", "-f", "json").stdout)
    assert data["indicators"] == [
        {
            "number": "5",
            "text": None,
            "covered_by": [
                {
                    "action": "P1.1.3",
                    "indicator": 2,
                    "text": "How survivors judge the helpline",
                    "latest": None,
                    "year": None,
                    "status": "insufficient-data",
                }
            ],
        },
    ]


def test_unknown_framework_is_a_usage_error() -> None:
    result = napctl(*BASE, "--framework", "nato", code=2)
    assert "no indicator framework 'nato'" in result.stderr


def test_datapackage_validates_with_frictionless(tmp_path: Path) -> None:
    # frictionless raises the csv module's field size limit for the whole process:
    # put it back, so the tests of napctl's own CSV limit still see the default.
    limit = csv.field_size_limit()
    try:
        _validate_datapackage(tmp_path)
    finally:
        csv.field_size_limit(limit)


def _validate_datapackage(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    napctl(*BASE, "-f", "datapackage", "-o", str(tmp_path / "pkg"))
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text())
    assert [f["name"] for f in descriptor["resources"][0]["schema"]["fields"]] == [
        "plan",
        "action",
        "indicator",
        "year",
        "department",
        "disaggregation",
        "value",
        "unit",
        "status",
    ]
    report = frictionless.validate(str(tmp_path / "pkg" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = list(csv.DictReader(io.StringIO((tmp_path / "pkg" / "indicators.csv").read_text())))
    junior = [r for r in rows if r["disaggregation"] == "rank=junior" and r["department"] == "DEF"]
    assert [r["value"] for r in junior] == ["50"]


def test_datapackage_needs_a_folder() -> None:
    assert "give it with -o DIR" in napctl(*BASE, "-f", "datapackage", code=2).stderr


def test_opensdg_one_csv_per_indicator(tmp_path: Path) -> None:
    napctl(*BASE, "-f", "opensdg", "-o", str(tmp_path))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "indicator_p1-1-1-1.csv" in names
    assert "indicator_p1-1-3-2.csv" not in names  # narratives only: no numbers to chart
    text = (tmp_path / "indicator_p1-1-1-1.csv").read_text()
    assert text.splitlines() == [
        "Year,rank,Value",
        "2018,,105",
        "2018,junior,90",
        "2018,senior,15",
        "2019,,70",
        "2020,,120",
    ]
