"""Network analysis of the knowledge graph: centralities, communities, paths, time slices, reports.

Projections (``event_graph``, ``actor_network``, ``actor_place_map``) come from :mod:`kg.graph.projection`,
which builds them from SPARQL over the RDF graph. Everything here works on plain networkx graphs.

>>> import networkx as nx
>>> g = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
>>> top_nodes(g, measure="weighted_degree", top=1)
[('b', 3.0)]
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.files import write_atomic
from kg.graph.metrics import (
    MEASURES,
    Measure,
    centrality,
    communities,
    core,
    ego_network,
    find_node,
    pagerank,
    shortest_path,
    time_slice,
    top_nodes,
)
from kg.graph.projection import actor_network, actor_place_map, event_graph

__all__ = [
    "MEASURES",
    "AnalysisReport",
    "Measure",
    "actor_network",
    "actor_place_map",
    "analyze",
    "centrality",
    "communities",
    "core",
    "ego_network",
    "event_graph",
    "export_graph",
    "find_node",
    "pagerank",
    "shortest_path",
    "time_slice",
    "top_nodes",
]


@dataclass
class AnalysisReport:
    """Result of :func:`analyze`; ``to_json()`` and ``to_text()`` render it."""

    counts: dict[str, int]
    top: dict[str, list[dict[str, Any]]]
    communities: list[dict[str, Any]] = field(default_factory=list)
    bridges: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False, sort_keys=True)

    def to_text(self) -> str:
        lines = ["Counts: " + ", ".join(f"{k}={v}" for k, v in sorted(self.counts.items()))]
        for measure, rows in self.top.items():
            lines.append(f"Top actors by {measure}:")
            lines += [f"  {i}. {r['label']}  {r['score']:.4g}" for i, r in enumerate(rows, 1)]
        lines.append(f"Communities ({len(self.communities)}):")
        lines += [f"  {c['id']}. " + ", ".join(c["members"]) for c in self.communities]
        lines.append("Bridges between communities:")
        lines += [
            f"  {b['label']} links {b['communities']}  betweenness {b['betweenness']:.4g}"
            for b in self.bridges
        ]
        return "\n".join(lines)


def _bridges(g: nx.Graph, groups: list[set], between: dict, top: int) -> list[dict[str, Any]]:
    """Nodes whose neighbours fall in more than one community, ranked by betweenness."""
    member = {n: i for i, group in enumerate(groups, 1) for n in group}
    found = []
    for n in g:
        linked = sorted({member[m] for m in g[n]} | {member[n]})
        if len(linked) > 1:
            found.append(
                {
                    "node": str(n),
                    "label": g.nodes[n].get("label", str(n)),
                    "communities": linked,
                    "betweenness": between.get(n, 0.0),
                }
            )
    return sorted(found, key=lambda b: (-b["betweenness"], b["node"]))[:top]


def analyze(graph: Graph, *, top: int = 10, seed: int = 42) -> AnalysisReport:
    """Top actors by several measures, Louvain communities and bridges of the actor network.

    >>> from rdflib import Dataset
    >>> analyze(Dataset()).counts["events"]
    0
    """
    events, actors = event_graph(graph), actor_network(graph)
    kinds = [k for _, k in events.nodes(data="kind")]
    counts = {f"{k}s": kinds.count(k) for k in ("actor", "place", "event", "claim")}
    counts["actor_links"] = actors.number_of_edges()
    label = actors.nodes
    ranked: dict[str, list[dict[str, Any]]] = {
        m: [
            {"node": str(n), "label": label[n].get("label", str(n)), "score": s}
            for n, s in top_nodes(actors, measure=m, top=top, seed=seed)
        ]
        for m in MEASURES
    }
    involved = {
        n: len({e for e in events.predecessors(n) if events.nodes[e].get("kind") == "event"}) for n in actors
    }
    ranked["events"] = [
        {"node": str(n), "label": label[n].get("label", str(n)), "score": float(c)}
        for n, c in sorted(involved.items(), key=lambda x: (-x[1], str(x[0])))[:top]
    ]
    groups = communities(actors, seed=seed)
    described = [
        {"id": i, "size": len(c), "members": sorted(label[n].get("label", str(n)) for n in c)}
        for i, c in enumerate(groups, 1)
    ]
    between = centrality(actors, measure="betweenness", seed=seed)
    return AnalysisReport(counts, ranked, described, _bridges(actors, groups, between, top))


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def export_graph(g: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``g`` as GraphML (``.graphml``) or GEXF (``.gexf``), atomically; lists/dicts become JSON
    strings and ``None`` becomes ``""`` because both formats only hold scalars.

    >>> import tempfile, os
    >>> export_graph(nx.Graph([("a", "b")]), os.path.join(tempfile.mkdtemp(), "g.gexf")).suffix
    '.gexf'
    """
    target = Path(path)
    writers = {".graphml": nx.write_graphml, ".gexf": nx.write_gexf}
    if target.suffix.lower() not in writers:
        raise ValueError(f"unsupported extension {target.suffix!r}; use .graphml or .gexf")
    clean = g.__class__()
    clean.graph.update({k: _scalar(v) for k, v in g.graph.items()})
    clean.add_nodes_from((str(n), {k: _scalar(v) for k, v in d.items()}) for n, d in g.nodes(data=True))
    edges = (
        g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, d) for u, v, d in g.edges(data=True))
    )
    for *ends, data in edges:
        u, v, *key = ends
        clean.add_edge(str(u), str(v), *map(str, key), **{k: _scalar(x) for k, x in data.items()})
    buffer = io.BytesIO()
    writers[target.suffix.lower()](clean, buffer)
    return write_atomic(target, buffer.getvalue())  # readable permissions like every other output
