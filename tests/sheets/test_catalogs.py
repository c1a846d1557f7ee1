"""The header and UN pillar catalogs, near-duplicate actor names, long actor names."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.sheets.headers import HEADERS, LANGUAGES, field_of, fold
from napctl.sheets.near import near
from napctl.sheets.unpillars import guess_un_pillars
from tests.conftest import ROOT

CASE = ROOT / "tests" / "sheets-cases" / "update"


def test_no_header_word_names_two_fields() -> None:
    owner: dict[str, str] = {}
    for name, languages in HEADERS.items():
        assert set(languages) == set(LANGUAGES), name
        for words in languages.values():
            for word in words:
                assert owner.setdefault(fold(word), name) == name, word


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Résultats attendus", "result"),
        ("Erwartete Ergebnisse", "result"),
        ("Rôle", "role"),
        ("Partenaires", "partners"),
        ("Socios", "partners"),
        ("Valeur cible", "target"),
        ("Streefwaarde", "target"),
        ("Activités", "text"),
        ("Maßnahmen", "text"),
        ("N°", "id"),
    ],
)
def test_headers_in_five_languages(header: str, field: str) -> None:
    assert field_of(header) == field


@pytest.mark.parametrize(
    ("title", "pillars"),
    [
        ("AXE 4. RELÈVEMENT", ["relief-and-recovery"]),
        ("Relèvement", ["relief-and-recovery"]),
        ("Herstel", ["relief-and-recovery"]),
        ("Wiederaufbau", ["relief-and-recovery"]),
        ("Recuperación", ["relief-and-recovery"]),
        ("Recovery", ["relief-and-recovery"]),
        ("Participation", ["participation"]),
        ("Participación", ["participation"]),
        ("Beteiligung", ["participation"]),
        ("Participatie", ["participation"]),
        ("Prévention", ["prevention"]),
        ("Preventie", ["prevention"]),
        ("Prävention", ["prevention"]),
        ("Prevención", ["prevention"]),
        ("Protection", ["protection"]),
        ("Bescherming", ["protection"]),
        ("Schutz", ["protection"]),
        ("Protección", ["protection"]),
        ("Axe 2 : Prévention et protection", ["prevention", "protection"]),
        ("Gouvernance", []),
    ],
)
def test_un_pillars_from_titles(title: str, pillars: list[str]) -> None:
    assert guess_un_pillars(title) == pillars


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("PTF", "PTF.", True),
        ("PTF", "PFT", True),
        ("Ministère de la Femme", "MINISTERE DE LA FEMME.", True),
        ("Ministère de la Femme", "Ministère de la Fmme", True),
        ("MAEE D1", "MAEE D2", False),
        ("Ministère de la Santé", "Ministère de la Justice", False),
        ("PTF", "PNUD", False),
    ],
)
def test_near(a: str, b: str, same: bool) -> None:
    assert near(a, b) is same


def _import(runner: CliRunner, table: Path) -> tuple[int, str]:
    result = runner.invoke(
        app, ["import", str(table), "--plan", "xx-2024-2028", "--plans", "u", "--update"]
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "u").mkdir()
    shutil.copy(CASE / "plan.yaml", tmp_path / "u" / "plan.yaml")
    return tmp_path


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Cadre"
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


HEAD = ["Axe", "Objectif", "Activité", "Acteurs"]
AXE, OBJ = "AXE 3. PROTECTION", "Protéger les femmes"


def test_near_duplicates_one_error_each_with_candidates(french: Path, runner: CliRunner) -> None:
    ministry = [
        "Ministère de la Justice",
        "ministère de la justice",
        "MINISTERE DE LA JUSTICE",
        "Ministère de la Justice.",
        "Ministere de la Justice",
        "Ministère de la Jsutice",
        "Ministère  de la Justice",
    ]
    rows = [HEAD]
    rows += [[AXE, OBJ, f"Activité {n}", f"{m}, PTF"] for n, m in enumerate(ministry)]
    rows += [[AXE, OBJ, "Activité PTF.", "PTF."], [AXE, OBJ, "Activité PFT", "PFT"]]
    rows += [[AXE, OBJ, "Activité MFFE", "Mffe."]]
    code, err = _import(runner, _xlsx(french / "cadre.xlsx", rows))
    assert code == 1
    assert err.splitlines() == [
        'cadre.xlsx:Cadre!D2: actors "Ministère de la Justice" (2 cells, first Cadre!D2),'
        ' "MINISTERE DE LA JUSTICE" (2 cells, first Cadre!D4), "Ministère de la Justice."'
        ' (1 cell, Cadre!D5), "Ministère de la Jsutice" (1 cell, Cadre!D7),'
        ' "Ministère  de la Justice" (1 cell, Cadre!D8) look like one actor written 5 ways:'
        " write one spelling in every cell (or, for different actors, add them to the"
        " registry first)",
        'cadre.xlsx:Cadre!D9: unknown department "PTF."; did you mean "PTF"? (add it to the'
        " registry first if it is a new department)",
        'cadre.xlsx:Cadre!D10: actor "PFT" (1 cell, Cadre!D10) looks like the registry\'s'
        ' "PTF": write the registry\'s code, or add the spelling to its aliases (or, for'
        " another actor, add that actor to the registry first)",
        'cadre.xlsx:Cadre!D11: unknown department "Mffe."; did you mean "MFFE"? (add it to'
        " the registry first if it is a new department)",
        "napctl: 4 problems; u/plan.yaml is unchanged",
    ]


def test_a_problem_on_many_rows_is_said_once(french: Path, runner: CliRunner) -> None:
    rows = [HEAD] + [["AXE 9. GOUVERNANCE", OBJ, f"Activité {n}", "MFFE"] for n in range(5)]
    code, err = _import(runner, _xlsx(french / "cadre.xlsx", rows))
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("cadre.xlsx:Cadre!A2: no UN pillar")
    assert lines[0].endswith("(the same in 5 cells; the first is here)")


def test_an_actor_name_of_200_characters_is_accepted(french: Path, runner: CliRunner) -> None:
    name = ("Commission nationale " * 10)[:200].strip() + "x"
    rows = [HEAD, [AXE, OBJ, "Activité longue", name]]
    table = french / "long.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, err = _import(runner, table)
    assert (code, err) == (
        0,
        "u/plan.yaml: unchanged (a dry run); --update --apply writes these 4 changes\n",
    )
    long = "x" * 201
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEAD, [AXE, OBJ, "Activité longue", long]])
    code, err = _import(runner, table)
    assert code == 1
    assert "longer than 200 characters" in err


def test_import_help_lists_the_catalog(runner: CliRunner) -> None:
    out = runner.invoke(app, ["import", "--help"]).stdout
    assert "Résultats attendus".casefold() in out.casefold()
    assert "Wiederaufbau" not in out  # UN pillar words are no headers
    for name in HEADERS:
        assert f"\n  {name}" in out
