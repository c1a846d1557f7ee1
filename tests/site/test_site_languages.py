"""The site's labels through napctl's catalogs: `napctl site --lang fr --lang nl --lang de`."""

from __future__ import annotations

from pathlib import Path

import pytest

from napctl.site.i18n import catalogs, gettext_for
from tests.site.sitebuild import build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("languages-site")
    build(out, languages=["en", "fr", "nl", "de"])
    return out


@pytest.mark.parametrize(
    ("prefix", "heading", "skip"),
    [
        ("", "Actors and their roles", "Skip to the content"),
        ("fr/", "Acteurs et leurs rôles", "Aller au contenu"),
        ("nl/", "Actoren en hun rollen", "Naar de inhoud"),
        ("de/", "Akteure und ihre Rollen", "Zum Inhalt springen"),
    ],
)
def test_each_language_reads_its_own_labels(
    site: Path, prefix: str, heading: str, skip: str
) -> None:
    html = (site / f"{prefix}lu-2018-2023/actions/II.1.1/index.html").read_text("utf-8")
    assert f'<h2 id="actors-h">{heading}</h2>' in html
    assert f'<a class="skip" href="#main">{skip}</a>' in html
    # The plan's own words are never translated.
    assert "Show zero tolerance for sexual violence</dd>" in html


def test_a_language_without_a_catalog_reads_english() -> None:
    assert catalogs("pt-br", "Pillars") == "Pillars"
    assert catalogs("fr-be", "Pillars") == "Piliers"
    assert gettext_for("de")("Indicators") == "Indikatoren"
