"""Seeded node positions computed once in Python, so the browser needs no physics; fast for large graphs.

>>> import networkx as nx
>>> len(layout(nx.cycle_graph(600), core_size=50))
600
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Hashable, Iterable

import networkx as nx


def _induced(g: nx.Graph, nodes: Iterable[Hashable]) -> nx.Graph:
    """The subgraph on ``nodes`` with nodes and edges in sorted order. networkx's subgraph views iterate small
    node sets in set order, which follows per-process string hashes, and the spring layout's start follows it."""
    keep = set(nodes)
    h = nx.Graph()
    h.add_nodes_from(sorted(keep, key=str))
    h.add_edges_from(sorted(((u, v) for u, v in g.edges(keep) if u in keep and v in keep), key=str))
    return h


def _spring(g: nx.Graph, seed: int) -> dict[Hashable, tuple[float, float]]:
    return {n: (float(x), float(y)) for n, (x, y) in nx.spring_layout(g, seed=seed).items()}


def layout(g: nx.Graph, *, seed: int = 42, core_size: int = 400) -> dict[Hashable, tuple[float, float]]:
    """Seeded positions in about [-1, 1]²: ``spring_layout`` below 500 nodes; above (where it takes tens of
    seconds: 38 s for 2,000 nodes here) springs for the ``core_size`` best-connected nodes, then each other node
    at the mean of its placed neighbours, and leftover components on a spiral around them.

    >>> sorted(layout(nx.path_graph(3)))
    [0, 1, 2]
    """
    # Nodes and edges in a canonical order: the layout depends on it, and query rows (Oxigraph joins through
    # per-process hash maps) come in a different order on each run, which moved nodes between runs.
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g, key=str))
    simple.add_edges_from(sorted((tuple(sorted((u, v), key=str)) for u, v in g.edges()), key=str))
    if len(simple) < 500:
        return _spring(simple, seed) if len(simple) else {}
    rng = random.Random(seed)
    ranked = sorted(simple, key=lambda n: (-simple.degree(n), str(n)))
    pos = _spring(_induced(simple, ranked[:core_size]), seed)
    queue = deque(pos)
    while queue:
        for v in simple[queue.popleft()]:
            if v not in pos:
                near = [pos[w] for w in simple[v] if w in pos]
                pos[v] = tuple(sum(c) / len(near) + rng.uniform(-0.06, 0.06) for c in zip(*near, strict=True))
                queue.append(v)
    left = _induced(simple, [n for n in ranked if n not in pos])
    rest = sorted(nx.connected_components(left), key=lambda c: (len(c), sorted(map(str, c))))
    for i, component in enumerate(reversed(rest)):
        angle, radius = i * 2.39996, 1.3 + 0.02 * math.sqrt(i)  # golden-angle spiral
        local = (
            _spring(_induced(simple, component), seed)
            if len(component) > 1
            else {next(iter(component)): (0, 0)}
        )
        spread = 0.03 * math.sqrt(len(component))
        for n, (x, y) in local.items():
            pos[n] = (radius * math.cos(angle) + spread * x, radius * math.sin(angle) + spread * y)
    return pos
