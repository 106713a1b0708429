"""Benchmark kg.graph.viz in headless Chromium against baselines measured in the same run.

Run: ``python benchmarks/viz_bench.py [--nodes 2000] [--repeat 3] [--seed 7]``. Needs /usr/bin/chromium.
Rows: our renderer (physics off, positions precomputed) at 100 and N nodes, time to the first complete
draw (``kgGraph.ready``, set on vis-network's ``afterDrawing``); pyvis 0.3.2's own template
(``cdn_resources="in_line"``, default physics on) at 200 nodes, time until its loading bar reports
``stabilizationIterationsDone``. Every request other than the page is blocked, so pyvis's Bootstrap links
fail fast and no network time is counted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx
from playwright.sync_api import sync_playwright
from pyvis.network import Network

from kg.graph.viz import render_html

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
KINDS = {"event": 0.4, "actor": 0.45, "place": 0.15}


def synthetic_graph(n: int, *, seed: int = 7) -> nx.MultiDiGraph:
    """Event graph of ``n`` nodes: events point to 1-3 actors (agent/target/theme) and maybe a place."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    counts = {k: max(1, round(n * share)) for k, share in KINDS.items()}
    counts["actor"] = n - counts["event"] - counts["place"]
    for kind, count in counts.items():
        for i in range(count):
            node = f"{kind}/{i}"
            g.add_node(
                node,
                label=f"{kind} {i}",
                kind=kind,
                iri=f"urn:x:{node}",
                evidence=[
                    {
                        "sentence": f"Sentence {i} about {kind}.",
                        "document": f"doc-{i % 50}",
                        "start": 0,
                        "end": 20,
                        "anchor": "",
                    }
                ],
            )
            if kind == "event":
                g.nodes[node].update(
                    event_type=rng.choice(["Attack", "Protest", "Transfer"]),
                    date=f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    certainty=rng.choice(["asserted", "claimed", "hedged"]),
                )
    actors = [f"actor/{i}" for i in range(counts["actor"])]
    weights = [1 / (i + 1) ** 0.8 for i in range(len(actors))]  # a few hubs, a long tail
    for i in range(counts["event"]):
        for role, actor in zip(
            ("agent", "target", "theme"), rng.choices(actors, weights, k=rng.randint(1, 3)), strict=False
        ):
            g.add_edge(f"event/{i}", actor, key=role, role=role, label=role)
        if rng.random() < 0.7:
            g.add_edge(
                f"event/{i}",
                f"place/{rng.randrange(counts['place'])}",
                key="place",
                role="place",
                label="place",
            )
    return g


def pyvis_page(g: nx.MultiDiGraph, path: Path) -> Path:
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(nx.MultiDiGraph(g))  # from_nx mutates its input: give it a copy
    path.write_text(net.generate_html(), encoding="utf-8")
    return path


def time_in_browser(
    browser, path: Path, ready: str, stamp: str, timeout_s: float
) -> tuple[float, float, int]:
    """(in-page ms since navigation start, wall seconds, blocked requests) until ``ready`` is true."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    url, blocked = path.resolve().as_uri(), []
    page.route("**/*", lambda r: r.continue_() if r.request.url == url else (blocked.append(1), r.abort()))
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_function(ready, timeout=timeout_s * 1000, polling=20)
    wall = time.perf_counter() - start
    in_page = page.evaluate(stamp)
    page.close()
    return in_page, wall, len(blocked)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    ours_ready, ours_stamp = "window.kgGraph && window.kgGraph.ready", "kgGraph.readyAt"
    pyvis_ready = (
        "(() => { const b = document.getElementById('loadingBar'); return b && b.style.opacity === '0'; })()"
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        cases = [
            ("kg.graph.viz, physics off", 100, "ours"),
            ("pyvis template, physics on", 200, "pyvis"),
            ("kg.graph.viz, physics off", args.nodes, "ours"),
        ]
        for name, n, kind in cases:
            g = synthetic_graph(n, seed=args.seed)
            target = Path(tmp) / f"{kind}-{n}.html"
            t0 = time.perf_counter()
            if kind == "ours":
                render_html(g, target, title=f"bench {n}", max_nodes=n, seed=args.seed)
                ready, stamp = ours_ready, ours_stamp
            else:
                pyvis_page(g, target)
                ready, stamp = pyvis_ready, "performance.now()"
            build = time.perf_counter() - t0
            runs = [time_in_browser(browser, target, ready, stamp, 300) for _ in range(args.repeat)]
            rows.append(
                (
                    name,
                    n,
                    g.number_of_edges(),
                    build,
                    target.stat().st_size / 1e6,
                    statistics.median(r[0] for r in runs),
                    statistics.median(r[1] for r in runs),
                    runs[0][2],
                )
            )
        browser.close()
    head = (
        "renderer",
        "nodes",
        "edges",
        "python s",
        "file MB",
        "ready ms (in page)",
        "wall s",
        "blocked req",
    )
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for name, n, m, build, size, ms, wall, blocked in rows:
        print(f"{name} | {n} | {m} | {build:.2f} | {size:.2f} | {ms:.0f} | {wall:.2f} | {blocked}")


if __name__ == "__main__":
    main()
