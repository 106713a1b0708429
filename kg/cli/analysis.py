"""``kg analyze`` and ``kg viz``: networkx metrics and the interactive HTML view."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import TargetArg, app, console, emit, fail, load_target, output_file, writing

SIZE_BY = ("pagerank", "degree", "betweenness", "weighted_degree")


@app.command()
def analyze(
    graph: TargetArg,
    top: Annotated[int, typer.Option(min=1, help="How many actors per measure.")] = 10,
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

    if export_to is not None:  # checked before the graph is read
        output_file(export_to, {".graphml", ".gexf"})
    dataset = load_target(graph)
    report = run_analysis(dataset, top=top, seed=seed)
    if json_out:
        emit(report.to_json())
    else:
        console.print(report.to_text(), highlight=False, markup=False)
    if export_to is not None:
        with writing(export_to):
            export_graph(actor_network(dataset), export_to)


@app.command()
def viz(
    graph: TargetArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("graph.html"),
    max_nodes: Annotated[int, typer.Option(min=1, help="Node cap (top nodes by the size metric).")] = 500,
    size_by: Annotated[
        str, typer.Option(help="pagerank, degree, betweenness or weighted_degree.")
    ] = "pagerank",
) -> None:
    """Write the interactive, offline, evidence-linked HTML view of a built graph."""
    from kg.graph.projection import event_graph
    from kg.graph.viz import render_html

    if size_by not in SIZE_BY:
        fail(f"--size-by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    output_file(output, {".html", ".htm"})
    g = event_graph(load_target(graph))
    with writing(output):
        render_html(g, output, title=f"newskg: {graph.name}", size_by=size_by, max_nodes=max_nodes)
    console.print(f"wrote {output}")
