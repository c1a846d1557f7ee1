"""Find and check every progress report: the entry point for commands and for Python."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from napctl.load.discover import display_path, find_up, plan_files
from napctl.load.readfile import DEFAULT_MAX_BYTES
from napctl.model import Plan
from napctl.model.progress import ProgressReport
from napctl.problems import Problem

if TYPE_CHECKING:
    from napctl.checks.progress import PlanIndex
    from napctl.load.yamlsafe import YamlDocument

ENV_VAR = "NAPCTL_PROGRESS"
DEFAULT_FOLDER = "progress"


def progress_roots(explicit: Sequence[str] = (), *, cwd: Path | None = None) -> list[Path]:
    """--progress PATH..., else $NAPCTL_PROGRESS, else progress/ here or above (as plans/
    is found), else none."""
    if explicit:
        return [Path(p) for p in explicit]
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return [Path(p) for p in env.split(os.pathsep) if p]
    local = find_up(DEFAULT_FOLDER, cwd)
    return [local] if local is not None else []


def default_out(explicit: Sequence[str] = ()) -> Path:
    """Where `progress init` writes: the first progress root, else ./progress."""
    if explicit:
        return Path(explicit[0])
    env = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    return Path(env[0]) if env else Path(DEFAULT_FOLDER)


@dataclass(frozen=True, slots=True)
class LoadedProgress:
    report: ProgressReport
    file: str


@dataclass(slots=True)
class ProgressCorpus:
    reports: list[LoadedProgress] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


def check_report(report: ProgressReport, doc: YamlDocument, plans: dict[str, PlanIndex]
                 ) -> list[Problem]:
    """Every rule on one schema-valid report; ``plans`` maps plan ids to PlanIndex."""
    from napctl.checks.progress import FILE_RULES, PLAN_RULES

    problems: list[Problem] = []
    for file_rule in FILE_RULES:
        problems.extend(file_rule(report, doc, None))
    index = plans.get(report.plan)
    if index is None:
        from napctl.problems.messages import suggest as did_you_mean

        line, column = doc.position(("plan",))
        problems.append(Problem(doc.file, line, column, "NAP400",
                                f"no valid plan has id '{report.plan}'"
                                f"{did_you_mean(report.plan, plans)}"))
    else:
        for rule in PLAN_RULES:
            problems.extend(rule(report, doc, index))
    return problems


def load_progress(
    roots: Sequence[Path], plans: Sequence[Plan], *, max_bytes: int = DEFAULT_MAX_BYTES,
    keep: bool = True, use_cache: bool = False,
) -> ProgressCorpus:
    """Every progress file under ``roots``, checked against ``plans``.

    ``use_cache`` skips the parsing and schema of files validated before (the
    rules that need the plan always run).

    Raises ``discover.PathNotFound`` for a root that does not exist.
    """
    from napctl.checks.progress import PlanIndex
    from napctl.load.progress import load_report

    indexes: dict[str, PlanIndex] = {p.id: PlanIndex.of(p) for p in plans}
    corpus = ProgressCorpus()
    first: dict[tuple[str, int, str], str] = {}
    for path in plan_files(roots):
        file = display_path(path)
        corpus.files.append(file)
        loaded = load_report(str(path), file, max_bytes=max_bytes, use_cache=use_cache)
        corpus.problems.extend(loaded.problems)
        if loaded.report is None or loaded.doc is None:
            continue
        report = loaded.report
        problems = check_report(report, loaded.doc, indexes)
        key = (report.plan, report.year, report.department)
        if key in first:
            line, column = loaded.doc.position(("department",))
            problems.append(Problem(file, line, column, "NAP414",
                                    f"{report.department} already reports on {report.plan}"
                                    f" for {report.year} in {first[key]}"))
        else:
            first[key] = file
        corpus.problems.extend(problems)
        if keep and not problems:
            corpus.reports.append(LoadedProgress(report, file))
    corpus.problems.sort(key=Problem.sort_key)
    return corpus
