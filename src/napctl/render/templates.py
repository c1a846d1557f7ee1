"""Report skeletons and department checklists from Jinja2 templates.

Plan text is data: it is passed to templates as values and never compiled as a
template. HTML is autoescaped; Markdown gets the same treatment through
``finalize``, which escapes every string a template prints unless the
template marks it as already safe. User templates run sandboxed; all run
with StrictUndefined so a typo fails loudly instead of printing nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    select_autoescape,
)
from markupsafe import Markup

from napctl.core.fsutil import atomic_write, slugify
from napctl.load.discover import bundled_dir
from napctl.model import ALL, Plan
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
from napctl.plans.records import action_fields, department_label
from napctl.render.checklist_layout import checklist_path, index_path, safe_target
from napctl.render.markdown import md_escape

if TYPE_CHECKING:
    from napctl.progress.checklist_items import ChecklistProgress

Format = Literal["md", "html"]


class RenderError(Exception):
    """A template is missing or broken (exit 2: the user's templates or options)."""


def _md_finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return md_escape(value)


def environment(fmt: Format, templates: Path | None = None) -> Environment:
    """Templates from ``templates`` first, then the bundled ones.

    The bundled ones are also reachable as ``default/NAME`` so that a user's
    template can extend the one it replaces. A user's templates are code from
    outside napctl, so they run sandboxed; napctl's own run in a plain
    environment, several times faster.
    """
    bundled = FileSystemLoader(str(bundled_dir("templates")))
    loaders: list[Any] = []
    if templates is not None:
        from napctl.render.limits import FolderLoader

        loaders.append(FolderLoader(templates))
    loaders += [PrefixLoader({"default": bundled}), bundled]
    if templates is None:
        kind: type[Environment] = Environment
    else:
        from napctl.render.limits import BoundedSandbox

        kind = BoundedSandbox
    env = kind(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"),
                                     default_for_string=False),
        finalize=_md_finalize if fmt == "md" else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda v: Markup(md_escape(str(v)))
    env.filters["slug"] = slugify
    return env


def _render(env: Environment, name: str, context: dict[str, Any]) -> str:
    """The template's text; any failure of a template (napctl's or the user's) is a
    RenderError with one line saying where, never a traceback."""
    from napctl.render.limits import BoundedSandbox, RenderLimit, bounded

    try:
        with bounded(isinstance(env, BoundedSandbox)):
            return env.get_template(name).render(context)
    except RenderLimit as exc:
        raise RenderError(f"template {name}{_template_line(exc)}: {exc}") from exc
    except MemoryError as exc:
        raise RenderError(f"template {name}: rendering needs more memory than the"
                          " limit for templates") from exc
    except TemplateError as exc:
        # Syntax errors carry a file and line; undefined names and sandbox refusals do not.
        line = getattr(exc, "lineno", None)
        where = f" ({getattr(exc, 'filename', None) or name}:{line})" if line else ""
        raise RenderError(f"template {name}{where}: {exc.message or exc}") from exc
    except RecursionError as exc:
        raise RenderError(f"template {name}: templates extend or include each other in a"
                          " loop") from exc
    except UnicodeDecodeError as exc:
        raise RenderError(f"template {name}{_template_line(exc)}: not UTF-8 text") from exc
    except OSError as exc:
        raise RenderError(f"template {name}: cannot read"
                          f" {exc.filename or 'it'}: {exc.strerror}") from exc
    except Exception as exc:  # an expression failing: 1/0, a type error, ...
        raise RenderError(f"template {name}{_template_line(exc)}: {type(exc).__name__}:"
                          f" {exc}") from exc


def _template_line(exc: BaseException) -> str:
    """' (file:line)' of the innermost template frame in ``exc``'s traceback (Jinja
    rewrites its frames to the template's own file and line), else ''."""
    found = ""
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f" ({Path(filename).name}:{tb.tb_lineno})"
        tb = tb.tb_next
    return found


# -- the data templates see ----------------------------------------------------------


def _action(plan: Plan, action: Any, *, focus: frozenset[str] = frozenset()) -> dict[str, Any]:
    record = action_fields(plan, action, focus)
    assignments = record["departments"]
    record["others"] = [a for a in assignments if not a["mine"] and a["code"] != ALL]
    record["mine"] = [a for a in assignments if a["mine"]]
    record["for_all"] = action.for_all
    return record


def plan_facts(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.id,
        "title": plan.title,
        "country": plan.country,
        "period": {"start": plan.period.start, "end": plan.period.end},
        "coordination": [department_label(plan, c) for c in plan.coordination.departments],
        "mechanism": plan.coordination.mechanism,
        "reporting": [
            {"what": r.what, "by": [department_label(plan, c) for c in r.by], "to": r.to,
             "frequency": r.frequency, "from_year": r.from_year}
            for r in plan.reporting
        ],
        "target_countries": list(plan.target_countries),
        "source": plan.source.title,
    }


def report_context(plan: Plan, *, year: int | None, date: str | None) -> dict[str, Any]:
    pillars: list[dict[str, Any]] = []
    for pillar in plan.pillars:
        goals = [
            {"id": g.id, "text": g.text, "actions": [_action(plan, a) for a in g.actions]}
            for g in pillar.goals
        ]
        pillars.append({"id": pillar.id, "title": pillar.title, "summary": pillar.summary,
                        "un_pillars": list(pillar.un_pillars), "goals": goals})
    return {
        "plan": plan_facts(plan),
        "year": year,
        "date": date,
        "pillars": pillars,
        "spread": spread(plan),
        "action_count": sum(len(g["actions"]) for p in pillars for g in p["goals"]),
    }


def _pillars_of(match: ActorMatch, progress: ChecklistProgress | None = None
                ) -> list[dict[str, Any]]:
    """The pillars, goals and actions of ``match`` (its departments' and those for
    All), in plan order, from the registry index: no scan of the plan per checklist;
    with ``progress``, each item's progress for the year and its marker."""
    index = registry_index(match.plan)
    pillars: list[dict[str, Any]] = []
    goal_of: dict[int, dict[str, Any]] = {}
    pillar_of: dict[int, dict[str, Any]] = {}
    for n in index.positions(match.codes, with_all=True):
        pillar, goal, action = index.rows[n]
        if id(pillar) not in pillar_of:
            pillar_of[id(pillar)] = {"id": pillar.id, "title": pillar.title, "goals": []}
            pillars.append(pillar_of[id(pillar)])
        if id(goal) not in goal_of:
            goal_of[id(goal)] = {"id": goal.id, "text": goal.text, "actions": []}
            pillar_of[id(pillar)]["goals"].append(goal_of[id(goal)])
        item = _action(match.plan, action, focus=match.codes)
        if progress is not None:
            item["progress"] = progress.item(match.plan, action, match.codes, match.named)
        goal_of[id(goal)]["actions"].append(item)
    return pillars


def checklist_context(
    matches: Sequence[ActorMatch], *, title: str, date: str | None,
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
        below = [department_label(plan, c) for c in
                 registry_index(plan).in_order(match.codes - set(match.named))]
        sections.append({"plan": plan_facts(plan), "departments": named, "includes": below,
                         "further": [],
                         "pillars": pillars, "count": count,
                         "spread": spread(plan, sorted(match.codes))})
    return {"title": title, "date": date, "sections": sections, "total": total,
            "year": None if progress is None else progress.year}


# -- entry points --------------------------------------------------------------------


def render_report(
    plan: Plan, fmt: Format, *, year: int | None = None, date: str | None = None,
    templates: Path | None = None,
) -> str:
    env = environment(fmt, templates)
    return _render(env, f"report.{fmt}.j2", report_context(plan, year=year, date=date))


def render_checklist(
    plans: Sequence[Plan], actor: str, fmt: Format, *, plan_id: str | None = None,
    date: str | None = None, templates: Path | None = None, country: str | None = None,
    exact: bool = False, progress: ChecklistProgress | None = None,
) -> str:
    """The checklist of ``actor`` (resolved as in `napctl actions`). Raises QueryError,
    also when ``actor`` names departments of several countries: a checklist goes to
    one government, so ``country`` (or ``plan_id``) must pick it."""
    select_country(select_plans(plans, plan_id), country)  # both exist, and agree
    matches = resolve_actor(select_country(plans, country), actor, plan_id=plan_id,
                            exact=exact)
    if len(by_country(matches)) > 1:
        raise QueryError(f"'{actor}' names departments in {len(by_country(matches))}"
                         f" countries: {countries_phrase(matches)}; a checklist is for one"
                         " country: pick it with --country")
    env = environment(fmt, templates)
    context = checklist_context(matches, title=actor, date=date, progress=progress)
    context["header"] = _header("checklist", actor, plan_id, date, progress)
    return _render(env, f"checklist.{fmt}.j2", context)


def _header(kind: str, title: str, plan_id: str | None, date: str | None,
            progress: ChecklistProgress | None) -> Any:
    if progress is None:
        return None
    from napctl.progress.checklist_items import header_marker

    return header_marker(kind=kind, title=title, plan=plan_id, year=str(progress.year),
                         date=date)


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
                codes, further = registry.within(dept.code, CHECKLIST_DEPTH)
                scope = scopes.setdefault(department_key(plan, dept.code), _Scope())
                scope.matches.append(ActorMatch(plan, (dept.code,), frozenset(codes)))
                scope.further.append(further)
    return scopes


def _further_links(context: dict[str, Any], scope: _Scope,
                   names: dict[DepartmentKey, str]) -> None:
    """Give each section of a checklist the units it leaves to their own checklists."""
    for section, match, further in zip(context["sections"], scope.matches, scope.further,
                                       strict=True):
        section["further"] = [
            {**department_label(match.plan, code),
             "file": names[department_key(match.plan, code)].rsplit("/", 1)[-1]}
            for code in further]


def build_checklists(
    plans: Sequence[Plan], fmt: Format, *, date: str | None = None,
    templates: Path | None = None, progress: ChecklistProgress | None = None,
    plan_id: str | None = None,
) -> ChecklistSet:
    """One checklist per department (its country and code, across the plans given), in a
    folder per country, and an index grouped by country.

    A checklist takes in the department's units down to ``CHECKLIST_DEPTH`` levels
    and links to the checklists of the units below those.
    """
    env = environment(fmt, templates)
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
        context = checklist_context(scope.matches, title=key.code, date=date,
                                    progress=progress)
        _further_links(context, scope, names)
        context["header"] = _header("checklists", key.code, plan_id, date, progress)
        result.files[name] = _render(env, f"checklist.{fmt}.j2", context)
        entries.append({
            "code": key.code, "country": key.country, "file": name, "count": context["total"],
            "names": sorted({d["name"] for s in context["sections"] for d in s["departments"]}),
            "plans": [s["plan"]["id"] for s in context["sections"]],
        })
        of_country[key.country].append(entries[-1])
    index = {"entries": entries, "plans": [plan_facts(p) for p in plans], "date": date,
             "countries": [
                 {"code": code, "name": group[0].country,
                  "plans": [plan_facts(p) for p in group],
                  "entries": of_country[code]}
                 for code, group in countries.items()]}
    result.files[index_path(fmt)] = _render(env, f"index.{fmt}.j2", index)
    return result


@dataclass
class WriteResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)


def write_checklists(files: ChecklistSet, out: Path, *, check: bool = False) -> WriteResult:
    """Write (or with ``check``, only compare) every file, atomically, inside ``out``."""
    result = WriteResult()
    if not check:
        out.mkdir(parents=True, exist_ok=True)
    for name, text in files.files.items():
        target = out / name
        if out.exists():
            try:
                safe_target(out, name)
            except ValueError as exc:
                raise RenderError(f"refusing to write {target}: it leads outside {out}") from exc
            if not check:
                target.parent.mkdir(exist_ok=True)  # the country's folder
        try:
            current = target.read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError, UnicodeDecodeError):
            current = None
        if current == text:
            result.unchanged.append(target)
        elif check:
            result.stale.append(target)
        else:
            atomic_write(target, text)
            result.written.append(target)
    return result
