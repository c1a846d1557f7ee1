"""Load and validate every plan found: the one entry point for commands and for Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from napctl.load import cache
from napctl.load.discover import display_path, plan_files, plan_roots
from napctl.load.readfile import DEFAULT_MAX_BYTES, decode_text, read_bytes
from napctl.model import Plan, plan_from_trusted
from napctl.problems import Problem


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


def load_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = False
) -> tuple[Plan | None, list[Problem]]:
    """One plan file: its Plan (None when invalid) and every problem in it."""
    display = display_path(path)
    raw, problems = read_bytes(str(path), display, max_bytes)
    if raw is None:
        return None, problems
    if use_cache:
        trusted = cache.get(raw)
        if trusted is not None:
            return plan_from_trusted(trusted), []
    text, problems = decode_text(raw, display)
    if text is None:
        return None, problems
    # The YAML loader and the validator (pydantic models) are imported only here:
    # a query answered from the cache never pays for them.
    from napctl.load.schema_errors import validate_document
    from napctl.load.yamlsafe import parse_yaml

    doc = parse_yaml(text, display)
    plan, problems = validate_document(doc)
    if plan is not None and not problems and use_cache and doc.data is not None:
        cache.put(raw, doc.data)
    return plan, problems


def load_corpus(
    paths: Sequence[str] = (), *, max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = False,
    keep_plans: bool = True,
) -> Corpus:
    """Every plan under ``paths`` (or found by the usual rules), with all problems.

    ``use_cache`` reuses earlier validations of identical bytes (see napctl.load.cache).
    ``keep_plans=False`` checks without keeping the plans, so that memory is
    bounded by the largest plan rather than the corpus.
    Raises ``discover.PathNotFound`` for a path that does not exist.
    """
    corpus = Corpus()
    first_file: dict[str, str] = {}
    for path in plan_files(plan_roots(paths)):
        plan, problems = load_file(path, max_bytes=max_bytes, use_cache=use_cache)
        file = display_path(path)
        corpus.files.append(file)
        corpus.problems.extend(problems)
        if plan is None or problems:
            continue
        if plan.id in first_file:
            corpus.problems.append(Problem(
                file, *_id_position(path), "NAP309",
                f"plan id '{plan.id}' is already used by {first_file[plan.id]}"))
            continue
        first_file[plan.id] = file
        if keep_plans:
            corpus.plans.append(LoadedPlan(plan, file))
    corpus.problems.sort(key=Problem.sort_key)
    return corpus


def _id_position(path: Path) -> tuple[int, int]:
    from napctl.load.yamlsafe import load_yaml_file

    return load_yaml_file(str(path)).position(("id",))
