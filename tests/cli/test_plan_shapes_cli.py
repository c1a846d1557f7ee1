"""The French "cadre logique" example through every command, as a coordinator runs them.

The plan (tests/example-files/shapes/xf-2022-2026.yaml) prints 2 axes, 2 objectives,
4 expected results, 9 activities and 8 indicators (5 results' lists, 1 activity's
own); its actors are 6 government bodies (one a grouping, one a unit under a
ministry and in that grouping) and 5 that do not report: parliament, the electoral
commission, civil society, the donors ("PTF") and UN Women. It names no lead, no
deadline, no budget line. What each command must give is asserted here as counts
that match the printed plan, and kept as golden files beside the plan
(tests/example-files/shapes/expected; NAPCTL_UPDATE_GOLDEN=1 rewrites them).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, napctl

SHAPES = EXAMPLES / "shapes"
EXPECTED = SHAPES / "expected"
PLAN = "xf-2022-2026"
UPDATE = os.environ.get("NAPCTL_UPDATE_GOLDEN") == "1"


def golden(name: str, text: str) -> None:
    path = EXPECTED / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing {path}: run with NAPCTL_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A coordinator's repository holding the plan only."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "plans").mkdir()
    shutil.copy(SHAPES / f"{PLAN}.yaml", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_validate(repo: Path) -> None:
    assert "1 file checked: all valid" in napctl("validate").stderr


def test_every_actions_format_names_the_result(repo: Path) -> None:
    """Besides JSON and YAML, the CSV gets result columns and the other formats show the
    result beside the goal."""
    table = list(csv.reader(io.StringIO(napctl("actions", "--actor", "AN", "-f", "csv").stdout)))
    assert table[0][-2:] == ["result", "result_text"]
    assert table[1][0:2] == ["xf-2022-2026", "A1.1.1.3"] and table[1][-2] == "R1.1.1"
    md = napctl("actions", "--actor", "AN", "-f", "md").stdout
    assert "| OS1.1 / R1.1.1 | Appuyer le réseau des femmes parlementaires |" in md
    plain = napctl("actions", "--actor", "AN", "-f", "table").stdout.splitlines()  # piped: plain
    assert plain[1].split("\t")[3] == "OS1.1 / R1.1.1"


def test_actions_count_what_the_plan_prints(repo: Path) -> None:
    rows = json.loads(napctl("actions", "--format", "json").stdout)
    assert len(rows) == 9
    by_id = {r["id"]: r for r in rows}
    assert by_id["A1.1.1.2"]["result"] == "R1.1.1"
    assert by_id["A1.1.1.2"]["inherited"] == ["indicators", "departments"]
    assert by_id["A1.1.1.3"]["inherited"] == ["indicators"]
    assert by_id["A1.1.2.2"]["inherited"] == ["departments"]
    # Printed: 2 + 1 + 1 (A1.1.2.2's own) + 2 + 2 = 8 indicators, 4 results.
    printed = {(r["result"], tuple(r["indicators"])) for r in rows}
    assert sum(len(i) for _, i in printed) == 8
    assert len({r["result"] for r in rows}) == 4
    # A grouping finds its members' actions; a donor is an actor like any other.
    fds = json.loads(napctl("actions", "--actor", "FDS", "--format", "json").stdout)
    assert [r["id"] for r in fds] == ["A2.1.1.1", "A2.1.1.2"]
    ptf = json.loads(napctl("actions", "--actor", "PTF", "--format", "json").stdout)
    # PTF funds R1.1.1 and R2.1.2; A1.1.1.3 and A2.1.2.2 name their own actors.
    assert [r["id"] for r in ptf] == ["A1.1.1.1", "A1.1.1.2", "A2.1.2.1"]
    long_name = "Commission électorale nationale indépendante et ses démembrements"
    ceni = json.loads(napctl("actions", "--actor", long_name, "--format", "json").stdout)
    assert [r["id"] for r in ceni] == ["A1.1.1.1", "A1.1.1.2"]


def test_actors_show_and_matrix(repo: Path) -> None:
    actors = napctl("actors").stdout
    golden("actors.txt", actors)
    assert actors.count("does not report") == 5
    records = json.loads(napctl("actors", "--format", "json").stdout)
    kinds = {r["code"]: r["kind"] for r in records}
    assert kinds["PTF"] == "donor" and kinds["AN"] == "parliament"
    golden("show-A1.1.1.2.txt", napctl("show", "A1.1.1.2").stdout)
    golden("show-R1.1.1.txt", napctl("show", "R1.1.1").stdout)
    matrix = json.loads(napctl("matrix", "--format", "json").stdout)[0]
    totals = {r["code"]: r["total"] for r in matrix["rows"]}
    # Rows the plan prints an actor on: a result's list once, an activity's own list.
    assert totals == {
        "MPF": 3,
        "SP-1325": 0,
        "MINT": 0,
        "MSEC": 1,
        "FDS": 0,
        "POL": 1,
        "AN": 2,
        "CENI": 1,
        "OSC": 4,
        "PTF": 2,
        "ONU Femmes": 2,
        "All": 0,
    }


def test_review_says_plan_wide_findings_once(repo: Path) -> None:
    result = napctl("review")
    golden("review.txt", result.stdout)
    assert "10 findings (3 warnings, 7 info)" in result.stderr
    assert "NAP507" not in result.stdout and "NAP505" not in result.stdout


def test_progress_init_status_and_renders(repo: Path) -> None:
    made = napctl("progress", "init", "--plan", PLAN, "--year", "2023").stdout
    files = sorted(p.name for p in (repo / "progress" / PLAN / "2023").iterdir())
    # Only the actors that report: none for AN, CENI, OSC, PTF or UN Women.
    assert files == ["mpf.yaml", "msec.yaml", "pol.yaml", "sp-1325.yaml"], made
    mpf = (repo / "progress" / PLAN / "2023" / "mpf.yaml").read_text(encoding="utf-8")
    golden("progress-mpf-2023.yaml", mpf)
    assert mpf.count("indicator 1: Pourcentage de femmes élues") == 1
    status = json.loads(napctl("status", "--plan", PLAN, "--year", "2023", "-f", "json").stdout)
    assert len(status["actions"]) == 9
    missing = status["missing"]
    assert len(missing) == 11
    assert {m["department"] for m in missing} == {"MPF", "MSEC", "POL", "SP-1325"}
    out = repo / "out"
    napctl("render", "report", "--plan", PLAN, "-o", str(out / "report.md"))
    report = (out / "report.md").read_text(encoding="utf-8")
    golden("report.md", report)
    assert report.count("#### Résultat ") == 4 and report.count("#### Action ") == 9
    assert report.count("Pourcentage de femmes élues") == 1
    # MSEC reports the result's indicator once, under the first of its actions: the
    # report of the year shows the value on both actions of the result.
    msec = repo / "progress" / PLAN / "2023" / "msec.yaml"
    text = msec.read_text(encoding="utf-8")
    text = text.replace(
        "  - id: A2.1.1.1\n    status: not-reported",
        "  - id: A2.1.1.1\n    status: ongoing\n    indicators:\n"
        "      - {indicator: 1, value: 820}",
    ).replace("  - id: A2.1.1.2\n    status: not-reported", "  - id: A2.1.1.2\n    status: ongoing")
    msec.write_text(text, encoding="utf-8")
    napctl("validate")
    napctl("render", "report", "--plan", PLAN, "--year", "2023", "-o", str(out / "y.md"))
    year = (out / "y.md").read_text(encoding="utf-8")
    assert year.count("MSEC: en cours") == 2 and year.count("1: 820; 2: ____") == 2
    napctl("render", "dashboard", "--plan", PLAN, "--year", "2023", "-o", str(out / "d.html"))
    dashboard = (out / "d.html").read_text(encoding="utf-8")
    for code in ("OSC", "PTF", "CENI"):
        assert f">{code}<" not in dashboard


def test_checklists(repo: Path) -> None:
    """Only the actors that report get a checklist (as only they get a progress file):
    none for AN, CENI, OSC, PTF or UN Women. A partner that does not report is named
    with its role as text; the secretariat that collects says for whom, and lists the
    actions no reporting actor answers for."""
    napctl("checklists", "--out", "checklists")
    folder = repo / "checklists" / "xf"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["fds.md", "mint.md", "mpf.md", "msec.md", "pol.md", "sp-1325.md"]
    assert sorted(p.name for p in (repo / "checklists").iterdir()) == ["index.md", "xf"]
    mpf = (folder / "mpf.md").read_text(encoding="utf-8")
    golden("checklist-mpf.md", mpf)
    assert "7 actions à rapporter" in mpf  # its own 5 and the secretariat's 2
    assert (
        "Partagée avec: Commission électorale nationale indépendante (CENI), responsable;"
        " Organisations de la société civile (OSC), partenaire;"
        " Partenaires techniques et financiers (PTF), bailleur de fonds"
    ) in mpf
    sp = (folder / "sp-1325.md").read_text(encoding="utf-8")
    golden("checklist-sp-1325.md", sp)
    assert (
        "2 actions à rapporter. SP-1325 fait rapport pour les acteurs qui ne font pas"
        " rapport : Assemblée nationale, Organisations de la société civile."
    ) in sp
    assert sp.count("- [ ] **") == 2 and "**A1.1.1.3**" in sp and "**A2.1.2.2**" in sp
    for text in (mpf, sp):
        assert "- [ ] **A2.1.1.1**" not in text  # MSEC's and POL's, not theirs
    assert "osc.md" not in (repo / "checklists" / "index.md").read_text(encoding="utf-8")


def test_checklist_of_an_actor_that_does_not_report(repo: Path) -> None:
    """`render checklist` gives none to an actor that does not report: a usage error that
    says who reports on its actions, and no file."""
    out = repo / "osc.md"
    result = napctl("render", "checklist", "--actor", "OSC", "-o", str(out), code=2)
    assert "'OSC' does not report" in result.stderr
    assert "SP-1325 report on its actions" in result.stderr
    assert not out.exists()
    year = napctl("render", "checklist", "--actor", "SP-1325", "--year", "2023").stdout
    assert year.count("- [ ] **") == 2 and "<!-- napctl: plan=xf-2022-2026" in year
    assert "dept=SP-1325&id=A2.1.2.2".replace("&", " ") in year


def test_export(repo: Path) -> None:
    text = napctl("export", "-f", "csv", "-o", "-").stdout
    golden("export.csv", text)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][-2:] == ["Id résultat", "Résultat"] and len(rows) == 10


def test_dashboard_groups_actions_under_their_result(repo: Path) -> None:
    napctl("progress", "init", "--plan", PLAN, "--year", "2023")
    out = repo / "d.html"
    napctl("render", "dashboard", "--plan", PLAN, "--year", "2023", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    golden("dashboard-2023.html", page)
    assert page.count('<tr class="result" data-result=') == 4
    heading = '<tr class="result" data-result="R1.1.1"><th colspan="4">Résultat R1.1.1: '
    assert page.count(heading) == 1
    rows = [line.split('"')[1] for line in page.splitlines() if line.startswith("<tr data-a")]
    assert rows == [r["id"] for r in json.loads(napctl("actions", "-f", "json").stdout)]
    order = [
        page.index(f'data-{k}="{i}"')
        for k, i in (
            ("result", "R1.1.1"),
            ("action", "A1.1.1.1"),
            ("action", "A1.1.1.3"),
            ("result", "R1.1.2"),
            ("action", "A1.1.2.1"),
        )
    ]
    assert order == sorted(order)
