"""The JSON Schema of plan files, generated from the model."""

from __future__ import annotations

import json

from pydantic import TypeAdapter

from napctl.model import Plan

SCHEMA_ID = "https://napctl.example/schema/plan.schema.json"


def plan_schema() -> dict[str, object]:
    schema = TypeAdapter(Plan).json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_json() -> str:
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def progress_schema() -> dict[str, object]:
    from napctl.progress_model import ProgressReport

    schema = TypeAdapter(ProgressReport).json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


#: The documents napctl reads, by the name `napctl schema --kind` takes.
SCHEMAS = {"plan": plan_schema, "progress": progress_schema}


def kind_schema_json(kind: str) -> str:
    return json.dumps(SCHEMAS[kind](), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
