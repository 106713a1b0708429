"""The closed query surface: SERVICE, FROM outside the target, LOAD and updates are refused before they run,
however they are spelled (escapes, case, nesting), and nothing reaches the network or the disk."""

from __future__ import annotations

import socket
import threading

import pytest
from rdflib import RDFS, Dataset, Literal, URIRef

from kg.rdf.guard import QueryError, QueryRefused, check_query
from kg.rdf.query import run_query

DOC = "https://x.org/doc/d1"


@pytest.fixture(scope="module")
def listener():
    """A local TCP listener that counts connections: any fetch by the engine would show up here."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            hits.append(conn.recv(200))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join()
    server.close()


@pytest.fixture(scope="module")
def dataset():
    ds = Dataset()
    ds.graph(URIRef(DOC)).add((URIRef("https://x.org/a"), RDFS.label, Literal("A")))
    return ds


SERVICE_VARIANTS = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "select * where { service <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SeRvIcE SILENT <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    r"SELECT * WHERE { \U00000053\u0045RVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:{port}/sp\u0022arql> { ?s ?p ?o } }",
    r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:{port}/sp\u0027arql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://127.0.0.1:{port}/> { ?s ?q ?r } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:{port}/> { ?s ?q ?r } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:{port}/> { ?s ?q ?r } } } }",
    "SELECT * WHERE { BIND(<http://127.0.0.1:{port}/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
    "ASK { SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
]
FROM_VARIANTS = [
    "SELECT ?o FROM <http://127.0.0.1:{port}/data.nt> WHERE { ?s ?p ?o }",
    "SELECT ?o FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    r"SELECT ?o FROM <\u0066ile:///etc/passwd> WHERE { ?s ?p ?o }",
    "SELECT ?o FROM NAMED <http://127.0.0.1:{port}/x.rdf> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT ?o FROM <" + DOC + "> FROM <http://127.0.0.1:{port}/x> WHERE { ?s ?p ?o }",
]
UPDATES = [
    "LOAD <http://127.0.0.1:{port}/data.ttl>",
    "load silent <http://127.0.0.1:{port}/data.ttl> INTO GRAPH <http://x.org/g>",
    r"\u004cOAD <http://127.0.0.1:{port}/data.ttl>",
    "INSERT DATA { <http://x.org/a> <http://x.org/p> 1 }",
    "PREFIX ex: <http://x.org/> DELETE WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP GRAPH <" + DOC + ">",
    "CREATE GRAPH <http://x.org/g>",
    "COPY DEFAULT TO <http://x.org/g>",
    "WITH <" + DOC + "> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("template", SERVICE_VARIANTS + FROM_VARIANTS + UPDATES)
def test_hostile_queries_are_refused_before_anything_is_fetched(template, dataset, listener):
    port, hits = listener
    with pytest.raises(QueryRefused):
        run_query(dataset, template.replace("{port}", str(port)))
    assert hits == []


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?l WHERE { ?s ?p ?l FILTER(?l != 'SERVICE <http://x/> {}') }",  # a string, not a keyword
        "SELECT ?l WHERE { ?s ?p ?l } # SERVICE <http://x/> in a comment",
        "SELECT ?service WHERE { ?service ?p ?o }",  # a variable named service
        f"SELECT ?o FROM <{DOC}> WHERE {{ ?s ?p ?o }}",  # FROM a document graph of the target
        f"SELECT ?o FROM NAMED <{DOC}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ],
)
def test_harmless_lookalikes_run(query, dataset):
    assert run_query(dataset, query).kind == "bindings"


def test_from_a_document_graph_reads_only_that_graph(dataset):
    assert run_query(dataset, f"SELECT ?o FROM <{DOC}> WHERE {{ ?s ?p ?o }}").rows == [["A"]]


@pytest.mark.parametrize("query", ["SELECT ?x WHERE { ?x ?y }", r"SELECT * WHERE { ?s ?p ?o \uD800 }", ""])
def test_malformed_queries_are_query_errors_not_refusals(query):
    with pytest.raises(QueryError) as raised:
        check_query(query)
    assert not isinstance(raised.value, QueryRefused)


# Bound parameters (--bind): written into the query as constants, so Oxigraph's planner can start from them;
# a projected one keeps its result column through the engine's substitution.
A = "https://x.org/a"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT ?a ?e WHERE { ?e ?p ?a } ORDER BY ?a", f"SELECT ?a ?e WHERE {{ ?e ?p <{A}> }} ORDER BY ?a"),
        ("SELECT ?a (COUNT(?e) AS ?n) WHERE { ?e ?p ?a FILTER(BOUND(?a)) } GROUP BY ?a",
         f"SELECT ?a (COUNT(?e) AS ?n) WHERE {{ ?e ?p <{A}> FILTER(true) }} GROUP BY ?a"),
        ("SELECT ?a ?e WHERE { { SELECT ?e WHERE { ?e ?p ?a } } }",  # a parameter of sub-SELECTs too
         f"SELECT ?a ?e WHERE {{ {{ SELECT ?e WHERE {{ ?e ?p <{A}> }} }} }}"),
        ("SELECT ?e WHERE { ?e ex:select ?a ; ?p '?a' }", f"SELECT ?e WHERE {{ ?e ex:select <{A}> ; ?p '?a' }}"),
        ("SELECT ?e WHERE { ?e ?p ?o BIND(?o AS ?a) }", "SELECT ?e WHERE { ?e ?p ?o BIND(?o AS ?a) }"),
        ("SELECT ?e WHERE { VALUES ?a { 1 } ?e ?p ?a }", "SELECT ?e WHERE { VALUES ?a { 1 } ?e ?p ?a }"),
    ],
)  # fmt: skip
def test_a_bound_variable_is_written_where_patterns_and_expressions_use_it(query, expected):
    import pyoxigraph

    from kg.rdf.guard import substitute

    text, engine = substitute(check_query(query), {"a": pyoxigraph.NamedNode(A)})
    assert text == expected
    assert ("a" in engine) == (query.startswith("SELECT ?a") or "AS ?a" in query or "VALUES ?a" in query)


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o", [[A, "A"]]),
        ("SELECT ?s (COUNT(*) AS ?n) ?o WHERE { ?s ?p ?o } GROUP BY ?s ?o", [[A, "1", "A"]]),
        ("SELECT ?s ?o WHERE { { SELECT ?s ?o WHERE { ?s ?p ?o } } }", [[A, "A"]]),
        ("SELECT ?s ?o WHERE { GRAPH ?o { ?s ?p ?x } }", []),  # no literal after GRAPH: the engine binds it
    ],
)
def test_a_bound_result_column_keeps_the_term(dataset, query, rows):
    import pyoxigraph

    assert run_query(dataset, query, bindings={"o": pyoxigraph.Literal("A")}).rows == rows
