"""Read one progress report file: bytes, safe YAML, schema. A thin adapter.

The same reading rules as plan files (``napctl.load.readfile``, ``napctl.load.yamlsafe``)
and the same translation of schema errors (``napctl.load.schema_errors``); only the
model and the name of the document differ. Rules that need the plan are in
``napctl.checks.progress``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from napctl.load.readfile import DEFAULT_MAX_BYTES, decode_text, read_bytes
from napctl.model.progress import ProgressReport, report_from_trusted
from napctl.problems import Problem

if TYPE_CHECKING:
    from napctl.load.yamlsafe import YamlDocument

#: What the document is called in messages.
KIND_NAME = "progress report"

_ADAPTER = None


@dataclass(slots=True)
class LoadedReport:
    file: str
    report: ProgressReport | None
    doc: YamlDocument | None
    problems: list[Problem]


def _adapter() -> object:
    global _ADAPTER
    if _ADAPTER is None:
        from pydantic import TypeAdapter

        _ADAPTER = TypeAdapter(ProgressReport)
    return _ADAPTER


def _renamed(problems: list[Problem]) -> list[Problem]:
    """The readers' messages name a plan file; here the document is a progress report."""
    import dataclasses

    return [dataclasses.replace(p, message=p.message.replace("plan file", f"{KIND_NAME} file"))
            for p in problems]


#: Prefixed to a file's bytes for its cache key: a progress report's entry can never
#: be taken for a plan's (no plan file holds a NUL byte).
_CACHE_PREFIX = b"napctl-progress\0"


def _encode(value: Any) -> Any:
    """Parsed data as JSON can hold it (YAML dates become {"$date": ...})."""
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and "$date" in value:
            return datetime.date.fromisoformat(value["$date"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _from_cache(data: Any) -> ProgressReport:
    return report_from_trusted(_decode(data))


def load_report(path: str, display: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                use_cache: bool = False) -> LoadedReport:
    """One progress file: its report (None when unreadable or off-schema) and its problems.

    With ``use_cache``, a file whose exact bytes passed the schema before is not
    parsed again (see napctl.cache); its document then parses the text only
    when a later rule needs a position.
    """
    raw, problems = read_bytes(path, display, max_bytes)
    if raw is None:
        return LoadedReport(display, None, None, _renamed(problems))
    text, problems = decode_text(raw, display)
    if text is None:
        return LoadedReport(display, None, None, problems)
    from napctl.load import cache
    from napctl.load.yamlsafe import YamlDocument

    if use_cache:
        trusted = cache.get(_CACHE_PREFIX + raw, build=_from_cache)
        if trusted is not None:
            report = trusted
            return LoadedReport(display, report, YamlDocument(display, text, None, []), [])
    from pydantic import ValidationError

    from napctl.load.schema_errors import schema_problems
    from napctl.load.yamlsafe import parse_yaml

    doc = parse_yaml(text, display)
    if doc.data is None:
        return LoadedReport(display, None, doc, _renamed(doc.problems))
    try:
        report = _adapter().validate_python(doc.data)  # type: ignore[attr-defined]
    except ValidationError as error:
        return LoadedReport(display, None, doc, schema_problems(doc, error, ProgressReport))
    assert isinstance(report, ProgressReport)
    if use_cache:
        cache.put(_CACHE_PREFIX + raw, _encode(doc.data))
    return LoadedReport(display, report, doc, [])
