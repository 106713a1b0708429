"""SPARQL in Oxigraph over a store or a built graph: typed results, standard result formats, named queries.

Queries see the union of all document graphs as the default graph (``GRAPH ?g { ... }`` still selects one
document) and the project's prefixes are predeclared. Before anything runs, :func:`kg.rdf.guard.check_query`
refuses ``SERVICE``, ``FROM`` outside the target, ``LOAD`` and updates. SELECT, ASK, CONSTRUCT and DESCRIBE
are allowed; results keep their typed terms (:class:`QueryResult`) and print as a table, CSV, TSV, SPARQL 1.1
Results JSON or XML, or (for graphs) Turtle, N-Triples or JSON-LD.

>>> from kg.rdf.io import new_dataset
>>> rows = run_query(new_dataset(), "SELECT ?s WHERE { ?s ?p ?o }")
>>> rows.variables, rows.rows
(['s'], [])
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph
from rdflib import Dataset, Graph

from kg.rdf.catalog import NamedQuery, convert_binding, named_queries, named_query, query_info
from kg.rdf.guard import QueryError, QueryRefused, check_query, substitute
from kg.rdf.results import ALL_PREFIXES, STANDARD_PREFIXES, QueryResult  # noqa: F401 (re-exported)
from kg.rdf.store import document_graphs
from kg.rdf.terms import to_quads

__all__ = [
    "QueryError", "QueryRefused", "QueryResult", "NamedQuery", "named_queries", "named_query", "query_info",
    "load_query", "run_query", "as_store", "parse_bindings",
]  # fmt: skip

Target = pyoxigraph.Store | Dataset | Graph


def load_query(text_or_path: str) -> str:
    """The query text: a packaged query's name, the contents of a ``.rq`` / ``.sparql`` file, or the text.

    >>> load_query("top_actors").startswith("#")
    True
    """
    if text_or_path.endswith((".rq", ".sparql")):
        path = Path(text_or_path)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    if re.fullmatch(r"[a-z][a-z0-9_]*", text_or_path):
        try:
            return named_query(text_or_path)
        except QueryError:
            raise QueryError(
                f"no named query {text_or_path!r}; see `kg queries` (or give SPARQL text or a .rq file)"
            ) from None
    return text_or_path


def as_store(target: Target) -> pyoxigraph.Store:
    """The target itself if it is a store; an rdflib Dataset/Graph copied into an in-memory store."""
    if isinstance(target, pyoxigraph.Store):
        return target
    store = pyoxigraph.Store()
    store.extend(to_quads(target))
    return store


def _resolve(store: pyoxigraph.Store, label: str) -> pyoxigraph.NamedNode:
    """The one node whose label or alias is ``label`` (case-insensitive)."""
    needle = pyoxigraph.Literal(label.casefold())
    found = store.query(
        f"SELECT DISTINCT ?node WHERE {{ ?node rdfs:label|skos:altLabel ?name "
        f"FILTER(LCASE(STR(?name)) = {needle}) }} ORDER BY ?node LIMIT 5",
        prefixes=ALL_PREFIXES, use_default_graph_as_union=True,
    )  # fmt: skip
    nodes = [row[0] for row in found if isinstance(row[0], pyoxigraph.NamedNode)]  # type: ignore[union-attr]
    if not nodes:
        raise QueryError(f"nothing is labelled {label!r}; give an IRI or a label that `kg entities` lists")
    if len(nodes) > 1:
        raise QueryError(f"{label!r} names several nodes ({', '.join(n.value for n in nodes)}); give an IRI")
    return nodes[0]


def parse_bindings(
    target: Target, query_text: str, pairs: list[str]
) -> dict[str, pyoxigraph.NamedNode | pyoxigraph.Literal]:
    """``name=value`` pairs as typed terms: by the query's ``# @param`` lines, else guessed from the value.

    An ``iri`` parameter takes an IRI or the label/alias of a node in the target.
    """
    params = {p.name: p for p in NamedQuery.from_text("", query_text).params}
    bindings: dict[str, pyoxigraph.NamedNode | pyoxigraph.Literal] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"\w+", name):
            raise QueryError(f"--bind needs name=value, not {pair!r}")
        if params and name not in params:
            raise QueryError(f"unknown parameter {name!r}; this query takes {', '.join(params)}")
        kind = params[name].type if name in params else None
        term = convert_binding(name, value, kind)
        if term is None:  # an iri parameter given as a label
            term = _resolve(as_store(target), value)
        bindings[name] = term
    return bindings


def run_query(
    target: Target,
    query: str,
    *,
    bindings: Mapping[str, pyoxigraph.NamedNode | pyoxigraph.Literal] | None = None,
    limit: int | None = None,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> QueryResult:
    """Check ``query`` (:mod:`kg.rdf.guard`), run it in Oxigraph over the union of the document graphs.

    ``bindings`` pre-bind variables (``--bind``); ``limit`` keeps at most that many rows or triples and
    sets ``truncated`` when more came. ``default_graphs`` / ``named_graphs`` (the SPARQL protocol's
    ``default-graph-uri`` / ``named-graph-uri``) replace the union default graph; each must be a document
    graph of the target. Syntax and evaluation errors raise :class:`QueryError`.
    """
    store = as_store(target)
    checked = check_query(query, graphs=lambda: document_graphs(store))
    text, engine = substitute(checked, bindings or {})
    substitutions = {pyoxigraph.Variable(k): v for k, v in engine.items()}
    dataset: dict[str, Any] = {"use_default_graph_as_union": True}
    if default_graphs or named_graphs:
        known = set(document_graphs(store))
        for iri in [*(default_graphs or []), *(named_graphs or [])]:
            if iri not in known:
                raise QueryRefused(f"graph <{iri}> is refused: not a graph of this target")
        dataset = {"named_graphs": [pyoxigraph.NamedNode(i) for i in named_graphs or []] or None}
        if default_graphs:
            dataset["default_graph"] = [pyoxigraph.NamedNode(i) for i in default_graphs]
        else:
            dataset["use_default_graph_as_union"] = True
    try:
        try:
            result = store.query(text, prefixes=ALL_PREFIXES, substitutions=substitutions or None, **dataset)
        except SyntaxError:  # a bound term where the grammar takes no such term: let the engine bind it
            if not bindings:
                raise
            text, engine = substitute(checked, bindings or {}, inline_projected=False)
            substitutions = {pyoxigraph.Variable(k): v for k, v in engine.items()}
            result = store.query(text, prefixes=ALL_PREFIXES, substitutions=substitutions or None, **dataset)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return QueryResult(["ask"], boolean=bool(result))
        if isinstance(result, pyoxigraph.QueryTriples):
            triples, truncated = _take(result, limit)
            return QueryResult(["subject", "predicate", "object"], triples=triples, truncated=truncated)
        variables = [v.value for v in result.variables]
        solutions, truncated = _take(result, limit)
        terms = [[solution[v] for v in variables] for solution in solutions]
    except (SyntaxError, OSError, RuntimeError, ValueError) as error:  # pyoxigraph's parse/eval errors
        raise QueryError(f"SPARQL error: {error}") from None
    return QueryResult(variables, terms, truncated=truncated)


def _take(items: object, limit: int | None) -> tuple[list, bool]:
    taken: list = []
    for item in items:  # type: ignore[attr-defined]
        if limit is not None and len(taken) >= limit:
            return taken, True
        taken.append(item)
    return taken, False
