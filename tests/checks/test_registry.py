"""The one rule registry: rules name their codes, a report selects which run."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from napctl.checks.registry import Report, check, codes, run_checks
from napctl.yaml.safe import YamlDocument, load_yaml_file
from tests.conftest import MINIMAL

KIND = "registry test"
ran: list[str] = []


@check(KIND, "NAP508")
def _named(index: object, report: Report) -> None:
    ran.append("NAP508")
    report.add(("id",), "NAP508", "named rule")


@check(KIND)
def _unnamed(index: object, report: Report) -> None:
    ran.append("unnamed")
    report.add(("title",), "NAP301", "rule without declared codes")


def _report(selected: Callable[[str], bool] | None, loads: list[str]) -> Report:
    def parse() -> YamlDocument:
        loads.append(str(MINIMAL))
        return load_yaml_file(str(MINIMAL))

    return Report("m.yaml", parse, plan="xx", selected=selected)


def test_codes_are_those_the_rules_name() -> None:
    assert codes(KIND) == ["NAP508"]


def test_a_rule_runs_only_when_one_of_its_codes_is_selected() -> None:
    ran.clear()
    loads: list[str] = []
    problems = run_checks(KIND, None, _report(lambda code: code == "NAP301", loads))
    # the named rule is skipped; the other runs and keeps only selected codes
    assert ran == ["unnamed"]
    assert [(p.code, p.level, p.plan) for p in problems] == [("NAP301", "error", "xx")]
    assert loads == [str(MINIMAL)]


def test_every_rule_runs_without_a_selection_and_levels_come_from_the_table() -> None:
    ran.clear()
    loads: list[str] = []
    problems = run_checks(KIND, None, _report(None, loads))
    assert ran == ["NAP508", "unnamed"]
    assert [(p.code, p.level) for p in problems] == [("NAP508", "warning"), ("NAP301", "error")]
    assert all(p.file == "m.yaml" and p.line >= 1 for p in problems)
    assert loads == [str(MINIMAL)]  # parsed once, for the first problem placed


def test_nothing_to_place_parses_nothing() -> None:
    loads: list[str] = []
    assert run_checks(KIND, None, _report(lambda code: False, loads)) == []
    assert loads == []


def test_a_code_not_in_the_table_fails_when_registered() -> None:
    with pytest.raises(KeyError):
        check(KIND, "NAP999")
