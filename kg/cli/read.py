"""Commands that read a store or a graph file: query, queries, validate, export, events, entities."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import (
    TargetArg,
    app,
    console,
    emit,
    fail,
    load_target,
    output_file,
    print_table,
    write_rows,
)

QUERY_FORMATS = ("table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld")


@app.command()
def query(
    target: TargetArg,
    sparql: Annotated[
        str, typer.Argument(help="SPARQL text, a .rq file, or a named query (see `kg queries`).")
    ],
    bind: Annotated[
        list[str] | None, typer.Option("--bind", help="Pre-bind a variable: name=value (repeatable).")
    ] = None,
    format: Annotated[str, typer.Option("--format", help=", ".join(QUERY_FORMATS) + ".")] = "table",
    limit: Annotated[int | None, typer.Option(min=1, help="Print at most this many rows or triples.")] = None,
) -> None:
    """Run SPARQL (SELECT, ASK, CONSTRUCT, DESCRIBE) in Oxigraph over every document graph.

    SERVICE, FROM/FROM NAMED outside the target, LOAD and updates are refused before anything runs.
    json is SPARQL 1.1 Results JSON (typed terms); ttl, nt and jsonld are for CONSTRUCT/DESCRIBE.
    """
    from kg.rdf.guard import BAG_NOTE, counts_copies, expand_escapes
    from kg.rdf.query import QueryError, load_query, parse_bindings, run_query

    if format not in QUERY_FORMATS:
        fail(f"--format must be one of {', '.join(QUERY_FORMATS)}, not {format!r}")
    try:
        text = load_query(sparql)
        store = load_target(target)
        result = run_query(store, text, bindings=parse_bindings(store, text, bind or []), limit=limit)
        if counts_copies(expand_escapes(text)):
            print(BAG_NOTE, file=sys.stderr)
        if format in {"ttl", "nt", "jsonld"}:
            sys.stdout.buffer.write(result.to_rdf(format))
            sys.stdout.flush()
            return
    except QueryError as error:
        fail(str(error))
    if format == "table" and result.kind == "graph":
        sys.stdout.buffer.write(result.to_rdf("ttl"))
    elif format == "table":
        print_table(result.variables, result.rows)
    else:
        emit(
            {"csv": result.to_csv, "tsv": result.to_tsv, "json": result.to_json, "xml": result.to_xml}[
                format
            ]()
        )
    if result.truncated:
        console.print(f"(first {limit} results shown; --limit cut the rest)", highlight=False, markup=False)


@app.command()
def queries() -> None:
    """List the named analyst queries with their parameters (run one with `kg query TARGET NAME --bind ...`)."""
    from kg.rdf.catalog import named_queries

    rows: list[list[str | None]] = []
    for info in named_queries():
        params = "; ".join(f"{p.name} ({p.type}): {p.help}" for p in info.params)
        rows.append([info.name, info.description, params])
    print_table(["name", "question", "--bind parameters"], rows)


@app.command()
def validate(target: TargetArg) -> None:
    """Check a store or graph file against the SHACL shapes; exit 1 and list violations when it does not conform."""
    from kg.rdf.ontology import format_report
    from kg.rdf.ontology import validate as run_validation

    report = run_validation(load_target(target))  # the store's quads: no rdflib Dataset in between
    console.print(format_report(report), highlight=False, markup=False)
    raise typer.Exit(code=0 if report.conforms else 1)


@app.command()
def export(
    target: TargetArg,
    output: Annotated[
        Path, typer.Argument(help="Target file; the extension picks the format (.ttl .nt .nq .trig .jsonld).")
    ],
) -> None:
    """Convert a store or graph file to an RDF format (sorted, byte-stable, written atomically)."""
    from kg.rdf.io import UnsupportedFormatError, format_for, write_dataset

    try:
        format_for(output)
    except UnsupportedFormatError:  # an output: "refused as untrusted input" would be the reader's reason
        kind = "RDF/XML" if output.suffix.lower() in {".rdf", ".xml", ".owl", ".rdfxml"} else "this format"
        fail(f"{output}: cannot write {kind}; use .ttl, .nt, .nq, .trig or .jsonld")
    output_file(output)
    store = load_target(target)
    try:
        write_dataset(store, output)
    except OSError as error:
        fail(f"{output}: cannot write ({error.strerror or error})")
    console.print(f"wrote {output}")


@app.command()
def events(
    target: TargetArg,
    format: Annotated[str, typer.Option("--format", help="csv or jsonl.")] = "csv",
    level: Annotated[
        str, typer.Option("--level", help="mention (one row per event) or incident.")
    ] = "mention",
    min_confidence: Annotated[
        float, typer.Option(help="With --level incident: leave out less confident.")
    ] = 0.0,
) -> None:
    """One row per event: type, CAMEO/PLOVER/ACLED, date, roles, places, counts, speakers, evidence; with
    ``--level incident``, one row per incident in ACLED's columns (as ``kg incidents``)."""
    from kg.rdf.tables import EVENT_COLUMNS, event_rows

    if level not in {"mention", "incident"}:
        fail(f"--level must be mention or incident, not {level!r}")
    if level == "incident":
        from kg.cli.incidents import write_incidents

        return write_incidents(target, format, min_confidence)

    if format not in {"csv", "jsonl"}:
        fail(f"--format must be csv or jsonl, not {format!r}")
    write_rows(event_rows(load_target(target)), EVENT_COLUMNS, format)


@app.command()
def entities(
    target: TargetArg,
    format: Annotated[str, typer.Option("--format", help="table, csv or jsonl.")] = "table",
) -> None:
    """One row per resolved actor or place: kinds, aliases, Wikidata/GeoNames ids, coordinates, mentions."""
    from kg.rdf.tables import ENTITY_COLUMNS, entity_rows

    if format not in {"table", "csv", "jsonl"}:
        fail(f"--format must be table, csv or jsonl, not {format!r}")
    brief = ["label", "kinds", "aliases", "identifiers", "mentions"]
    columns = ENTITY_COLUMNS if format != "table" else brief
    write_rows(entity_rows(load_target(target)), columns, format)
