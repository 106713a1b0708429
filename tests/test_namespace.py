"""The generated closed namespaces match the ontology files they are generated from."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from rdflib import OWL, RDF, SKOS, Graph, URIRef

from kg.rdf.namespace import DATA, EVT, KG, SCHEMA, bind_prefixes

REPO = Path(__file__).resolve().parent.parent
ONTOLOGIES = REPO / "ontologies"
KG_NS = "https://w3id.org/newskg/ns#"
EVT_NS = "https://w3id.org/newskg/event-type/"


def _graph(name: str) -> Graph:
    return Graph().parse(ONTOLOGIES / name)


def _declared_kg_terms() -> set[str]:
    graph = _graph("kg.ttl")
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    return {
        str(s) for s, _, k in graph.triples((None, RDF.type, None)) if k in kinds and str(s).startswith(KG_NS)
    }


def _used_iris(graph: Graph, namespace: str) -> set[str]:
    return {
        str(t) for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(namespace)
    }


def test_kg_namespace_equals_ontology_terms() -> None:
    assert {str(KG[name]) for name in KG.__annotations__} == _declared_kg_terms()


def test_evt_namespace_equals_scheme_concepts() -> None:
    concepts = {str(c) for c in _graph("event-types.ttl").subjects(SKOS.inScheme, URIRef(EVT_NS))}
    assert {str(EVT[name]) for name in EVT.__annotations__} == concepts


@pytest.mark.parametrize(
    "filename",
    [
        "kg.ttl",
        "event-types.ttl",
        "alignment.ttl",
        "shapes.ttl",
        "examples/valid.ttl",
        "examples/invalid.ttl",
    ],
)
def test_every_kg_iri_used_in_ontology_files_is_declared(filename: str) -> None:
    undeclared = _used_iris(_graph(filename), KG_NS) - _declared_kg_terms()
    assert not undeclared


@pytest.mark.parametrize("filename", ["shapes.ttl", "examples/valid.ttl"])
def test_every_evt_iri_used_is_a_concept(filename: str) -> None:
    concepts = {str(EVT[name]) for name in EVT.__annotations__} | {EVT_NS}
    assert _used_iris(_graph(filename), EVT_NS) <= concepts


def test_context_terms_are_declared() -> None:
    context = json.loads((ONTOLOGIES / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    targets = [value["@id"] if isinstance(value, dict) else value for value in context.values()]
    used = {KG_NS + str(t).removeprefix("kg:") for t in targets if str(t).startswith("kg:")}
    assert used == _declared_kg_terms()


def test_generated_module_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("gen_namespace", REPO / "scripts" / "gen_namespace.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0


@pytest.mark.parametrize(
    ("namespace", "typo"), [(KG, "agnet"), (KG, "Actors"), (EVT, "Prisonbreak"), (EVT, "Fight")]
)
def test_typo_raises_instead_of_minting_an_iri(namespace: type, typo: str) -> None:
    with pytest.raises(AttributeError):
        getattr(namespace, typo)


@pytest.mark.parametrize(
    ("term", "iri"),
    [
        (KG.agent, "https://w3id.org/newskg/ns#agent"),
        (KG.Country, "https://w3id.org/newskg/ns#Country"),
        (EVT.ArmedClash, "https://w3id.org/newskg/event-type/ArmedClash"),
        (SCHEMA.NewsArticle, "https://schema.org/NewsArticle"),
        (DATA["doc/x"], "https://w3id.org/newskg/id/doc/x"),
    ],
)
def test_terms_expand_to_contract_iris(term: URIRef, iri: str) -> None:
    assert str(term) == iri


def test_bind_prefixes_binds_project_prefixes_on_core_graph() -> None:
    graph = bind_prefixes(Graph(bind_namespaces="core"))
    bound = {prefix: str(iri) for prefix, iri in graph.namespaces()}
    assert bound["kg"] == KG_NS
    assert bound["evt"] == EVT_NS
    assert bound["schema"] == "https://schema.org/"
