"""Models from data already validated (the cache's entries), and back to plain data.

Generic over any model of frozen dataclasses, so every document kind shares it.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

_FIELDS: dict[type, list[tuple[str, Any]]] = {}


def _field_types(cls: type) -> list[tuple[str, Any]]:
    spec = _FIELDS.get(cls)
    if spec is None:
        hints = typing.get_type_hints(cls)
        spec = [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]
        _FIELDS[cls] = spec
    return spec


def _dataclass_in(annotation: Any) -> type | None:
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return annotation
    for arg in typing.get_args(annotation):
        found = _dataclass_in(arg)
        if found is not None:
            return found
    return None


def _build(annotation: Any, value: Any) -> Any:
    if isinstance(value, list):
        item = typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else Any
        return [_build(item, v) for v in value]
    if isinstance(value, dict):
        cls = _dataclass_in(annotation)
        if cls is None:  # a plain mapping such as Department.names
            return dict(value)
        return cls(**{
            name: _build(hint, value[name]) for name, hint in _field_types(cls) if name in value
        })
    return value


def from_trusted(model: type, data: dict[str, Any]) -> Any:
    """An instance of ``model`` from data its document kind accepted before (no checks)."""
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
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value
