"""The header words `napctl import` recognises: one table, per column and per language.

A column is recognised when its header, folded (case, accents and punctuation
aside: ``napctl.sheets.read.fold``), is one of its words in any language. A new
language or a new word is an entry here, never a branch in the reader; `napctl
import --help` lists this table, so what it says and what it does cannot drift.

A field listed in ``PENDING`` (none at present) is recognised so that a sheet
holding it is understood and its column named in the message, but plan files
have no place for it yet: an import says so once, at the header, and
``--columns skip=HEADER`` leaves the column out. ``ROLE_WORDS`` holds the words
of the assignment roles, for role columns and brackets after an actor.
"""

from __future__ import annotations

import re
import unicodedata

#: The languages of the table, in the order `--help` lists them.
LANGUAGES = ("en", "fr", "nl", "de", "es")

#: field -> language -> header words (written as people write them; compared folded).
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "plan": {
        "en": ("plan", "plan id"),
        "fr": ("plan",),
        "nl": ("plan",),
        "de": ("Plan",),
        "es": ("plan",),
    },
    "pillar_id": {
        "en": ("pillar id", "pillar no", "pillar number"),
        "fr": ("id pilier", "pilier id", "pilier no", "n° axe", "numéro d'axe"),
        "nl": ("pijler nr", "pijlernummer"),
        "de": ("Säule Nr", "Säulennummer"),
        "es": ("pilar n°", "número de pilar", "id pilar"),
    },
    "pillar": {
        "en": ("pillar", "pillars", "pillar title", "axis", "priority area"),
        "fr": (
            "pilier",
            "piliers",
            "axe",
            "axes",
            "domaine",
            "domaine prioritaire",
            "axe stratégique",
        ),
        "nl": ("pijler", "pijlers", "as", "prioriteit", "actiedomein"),
        "de": ("Säule", "Säulen", "Schwerpunkt", "Handlungsfeld", "Achse"),
        "es": ("pilar", "pilares", "eje", "ejes", "eje estratégico", "área prioritaria"),
    },
    "un_pillars": {
        "en": ("un pillars", "un pillar"),
        "fr": ("piliers onu", "pilier onu", "piliers nations unies"),
        "nl": ("VN-pijlers", "VN-pijler"),
        "de": ("UN-Säulen", "UN-Säule"),
        "es": ("pilares ONU", "pilar ONU"),
    },
    "goal_id": {
        "en": ("goal id", "goal no", "goal number", "objective id"),
        "fr": ("id objectif", "objectif id", "objectif no", "n° objectif"),
        "nl": ("doelstelling nr", "doel nr"),
        "de": ("Ziel Nr", "Zielnummer"),
        "es": ("objetivo n°", "id objetivo"),
    },
    "goal": {
        "en": ("goal", "goals", "goal text", "objective", "objectives"),
        "fr": (
            "objectif",
            "objectifs",
            "objectif spécifique",
            "objectifs spécifiques",
            "objectif stratégique",
        ),
        "nl": ("doel", "doelen", "doelstelling", "doelstellingen"),
        "de": ("Ziel", "Ziele", "Zielsetzung"),
        "es": ("objetivo", "objetivos", "objetivo específico", "objetivos específicos"),
    },
    "id": {
        "en": (
            "id",
            "action id",
            "action no",
            "no",
            "number",
            "ref",
            "reference",
            "line",
            "line no",
        ),
        "fr": ("numéro", "n", "n°", "id action", "réf"),
        "nl": ("nr", "nummer", "actie nr"),
        "de": ("Nr", "Nummer", "Maßnahme Nr"),
        "es": ("número", "núm", "id acción"),
    },
    "text": {
        "en": (
            "action",
            "actions",
            "text",
            "action text",
            "activity",
            "activities",
            "line of action",
            "lines of action",
        ),
        "fr": (
            "mesure",
            "mesures",
            "activité",
            "activités",
            "ligne d'action",
            "lignes d'action",
            "texte",
            "actions prioritaires",
        ),
        "nl": ("actie", "acties", "maatregel", "maatregelen", "activiteit", "activiteiten"),
        "de": ("Maßnahme", "Maßnahmen", "Aktivität", "Aktivitäten", "Aktion"),
        "es": ("acción", "acciones", "actividad", "actividades", "medida", "medidas"),
    },
    "indicators": {
        "en": (
            "indicator",
            "indicators",
            "monitoring instrument",
            "monitoring instruments",
            "means of verification",
        ),
        "fr": (
            "indicateur",
            "indicateurs",
            "instrument de suivi",
            "instruments de suivi",
            "indicateurs de suivi",
        ),
        "nl": ("indicator", "indicatoren"),
        "de": ("Indikator", "Indikatoren"),
        "es": ("indicador", "indicadores"),
    },
    "departments": {
        "en": (
            "department",
            "departments",
            "actor",
            "actors",
            "responsible",
            "responsibility",
            "ministry",
            "ministries",
        ),
        "fr": (
            "acteur",
            "acteurs",
            "responsable",
            "responsables",
            "ministère",
            "ministères",
            "entités responsables",
            "structures responsables",
            "structures impliquées",
        ),
        "nl": ("actor", "actoren", "verantwoordelijke", "verantwoordelijken", "departement"),
        "de": ("Akteur", "Akteure", "Verantwortlich", "Zuständigkeit", "Ministerium"),
        "es": ("actor", "actores", "responsable", "responsables", "ministerio"),
    },
    "deadline": {
        "en": ("deadline", "due", "due date"),
        "fr": ("échéance", "délai", "délais", "date limite"),
        "nl": ("deadline", "termijn", "einddatum"),
        "de": ("Frist", "Termin", "Fälligkeit"),
        "es": ("plazo", "fecha límite"),
    },
    "timeline": {
        "en": ("timeline", "timeframe", "time frame", "period of implementation"),
        "fr": ("calendrier", "échéancier", "période", "chronogramme"),
        "nl": ("tijdpad", "planning", "periode"),
        "de": ("Zeitraum", "Zeitplan"),
        "es": ("calendario", "cronograma", "periodo"),
    },
    "budget": {
        "en": ("budget", "cost", "costs", "funding"),
        "fr": ("coût", "coûts", "financement"),
        "nl": ("begroting", "kosten", "financiering"),
        "de": ("Budget", "Kosten", "Finanzierung"),
        "es": ("presupuesto", "costo", "coste", "financiación"),
    },
    "budget_source": {
        "en": ("budget source", "source of funding", "funding source"),
        "fr": ("source du budget", "source de financement", "ligne budgétaire"),
        "nl": ("financieringsbron", "bron van financiering"),
        "de": ("Finanzierungsquelle", "Haushaltslinie"),
        "es": ("fuente de financiación", "fuente de financiamiento"),
    },
    "budget_allocated": {
        "en": ("budget allocated", "allocated"),
        "fr": ("budget alloué", "alloué"),
        "nl": ("begroting toegewezen", "toegewezen"),
        "de": ("Budget zugewiesen", "zugewiesen"),
        "es": ("presupuesto asignado", "asignado"),
    },
    "lead": {
        "en": ("lead", "lead department", "lead ministry"),
        "fr": ("chef de file", "pilote"),
        "nl": ("trekker", "leidend departement"),
        "de": ("federführend", "Federführung"),
        "es": ("líder", "entidad líder"),
    },
    "notes": {
        "en": ("notes", "note", "remarks", "comments"),
        "fr": ("remarques", "commentaires", "observations"),
        "nl": ("opmerkingen", "opmerking"),
        "de": ("Anmerkungen", "Bemerkungen"),
        "es": ("notas", "observaciones", "comentarios"),
    },
    "result_id": {
        "en": ("result id", "result no", "outcome id", "output id"),
        "fr": ("n° résultat", "id résultat", "résultat no"),
        "nl": ("resultaat nr",),
        "de": ("Ergebnis Nr",),
        "es": ("resultado n°", "id resultado"),
    },
    "result": {
        "en": ("result", "results", "expected result", "expected results", "outcome", "output"),
        "fr": ("résultat", "résultats", "résultat attendu", "résultats attendus", "effet"),
        "nl": ("resultaat", "resultaten", "beoogd resultaat", "beoogde resultaten"),
        "de": ("Ergebnis", "Ergebnisse", "erwartetes Ergebnis", "erwartete Ergebnisse"),
        "es": ("resultado", "resultados", "resultado esperado", "resultados esperados"),
    },
    "role": {
        "en": ("role", "roles"),
        "fr": ("rôle", "rôles"),
        "nl": ("rol", "rollen"),
        "de": ("Rolle", "Rollen"),
        "es": ("rol", "roles", "papel"),
    },
    "partners": {
        "en": ("partner", "partners", "supporting partners", "support"),
        "fr": ("partenaire", "partenaires", "appui", "partenaires d'appui", "ptf"),
        "nl": ("partner", "partners", "ondersteuning"),
        "de": ("Partner", "Partnerinnen", "Unterstützung"),
        "es": ("socio", "socios", "aliados", "apoyo"),
    },
    "target": {
        "en": ("target", "targets", "target value"),
        "fr": ("cible", "cibles", "valeur cible"),
        "nl": ("streefwaarde", "streefcijfer", "doelwaarde"),
        "de": ("Zielwert", "Zielwerte", "Sollwert"),
        "es": ("meta", "metas", "valor meta"),
    },
}

#: Fields a sheet may hold that plan files cannot hold yet, with what they are (none now:
#: results, roles, partners and targets are imported).
PENDING: dict[str, str] = {}

#: The words for each assignment role (``role:``) that a role column or a bracket
#: after an actor ("OSC (partenaire)") may give, in the languages of the headers.
ROLE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "lead": {
        "en": ("lead",),
        "fr": ("chef de file", "pilote", "lead"),
        "nl": ("trekker", "leidend"),
        "de": ("federführend", "Federführung"),
        "es": ("líder", "lidera"),
    },
    "responsible": {
        "en": ("responsible",),
        "fr": ("responsable",),
        "nl": ("verantwoordelijk",),
        "de": ("verantwortlich",),
        "es": ("responsable",),
    },
    "support": {
        "en": ("support",),
        "fr": ("appui", "soutien"),
        "nl": ("ondersteuning", "steun"),
        "de": ("Unterstützung",),
        "es": ("apoyo",),
    },
    "partner": {
        "en": ("partner",),
        "fr": ("partenaire",),
        "nl": ("partner",),
        "de": ("Partner",),
        "es": ("socio", "aliado"),
    },
    "funder": {
        "en": ("funder", "donor"),
        "fr": ("bailleur", "bailleur de fonds", "financement", "financeur"),
        "nl": ("financier", "donor"),
        "de": ("Geldgeber", "Finanzierung"),
        "es": ("financiador", "donante"),
    },
    "coordination": {
        "en": ("coordination",),
        "fr": ("coordination",),
        "nl": ("coördinatie",),
        "de": ("Koordination", "Koordinierung"),
        "es": ("coordinación",),
    },
}

_DROP = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """A header as it is compared: case, accents and punctuation aside ("N°" is "n")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _DROP.sub(" ", ascii_text.casefold()).strip()


def synonyms() -> dict[str, tuple[str, ...]]:
    """field -> every folded header word of every language (each word once)."""
    return {
        name: tuple(dict.fromkeys(fold(w) for lang in LANGUAGES for w in words.get(lang, ())))
        for name, words in HEADERS.items()
    }


def field_of(header: str) -> str | None:
    """The field a header names, or None."""
    folded = fold(header)
    return next((name for name, words in SYNONYMS.items() if folded in words), None)


def catalog_help() -> str:
    """The table as `napctl import --help` prints it: a paragraph per field."""
    parts = ["Column headers recognised (case, accents and punctuation aside):"]
    for name, words in HEADERS.items():
        langs = "; ".join(
            f"{lang}: {', '.join(words[lang])}" for lang in LANGUAGES if lang in words
        )
        pending = " (recognised; plan files cannot hold it yet)" if name in PENDING else ""
        parts.append(f"{name}{pending}: {langs}.")
    return "\n\n".join(parts)


def role_of(word: str) -> str | None:
    """The role a word names in any of the languages ("partenaire": partner), or None."""
    folded = fold(word)
    return next((role for role, words in _ROLE_FOLDED.items() if folded in words), None)


SYNONYMS = synonyms()
_ROLE_FOLDED = {
    role: {fold(w) for lang in LANGUAGES for w in words.get(lang, ())}
    for role, words in ROLE_WORDS.items()
}
