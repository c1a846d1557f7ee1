"""`napctl site`: every page of every language, the downloads, the data package and
the search index, written only where the bytes change.

The same input gives the same bytes (plans, pages and rows in a fixed order, no
time unless ``date`` is given), so a second build after one progress file
changed rewrites only the pages that show it, and a repository can commit the
site and see the difference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from napctl.core.fsutil import atomic_write_bytes
from napctl.core.readfile import read_bytes
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
from napctl.site.data import SiteData, plan_data
from napctl.site.history import link_generations
from napctl.site.i18n import gettext_for, site_languages
from napctl.site.package import data_package
from napctl.site.pages import Page, all_pages
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


@dataclass(slots=True)
class BuildResult:
    written: int = 0
    unchanged: int = 0
    pages: int = 0
    #: Why there is no search index (None: there is one, or none was asked for).
    no_search: str | None = None


class Writer:
    """Writes under one folder, only the files whose bytes differ from what is there."""

    def __init__(self, root: Path, result: BuildResult) -> None:
        self.root = root
        self.result = result

    def write(self, parts: Sequence[str], text: str | bytes) -> None:
        if isinstance(text, str) and parts[-1].endswith(".html"):
            text = _CONTROLS.sub("\ufffd", text)
        data = text.encode("utf-8") if isinstance(text, str) else text
        path = self.root.joinpath(*parts)
        if path.is_file():
            old, _problems = read_bytes(str(path), str(path), len(data))
            if old == data:
                self.result.unchanged += 1
                return
        # A site is rebuilt from its sources in seconds: no flush to disk per file.
        atomic_write_bytes(path, data, durable=False, root=self.root)
        self.result.written += 1


def site_data(
    plans: Sequence[tuple[Plan, str]],
    reports: Sequence[ProgressReport],
    invalid: Sequence[str],
    options: SiteOptions,
    assessments: Sequence[Assessment] = (),
) -> SiteData:
    found = [plan_data(p, f, reports, invalid) for p, f in sorted(plans, key=lambda x: x[0].id)]
    for data in found:
        data.assessments = [a for a in assessments if a.plan == data.id]
    link_generations(found)
    return SiteData(
        found,
        site_languages([p for p, _ in plans], options.languages),
        base_url=options.base_url,
        date=options.date,
        assessments=list(options.assessments),
    )


def build_site(
    plans: Sequence[tuple[Plan, str]],
    reports: Sequence[ProgressReport],
    options: SiteOptions,
    invalid: Sequence[str] = (),
    assessments: Sequence[Assessment] = (),
) -> BuildResult:
    """Build the site in ``options.out``; RenderError for a broken template, OSError
    for a file that cannot be written. ``assessments``: the valid independent
    assessments of the plans, shown beside the government's status."""
    from napctl.site.search import index_site, search_available

    result = BuildResult()
    out = Writer(options.out, result)
    site = site_data(plans, reports, invalid, options, assessments)
    site.search, result.no_search = search_available() if options.search else (False, None)
    env = site.env = site_environment()
    out.write(["site.css"], render_template(env, "site/site.css", {}))
    for name, text in data_package(site.plans).items():
        out.write(["data", name], text)
    for lang in site.languages:
        site.lang = lang
        _ = gettext_for(lang)
        prefix = [] if lang == site.languages[0] else [lang]
        for page in all_pages(site, _):
            folder = [*prefix, *page.address]
            out.write([*folder, "index.html"], page_html(env, page, site, _))
            out.write([*folder, "data.json"], page_json(page, lang))
            for s in page.sections:
                out.write([*folder, f"{s.id}.csv"], section_csv(s))
            for name, text in page.attachments.items():
                out.write([*folder, name], text)
            result.pages += 1
        if site.search:
            search = Page("search", ("search",), _("Search"))
            context = {"_": _, "lang": lang, "urls": Urls(search, lang, site.languages)}
            out.write(
                [*prefix, "search", "index.html"],
                render_template(env, "site/search.html.j2", context),
            )
    if site.search:
        result.no_search = index_site(out)
    return result
