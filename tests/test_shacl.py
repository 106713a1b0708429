"""SHACL-SPARQL constraints in Oxigraph and lifted property shapes: the same report as pyshacl on the shapes."""

from __future__ import annotations

import doctest
import re

import pyoxigraph
import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import RDF, SH, Graph, Literal, URIRef

import kg.rdf.shacl
from kg.rdf.build import build_graph, build_quads
from kg.rdf.namespace import KG
from kg.rdf.ontology import _prepared, _violations, format_report, load_shapes, ontology_path, validate
from kg.rdf.shacl import sparql_results, split_shapes
from kg.rdf.terms import to_quads, to_rdflib
from kg.records import DocumentRecord, Entity, Event, Mention

TEXT = "Rebels attacked the town. Police arrested them."
SHAPES_HEAD = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://ex.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:ont sh:declare [ sh:prefix "ex" ; sh:namespace "https://ex.org/"^^xsd:anyURI ] .
"""
RULE = """sh:sparql [ sh:message "{?value} is not allowed on {$this}" ; sh:prefixes ex:ont ;
    sh:select "SELECT $this ?value WHERE { $this ex:p ?value . FILTER (?value > 2) }" ]"""


def _record() -> DocumentRecord:
    rebels = Entity("rebels", "rebels", "ArmedGroup", (Mention("d1", 0, 6, "Rebels", (0, 25)),), scoped=True)
    attack = Event("e1", "Attack", Mention("d1", 7, 15, "attacked", (0, 25)), roles={"agent": ("rebels",)})
    arrest = Event("e2", "Arrest", Mention("d1", 33, 41, "arrested", (26, 47)))
    return DocumentRecord("d1", TEXT, "A title", "2026-01-23", None, (rebels,), (attack, arrest))


def _union(dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


def _with_wrong_codes() -> Graph:
    """The record's graph with a CAMEO code and a PLOVER class the event types do not have."""
    graph = _union(build_graph([_record()]))
    events = sorted(graph.subjects(KG.eventType, None))
    graph.set((events[0], KG.cameo, Literal("999")))
    graph.add((events[1], KG.plover, Literal("PROTEST")))
    return graph


def _pyshacl_alone(data: Graph, shapes: Graph) -> list[str]:
    """The report lines pyshacl gives on the unsplit shapes (what ``validate`` did before)."""
    _, results, _ = pyshacl_validate(_prepared(data), shacl_graph=shapes, advanced=True, allow_warnings=True)
    return [_normal(line) for v in _violations(results) for line in [f"{v.focus_node} {v.path} {v.message}"]]


def _normal(text: str) -> str:
    # pyshacl lists sh:in values in set order, which changes with the hash seed
    return re.sub(r"not in list \[.*\]", "not in list [...]", text)


def _lines(data: Graph) -> list[str]:
    return [_normal(f"{v.focus_node} {v.path} {v.message}") for v in validate(data).violations]


@pytest.mark.parametrize("case", ["invalid example", "valid example", "wrong codes", "built record"])
def test_validate_reports_what_pyshacl_alone_reports_on_the_unsplit_shapes(case):
    data = {
        "invalid example": lambda: Graph().parse(ontology_path("examples/invalid.ttl")),
        "valid example": lambda: Graph().parse(ontology_path("examples/valid.ttl")),
        "wrong codes": _with_wrong_codes,
        "built record": lambda: _union(build_graph([_record()])),
    }[case]()
    assert sorted(_lines(data)) == sorted(_pyshacl_alone(data, load_shapes()))


def test_wrong_codes_are_reported_by_the_sparql_constraint_with_path_and_value():
    report = validate(_with_wrong_codes())
    found = {
        (v.path, v.message.rsplit("(value: ", 1)[1]) for v in report.violations if "must equal" in v.message
    }
    assert not report.conforms
    assert found == {(str(KG.cameo), '"999")'), (str(KG.plover), '"PROTEST")')}


@pytest.mark.parametrize("form", ["rdflib dataset", "quads", "store"])
def test_validate_takes_a_dataset_quads_or_a_store_with_the_same_report(form):
    quads = build_quads([_record()]) + to_quads(_with_wrong_codes())
    data = {"rdflib dataset": lambda: to_rdflib(quads), "quads": lambda: quads}
    if form == "store":
        store = pyoxigraph.Store()
        store.extend(quads)
        data["store"] = lambda: store
    expected = format_report(validate(quads))
    assert "must equal" in expected
    assert format_report(validate(data[form]())) == expected


def test_split_moves_the_sparql_constraint_out_and_lifts_the_event_property_shapes():
    shapes = load_shapes()
    core, constraints = split_shapes(shapes)
    event_shape = URIRef("https://w3id.org/newskg/shapes#EventShape")
    concept = URIRef("https://w3id.org/newskg/shapes#EventTypeConcept")
    assert [c.shape for c in constraints] == [event_shape]
    assert (None, SH.sparql, None) not in core and (None, SH.sparql, None) in shapes
    assert (event_shape, SH.property, None) not in core
    assert set(core.subjects(SH.targetClass, KG.Event)) > {event_shape}
    assert (concept, SH.property, None) in core  # used through sh:node: evaluated per value, left alone


@pytest.mark.parametrize(
    "shape, kept",
    [
        ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; " + RULE + " .", False),
        ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; " + RULE + " . ex:T sh:node ex:S .", True),
        ("ex:S a sh:PropertyShape ; sh:path ex:p ; sh:targetClass ex:C ; " + RULE + " .", True),
        ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:deactivated true ; " + RULE + " .", True),
    ],
    ids=["top-level node shape", "used by another shape", "property shape", "deactivated"],
)
def test_only_constraints_oxigraph_answers_like_pyshacl_leave_the_shapes(shape, kept):
    core, constraints = split_shapes(Graph().parse(data=SHAPES_HEAD + shape, format="turtle"))
    assert ((None, SH.sparql, None) in core) is kept
    assert len(constraints) == (0 if kept else 1)


def test_message_templates_are_filled_as_pyshacl_fills_them():
    shapes = Graph().parse(data=SHAPES_HEAD + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; " + RULE + " .")
    data = Graph().parse(
        data="@prefix ex: <https://ex.org/> . ex:a a ex:C ; ex:p 1, 3 . ex:b a ex:C ; ex:p 5 . ex:c ex:p 9 .",
        format="turtle",
    )
    _, constraints = split_shapes(shapes)
    store = pyoxigraph.Store()
    store.extend(to_quads(data))
    ours = sorted((str(r.focus_node), str(r.value), r.messages) for r in sparql_results(store, constraints))
    _, results, _ = pyshacl_validate(data, shacl_graph=shapes, allow_warnings=True)
    theirs = sorted(
        (
            str(results.value(r, SH.focusNode)),
            str(results.value(r, SH.value)),
            (str(results.value(r, SH.resultMessage)),),
        )
        for r in results.subjects(RDF.type, SH.ValidationResult)
    )
    assert ours == theirs
    assert ours[0][2] == ("3 is not allowed on https://ex.org/a",)


def test_docstring_examples_run():
    assert doctest.testmod(kg.rdf.shacl).failed == 0
