"""Turn a parsed document into a Plan, or into positioned problems.

Two layers: the schema (pydantic, strict) and the consistency checks that a
schema cannot express (ids, the department registry, the period).
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import TypeAdapter, ValidationError

from napctl.model import ALL, NON_BLANK, Plan
from napctl.problems import Problem
from napctl.yamlsafe import YamlDocument

_TYPE_NAMES = {
    "dataclass_type": "a mapping",
    "dataclass_exact_type": "a mapping",
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}
_PATTERN_HELP = {
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": "an id is letters, digits, '.', '_' and '-',"
    " starting with a letter or digit",
    r"^[a-z0-9][a-z0-9-]*$": "a plan id is lower-case letters, digits and '-'",
    r"^[A-Z]{2}$": "a country code is two capital letters (ISO 3166-1 alpha-2)",
}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a choice is close to ``word``, else ''."""
    pool = list(choices)
    lowered = {c.lower(): c for c in pool}
    if word.lower() in lowered and lowered[word.lower()] != word:
        return f" (did you mean '{lowered[word.lower()]}'?)"
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f" (did you mean '{lowered[close[0]]}'?)" if close else ""


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"a {type(value).__name__}"


_PLAN_ADAPTER = TypeAdapter(Plan)


def _model_at(loc: Sequence[object]) -> type | None:
    """The dataclass that validates the mapping at ``loc``."""
    model: type = Plan
    for step in loc:
        if not isinstance(step, str):
            continue
        hints = _hints(model)
        if step not in hints:
            continue
        inner = _find_model(hints[step])
        if inner is None:
            return None
        model = inner
    return model


def _hints(model: type) -> dict[str, Any]:
    return typing.get_type_hints(model)


def _find_model(annotation: Any) -> type | None:
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, dict, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _find_model(arg)
            if found is not None:
                return found
    return None


def _wrong_union_branch(doc: YamlDocument, loc: Sequence[object]) -> bool:
    """True for errors of the union member that does not fit the input's shape.

    A department entry is a code (text) or a mapping: an error about the
    other branch only adds noise.
    """
    for i, step in enumerate(loc):
        if step in ("str", "constrained-str", "Assignment"):
            value: Any = doc.data
            for part in loc[:i]:
                try:
                    value = value[part]
                except (KeyError, IndexError, TypeError):
                    return False
            is_mapping = isinstance(value, dict)
            return is_mapping != (step == "Assignment")
    return False


def schema_problems(doc: YamlDocument, error: ValidationError) -> list[Problem]:
    problems = []
    for err in error.errors(include_url=False):
        loc = err["loc"]
        kind = err["type"]
        if _wrong_union_branch(doc, loc):
            continue
        value = err.get("input")
        ctx = err.get("ctx") or {}
        where = ".".join(str(s) for s in doc.resolve(loc)) or "top level"
        at_key = False
        if kind in ("missing", "missing_argument", "missing_keyword_only_argument"):
            code = "NAP200"
            line, column = doc.position(loc[:-1])
            message = f"missing required field '{loc[-1]}' in {where}"
            problems.append(Problem(doc.file, line, column, code, message))
            continue
        if kind in ("extra_forbidden", "unexpected_keyword_argument"):
            code, at_key = "NAP201", True
            model = _model_at(loc[:-1])
            fields = [f.name for f in dataclasses.fields(model)] if model else []
            message = f"unknown field '{loc[-1]}'{did_you_mean(str(loc[-1]), fields)}"
            if fields and not did_you_mean(str(loc[-1]), fields):
                message += f"; allowed here: {', '.join(fields)}"
        elif kind in _TYPE_NAMES:
            typed = doc.typed_scalar(loc)
            if kind == "string_type" and typed is not None:
                source, yaml_type = typed
                code = "NAP203"
                message = (
                    f"{source!r} is read by YAML as {yaml_type}, not text;"
                    f' quote it if it is text: "{source}"'
                )
            else:
                code = "NAP202"
                message = f"{where}: expected {_TYPE_NAMES[kind]}, found {_describe(value)}"
        elif kind == "literal_error":
            code = "NAP204"
            expected = str(ctx.get("expected", ""))
            choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
            hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
            message = f"{where}: {_describe(value)} is not one of {expected}{hint}"
        elif kind == "too_short":
            code = "NAP205"
            message = f"{where} must not be empty"
        elif kind == "string_pattern_mismatch":
            pattern = str(ctx.get("pattern", ""))
            if pattern == NON_BLANK:
                code, message = "NAP205", f"{where}: text must not be empty or blank"
            else:
                code = "NAP206"
                help_ = _PATTERN_HELP.get(pattern, f"it must match {pattern}")
                message = f"{where}: {value!r} is not allowed: {help_}"
        elif kind == "too_long" or kind == "string_too_long":
            code = "NAP209"
            message = f"{where}: {err['msg']}"
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            code = "NAP207"
            message = f"{where}: {err['msg'].lower()}, found {value!r}"
        else:
            code = "NAP209"
            message = f"{where}: {err['msg']}"
        line, column = doc.position(loc, key=at_key)
        problems.append(Problem(doc.file, line, column, code, message))
    return problems


def validate_document(doc: YamlDocument) -> tuple[Plan | None, list[Problem]]:
    """The Plan in ``doc`` and every problem found in it."""
    if doc.data is None:
        return None, list(doc.problems)
    try:
        plan = _PLAN_ADAPTER.validate_python(doc.data)
    except ValidationError as error:
        return None, schema_problems(doc, error)
    return plan, check_plan(plan, doc)


def check_plan(plan: Plan, doc: YamlDocument) -> list[Problem]:
    """Consistency rules a schema cannot express."""
    checker = _Checker(plan, doc)
    checker.period()
    checker.registry()
    checker.parents()
    checker.frame_references()
    checker.hierarchy()
    return checker.problems


Loc = tuple[str | int, ...]


class _Checker:
    def __init__(self, plan: Plan, doc: YamlDocument) -> None:
        self.plan = plan
        self.doc = doc
        self.problems: list[Problem] = []
        self.by_code = {d.code: d for d in plan.departments}
        self.names: dict[str, str] = {}  # lower-cased code or alias -> code

    def add(self, loc: Loc, code: str, message: str) -> None:
        line, column = self.doc.position(loc)
        self.problems.append(Problem(self.doc.file, line, column, code, message))

    def period(self) -> None:
        period = self.plan.period
        if period.start > period.end:
            self.add(("period",), "NAP305",
                     f"period starts in {period.start} but ends in {period.end}")

    def registry(self) -> None:
        for i, dept in enumerate(self.plan.departments):
            if dept.code.lower() == ALL.lower():
                self.add(("departments", i, "code"), "NAP308",
                         f"'{dept.code}' is reserved: on an action it means every department")
            for j, name in enumerate([dept.code, *dept.aliases]):
                loc: Loc = ("departments", i, "code") if j == 0 else (
                    "departments", i, "aliases", j - 1)
                other = self.names.get(name.lower())
                if other is not None:
                    self.add(loc, "NAP304", f"'{name}' already names department '{other}'")
                else:
                    self.names[name.lower()] = dept.code

    def parents(self) -> None:
        by_code = self.by_code
        for i, dept in enumerate(self.plan.departments):
            if dept.parent is not None and dept.parent not in by_code:
                self.add(("departments", i, "parent"), "NAP302",
                         f"parent '{dept.parent}' is not in the registry"
                         f"{did_you_mean(dept.parent, by_code)}")
                continue
            chain = [dept.code]
            parent = dept.parent
            while parent is not None and parent in by_code:
                chain.append(parent)
                if parent == dept.code:
                    self.add(("departments", i, "parent"), "NAP303",
                             f"parents loop back to '{dept.code}': {' -> '.join(chain)}")
                    break
                if chain.count(parent) > 1:
                    break  # a loop above this department, reported on its members
                parent = by_code[parent].parent

    def department(self, code: str, loc: Loc) -> None:
        if code in self.by_code:
            return
        alias_of = self.names.get(code.lower())
        if alias_of is not None:
            self.add(loc, "NAP301", f"'{code}' is not a department code; write '{alias_of}'")
        else:
            self.add(loc, "NAP301", f"unknown department '{code}'"
                     f"{did_you_mean(code, [*self.by_code, ALL])}")

    def frame_references(self) -> None:
        plan = self.plan
        for i, code in enumerate(plan.coordination.departments):
            self.department(code, ("coordination", "departments", i))
        for r, duty in enumerate(plan.reporting):
            for i, code in enumerate(duty.by):
                self.department(code, ("reporting", r, "by", i))
            year = duty.from_year
            if year is not None and not plan.period.start <= year <= plan.period.end:
                self.add(("reporting", r, "from_year"), "NAP311",
                         f"reporting from {year}, outside the plan period"
                         f" {plan.period.start}-{plan.period.end}")

    def hierarchy(self) -> None:
        ids: dict[str, str] = {}

        def unique(ident: str, kind: str, loc: Loc) -> None:
            if ident in ids:
                self.add(loc, "NAP300", f"{kind} id '{ident}' is already used by a {ids[ident]}")
            else:
                ids[ident] = kind

        for p, pillar in enumerate(self.plan.pillars):
            p_loc: Loc = ("pillars", p)
            unique(pillar.id, "pillar", (*p_loc, "id"))
            if not pillar.un_pillars:
                self.add((*p_loc, "un_pillars"), "NAP306",
                         f"pillar '{pillar.id}' maps to no UN pillar: name at least one of"
                         " participation, prevention, protection, relief-and-recovery")
            for g, goal in enumerate(pillar.goals):
                g_loc = (*p_loc, "goals", g)
                unique(goal.id, "goal", (*g_loc, "id"))
                for a, action in enumerate(goal.actions):
                    a_loc = (*g_loc, "actions", a)
                    unique(action.id, "action", (*a_loc, "id"))
                    self.assignments(action.id, action.codes(), a_loc)

    def assignments(self, action_id: str, codes: list[str], a_loc: Loc) -> None:
        seen: set[str] = set()
        for d, code in enumerate(codes):
            loc = (*a_loc, "departments", d)
            if code == ALL:
                if len(codes) > 1:
                    self.add(loc, "NAP307",
                             f"action '{action_id}': 'All' already names every department")
            else:
                self.department(code, loc)
            if code in seen:
                self.add(loc, "NAP310", f"action '{action_id}' names '{code}' twice")
            seen.add(code)
