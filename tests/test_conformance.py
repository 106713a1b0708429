"""The real pipeline's output for the seed and all held-out articles conforms to the published SHACL shapes."""

from __future__ import annotations

import json

import pytest

from kg.extract.pipeline import InputDocument, extract
from kg.rdf.build import build_graph
from kg.rdf.ontology import format_report, validate
from tests.conftest import ROOT, SEED_TEXT

pytestmark = pytest.mark.integration
ARTICLES = ROOT / "tests" / "data" / "articles"


def test_all_articles_conform_to_the_shapes(nlp):
    documents = [InputDocument("hasakah-prison-break", SEED_TEXT.read_text(encoding="utf-8"), "2026-01-23")]
    for path in sorted(ARTICLES.glob("*.txt")):
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        documents.append(InputDocument(path.stem, path.read_text(encoding="utf-8"), gold["document"]["date"]))
    report = validate(build_graph(list(extract(nlp, documents))))
    assert len(documents) == 13 and report.conforms, format_report(report)
