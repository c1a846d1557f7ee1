"""Writes the example progress reports of examples/progress/ (invented data).

    python examples/progress/fill_example.py     # from the repository root

It runs `napctl progress init` for four departments of the Luxembourg plan for
2020, then fills some entries the way a department would, by editing the text.
Every value is made up to show the format: NOT data any ministry reported.
"""

import subprocess
import sys
from pathlib import Path

OUT = Path("examples/progress")
PLAN, YEAR = "lu-2018-2023", 2020
NOTE = (
    "EXAMPLE DATA, invented to show the format and tested by napctl's test suite;"
    " not reported by any ministry"
)
URL = "https://example.org/napctl-example/"

FILLS: dict[str, tuple[str, dict[str, tuple[str, list[str]]]]] = {
    "MEGA": (
        "submitted",
        {
            "I.1.4": (
                "ongoing",
                [
                    "summary: Girls' Day and Boys' Day held online.",
                    "indicators:",
                    "  - indicator: 1",
                    "    value: 412",
                    "    unit: participants",
                    "    date: 2020-11-30",
                ],
            ),
            "II.1.1": ("ongoing", ["summary: Statements on 25 November and 8 March."]),
            "II.2.1": (
                "completed",
                [
                    "summary: Programme follow-up meeting held; teaching kit updated.",
                    "evidence:",
                    "  - title: Teaching kit (example)",
                    f"    url: {URL}mega-kit",
                ],
            ),
            "II.3.1": (
                "completed",
                [
                    "summary: Four training days for civil servants.",
                    "indicators:",
                    "  - indicator: Training provided",
                    "    value: 4",
                    "    unit: training days",
                ],
            ),
            "II.4.1": (
                "completed",
                [
                    "summary: Orange Week campaign with six NGOs.",
                    "spent: {amount: 18000, currency: EUR}",
                ],
            ),
            "II.4.2": ("ongoing", ["summary: Modules on equality added to the welcome course."]),
            "II.6.1": ("not-started", ["next_steps: Programme to be designed with INAP in 2021."]),
            "II.9.1": ("ongoing", ["summary: Two projects co-financed."]),
            "II.10.1": (
                "completed",
                [
                    "summary: Campaign on violence in couples, with the police.",
                    "indicators:",
                    "  - indicator: 1",
                    "    value: 3",
                    "    unit: events",
                ],
            ),
            "II.10.2": (
                "delayed",
                ["obstacles: Events postponed because of the pandemic.", "revised_due: 2021-06-30"],
            ),
            "II.13.1": ("ongoing", ["summary: Brochure reprinted in four languages."]),
            "III.1.1": ("ongoing", ["summary: One module in the pre-deployment course."]),
            "III.1.4": ("ongoing", ["summary: Raised in the national committee on violence."]),
            "III.1.7": (
                "completed",
                [
                    "summary: Helpline hours extended.",
                    "evidence:",
                    "  - title: Annual report of the helpline (example)",
                    "    path: examples/progress/evidence/helpline-2020.md",
                    "    date: 2021-02",
                ],
            ),
            "III.1.8": (
                "delayed",
                [
                    "obstacles: The evaluation report came later than planned.",
                    "revised_due: 2021-03",
                ],
            ),
            "IV.1.1": ("ongoing", ["summary: Raised in two bilateral consultations."]),
            "IV.3.1": ("completed", ["summary: One civil society conference supported."]),
            "IV.4.1": (
                "discontinued",
                [
                    "justification: Merged into the communication plan of"
                    " the Ministry; reported there."
                ],
            ),
        },
    ),
    "SRE": (
        "submitted",
        {
            "II.1.1": (
                "ongoing",
                [
                    "summary: Internal code of conduct reminded to all staff.",
                    "indicators:",
                    "  - indicator: 1",
                    "    value: 3",
                    "    unit: public statements",
                    "    disaggregation: {form: {speeches: 2, press releases: 1}}",
                ],
            ),
            "II.11.1": ("completed", ["summary: Two analyses shared with partners."]),
            "III.1.4": (
                "not-applicable",
                ["justification: The service takes no part in negotiations on definitions."],
            ),
        },
    ),
    "Justice": (
        "draft",
        {
            "II.1.1": (
                "ongoing",
                [
                    "summary: Circular to prosecutors.",
                    "indicators:",
                    "  - indicator: 1",
                    "    narrative: The circular asks prosecutors to record cases of sexual"
                    " violence apart.",
                ],
            ),
            "III.1.5": (
                "completed",
                [
                    "summary: Evaluation of the plan on human trafficking done.",
                    "evidence:",
                    "  - title: Evaluation (example)",
                    f"    url: {URL}justice-evaluation",
                ],
            ),
            "III.1.7": ("completed", ["summary: Victims' information leaflet in five languages."]),
            "III.1.8": ("ongoing", ["summary: Law on protection orders in Parliament."]),
            "III.2.1": ("delayed", ["obstacles: Staff shortage in the legal aid office."]),
        },
    ),
    "MAEE D5": (
        "draft",
        {
            "I.3.1": ("not-started", ["next_steps: A career day is planned for 2021."]),
            "II.2.3": ("delayed", ["revised_due: 2021"]),
            "II.3.1": ("ongoing", ["summary: One session for new staff."]),
            "II.4.1": (
                "completed",
                [
                    "summary: Two NGO campaigns co-financed.",
                    "spent: {amount: 45000, currency: EUR}",
                ],
            ),
            "II.11.1": ("ongoing", ["summary: Dialogue with NGOs in the framework agreements."]),
            "IV.3.1": (
                "completed",
                [
                    "summary: Three civil society initiatives funded.",
                    "indicators:",
                    "  - indicator: 1",
                    "    value: 3",
                    "    unit: initiatives",
                ],
            ),
        },
    ),
}


def slug(code: str) -> str:
    return code.lower().replace(" ", "-").replace("/", "-")


def main() -> None:
    for code in FILLS:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "napctl",
                "progress",
                "init",
                "--plans",
                "plans",
                "--plan",
                PLAN,
                "--year",
                str(YEAR),
                "--actor",
                code,
                "--out",
                str(OUT),
            ],
            check=True,
        )
    for code, (state, entries) in FILLS.items():
        path = OUT / PLAN / str(YEAR) / f"{slug(code)}.yaml"
        text = path.read_text()
        text = text.replace("state: draft\n", f"state: {state}\nnotes:\n  - {NOTE}\n", 1)
        for ident, (status, lines) in entries.items():
            quoted = f'"{ident}"' if ident[0].isdigit() else ident
            old = f"  - id: {quoted}\n    status: not-reported\n"
            assert old in text, (code, ident)
            new = f"  - id: {quoted}\n    status: {status}\n" + "".join(
                f"    {line}\n" for line in lines
            )
            text = text.replace(old, new, 1)
        path.write_text(text)


if __name__ == "__main__":
    main()
