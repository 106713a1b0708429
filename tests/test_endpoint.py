"""`kg serve` in its own process, queried over loopback by SPARQLWrapper and plain HTTP: correct typed JSON,
refusals with clear HTTP errors, a time limit that stops runaway queries while others are still answered."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

from kg.rdf.endpoint import negotiate
from kg.rdf.io import write_dataset

ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TIMEOUT = 2.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def graph_file(seed_dataset, tmp_path_factory):
    return write_dataset(seed_dataset[0], tmp_path_factory.mktemp("serve") / "seed.trig")


@pytest.fixture(scope="module")
def endpoint(graph_file):
    port = _free_port()
    command = [sys.executable, "-m", "kg", "serve", str(graph_file), "--port", str(port), "--timeout",
               str(TIMEOUT), "--max-results", "500", "--cors", "*"]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        for _ in range(300):
            if server.poll() is not None:
                pytest.fail(f"kg serve exited: {server.stderr.read()}")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(url, timeout=1).close()
                break
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert server.returncode == 0, server.stderr.read()


def _http(url: str, *, query: str | None = None, data: bytes | None = None, headers: dict | None = None):
    if query is not None:
        url = f"{url}?{urllib.parse.urlencode({'query': query})}"
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


def _sparqlwrapper(url: str, query: str, fmt=JSON):
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(POST)
    return client.queryAndConvert()


def test_sparqlwrapper_gets_typed_json_over_the_union_of_document_graphs(endpoint, seed_dataset):
    result = _sparqlwrapper(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    cell = result["results"]["bindings"][0]["n"]
    assert cell == {"type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                    "value": str(sum(len(g) for g in seed_dataset[0].graphs()))}  # fmt: skip
    labels = _sparqlwrapper(endpoint, "SELECT ?s ?l WHERE { ?s skos:altLabel 'SDF' ; rdfs:label ?l }")
    assert labels["results"]["bindings"] == [
        {"s": {"type": "uri", "value": "https://w3id.org/newskg/id/actor/sdf"},
         "l": {"type": "literal", "value": "Syrian Democratic Forces"}}
    ]  # fmt: skip
    assert _sparqlwrapper(endpoint, "ASK { ?s a kg:Event }")["boolean"] is True


def test_sparqlwrapper_gets_turtle_for_construct(endpoint):
    graph = _sparqlwrapper(endpoint, "CONSTRUCT { ?s a kg:ArmedGroup } WHERE { ?s a kg:ArmedGroup }", TURTLE)
    graph = graph if isinstance(graph, Graph) else Graph().parse(data=graph, format="turtle")
    assert len(graph) >= 1


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("INSERT DATA { <http://x.org/a> <http://x.org/b> 1 }", 403, "read-only"),
        (r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }", 403, "SERVICE"),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", 403, "FROM <file:///etc/passwd>"),
        (
            "SELECT * FROM <http://127.0.0.1:{port}/x.rdf> WHERE { ?s ?p ?o }",
            403,
            "not a graph of this target",
        ),
        ("SELECT ?x WHERE { ?x ?y }", 400, "SPARQL error"),
        ("SELECT * WHERE { ?s ?p ?o }", 413, "more than 500"),
    ],
)
def test_refusals_are_clear_http_errors_and_nothing_is_fetched(endpoint, query, status, message):
    with socket.socket() as trap:  # a fetch by the engine would connect here
        trap.bind(("127.0.0.1", 0))
        trap.listen()
        trap.settimeout(0.5)
        body = urllib.parse.urlencode({"query": query.replace("{port}", str(trap.getsockname()[1]))}).encode()
        code, _headers, text = _http(endpoint, data=body)
        with pytest.raises(TimeoutError):
            trap.accept()
    assert code == status and message in text and text.startswith("error: ")


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("application/x-www-form-urlencoded", "update=DROP%20ALL"), ("application/sparql-update", "DROP ALL")],
)
def test_updates_are_refused_in_every_protocol_form(endpoint, content_type, body):
    code, _headers, text = _http(endpoint, data=body.encode(), headers={"Content-Type": content_type})
    assert code == 403 and "read-only" in text


def test_an_endless_query_is_stopped_and_the_server_keeps_answering(endpoint):
    answers: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        answers["runaway"] = _http(endpoint, data=urllib.parse.urlencode({"query": ENDLESS}).encode())
        answers["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    code, _headers, text = _http(endpoint, query="ASK { ?s ?p ?o }")  # the other worker answers meanwhile
    assert (code, json.loads(text)["boolean"]) == (200, True)
    thread.join(timeout=60)
    code, _headers, text = answers["runaway"]
    assert code == 503 and "time limit of 2 s" in text
    assert answers["seconds"] < TIMEOUT + 10
    for _ in range(3):  # the killed worker was replaced: both workers answer again
        assert _http(endpoint, query="ASK { ?s a kg:Event }")[0] == 200


@pytest.mark.parametrize(
    ("accept", "media", "first_line"),
    [
        ("text/csv", "text/csv", "l"),
        ("text/tab-separated-values", "text/tab-separated-values", "?l"),
        ("application/sparql-results+xml", "application/sparql-results+xml", '<?xml version="1.0"?>'),
        ("text/html, application/sparql-results+json;q=0.5", "application/sparql-results+json", '{"head"'),
    ],
)
def test_content_negotiation_for_results(endpoint, accept, media, first_line):
    code, headers, text = _http(endpoint, query="SELECT ?l WHERE { ?s rdfs:label ?l } LIMIT 3",
                                headers={"Accept": accept})  # fmt: skip
    assert code == 200 and headers["Content-Type"].startswith(media)
    assert text.startswith(first_line)
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_graphs_come_as_n_triples_on_request_and_406_when_nothing_fits(endpoint):
    construct = "CONSTRUCT { ?s a kg:ArmedGroup } WHERE { ?s a kg:ArmedGroup }"
    code, headers, text = _http(endpoint, query=construct, headers={"Accept": "application/n-triples"})
    assert code == 200 and headers["Content-Type"] == "application/n-triples"
    assert text.rstrip().endswith("<https://w3id.org/newskg/ns#ArmedGroup> .")
    assert _http(endpoint, query="ASK { ?s ?p ?o }", headers={"Accept": "text/turtle"})[0] == 406


def test_post_with_a_sparql_query_body(endpoint):
    code, _headers, text = _http(endpoint, data=b"ASK { ?s a kg:Claim }",
                                 headers={"Content-Type": "application/sparql-query"})  # fmt: skip
    assert code == 200 and json.loads(text) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("accept", "kind", "expected"),
    [
        (None, "bindings", ("json", "application/sparql-results+json")),
        ("*/*", "graph", ("ttl", "text/turtle")),
        ("application/ld+json;q=0.9, text/turtle;q=0.1", "graph", ("jsonld", "application/ld+json")),
        ("text/csv;q=0", "bindings", None),
    ],
)
def test_negotiate(accept, kind, expected):
    assert negotiate(accept, kind) == expected
