"""Export formats round-trip through rdflib and pyoxigraph, atomically, with hostile literals."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node

import kg.rdf.io
from kg.rdf.io import (
    UnsupportedFormatError,
    format_for,
    jsonld_context,
    new_dataset,
    read_dataset,
    serialize,
    write_dataset,
)
from kg.rdf.ontology import ontology_path

DOC = URIRef("https://w3id.org/newskg/id/doc/example-clash")
OTHER = URIRef("https://w3id.org/newskg/id/doc/other%20doc")
# Plain URIRefs, not rdflib's DefinedNamespaces: pytest's collector probes module globals and
# rdflib warns on unknown attributes of open namespaces such as XSD.
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
RDFS_COMMENT = URIRef("http://www.w3.org/2000/01/rdf-schema#comment")
ACTOR = URIRef("https://w3id.org/newskg/id/actor/قامشلي-group")
EXTENSIONS = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "json-ld": ".jsonld"}
OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
}
HOSTILE = {
    "quotes": 'He said "no" and \'yes\' and """triple"""',
    "newlines": "line one\nline two\r\nline three\ttabbed",
    "angle_brackets": "<https://evil.example/> <> & </a>",
    "script_close": "</script><script>alert(1)</script>",
    "backslashes": "C:\\path\\to\\file \\u0041 \\",
    "non_ascii": "naïve café – “curly” 😀 Straße",
    "rtl_arabic": "قوات سوريا الديمقراطية \u200f(قسد)\u202e",
    "long_label": "x" * 5000 + "é" * 5000,
    "turtle_syntax": '@prefix evil: <http://evil/> . } { "@id": "x" }',
    "empty": "",
}


def _sample() -> Dataset:
    dataset = new_dataset()
    document = dataset.graph(DOC)
    for triple in Graph().parse(ontology_path("examples/valid.ttl")):
        document.add(triple)
    return dataset


def _with_hostile(value: str, lang: str | None) -> Dataset:
    dataset = _sample()
    other = dataset.graph(OTHER)
    other.add((ACTOR, RDFS_LABEL, Literal(value, lang=lang)))
    other.add((ACTOR, RDFS_COMMENT, Literal(value, datatype=XSD_STRING if lang is None else None, lang=lang)))
    dataset.add((ACTOR, URIRef("https://w3id.org/newskg/ns#role"), Literal("default-graph triple")))
    return dataset


def _quads(dataset: Dataset) -> set[tuple[Node, Node, Node, str]]:
    found = set()
    for graph in dataset.graphs():
        name = "" if graph.identifier == dataset.default_graph.identifier else str(graph.identifier)
        found |= {(s, p, _plain(o), name) for s, p, o in graph}
    return found


def _triples(dataset: Dataset) -> set[tuple[Node, Node, Node]]:
    return {(s, p, o) for s, p, o, _ in _quads(dataset)}


def _plain(term: Node) -> Node:
    """xsd:string and plain literals are the same RDF 1.1 term, and language tags are case-insensitive
    (Oxigraph writes them in lower case); normalise for comparison."""
    if isinstance(term, Literal) and term.datatype == XSD_STRING:
        return Literal(str(term))
    if isinstance(term, Literal) and term.language:
        return Literal(str(term), lang=term.language.lower())
    return term


def _normalised(graph: Graph) -> Graph:
    result = Graph()
    for s, p, o in graph:
        result.add((s, p, _plain(o)))
    return result


def _from_ox(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    assert isinstance(term, ox.Literal), f"unexpected term {term!r} (blank nodes are not expected)"
    if term.language:
        return Literal(term.value, lang=term.language)
    return _plain(Literal(term.value, datatype=URIRef(term.datatype.value)))


def _ox_quads(path: Path, fmt: str) -> set[tuple[Node, Node, Node, str]]:
    found = set()
    for quad in ox.parse(path=str(path), format=OX_FORMATS[fmt]):
        graph = getattr(quad, "graph_name", ox.DefaultGraph())
        name = "" if isinstance(graph, ox.DefaultGraph) else graph.value
        found.add((_from_ox(quad.subject), _from_ox(quad.predicate), _from_ox(quad.object), name))
    return found


CASES = [pytest.param(v, None, id=k) for k, v in HOSTILE.items()] + [
    pytest.param(HOSTILE["rtl_arabic"], "ar", id="rtl_arabic_lang"),
    pytest.param(HOSTILE["newlines"], "en-GB", id="newlines_lang"),
]


@pytest.mark.parametrize("fmt", list(EXTENSIONS))
@pytest.mark.parametrize(("value", "lang"), CASES)
def test_round_trip_rdflib(fmt: str, value: str, lang: str | None, tmp_path: Path) -> None:
    dataset = _with_hostile(value, lang)
    path = write_dataset(dataset, tmp_path / f"out{EXTENSIONS[fmt]}")
    back = read_dataset(path)
    if fmt in kg.rdf.io.QUAD_FORMATS:
        assert _quads(back) == _quads(dataset)
        for graph in dataset.graphs():
            assert isomorphic(_normalised(back.graph(graph.identifier)), _normalised(graph))
    else:
        assert _triples(back) == _triples(dataset)
        assert len(list(back.graphs())) == 1  # only the default graph


@pytest.mark.parametrize("fmt", list(EXTENSIONS))
@pytest.mark.parametrize(("value", "lang"), CASES)
def test_round_trip_pyoxigraph(fmt: str, value: str, lang: str | None, tmp_path: Path) -> None:
    dataset = _with_hostile(value, lang)
    path = write_dataset(dataset, tmp_path / f"out{EXTENSIONS[fmt]}")
    parsed = _ox_quads(path, fmt)
    if fmt in kg.rdf.io.QUAD_FORMATS:
        assert parsed == _quads(dataset)
    else:
        assert parsed == {(s, p, o, "") for s, p, o in _triples(dataset)}


def test_turtle_writes_the_union_of_named_graphs(tmp_path: Path) -> None:
    dataset = _with_hostile("x", None)
    back = read_dataset(write_dataset(dataset, tmp_path / "u.ttl"))
    expected = Graph()
    for graph in dataset.graphs():
        expected += graph
    assert isomorphic(_normalised(back.default_graph), _normalised(expected))


def test_plain_graph_is_written_to_the_default_graph(tmp_path: Path) -> None:
    graph = Graph().parse(ontology_path("examples/valid.ttl"))
    back = read_dataset(write_dataset(graph, tmp_path / "g.nq"))
    assert isomorphic(back.default_graph, graph)


@pytest.mark.parametrize("fmt", list(EXTENSIONS))
def test_output_binds_project_prefixes_only(fmt: str) -> None:
    text = serialize(_sample(), fmt).decode("utf-8")
    assert "schema1" not in text and "ns1" not in text and "http://schema.org/" not in text


def test_jsonld_uses_compact_keys_and_inline_context() -> None:
    document = json.loads(serialize(_sample(), "json-ld"))
    assert document["@context"] == jsonld_context()
    text = json.dumps(document)
    assert '"eventType"' in text and '"mention"' in text and "https://w3id.org/newskg/ns#mention" not in text


@pytest.mark.parametrize(
    ("path", "fmt", "expected"),
    [
        ("a.ttl", None, "turtle"),
        ("a.TTL", None, "turtle"),
        ("a.nt", None, "nt"),
        ("a.nq", None, "nquads"),
        ("a.trig", None, "trig"),
        ("a.jsonld", None, "json-ld"),
        ("a.json", None, "json-ld"),
        ("a.out", "jsonld", "json-ld"),
        ("a.ttl", "nquads", "nquads"),
    ],
)
def test_format_for(path: str, fmt: str | None, expected: str) -> None:
    assert format_for(path, fmt) == expected


@pytest.mark.parametrize(
    ("path", "fmt"),
    [("a.rdf", None), ("a.owl", None), ("a.xml", None), ("a.ttl", "xml"), ("a.txt", None), ("a.ttl", "n3")],
)
def test_unknown_or_rdfxml_formats_are_refused(path: str, fmt: str | None) -> None:
    with pytest.raises(UnsupportedFormatError):
        format_for(path, fmt)


def test_reading_rdfxml_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "evil.rdf"
    path.write_text('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')
    with pytest.raises(UnsupportedFormatError):
        read_dataset(path)


@pytest.mark.parametrize(
    "context",
    [
        "https://evil.example/context.jsonld",
        ["https://evil.example/context.jsonld", {"x": "http://x/"}],
        {"@import": "https://evil.example/context.jsonld"},
    ],
)
def test_reading_jsonld_with_remote_context_is_refused(context: object, tmp_path: Path) -> None:
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": context, "@id": "http://x/s", "http://x/p": "o"}))
    with pytest.raises(UnsupportedFormatError, match="remote"):
        read_dataset(path)


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kg.nq"
    target.write_text("old content\n")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(kg.rdf.io.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_dataset(_sample(), target)
    assert target.read_text() == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.nq"]


def test_serialization_error_does_not_touch_the_target(tmp_path: Path) -> None:
    target = tmp_path / "kg.ttl"
    target.write_text("old\n")
    with pytest.raises(UnsupportedFormatError):
        write_dataset(_sample(), target, fmt="xml")
    assert target.read_text() == "old\n"
    assert len(list(tmp_path.iterdir())) == 1


def test_write_creates_parent_directories(tmp_path: Path) -> None:
    path = write_dataset(_sample(), tmp_path / "a" / "b" / "kg.trig")
    assert len(read_dataset(path)) == len(_sample())


def test_docstring_examples_run() -> None:
    assert doctest.testmod(kg.rdf.io, optionflags=doctest.ELLIPSIS).failed == 0
