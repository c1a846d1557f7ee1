"""Department checklists: one per department and unit, their index, and writing them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from napctl.core.fsutil import OutsideRootError, atomic_write, inside_root
from napctl.core.readfile import MAX_INPUT_BYTES, read_file
from napctl.model import Plan
from napctl.model.registry import registry_index
from napctl.plans import (
    ActorMatch,
    QueryError,
    resolve_actor,
    select_country,
    select_plans,
    spread,
)
from napctl.plans.departments import (
    DepartmentKey,
    by_country,
    countries_phrase,
    department_key,
    plans_by_country,
)
from napctl.plans.records import department_label
from napctl.render.checklist_layout import checklist_path, index_path
from napctl.render.templates import (
    Format,
    action_context,
    environment,
    mark_results,
    plan_facts,
    render_template,
)

if TYPE_CHECKING:
    from napctl.progress.checklist_items import ChecklistProgress


def _pillars_of(
    match: ActorMatch, progress: ChecklistProgress | None = None
) -> list[dict[str, Any]]:
    """The pillars, goals and actions of ``match`` (its departments' and those for
    All), in plan order, from the registry index: no scan of the plan per checklist;
    with ``progress``, each item's progress for the year and its marker."""
    index = registry_index(match.plan)
    pillars: list[dict[str, Any]] = []
    goal_of: dict[int, dict[str, Any]] = {}
    pillar_of: dict[int, dict[str, Any]] = {}
    for n in _positions(match):
        pillar, goal, action = index.rows[n]
        if id(pillar) not in pillar_of:
            pillar_of[id(pillar)] = {"id": pillar.id, "title": pillar.title, "goals": []}
            pillars.append(pillar_of[id(pillar)])
        if id(goal) not in goal_of:
            goal_of[id(goal)] = {"id": goal.id, "text": goal.text, "actions": []}
            pillar_of[id(pillar)]["goals"].append(goal_of[id(goal)])
        item = action_context(match.plan, action, focus=match.codes)
        if progress is not None:
            item["progress"] = progress.item(match.plan, action, match.codes, match.named)
        goal_of[id(goal)]["actions"].append(item)
    for goal_item in goal_of.values():
        mark_results(goal_item["actions"])
    return pillars


def _reporting(plan: Plan, codes: Iterable[str]) -> list[str]:
    """Those of ``codes`` that owe progress reports (a civil-society or donor entry does
    not, unless its ``reports:`` says so)."""
    by_code = registry_index(plan).by_code
    return [c for c in codes if c in by_code and by_code[c].reporting]


def _positions(match: ActorMatch) -> list[int]:
    """The actions of a checklist: those naming its reporting actors, those for All, and
    those its collecting bodies report on for actors who do not report."""
    index = registry_index(match.plan)
    found = set(index.positions(_reporting(match.plan, match.codes), with_all=True))
    for code in index.collectors:
        if code in match.codes:
            found.update(index.collected(code))
    return sorted(found)


def _collects_for(match: ActorMatch) -> dict[str, Any] | None:
    """The collecting bodies of the checklist and the actors who do not report whose
    actions they report on (registry order); None when it holds no such body."""
    index = registry_index(match.plan)
    bodies = [c for c in index.collectors if c in match.codes]
    named: set[str] = set()
    for code in bodies:
        for n in index.collected(code):
            named.update(index.rows[n][2].codes())
    # Looked up by code: a checklist costs its own actors, not the registry (10,000
    # checklists of a 10,000-entry registry).
    by_code = index.by_code
    silent = {c for c in named if c in by_code and not by_code[c].reporting}
    if not silent:
        return None
    return {
        "bodies": ", ".join(bodies),
        "names": ", ".join(department_label(match.plan, c)["name"] for c in index.in_order(silent)),
    }


def checklist_context(
    matches: Sequence[ActorMatch],
    *,
    title: str,
    date: str | None,
    progress: ChecklistProgress | None = None,
) -> dict[str, Any]:
    sections = []
    total = 0
    for match in matches:
        plan = match.plan
        pillars = _pillars_of(match, progress)
        count = sum(len(g["actions"]) for p in pillars for g in p["goals"])
        total += count
        named = [department_label(plan, c) for c in match.named]
        below = [
            department_label(plan, c)
            for c in registry_index(plan).in_order(match.codes - set(match.named))
        ]
        sections.append(
            {
                "plan": plan_facts(plan),
                "departments": named,
                "includes": below,
                "further": [],
                "pillars": pillars,
                "count": count,
                "spread": spread(plan, sorted(match.codes)),
                # A body that collects the reports of actors who do not report says
                # whose; their own actions are on it, not on a checklist of theirs.
                "collects_for": _collects_for(match),
            }
        )
    return {
        "title": title,
        "date": date,
        "sections": sections,
        "total": total,
        "year": None if progress is None else progress.year,
    }


# -- entry points --------------------------------------------------------------------


def render_checklist(
    plans: Sequence[Plan],
    actor: str,
    fmt: Format,
    *,
    plan_id: str | None = None,
    date: str | None = None,
    templates: Path | None = None,
    country: str | None = None,
    exact: bool = False,
    progress: ChecklistProgress | None = None,
    lang: str = "en",
) -> str:
    """The checklist of ``actor`` (resolved as in `napctl actions`). Raises QueryError,
    also when ``actor`` names departments of several countries: a checklist goes to
    one government, so ``country`` (or ``plan_id``) must pick it."""
    select_country(select_plans(plans, plan_id), country)  # both exist, and agree
    matches = resolve_actor(select_country(plans, country), actor, plan_id=plan_id, exact=exact)
    if len(by_country(matches)) > 1:
        raise QueryError(
            f"'{actor}' names departments in {len(by_country(matches))}"
            f" countries: {countries_phrase(matches)}; a checklist is for one"
            " country: pick it with --country"
        )
    matches = _reporting_matches(matches, actor)
    env = environment(fmt, templates, lang)
    context = checklist_context(matches, title=actor, date=date, progress=progress)
    context["header"] = _header("checklist", actor, plan_id, date, progress, lang)
    return render_template(env, f"checklist.{fmt}.j2", context)


def _reporting_matches(matches: Sequence[ActorMatch], actor: str) -> list[ActorMatch]:
    """The matches with an actor that reports; QueryError when none has one (an actor
    that does not report has no checklist, as `progress init` writes it no file)."""
    kept = [m for m in matches if _reporting(m.plan, m.codes)]
    if kept or not matches:
        return kept
    plan = matches[0].plan
    index = registry_index(plan)
    who = ", ".join(index.collectors) or "the departments responsible for its actions"
    raise QueryError(
        f"'{actor}' does not report (its registry entry in {plan.id}: reports: false):"
        f" it has no checklist; {who} report on its actions"
        f" (list them with: napctl actions --actor '{actor}')"
    )


def _header(
    kind: str,
    title: str,
    plan_id: str | None,
    date: str | None,
    progress: ChecklistProgress | None,
    lang: str = "en",
) -> Any:
    if progress is None:
        return None
    from napctl.progress.checklist_items import header_marker  # lazy: start-up (only with --year)

    # The language is recorded only when it is not English, so that English checklists
    # keep the header they always had; `progress import` renders again in it.
    return header_marker(
        kind=kind,
        title=title,
        plan=plan_id,
        year=str(progress.year),
        date=date,
        lang=None if lang == "en" else lang,
    )


@dataclass
class ChecklistSet:
    """The files one `napctl checklists` run produces: name -> text, in order."""

    files: dict[str, str] = field(default_factory=dict)


#: How many levels of units a department's checklist takes in (a ministry, its
#: directorates and their services); each unit further down has a checklist of
#: its own, linked from it. This keeps the checklists of a registry as long as
#: the registry times three, however deep it goes (a chain 2,000 deep would
#: otherwise repeat each unit's actions in every checklist above it).
CHECKLIST_DEPTH = 2


@dataclass
class _Scope:
    matches: list[ActorMatch] = field(default_factory=list)
    #: per match: the codes of the units one level below what it takes in.
    further: list[tuple[str, ...]] = field(default_factory=list)


def _scopes(countries: dict[str, list[Plan]]) -> dict[DepartmentKey, _Scope]:
    scopes: dict[DepartmentKey, _Scope] = {}
    for country_plans in countries.values():
        for plan in country_plans:
            registry = registry_index(plan)
            for dept in plan.departments:
                if not dept.reporting:  # no checklist, as `progress init` writes no file
                    continue
                codes, further = registry.within(dept.code, CHECKLIST_DEPTH)
                scope = scopes.setdefault(department_key(plan, dept.code), _Scope())
                scope.matches.append(ActorMatch(plan, (dept.code,), frozenset(codes)))
                scope.further.append(further)
    return scopes


def _further_links(context: dict[str, Any], scope: _Scope, names: dict[DepartmentKey, str]) -> None:
    """Give each section of a checklist the units it leaves to their own checklists."""
    for section, match, further in zip(
        context["sections"], scope.matches, scope.further, strict=True
    ):
        section["further"] = [
            {
                **department_label(match.plan, code),
                "file": names[department_key(match.plan, code)].rsplit("/", 1)[-1],
            }
            for code in further
            if department_key(match.plan, code) in names  # one that reports
        ]


def build_checklists(
    plans: Sequence[Plan],
    fmt: Format,
    *,
    date: str | None = None,
    templates: Path | None = None,
    progress: ChecklistProgress | None = None,
    plan_id: str | None = None,
    lang: str = "en",
) -> ChecklistSet:
    """One checklist per department (its country and code, across the plans given), in a
    folder per country, and an index grouped by country.

    A checklist takes in the department's units down to ``CHECKLIST_DEPTH`` levels
    and links to the checklists of the units below those.
    """
    env = environment(fmt, templates, lang)
    countries = plans_by_country(plans)
    scopes = _scopes(countries)
    names: dict[DepartmentKey, str] = {}
    taken: set[str] = set()
    for key in scopes:
        names[key] = checklist_path(key, fmt, taken)
        taken.add(names[key])
    result = ChecklistSet()
    entries = []
    of_country: dict[str, list[dict[str, Any]]] = {code: [] for code in countries}
    for key, scope in scopes.items():
        name = names[key]
        context = checklist_context(scope.matches, title=key.code, date=date, progress=progress)
        _further_links(context, scope, names)
        context["header"] = _header("checklists", key.code, plan_id, date, progress, lang)
        result.files[name] = render_template(env, f"checklist.{fmt}.j2", context)
        entries.append(
            {
                "code": key.code,
                "country": key.country,
                "file": name,
                "count": context["total"],
                "names": sorted({d["name"] for s in context["sections"] for d in s["departments"]}),
                "plans": [s["plan"]["id"] for s in context["sections"]],
            }
        )
        of_country[key.country].append(entries[-1])
    index = {
        "entries": entries,
        "plans": [plan_facts(p) for p in plans],
        "date": date,
        "countries": [
            {
                "code": code,
                "name": group[0].country,
                "plans": [plan_facts(p) for p in group],
                "entries": of_country[code],
            }
            for code, group in countries.items()
        ],
    }
    result.files[index_path(fmt)] = render_template(env, f"index.{fmt}.j2", index)
    return result


@dataclass
class WriteResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)
    #: files not written (nor compared), each with why: a link leading outside ``out``
    refused: list[tuple[Path, str]] = field(default_factory=list)


def write_checklists(files: ChecklistSet, out: Path, *, check: bool = False) -> WriteResult:
    """Write (or with ``check``, only compare) every file, atomically, inside ``out``.

    A file whose name leads outside ``out`` (a link to elsewhere, in a folder or
    as the file) is refused alone, in ``refused``: the others are written."""
    result = WriteResult()
    if not check:
        out.mkdir(parents=True, exist_ok=True)
    for name, text in files.files.items():
        target = out / name
        try:
            _write_one(out, name, text, check, result)
        except OutsideRootError as exc:
            result.refused.append((target, f"not written: {exc.strerror}"))
    return result


def _write_one(out: Path, name: str, text: str, check: bool, result: WriteResult) -> None:
    """Write ``out/name`` (or compare it); OutsideRootError where it leads out of ``out``
    (the one safe-target rule: a link that stays inside is followed)."""
    target = out / name
    if out.exists():
        inside_root(out, target)  # before a folder is made or a file read through a link
        if not check:
            target.parent.mkdir(exist_ok=True)  # the country's folder
    try:
        current = read_file(target, kind="checklist", max_bytes=MAX_INPUT_BYTES).decode()
    except (OSError, UnicodeDecodeError):  # missing, a pipe, too large: not ours as is
        current = None
    if current == text:
        result.unchanged.append(target)
    elif check:
        result.stale.append(target)
    else:
        atomic_write(target, text, root=out)
        result.written.append(target)
