"""pydantic's validation errors as positioned problems (NAP2xx), for any document kind.

Each kind of pydantic error has a small translator; the model (the kind's
dataclass) is a parameter, so every document kind shares the translation.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, NamedTuple

from pydantic import TypeAdapter, ValidationError

from napctl.core.locations import spoken_location
from napctl.core.messages import describe, quote_hint, shown_value, suggest
from napctl.core.problems import MAX_PROBLEMS, Problem, mark_stopped
from napctl.model import NON_BLANK
from napctl.model.texts import document_languages, looks_like_texts
from napctl.yaml.safe import YamlDocument

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
_MISSING = ("missing", "missing_argument", "missing_keyword_only_argument")
_EXTRA = ("extra_forbidden", "unexpected_keyword_argument")
_RANGE = ("greater_than_equal", "less_than_equal", "greater_than", "less_than")


@cache
def adapter(model: type) -> TypeAdapter[Any]:
    """The pydantic validator of ``model``, built once (it costs milliseconds)."""
    return TypeAdapter(model)


def validate_model(doc: YamlDocument, model: type) -> tuple[Any, list[Problem]]:
    """``doc.data`` as a ``model``, or None and the schema problems (NAP2xx)."""
    try:
        with document_languages(doc.data):
            return adapter(model).validate_python(doc.data), []
    except ValidationError as error:
        return None, schema_problems(doc, error, model)


def _model_at(root: type, loc: Sequence[object]) -> type | None:
    """The dataclass that validates the mapping at ``loc``."""
    model = root
    for step in loc:
        if not isinstance(step, str):
            continue
        hints = typing.get_type_hints(model)
        if step not in hints:
            continue
        inner = _find_model(hints[step])
        if inner is None:
            return None
        model = inner
    return model


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
#: How pydantic names the branch of a text that may be in several languages.
_TEXTS_BRANCH = "function-after[as_text()"


def _wrong_union_branch(doc: YamlDocument, loc: Sequence[object]) -> bool:
    """True for errors of the union member that does not fit the input's shape.

    A department entry is a code (text) or a mapping: an error about the
    other branch only adds noise.
    """
    for i, step in enumerate(loc):
        texts = isinstance(step, str) and step.startswith(_TEXTS_BRANCH)
        if texts or step in ("str", "constrained-str", *_MAPPING_BRANCHES):
            value: Any = doc.data
            for part in loc[:i]:
                try:
                    value = value[part]
                except (KeyError, IndexError, TypeError):
                    return False
            # A text in several languages is a mapping too: its keys are language codes.
            if texts or (step in _MAPPING_BRANCHES and looks_like_texts(value)):
                return isinstance(value, dict) and texts != looks_like_texts(value)
            is_mapping = isinstance(value, dict)
            return is_mapping != (step in _MAPPING_BRANCHES)
    return False


class _Error(NamedTuple):
    """One pydantic error, with what the translators need."""

    doc: YamlDocument
    model: type
    loc: tuple[Any, ...]
    kind: str
    value: Any
    ctx: dict[str, Any]
    msg: str
    where: str


#: (code, message, at the key rather than the value)
_Translated = tuple[str, str, bool]


def _missing(e: _Error) -> _Translated:
    return "NAP200", f"missing required field '{e.loc[-1]}' in {e.where}", False


def _extra(e: _Error) -> _Translated:
    model = _model_at(e.model, e.loc[:-1])
    fields = [f.name for f in dataclasses.fields(model)] if model else []
    hint = suggest(str(e.loc[-1]), fields)
    message = f"unknown field {shown_value(str(e.loc[-1]))}{hint}"
    if fields and not hint:
        message += f"; allowed here: {', '.join(fields)}"
    return "NAP201", message, True


def _wrong_type(e: _Error) -> _Translated:
    typed = e.doc.typed_scalar(e.loc)
    if e.kind == "string_type" and typed is not None:
        source, yaml_type = typed
        return (
            "NAP203",
            f"{shown_value(source)} is read by YAML as {yaml_type}, not text; {quote_hint(source)}",
            False,
        )
    return "NAP202", f"{e.where}: expected {_TYPE_NAMES[e.kind]}, found {describe(e.value)}", False


def _not_a_choice(e: _Error) -> _Translated:
    expected = str(e.ctx.get("expected", ""))
    choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
    hint = suggest(str(e.value), choices) if isinstance(e.value, str) else ""
    return "NAP204", f"{e.where}: {describe(e.value)} is not one of {expected}{hint}", False


def _pattern(e: _Error) -> _Translated:
    pattern = str(e.ctx.get("pattern", ""))
    if pattern == NON_BLANK:
        return "NAP205", f"{e.where}: text must not be empty or blank", False
    help_ = _PATTERN_HELP.get(pattern, f"it must match {pattern}")
    return "NAP206", f"{e.where}: {shown_value(e.value)} is not allowed: {help_}", False


def _translator(kind: str) -> Callable[[_Error], _Translated]:
    if kind in _MISSING:
        return _missing
    if kind in _EXTRA:
        return _extra
    if kind in _TYPE_NAMES:
        return _wrong_type
    return _TRANSLATORS.get(kind, _other)


def _other(e: _Error) -> _Translated:
    return "NAP209", f"{e.where}: {e.msg}", False


_TRANSLATORS: dict[str, Callable[[_Error], _Translated]] = {
    "literal_error": _not_a_choice,
    "too_short": lambda e: ("NAP205", f"{e.where} must not be empty", False),
    "string_pattern_mismatch": _pattern,
    **{
        k: (
            lambda e: ("NAP207", f"{e.where}: {e.msg.lower()}, found {shown_value(e.value)}", False)
        )
        for k in _RANGE
    },
}


def schema_problems(doc: YamlDocument, error: ValidationError, model: type) -> list[Problem]:
    """Every error of ``error`` as a problem at its place in ``doc``."""
    problems: list[Problem] = []
    for err in error.errors(include_url=False):
        if len(problems) >= MAX_PROBLEMS:
            mark_stopped(problems)
            break
        loc = tuple(err["loc"])
        if _wrong_union_branch(doc, loc):
            continue
        where = spoken_location(doc.data, doc.resolve(loc))
        e = _Error(
            doc, model, loc, err["type"], err.get("input"), err.get("ctx") or {}, err["msg"], where
        )
        code, message, at_key = _translator(e.kind)(e)
        # A missing field is reported where its mapping starts.
        line, column = doc.position(loc[:-1] if code == "NAP200" else loc, key=at_key)
        problems.append(Problem(doc.file, line, column, code, message))
    return problems
