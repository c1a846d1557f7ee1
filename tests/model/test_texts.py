"""Texts in several languages: the model's str is the primary language's text, the
others ride along, and ``localized`` says which language it shows."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

from pytest import MonkeyPatch

from napctl.load.document import load_document
from napctl.model import plan_to_data
from napctl.model.plan import Plan, plan_from_trusted
from napctl.model.texts import LocalText, Translated, localized
from tests.conftest import EXAMPLES, MINIMAL

BILINGUAL = EXAMPLES / "languages" / "bilingual.yaml"


def load(path: Path) -> Plan:
    plan, problems = load_document(path)
    assert plan is not None, problems
    assert isinstance(plan, Plan)
    return plan


def test_primary_language_is_the_str_and_others_ride_along() -> None:
    plan = load(BILINGUAL)
    action = plan.pillars[0].goals[0].actions[0]
    assert action.text == "Recruter des officières"
    assert isinstance(action.text, Translated) and action.text.lang == "fr"
    assert action.text.texts["nl"] == "Vrouwelijke officieren aanwerven"
    assert plan.languages == ["fr", "nl"]
    assert action.indicator_texts() == ["Nombre de femmes recrutées"]


def test_localized_gives_the_language_asked_or_marks_the_one_shown() -> None:
    plan = load(BILINGUAL)
    first, second = plan.pillars[0].goals[0].actions
    assert localized(first, "text", "nl") == LocalText("Vrouwelijke officieren aanwerven")
    assert localized(first, "text", "fr") == LocalText("Recruter des officières")
    assert localized(second, "text", "nl") == LocalText(
        "Former tout le personnel à la résolution 1325", "fr"
    )
    assert localized(plan.departments[1], "name", "nl") == LocalText("Defensie")


def test_one_language_plan_is_unchanged_and_department_names_count() -> None:
    plan = load(MINIMAL)
    assert type(plan.title) is str
    assert localized(plan, "title", "fr") == LocalText("Example National Action Plan 2020-2022")
    assert localized(plan.departments[0], "name", "fr") == LocalText(
        "Ministère des Affaires étrangères"
    )


def test_trusted_copy_pickle_and_data_keep_the_translations() -> None:
    plan = load(BILINGUAL)
    data = plan_to_data(plan)
    assert data["title"] == {
        "fr": "Plan d'action national d'Exampleland 2020-2022",
        "nl": "Nationaal actieplan van Exampleland 2020-2022",
    }
    again = plan_from_trusted(data)
    assert again == plan
    assert isinstance(again.title, Translated) and again.title.texts == plan.title.texts
    for other in (copy.deepcopy(plan.title), pickle.loads(pickle.dumps(plan.title))):
        assert isinstance(other, Translated) and other.texts == plan.title.texts


def test_cache_answers_with_the_translations(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setenv("NAPCTL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NAPCTL_NO_CACHE", raising=False)
    text = BILINGUAL.read_text(encoding="utf-8")
    complete = tmp_path / "plan.yaml"  # no warning: a valid plan is cached
    complete.write_text(
        text.replace(
            "text: Former tout le personnel à la résolution 1325",
            "text: {fr: Former tout le personnel à la résolution 1325, nl: Iedereen opleiden}",
        ).replace(
            "indicators: [Nombre de personnes formées]",
            "indicators: [{fr: Nombre de personnes formées, nl: Aantal opgeleiden}]",
        ),
        encoding="utf-8",
    )
    assert load_document(complete, use_cache=True)[1] == []
    assert list((tmp_path / "cache").rglob("*")), "the plan was cached"
    plan, problems = load_document(complete, use_cache=True)
    assert problems == []
    assert plan.pillars[0].title.texts == {"fr": "Participation", "nl": "Deelname"}
    assert plan.pillars[0].goals[0].actions[1].text.texts["nl"] == "Iedereen opleiden"


def test_queries_show_the_primary_text_in_every_format() -> None:
    from typer.testing import CliRunner

    from napctl.cli import app

    for fmt in ("yaml", "json", "csv", "md"):
        result = CliRunner().invoke(
            app, ["actions", "--plans", str(BILINGUAL.parent), "--actor", "DEF", "-f", fmt]
        )
        assert result.exit_code == 0, (fmt, result.stderr)
        assert "Recruter des officières" in result.stdout


def test_yaml_editor_writes_a_text_in_several_languages_whole() -> None:
    from napctl.yaml.edit import dump_entries

    text = Translated({"fr": "Recruter", "nl": "Aanwerven"}, "fr")
    assert dump_entries({"text": text}, 0) == "text:\n  fr: Recruter\n  nl: Aanwerven\n"
