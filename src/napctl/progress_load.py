"""Read one progress report file: bytes, safe YAML, schema. A thin adapter.

The same reading rules as plan files (``napctl.readfile``, ``napctl.yamlsafe``)
and the same translation of schema errors (``napctl.validate``); only the
model and the name of the document differ. Rules that need the plan are in
``napctl.progress_checks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from napctl.problems import Problem
from napctl.progress_model import ProgressReport
from napctl.readfile import DEFAULT_MAX_BYTES, decode_text, read_bytes

if TYPE_CHECKING:
    from napctl.yamlsafe import YamlDocument

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


def load_report(path: str, display: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedReport:
    """One progress file: its report (None when unreadable or off-schema) and its problems."""
    raw, problems = read_bytes(path, display, max_bytes)
    if raw is None:
        return LoadedReport(display, None, None, _renamed(problems))
    text, problems = decode_text(raw, display)
    if text is None:
        return LoadedReport(display, None, None, problems)
    from pydantic import ValidationError

    from napctl.validate import schema_problems
    from napctl.yamlsafe import parse_yaml

    doc = parse_yaml(text, display)
    if doc.data is None:
        return LoadedReport(display, None, doc, _renamed(doc.problems))
    try:
        report = _adapter().validate_python(doc.data)  # type: ignore[attr-defined]
    except ValidationError as error:
        return LoadedReport(display, None, doc, schema_problems(doc, error, ProgressReport))
    assert isinstance(report, ProgressReport)
    return LoadedReport(display, report, doc, [])
