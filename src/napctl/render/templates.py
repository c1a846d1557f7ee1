"""Report skeletons and department checklists from Jinja2 templates.

Plan text is data: it is passed to templates as values and never compiled as a
template. HTML is autoescaped; Markdown gets the same treatment through
``finalize``, which escapes every string a template prints unless the
template marks it as already safe. User templates run sandboxed; all run
with StrictUndefined so a typo fails loudly instead of printing nothing.
"""

from __future__ import annotations

from collections.abc import Callable
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

from napctl.core.i18n import format_date, format_number, translator
from napctl.core.slugs import slugify
from napctl.load.discover import bundled_dir
from napctl.model import ALL, Plan
from napctl.model.plan import walk_goal
from napctl.model.registry import registry_index
from napctl.plans import (
    spread,
)
from napctl.plans.records import action_fields, department_label, result_record
from napctl.render.localtext import finalizer
from napctl.render.markdown import MdText, md_escape

if TYPE_CHECKING:
    pass

Format = Literal["md", "html"]


class RenderError(Exception):
    """A template is missing or broken (exit 2: the user's templates or options)."""


class BundledEnvironment(Environment):
    """napctl's own templates' environment: ``row.status`` on a dict is its key first.

    The contexts are dicts, and Jinja tries an attribute before a key: each
    ``row.status`` raised and caught an AttributeError, a tenth of a site's build.
    A dict's methods (``counts.items()``) are still found when no key has the name.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def environment(fmt: Format, templates: Path | None = None, lang: str = "en") -> Environment:
    """Templates from ``templates`` first, then the bundled ones.

    The bundled ones are also reachable as ``default/NAME`` so that a user's
    template can extend the one it replaces. A user's templates are code from
    outside napctl, so they run sandboxed; napctl's own run in a plain
    environment, several times faster. Labels are translated into ``lang`` through
    the gettext catalogs (``_()`` and ``{% trans %}``, jinja2.ext.i18n).
    """
    bundled = FileSystemLoader(str(bundled_dir("templates")))
    loaders: list[Any] = []
    if templates is not None:
        from napctl.render.limits import (
            FolderLoader,
        )  # lazy: start-up (jinja2.sandbox: user templates)

        loaders.append(FolderLoader(templates))
    loaders += [PrefixLoader({"default": bundled}), bundled]
    if templates is None:
        kind: type[Environment] = BundledEnvironment
    else:
        from napctl.render.limits import (
            BoundedSandbox,
        )  # lazy: start-up (jinja2.sandbox: user templates)

        kind = BoundedSandbox
    env = kind(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=False
        ),
        finalize=finalizer(fmt, lang),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        # Templates do not change while a command runs: no stat of each file per render.
        auto_reload=False,
    )
    install_language(env, fmt, lang)
    env.filters["md"] = lambda v: Markup(md_escape(str(v)))
    env.filters["slug"] = slugify
    return env


def install_language(env: Environment, fmt: Format, lang: str) -> None:
    """gettext, ngettext, ``number`` and ``date`` filters in ``lang`` for ``env``.

    A translation is napctl's own text, so it is printed as markup (Markdown or HTML);
    the values put into it are escaped like any other value.
    """
    catalog = translator(lang)
    trusted: Callable[[str], str] = MdText if fmt == "md" else str

    def gettext(message: str) -> str:
        return trusted(catalog.gettext(message))

    def ngettext(singular: str, plural: str, n: int) -> str:
        return trusted(catalog.ngettext(singular, plural, n))

    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]

    def term(word: object) -> str:
        # Not in the catalog: a word from the file, escaped like any other value.
        text = catalog.gettext(str(word))
        return str(word) if text == str(word) else trusted(text)

    env.filters["term"] = term
    env.globals["markup"] = lambda pattern, value: Markup(pattern) % {"v": value}
    env.filters["number"] = lambda n: format_number(n, lang)
    env.filters["date"] = lambda d: format_date(str(d), lang)
    env.globals["lang"] = lang


def render_template(env: Environment, name: str, context: dict[str, Any]) -> str:
    """The template's text; any failure of a template (napctl's or the user's) is a
    RenderError with one line saying where, never a traceback."""
    # lazy: start-up (jinja2.sandbox: user templates)
    from napctl.render.limits import BoundedSandbox, RenderLimit, bounded

    try:
        with bounded(isinstance(env, BoundedSandbox)):
            return env.get_template(name).render(context)
    except RenderLimit as exc:
        raise RenderError(f"template {name}{_template_line(exc)}: {exc}") from exc
    except MemoryError as exc:
        raise RenderError(
            f"template {name}: rendering needs more memory than the limit for templates"
        ) from exc
    except TemplateError as exc:
        # Syntax errors carry a file and line; undefined names and sandbox refusals do not.
        line = getattr(exc, "lineno", None)
        where = f" ({getattr(exc, 'filename', None) or name}:{line})" if line else ""
        raise RenderError(f"template {name}{where}: {exc.message or exc}") from exc
    except RecursionError as exc:
        raise RenderError(
            f"template {name}: templates extend or include each other in a loop"
        ) from exc
    except UnicodeDecodeError as exc:
        raise RenderError(f"template {name}{_template_line(exc)}: not UTF-8 text") from exc
    except OSError as exc:
        raise RenderError(
            f"template {name}: cannot read {exc.filename or 'it'}: {exc.strerror}"
        ) from exc
    except Exception as exc:  # an expression failing: 1/0, a type error, ...
        raise RenderError(
            f"template {name}{_template_line(exc)}: {type(exc).__name__}: {exc}"
        ) from exc


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


def action_context(
    plan: Plan, action: Any, *, focus: frozenset[str] = frozenset()
) -> dict[str, Any]:
    record = action_fields(plan, action, focus)
    assignments = record["departments"]
    by_code = registry_index(plan).by_code
    record["others"] = [
        # Whether a partner reports: one that does not is named with its role, as text.
        {**a, "reports": a["code"] not in by_code or by_code[a["code"]].reporting}
        for a in assignments
        if not a["mine"] and a["code"] != ALL
    ]
    record["mine"] = [a for a in assignments if a["mine"]]
    record["for_all"] = action.for_all
    index = registry_index(plan)
    result = index.result_of.get(action.id)
    record["result"] = None if result is None else result_record(plan, result)
    record["result_heading"] = False  # set by mark_results, where actions are listed
    own = None if result is None else index.actions[action.id][2]
    # The result's actors when the action names none (the walk gave it the result's list).
    record["departments_of_result"] = (
        result is not None and own is not None and own.departments is result.departments
    )
    if action.id in index.shared_indicators:
        record["indicators"] = []  # the result's: printed once, under its heading
    return record


def mark_results(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mark the first action of each run of actions under one result, where a template
    prints the result's heading, indicators and actors once."""
    previous = None
    for item in actions:
        result = item.get("result")
        current = None if result is None else result["id"]
        item["result_heading"] = current is not None and current != previous
        previous = current
    return actions


def plan_facts(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.id,
        "title": plan.title,
        "country": plan.country,
        "period": {"start": plan.period.start, "end": plan.period.end},
        "coordination": [department_label(plan, c) for c in plan.coordination.departments],
        "mechanism": plan.coordination.mechanism,
        "reporting": [
            {
                "what": r.what,
                "by": [department_label(plan, c) for c in r.by],
                "to": r.to,
                "frequency": r.frequency,
                "from_year": r.from_year,
            }
            for r in plan.reporting
        ],
        "target_countries": list(plan.target_countries),
        "source": plan.source.title,
    }


def report_context(plan: Plan, *, year: int | None, date: str | None) -> dict[str, Any]:
    pillars: list[dict[str, Any]] = []
    for pillar in plan.pillars:
        goals = [
            {
                "id": g.id,
                "text": g.text,
                "actions": mark_results(
                    [action_context(plan, p.action) for p in walk_goal(pillar, g, ())]
                ),
            }
            for g in pillar.goals
        ]
        pillars.append(
            {
                "id": pillar.id,
                "title": pillar.title,
                "summary": pillar.summary,
                "un_pillars": list(pillar.un_pillars),
                "goals": goals,
            }
        )
    return {
        "plan": plan_facts(plan),
        "year": year,
        "date": date,
        "pillars": pillars,
        "spread": spread(plan),
        "action_count": sum(len(g["actions"]) for p in pillars for g in p["goals"]),
    }


def render_report(
    plan: Plan,
    fmt: Format,
    *,
    year: int | None = None,
    date: str | None = None,
    templates: Path | None = None,
    lang: str = "en",
) -> str:
    env = environment(fmt, templates, lang)
    return render_template(env, f"report.{fmt}.j2", report_context(plan, year=year, date=date))
