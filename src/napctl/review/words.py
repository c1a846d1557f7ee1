"""The review's word catalog: words that say an indicator counts or measures, by language.

An indicator is measurable when its text names a count, a share or a rate
(``napctl.review.index.text_is_measurable``). Plans are written in many
languages, so the words are a catalog by language, not a branch per language:
a language is one more entry. A word of one language that is a common word of
another is left out (French "part": English "as part of"). Words are written
folded, as ``plans.match.words`` gives them (lower case, no accents: "número" is
"numero").
"""

from __future__ import annotations

#: Language -> words that say an indicator measures something.
MEASURE_WORDS_BY_LANGUAGE: dict[str, frozenset[str]] = {
    "en": frozenset(
        {
            "number",
            "numbers",
            "percentage",
            "percentages",
            "percent",
            "proportion",
            "proportions",
            "share",
            "ratio",
            "ratios",
            "rate",
            "rates",
            "amount",
            "amounts",
            "count",
            "counts",
            "statistics",
            "total",
            "frequency",
        }
    ),
    "fr": frozenset(
        {
            "taux",
            "nombre",
            "nombres",
            "nbre",
            "nb",
            "pourcentage",
            "pourcentages",
            "proportion",
            "ratio",
            "montant",
            "montants",
            "effectif",
            "effectifs",
            "quantite",
            "total",
            "frequence",
            "statistiques",
        }
    ),
    "nl": frozenset(
        {
            "aantal",
            "percentage",
            "aandeel",
            "proportie",
            "ratio",
            "bedrag",
            "totaal",
            "frequentie",
            "cijfers",
            "statistieken",
        }
    ),
    "de": frozenset(
        {
            "anzahl",
            "anteil",
            "prozentsatz",
            "prozent",
            "quote",
            "rate",
            "betrag",
            "summe",
            "zahl",
            "gesamtzahl",
            "haufigkeit",
            "statistik",
        }
    ),
    "es": frozenset(
        {
            "numero",
            "porcentaje",
            "tasa",
            "proporcion",
            "cantidad",
            "monto",
            "cifra",
            "cifras",
            "total",
            "frecuencia",
            "ratio",
            "estadisticas",
        }
    ),
}

#: Every language's words: a plan in one language often quotes another's indicators.
MEASURE_WORDS: frozenset[str] = frozenset().union(*MEASURE_WORDS_BY_LANGUAGE.values())
