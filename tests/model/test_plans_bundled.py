"""The bundled plans pass napctl's own loader: plain YAML, no problems at all."""

from __future__ import annotations

from napctl.load.corpus import load_corpus
from tests.conftest import PLANS


def test_bundled_plans_are_valid_plain_yaml() -> None:
    # The loader refuses anchors, aliases, tags, duplicate and non-string keys
    # and unquoted typed scalars, so a clean load proves the files are plain YAML.
    corpus = load_corpus([str(PLANS)])
    assert corpus.problems == []
    assert sorted(p.plan.id for p in corpus.plans) == ["be-2013-2016", "lu-2018-2023"]
    for loaded in corpus.plans:
        assert loaded.file.endswith(f"{loaded.plan.id}.yaml")
