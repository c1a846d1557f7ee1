"""`napctl site`: every page of every language, the downloads, the data package and
the search index, written only where the bytes change.

The same input gives the same bytes (plans, pages and rows in a fixed order, no
time unless ``date`` is given), so a second build after one progress file
changed rewrites only the pages that show it, and a repository can commit the
site and see the difference.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from napctl.core.tree import TreeWriter
from napctl.model import Plan
from napctl.model.assessment import Assessment
from napctl.model.progress import ProgressReport
from napctl.render.templates import render_template
from napctl.site import (
    sections_action,
    sections_assessments,
    sections_indicators,
    sections_plan,
    sections_results,
)
from napctl.site.data import PlanData, SiteData
from napctl.site.history import link_generations
from napctl.site.i18n import gettext_for, site_languages
from napctl.site.package import DataPackage
from napctl.site.pages import Page, all_pages
from napctl.site.plan_job import Job, ReportSource, each_plan
from napctl.site.render import Urls, page_html, page_json, section_csv, site_environment

#: Imported for their @section entries, which fill the registry of sections.
SECTION_MODULES = (
    sections_action,
    sections_plan,
    sections_indicators,
    sections_assessments,
    sections_results,
)


#: Characters HTML forbids in text (C0 and C1 controls but tab and line ends): text is
#: escaped for markup by the templates; these are shown as the replacement character.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(slots=True)
class SiteOptions:
    out: Path
    languages: list[str] = field(default_factory=list)
    base_url: str | None = None
    date: str | None = None
    search: bool = True
    assessments: list[str] = field(default_factory=list)
    #: Plans built at once, each in a worker process (1: one after the other here).
    jobs: int = 1


@dataclass(slots=True)
class BuildResult:
    written: int = 0
    unchanged: int = 0
    pages: int = 0
    #: Files of an earlier build that this one no longer has, removed.
    removed: int = 0
    #: Why there is no search index (None: there is one, or none was asked for).
    no_search: str | None = None
    #: The progress files left out as invalid (the command exits 1 after building).
    invalid: list[str] = field(default_factory=list)


class Writer:
    """Writes the site's files under one folder (``core/tree.TreeWriter``): only those
    whose bytes differ from what is there; HTML without the controls HTML forbids."""

    def __init__(self, root: Path, result: BuildResult) -> None:
        self.root = root
        self.result = result
        self.tree = TreeWriter(root)

    def write(self, parts: Sequence[str], text: str | bytes) -> None:
        if isinstance(text, str) and parts[-1].endswith(".html"):
            text = _CONTROLS.sub("\ufffd", text)
        self.tree.write(parts, text.encode("utf-8") if isinstance(text, str) else text)

    def finish(self) -> None:
        """Remove what an earlier build wrote and this one did not (a dropped action's
        page, a language no longer asked for)."""
        self.result.removed = len(self.tree.prune())
        self.result.written, self.result.unchanged = self.tree.written, self.tree.unchanged


def held_reports(reports: Sequence[ProgressReport], invalid: Sequence[str] = ()) -> ReportSource:
    """A ReportSource over reports already in memory (each plan gets its own)."""

    def of(plan: Plan) -> tuple[Sequence[ProgressReport], Sequence[str]]:
        return [r for r in reports if r.plan == plan.id], invalid

    return of


def build_site(
    plans: Sequence[tuple[Plan, str]],
    reports: Sequence[ProgressReport] | ReportSource,
    options: SiteOptions,
    invalid: Sequence[str] = (),
    assessments: Sequence[Assessment] = (),
) -> BuildResult:
    """Build the site in ``options.out``, one plan at a time; RenderError for a broken
    template, OSError for a file that cannot be written. ``reports``: the progress, or
    a ReportSource that reads each plan's when its turn comes. ``assessments``: the
    valid independent assessments of the plans, shown beside the government's status.
    Files an earlier build wrote and this one did not are removed."""
    from napctl.site.search import index_site, search_available

    source = reports if callable(reports) else held_reports(reports, invalid)
    result = BuildResult()
    out = Writer(options.out, result)
    ordered = sorted(plans, key=lambda x: x[0].id)
    site = SiteData(
        [],
        site_languages([p for p, _ in ordered], options.languages),
        base_url=options.base_url,
        date=options.date,
        assessments=list(options.assessments),
        plan_ids=frozenset(p.id for p, _ in ordered),
    )
    site.search, result.no_search = search_available() if options.search else (False, None)
    env = site.env = site_environment()
    out.write(["site.css"], render_template(env, "site/site.css", {}))
    shells = [PlanData(p, f, [], [], {}, {}) for p, f in ordered]
    link_generations(shells)
    package = DataPackage(out.tree)
    summaries = []

    def plan_pages(site: SiteData, data: PlanData) -> tuple[list[str], int, int, int]:
        own = Writer(options.out, BuildResult())
        _write_pages(own, site, [data], site_wide=False)
        tree = own.tree
        return sorted(tree.files), tree.written, tree.unchanged, own.result.pages

    job = Job(site, shells, source, assessments, plan_pages)
    for shell, done in zip(shells, each_plan(job, options.jobs), strict=True):
        sys.stderr.write(done.messages)
        out.tree.adopt(done.files, done.written, done.unchanged)
        result.invalid += [f for f in done.left_out if f not in result.invalid]
        result.pages += done.pages
        package.add(done.rows)
        summaries.append(done.summary(shell))
    package.finish()
    site.plans = summaries
    _write_pages(out, site, summaries, site_wide=True)
    if site.search:
        result.no_search = index_site(out)
    out.finish()
    return result


def _write_pages(out: Writer, site: SiteData, plans: list[PlanData], *, site_wide: bool) -> None:
    """The pages of ``plans`` (one plan's, or the site's own) in every language."""
    env = site.env
    assert env is not None
    site.plans = plans
    for lang in site.languages:
        site.lang = lang
        _ = gettext_for(lang)
        prefix = [] if lang == site.languages[0] else [lang]
        for page in all_pages(site, _, site_wide=site_wide):
            folder = [*prefix, *page.address]
            out.write([*folder, "index.html"], page_html(env, page, site, _))
            out.write([*folder, "data.json"], page_json(page, lang))
            for s in page.sections:
                out.write([*folder, f"{s.id}.csv"], section_csv(s))
            for name, text in page.attachments.items():
                out.write([*folder, name], text)
            out.result.pages += 1
        if site_wide and site.search:
            search = Page("search", ("search",), _("Search"))
            context = {"_": _, "lang": lang, "urls": Urls(search, lang, site.languages)}
            out.write(
                [*prefix, "search", "index.html"],
                render_template(env, "site/search.html.j2", context),
            )
