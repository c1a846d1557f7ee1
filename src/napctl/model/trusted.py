"""Models from data already validated (the cache's entries), and back to plain data.

Generic over any model of frozen dataclasses, so every document kind shares it.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
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


def _build(annotation: Any, value: Any) -> Any:
    """``value`` as ``annotation``, every type checked: data from outside the process
    (the cache) must fail loudly rather than build a model of the wrong shape."""
    origin = typing.get_origin(annotation)
    if annotation is Any:
        return value
    if origin is typing.Annotated:
        return _build_annotated(annotation, value)
    if origin is typing.Union or origin is types.UnionType:
        for arg in typing.get_args(annotation):
            try:
                return _build(arg, value)
            except TrustedShapeError:
                continue
        raise TrustedShapeError(f"{type(value).__name__} is none of {annotation}")
    if origin is typing.Literal:
        if value in typing.get_args(annotation) and isinstance(value, str):
            return value
        raise TrustedShapeError(f"{value!r} is not one of {annotation}")
    if origin is list:
        _expect(value, list)
        item = typing.get_args(annotation)[0]
        return [_build(item, v) for v in value]
    if origin is dict:
        _expect(value, dict)
        item = typing.get_args(annotation)[1]
        return {_expect(k, str): _build(item, v) for k, v in value.items()}
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return _build_dataclass(annotation, _expect(value, dict))
    if annotation is type(None):
        if value is None:
            return None
        raise TrustedShapeError("expected null")
    if annotation in _PLAIN:
        return _expect(value, annotation)
    raise TrustedShapeError(f"cannot check {annotation}")


def _build_annotated(annotation: Any, value: Any) -> Any:
    """A constrained value; a marker with its own ``trusted`` builder (a text in several
    languages) builds it."""
    base, *markers = typing.get_args(annotation)
    for marker in markers:
        build = getattr(marker, "trusted", None)
        if build is not None:
            try:
                return build(value)
            except TypeError as exc:
                raise TrustedShapeError(str(exc)) from exc
    return _build(base, value)


def _expect(value: Any, kind: type) -> Any:
    # bool is an int to isinstance; a model's int is never a bool, and a float is no int.
    if (
        type(value) is kind
        or (kind is float and type(value) is int)
        or (kind is datetime.date and type(value) is datetime.date)
    ):
        return value
    raise TrustedShapeError(f"expected {kind.__name__}, found {type(value).__name__}")


def _build_dataclass(cls: type, value: dict[str, Any]) -> Any:
    spec = _field_types(cls)
    if not set(value) <= {name for name, _ in spec}:
        raise TrustedShapeError(f"unknown fields for {cls.__name__}")
    try:
        return cls(**{name: _build(hint, value[name]) for name, hint in spec if name in value})
    except TypeError as exc:  # a required field missing
        if isinstance(exc, TrustedShapeError):
            raise
        raise TrustedShapeError(str(exc)) from exc


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
