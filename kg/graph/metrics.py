"""Graph metrics in the networkx style (networkx only, no rdflib): centralities, communities, paths,
ego networks, k-cores and time slices. Used by :mod:`kg.graph.analysis` and :mod:`kg.graph.viz`.

>>> import networkx as nx
>>> g = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
>>> top_nodes(g, measure="weighted_degree", top=1)
[('b', 3.0)]
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from typing import Any, Literal

import networkx as nx

Measure = Literal["degree", "weighted_degree", "betweenness", "pagerank"]
MEASURES: tuple[Measure, ...] = ("degree", "weighted_degree", "betweenness", "pagerank")


def centrality(g: nx.Graph, *, measure: Measure = "pagerank", weight: str = "weight", seed: int = 42) -> dict:
    """Score every node; ``betweenness`` samples 500 pivots (seeded) above 1,000 nodes.

    >>> centrality(nx.path_graph(3), measure="degree")
    {0: 1.0, 1: 2.0, 2: 1.0}
    """
    if g.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(g) if g.is_multigraph() else g
    if measure == "degree":
        return {n: float(d) for n, d in g.degree()}
    if measure == "weighted_degree":
        return {n: float(d) for n, d in g.degree(weight=weight)}
    if measure == "betweenness":
        k = 500 if simple.number_of_nodes() > 1000 else None
        return nx.betweenness_centrality(simple.to_undirected(as_view=True), k=k, seed=seed)
    if measure == "pagerank":
        return pagerank(simple, weight=weight)
    raise ValueError(f"unknown measure {measure!r}; expected one of {MEASURES}")


def top_nodes(
    g: nx.Graph, *, measure: Measure = "pagerank", top: int = 10, seed: int = 42
) -> list[tuple[Hashable, float]]:
    """The ``top`` nodes by ``measure``, ties broken by node key so results are stable.

    >>> top_nodes(nx.star_graph(3), measure="degree", top=1)
    [(0, 3.0)]
    """
    scores = centrality(g, measure=measure, seed=seed)
    return sorted(scores.items(), key=lambda item: (-item[1], str(item[0])))[:top]


def communities(g: nx.Graph, *, seed: int = 42, resolution: float = 1.0) -> list[set]:
    """Louvain communities (weighted, seeded), largest first.

    >>> sorted(map(sorted, communities(nx.Graph([(1, 2), (3, 4)]))))
    [[1, 2], [3, 4]]
    """
    if g.number_of_nodes() == 0:
        return []
    undirected = nx.Graph(g.to_undirected()) if g.is_directed() or g.is_multigraph() else g
    found = nx.community.louvain_communities(undirected, weight="weight", resolution=resolution, seed=seed)
    return sorted(found, key=lambda c: (-len(c), sorted(map(str, c))))


def find_node(g: nx.Graph, name: str) -> Hashable:
    """Resolve a node by key, IRI or case-insensitive label; raise ``KeyError`` if none matches.

    >>> find_node(nx.Graph([("x:1", "x:2")]), "x:2")
    'x:2'
    """
    if name in g:
        return name
    wanted = name.casefold()
    for node, label in sorted(g.nodes(data="label"), key=lambda item: str(item[0])):
        if str(label).casefold() == wanted or str(node).casefold() == wanted:
            return node
    raise KeyError(f"no node with key or label {name!r}")


def shortest_path(g: nx.Graph, source: str, target: str) -> list[Hashable]:
    """Shortest path between two nodes (by key or label), ignoring edge direction.

    >>> shortest_path(nx.DiGraph([("a", "b"), ("c", "b")]), "a", "c")
    ['a', 'b', 'c']
    """
    undirected = g.to_undirected(as_view=True) if g.is_directed() else g
    return nx.shortest_path(undirected, find_node(g, source), find_node(g, target))


def ego_network(g: nx.Graph, center: str, *, radius: int = 1) -> nx.Graph:
    """The subgraph within ``radius`` hops of ``center`` (by key or label), ignoring direction.

    >>> sorted(ego_network(nx.path_graph(5), 2, radius=1))
    [1, 2, 3]
    """
    return nx.ego_graph(g, find_node(g, center), radius=radius, undirected=True).copy()


def core(g: nx.Graph, *, k: int | None = None) -> nx.Graph:
    """The k-core (main core when ``k`` is None) of the simple undirected version of ``g``.

    >>> sorted(core(nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)])))
    [1, 2, 3]
    """
    simple = nx.Graph(g.to_undirected()) if g.is_directed() or g.is_multigraph() else nx.Graph(g)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    return nx.k_core(simple, k=k)


def _as_date(value: Any) -> date | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD…`` (periods start on their first day)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value)[:10]
    parts = (text.split("-") + ["01", "01"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def time_slice(g: nx.Graph, start: str | date | None = None, end: str | date | None = None) -> nx.Graph:
    """Keep dated nodes (events, claims) whose ``date`` is within [start, end], drop the others, then drop
    nodes that lost all their neighbours. Undated nodes stay. Edges with a ``dates`` list (actor network)
    are kept when one of their dates is in range.

    >>> g = nx.DiGraph([("e1", "a"), ("e2", "b")])
    >>> nx.set_node_attributes(g, {"e1": "2026-01-19", "e2": "2025-12-28"}, "date")
    >>> sorted(time_slice(g, "2026-01-01", "2026-01-31"))
    ['a', 'e1']
    """
    low, high = _as_date(start) or date.min, _as_date(end) or date.max

    def inside(value: Any) -> bool:
        day = _as_date(value)
        return day is None or low <= day <= high

    out = g.copy()
    out.remove_nodes_from([n for n, d in g.nodes(data="date") if not inside(d)])
    edges = out.edges(keys=True, data="dates") if out.is_multigraph() else out.edges(data="dates")
    out.remove_edges_from([e[:-1] for e in edges if e[-1] and not any(inside(x) for x in e[-1])])
    orphans = [n for n in out if out.degree(n) == 0 and g.degree(n) > 0]
    out.remove_nodes_from(orphans)
    return out


def pagerank(g: nx.Graph, *, alpha: float = 0.85, weight: str = "weight", tol: float = 1.0e-10) -> dict:
    """PageRank (networkx's, which uses scipy, a required dependency); an empty graph has none.

    >>> round(pagerank(nx.star_graph(2))[0], 3)
    0.486
    """
    if g.number_of_nodes() == 0:
        return {}
    return nx.pagerank(g, alpha=alpha, weight=weight, tol=tol, max_iter=1000)
