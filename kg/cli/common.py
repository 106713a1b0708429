"""Shared pieces of the ``kg`` commands: the typer app, one error path, tables and graph loading."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rdflib import Dataset
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="newskg: turn news articles into an RDF knowledge graph.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)  # fmt: skip
console = Console()
errors = Console(stderr=True)

GraphArg = Annotated[Path, typer.Argument(help="A built graph: .trig, .nq, .ttl, .nt or .jsonld file.")]


def fail(message: str) -> NoReturn:
    """Print one ``error:`` line and exit 2 (a user mistake, not a crash)."""
    errors.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code=2)


def print_table(columns: list[str], rows: list[list[str | None]], title: str | None = None) -> None:
    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*["" if v is None else v for v in row])
    console.print(table)


def load_graph(path: Path) -> Dataset:
    from kg.rdf.io import UnsupportedFormatError, read_dataset

    if not path.is_file():
        fail(f"{path}: no such graph file")
    try:
        return read_dataset(path)
    except UnsupportedFormatError as error:
        fail(str(error))
    except Exception as error:  # rdflib parser errors name the line; show them, not a traceback
        fail(f"{path}: cannot parse ({error})")


def write_rows(rows: list, columns: list[str], format: str) -> None:  # noqa: A002 - matches --format
    from kg.rdf.tables import cell_text, to_csv, to_jsonl

    if format == "table":
        print_table(columns, [[cell_text(row.get(c)) for c in columns] for row in rows])
    else:
        sys.stdout.write(to_csv(rows, columns) if format == "csv" else to_jsonl(rows))
