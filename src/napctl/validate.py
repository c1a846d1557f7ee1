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
from napctl.validate_fields import check_monitoring_fields
from napctl.yamlsafe import MAX_PROBLEMS, YamlDocument

_TYPE_NAMES = {
    "dataclass_type": "a mapping",
    "dataclass_exact_type": "a mapping",
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
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


def _repr(value: object, limit: int = 60) -> str:
    """``repr(value)`` for a message: shortened when long, never failing on a huge number."""
    try:
        shown = repr(value)
    except ValueError:  # an int too large to print in decimal
        return "a number too large to show"
    return shown if len(shown) <= limit else shown[:limit] + "..."


def _oneline(text: str, limit: int = 60) -> str:
    """``text`` on one line: control characters escaped, shortened when long."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= limit else text[:limit] + "..."


#: Comparisons of names spent on "did you mean" per plan: a hostile registry of
#: thousands of departments must not make every unknown name cost a full scan.
_SUGGESTION_BUDGET = 50_000


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
        return f"the number {_repr(value)}"
    if isinstance(value, str):
        return f"the text {_repr(value)}"
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


#: Union members that are mappings, beside a text form (a code, an indicator's text).
_MAPPING_BRANCHES = ("Assignment", "Indicator")


def _wrong_union_branch(doc: YamlDocument, loc: Sequence[object]) -> bool:
    """True for errors of the union member that does not fit the input's shape.

    A department entry is a code (text) or a mapping: an error about the
    other branch only adds noise.
    """
    for i, step in enumerate(loc):
        if step in ("str", "constrained-str", *_MAPPING_BRANCHES):
            value: Any = doc.data
            for part in loc[:i]:
                try:
                    value = value[part]
                except (KeyError, IndexError, TypeError):
                    return False
            is_mapping = isinstance(value, dict)
            return is_mapping != (step in _MAPPING_BRANCHES)
    return False


def schema_problems(doc: YamlDocument, error: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    for err in error.errors(include_url=False):
        if len(problems) >= MAX_PROBLEMS:
            _mark_stopped(problems)
            break
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
            hint = did_you_mean(str(loc[-1]), fields)
            message = f"unknown field {_repr(str(loc[-1]))}{hint}"
            if fields and not hint:
                message += f"; allowed here: {', '.join(fields)}"
        elif kind in _TYPE_NAMES:
            typed = doc.typed_scalar(loc)
            if kind == "string_type" and typed is not None:
                source, yaml_type = typed
                code = "NAP203"
                message = f"{_repr(source)} is read by YAML as {yaml_type}, not text; quote it"
                message += f' if it is text: "{source}"' if len(source) <= 60 else " if it is text"
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
                message = f"{where}: {_repr(value)} is not allowed: {help_}"
        elif kind == "too_long" or kind == "string_too_long":
            code = "NAP209"
            message = f"{where}: {err['msg']}"
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            code = "NAP207"
            message = f"{where}: {err['msg'].lower()}, found {_repr(value)}"
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
    check_monitoring_fields(checker)
    problems = checker.problems
    if len(problems) > MAX_PROBLEMS:
        del problems[MAX_PROBLEMS:]
        _mark_stopped(problems)
    return problems


def _mark_stopped(problems: list[Problem]) -> None:
    """Say on the last problem kept that more were left out."""
    last = problems[-1]
    problems[-1] = dataclasses.replace(
        last, message=f"{last.message} (stopped here: over {MAX_PROBLEMS} problems)")


Loc = tuple[str | int, ...]


class _Checker:
    def __init__(self, plan: Plan, doc: YamlDocument) -> None:
        self.plan = plan
        self.doc = doc
        self.problems: list[Problem] = []
        self.by_code = {d.code: d for d in plan.departments}
        self.names: dict[str, str] = {}  # lower-cased code or alias -> code
        self.budget = _SUGGESTION_BUDGET
        self._codes: list[str] | None = None

    def suggest(self, word: str, choices: Sequence[str]) -> str:
        """did_you_mean, while the plan's budget for suggestions lasts."""
        if len(choices) > self.budget:
            return ""
        self.budget -= len(choices)
        return did_you_mean(word, choices)

    @property
    def codes(self) -> list[str]:
        """The registry's codes and 'All': what an action may name."""
        if self._codes is None:
            self._codes = [*self.by_code, ALL]
        return self._codes

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
                         f"{_repr(dept.code)} is reserved: on an action it means every"
                         " department")
            for j, name in enumerate([dept.code, *dept.aliases]):
                loc: Loc = ("departments", i, "code") if j == 0 else (
                    "departments", i, "aliases", j - 1)
                other = self.names.get(name.lower())
                if other is not None:
                    self.add(loc, "NAP304",
                             f"{_repr(name)} already names department {_repr(other)}")
                else:
                    self.names[name.lower()] = dept.code

    def parents(self) -> None:
        by_code = self.by_code
        registry = list(by_code)
        loops = self._parent_loops()
        for i, dept in enumerate(self.plan.departments):
            if dept.parent is not None and dept.parent not in by_code:
                self.add(("departments", i, "parent"), "NAP302",
                         f"parent {_repr(dept.parent)} is not in the registry"
                         f"{self.suggest(dept.parent, registry)}")
                continue
            size = loops.get(dept.code)
            if size is None or by_code[dept.code] is not dept:
                continue  # not in a loop (a loop above it is reported on its members)
            chain = [dept.code]
            parent = dept.parent
            while parent is not None and len(chain) < 8:
                chain.append(parent)
                if parent == dept.code:
                    break
                parent = by_code[parent].parent
            if chain[-1] != dept.code:
                chain[-1:] = ["...", dept.code]
            shown = " -> ".join(c if c == "..." else _oneline(c, 40) for c in chain)
            shown += f" ({size} departments)" if size >= 8 else ""
            self.add(("departments", i, "parent"), "NAP303",
                     f"parents loop back to {_repr(dept.code)}: {shown}")

    def _parent_loops(self) -> dict[str, int]:
        """The codes that are their own ancestors, with the length of their loop.

        A department has one parent at most, so a walk up the registry ends at
        the top, at an unknown parent or in a loop. Each code is walked through
        once (``seen`` remembers which walk reached it), so this is linear in
        the size of the registry, whatever its shape.
        """
        by_code = self.by_code
        seen: dict[str, int] = {}
        loops: dict[str, int] = {}
        for walk, dept in enumerate(self.plan.departments):
            path: list[str] = []
            code: str | None = dept.code
            while code is not None and code in by_code and code not in seen:
                seen[code] = walk
                path.append(code)
                code = by_code[code].parent
            if code is not None and seen.get(code) == walk:
                loop = path[path.index(code):]
                for member in loop:
                    loops[member] = len(loop)
        return loops

    def department(self, code: str, loc: Loc) -> None:
        if code in self.by_code:
            return
        alias_of = self.names.get(code.lower())
        if alias_of is not None:
            self.add(loc, "NAP301",
                     f"{_repr(code)} is not a department code; write {_repr(alias_of)}")
        else:
            self.add(loc, "NAP301", f"unknown department {_repr(code)}"
                     f"{self.suggest(code, self.codes)}")

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
                self.add(loc, "NAP310", f"action '{action_id}' names {_repr(code)} twice")
            seen.add(code)
