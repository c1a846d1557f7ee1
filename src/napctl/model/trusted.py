"""Models from data already validated (the cache's entries), and back to plain data.

Generic over any model of frozen dataclasses, so every document kind shares it.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import types
import typing
from collections.abc import Callable
from typing import Any

from napctl.model.texts import Translated

_FIELDS: dict[type, list[tuple[str, Any]]] = {}


def _field_types(cls: type) -> list[tuple[str, Any]]:
    spec = _FIELDS.get(cls)
    if spec is None:
        hints = typing.get_type_hints(cls, include_extras=True)
        spec = [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]
        _FIELDS[cls] = spec
    return spec


class TrustedShapeError(TypeError):
    """Data that does not have the model's shape (a damaged or foreign cache entry)."""


_PLAIN = (str, int, float, bool, datetime.date)
Build = Callable[[Any], Any]
#: Each annotation's builder, made once (by the annotation's id; the annotation is kept
#: beside it so the id cannot be reused): reading an annotation with ``typing`` for
#: every value was most of the cost of a cache hit.
_BUILDERS: dict[int, tuple[Any, Build]] = {}


def _build(annotation: Any, value: Any) -> Any:
    """``value`` as ``annotation``, every type checked: data from outside the process
    (the cache) must fail loudly rather than build a model of the wrong shape."""
    return _builder(annotation)(value)


def _builder(annotation: Any) -> Build:
    found = _BUILDERS.get(id(annotation))
    if found is None or found[0] is not annotation:
        found = _BUILDERS[id(annotation)] = (annotation, _compile(annotation))
    return found[1]


def _compile(annotation: Any) -> Build:
    origin = typing.get_origin(annotation)
    if annotation is Any:
        return _same
    if origin is typing.Annotated:
        return _annotated_builder(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return _union_builder(annotation)
    if origin is typing.Literal:
        return _literal_builder(annotation)
    if origin is list:
        return _list_builder(_builder(typing.get_args(annotation)[0]))
    if origin is dict:
        return _dict_builder(_builder(typing.get_args(annotation)[1]))
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return _dataclass_builder(annotation)
    if annotation is type(None):
        return _none
    if annotation in _PLAIN:
        return functools.partial(_expect, kind=annotation)
    return functools.partial(_cannot_check, annotation)


def _same(value: Any) -> Any:
    return value


def _none(value: Any) -> None:
    if value is None:
        return None
    raise TrustedShapeError("expected null")


def _cannot_check(annotation: Any, _value: Any) -> Any:
    raise TrustedShapeError(f"cannot check {annotation}")


def _union_builder(annotation: Any) -> Build:
    options = [_builder(arg) for arg in typing.get_args(annotation)]

    def union(value: Any) -> Any:
        for build in options:
            try:
                return build(value)
            except TrustedShapeError:
                continue
        raise TrustedShapeError(f"{type(value).__name__} is none of {annotation}")

    return union


def _literal_builder(annotation: Any) -> Build:
    allowed = typing.get_args(annotation)

    def literal(value: Any) -> Any:
        if value in allowed and isinstance(value, str):
            return value
        raise TrustedShapeError(f"{value!r} is not one of {annotation}")

    return literal


def _list_builder(item: Build) -> Build:
    def build_list(value: Any) -> Any:
        return [item(v) for v in _expect(value, list)]

    return build_list


def _dict_builder(item: Build) -> Build:
    def build_dict(value: Any) -> Any:
        return {_expect(k, str): item(v) for k, v in _expect(value, dict).items()}

    return build_dict


def _annotated_builder(annotation: Any) -> Build:
    """A constrained value; a marker with its own ``trusted`` builder (a text in several
    languages) builds it."""
    base, *markers = typing.get_args(annotation)
    for marker in markers:
        trusted = getattr(marker, "trusted", None)
        if trusted is not None:
            return functools.partial(_marked, trusted)
    return _builder(base)


def _marked(trusted: Build, value: Any) -> Any:
    try:
        return trusted(value)
    except TypeError as exc:
        raise TrustedShapeError(str(exc)) from exc


def _expect(value: Any, kind: type) -> Any:
    # bool is an int to isinstance; a model's int is never a bool, and a float is no int.
    if (
        type(value) is kind
        or (kind is float and type(value) is int)
        or (kind is datetime.date and type(value) is datetime.date)
    ):
        return value
    raise TrustedShapeError(f"expected {kind.__name__}, found {type(value).__name__}")


def _dataclass_builder(cls: type) -> Build:
    """Its fields' builders are made at its first value (a model may contain itself)."""
    fields: list[tuple[str, Build]] = []
    names: set[str] = set()

    def build_dataclass(value: Any) -> Any:
        _expect(value, dict)
        if not names:
            spec = _field_types(cls)
            fields.extend((name, _builder(hint)) for name, hint in spec)
            names.update(name for name, _ in spec)
        if not names.issuperset(value):
            raise TrustedShapeError(f"unknown fields for {cls.__name__}")
        try:
            return cls(**{name: build(value[name]) for name, build in fields if name in value})
        except TypeError as exc:  # a required field missing
            if isinstance(exc, TrustedShapeError):
                raise
            raise TrustedShapeError(str(exc)) from exc

    return build_dataclass


def from_trusted(model: type, data: dict[str, Any]) -> Any:
    """An instance of ``model`` from data its document kind accepted before.

    No rule runs, but every value's type is checked against the model: raises
    TrustedShapeError for data of any other shape.
    """
    from napctl.model.texts import document_languages

    with document_languages(data):
        return _build(model, data)


def to_data(value: object) -> dict[str, Any]:
    """A model instance as plain data, without fields left at their defaults."""
    return typing.cast(dict[str, Any], _dump(value))


def _dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.default is not dataclasses.MISSING and item == f.default:
                continue
            if f.default_factory is not dataclasses.MISSING and item == f.default_factory():
                continue
            out[f.name] = _dump(item)
        return out
    if isinstance(value, Translated):  # a text in several languages: its mapping
        return dict(value.texts) if len(value.texts) > 1 else str(value)
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value
