"""One pipeline for every kind of document: bytes -> safe YAML -> model -> checks.

A document kind (``DocumentKind``) is a registry entry: its name (used in
every message: "plan", "progress report"), its model, the module that
registers its checks, and what it leaves in the corpus index for checks
across files. ``load_document`` runs any kind; adding a kind is one
``register_kind`` call, no loader code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from napctl.core.problems import Problem
from napctl.core.readfile import DEFAULT_MAX_BYTES, decode_text, read_bytes
from napctl.load import cache
from napctl.load.discover import display_path

if TYPE_CHECKING:
    from napctl.yaml.safe import YamlDocument


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True, slots=True)
class DocumentKind:
    #: The kind's name in messages: "plan", "progress report".
    name: str
    #: The model (frozen dataclasses) pydantic validates the YAML data against.
    model: type
    #: The module registering the kind's checks (``napctl.checks.registry.check``).
    checks: str
    #: The model from data validated before (the cache); no checks run.
    from_trusted: Callable[[dict[str, Any]], Any]
    #: What a loaded document leaves in the corpus index for checks across files.
    facts: Callable[[Any], Any] = _same
    #: True for the files of this kind among those discovered (None: every file
    #: that no other kind claims).
    claims: Callable[[Path], bool] | None = None


KINDS: dict[str, DocumentKind] = {}


def register_kind(kind: DocumentKind) -> DocumentKind:
    """Add a kind of document; its name must be new."""
    if kind.name in KINDS:
        raise ValueError(f"document kind {kind.name!r} is already registered")
    KINDS[kind.name] = kind
    return kind


def kind_named(name: str) -> DocumentKind:
    from napctl.load import kinds  # noqa: F401 - registers the bundled kinds

    return KINDS[name]


def kind_of(path: Path) -> DocumentKind:
    """The kind of a discovered file: the first kind that claims it, else the fallback."""
    kind_named("plan")  # the bundled kinds are registered
    fallback = None
    for kind in KINDS.values():
        if kind.claims is None:
            fallback = fallback or kind
        elif kind.claims(path):
            return kind
    assert fallback is not None
    return fallback


def validate_document(
    doc: YamlDocument, kind: str | DocumentKind = "plan"
) -> tuple[Any, list[Problem]]:
    """The model in a parsed document, and every problem found in it."""
    from napctl.checks.registry import import_checks, run_document_checks  # lazy: start-up
    from napctl.load.schema_errors import validate_model  # lazy: start-up

    spec = kind if isinstance(kind, DocumentKind) else kind_named(kind)
    if doc.data is None:
        return None, list(doc.problems)
    value, problems = validate_model(doc, spec.model)
    if value is None:
        return None, problems
    import_checks(spec.checks)
    return value, run_document_checks(spec.name, value, doc)


def load_document(
    path: Path,
    kind: str | DocumentKind = "plan",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    use_cache: bool = False,
) -> tuple[Any, list[Problem]]:
    """One file of ``kind``: its model (None when invalid) and every problem in it.

    ``use_cache`` answers from earlier validations of identical bytes (napctl.load.cache).
    """
    spec = kind if isinstance(kind, DocumentKind) else kind_named(kind)
    display = display_path(path)
    raw, problems = read_bytes(str(path), display, max_bytes, kind=spec.name)
    if raw is None:
        return None, problems
    if use_cache:
        trusted = cache.get(raw, spec.name, spec.from_trusted)
        if trusted is not None:
            return trusted, []
    text, problems = decode_text(raw, display)
    if text is None:
        return None, problems
    # The YAML loader and pydantic are imported only here: a query answered
    # from the cache never pays for them.
    from napctl.yaml.safe import parse_yaml

    doc = parse_yaml(text, display, kind=spec.name)
    value, problems = validate_document(doc, spec)
    if problems:
        from napctl.yaml.hints import explain  # lazy: start-up (only for problems)

        problems = explain(text, problems)
    if value is not None and not problems and use_cache and doc.data is not None:
        cache.put(raw, doc.data, spec.name)
    return value, problems
