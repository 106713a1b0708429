"""Tests for kg.graph.projection / kg.graph.analysis on a small hand-built Dataset that follows docs/rdf-model.md."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal, Namespace, URIRef

from kg.graph import analysis
from kg.graph.projection import _query, _rows

KG = Namespace("https://w3id.org/newskg/ns#")
EVT = Namespace("https://w3id.org/newskg/event-type/")
SDO = Namespace("https://schema.org/")
ID = Namespace("https://w3id.org/newskg/id/")

ACTORS = {
    "isis": ("ArmedGroup", "Islamic State"),
    "sdf": ("ArmedGroup", "Syrian Democratic Forces"),
    "usa": ("Country", "United States"),
    "syria-gov": ("Government", "Syrian government"),
    "tom-barrack": ("Person", "Tom Barrack"),
    "iraq": ("Country", "Iraq"),
}
PLACES = {"hasakah": ("City", "Hasakah"), "al-hol": ("Facility", "al-Hol camp")}
# event key -> (doc, type, date, certainty, {role: node key})
EVENTS = {
    "e1": (
        "d1",
        "PrisonBreak",
        "2026-01-19",
        "asserted",
        {"agent": "isis", "target": "sdf", "place": "hasakah"},
    ),
    "e2": (
        "d1",
        "Transfer",
        "2026-01-21",
        "asserted",
        {"agent": "usa", "theme": "isis", "origin": "al-hol", "destination": "iraq"},
    ),
    "e3": ("d1", "Attack", "2025-12-28", "claimed", {"agent": "syria-gov", "target": "sdf"}),
    "e4": ("d2", "Attack", "2026-02-01", "asserted", {"agent": "sdf", "target": "isis", "place": "hasakah"}),
}
SENTENCE = "Sentence about {key} in {doc}."


def _entity(g, key: str, cls: str, label: str, doc: str, kind: str) -> URIRef:
    node = ID[f"{kind}/{key}"]
    g.add((node, RDF.type, KG[cls]))
    g.add((node, RDFS.label, Literal(label)))
    _mention(g, node, doc, label)
    return node


def _mention(g, node: URIRef, doc: str, text: str) -> None:
    sentence_text = SENTENCE.format(key=text, doc=doc)
    start = sum(map(ord, text)) % 500  # deterministic, distinct offsets per mention
    sentence = ID[f"doc/{doc}#char={start},{start + len(sentence_text)}"]
    mention = ID[f"doc/{doc}#char={start + 15},{start + 15 + len(text)}"]
    for iri, a, b, anchor, cls in (
        (sentence, start, start + len(sentence_text), sentence_text, KG.Sentence),
        (mention, start + 15, start + 15 + len(text), text, KG.Mention),
    ):
        g.add((iri, RDF.type, cls))
        g.add((iri, KG.document, ID[f"doc/{doc}"]))
        g.add((iri, KG.startChar, Literal(a)))
        g.add((iri, KG.endChar, Literal(b)))
        g.add((iri, KG.anchorOf, Literal(anchor)))
    g.add((mention, KG.inSentence, sentence))
    g.add((node, KG.mention, mention))


def build_dataset() -> Dataset:
    ds = Dataset()
    graphs = {doc: ds.graph(ID[f"doc/{doc}"]) for doc in ("d1", "d2")}
    for doc, g in graphs.items():
        g.add((ID[f"doc/{doc}"], RDF.type, SDO.NewsArticle))
        g.add((ID[f"doc/{doc}"], SDO.identifier, Literal(doc)))
        for key, (cls, label) in ACTORS.items():
            _entity(g, key, cls, label, doc, "actor")
        for key, (cls, label) in PLACES.items():
            _entity(g, key, cls, label, doc, "place")
    for key, (doc, etype, day, certainty, roles) in EVENTS.items():
        g, event = graphs[doc], ID[f"event/{doc}/{key}"]
        g.add((event, RDF.type, KG.Event))
        g.add((event, KG.eventType, EVT[etype]))
        g.add((event, RDFS.label, Literal(etype.lower())))
        g.add((event, KG.date, Literal(day, datatype=XSD.date)))
        g.add((event, KG.certainty, Literal(certainty)))
        for role, node in roles.items():
            g.add((event, KG[role], ID[f"{'place' if node in PLACES else 'actor'}/{node}"]))
        _mention(g, event, doc, f"{etype} trigger")
    d1 = graphs["d1"]
    d1.add((EVT.Attack, SKOS.prefLabel, Literal("attack")))
    claim = ID["claim/d1/c1"]
    for p, o in (
        (RDF.type, KG.Claim),
        (KG.speaker, ID["actor/tom-barrack"]),
        (KG.claimContent, ID["event/d1/e3"]),
        (KG.reportingVerb, Literal("said")),
        (KG.certainty, Literal("claimed")),
    ):
        d1.add((claim, p, o))
    return ds


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return build_dataset()


@pytest.fixture(scope="module")
def events(ds: Dataset) -> nx.MultiDiGraph:
    return analysis.event_graph(ds)


def _key(name: str) -> str:
    kind = "place" if name in PLACES else "event" if name in EVENTS else "actor"
    if kind == "event":
        return str(ID[f"event/{EVENTS[name][0]}/{name}"])
    return str(ID[f"{kind}/{name}"])


@pytest.mark.parametrize(
    ("event", "node", "role"),
    [(e, n, r) for e, spec in EVENTS.items() for r, n in spec[4].items()],
)
def test_event_graph_links_each_participant_with_its_role(events, event, node, role):
    assert events.has_edge(_key(event), _key(node), key=role)
    assert events.edges[_key(event), _key(node), role]["label"] == role


@pytest.mark.parametrize(
    ("name", "kind", "entity_type"),
    [
        ("isis", "actor", "ArmedGroup"),
        ("iraq", "actor", "Country"),
        ("hasakah", "place", "City"),
        ("al-hol", "place", "Facility"),
        ("e1", "event", "PrisonBreak"),
    ],
)
def test_nodes_carry_kind_type_label_and_iri(events, name, kind, entity_type):
    data = events.nodes[_key(name)]
    assert (data["kind"], data["entity_type"], data["iri"]) == (kind, entity_type, _key(name))
    assert data["label"]


def test_events_carry_type_date_certainty_and_speaker(events):
    e3 = events.nodes[_key("e3")]
    assert (e3["event_type"], e3["date"], e3["certainty"], e3["speaker"]) == (
        "Attack",
        "2025-12-28",
        "claimed",
        "Tom Barrack",
    )
    assert events.nodes[_key("e1")]["speaker"] is None


def test_claims_link_speaker_to_claim_to_event(events):
    claim = str(ID["claim/d1/c1"])
    assert events.has_edge(_key("tom-barrack"), claim, key="says")
    assert events.has_edge(claim, _key("e3"), key="about")
    assert events.nodes[claim]["kind"] == "claim"


def test_evidence_gives_sentence_document_and_offsets(events):
    evidence = events.nodes[_key("sdf")]["evidence"]
    assert {e["document"] for e in evidence} == {"d1", "d2"}
    for item in evidence:
        assert item["sentence"] == SENTENCE.format(key="Syrian Democratic Forces", doc=item["document"])
        assert item["end"] - item["start"] == len(item["sentence"])


def test_projection_reads_the_union_of_named_graphs_without_changing_the_dataset(ds, events):
    assert _key("e4") in events
    assert ds.default_union is False


def test_rdf_type_classes_do_not_become_nodes(events):
    assert not any(str(n).startswith(str(KG)) for n in events)
    assert {k for _, k in events.nodes(data="kind")} == {"actor", "place", "event", "claim"}


def test_actor_network_weights_count_shared_events(ds):
    g = analysis.actor_network(ds)
    assert g.edges[_key("isis"), _key("sdf")]["weight"] == 2
    assert g.edges[_key("usa"), _key("isis")]["weight"] == 1
    assert _key("hasakah") not in g


def test_actor_place_map_links_actors_to_event_places(ds):
    g = analysis.actor_place_map(ds)
    assert g.edges[_key("isis"), _key("hasakah")]["weight"] == 2
    assert g.edges[_key("usa"), _key("iraq")]["roles"] == ["destination"]


@pytest.mark.parametrize(
    ("name", "columns", "expected"),
    [
        ("roles", ("event", "role", "node"), sum(len(e[4]) for e in EVENTS.values())),
        ("events", ("event",), len(EVENTS)),
        ("claims", ("claim",), 1),
        ("nodes", ("node",), len(ACTORS) + len(PLACES) + 1),
        ("evidence", ("node",), len(ACTORS) + len(PLACES) + len(EVENTS)),
    ],
)
def test_projection_queries_return_expected_rows(ds, name, columns, expected):
    rows = _rows(ds, name)
    assert len({tuple(r[c] for c in columns) for r in rows}) == expected
    assert _query(name) is _query(name)


@pytest.mark.parametrize("measure", analysis.MEASURES)
def test_top_nodes_are_ranked_and_stable(ds, measure):
    g = analysis.actor_network(ds)
    first = analysis.top_nodes(g, measure=measure, top=3)
    assert first == analysis.top_nodes(g, measure=measure, top=3)
    assert [s for _, s in first] == sorted((s for _, s in first), reverse=True)


def test_communities_are_reproducible_with_a_seed(ds):
    g = analysis.actor_network(ds)
    assert analysis.communities(g, seed=1) == analysis.communities(g, seed=1)
    assert set().union(*analysis.communities(g)) == set(g)


def test_paths_and_ego_networks_accept_labels(events):
    path = analysis.shortest_path(events, "United States", "Syrian Democratic Forces")
    assert path[0] == _key("usa") and path[-1] == _key("sdf")
    ego = analysis.ego_network(events, "islamic state", radius=1)
    assert _key("e1") in ego and _key("e3") not in ego
    with pytest.raises(KeyError):
        analysis.find_node(events, "nobody")


def test_core_keeps_the_densest_part():
    g = nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)])
    assert set(analysis.core(g, k=2)) == {1, 2, 3}


@pytest.mark.parametrize(
    ("start", "end", "kept", "dropped"),
    [
        ("2026-01-01", "2026-01-31", ["e1", "e2", "isis"], ["e3", "e4", "syria-gov"]),
        ("2025-12", "2025-12-31", ["e3", "syria-gov", "sdf"], ["e1", "e4", "usa"]),
        (None, None, ["e1", "e3", "e4"], []),
    ],
)
def test_time_slice_keeps_events_in_range(events, start, end, kept, dropped):
    sliced = analysis.time_slice(events, start, end)
    assert all(_key(k) in sliced for k in kept)
    assert not any(_key(d) in sliced for d in dropped)


def test_time_slice_filters_actor_network_edges_by_dates(ds):
    sliced = analysis.time_slice(analysis.actor_network(ds), "2026-01-20", "2026-01-31")
    assert set(sliced) == {_key("usa"), _key("isis")}


def test_analyze_reports_top_actors_communities_and_bridges(ds):
    report = analysis.analyze(ds, top=3, seed=7)
    data = json.loads(report.to_json())
    assert data["counts"]["events"] == len(EVENTS) and data["counts"]["claims"] == 1
    assert set(data["top"]) == {*analysis.MEASURES, "events"}
    assert data["top"]["events"][0]["label"] in {"Islamic State", "Syrian Democratic Forces"}
    assert sum(c["size"] for c in data["communities"]) == analysis.actor_network(ds).number_of_nodes()
    assert "Top actors by pagerank" in report.to_text()
    assert report.to_json() == analysis.analyze(ds, top=3, seed=7).to_json()


@pytest.mark.parametrize(("suffix", "reader"), [(".graphml", nx.read_graphml), (".gexf", nx.read_gexf)])
def test_export_graph_writes_scalar_attributes(events, tmp_path: Path, suffix, reader):
    path = analysis.export_graph(events, tmp_path / f"graph{suffix}")
    back = reader(path)
    assert back.number_of_nodes() == events.number_of_nodes()
    assert json.loads(back.nodes[_key("isis")]["evidence"])[0]["document"] == "d1"
    assert [p.name for p in tmp_path.iterdir()] == [f"graph{suffix}"]


def test_export_graph_rejects_unknown_extensions(events, tmp_path: Path):
    with pytest.raises(ValueError, match="graphml"):
        analysis.export_graph(events, tmp_path / "graph.csv")
