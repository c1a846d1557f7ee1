"""The indicator and independent assessment sections in French, Dutch and German: every
label napctl writes there comes from the catalogs (the plans' and organisations' texts
stay as written)."""

from __future__ import annotations

import html

import pytest

from tests.conftest import PLANS, ROOT, napctl
from tests.indicators.conftest import PLANS as INDICATOR_PLANS
from tests.indicators.conftest import PROGRESS as INDICATOR_PROGRESS
from tests.render.test_languages import OTHERS, english_labels, strip_plan_text

ASSESSED = (
    "--plans", str(PLANS), "--plan", "lu-2018-2023", "--year", "2020",
    "--progress", str(ROOT / "examples" / "progress"),
    "--assessments", str(ROOT / "examples" / "assessments"),
)  # fmt: skip
INDICATORS = (
    "--plans", str(INDICATOR_PLANS), "--progress", str(INDICATOR_PROGRESS),
    "--plan", "zz-2018-2022", "--year", "2020",
)  # fmt: skip
#: What each language says where English says "Independent assessment 2020", "6 of 55
#: actions", "150 by 2022", "moderate progress" and "Last value".
SAID = {
    "fr": ("Évaluation indépendante 2020", "6 sur 55 actions", "150 pour 2022",
           "Progrès modérés.", "Dernière valeur: 70 officers (2019); cible: 150 pour 2022"),
    "nl": ("Onafhankelijke evaluatie 2020", "6 van 55 acties", "150 tegen 2022",
           "Matige vooruitgang.",
           "Laatste waarde: 70 officers (2019); streefwaarde: 150 tegen 2022"),
    "de": ("Unabhängige Bewertung 2020", "6 von 55 Maßnahmen", "150 bis 2022",
           "Mäßige Fortschritte.", "Letzter Wert: 70 officers (2019); Zielwert: 150 bis 2022"),
}  # fmt: skip
#: English sentences with values in them, which the label shapes do not catch.
ENGLISH = [
    "Independent assessment", "independent assessment", " of 55 actions", " by 2022",
    "The pillar as a whole", "disputes", "Disputes", "hollow dot", "dashed line", "baseline ",
    "Last value", "last value", "none reported", "its own scale", "Moderate progress",
    "moderate progress", "Insufficient data", "insufficient data",
]  # fmt: skip


def outputs(lang: str) -> dict[str, str]:
    report = ("render", "report", *ASSESSED, "--shape", "annual", "--lang", lang)
    checklist = ("render", "checklist", *INDICATORS, "--actor", "DEF", "--lang", lang)
    return {
        "assessed report.md": napctl(*report, "-f", "md").stdout,
        "assessed report.html": napctl(*report, "-f", "html").stdout,
        "assessed dashboard": napctl("render", "dashboard", *ASSESSED, "--lang", lang).stdout,
        "indicators dashboard": napctl("render", "dashboard", *INDICATORS, "--lang", lang).stdout,
        "indicators report": napctl(
            "render", "report", *INDICATORS, "--shape", "midterm", "--lang", lang
        ).stdout,
        "checklist.md": napctl(*checklist).stdout,
        "checklist.html": napctl(*checklist, "-f", "html").stdout,
    }


@pytest.mark.parametrize("lang", OTHERS)
def test_sections_say_their_labels_in_the_language(lang: str) -> None:
    found = outputs(lang)
    plan_text = "".join(
        p.read_text(encoding="utf-8")
        for p in [
            PLANS / "lu-2018-2023.yaml",
            *INDICATOR_PLANS.glob("*.yaml"),
            *(ROOT / "examples" / "assessments").rglob("*.yaml"),  # the organisations' own
        ]
    )
    for name, text in found.items():
        # Unescaped, so that an organisation's quoted text is found in its file.
        ours = strip_plan_text(html.unescape(text), plan_text)
        for label in [*english_labels(lang), *ENGLISH]:
            assert label not in ours, f"{lang} {name}: {label!r}"
    heading, rated, target, status, hint = SAID[lang]
    assert f"## {heading}\n" in found["assessed report.md"]
    assert f"<h2>{heading}</h2>" in found["assessed dashboard"]
    assert f"| {rated} |" in found["assessed report.md"]
    assert f"<td>{rated}</td>" in found["assessed report.html"]
    assert f"<td>{target}</td>" in found["indicators dashboard"]
    assert f"{status}</figcaption>" in found["indicators dashboard"]
    assert f"    - {hint}\n" in found["checklist.md"]
