"""A progress sheet in French, Dutch or German: headers, statuses and the drop-down list
in the language, typed in it and read back by `napctl progress import`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from napctl.progress.sheet_export import progress_header
from tests.conftest import PLANS, napctl

BUNDLED = ["--plans", str(PLANS)]
TYPED = {  # lang -> (header of status, of summary, of the first value; statuses typed)
    "fr": ("Statut", "Résumé", "Valeur de l'indicateur 1", "en cours", "terminé"),
    "nl": ("Status", "Samenvatting", "Waarde indicator 1", "lopend", "voltooid"),
    "de": ("Status", "Zusammenfassung", "Wert Indikator 1", "laufend", "abgeschlossen"),
}


def test_english_header_is_the_one_it_always_was() -> None:
    assert progress_header(1)[17:21] == (
        "Reporting department",
        "Status",
        "Summary",
        "Indicator 1 value",
    )
    assert progress_header(1, "fr")[17:21] == (
        "Département rapporteur",
        "Statut",
        "Résumé",
        "Valeur de l'indicateur 1",
    )


@pytest.mark.parametrize("lang", list(TYPED))
def test_csv_round_trip_in_the_language(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, summary, value, ongoing, completed = TYPED[lang]
    args = ["--year", "2015", "--plan", "be-2013-2016", "-f", "csv", "-o", "s.csv", "--lang", lang]
    napctl("export", *args, *BUNDLED)
    rows = list(csv.reader(io.StringIO(Path("s.csv").read_text("utf-8"), newline="")))
    header = rows[0]
    assert "Status" not in header or lang != "fr"
    first = next(r for r in rows[1:] if r[6] == "1.a" and r[17] == "Defence")
    second = next(r for r in rows[1:] if r[6] == "7.c" and r[17] == "Defence")
    assert first[header.index(status)] == napctl_term("not-reported", lang)
    first[header.index(status)] = ongoing
    first[header.index(summary)] = "Deux sessions"
    first[header.index(value)] = "12"
    second[header.index(status)] = completed
    second[header.index(summary)] = "Fait"
    with Path("s.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    napctl("progress", "import", "s.csv", *BUNDLED)
    out = napctl("status", "--plan", "be-2013-2016", "--year", "2015", "-f", "json", *BUNDLED)
    reports = {
        (a["id"], r["department"]): r["status"]
        for a in json.loads(out.stdout)["actions"]
        for r in a["reports"]
    }
    assert reports[("1.a", "Defence")] == "ongoing"
    assert reports[("7.c", "Defence")] == "completed"
    entry = next(
        e
        for p in Path("progress").rglob("defence.yaml")
        for e in yaml.safe_load(p.read_text("utf-8"))["actions"]
        if e["id"] == "1.a"
    )
    assert entry["summary"] == "Deux sessions"
    assert entry["indicators"][0]["value"] == 12


def test_xlsx_drop_down_lists_the_statuses_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    monkeypatch.chdir(tmp_path)
    args = ["--year", "2015", "--plan", "be-2013-2016", "-f", "xlsx", "-o", "s.xlsx"]
    napctl("export", *args, "--lang", "fr", *BUNDLED)
    sheet = load_workbook("s.xlsx").worksheets[0]
    lists = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert lists == [
        '"non rapporté,non commencé,en cours,retardé,terminé,abandonné,non applicable"'
    ]
    assert sheet.cell(1, 19).value == "Statut"


def napctl_term(word: str, lang: str) -> str:
    from napctl.core.i18n import term

    return term(word, lang)
