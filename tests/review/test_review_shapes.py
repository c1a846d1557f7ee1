"""The review of a plan of another shape: results, no leads, indicators in French."""

from __future__ import annotations

from collections import Counter

import pytest

from napctl.load.corpus import load_corpus
from napctl.review.index import text_is_measurable
from napctl.review.run import review_plans
from tests.conftest import EXAMPLES

SHAPED = EXAMPLES / "shapes" / "xf-2022-2026.yaml"


def test_the_cadre_logique_is_reviewed_as_it_is_printed() -> None:
    review = review_plans(load_corpus([str(SHAPED)]).plans)
    found = Counter(f.code for f in review.findings)
    # No deadline, budget line or lead anywhere: once each for the plan, not 9 times.
    # Indicators are judged where they are printed: R1.1.2 and R2.1.2 have no baseline
    # nor target (once each, not once per activity), nor does A1.1.2.2's own indicator;
    # "Existence d'un mécanisme..." names no count (R2.1.2, once); "Taux", "Nombre",
    # "Nbre" and "Pourcentage" do.
    assert dict(found) == {
        "NAP520": 1,
        "NAP521": 1,
        "NAP522": 1,
        "NAP503": 3,
        "NAP504": 3,
        "NAP502": 1,
    }
    owners = sorted(f.message.split(" has")[0] for f in review.findings if f.code == "NAP503")
    assert owners == ["action A1.1.2.2", "result R1.1.2", "result R2.1.2"]
    card = review.summaries[0]
    assert card.actions == 9
    assert card.measures["with_indicator"].label() == "9 of 9 (100%)"


@pytest.mark.parametrize(
    "text",
    [
        "Taux d'application de la loi",
        "Nombre de survivantes prises en charge",
        "Nbre de nominations examinées",
        "Pourcentage de femmes élues",
        "Aantal vrouwen in vredesmissies",
        "Percentage vrouwelijke officieren",
        "Anzahl der geschulten Polizistinnen",
        "Anteil der Frauen im Parlament",
        "Número de mujeres formadas",
        "Porcentaje de mujeres candidatas",
        "Tasa de denuncias tramitadas",
    ],
)
def test_measurable_words_in_five_languages(text: str) -> None:
    assert text_is_measurable(text)


def test_an_english_phrase_is_not_taken_for_a_french_word() -> None:
    assert not text_is_measurable("Criterion monitored as part of the evaluation")
