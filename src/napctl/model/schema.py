"""The JSON Schema of plan files, generated from the model."""

from __future__ import annotations

import inspect
import json
from collections.abc import Mapping

from pydantic import TypeAdapter

from napctl import model
from napctl.model import Plan
from napctl.model.schema_ids import FORMAT_VERSIONS, schema_url

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_FILES = {"plan": "plan files", "progress": "progress reports", "assessment": "assessments"}


def _head(kind: str) -> dict[str, object]:
    """What every schema starts with: its dialect, its stable $id, the format's version."""
    return {
        "$schema": _DIALECT,
        "$id": schema_url(kind),
        "$comment": f"napctl {_FILES[kind]}, format version {FORMAT_VERSIONS[kind]}"
        " (`napctl schema --kind " + kind + "` prints it). The version and this"
        " $id change only when a valid file would become invalid.",
    }


def plan_schema() -> dict[str, object]:
    schema = TypeAdapter(Plan).json_schema()
    _describe_definitions(schema, vars(model))
    return {**_head("plan"), **schema}


def _describe_definitions(schema: dict[str, object], classes: Mapping[str, object]) -> None:
    """Each definition described by its class's docstring, keys in one order.

    pydantic releases differ in which docstrings they copy into the schema;
    napctl decides, so the committed schema is the same on every supported pydantic.
    """
    definitions = schema.get("$defs")
    if not isinstance(definitions, dict):
        return
    for name, definition in definitions.items():
        cls = classes.get(name)
        doc = inspect.getdoc(cls) if isinstance(cls, type) else None
        # A dataclass without a docstring gets its signature as one: not a description.
        if doc and not doc.startswith(f"{name}("):
            definition["description"] = doc
        definitions[name] = dict(sorted(definition.items()))


def schema_json() -> str:
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def progress_schema() -> dict[str, object]:
    from napctl.model import progress  # lazy: start-up (plan commands need no progress model)

    schema = TypeAdapter(progress.ProgressReport).json_schema()
    _describe_definitions(schema, vars(progress))
    return {**_head("progress"), **schema}


def assessment_schema() -> dict[str, object]:
    from napctl.model import assessment, progress

    schema = TypeAdapter(assessment.Assessment).json_schema()
    _describe_definitions(schema, {**vars(progress), **vars(assessment)})
    # The top class's docstring too: older pydantic releases leave it out.
    schema["description"] = inspect.getdoc(assessment.Assessment)
    return {**_head("assessment"), **dict(sorted(schema.items()))}


#: The documents napctl reads, by the name `napctl schema --kind` takes.
SCHEMAS = {"plan": plan_schema, "progress": progress_schema, "assessment": assessment_schema}


def kind_schema_json(kind: str) -> str:
    return json.dumps(SCHEMAS[kind](), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
