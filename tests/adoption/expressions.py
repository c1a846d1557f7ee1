"""GitHub Actions expressions (``${{ ... }}`` and ``if:``), as far as the recipes use them.

Literals, context paths (``github.event.pull_request.base.sha``, ``steps.x.outputs['y']``),
``!``, comparisons, ``&&`` and ``||`` with GitHub's loose equality (strings compare
without regard to case; other mixed types compare as numbers), the status functions and
``contains``, ``startsWith``, ``endsWith``, ``format``, ``join``, ``toJSON`` and
``fromJSON``. Anything else is an error, never a guess: a recipe that needs more makes
this module grow, with a test.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

_TOKEN = re.compile(
    r"""
    \s*(?:
      (?P<number>-?(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?))
    | (?P<string>'(?:[^']|'')*')
    | (?P<op>==|!=|<=|>=|&&|\|\||[<>!().,\[\]*])
    | (?P<name>[A-Za-z_][A-Za-z0-9_-]*)
    )""",
    re.VERBOSE,
)


class ExpressionError(Exception):
    """An expression this evaluator does not understand."""


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if match is None:
            raise ExpressionError(f"cannot read {text[pos:]!r} in {text!r}")
        kind = match.lastgroup
        assert kind is not None
        out.append((kind, match.group(kind)))
        pos = match.end()
    return out


def truthy(value: Any) -> bool:
    if isinstance(value, float) and math.isnan(value):
        return False
    return value not in (None, False, 0, "") and value != 0.0


def _number(value: Any) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if text == "":
            return 0.0
        try:
            return float(int(text, 16)) if text.lower().startswith("0x") else float(text)
        except ValueError:
            return math.nan
    return math.nan


def _equal(left: Any, right: Any) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return left.casefold() == right.casefold()
    if type(left) is type(right) and not isinstance(left, int | float):
        return bool(left == right)
    if isinstance(left, dict | list) or isinstance(right, dict | list):
        return left is right
    return _number(left) == _number(right)


def to_text(value: Any) -> str:
    """How a value is written into a string: ``${{ true }}`` is ``true``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value, indent=2)
    return str(value)


def _format(template: str, *args: Any) -> str:
    def one(match: re.Match[str]) -> str:
        if match.group(0) in ("{{", "}}"):
            return match.group(0)[0]
        return to_text(args[int(match.group(1))])

    return re.sub(r"\{\{|\}\}|\{(\d+)\}", one, template)


def _contains(haystack: Any, needle: Any) -> bool:
    if isinstance(haystack, list):
        return any(_equal(item, needle) for item in haystack)
    return to_text(needle).casefold() in to_text(haystack).casefold()


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "contains": _contains,
    "startsWith": lambda a, b: to_text(a).casefold().startswith(to_text(b).casefold()),
    "endsWith": lambda a, b: to_text(a).casefold().endswith(to_text(b).casefold()),
    "format": _format,
    "join": lambda items, sep=",": (
        to_text(sep).join(to_text(i) for i in items) if isinstance(items, list) else to_text(items)
    ),
    "toJSON": lambda value: json.dumps(value, indent=2),
    "fromJSON": lambda text: json.loads(to_text(text)),
}
STATUS_FUNCTIONS = ("success", "failure", "always", "cancelled")


class _Parser:
    def __init__(self, text: str, context: Mapping[str, Any], status: Mapping[str, bool]):
        self.text = text
        self.tokens = _tokens(text)
        self.pos = 0
        self.context = context
        self.status = status

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1] != value):
            raise ExpressionError(f"expected {value or 'more'} in {self.text!r}")
        self.pos += 1
        return token

    def parse(self) -> Any:
        value = self.or_()
        extra = self.peek()
        if extra is not None:
            raise ExpressionError(f"unexpected {extra[1]!r} in {self.text!r}")
        return value

    def or_(self) -> Any:
        value = self.and_()
        while self.peek() == ("op", "||"):
            self.take()
            right = self.and_()
            value = value if truthy(value) else right
        return value

    def and_(self) -> Any:
        value = self.compare()
        while self.peek() == ("op", "&&"):
            self.take()
            right = self.compare()
            value = right if truthy(value) else value
        return value

    def compare(self) -> Any:
        value = self.unary()
        token = self.peek()
        while token is not None and token[1] in ("==", "!=", "<", "<=", ">", ">="):
            self.take()
            right = self.unary()
            op = token[1]
            if op in ("==", "!="):
                value = _equal(value, right) == (op == "==")
            else:
                a, b = _number(value), _number(right)
                value = {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
            token = self.peek()
        return value

    def unary(self) -> Any:
        if self.peek() == ("op", "!"):
            self.take()
            return not truthy(self.unary())
        return self.postfix(self.primary())

    def primary(self) -> Any:
        kind, value = self.take()
        if kind == "number":
            number = float(int(value, 16)) if value.lower().startswith("0x") else float(value)
            return int(number) if number.is_integer() else number
        if kind == "string":
            return value[1:-1].replace("''", "'")
        if kind == "op" and value == "(":
            inner = self.or_()
            self.take(")")
            return inner
        if kind != "name":
            raise ExpressionError(f"unexpected {value!r} in {self.text!r}")
        if value in ("true", "false"):
            return value == "true"
        if value == "null":
            return None
        if self.peek() == ("op", "("):
            return self.call(value)
        if value not in self.context:
            raise ExpressionError(f"unknown context {value!r} in {self.text!r}")
        return self.context[value]

    def call(self, name: str) -> Any:
        self.take("(")
        args: list[Any] = []
        while self.peek() != ("op", ")"):
            args.append(self.or_())
            if self.peek() == ("op", ","):
                self.take()
        self.take(")")
        if name in STATUS_FUNCTIONS:
            if args:
                raise ExpressionError(f"{name}() takes no arguments")
            return self.status[name]
        if name not in FUNCTIONS:
            raise ExpressionError(f"function {name}() is not supported here: {self.text!r}")
        return FUNCTIONS[name](*args)

    def postfix(self, value: Any) -> Any:
        while True:
            token = self.peek()
            if token == ("op", "."):
                self.take()
                kind, name = self.take()
                if kind != "name":
                    raise ExpressionError(f"expected a property name in {self.text!r}")
                value = _member(value, name)
            elif token == ("op", "["):
                self.take()
                key = self.or_()
                self.take("]")
                value = _member(value, key)
            else:
                return value


def _member(value: Any, key: Any) -> Any:
    if isinstance(value, Mapping):
        for name, item in value.items():
            if isinstance(key, str) and isinstance(name, str) and name.casefold() == key.casefold():
                return item
        return None
    if isinstance(value, list) and isinstance(key, int | float):
        index = int(key)
        return value[index] if 0 <= index < len(value) else None
    return None


def evaluate(
    text: str, context: Mapping[str, Any], status: Mapping[str, bool] | None = None
) -> Any:
    """The value of one expression (the text between ``${{`` and ``}}``)."""
    default = {"success": True, "failure": False, "always": True, "cancelled": False}
    return _Parser(text, context, status or default).parse()


_EMBEDDED = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)


def interpolate(text: str, context: Mapping[str, Any]) -> str:
    """A string with each ``${{ expr }}`` replaced by its value as text."""
    return _EMBEDDED.sub(lambda m: to_text(evaluate(m.group(1), context)), text)


def condition(text: Any, context: Mapping[str, Any], status: Mapping[str, bool]) -> bool:
    """An ``if:``: a bare expression or one ``${{ }}``; without a status function it
    means ``success() && (...)``, as on GitHub."""
    if text is None:
        return status["success"]
    if isinstance(text, bool):
        return text and status["success"]
    source = str(text).strip()
    whole = _EMBEDDED.fullmatch(source)
    if whole is not None:
        source = whole.group(1).strip()
    elif "${{" in source:
        raise ExpressionError(f"an if: is one expression: {source!r}")
    value = truthy(evaluate(source, context, status))
    uses_status = any(re.search(rf"\b{name}\s*\(", source) for name in STATUS_FUNCTIONS)
    return value if uses_status else value and status["success"]
