"""`napctl translations`: export the untranslated texts, fill the PO file, import it,
render in the new language; and each kind of bad PO file refused, nothing written."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.document import load_document
from napctl.model import Plan
from napctl.translations.po import export_catalog, untranslated, write_catalog
from tests.conftest import EXAMPLES, PLANS

BILINGUAL = EXAMPLES / "languages" / "bilingual.yaml"
DUTCH = {
    "Former tout le personnel à la résolution 1325": "Alle personeel opleiden over resolutie 1325",
    "Nombre de personnes formées": "Aantal opgeleide personen",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(BILINGUAL, plans / "plan.yaml")
    return plans


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["translations", *args])
    return result.exit_code, result.stdout, result.stderr


def export(runner: CliRunner, folder: Path, out: Path, lang: str = "nl") -> str:
    code, _, err = invoke(
        runner, "export", "--plans", str(folder), "--plan", "xx-2020-2022", "--lang", lang,
        "-o", str(out),
    )  # fmt: skip
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def fill(po: str, translations: dict[str, str]) -> str:
    for msgid, msgstr in translations.items():
        po = po.replace(f'msgid "{msgid}"\nmsgstr ""', f'msgid "{msgid}"\nmsgstr "{msgstr}"')
    return po


def test_export_lists_the_texts_without_the_language(runner: CliRunner, folder: Path) -> None:
    po = export(runner, folder, folder.parent / "nl.po")
    with (folder.parent / "nl.po").open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.project == "xx-2020-2022" and str(catalog.locale) == "nl"
    assert [(m.context, m.id, m.auto_comments) for m in catalog if m.id] == [
        ("pillars[0].goals[0].actions[1].text", "Former tout le personnel à la résolution 1325",
         ["action P1.1.2"]),
        ("pillars[0].goals[0].actions[1].indicators[0]", "Nombre de personnes formées",
         ["action P1.1.2"]),
    ]  # fmt: skip
    assert "Recruter" not in po  # translated already


def test_export_is_the_same_bytes_for_the_same_plan() -> None:
    plan, _ = load_document(BILINGUAL)
    assert isinstance(plan, Plan)
    when = datetime.datetime(2024, 1, 31, tzinfo=datetime.UTC)
    first = write_catalog(export_catalog(plan, "nl", created=when))
    assert first == write_catalog(export_catalog(plan, "nl", created=when))
    assert b'"POT-Creation-Date: 2024-01-31 00:00+0000\\n"' in first
    # A one-language plan: every text of it is to translate.
    lu, _ = load_document(PLANS / "lu-2018-2023.yaml")
    assert isinstance(lu, Plan)
    assert len(list(untranslated(lu, "fr"))) == 195


def test_round_trip_export_fill_import_render(runner: CliRunner, folder: Path) -> None:
    before = (folder / "plan.yaml").read_text(encoding="utf-8")
    po_file = folder.parent / "nl.po"
    po_file.write_text(fill(export(runner, folder, po_file), DUTCH), encoding="utf-8")
    code, _, err = invoke(runner, "import", str(po_file), "--plans", str(folder))
    assert code == 0, err
    assert "2 translations written" in err
    after = (folder / "plan.yaml").read_text(encoding="utf-8")
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        (
            "            text: Former tout le personnel à la résolution 1325",
            '            text: {"fr": "Former tout le personnel à la résolution 1325",'
            ' "nl": "Alle personeel opleiden over resolutie 1325"}',
        ),
        (
            "            indicators: [Nombre de personnes formées]",
            '            indicators: [{"fr": "Nombre de personnes formées",'
            ' "nl": "Aantal opgeleide personen"}]',
        ),
    ]
    assert len(after.splitlines()) == len(before.splitlines())  # comments and all kept
    _, problems = load_document(folder / "plan.yaml")
    assert problems == []  # no NAP600 left
    result = runner.invoke(
        app, ["render", "report", "--plans", str(folder), "--plan", "xx-2020-2022", "--lang", "nl"]
    )
    assert result.exit_code == 0
    assert "Alle personeel opleiden over resolutie 1325\n" in result.stdout
    assert "[fr]" not in result.stdout
    assert export(runner, folder, folder.parent / "again.po").count("msgctxt") == 0


def test_a_block_mapping_gets_the_language_as_a_line(runner: CliRunner, folder: Path) -> None:
    plan = folder / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("languages: [fr, nl]", "languages: [fr, nl, de]"), encoding="utf-8"
    )
    po = export(runner, folder, folder.parent / "de.po", "de")
    po = fill(po, {"Recruter des officières": "Offizierinnen einstellen"})
    (folder.parent / "de.po").write_text(po, encoding="utf-8")
    code, _, err = invoke(runner, "import", str(folder.parent / "de.po"), "--plans", str(folder))
    assert code == 0, err
    assert (
        "              nl: Vrouwelijke officieren aanwerven\n"
        "              de: Offizierinnen einstellen\n"
        "            indicators:"
    ) in plan.read_text(encoding="utf-8")


def test_entry_for_a_text_that_changed_is_reported_not_applied(
    runner: CliRunner, folder: Path
) -> None:
    po_file = folder.parent / "nl.po"
    po = fill(export(runner, folder, po_file), DUTCH)
    po_file.write_text(po, encoding="utf-8")
    plan = folder / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "text: Former tout le personnel", "text: Former le personnel"
        ),
        encoding="utf-8",
    )
    code, _, err = invoke(runner, "import", str(po_file), "--plans", str(folder))
    assert code == 1
    assert "NAP611" in err and "pillars[0].goals[0].actions[1].text" in err
    assert "1 translations written" in err
    after = plan.read_text(encoding="utf-8")
    assert "Alle personeel" not in after and "Aantal opgeleide personen" in after


@pytest.mark.parametrize(
    ("damage", "code", "message"),
    [
        (lambda po: po.encode("latin-1"), "NAP610", "not UTF-8"),
        (lambda po: (po + '\nmsgid "x"\nmsgid "y"\n').encode(), "NAP610", "not a PO file"),
        (
            lambda po: po.replace("resolutie 1325", "resolutie\x1b[31m 1325").encode(),
            "NAP612",
            "control character",
        ),
    ],
)
def test_bad_po_files_change_nothing(
    runner: CliRunner, folder: Path, damage: object, code: str, message: str
) -> None:
    po_file = folder.parent / "nl.po"
    po = fill(export(runner, folder, po_file), DUTCH)
    assert callable(damage)
    po_file.write_bytes(damage(po))
    before = (folder / "plan.yaml").read_bytes()
    exit_code, _, err = invoke(runner, "import", str(po_file), "--plans", str(folder))
    assert exit_code == 1
    assert code in err and message in err
    assert (folder / "plan.yaml").read_bytes() == before


def test_unknown_language_and_wrong_plan_are_usage_errors(runner: CliRunner, folder: Path) -> None:
    code, out, err = invoke(
        runner, "export", "--plans", str(folder), "--plan", "xx-2020-2022", "--lang", "de"
    )
    assert code == 2 and out == ""
    assert "lists the languages fr, nl, not 'de'" in err
    code, _, err = invoke(
        runner, "export", "--plans", str(PLANS), "--plan", "be-2013-2016", "--lang", "es"
    )
    assert code == 2 and "napctl has de, en, fr, nl" in err
    po_file = folder.parent / "nl.po"
    po_file.write_text(fill(export(runner, folder, po_file), DUTCH), encoding="utf-8")
    shutil.copy(PLANS / "be-2013-2016.yaml", folder / "be.yaml")
    before = (folder / "plan.yaml").read_bytes()
    code, _, err = invoke(
        runner, "import", str(po_file), "--plans", str(folder), "--plan", "be-2013-2016"
    )
    assert code == 2 and "holds texts of plan xx-2020-2022, not of be-2013-2016" in err
    assert (folder / "plan.yaml").read_bytes() == before
