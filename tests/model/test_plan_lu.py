"""Completeness tests for plans/lu-2018-2023.yaml against its source text.

The source is tests/sources/lu-2018-2023.txt, a verbatim copy of the text
extracted from the PDF of Luxembourg's « Women and Peace and Security »
National Action Plan 2018-2023. Section 5 holds one table per pillar
(Objectives / Actions / Indicators / Actors). The extraction prints every
table row as its four cells one after another, each cell a block of lines
separated from the next by a blank line. The parser below reads the rows
straight from the source, without looking at the YAML, and the tests compare
the transcription with them:

1. texts: every goal, action and indicator text of the YAML is found in the
   source after normalisation, and row by row each action equals its source
   row (objective, actions and indicators cells);
2. counts: rows per pillar, counted from the source, equal the hard-coded
   numbers and the YAML;
3. actors: the Actors cells, resolved by an independent parser, equal the
   YAML departments of every action; the registry holds exactly the
   departments used and their parents;
4. ids: the id scheme, uniqueness and document order.

Dropping, duplicating, reordering or altering a row makes several of these
fail.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from napctl.model import ALL, Action, Plan
from tests.model import fidelity
from tests.model.fidelity import norm, strict_plan

HERE = Path(__file__).parent.parent  # tests/
PLAN_PATH = HERE.parent / "plans" / "lu-2018-2023.yaml"
SOURCE_PATH = HERE / "sources" / "lu-2018-2023.txt"

PILLARS = ("I", "II", "III", "IV")
PILLAR_TITLES = {
    "I": "Participation",
    "II": "Prevention",
    "III": "Protection, relief and recovery",
    "IV": "Promotion",
}

#: Rows per pillar, counted by hand in section 5 of the source.
EXPECTED_ROWS = {"I": 10, "II": 21, "III": 17, "IV": 7}

#: Distinct objectives (goals) per pillar, counted by hand.
EXPECTED_GOALS = {"I": 5, "II": 13, "III": 4, "IV": 4}

# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------


def test_normaliser_is_strict() -> None:
    assert norm("Integrate awareness-\nraising") == norm("Integrate awarenessraising")
    assert norm("„Women and Peace”") == norm("“Women and Peace”")
    assert norm("Luxembourg‘s") == norm("Luxembourg’s")
    assert norm("Funds allocated") != norm("Fund allocated")
    assert norm("measures taken") != norm("measures adopted")
    assert norm("a, b") != norm("a; b")
    assert norm("(CEDAW, …)") != norm("(CEDAW, ...)")


# --------------------------------------------------------------------------
# The source, read without the YAML
# --------------------------------------------------------------------------

HEADER_CELLS = ("Objectives", "Actions", "Indicators", "Actors")
RUNNING_HEADER = "« Women and Peace and Security » National Action Plan 2018-2023"
PILLAR_HEADING = re.compile(
    r"^(I|II|III|IV)\. (Participation|Prevention|Protection, relief and recovery|Promotion)$"
)


@dataclass(frozen=True)
class SourceRow:
    pillar: str
    objective: str
    actions: str
    indicators: str
    actors: str


@dataclass(frozen=True)
class SourcePillar:
    id: str
    title: str
    summary: str
    bullets: tuple[str, ...]
    rows: tuple[SourceRow, ...]


def source_text() -> str:
    return fidelity.source_text(SOURCE_PATH)


@cache
def section5() -> list[str]:
    """The lines of section 5, from its heading to the annex."""
    lines = source_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "5. Action Plan")
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("Annex: Normative"))
    assert start < end
    return lines[start:end]


def _is_header_at(lines: list[str], i: int) -> int:
    """Length of the table header (Objectives/Actions/Indicators/Actors) at i, or 0."""
    j, found = i, 0
    while j < len(lines) and found < len(HEADER_CELLS):
        text = lines[j].strip()
        if text == "":
            j += 1
            continue
        if text != HEADER_CELLS[found]:
            return 0
        found += 1
        j += 1
    return j - i if found == len(HEADER_CELLS) else 0


def _cells(table: list[str]) -> list[str]:
    """Blank-line separated blocks, without headers and running headers."""
    cells: list[str] = []
    block: list[str] = []
    i = 0
    while i < len(table):
        skip = _is_header_at(table, i)
        if skip:
            i += skip
            continue
        text = table[i].strip()
        if text == RUNNING_HEADER:
            i += 1
            continue
        if text == "":
            if block:
                cells.append("\n".join(block))
                block = []
        else:
            block.append(text)
        i += 1
    if block:
        cells.append("\n".join(block))
    return cells


@cache
def source_pillars() -> tuple[SourcePillar, ...]:
    """Parse the four pillars of section 5.

    A pillar runs from its heading ("I. Participation" …) to the next one.
    It holds "Principal Objective", the summary, the introduction, the
    bulleted list of objectives and then the table. The table starts at the
    first header (Objectives / Actions / Indicators / Actors) and ends at the
    first line printed at the top of a page (the extraction starts those with
    a space) that is not a repeated table header: a photo caption or the next
    pillar's heading. Inside it, repeated headers and running headers are
    dropped, and the remaining blank-line separated blocks are the cells,
    four to a row.
    """
    lines = section5()
    heads = [i for i, line in enumerate(lines) if PILLAR_HEADING.match(line.strip())]
    assert len(heads) == 4, heads
    pillars = []
    for n, head in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(lines)
        match = PILLAR_HEADING.match(lines[head].strip())
        assert match
        pid, title = match.groups()
        body = lines[head + 1 : stop]
        assert body[0].strip() == "Principal Objective"
        first_bullet = next(i for i, line in enumerate(body) if line.startswith("•"))
        table_start = next(i for i in range(len(body)) if _is_header_at(body, i))
        intro = [line.strip() for line in body[1:first_bullet]]
        lead = "The participating Ministries and Administrations undertake"
        summary_lines = intro[: next(i for i, t in enumerate(intro) if t.startswith(lead))]
        summary = " ".join(t for t in summary_lines if t)
        bullets_text = " ".join(line.strip() for line in body[first_bullet:table_start])
        bullets = tuple(
            b.strip().rstrip(";.").strip() for b in bullets_text.split("•") if b.strip()
        )
        table_end = len(body)
        for i in range(table_start + 1, len(body)):
            line = body[i]
            if line.startswith(" ") and not _is_header_at(body, i):
                table_end = i
                break
        cells = _cells(body[table_start:table_end])
        assert len(cells) % 4 == 0, (
            f"pillar {pid}: {len(cells)} cells is not a whole number of rows"
        )
        rows = tuple(
            SourceRow(pid, cells[k], cells[k + 1], cells[k + 2], cells[k + 3])
            for k in range(0, len(cells), 4)
        )
        pillars.append(SourcePillar(pid, title, summary, bullets, rows))
    return tuple(pillars)


@cache
def source_rows() -> tuple[SourceRow, ...]:
    return tuple(row for pillar in source_pillars() for row in pillar.rows)


# --------------------------------------------------------------------------
# The Actors cells, read without the YAML
# --------------------------------------------------------------------------

_ACTOR_TOKEN = re.compile(
    r"""
      (?P<sep>[\s,]+)
    | \((?P<note>[^()]*)\)
    | (?P<police>MSI/\s?Grand\s+Ducal\s+Police)
    | (?P<olai>MIFA/OLAI)
    | (?P<rpue>RP\s?UE/COPS)
    | (?P<rp>RP\s+(?:ONU|OTAN|OSCE|Genève|Strasbourg|The\s+Hague))
    | (?P<missions>[Dd]iplomatic\s+missions(?P<where>\s+in\s+relevant\s+countries)?)
    | (?P<maee>MAEE)
    | (?P<dir>SG|D\d)\b
    | /(?P<army>Luxembourg\s+(?:Army|Armée))
    | (?P<simple>MEGA|MENJE|MIFA|MISA|Justice|SRE|All)\b
    """,
    re.X,
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


#: The Luxembourg Army, registered as a unit under MAEE D7 (issue 13).
ARMY = "MAEE D7/Luxembourg Army"


def _army(out: list[tuple[str, str | None]], army: str, text: str) -> tuple[str, str | None]:
    """ "D7/Luxembourg Army": the Army, a unit under D7 (issue 13); "Armée" is its note."""
    if not out or out[-1] != ("MAEE D7", None):
        raise ValueError(f"Luxembourg Army not after D7 in {text!r}")
    return (ARMY, None if army == "Luxembourg Army" else army)


def parse_actors(cell: str) -> list[tuple[str, str | None]]:
    """Resolve a printed Actors cell into (code, note) pairs, in printed order.

    "MAEE" opens a run of directorates ("MAEE SG, D1, D4" is MAEE SG, MAEE D1,
    MAEE D4); "D7/Luxembourg Army" is the Army, a unit under D7 (printed
    "Armée", that form is its note); a text in brackets
    become the note of the actor before them; "Diplomatic missions in relevant
    countries" is the diplomatic missions with the note "in relevant
    countries". Anything else in the cell is an error, so a cell that is not
    an Actors cell does not parse.
    """
    text = _one_line(cell)
    out: list[tuple[str, str | None]] = []
    in_maee = False
    pos = 0
    while pos < len(text):
        m = _ACTOR_TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"unparsed actors text at {text[pos:]!r} in {text!r}")
        pos = m.end()
        kind = m.lastgroup
        if kind == "sep":
            continue
        if kind in ("note", "army"):
            if not out or out[-1][1] is not None:
                raise ValueError(f"note without actor in {text!r}")
            note = _one_line(m.group(kind))
            out[-1] = _army(out, note, text) if kind == "army" else (out[-1][0], note)
            continue
        if m.group("dir") is not None:
            if not in_maee:
                raise ValueError(f"directorate outside MAEE in {text!r}")
            out.append((f"MAEE {m.group('dir')}", None))
            continue
        if kind == "maee":
            in_maee = True
            continue
        in_maee = False
        if m.group("police") is not None:
            out.append(("MSI/Grand Ducal Police", None))
        elif m.group("olai") is not None:
            out.append(("MIFA/OLAI", None))
        elif m.group("rpue") is not None:
            out.append(("RPUE/COPS", None))
        elif m.group("rp") is not None:
            out.append((_one_line(m.group("rp")), None))
        elif m.group("missions") is not None:
            where = m.group("where")
            out.append(("Diplomatic missions", _one_line(where) if where else None))
        else:
            out.append((m.group("simple"), None))
    if not out:
        raise ValueError(f"no actor in {text!r}")
    return out


def _parses_as_actors(cell: str) -> bool:
    try:
        parse_actors(cell)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------
# The plan
# --------------------------------------------------------------------------


def raw_plan() -> dict[str, Any]:
    return fidelity.plan_data(PLAN_PATH)


@cache
def plan() -> Plan:
    return strict_plan(raw_plan())


def yaml_rows() -> list[tuple[str, str, Action]]:
    """(pillar id, goal text, action) in file order."""
    return [(p.id, g.text, a) for p, g, a in plan().actions()]


# --------------------------------------------------------------------------
# The file itself
# --------------------------------------------------------------------------


#: SHA-256 of seeds/000_fb48b27caaf34a9c.txt, of which the source is a verbatim copy.
SOURCE_SHA256 = "e189d02bbcaa33df937ba385ca28756a10c213c740690d0ede416a65224fef5d"


def test_source_copy_is_the_seed_text() -> None:
    assert fidelity.sha256_of(SOURCE_PATH) == SOURCE_SHA256
    text = source_text()
    assert "5. Action Plan" in text
    assert "Annex: Normative Framework" in text


def test_plan_validates_strictly() -> None:
    p = plan()
    assert p.id == "lu-2018-2023"
    assert PLAN_PATH.stem == p.id
    assert p.country_code == "LU"
    assert (p.period.start, p.period.end) == (2018, 2023)
    assert p.language == "en"
    assert p.source.language == "en"
    assert p.source.published == 2018
    assert p.source.document == "seeds/000_fb48b27caaf34a9c.txt"
    assert p.source.publisher == (
        "Government of the Grand Duchy of Luxembourg, Ministry of Foreign and European Affairs"
    )
    assert p.coordination.departments == ["MAEE"]
    assert p.coordination.mechanism == "Inter-ministerial Committee on Human Rights"
    assert sorted(r.frequency for r in p.reporting) == ["annual", "mid-term"]
    assert {r.to for r in p.reporting if r.frequency == "mid-term"} == {"Council of Government"}
    assert len(p.civil_society) >= 2


def _all_texts() -> list[str]:
    p = plan()
    texts = [p.title, *p.principal_objectives]
    for pillar in p.pillars:
        texts += [pillar.title, pillar.summary or ""]
        for goal in pillar.goals:
            texts.append(goal.text)
            for action in goal.actions:
                texts += [action.text, *action.indicators]
    return texts


def test_texts_are_clean() -> None:
    for text in _all_texts():
        assert text == " ".join(text.split()), f"stray whitespace in {text!r}"
        assert text, "empty text"


#: Words the extraction joined at a line break after dropping the hyphen.
LINE_BREAK_JOINS = {
    "awarenessraising": "awareness-raising",
    "crosscutting": "cross-cutting",
    "crossborder": "cross-border",
    "genderspecific": "gender-specific",
    "genderbased": "gender-based",
    "Interministerial": "Inter-ministerial",
}


def test_line_break_joins_are_repaired() -> None:
    section = "\n".join(section5())
    for joined in LINE_BREAK_JOINS:
        assert joined in section, joined  # the artefact is really in the source
    texts = list(_all_texts())
    for _, _, action in plan().actions():
        texts += [a.note for a in action.assignments() if a.note]
    everything = "\n".join(texts)
    for joined, repaired in LINE_BREAK_JOINS.items():
        assert joined not in everything, f"{joined!r} should read {repaired!r}"
        assert repaired in everything, repaired


# --------------------------------------------------------------------------
# 1. Texts
# --------------------------------------------------------------------------


def test_every_text_is_in_the_source() -> None:
    """Each goal, action and indicator text occurs in a table of section 5."""
    tables = norm("".join(r.objective + r.actions + r.indicators for r in source_rows()))
    for _, goal_text, action in yaml_rows():
        assert norm(goal_text) in tables, goal_text
        assert norm(action.text) in tables, action.text
        for indicator in action.indicators:
            assert norm(indicator) in tables, indicator


def test_frame_texts_are_in_the_source() -> None:
    p = plan()
    section = norm("\n".join(section5()))
    assert len(p.principal_objectives) == 4
    for objective in p.principal_objectives:
        assert norm(objective) in section, objective
    intro = norm(" ".join(section5()[:6]))
    pos = 0
    for objective in p.principal_objectives:  # in the order of the intro
        found = intro.find(norm(objective), pos)
        assert found >= 0, objective
        pos = found
    for pillar, source in zip(p.pillars, source_pillars(), strict=True):
        assert pillar.summary is not None
        assert norm(pillar.summary) == norm(source.summary), pillar.id
        assert pillar.title == source.title
    assert norm(p.title) in norm(source_text())


def _indicators_match(indicators: list[str], cell: str) -> bool:
    """The indicators, in order, make up the cell, joined by ; / or ,."""
    if not indicators:
        return False
    pattern = "[;/,]".join(re.escape(norm(i)) for i in indicators)
    return re.fullmatch(pattern, norm(cell)) is not None


def test_rows_match_the_source_one_to_one() -> None:
    """Row n of the YAML (file order) is row n of the source tables."""
    rows = source_rows()
    actions = yaml_rows()
    assert len(actions) == len(rows) == sum(EXPECTED_ROWS.values())
    for n, (row, (pid, goal_text, action)) in enumerate(zip(rows, actions, strict=True)):
        where = f"row {n + 1} ({action.id})"
        assert pid == row.pillar, where
        assert norm(goal_text) == norm(row.objective), where
        assert norm(action.text) == norm(row.actions), where
        assert _indicators_match(action.indicators, row.indicators), (
            f"{where}: {action.indicators!r} vs {row.indicators!r}"
        )


def unwrap(cell: str) -> str:
    """A cell as one line of text: the plan's own repair of the extraction.

    Line breaks become spaces, except after a slash printed without a space
    before it ("organised/" + "number" is "organised/number"); the words the
    extraction joined at a hyphenated line break get their hyphen back.
    """
    lines = cell.split("\n")
    out = lines[0]
    for line in lines[1:]:
        out += line if out.endswith("/") and not out.endswith(" /") else " " + line
    for joined, repaired in LINE_BREAK_JOINS.items():
        out = out.replace(joined, repaired)
    return out


def test_rows_match_the_source_exactly() -> None:
    """Stricter than the normalised comparison: case, hyphens and spaces too.

    The indicators of a row, joined by the separators the cell prints
    (";", " ; ", ", " or " / "), must give the unwrapped cell exactly.
    """
    for row, (_, goal_text, action) in zip(source_rows(), yaml_rows(), strict=True):
        assert goal_text == unwrap(row.objective), action.id
        assert action.text == unwrap(row.actions), action.id
        pattern = "(?:; | ; |, | / )".join(re.escape(i) for i in action.indicators)
        assert re.fullmatch(pattern, unwrap(row.indicators)), (
            f"{action.id}: {action.indicators!r} vs {unwrap(row.indicators)!r}"
        )


def test_goal_texts_against_the_pillar_lists() -> None:
    """Goal texts are table cells; differences from the bullet lists are noted."""
    p = plan()
    for pillar, source in zip(p.pillars, source_pillars(), strict=True):
        bullets = {norm(b) for b in source.bullets}
        for goal in pillar.goals:
            if norm(goal.text) not in bullets:
                assert goal.notes, f"{goal.id} differs from the pillar's list but has no note"


# --------------------------------------------------------------------------
# 2. Counts
# --------------------------------------------------------------------------


def count_source_rows() -> dict[str, int]:
    """Rows per pillar, counted from the source alone.

    Method: between each pillar heading and the end of its table, after
    dropping repeated table headers and running headers, the blank-line
    separated blocks are the cells. Their number must be a multiple of four,
    every fourth block (the last of each group) must parse as an Actors cell
    and no other block may, and every first block must be one of the
    objectives of the pillar's bulleted list (sharing its first 20 letters).
    The count is the number of Actors cells. Nothing here reads the YAML.
    """
    counts = {}
    for pillar in source_pillars():
        bullets = [norm(b) for b in pillar.bullets]
        for row in pillar.rows:
            assert _parses_as_actors(row.actors), row.actors
            for cell in (row.objective, row.actions, row.indicators):
                assert not _parses_as_actors(cell), cell
            objective = norm(row.objective)
            width = min(20, len(objective))
            assert any(b[:width] == objective[:width] for b in bullets), row.objective
        counts[pillar.id] = sum(1 for row in pillar.rows if _parses_as_actors(row.actors))
    return counts


def test_row_counts_per_pillar() -> None:
    computed = count_source_rows()
    in_yaml = {p.id: sum(len(g.actions) for g in p.goals) for p in plan().pillars}
    assert computed == EXPECTED_ROWS
    assert in_yaml == EXPECTED_ROWS
    assert in_yaml == computed


def test_goal_counts_per_pillar() -> None:
    computed = {}
    for pillar in source_pillars():
        computed[pillar.id] = len(dict.fromkeys(norm(r.objective) for r in pillar.rows))
    in_yaml = {p.id: len(p.goals) for p in plan().pillars}
    assert computed == EXPECTED_GOALS
    assert in_yaml == EXPECTED_GOALS


# --------------------------------------------------------------------------
# 3. Actors
# --------------------------------------------------------------------------

#: Every code the Actors cells name (and All).
EXPECTED_CODES = {
    ALL,
    "MAEE SG",
    "MAEE D1",
    "MAEE D2",
    "MAEE D4",
    "MAEE D5",
    "MAEE D7",
    "MAEE D7/Luxembourg Army",
    "MAEE D8",
    "RP ONU",
    "RP OTAN",
    "RP OSCE",
    "RPUE/COPS",
    "RP Genève",
    "RP Strasbourg",
    "RP The Hague",
    "Diplomatic missions",
    "MEGA",
    "MENJE",
    "MIFA",
    "MIFA/OLAI",
    "MISA",
    "MSI/Grand Ducal Police",
    "Justice",
    "SRE",
}

#: The registry: every code used, plus the parents MAEE and MSI.
EXPECTED_PARENTS = {
    "MAEE": None,
    "MAEE SG": "MAEE",
    "MAEE D1": "MAEE",
    "MAEE D2": "MAEE",
    "MAEE D4": "MAEE",
    "MAEE D5": "MAEE",
    "MAEE D7": "MAEE",
    "MAEE D7/Luxembourg Army": "MAEE D7",
    "MAEE D8": "MAEE",
    "RP ONU": "MAEE",
    "RP OTAN": "MAEE",
    "RP OSCE": "MAEE",
    "RPUE/COPS": "MAEE",
    "RP Genève": "MAEE",
    "RP Strasbourg": "MAEE",
    "RP The Hague": "MAEE",
    "Diplomatic missions": "MAEE",
    "MEGA": None,
    "MENJE": None,
    "MIFA": None,
    "MIFA/OLAI": "MIFA",
    "MISA": None,
    "MSI": None,
    "MSI/Grand Ducal Police": "MSI",
    "Justice": None,
    "SRE": None,
}

#: The rows whose Actors cell names D5 of MAEE, read by hand from the source.
MAEE_D5_ACTIONS = [
    "I.3.1",
    "II.2.3",
    "II.3.1",
    "II.4.1",
    "II.5.1",
    "II.6.1",
    "II.7.1",
    "II.8.1",
    "II.9.2",
    "II.10.1",
    "II.11.1",
    "II.12.1",
    "III.1.9",
    "III.4.1",
    "III.4.2",
    "III.4.3",
    "III.4.4",
    "IV.1.1",
    "IV.2.1",
    "IV.2.2",
    "IV.3.1",
    "IV.4.1",
]

#: Rows for every department ("All").
ALL_ACTIONS = ["II.1.1", "III.1.4"]


def test_actor_parser_examples() -> None:
    assert parse_actors("MAEE D4,\nD7/Luxembourg Army") == [
        ("MAEE D4", None),
        (ARMY, None),
    ]
    assert parse_actors("MAEE D1,\nD7/Luxembourg\nArmée") == [
        ("MAEE D1", None),
        (ARMY, "Luxembourg Armée"),
    ]
    assert parse_actors("MEGA\nMSI/Grand Ducal\nPolice\nMAEE D7/Luxembourg\nArmy MENJE") == [
        ("MEGA", None),
        ("MSI/Grand Ducal Police", None),
        (ARMY, None),
        ("MENJE", None),
    ]
    assert parse_actors("MAEE D1, D7 RP\nOTAN, RP UE/COPS") == [
        ("MAEE D1", None),
        ("MAEE D7", None),
        ("RP OTAN", None),
        ("RPUE/COPS", None),
    ]
    with pytest.raises(ValueError):
        parse_actors("Interventions made")
    with pytest.raises(ValueError):
        parse_actors("D5")


def test_actors_match_the_source_row_by_row() -> None:
    for row, (_, _, action) in zip(source_rows(), yaml_rows(), strict=True):
        printed = parse_actors(row.actors)
        in_yaml = [(a.code, a.note) for a in action.assignments()]
        assert [c for c, _ in in_yaml] == [c for c, _ in printed], action.id
        for (code, note), (_, printed_note) in zip(in_yaml, printed, strict=True):
            if printed_note is None:
                assert note is None, f"{action.id} {code}: note {note!r} not in the source"
            else:
                assert note is not None and norm(note) == norm(printed_note), (
                    f"{action.id} {code}: {note!r} vs printed {printed_note!r}"
                )
        assert len(set(action.codes())) == len(action.codes()), action.id


def test_codes_used_and_registry() -> None:
    p = plan()
    used = {c for _, _, a in p.actions() for c in a.codes()}
    printed = {code for row in source_rows() for code, _ in parse_actors(row.actors)}
    assert used == EXPECTED_CODES
    assert printed == EXPECTED_CODES
    registry = {d.code: d for d in p.departments}
    assert len(registry) == len(p.departments), "duplicate registry code"
    assert ALL not in registry
    assert {code: d.parent for code, d in registry.items()} == EXPECTED_PARENTS
    # exactly the departments used, plus their parents
    closure = set(used - {ALL})
    for code in list(closure):
        parent = registry[code].parent
        while parent:
            closure.add(parent)
            parent = registry[parent].parent
    assert set(registry) == closure
    for code in (*p.coordination.departments, *(c for r in p.reporting for c in r.by)):
        assert code in registry, code
    for dept in p.departments:
        assert dept.name.strip() and dept.notes, dept.code
        assert ALL not in dept.aliases


def test_registry_names() -> None:
    registry = {d.code: d for d in plan().departments}
    assert registry["MAEE"].name == "Ministry of Foreign and European Affairs"
    assert registry["MAEE"].names["fr"] == "Ministère des Affaires étrangères et européennes"
    assert registry["MISA"].name == "Ministry of Health"
    assert registry["MSI"].name == "Ministry of Internal Security"
    assert registry["SRE"].name == "State Intelligence Service"
    assert "Luxembourg Army" not in registry["MAEE D7"].aliases
    assert registry[ARMY].name == "Luxembourg Army"
    assert registry[ARMY].parent == "MAEE D7"
    assert "Luxembourg Armée" in registry[ARMY].aliases
    assert "RP UE/COPS" in registry["RPUE/COPS"].aliases


def test_maee_d5_actions() -> None:
    in_yaml = [a.id for _, _, a in plan().actions() if "MAEE D5" in a.codes()]
    from_source = [
        action.id
        for row, (_, _, action) in zip(source_rows(), yaml_rows(), strict=True)
        if ("MAEE D5", None) in parse_actors(row.actors)
    ]
    assert in_yaml == MAEE_D5_ACTIONS
    assert from_source == MAEE_D5_ACTIONS


def test_all_actions() -> None:
    p = plan()
    assert [a.id for _, _, a in p.actions() if a.for_all] == ALL_ACTIONS
    for _, _, action in p.actions():
        if action.for_all:
            assert action.departments == [ALL], action.id


# --------------------------------------------------------------------------
# 4. Ids and order
# --------------------------------------------------------------------------


def expected_ids() -> list[tuple[str, str]]:
    """(goal id, action id) per source row, by the scheme of docs/plan-format.md."""
    out = []
    for pillar in source_pillars():
        goals: dict[str, int] = {}
        rows_of: Counter[str] = Counter()
        for row in pillar.rows:
            key = norm(row.objective)
            goals.setdefault(key, len(goals) + 1)
            rows_of[key] += 1
            goal_id = f"{pillar.id}.{goals[key]}"
            out.append((goal_id, f"{goal_id}.{rows_of[key]}"))
    return out


def test_id_scheme() -> None:
    p = plan()
    assert [pillar.id for pillar in p.pillars] == list(PILLARS)
    assert [pillar.title for pillar in p.pillars] == [PILLAR_TITLES[i] for i in PILLARS]
    ids = []
    for pillar in p.pillars:
        ids.append(pillar.id)
        for n, goal in enumerate(pillar.goals, 1):
            assert goal.id == f"{pillar.id}.{n}"
            ids.append(goal.id)
            for m, action in enumerate(goal.actions, 1):
                assert action.id == f"{goal.id}.{m}"
                ids.append(action.id)
    assert len(ids) == len(set(ids))
    assert len(ids) == 4 + sum(EXPECTED_GOALS.values()) + sum(EXPECTED_ROWS.values())


def test_ids_follow_document_order() -> None:
    in_yaml = [(g.id, a.id) for _, g, a in plan().actions()]
    assert in_yaml == expected_ids()


def test_goal_texts_are_distinct_objectives() -> None:
    for pillar in plan().pillars:
        texts = [norm(g.text) for g in pillar.goals]
        assert len(texts) == len(set(texts)), pillar.id


def test_un_pillars() -> None:
    p = {pillar.id: pillar for pillar in plan().pillars}
    assert p["I"].un_pillars == ["participation"]
    assert p["II"].un_pillars == ["prevention"]
    assert p["III"].un_pillars == ["protection", "relief-and-recovery"]
    assert p["IV"].un_pillars and p["IV"].notes


#: The rows whose Actors cell prints the Army ("D7/Luxembourg Army", once
#: "D7/Luxembourg Armée"), read by hand from the source (issue 13).
ARMY_ACTIONS = ["I.1.1", "I.1.2", "I.1.3", "I.1.4", "I.2.1", "I.2.2", "I.4.1", "II.6.1", "III.1.1"]
#: The rows printing D7 without the Army.
D7_ALONE_ACTIONS = ["II.7.1", "II.12.1", "III.1.10", "IV.2.3"]


def test_army_is_assigned_where_it_is_printed() -> None:
    rows = list(zip(source_rows(), yaml_rows(), strict=True))
    from_source = [
        action.id
        for row, (_, _, action) in rows
        if any(code == ARMY for code, _ in parse_actors(row.actors))
    ]
    d7_alone = [
        action.id for row, (_, _, action) in rows if ("MAEE D7", None) in parse_actors(row.actors)
    ]
    assert from_source == ARMY_ACTIONS
    assert d7_alone == D7_ALONE_ACTIONS
    assert [a.id for _, _, a in plan().actions() if ARMY in a.codes()] == ARMY_ACTIONS
    assert [a.id for _, _, a in plan().actions() if "MAEE D7" in a.codes()] == D7_ALONE_ACTIONS
    printed = [row.actors for row in source_rows()]
    assert sum(" ".join(cell.split()).count("D7/Luxembourg Army") for cell in printed) == 8
    assert sum(" ".join(cell.split()).count("D7/Luxembourg Armée") for cell in printed) == 1
