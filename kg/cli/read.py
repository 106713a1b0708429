"""Commands that read a built graph: query, validate, export, events, entities."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import GraphArg, app, console, fail, load_graph, print_table, write_rows


@app.command()
def query(
    graph: GraphArg,
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or a .rq file.")],
    format: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run a SPARQL SELECT/ASK query on a built graph and print the rows."""
    from kg.rdf.query import QueryError, load_query, run_query

    if format not in {"table", "csv", "json"}:
        fail(f"--format must be table, csv or json, not {format!r}")
    try:
        result = run_query(load_graph(graph), load_query(sparql))
    except QueryError as error:
        fail(str(error))
    if format == "csv":
        sys.stdout.write(result.to_csv())
    elif format == "json":
        sys.stdout.write(result.to_json() + "\n")
    else:
        print_table(result.variables, result.rows)


@app.command()
def validate(graph: GraphArg) -> None:
    """Check a built graph against the SHACL shapes; exit 1 and list violations when it does not conform."""
    from kg.rdf.ontology import format_report
    from kg.rdf.ontology import validate as run_validation

    report = run_validation(load_graph(graph))
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

    dataset = load_graph(graph)
    try:
        write_dataset(dataset, output)
    except UnsupportedFormatError as error:
        fail(str(error))
    console.print(f"wrote {output}")


@app.command()
def events(
    graph: GraphArg,
    format: Annotated[str, typer.Option("--format", help="csv or jsonl.")] = "csv",
) -> None:
    """One row per event: type, CAMEO/PLOVER/ACLED, date, roles, places, counts, speakers, evidence."""
    from kg.rdf.tables import EVENT_COLUMNS, event_rows

    if format not in {"csv", "jsonl"}:
        fail(f"--format must be csv or jsonl, not {format!r}")
    write_rows(event_rows(load_graph(graph)), EVENT_COLUMNS, format)


@app.command()
def entities(
    graph: GraphArg,
    format: Annotated[str, typer.Option("--format", help="table, csv or jsonl.")] = "table",
) -> None:
    """One row per resolved actor or place: kinds, aliases, Wikidata/GeoNames ids, coordinates, mentions."""
    from kg.rdf.tables import ENTITY_COLUMNS, entity_rows

    if format not in {"table", "csv", "jsonl"}:
        fail(f"--format must be table, csv or jsonl, not {format!r}")
    brief = ["label", "kinds", "aliases", "identifiers", "mentions"]
    columns = ENTITY_COLUMNS if format != "table" else brief
    write_rows(entity_rows(load_graph(graph)), columns, format)
