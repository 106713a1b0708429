"""SPARQL over a built graph: ad-hoc or from a ``.rq`` file, rows out as a table, CSV or JSON.

Queries see the union of all document graphs (``GRAPH ?g { ... }`` still selects one document). ``SERVICE``
is refused: a query must not make this tool fetch remote URLs.

>>> from kg.rdf.io import new_dataset
>>> rows = run_query(new_dataset(), "SELECT ?s WHERE { ?s ?p ?o }")
>>> rows.variables, rows.rows
(['s'], [])
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Dataset, Graph

from kg.rdf.namespace import PREFIXES

STANDARD_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


class QueryError(ValueError):
    """A user-facing problem with a query (syntax, SERVICE, unreadable file)."""


@dataclass(frozen=True)
class QueryResult:
    """Rows of a SELECT (or one boolean row for ASK), as plain strings."""

    variables: list[str]
    rows: list[list[str | None]]

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.variables)
        writer.writerows([["" if v is None else v for v in row] for row in self.rows])
        return out.getvalue()

    def to_json(self) -> str:
        return json.dumps(
            [dict(zip(self.variables, row, strict=True)) for row in self.rows], ensure_ascii=False, indent=2
        )


def named_query(name: str) -> str:
    """The text of the packaged query ``kg/queries/<name>.rq``: the one loader of named queries.

    >>> "SELECT" in named_query("top_actors")
    True
    """
    try:
        return resources.files("kg").joinpath("queries", f"{name}.rq").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"no named query {name!r}") from None


def load_query(text_or_path: str) -> str:
    """The query text: the argument itself, or the contents of a ``.rq`` / ``.sparql`` file."""
    if text_or_path.endswith((".rq", ".sparql")):
        path = Path(text_or_path)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    return text_or_path


def run_query(graph: Graph | Dataset, query: str) -> QueryResult:
    """Run SPARQL with the project's prefixes predeclared; refuses SERVICE (no remote fetching)."""
    if re.search(r"\bSERVICE\b", re.sub(r"#[^\n]*|\"[^\"]*\"|'[^']*'", "", query), re.IGNORECASE):
        raise QueryError("SERVICE clauses are refused: newskg does not query remote endpoints")
    if isinstance(graph, Dataset):
        graph.default_union = True
    try:
        result = graph.query(query, initNs={**STANDARD_PREFIXES, **PREFIXES})
    except Exception as error:  # rdflib raises pyparsing and assorted errors for bad queries
        raise QueryError(f"SPARQL error: {error}") from None
    if result.type == "ASK":
        return QueryResult(["ask"], [[str(bool(result.askAnswer)).lower()]])
    if result.type != "SELECT":
        raise QueryError("only SELECT and ASK queries print rows; use CONSTRUCT through the Python API")
    variables = [str(v) for v in result.vars or []]
    rows = [[None if value is None else str(value) for value in row] for row in result]
    return QueryResult(variables, rows)
