"""Deep nesting is NAP114 whether napctl or libyaml notices it first."""

from __future__ import annotations

import pytest
import yaml

from napctl.yaml.safe import parse_yaml

BASE = "title: x\n"


def _codes(text: str) -> list[tuple[str, int, int]]:
    return [(p.code, p.line, p.column) for p in parse_yaml(text, "f.yaml").problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BASE + "notes: " + "[" * 5000 + "\n", [("NAP114", 2, 71)]),
        (BASE + "notes: " + "[" * 70 + "]" * 70 + "\n", [("NAP114", 2, 71)]),
        (BASE + "notes: " + "{a: " * 100 + "\n", [("NAP114", 2, 260)]),
        (BASE + "? " + "[" * 5000 + "\n", [("NAP113", 2, 3), ("NAP114", 2, 66)]),
        (BASE + "title: " + "[" * 5000 + "\n", [("NAP110", 2, 1), ("NAP114", 2, 71)]),
        # Brackets inside quotes and comments do not nest.
        (BASE + "notes: ['" + "[" * 5000 + "'\n", [("NAP103", 2, 8)]),
    ],
)
def test_deep_flow_nesting_is_nap114(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert _codes(text) == expected


class _RefusingParser:
    """A parser that, like libyaml 0.2.6 in PyYAML 6.0.4, refuses deep flow nesting
    while scanning ahead, after handing out only the first events."""

    def __init__(self, text: str) -> None:
        self._events = iter(yaml.parse(text[: text.index("[")] + "x\n"))
        self._text = text
        self._given = 0

    def get_event(self) -> yaml.Event:
        event = next(self._events)
        if isinstance(event, yaml.ScalarEvent) and event.value == "x":
            mark = yaml.Mark("<unicode string>", 0, 1, 1006, None, None)
            raise yaml.scanner.ScannerError(
                None, None, "some wording napctl must not depend on", mark
            )
        return event

    def dispose(self) -> None:
        pass


def test_a_parser_that_refuses_nesting_itself_gives_the_same_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = BASE + "notes: " + "[" * 5000 + "\n"
    own = _codes(text)
    monkeypatch.setattr("napctl.yaml.build._Parser", _RefusingParser)
    assert _codes(text) == own == [("NAP114", 2, 71)]
