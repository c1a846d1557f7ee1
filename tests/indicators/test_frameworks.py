"""The indicator sets shipped with napctl: each names its source and says what is missing."""

from __future__ import annotations

import pytest

from napctl.checks.frameworks import (
    FOLDER,
    FRAMEWORK_IDS,
    FrameworkError,
    framework_id,
    load_framework,
)


@pytest.mark.parametrize("name", FRAMEWORK_IDS)
def test_each_framework_names_its_source(name: str) -> None:
    framework = load_framework(name)
    assert framework.id == name
    assert framework.source["document"]
    # Transcribed in part: it says so, and what is missing, rather than guessing texts.
    assert framework.complete is False and framework.missing
    assert all(item.text.strip() for item in framework.indicators.values())


def test_the_un_list_and_its_numbers() -> None:
    un = load_framework("un-s-2010-498")  # the plan format's name for it
    assert un.id == "un-26" and (un.first, un.last) == (1, 26)
    # Only the entries read in a public copy, in the copy's own words.
    assert list(un.indicators) == ["1a", "1b", "2", "11a"]
    assert un.indicators["1a"].text == "Prevalence of Sexual Violence"
    assert un.indicators["2"].text.startswith("Extent to which United Nations Peacekeeping")
    assert un.indicators["11a"].text.startswith("Representation of women among mediators")
    assert un.indicators["1b"].pillar == "prevention" and un.indicators["11a"].pillar is None
    assert un.knows("11a") is True and un.knows("11b") is None
    assert un.knows("1A") is True  # case does not matter
    assert un.knows("17") is None  # a number of the annex whose text napctl does not ship
    assert un.knows("27") is False and un.knows("x") is False


def test_the_eu_list_ships_no_invented_entries() -> None:
    eu = load_framework("eu")
    assert eu.id == "eu-17" and eu.indicators == {} and (eu.first, eu.last) == (1, 17)
    assert eu.knows("17") is None and eu.knows("18") is False


@pytest.mark.parametrize("name", FRAMEWORK_IDS)
def test_each_entry_names_where_it_was_read(name: str) -> None:
    # The loader keeps id, text and pillar; the file itself must say, per entry,
    # which document and which public copy the text was copied from.
    from napctl.yaml.safe import load_yaml_file

    path = FOLDER / f"{name}.yaml"
    data = load_yaml_file(str(path), kind="framework").data
    assert data is not None
    for entry in data["indicators"]:
        assert entry["source"]["document"].startswith("S/2010/498")
        assert entry["source"]["read_at"].startswith("http")


def test_names() -> None:
    assert framework_id("eu") == "eu-17" and framework_id("un-26") == "un-26"
    assert framework_id("nato") is None
    with pytest.raises(FrameworkError, match="ships un-26, eu-17"):
        load_framework("nato")
