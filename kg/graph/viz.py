"""Self-contained, offline, XSS-safe interactive HTML for a networkx graph.

pyvis builds the vis-network node/edge/option dicts; the page itself comes from our own template
(``kg/graph/templates/graph.html``) with the vendored vis-network UMD build inlined, a strict
Content-Security-Policy (``default-src 'none'``, nonce'd inline code) and all data in one JSON block.
Nodes are expected to carry ``label``, ``kind``, ``iri`` and ``evidence`` (see :mod:`kg.graph.projection`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
from collections.abc import Hashable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.files import write_atomic
from kg.graph.layout import layout
from kg.graph.metrics import MEASURES, centrality

KIND_STYLES: dict[str, dict[str, str]] = {
    "actor": {"color": "#4e79a7", "shape": "dot"},
    "place": {"color": "#59a14f", "shape": "triangle"},
    "event": {"color": "#f28e2b", "shape": "diamond"},
    "claim": {"color": "#b07aa1", "shape": "star"},
}
OTHER_STYLE = {"color": "#9c9c9c", "shape": "square"}
DETAIL_KEYS = (
    "label",
    "kind",
    "entity_type",
    "event_type",
    "date",
    "certainty",
    "speaker",
    "iri",
    "evidence",
)
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
    "/": "\\/",
}


def _template(name: str) -> str:
    return resources.files("kg.graph").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _vis_js() -> tuple[str, tuple[str, ...]]:
    """The vendored vis-network build made inert for inlining, and CSP hashes of the CSS it injects.

    ``://`` becomes ``:\\/\\/`` (the same string in JS strings, regexes and comments) so the page holds no
    URL at all, and the source-map comment, the only reference to another file, is dropped.
    """
    js = _template("vis-network.min.js")
    js = re.sub(r"//# sourceMappingURL=\S*\s*$", "", js).replace("://", ":\\/\\/")
    injector = re.search(r"function (\w+)\(\w,\w\)\{void 0===\w&&\(\w=\{\}\);var \w=\w\.insertAt", js)
    styles: list[str] = []
    if injector:  # vis-network adds <style> elements at load; allow exactly those by hash
        pattern = rf"""(?<![\w$.]){injector.group(1)}\((?:"([^"\\]*)"|'([^'\\]*)')\)"""
        # "" too: the injector appends an empty <style> first and its text node afterwards.
        styles = ["", *(a or b for a, b in re.findall(pattern, js))]
    hashes = tuple(base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in styles)
    return js, hashes


def _safe_json(payload: Any) -> str:
    """JSON that cannot end its ``<script>`` block, open markup or spell a URL."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
    return re.sub("[<>&\u2028\u2029/]", lambda m: _JSON_ESCAPES[m.group()], text)


def _node_id(node: Hashable) -> str:
    return "n" + hashlib.sha256(str(node).encode()).hexdigest()[:16]


def _scores(g: nx.Graph, size_by: str, seed: int) -> dict[Hashable, float]:
    values = dict(g.nodes(data=size_by))
    if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values.values()):
        return {n: float(v) for n, v in values.items()}
    if size_by not in MEASURES:
        raise ValueError(f"size_by must be a numeric node attribute or one of {MEASURES}, got {size_by!r}")
    return centrality(g, measure=size_by, seed=seed)


def _details(data: Mapping[str, Any], node: Hashable, score: float) -> dict[str, Any]:
    details = {k: data[k] for k in DETAIL_KEYS if data.get(k) not in (None, "", [])}
    details.setdefault("label", str(node))
    details.setdefault("kind", "node")
    details["score"] = round(score, 6)
    return details


def _edge_groups(g: nx.Graph) -> dict[tuple[Hashable, Hashable], list[dict[str, Any]]]:
    """One drawn edge per node pair (vis would stack parallel straight edges on top of each other)."""
    groups: dict[tuple[Hashable, Hashable], list[dict[str, Any]]] = {}
    for u, v, data in g.edges(data=True):
        groups.setdefault((u, v), []).append(data)
    return groups


def _edge(g: nx.Graph, ids: dict[Hashable, str], u: Hashable, v: Hashable, items: list[dict]) -> dict:
    roles = sorted({str(d.get("label") or d.get("role") or "") for d in items} - {""})
    weight = sum(float(d.get("weight", 1)) for d in items)
    source = next((n for n in (u, v) if g.nodes[n].get("kind") in ("event", "claim")), None)
    evidence = [e for d in items for e in d.get("evidence") or []]
    label = ", ".join(roles) or ("" if weight == 1 else f"{weight:g}")
    details: dict[str, Any] = {"roles": roles or ["linked"], "weight": weight, "evidence": evidence[:20]}
    if source is not None:
        details["evidenceFrom"] = ids[source]
    return {
        "label": label,
        "width": round(1 + min(math.log2(weight), 5), 2) if weight > 1 else 1,
        "details": details,
    }


def _options(net: Network, directed: bool, big: bool) -> dict[str, Any]:
    options = json.loads(net.options.to_json())
    options["physics"] = {"enabled": False}
    options["layout"] = {"improvedLayout": False}
    options["edges"] = {
        "smooth": False,
        "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
        "font": {"size": 9, "align": "middle"},
        "color": {"color": "#9aa5b1"},
    }
    options["nodes"] = {"font": {"size": 12}}
    options["interaction"] = {"hover": not big, "hideEdgesOnDrag": big, "tooltipDelay": 200}
    return options


def _payload(
    g: nx.Graph,
    title: str,
    size_by: str,
    max_nodes: int,
    seed: int,
    pos: Mapping[Hashable, tuple[float, float]] | None,
) -> dict[str, Any]:
    scores = _scores(g, size_by, seed)
    # scores rounded: a centrality summed in another node order differs in the last bits, which changed
    # the kept nodes at the cut (and so every position) from one run to the next
    keep = sorted(g, key=lambda n: (-round(scores.get(n, 0.0), 9), str(n)))[:max_nodes]
    sub = g.subgraph(keep)
    pos = pos or layout(sub, seed=seed)
    ids = {n: _node_id(n) for n in sub}
    if len(set(ids.values())) != len(ids):
        raise ValueError("node id hash collision; rename nodes")
    low, high = min(scores.values(), default=0.0), max(scores.values(), default=0.0)
    scale = 90 * math.sqrt(max(len(sub), 4))
    net = Network(directed=sub.is_directed())
    for n in sub:
        data, style = sub.nodes[n], KIND_STYLES.get(sub.nodes[n].get("kind"), OTHER_STYLE)
        size = 10 + 30 * ((scores.get(n, 0.0) - low) / (high - low) if high > low else 0.2)
        label = str(data.get("label", n))
        net.add_node(
            ids[n],
            label=label if len(label) <= 40 else label[:39] + "\u2026",
            shape=style["shape"],
            color=style["color"],
            size=round(size, 2),
            x=round(pos[n][0] * scale, 1),
            y=round(pos[n][1] * scale, 1),
            physics=False,
            details=_details(data, n, scores.get(n, 0.0)),
        )
    for i, ((u, v), items) in enumerate(
        sorted(_edge_groups(sub).items(), key=lambda kv: (ids[kv[0][0]], ids[kv[0][1]]))
    ):
        edge = _edge(sub, ids, u, v, items)
        net.add_edge(ids[u], ids[v], id=f"e{i}", **edge)
    kinds = sorted({d.get("kind", "node") for _, d in sub.nodes(data=True)})
    values = {
        k: sorted({str(d[k]) for _, d in sub.nodes(data=True) if d.get(k)})
        for k in ("event_type", "certainty")
    }
    actors = [
        (ids[n], str(d.get("label", n))) for n, d in sub.nodes(data=True) if d.get("kind") in (None, "actor")
    ]
    meta = {
        "title": title,
        "sizeBy": size_by,
        "totalNodes": len(g),
        "shownNodes": len(sub),
        "cut": len(sub) < len(g),
        "kinds": {k: KIND_STYLES.get(k, OTHER_STYLE) for k in kinds},
        "eventTypes": values["event_type"],
        "certainties": values["certainty"],
        "egoChoices": sorted(actors, key=lambda a: (a[1].casefold(), a[0])),
    }
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": _options(net, sub.is_directed(), len(sub) > 1000),
        "meta": meta,
    }


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Single-pass substitution, so inserted text is never scanned for placeholders again."""
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


def render_html(
    g: nx.Graph,
    path: str | os.PathLike[str],
    *,
    title: str = "newskg graph",
    size_by: str = "pagerank",
    max_nodes: int = 500,
    seed: int = 42,
    pos: Mapping[Hashable, tuple[float, float]] | None = None,
) -> Path:
    """Write ``g`` as one offline HTML page: nodes coloured and shaped by ``kind``, sized by ``size_by``
    (a measure from :data:`kg.graph.metrics.MEASURES` or a numeric node attribute), the ``max_nodes`` top
    nodes by that score, positions from :func:`layout` (or ``pos``), physics off.

    >>> import os, tempfile
    >>> g = nx.DiGraph([("e", "a", {"role": "agent"})])
    >>> render_html(g, os.path.join(tempfile.mkdtemp(), "g.html"), title="demo").suffix
    '.html'
    """
    target = Path(path)
    payload = _payload(g, title, size_by, max_nodes, seed, pos)
    vis_js, style_hashes = _vis_js()
    # The nonce is a hash of everything the page carries, so the same graph gives the same file byte for byte;
    # injected text cannot name it (it would have to contain the hash of a page that contains it).
    data = _safe_json(payload)
    digest = hashlib.sha256("\x00".join((title, data, vis_js, _template("graph.js"))).encode("utf-8"))
    nonce = base64.urlsafe_b64encode(digest.digest()[:18]).decode("ascii")
    hashes = " ".join(f"'sha256-{h}'" for h in style_hashes)
    csp = (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}' {hashes}; "
        "img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    page = _fill(
        _template("graph.html"),
        {
            "csp": csp,
            "nonce": nonce,
            "title": html.escape(title),
            "css": _template("graph.css"),
            "data": data,
            "vis_js": vis_js,
            "app_js": _template("graph.js"),
        },
    )
    write_atomic(target, page.encode("utf-8"))
    return target
