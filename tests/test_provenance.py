"""Provenance end to end with the real model: every fact traces by SPARQL to evidence; actors are shared across
documents by IRI while their mentions stay in each document's named graph."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.extract.pipeline import InputDocument, extract
from kg.rdf.build import build_graph
from kg.rdf.query import run_query
from tests.conftest import SEED_TEXT

pytestmark = pytest.mark.integration

SECOND = (
    "Turkish drones struck positions of the Syrian Democratic Forces (SDF) near Kobani on Monday, the SDF said. "
    "At least four fighters were killed, according to the Syrian Observatory for Human Rights."
)


@pytest.fixture(scope="module")
def two_documents(nlp):
    docs = [
        InputDocument("hasakah", SEED_TEXT.read_text(encoding="utf-8"), "2026-01-23"),
        InputDocument("kobani", SECOND, "2026-02-02"),
    ]
    return build_graph(list(extract(nlp, docs)))


def test_same_actor_in_two_articles_is_one_iri_with_mentions_in_both_graphs(two_documents):
    sdf = URIRef("https://w3id.org/newskg/id/actor/sdf")
    graphs = {str(g.identifier).rsplit("/", 1)[-1] for g in two_documents.graphs() if (sdf, None, None) in g}
    assert graphs == {"hasakah", "kobani"}
    rows = run_query(
        two_documents,
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { <https://w3id.org/newskg/id/actor/sdf> kg:mention ?m } }",
    ).rows
    assert len(rows) == 2


def test_every_actor_place_and_event_traces_to_a_mention_with_offsets(two_documents):
    untraced = run_query(
        two_documents,
        """SELECT ?x WHERE {
             ?x a ?type . FILTER (?type IN (kg:Actor, kg:Place, kg:Event, kg:Claim, kg:Quantity)
                                  || STRSTARTS(STR(?type), STR(kg:)) && ?type NOT IN (kg:Mention, kg:Sentence))
             FILTER NOT EXISTS { ?x kg:mention [ kg:startChar ?s ; kg:endChar ?e ; kg:anchorOf ?t ;
                                                 kg:document ?d ; kg:inSentence ?sent ] }
           }""",
    ).rows
    assert untraced == []


def test_every_role_triple_points_at_a_node_with_its_own_evidence(two_documents):
    dangling = run_query(
        two_documents,
        """SELECT ?e ?p ?x WHERE {
             ?e ?p ?x . VALUES ?p { kg:agent kg:target kg:theme kg:recipient kg:place kg:origin kg:destination
                                    kg:speaker kg:channel kg:memberOf kg:affiliatedWith kg:partOf kg:locatedIn }
             FILTER NOT EXISTS { ?x kg:mention ?m }
           }""",
    ).rows
    assert dangling == []
