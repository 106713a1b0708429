"""SPARQL over built graphs: union of document graphs, table/CSV/JSON rows, SERVICE refused."""

from __future__ import annotations

import json

import pytest
from rdflib import RDFS, Dataset, Literal, URIRef

from kg.rdf.namespace import KG
from kg.rdf.query import QueryError, load_query, run_query


@pytest.fixture
def dataset():
    ds = Dataset()
    for doc, actor in (("d1", "a1"), ("d2", "a2")):
        g = ds.graph(URIRef(f"https://x.org/doc/{doc}"))
        g.add((URIRef(f"https://x.org/{actor}"), RDFS.label, Literal(f"Actor {actor}")))
        g.add((URIRef(f"https://x.org/{actor}"), KG.mention, URIRef(f"https://x.org/doc/{doc}#char=0,1")))
    return ds


def test_queries_see_every_document_graph_with_project_prefixes(dataset):
    result = run_query(dataset, "SELECT ?l WHERE { ?a rdfs:label ?l ; kg:mention ?m } ORDER BY ?l")
    assert result.rows == [["Actor a1"], ["Actor a2"]]


def test_rows_as_csv_and_json(dataset):
    result = run_query(dataset, "SELECT ?l WHERE { ?a rdfs:label ?l } ORDER BY ?l")
    assert result.to_csv().splitlines() == ["l", "Actor a1", "Actor a2"]
    assert json.loads(result.to_json()) == {  # SPARQL 1.1 Query Results JSON
        "head": {"vars": ["l"]},
        "results": {"bindings": [{"l": {"type": "literal", "value": f"Actor a{n}"}} for n in (1, 2)]},
    }


def test_ask_gives_one_boolean_row(dataset):
    assert run_query(dataset, "ASK { ?a rdfs:label 'Actor a1' }").rows == [["true"]]


@pytest.mark.parametrize(
    "query",
    ["SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SELECT ?x WHERE { ?x ?y }"],
)
def test_remote_service_and_syntax_errors_are_user_errors(dataset, query):
    with pytest.raises(QueryError):
        run_query(dataset, query)


def test_query_files_are_read_and_missing_ones_refused(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    assert load_query(str(path)).startswith("SELECT")
    with pytest.raises(QueryError, match="no such query file"):
        load_query(str(tmp_path / "missing.rq"))
