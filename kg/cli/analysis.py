"""``kg analyze`` and ``kg viz``: networkx metrics and the interactive HTML view."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import GraphArg, app, console, fail, load_graph


@app.command()
def analyze(
    graph: GraphArg,
    top: Annotated[int, typer.Option(help="How many actors per measure.")] = 10,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    export_to: Annotated[
        Path | None, typer.Option("--export", help="Also write the actor network as .graphml or .gexf.")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed for community detection.")] = 42,
) -> None:
    """Report top actors (degree, PageRank, betweenness), communities and bridges of the actor network."""
    from kg.graph.analysis import analyze as run_analysis
    from kg.graph.analysis import export_graph
    from kg.graph.projection import actor_network

    dataset = load_graph(graph)
    report = run_analysis(dataset, top=top, seed=seed)
    console.print(report.to_json() if json_out else report.to_text(), highlight=False, markup=False)
    if export_to is not None:
        if export_to.suffix not in {".graphml", ".gexf"}:
            fail("--export needs a .graphml or .gexf file name")
        export_graph(actor_network(dataset), export_to)


@app.command()
def viz(
    graph: GraphArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("graph.html"),
    max_nodes: Annotated[int, typer.Option(help="Node cap (top nodes by the size metric).")] = 500,
    size_by: Annotated[
        str, typer.Option(help="pagerank, degree, betweenness or weighted_degree.")
    ] = "pagerank",
) -> None:
    """Write the interactive, offline, evidence-linked HTML view of a built graph."""
    from kg.graph.projection import event_graph
    from kg.graph.viz import render_html

    render_html(
        event_graph(load_graph(graph)),
        output,
        title=f"newskg: {graph.name}",
        size_by=size_by,
        max_nodes=max_nodes,
    )
    console.print(f"wrote {output}")
