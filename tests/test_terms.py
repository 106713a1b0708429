"""Python values -> pyoxigraph literals exactly as rdflib writes them; closed namespaces as pyoxigraph nodes."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest
from rdflib import XSD, Graph, Literal, URIRef

import kg.rdf.terms
from kg.rdf.namespace import KG
from kg.rdf.terms import OxNamespace, literal, to_quads, typed_literal


def _rdflib(value, datatype=None):
    """What the rdflib build made of a value: its literal, converted as kg.rdf.terms.to_quads converts."""
    graph = Graph()
    graph.add((URIRef("https://x.org/s"), URIRef("https://x.org/p"), Literal(value, datatype=datatype)))
    return to_quads(graph)[0].object


@pytest.mark.parametrize(
    "value",
    ["", "ISIS", "line\nbreak \"quoted\" é 🙂", 0, -5, 10**30, True, False, Decimal("0.850"),
     Decimal("1.5E+2"), Decimal("1E-7"), Decimal("-0.0"), Decimal(str(36.2)), Decimal(str(round(0.8999, 3)))],
)  # fmt: skip
def test_literal_is_what_rdflib_made_of_the_value(value):
    assert literal(value) == _rdflib(value)


@pytest.mark.parametrize(
    "lexical, datatype",
    [("2026-01-21", XSD.date), ("2026-01-21Z", XSD.date), ("2026-02-30", XSD.date), ("2026", XSD.gYear),
     ("0099", XSD.gYear), ("2026-01", XSD.gYearMonth), ("--01-21", XSD.gMonthDay),
     ("POINT(41.0 36.5)", URIRef("http://www.opengis.net/ont/geosparql#wktLiteral"))],
)  # fmt: skip
def test_typed_literal_is_normalised_as_rdflib_normalises_it(lexical, datatype):
    assert typed_literal(lexical, str(datatype)) == _rdflib(lexical, datatype)


def test_closed_namespace_still_refuses_a_typo():
    nodes = OxNamespace(KG)
    assert nodes.agent.value == str(KG.agent) and nodes["Actor"].value == str(KG.Actor)
    with pytest.raises(AttributeError):
        _ = nodes.agnet


def test_docstring_examples_run():
    assert doctest.testmod(kg.rdf.terms).failed == 0


@pytest.mark.parametrize("value", [0, 7, 1234, -3])
def test_a_repeated_integer_gives_the_same_literal_as_a_new_one(value):
    import pyoxigraph

    fresh = pyoxigraph.Literal(str(value), datatype=pyoxigraph.NamedNode(str(XSD.integer)))
    assert literal(value) == fresh and literal(value) == literal(value)


def test_a_cached_integer_is_never_taken_for_a_boolean():
    number, flag = literal(1), literal(True)
    assert number.datatype.value.endswith("#integer") and flag.datatype.value.endswith("#boolean")
    assert (number.value, flag.value) == ("1", "true")
