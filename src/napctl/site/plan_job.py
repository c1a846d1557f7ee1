"""One plan's pages, built apart from the others: in this process, or in a pool of
worker processes (``SiteOptions.jobs``), each holding one plan's progress at a time.

A plan's pages depend on that plan, its progress and its history alone, so the
plans are independent jobs; what the site's own pages need of each (its years and
last status), its rows of the data package and the names of its files come back
to the builder, in the plans' order, so the same input gives the same bytes
whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from napctl.model import Plan
from napctl.model.assessment import Assessment
from napctl.model.progress import ProgressReport
from napctl.progress.status import PlanStatus
from napctl.site.data import PlanData, SiteData, plan_data
from napctl.site.package import plan_rows


@dataclass(slots=True)
class PlanPages:
    """What building one plan's pages leaves for the builder."""

    files: list[str]
    written: int
    unchanged: int
    pages: int
    years: list[int]
    #: The last year's status (the site's index shows it).
    last: dict[int, PlanStatus]
    rows: dict[str, list[tuple[Any, ...]]]
    #: What reading the plan's progress said (invalid files), for the builder to print.
    messages: str = ""
    left_out: list[str] = field(default_factory=list)

    def summary(self, shell: PlanData) -> PlanData:
        """What the site's own pages need of the plan once its pages are written: the
        plan, its years and the last year's status (not its reports, entries, rendered
        reports or series), so the build holds one plan's progress at a time."""
        return PlanData(shell.plan, shell.file, [], self.years, self.last, {})


#: The progress of one plan: its valid reports and the invalid files left out. The
#: builder reads each plan's files when its pages are built, so that memory holds one
#: plan's progress at a time, not the corpus's.
ReportSource = Callable[[Plan], tuple[Sequence[ProgressReport], Sequence[str]]]

#: Builds one plan's pages with a writer of its own: (site, plan's data) -> counts.
PageWriter = Callable[[SiteData, PlanData], tuple[list[str], int, int, int]]


@dataclass(slots=True)
class Job:
    site: SiteData
    shells: list[PlanData]
    source: ReportSource
    assessments: Sequence[Assessment]
    write_pages: PageWriter


#: The job of the build under way: worker processes are forked with it, so that
#: nothing but a plan's number goes to them and its result comes back.
_JOB: list[Job] = []


def build_plan(index: int, *, capture: bool = False) -> PlanPages:
    """Read plan ``index``'s progress, write its pages in every language."""
    job = _JOB[0]
    shell = job.shells[index]
    said = io.StringIO()
    with contextlib.redirect_stderr(said) if capture else contextlib.nullcontext():
        found, left_out = job.source(shell.plan)
    data = plan_data(shell.plan, shell.file, found, left_out)
    data.history = shell.history
    data.assessments = [a for a in job.assessments if a.plan == data.id]
    files, written, unchanged, pages = job.write_pages(job.site, data)
    last = {data.years[-1]: data.status[data.years[-1]]} if data.years else {}
    return PlanPages(
        files,
        written,
        unchanged,
        pages,
        list(data.years),
        last,
        plan_rows(data),
        said.getvalue(),
        list(left_out),
    )


def _in_worker(index: int) -> PlanPages:
    return build_plan(index, capture=True)


def each_plan(job: Job, jobs: int) -> Iterator[PlanPages]:
    """Every plan's pages built, in the plans' order; ``jobs`` > 1: in that many
    worker processes (forked, where the system forks; else one after the other)."""
    _JOB[:] = [job]
    try:
        workers = min(jobs, len(job.shells))
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            for index in range(len(job.shells)):
                yield build_plan(index)
            return
        sys.stdout.flush()
        sys.stderr.flush()
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_in_worker, range(len(job.shells)))
    finally:
        _JOB.clear()


def default_jobs() -> int:
    """The processors this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every system
        return max(1, os.cpu_count() or 1)
