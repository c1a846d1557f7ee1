"""How napctl types a plain YAML scalar: YAML 1.1's rules plus the YAML 1.2 numbers."""

from __future__ import annotations

import re
from typing import Any

import yaml

STR = "tag:yaml.org,2002:str"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
MERGE = "tag:yaml.org,2002:merge"
VALUE = "tag:yaml.org,2002:value"
TYPED_SCALARS = {
    "tag:yaml.org,2002:bool": "a boolean",
    INT: "an integer",
    FLOAT: "a number",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "a date",
}
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
# Numbers of the YAML 1.2 core schema that YAML 1.1 reads as text. Editors and
# JSON Schema checkers read YAML 1.2, so these must be quoted as well.
_YAML12_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_YAML12_OCTAL = re.compile(r"0o[0-7]+\Z")
_NUMBER_START = frozenset("0123456789+-.")
# What libyaml counts as a line break (YAML 1.1).
#: The longest number or date converted. Longer ones (``1:0:0:...`` takes time
#: quadratic in its length to convert) are refused as not convertible.
_MAX_NUMBER_LENGTH = 100
# What a constructor raises on a value its tag does not fit (`!!bool maybe`).
CONSTRUCT_ERRORS = (
    ValueError,
    ArithmeticError,
    LookupError,
    AttributeError,
    TypeError,
    yaml.YAMLError,
)


def resolve_plain(value: str) -> str:
    for tag, regexp in _RESOLVERS.get(value[0] if value else "", ()):
        if regexp.match(value):
            return str(tag)
    if value[:1] in _NUMBER_START:
        if _YAML12_FLOAT.match(value):
            return FLOAT
        if _YAML12_OCTAL.match(value):
            return INT
    return STR


def construct(tag: str, value: str) -> Any:
    if len(value) > _MAX_NUMBER_LENGTH:
        raise ValueError("too long to convert")
    if tag == INT and value.startswith("0o"):
        return int(value[2:], 8)
    node = yaml.ScalarNode(tag, value)
    return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
