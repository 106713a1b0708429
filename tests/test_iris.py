"""Deterministic IRIs: a document id is quoted the same way in every IRI that carries it."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from kg.rdf.iris import IRIs
from kg.records import Entity


@pytest.mark.parametrize("doc_id", ["d1", "a b/c", "report?x=1#2", "Ünïcode-🙂"])
def test_every_iri_of_a_document_quotes_its_id_alike(doc_id: str) -> None:
    iris, quoted = IRIs("https://example.org/"), quote(doc_id, safe="")
    local = Entity("detainees", "detainees", "Group", (), local=True)
    for _ in range(2):  # the second time from what the first remembered
        assert iris.doc(doc_id).value == f"https://example.org/doc/{quoted}"
        assert iris.item("event", doc_id, "e1").value == f"https://example.org/event/{quoted}/e1"
        assert iris.entity(local, doc_id).value == f"https://example.org/actor/{quoted}/detainees"
        assert iris.span(doc_id, 0, 4).value == f"https://example.org/doc/{quoted}#char=0,4"
