"""NAP600-NAP602: every text in every language the plan lists, each warning at its text."""

from __future__ import annotations

from pathlib import Path

from napctl.load.document import load_document
from tests.conftest import EXAMPLES

BILINGUAL = EXAMPLES / "languages" / "bilingual.yaml"


def problems(path: Path) -> list[tuple[int, int, str, str]]:
    _, found = load_document(path)
    return [(p.line, p.column, p.code, p.level) for p in found]


def test_missing_translations_are_warnings_at_their_text() -> None:
    assert problems(BILINGUAL) == [
        (44, 19, "NAP600", "warning"),  # P1.1.2's text has no Dutch
        (45, 26, "NAP600", "warning"),  # nor its indicator
    ]


def test_undeclared_language_and_primary_missing_from_the_list(tmp_path: Path) -> None:
    text = BILINGUAL.read_text(encoding="utf-8")
    bad = tmp_path / "plan.yaml"
    bad.write_text(
        text.replace("languages: [fr, nl]", "languages: [nl]").replace(
            "{fr: Défense, nl: Defensie}", "{fr: Défense, nl: Defensie, de: Verteidigung}"
        ),
        encoding="utf-8",
    )
    found = problems(bad)
    assert (11, 12, "NAP602", "warning") in found
    assert (24, 43, "NAP601", "warning") in found  # de, which the list leaves out
    assert not [p for p in found if p[2] == "NAP601" and p[1] != 43]  # never fr, the primary


def test_control_character_in_a_translation_is_refused(tmp_path: Path) -> None:
    text = BILINGUAL.read_text(encoding="utf-8")
    bad = tmp_path / "plan.yaml"
    bad.write_text(text.replace("nl: Defensie}", 'nl: "Defensie\\e[31m"}'), encoding="utf-8")
    assert (24, 29, "NAP211", "error") in problems(bad)


def test_a_bad_mapping_is_one_clear_problem(tmp_path: Path) -> None:
    text = BILINGUAL.read_text(encoding="utf-8")
    bad = tmp_path / "plan.yaml"
    bad.write_text(text.replace("{fr: Participation, nl: Deelname}", "{FR: x}"), encoding="utf-8")
    _, found = load_document(bad)
    assert [(p.line, p.code) for p in found] == [(27, "NAP209")]
    assert "'FR' is not a language code" in found[0].message
