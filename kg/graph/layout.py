"""Seeded node positions for the HTML view, computed once in Python so the browser needs no physics.

>>> import networkx as nx
>>> len(layout(nx.cycle_graph(600)))
600
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx


def layout(g: nx.Graph, *, seed: int = 42) -> dict[Hashable, tuple[float, float]]:
    """Seeded spring-layout positions in about [-1, 1]² (networkx with scipy, a required dependency); the same
    seed gives the same positions.

    >>> sorted(layout(nx.path_graph(3)))
    [0, 1, 2]
    """
    simple = nx.Graph(g.to_undirected()) if g.is_directed() or g.is_multigraph() else g
    if not len(simple):
        return {}
    return {n: (float(x), float(y)) for n, (x, y) in nx.spring_layout(simple, seed=seed).items()}
