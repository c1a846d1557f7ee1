"""One problem type for every rule: validation problems and review findings."""

from __future__ import annotations

from napctl.core.problem import Problem


def test_a_problem_of_one_file_has_the_keys_validate_prints() -> None:
    problem = Problem("p.yaml", 3, 5, "NAP301", "unknown department 'X'")
    assert (problem.level, problem.plan, problem.id, problem.pillar) == ("error", None, None, None)
    assert list(problem.as_dict().items()) == [
        ("file", "p.yaml"),
        ("line", 3),
        ("column", 5),
        ("code", "NAP301"),
        ("level", "error"),
        ("message", "unknown department 'X'"),
    ]


def test_a_problem_found_in_a_plan_names_the_plan_action_and_pillar() -> None:
    finding = Problem(
        "p.yaml",
        9,
        7,
        "NAP503",
        "action I.1 has no indicator with a baseline",
        "info",
        "xx-2020-2022",
        "I.1",
        "I",
    )
    assert list(finding.as_dict()) == [
        "file",
        "line",
        "column",
        "code",
        "level",
        "message",
        "plan",
        "id",
        "pillar",
    ]
    assert finding.as_dict()["level"] == "info"
    assert (finding.as_dict()["plan"], finding.as_dict()["id"], finding.as_dict()["pillar"]) == (
        "xx-2020-2022",
        "I.1",
        "I",
    )


def test_a_plan_wide_finding_keeps_its_id_and_pillar_keys_as_null() -> None:
    finding = Problem(
        "p.yaml", 2, 5, "NAP512", "plan x states no overall budget", "warning", plan="x"
    )
    record = finding.as_dict()
    assert (record["plan"], record["id"], record["pillar"]) == ("x", None, None)
