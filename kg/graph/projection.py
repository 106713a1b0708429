"""Networkx projections of the RDF graph, built from the named SPARQL files ``kg/queries/projection_*.rq``.

Nodes are keyed by IRI string and carry ``label``, ``kind`` (actor|place|event|claim), ``entity_type``
(the most specific ``kg:`` class or event type), ``iri`` and ``evidence``: a list of
``{"sentence", "document", "start", "end", "anchor"}`` dicts (``start``/``end`` are the offsets of
``sentence`` in the document). Events also carry ``event_type``, ``date``, ``certainty``, ``speaker``.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from functools import cache
from typing import Any

import networkx as nx
import pyoxigraph
from rdflib import Dataset, Graph
from rdflib.graph import ConjunctiveGraph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from kg.rdf.query import named_query, run_query
from kg.records import ACTOR_KINDS, PLACE_KINDS

# The kinds come from one place (kg.records); the abstract classes are added for graphs typed only that far.
ACTOR_TYPES = ACTOR_KINDS | {"Actor"}
PLACE_TYPES = PLACE_KINDS - {"Country"} | {"Place"}
PLACE_ROLES = frozenset({"place", "origin", "destination"})
ACTOR_ROLES = ("agent", "target", "theme", "recipient")


@cache
def _query(name: str) -> Query:
    return prepareQuery(named_query(f"projection_{name}"))


def _rows(graph: Graph | pyoxigraph.Store, name: str) -> list[dict[str, Any]]:
    """Run a projection query over the union of all named graphs; rows as dicts of Python values."""
    if isinstance(graph, pyoxigraph.Store):  # a store or a loaded file: the query runs in Oxigraph
        result = run_query(graph, named_query(f"projection_{name}"))
        return [dict(zip(result.variables, row, strict=True)) for row in result.rows]
    if isinstance(graph, ConjunctiveGraph) and not graph.default_union:
        # A view on the same store: no copy, and the caller's Dataset is left untouched.
        graph = Dataset(store=graph.store, default_union=True)
    with warnings.catch_warnings():
        # rdflib 7's own Dataset.triples reads its deprecated default_context on every union lookup
        warnings.filterwarnings("ignore", "Dataset.default_context is deprecated", DeprecationWarning)
        answer = graph.query(_query(name))
        names = [str(v) for v in answer.vars or []]
        rows = list(answer)
    return [{k: (None if v is None else str(v)) for k, v in zip(names, row, strict=True)} for row in rows]  # type: ignore[arg-type]  # SELECT rows


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _evidence(graph: Graph | pyoxigraph.Store) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(graph, "evidence"):
        has_sentence = row["sentence"] is not None
        start = row["sentenceStart"] if has_sentence else row["start"]
        end = row["sentenceEnd"] if has_sentence else row["end"]
        item = {
            "sentence": row["sentence"] if has_sentence else (row["anchor"] or ""),
            "document": row["docId"] or row["document"] or "",
            "start": None if start is None else int(start),
            "end": None if end is None else int(end),
            "anchor": row["anchor"] or "",
        }
        if item not in found[row["node"]]:
            found[row["node"]].append(item)
    return found


def _entities(
    graph: Graph | pyoxigraph.Store, evidence: dict[str, list[dict[str, Any]]]
) -> dict[str, dict[str, Any]]:
    classes: dict[str, set[str]] = defaultdict(set)
    attrs: dict[str, dict[str, Any]] = {}
    for row in _rows(graph, "nodes"):
        node = row["node"]
        classes[node].add(_local(row["class"]))
        info = attrs.setdefault(node, {"label": row["label"] or _local(node), "iri": node})
        if row["latitude"] is not None:
            info["latitude"], info["longitude"] = float(row["latitude"]), float(row["longitude"])
    for node, names in classes.items():
        info = attrs[node]
        info["kind"] = "claim" if "Claim" in names else "actor" if names & ACTOR_TYPES else "place"
        specific = sorted(names - {"Actor", "Place"}) or sorted(names)
        info["entity_type"] = "Country" if "Country" in names else specific[0]
        info["evidence"] = evidence.get(node, [])
    return attrs


def _events(
    graph: Graph | pyoxigraph.Store, evidence: dict[str, list[dict[str, Any]]]
) -> dict[str, dict[str, Any]]:
    events: dict[str, dict[str, Any]] = {}
    for row in _rows(graph, "events"):
        info = events.setdefault(row["event"], {"iri": row["event"], "kind": "event", "speaker": None})
        type_name = _local(row["type"]) if row["type"] else None
        values = {
            "label": row["label"] or row["trigger"] or row["typeLabel"] or type_name or "event",
            "event_type": type_name or "Event",
            "date": (row["date"] or row["startDate"] or "")[:10] or None,
            "certainty": row["certainty"] or "asserted",
            "polarity": row["polarity"] or "positive",
        }
        for key, value in values.items():
            info.setdefault(key, value)  # first row wins: rows are ordered, so this is deterministic
        info["entity_type"] = info["event_type"]
        info["evidence"] = evidence.get(row["event"], [])
    return events


def _add_node(g: nx.Graph, node: str, info: dict[str, Any] | None, fallback_kind: str) -> None:
    if node in g:
        return
    attrs = dict(info) if info else {"label": _local(node), "iri": node, "evidence": []}
    attrs.setdefault("kind", fallback_kind)
    attrs.setdefault("entity_type", str(attrs["kind"]).capitalize())
    g.add_node(node, **attrs)


def _claims(graph: Graph | pyoxigraph.Store, g: nx.MultiDiGraph, entities: dict[str, dict[str, Any]]) -> None:
    """Add speaker -says-> claim -about-> content edges and set each event's ``speaker``."""
    for row in _rows(graph, "claims"):
        claim, speaker, content = row["claim"], row["speaker"], row["content"]
        speaker_label = entities.get(speaker, {}).get("label") if speaker else None
        info = dict(entities.get(claim, {"iri": claim, "evidence": []}))
        info.update(kind="claim", entity_type="Claim", speaker=speaker_label)
        info.update(certainty=row["certainty"] or "claimed", date=(row["date"] or "")[:10] or None)
        info["label"] = f"{speaker_label or 'someone'} {row['verb'] or 'says'}"
        if claim in g:  # also typed kg:Event (a speech act): keep its event data, draw it as a claim
            g.nodes[claim].update(kind="claim", speaker=speaker_label)
        else:
            g.add_node(claim, **info)
        if speaker:
            _add_node(g, speaker, entities.get(speaker), "actor")
            g.add_edge(speaker, claim, key="says", role="says", label="says")
        if row.get("subject") and row["subject"] in entities:  # kg:about: who or what the statement concerns
            _add_node(g, row["subject"], entities.get(row["subject"]), "actor")
            g.add_edge(claim, row["subject"], key="mentions", role="mentions", label="mentions")
        if content:
            _add_node(g, content, entities.get(content), "event")
            g.add_edge(claim, content, key="about", role="about", label="about")
            if g.nodes[content].get("kind") == "event" and g.nodes[content].get("speaker") is None:
                g.nodes[content]["speaker"] = speaker_label


def event_graph(graph: Graph | pyoxigraph.Store, *, claims: bool = True) -> nx.MultiDiGraph:
    """Project events, their participants and places (and claims) into a directed multigraph.

    Edges go event -> actor labelled agent/target/theme/recipient and event -> place labelled
    place/origin/destination; with ``claims``, speaker -says-> claim -about-> event.

    >>> from rdflib import Dataset
    >>> event_graph(Dataset()).number_of_nodes()
    0
    """
    evidence = _evidence(graph)
    entities = _entities(graph, evidence)
    events = _events(graph, evidence)
    g = nx.MultiDiGraph()
    for event, info in events.items():
        g.add_node(event, **info)
    for row in _rows(graph, "roles"):
        fallback = "place" if row["role"] in PLACE_ROLES else "actor"
        _add_node(g, row["node"], entities.get(row["node"]), fallback)
        g.add_edge(row["event"], row["node"], key=row["role"], role=row["role"], label=row["role"])
    if claims:
        _claims(graph, g, entities)
    return g


def _participants(g: nx.MultiDiGraph, roles: frozenset[str] | tuple[str, ...]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for event, node, role in g.edges(data="role"):
        if role in roles and g.nodes[event].get("kind") == "event":
            found[event].add(node)
    return found


def _copy_nodes(target: nx.Graph, source: nx.Graph, nodes: set[str]) -> None:
    for node in sorted(nodes):
        target.add_node(node, **source.nodes[node])


def actor_network(graph: Graph | pyoxigraph.Store) -> nx.Graph:
    """Actors linked when they take part in the same event; ``weight`` = number of shared events.

    Each edge also lists the shared ``events`` (IRIs), their ``dates`` and their ``evidence``.

    >>> from rdflib import Dataset
    >>> actor_network(Dataset()).number_of_edges()
    0
    """
    events = event_graph(graph, claims=False)
    g = nx.Graph()
    for event, actors in sorted(_participants(events, ACTOR_ROLES).items()):
        _copy_nodes(g, events, actors)
        ordered = sorted(actors)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                data = g.get_edge_data(a, b) or {"weight": 0, "events": [], "dates": [], "evidence": []}
                data["weight"] += 1
                data["events"].append(event)
                data["dates"].append(events.nodes[event].get("date"))
                data["evidence"].extend(events.nodes[event].get("evidence", []))
                g.add_edge(a, b, **data)
    return g


def actor_place_map(graph: Graph | pyoxigraph.Store) -> nx.Graph:
    """Bipartite actor-place graph: an edge when an event has the actor as participant and the place
    as place/origin/destination; ``weight`` = number of such events, ``roles`` = the place roles seen.

    >>> from rdflib import Dataset
    >>> actor_place_map(Dataset()).number_of_nodes()
    0
    """
    events = event_graph(graph, claims=False)
    actors, places = _participants(events, ACTOR_ROLES), _participants(events, PLACE_ROLES)
    g = nx.Graph()
    for event in sorted(set(actors) & set(places)):
        for actor in sorted(actors[event]):
            for place in sorted(places[event] - {actor}):
                for node, side in ((actor, "actor"), (place, "place")):
                    if node not in g:
                        g.add_node(node, **{**events.nodes[node], "bipartite": side})
                roles = {r for r in PLACE_ROLES if events.has_edge(event, place, key=r)}
                data = g.get_edge_data(actor, place) or {"weight": 0, "roles": []}
                data["weight"] += 1
                data["roles"] = sorted(set(data["roles"]) | roles)
                g.add_edge(actor, place, **data)
    return g
