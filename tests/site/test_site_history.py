"""An action's history across two generations of a country's plan, as `napctl diff`
follows it, on both actions' pages."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MINIMAL
from tests.site.links import broken_links
from tests.site.sitebuild import build


def two_generations(folder: Path) -> None:
    text = MINIMAL.read_text("utf-8")
    (folder / "xx-2020-2022.yaml").write_text(text, "utf-8")
    newer = (
        text.replace("id: xx-2020-2022", "id: xx-2023-2025")
        .replace("period: {start: 2020, end: 2022}", "period: {start: 2023, end: 2025}")
        .replace("Plan 2020-2022", "Plan 2023-2025")
        .replace("from_year: 2021", "from_year: 2024")
        .replace("- id: P1.1.1\n", "- id: P1.1.9\n")
        .replace("text: Recruit women officers", "text: Recruit more women officers")
    )
    (folder / "xx-2023-2025.yaml").write_text(newer, "utf-8")


def test_each_action_links_to_itself_in_the_other_generation(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    two_generations(plans)
    build(tmp_path / "site", plans=[plans], progress=[])
    site = tmp_path / "site"
    new = (site / "xx-2023-2025" / "actions" / "P1.1.9" / "index.html").read_text()
    assert "<td>before, in xx-2020-2022</td>" in new
    assert (
        '<a href="../../../xx-2020-2022/actions/P1.1.1/index.html">P1.1.1</a></td><td>modified'
        in new
    )
    old = (site / "xx-2020-2022" / "actions" / "P1.1.2" / "index.html").read_text()
    assert (
        '<a href="../../../xx-2023-2025/actions/P1.1.2/index.html">P1.1.2</a></td><td>carried-over'
        in old
    )
    assert broken_links(site) == []
