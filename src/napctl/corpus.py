"""Load and validate every plan found: the one entry point for commands and for Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from napctl.discover import display_path, plan_files, plan_roots
from napctl.model import Plan
from napctl.problems import Problem
from napctl.validate import validate_document
from napctl.yamlsafe import DEFAULT_MAX_BYTES, YamlDocument, load_yaml_file


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    plan: Plan
    file: str


@dataclass(slots=True)
class Corpus:
    plans: list[LoadedPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)

    def plan(self, plan_id: str) -> LoadedPlan | None:
        for loaded in self.plans:
            if loaded.plan.id == plan_id:
                return loaded
        return None


def load_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[
    Plan | None, YamlDocument, list[Problem]
]:
    doc = load_yaml_file(str(path), display_path(path), max_bytes=max_bytes)
    plan, problems = validate_document(doc)
    return plan, doc, problems


def load_corpus(
    paths: Sequence[str] = (), *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Corpus:
    """Every plan under ``paths`` (or found by the usual rules), with all problems.

    Raises ``discover.PathNotFound`` for a path that does not exist.
    """
    corpus = Corpus()
    first_file: dict[str, tuple[str, YamlDocument]] = {}
    for path in plan_files(plan_roots(paths)):
        plan, doc, problems = load_file(path, max_bytes=max_bytes)
        corpus.files.append(doc.file)
        corpus.problems.extend(problems)
        if plan is None or problems:
            continue
        if plan.id in first_file:
            line, column = doc.position(("id",))
            corpus.problems.append(Problem(
                doc.file, line, column, "NAP309",
                f"plan id '{plan.id}' is already used by {first_file[plan.id][0]}"))
            continue
        first_file[plan.id] = (doc.file, doc)
        corpus.plans.append(LoadedPlan(plan, doc.file))
    corpus.problems.sort(key=Problem.sort_key)
    return corpus
