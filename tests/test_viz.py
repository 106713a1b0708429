"""Static checks of kg.graph.viz output: one offline file, strict CSP, escaped data, caps and sizes."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from kg.graph import viz
from kg.graph.layout import layout

HOSTILE = "<img src=x onerror=alert(1)></script><!--\u2028\u2029&amp;"


def small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node(
        "https://w3id.org/newskg/id/actor/x",
        label=HOSTILE,
        kind="actor",
        iri="https://w3id.org/newskg/id/actor/x",
        evidence=[{"sentence": f"Said {HOSTILE}", "document": "d", "start": 0, "end": 9, "anchor": ""}],
    )
    g.add_node(
        "e1", label="attack", kind="event", event_type="Attack", date="2026-01-02", certainty="claimed"
    )
    g.add_node("p1", label="Town", kind="place")
    g.add_edge("e1", "https://w3id.org/newskg/id/actor/x", key="agent", role="agent", label="agent")
    g.add_edge("e1", "p1", key="place", role="place", label="place")
    return g


def data_block(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


@pytest.fixture()
def page(tmp_path: Path) -> str:
    return viz.render_html(small_graph(), tmp_path / "g.html", title=f"T {HOSTILE}").read_text(
        encoding="utf-8"
    )


def test_page_references_no_url_or_external_resource(page: str):
    # IRIs and vis-network's two URL strings survive only as "https:\/\/…" (same value once parsed)
    assert "://" not in page
    markup = re.sub(r"(<(script|style)\b[^>]*>).*?</\2>", r"\1", page, flags=re.S)
    assert not re.search(r"<[^>]+\s(src|href|action|srcset)\s*=", markup, re.I)
    style = re.search(r"<style[^>]*>(.*?)</style>", page, re.S).group(1)
    assert "url(" not in style and "@import" not in style
    assert "sourceMappingURL" not in page


def test_csp_forbids_everything_but_nonced_code(page: str):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    nonce = re.search(r"'nonce-([\w-]+)'", csp).group(1)
    assert csp.startswith("default-src 'none';") and "unsafe" not in csp
    tags = re.findall(r"<(script|style)\b([^>]*)>", page)
    assert all(f'nonce="{nonce}"' in attrs or 'type="application/json"' in attrs for _, attrs in tags)
    assert len(tags) == 4


def test_hostile_strings_cannot_leave_the_json_block(page: str):
    assert page.count("</script>") == 3 and page.count("<script") == 3
    block = re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert not set(block) & {"<", ">", "&", "\u2028", "\u2029"}
    assert {n["details"]["label"] for n in data_block(page)["nodes"]} >= {HOSTILE}
    assert "<img" not in page and "<!--" not in page
    assert "<title>T &lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;" in page


def test_node_ids_are_opaque_hashes(page: str):
    ids = [n["id"] for n in data_block(page)["nodes"]]
    assert all(re.fullmatch(r"n[0-9a-f]{16}", i) for i in ids)
    assert "actor/x" not in " ".join(ids)


def test_physics_is_off_and_every_node_has_a_position(page: str):
    data = data_block(page)
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert {e["label"] for e in data["edges"]} == {"agent", "place"}
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True


@pytest.mark.parametrize(
    ("kind", "shape"), [(k, s["shape"]) for k, s in viz.KIND_STYLES.items() if k != "claim"]
)
def test_nodes_are_shaped_by_kind_with_a_legend(page: str, kind: str, shape: str):
    data = data_block(page)
    assert {n["shape"] for n in data["nodes"] if n["details"]["kind"] == kind} == {shape}
    assert data["meta"]["kinds"][kind]["shape"] == shape


@pytest.mark.parametrize(("max_nodes", "cut"), [(2, True), (7, True), (8, False), (500, False)])
def test_node_cap_keeps_top_nodes_and_flags_the_cut(tmp_path: Path, max_nodes: int, cut: bool):
    g = nx.star_graph(5)
    g.add_edge(6, 7)
    g.remove_edge(0, 5)
    g.add_edge(5, 6)
    nx.set_node_attributes(g, {n: float(n == 0) * 10 + n for n in g}, "score")
    data = data_block(
        viz.render_html(g, tmp_path / "c.html", size_by="score", max_nodes=max_nodes).read_text()
    )
    assert data["meta"]["cut"] is cut
    assert len(data["nodes"]) == min(max_nodes, len(g))
    assert data["meta"]["totalNodes"] == len(g)


@pytest.mark.parametrize("size_by", ["pagerank", "degree", "weighted_degree", "betweenness"])
def test_sizes_follow_the_chosen_measure(tmp_path: Path, size_by: str):
    data = data_block(viz.render_html(nx.star_graph(4), tmp_path / "s.html", size_by=size_by).read_text())
    sizes = {n["details"]["label"]: n["size"] for n in data["nodes"]}
    assert sizes["0"] == max(sizes.values()) > sizes["1"]


def test_unknown_size_measure_is_rejected(tmp_path: Path):
    with pytest.raises(ValueError, match="size_by"):
        viz.render_html(nx.path_graph(2), tmp_path / "x.html", size_by="charisma")


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path: Path):
    target = tmp_path / "g.html"
    target.write_text("old")
    viz.render_html(small_graph(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"]
    assert target.read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("n", [10, 700])
def test_layout_is_seeded_and_covers_every_node(n: int):
    g = nx.barabasi_albert_graph(n, 2, seed=3)
    g.add_edges_from([(n, n + 1), (n + 2, n + 3)])  # extra components
    first = layout(g, seed=5)
    assert set(first) == set(g) and first == layout(g, seed=5)


_LAYOUT_SCRIPT = """
import json, networkx as nx
from kg.graph.layout import layout
g = nx.relabel_nodes(nx.barabasi_albert_graph(600, 2, seed=3), lambda i: f"node-{i}")
g.add_edges_from([("a", "b"), ("c", "d"), ("e", "f"), ("g", "h")])  # small components: set-ordered views
g.add_nodes_from(["x", "y", "z"])
print(json.dumps(sorted(layout(g, seed=5).items())))
"""


def test_layout_is_the_same_in_processes_with_different_string_hashes():
    import os
    import subprocess
    import sys

    def run(hash_seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        return subprocess.run([sys.executable, "-c", _LAYOUT_SCRIPT], env=env, check=True, capture_output=True,
                              text=True).stdout  # fmt: skip

    assert run("1") == run("2") == run("3")


_RENDER_SCRIPT = """
import sys, networkx as nx
from kg.graph.viz import render_html
g = nx.relabel_nodes(nx.barabasi_albert_graph(700, 2, seed=3), lambda i: f"node-{i}")
g.add_edges_from([("a", "b"), ("c", "d")])
nx.set_node_attributes(g, {n: "actor" for n in g}, "kind")
render_html(g, sys.argv[1], max_nodes=500)
"""


def test_the_same_graph_gives_the_same_page_byte_for_byte(tmp_path):
    import os
    import subprocess
    import sys

    pages = []
    for hash_seed in ("1", "2"):
        target = tmp_path / f"{hash_seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-c", _RENDER_SCRIPT, str(target)], env=env, check=True)
        pages.append(target.read_bytes())
    assert pages[0] == pages[1] and b"'nonce-" in pages[0]


def test_viz_never_imports_rdflib():
    tree = ast.parse(Path(viz.__file__).read_text())
    names = {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(n.split(".")[0] in {"rdflib", "spacy"} for n in names)


def test_vendored_vis_network_ships_with_its_licences():
    folder = Path(viz.__file__).parent / "templates"
    assert (folder / "vis-network.LICENSE-MIT").exists() and (
        folder / "vis-network.LICENSE-APACHE-2.0"
    ).exists()
    assert "@version 9.1.9" in (folder / "vis-network.min.js").read_text()[:400]
