"""Generate a realistic corpus of plan files for the benchmark (issue 8).

    python bench/generate.py --plans 100 --out DIR [--seed 8] [--actions 100]

Each plan has a registry of 20-40 departments (ministries and their
directorates or agencies, with parents, aliases and French names), 4-6
pillars, goals of 1-8 actions, about ``--actions`` actions in all, action
texts of 10-60 words, 1-4 indicators, 1-4 departments per action (plain
codes, ``{code: X, note: ...}``, ``{code: X, role: coordination}`` and
sometimes ``[All]``) and occasional notes. Every file is valid for
``napctl validate``, starts with the ``# yaml-language-server`` line and is
named after its id. Output is deterministic for a seed: plan ``i`` depends
only on the seed and ``i``, so the first 10 plans of a 1000-plan corpus are
the 10 plans of a 10-plan corpus.

The YAML is written by a small emitter of its own (block style, with the
flow mappings and lists people write by hand), not by PyYAML's pure-Python
dumper, so that a 1000-plan corpus takes seconds to write.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/plan.schema.json"

UN_PILLARS = ["participation", "prevention", "protection", "relief-and-recovery"]
PILLAR_TITLES = [
    "Participation",
    "Prevention",
    "Protection",
    "Relief and Recovery",
    "Normative Framework",
    "Promotion of the Agenda",
    "Capacity Building",
    "Monitoring and Accountability",
]
FREQUENCIES = ["annual", "biennial", "mid-term", "final", "once"]

# (code, English name, French name, aliases)
MINISTRIES: list[tuple[str, str, str, list[str]]] = [
    (
        "MFA",
        "Ministry of Foreign Affairs",
        "Ministère des Affaires étrangères",
        ["Foreign Affairs"],
    ),
    ("MOD", "Ministry of Defence", "Ministère de la Défense", ["Defence"]),
    ("MOI", "Ministry of the Interior", "Ministère de l'Intérieur", ["Interior"]),
    ("MOJ", "Ministry of Justice", "Ministère de la Justice", ["Justice"]),
    (
        "MEGA",
        "Ministry of Equality between Women and Men",
        "Ministère de l'Égalité entre les femmes et les hommes",
        ["Equality"],
    ),
    (
        "MENJE",
        "Ministry of Education, Children and Youth",
        "Ministère de l'Éducation nationale, de l'Enfance et de la Jeunesse",
        ["Education"],
    ),
    ("MISA", "Ministry of Health", "Ministère de la Santé", ["Health"]),
    (
        "MIFA",
        "Ministry of Family Affairs and Integration",
        "Ministère de la Famille et de l'Intégration",
        ["Family"],
    ),
    (
        "MDC",
        "Ministry of Development Cooperation",
        "Ministère de la Coopération au développement",
        ["Development"],
    ),
    ("MFIN", "Ministry of Finance", "Ministère des Finances", ["Finance"]),
    (
        "MSI",
        "Ministry of Internal Security",
        "Ministère de la Sécurité intérieure",
        ["Internal Security"],
    ),
    ("MCULT", "Ministry of Culture", "Ministère de la Culture", ["Culture"]),
]
UNITS: list[tuple[str, str, str]] = [
    ("Directorate of Political Affairs", "Direction des affaires politiques", "D1"),
    ("Directorate of European Affairs", "Direction des affaires européennes", "D2"),
    ("Directorate of Protocol", "Direction du protocole", "D3"),
    (
        "Directorate of Finance and Human Resources",
        "Direction des finances et des ressources humaines",
        "D4",
    ),
    (
        "Directorate of Development Cooperation and Humanitarian Action",
        "Direction de la coopération au développement et de l'action humanitaire",
        "D5",
    ),
    ("Directorate of Consular Affairs", "Direction des affaires consulaires", "D6"),
    ("Directorate of Defence", "Direction de la défense", "D7"),
    ("Directorate of Immigration", "Direction de l'immigration", "D8"),
    ("Legal Service", "Service juridique", "LS"),
    ("Training Centre", "Centre de formation", "TC"),
    ("Statistics Office", "Office statistique", "STAT"),
    ("Victims' Support Service", "Service d'aide aux victimes", "SAV"),
    ("Office for Reception and Integration", "Office de l'accueil et de l'intégration", "OAI"),
    ("Inspectorate General", "Inspection générale", "IG"),
    ("Communication Unit", "Cellule de communication", "COM"),
    ("Prosecutor's Office", "Parquet général", "PG"),
]
SUBUNITS: list[tuple[str, str, str]] = [
    ("Gender Desk", "Bureau du genre", "GD"),
    ("Human Rights Unit", "Unité des droits humains", "HR"),
    ("Peacekeeping Section", "Section du maintien de la paix", "PK"),
    ("Recruitment Office", "Bureau du recrutement", "REC"),
]
MISSIONS = ["UN", "NATO", "OSCE", "EU", "Geneva", "Strasbourg", "The Hague", "Vienna"]
COUNTRIES = [
    "Exampleland",
    "Northmark",
    "Westria",
    "Osterlund",
    "Valdoria",
    "Korvania",
    "Sudmoor",
    "Lirenza",
    "Baltavia",
    "Estrovia",
    "Maravel",
    "Quenland",
]
TARGET_COUNTRIES = [
    "Afghanistan",
    "Mali",
    "Niger",
    "Burkina Faso",
    "Senegal",
    "Cabo Verde",
    "Laos",
    "Myanmar",
    "Nicaragua",
    "Kosovo",
    "Colombia",
    "Iraq",
    "Syria",
    "Ukraine",
]

VERBS = [
    "Strengthen",
    "Promote",
    "Support",
    "Monitor",
    "Develop",
    "Integrate",
    "Train",
    "Ensure",
    "Raise awareness of",
    "Encourage",
    "Fund",
    "Review",
    "Improve",
    "Mainstream",
    "Organise",
    "Facilitate",
    "Advocate for",
    "Assess",
    "Publish",
]
NOUNS = [
    "women's participation",
    "gender equality",
    "conflict prevention",
    "sexual and gender-based violence",
    "peace processes",
    "mediation",
    "humanitarian action",
    "peacekeeping operations",
    "civil society organisations",
    "women human rights defenders",
    "refugees and asylum seekers",
    "survivors",
    "security sector reform",
    "the diplomatic corps",
    "the armed forces",
    "the police",
    "national legislation",
    "data collection",
    "early warning systems",
    "multilateral fora",
    "development cooperation projects",
    "training curricula",
    "trafficking in human beings",
    "violent extremism",
    "reintegration programmes",
    "gender advisers",
    "leadership positions",
    "the Istanbul Convention",
    "resolution 1325",
    "local peacebuilding initiatives",
]
LINKS = [
    "in",
    "through",
    "within",
    "for",
    "with",
    "across",
    "in cooperation with",
    "at the level of",
    "by means of",
    "in support of",
    "alongside",
    "as part of",
]
FILLERS = [
    "at national and international level",
    "in partner countries",
    "where relevant",
    "on a regular basis",
    "with particular attention to young women",
    "in line with the commitments of the previous plan",
    "including in crisis situations",
    "and report on the results",
    "as the underrepresented sex",
    "in all phases of the conflict cycle",
    "with the support of the Training Centre",
    "(see also the annual report)",
    "; 2021-2023 budget lines included",
]
METRICS = [
    "Number of",
    "Share of",
    "Percentage of",
    "Amount spent on",
    "Annual report on",
    "Existence of",
    "Evaluation of",
    "Number of participants in",
    "Ratio of women to men in",
]
NOTES = [
    "Actors printed without comma between the two codes; read as two actors.",
    'Indicators cell printed as one text with " ; " between parts; split there.',
    "The source prints this row twice; kept once.",
    "Wording as printed, including the spelling of the source.",
    "The plan does not say which directorate; the ministry is recorded.",
    "Budget: 2019-2021 figures only (the source gives no later figures).",
    'Footnote 12: "in cooperation with the relevant partners".',
    "NO deadline is given in the source: #TBD",
]


def _words(rng: random.Random, low: int, high: int) -> str:
    """A sentence of ``low``..``high`` words in the register of a plan."""
    target = rng.randint(low, high)
    text = f"{rng.choice(VERBS)} {rng.choice(NOUNS)}"
    while len(text.split()) < target:
        text += rng.choice(
            [
                " " + rng.choice(LINKS) + " " + rng.choice(NOUNS),
                " " + rng.choice(FILLERS),
                " and " + rng.choice(NOUNS),
                ", " + rng.choice(VERBS).lower() + " " + rng.choice(NOUNS),
            ]
        ).replace(" ;", ";")
    return " ".join(text.split()[:high]).rstrip(",;")


def _indicator(rng: random.Random) -> str:
    text = f"{rng.choice(METRICS)} {rng.choice(NOUNS)}"
    if rng.random() < 0.5:
        text += f" {rng.choice(LINKS)} {rng.choice(NOUNS)}"
    if rng.random() < 0.2:
        text += f" ({rng.choice(['annual', 'by sex', 'by age', 'disaggregated by sex'])})"
    return text[0].upper() + text[1:]


def _ministry(rng: random.Random, entry: tuple[str, str, str, list[str]]) -> dict[str, Any]:
    code, name, fr, aliases = entry
    dept: dict[str, Any] = {"code": code, "name": name}
    if rng.random() < 0.8:
        dept["names"] = {"fr": fr}
    if rng.random() < 0.7:
        dept["aliases"] = list(aliases)
    if rng.random() < 0.5:
        dept["parent"] = None
    return dept


def _unit(
    rng: random.Random,
    ministries: list[str],
    pools: tuple[list[Any], list[str]],
    depts: list[dict[str, Any]],
) -> dict[str, Any] | None:
    """A directorate, a permanent representation or a section of one: None to retry."""
    units, missions = pools
    kind = rng.random()
    if kind < 0.6 and units:
        name, fr, short = units.pop()
        parent = rng.choice(ministries)
        dept: dict[str, Any] = {"code": f"{parent} {short}", "name": name, "parent": parent}
        if rng.random() < 0.6:
            dept["names"] = {"fr": fr}
        if rng.random() < 0.5:
            dept["aliases"] = [f"{parent}/{short}"]
        return dept
    if kind < 0.8 and missions:
        where = missions.pop()
        return {
            "code": f"RP {where}",
            "name": f"Permanent Representation to {where}",
            "parent": ministries[0],
            "names": {"fr": f"Représentation permanente auprès de {where}"},
        }
    parents = [d for d in depts if d.get("parent")]
    if not parents:
        return None
    parent_dept = rng.choice(parents)
    name, fr, short = rng.choice(SUBUNITS)
    dept = {
        "code": f"{parent_dept['code']}/{short}",
        "name": f"{name} of the {parent_dept['name']}",
        "parent": parent_dept["code"],
    }
    if rng.random() < 0.5:
        dept["names"] = {"fr": fr}
    return dept


def _registry(rng: random.Random) -> list[dict[str, Any]]:
    """20-40 departments: ministries, their units, sub-units and missions."""
    size = rng.randint(20, 40)
    chosen = rng.sample(MINISTRIES, rng.randint(5, 9))
    ministries = [entry[0] for entry in chosen]
    depts: list[dict[str, Any]] = []
    taken: set[str] = set()  # lower-cased codes and aliases, unique in a plan
    units = list(UNITS)
    rng.shuffle(units)
    missions = list(MISSIONS)
    rng.shuffle(missions)
    candidates = (_ministry(rng, entry) for entry in chosen)
    while len(depts) < size:
        dept = next(candidates, None) or _unit(rng, ministries, (units, missions), depts)
        if dept is None or dept["code"].lower() in taken:
            continue
        aliases = [a for a in dept.get("aliases", []) if a.lower() not in taken]
        if aliases:
            dept["aliases"] = aliases
        else:
            dept.pop("aliases", None)
        if rng.random() < 0.15:
            dept["notes"] = [rng.choice(NOTES)]
        taken.add(dept["code"].lower())
        taken.update(a.lower() for a in aliases)
        depts.append(dept)
    return depts


def _assignments(rng: random.Random, codes: list[str]) -> list[Any]:
    if rng.random() < 0.05:
        return ["All"]
    chosen = rng.sample(codes, rng.randint(1, 4))
    entries: list[Any] = []
    for code in chosen:
        roll = rng.random()
        if roll < 0.12:
            entries.append(
                {
                    "code": code,
                    "note": rng.choice(
                        [
                            "Luxembourg Army",
                            "Recruitment office",
                            "with the embassies",
                            "financial support",
                            "Legal Service",
                            "pilot phase only",
                        ]
                    ),
                }
            )
        elif roll < 0.22:
            entries.append({"code": code, "role": "coordination"})
        elif roll < 0.27:
            entries.append({"code": code, "role": "lead"})
        else:
            entries.append(code)
    return entries


def _pillars(rng: random.Random, codes: list[str], target: int) -> list[dict[str, Any]]:
    count = rng.randint(4, 6)
    style = rng.choice(["roman", "P", "O"])
    roman = ["I", "II", "III", "IV", "V", "VI"]
    titles = rng.sample(PILLAR_TITLES, count)
    per_pillar = [target // count + (1 if i < target % count else 0) for i in range(count)]
    pillars: list[dict[str, Any]] = []
    for p in range(count):
        pid = roman[p] if style == "roman" else f"{style}{p + 1}"
        pillar: dict[str, Any] = {"id": pid, "title": titles[p]}
        if rng.random() < 0.6:
            pillar["summary"] = _words(rng, 12, 40)
        pillar["un_pillars"] = rng.sample(UN_PILLARS, rng.choice([1, 1, 1, 2]))
        goals: list[dict[str, Any]] = []
        left = per_pillar[p]
        g = 0
        while left > 0:
            g += 1
            n = min(left, rng.randint(1, 8))
            left -= n
            gid = f"{pid}.{g}"
            goal: dict[str, Any] = {"id": gid, "text": _words(rng, 8, 30)}
            if rng.random() < 0.1:
                goal["notes"] = [rng.choice(NOTES)]
            actions = []
            for a in range(n):
                action: dict[str, Any] = {"id": f"{gid}.{a + 1}", "text": _words(rng, 10, 60)}
                action["indicators"] = [_indicator(rng) for _ in range(rng.randint(1, 4))]
                action["departments"] = _assignments(rng, codes)
                if rng.random() < 0.25:
                    action["notes"] = [rng.choice(NOTES) for _ in range(rng.randint(1, 2))]
                actions.append(action)
            goal["actions"] = actions
            goals.append(goal)
        pillar["goals"] = goals
        if rng.random() < 0.2:
            pillar["notes"] = [rng.choice(NOTES)]
        pillars.append(pillar)
    return pillars


def make_plan(seed: int, index: int, actions: int = 100) -> dict[str, Any]:
    """Plan number ``index`` of the corpus for ``seed``, as plain data."""
    rng = random.Random(f"napctl-bench:{seed}:{index}")
    start = rng.randint(2005, 2024)
    end = start + rng.randint(2, 6)
    country = rng.choice(COUNTRIES)
    code = chr(65 + index // 26 % 26) + chr(65 + index % 26)
    plan_id = f"{code.lower()}-{index:05d}-{start}-{end}"
    depts = _registry(rng)
    codes = [d["code"] for d in depts]
    ministries = [d["code"] for d in depts if d.get("parent") is None]
    lead = ministries[0]
    plan: dict[str, Any] = {
        "id": plan_id,
        "title": f"Women, Peace and Security National Action Plan {start}-{end}",
        "country": country,
        "country_code": code,
        "period": {"start": start, "end": end},
        "language": "en",
        "coordination": {
            "departments": [lead, *rng.sample(ministries[1:], rng.randint(0, 2))],
            "mechanism": "Inter-ministerial Committee on Human Rights",
        },
        "reporting": [
            {
                "what": "Annual collection of the indicators",
                "by": [lead],
                "frequency": "annual",
                "to": "Council of Government",
                "from_year": rng.randint(start, end),
            },
            {
                "what": _words(rng, 6, 16),
                "by": rng.sample(ministries, 2),
                "frequency": rng.choice(FREQUENCIES),
            },
        ],
        "principal_objectives": [_words(rng, 6, 14) for _ in range(rng.randint(2, 5))],
    }
    if rng.random() < 0.6:
        plan["target_countries"] = rng.sample(TARGET_COUNTRIES, rng.randint(1, 6))
    plan["civil_society"] = [_words(rng, 8, 25) for _ in range(rng.randint(1, 3))]
    plan["source"] = {
        "title": plan["title"],
        "publisher": f"Government of {country}, {depts[0]['name']}",
        "language": "en",
        "published": start,
        "url": f"https://example.org/wps/{plan_id}.pdf",
    }
    plan["notes"] = [_words(rng, 20, 60) for _ in range(rng.randint(0, 3))]
    if not plan["notes"]:
        del plan["notes"]
    plan["departments"] = depts
    plan["pillars"] = _pillars(rng, codes, actions)
    return plan


# --- a small YAML emitter -------------------------------------------------

_RESOLVER = yaml.resolver.Resolver()
_PLAIN_START = re.compile(r"[A-Za-z0-9À-ÿ(«“„]")
_STR_TAG = "tag:yaml.org,2002:str"


def scalar(value: Any, *, flow: bool = False) -> str:
    """``value`` as a YAML scalar: plain where YAML reads it back as the same text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain = (
        text == text.strip()
        and _PLAIN_START.match(text) is not None
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and "\n" not in text
        and '"' not in text
        and not (flow and any(c in text for c in ",[]{}"))
        and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def _flow_ok(value: Any) -> bool:
    if isinstance(value, dict):
        return all(not isinstance(v, (dict, list)) for v in value.values())
    if isinstance(value, list):
        return all(isinstance(v, str) for v in value)
    return False


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in value.items()) + "}"
    return "[" + ", ".join(scalar(v, flow=True) for v in value) + "]"


class Emitter:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.lines: list[str] = []

    def mapping(self, data: dict[str, Any], indent: int, first_prefix: str | None = None) -> None:
        pad = " " * indent
        for i, (key, value) in enumerate(data.items()):
            lead = first_prefix if (i == 0 and first_prefix is not None) else pad
            self.entry(f"{lead}{key}:", value, indent)

    def entry(self, head: str, value: Any, indent: int) -> None:
        if isinstance(value, dict):
            if not value:
                self.lines.append(f"{head} {{}}")
            elif _flow_ok(value) and len(value) <= 2 and self.rng.random() < 0.7:
                self.lines.append(f"{head} {_flow(value)}")
            else:
                self.lines.append(head)
                self.mapping(value, indent + 2)
        elif isinstance(value, list):
            if not value:
                self.lines.append(f"{head} []")
            elif (
                _flow_ok(value) and all(len(str(v)) < 30 for v in value) and self.rng.random() < 0.5
            ):
                self.lines.append(f"{head} {_flow(value)}")
            else:
                self.lines.append(head)
                self.sequence(value, indent + 2)
        else:
            self.lines.append(f"{head} {scalar(value)}")

    def sequence(self, items: list[Any], indent: int) -> None:
        pad = " " * indent
        for item in items:
            if isinstance(item, dict):
                if _flow_ok(item) and len(item) <= 2 and self.rng.random() < 0.5:
                    self.lines.append(f"{pad}- {_flow(item)}")
                else:
                    self.mapping(item, indent + 2, first_prefix=f"{pad}- ")
            elif isinstance(item, list):
                self.lines.append(f"{pad}- {_flow(item)}")
            else:
                self.lines.append(f"{pad}- {scalar(item)}")


def dump_plan(plan: dict[str, Any], seed: int, index: int) -> str:
    rng = random.Random(f"napctl-bench-style:{seed}:{index}")
    emitter = Emitter(rng)
    emitter.lines.append(SCHEMA_LINE)
    emitter.lines.append("#")
    emitter.lines.append(f"# Generated by bench/generate.py (seed {seed}, plan {index}).")
    emitter.lines.append("")
    for key, value in plan.items():
        if key in ("departments", "pillars", "source"):
            emitter.lines.append("")
        emitter.entry(f"{key}:", value, 0)
    return "\n".join(emitter.lines) + "\n"


def generate(out: Path, plans: int, seed: int, actions: int) -> Iterator[Path]:
    out.mkdir(parents=True, exist_ok=True)
    for index in range(plans):
        plan = make_plan(seed, index, actions)
        path = out / f"{plan['id']}.yaml"
        path.write_text(dump_plan(plan, seed, index), encoding="utf-8")
        yield path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--plans", type=int, required=True, help="number of plan files")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=8, help="random seed (default 8)")
    parser.add_argument("--actions", type=int, default=100, help="actions per plan (about)")
    args = parser.parse_args(argv)
    if args.plans < 1 or args.actions < 4:
        parser.error("--plans must be at least 1 and --actions at least 4")
    count = sum(1 for _ in generate(args.out, args.plans, args.seed, args.actions))
    sys.stderr.write(f"wrote {count} plan files to {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
