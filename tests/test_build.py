"""Records -> RDF: golden graph, deterministic IRIs, no blank nodes, one actor IRI across documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.rdf.build import build_graph, build_quads
from kg.rdf.namespace import KG
from kg.rdf.terms import to_quads
from kg.records import Claim, DocumentRecord, Entity, Event, Mention, Quantity, TimeValue

GOLDEN = Path(__file__).parent / "data" / "golden" / "build.nt"
TEXT = "Damascus claims ISIS fighters were recaptured. Roughly 150 were moved to Iraq."


def _m(doc: str, start: int, end: int, text: str = TEXT) -> Mention:
    return Mention(doc, start, end, text[start:end], (0, 46) if end <= 46 else (47, len(text)))


def record(doc_id: str = "d1", text: str = TEXT) -> DocumentRecord:
    isis = Entity("islamic-state", "Islamic State", "ArmedGroup", (_m(doc_id, 16, 20),), aliases=("ISIS",))
    gov = Entity(
        "syria-government", "Syrian government", "Government", (_m(doc_id, 0, 8),), aliases=("Damascus",)
    )
    iraq = Entity("iraq", "Iraq", "Country", (_m(doc_id, 74, 78),), is_place=True, geonames=99237)
    recapture = Event(
        "e1", "Recapture", _m(doc_id, 33, 45), roles={"theme": ("islamic-state",)}, certainty="claimed"
    )
    count = Quantity(150, "fighter", "approximate", "done", _m(doc_id, 47, 58), "theme")
    transfer = Event(
        "e2", "DetaineeTransfer", _m(doc_id, 64, 69), roles={"destination": ("iraq",)},
        date=TimeValue("2026-01-21", "day", True), quantities=(count,),
    )  # fmt: skip
    claim = Claim("c1", "claim", _m(doc_id, 9, 15), speaker="syria-government", content=("e1",))
    return DocumentRecord(doc_id, text, "A title", "2026-01-23", None, (isis, gov, iraq), (recapture, transfer),
                          (claim,))  # fmt: skip


def test_built_graph_matches_the_golden_graph():
    union = _union(build_graph([record()]))
    if os.environ.get("NEWSKG_REGENERATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(
            "".join(sorted(union.serialize(format="nt").splitlines(keepends=True))), encoding="utf-8"
        )
    golden = Graph().parse(GOLDEN, format="nt")
    if not isomorphic(union, golden):
        _, only_built, only_golden = graph_diff(to_isomorphic(union), to_isomorphic(golden))
        raise AssertionError(
            "built graph differs from golden (NEWSKG_REGENERATE_GOLDEN=1 to update):\n+ "
            + only_built.serialize(format="nt")
            + "\n- "
            + only_golden.serialize(format="nt")
        )


def test_same_input_gives_the_same_triples():
    assert isomorphic(_union(build_graph([record()])), _union(build_graph([record()])))


def test_no_blank_nodes():
    assert not [t for t in build_graph([record()]).quads() if any(isinstance(x, BNode) for x in t[:3])]


def test_same_actor_in_two_documents_is_one_iri_with_mentions_in_both_graphs():
    dataset = build_graph([record("d1"), record("d2")])
    isis = URIRef("https://w3id.org/newskg/id/actor/islamic-state")
    graphs = {str(g.identifier) for g in dataset.graphs() if (isis, KG.mention, None) in g}
    assert graphs == {"https://w3id.org/newskg/id/doc/d1", "https://w3id.org/newskg/id/doc/d2"}


def test_base_iri_is_configurable():
    dataset = build_graph([record()], base_iri="https://intel.example.org/kg")
    subjects = {str(s) for s, _, _ in _union(dataset)}
    assert all(s.startswith("https://intel.example.org/kg/") for s in subjects)


def test_rebuilding_a_document_replaces_its_graph():
    from kg.rdf.build import add_document

    dataset = build_graph([record()])
    before = len(_union(dataset))
    add_document(dataset, record())
    assert len(_union(dataset)) == before


def test_build_quads_are_the_quads_of_build_graph():
    records = [record("d1"), record("d2")]
    assert set(build_quads(records)) == set(to_quads(build_graph(records)))


def test_every_quad_is_in_its_document_graph_once():
    quads = build_quads([record("d1"), record("d2")])
    assert len(quads) == len(set(quads))
    assert {q.graph_name.value for q in quads} == {
        f"https://w3id.org/newskg/id/doc/{d}" for d in ("d1", "d2")
    }


def test_a_repeated_document_keeps_its_last_record():
    later = record("d1", TEXT.replace("Roughly", "About"))
    quads = build_quads([record("d1"), later])
    assert set(quads) == set(build_quads([later]))


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    return union


def _violent(event_type: str, incident_plover: str, incident_cameo: str) -> tuple[str, str, str, str]:
    from dataclasses import replace

    from kg.records import Incident

    base = record()
    event = Event("e3", event_type, _m("d1", 64, 69))
    incident = Incident("i1", "Explosions/Remote violence", plover=incident_plover, cameo=incident_cameo,
                        events=("e3",))  # fmt: skip
    union = _union(build_graph([replace(base, events=(*base.events, event), incidents=(incident,))]))
    node = next(
        s for s, _, o in union.triples((None, KG.trigger, None)) if (s, KG.partOfIncident, None) in union
    )
    return (str(union.value(node, KG.plover)), str(union.value(node, KG.cameo)),
            str(union.value(node, KG.acledEventType)), str(union.value(node, KG.acledSubEventType)))  # fmt: skip


@pytest.mark.parametrize(
    ("event_type", "incident_codes", "expected"),
    [
        # a killing in a bombing incident is a bombing (CAMEO 183, ASSAULT), not conventional force (190, FIGHT)
        ("Killing", ("ASSAULT", "183"), ("ASSAULT", "183")),
        ("Attack", ("FIGHT", "195"), ("FIGHT", "195")),
        # an incident coded by its victims (ACLED's attack on civilians), not a weapon, leaves the type's code
        ("Killing", ("ASSAULT", "180"), ("FIGHT", "190")),
        # an arrest grouped with violence keeps its own code
        ("Arrest", ("ASSAULT", "1724"), ("COERCE", "173")),
    ],
)
def test_a_violent_event_takes_the_codes_of_its_incident(event_type, incident_codes, expected):
    assert _violent(event_type, *incident_codes)[:2] == expected


@pytest.mark.parametrize("event_type", ["Killing", "Arrest", "Protest"])
def test_an_event_in_an_incident_carries_the_incidents_acled_codes(event_type):
    # ACLED codes incidents: every event mention of the incident carries its type and sub-type
    assert _violent(event_type, "ASSAULT", "183")[2:] == ("Explosions/Remote violence", "None")
