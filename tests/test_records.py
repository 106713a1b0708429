"""The typed vocabulary of kg.records is the ontology's: kinds are its Actor/Place classes, and certainty,
qualifier, status and date precision are exactly the values its SHACL shapes allow."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection

from kg.rdf.ontology import ontology_dir
from kg.records import (
    ACTOR_KINDS,
    CERTAINTIES,
    PLACE_KINDS,
    PRECISIONS,
    QUALIFIERS,
    STATUSES,
    is_actor,
    is_place,
)

KG = Namespace("https://w3id.org/newskg/ns#")
SH = Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl")


def subclasses(graph: Graph, parent: URIRef) -> set[str]:
    found = {parent}
    for _ in range(5):
        found |= {s for o in list(found) for s in graph.subjects(RDFS.subClassOf, o)}
    return {str(c).rsplit("#", 1)[-1] for c in found - {parent}}


def allowed_values(shapes: Graph, path: URIRef) -> set[str]:
    values: set[str] = set()
    for prop in shapes.subjects(SH.path, path):
        for head in shapes.objects(prop, SH["in"]):
            values |= {str(v) for v in Collection(shapes, head)}
    return values


def test_actor_kinds_are_the_ontology_actor_classes(ontology):
    assert subclasses(ontology, KG.Actor) == ACTOR_KINDS


def test_place_kinds_are_the_ontology_place_classes(ontology):
    assert subclasses(ontology, KG.Place) == PLACE_KINDS


@pytest.mark.parametrize(
    ("path", "values"),
    [
        (KG.certainty, CERTAINTIES),
        (KG.qualifier, QUALIFIERS),
        (KG.status, STATUSES),
        (KG.datePrecision, PRECISIONS),
    ],
)
def test_literal_vocabularies_are_what_the_shapes_allow(shapes, path, values):
    assert allowed_values(shapes, path) == set(values)


def test_a_country_is_both_actor_and_place_and_a_city_only_a_place():
    assert is_actor("Country") and is_place("Country")
    assert is_place("City") and not is_actor("City")
    assert is_actor("Organization") and not is_place("Organization")


def test_every_class_in_the_ontology_is_typed_as_an_owl_class(ontology):
    assert all(
        (KG[k], RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in ontology
        for k in ACTOR_KINDS | PLACE_KINDS
    )
