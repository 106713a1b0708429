"""Between rdflib and pyoxigraph: term and quad conversion, and the byte-stable order of quads.

rdflib is the Python API of :mod:`kg.rdf.build` and pyshacl's input; Oxigraph stores, queries and writes.

>>> from rdflib import Dataset, Literal, URIRef
>>> ds = Dataset()
>>> _ = ds.graph(URIRef("https://x.org/doc")).add((URIRef("https://x.org/a"), URIRef("https://x.org/p"), Literal("A")))
>>> quads = to_quads(ds)
>>> str(quads[0])
'<https://x.org/a> <https://x.org/p> "A" <https://x.org/doc>'
>>> len(to_rdflib(quads))
1
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.rdf.namespace import bind_prefixes

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal


def _ox(term: Node, cache: dict[Node, Term]) -> Term:
    found = cache.get(term)
    if found is None:
        if isinstance(term, Literal):
            if term.language:
                found = pyoxigraph.Literal(str(term), language=term.language)
            elif term.datatype is not None and str(term.datatype) != XSD_STRING:
                found = pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
            else:
                found = pyoxigraph.Literal(str(term))
        elif isinstance(term, BNode):
            found = pyoxigraph.BlankNode(str(term))
        else:
            found = pyoxigraph.NamedNode(str(term))
        if len(cache) < 1_000_000:
            cache[term] = found
    return found


def to_quads(data: Dataset | Graph) -> list[pyoxigraph.Quad]:
    """The quads of an rdflib Dataset (named graphs kept) or Graph (into the default graph)."""
    cache: dict[Node, Term] = {}
    default = pyoxigraph.DefaultGraph()
    quads = []
    graphs = data.graphs() if isinstance(data, Dataset) else [data]
    for graph in graphs:
        named = isinstance(data, Dataset) and graph.identifier != DATASET_DEFAULT_GRAPH_ID
        name = _ox(graph.identifier, cache) if named else default
        for s, p, o in graph:
            # rdflib's triples put subjects, predicates and graph names in the right term kinds
            quads.append(pyoxigraph.Quad(_ox(s, cache), _ox(p, cache), _ox(o, cache), name))  # type: ignore[arg-type]
    return quads


def to_rdflib_term(term: Term) -> Node:
    """One pyoxigraph term as an rdflib term.

    >>> to_rdflib_term(pyoxigraph.Literal("1", datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    rdflib.term.Literal('1', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(
        term.value, datatype=None if datatype in {XSD_STRING, RDF_LANG_STRING} else URIRef(datatype)
    )


def to_rdflib(store: pyoxigraph.Store | Iterable[pyoxigraph.Quad]) -> Dataset:
    """All quads as an rdflib Dataset (for pyshacl and the Python API), named graphs kept."""
    dataset = Dataset()
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="core")
    bind_prefixes(dataset)
    graphs: dict[str, Graph] = {}
    for quad in store:
        graph_name = quad.graph_name
        if isinstance(graph_name, pyoxigraph.DefaultGraph):
            graph = dataset.default_graph
        else:
            graph = graphs.get(graph_name.value)
            if graph is None:
                graph = graphs[graph_name.value] = dataset.graph(URIRef(graph_name.value))
        graph.add((to_rdflib_term(quad.subject), to_rdflib_term(quad.predicate), to_rdflib_term(quad.object)))  # type: ignore[arg-type]  # no RDF-star here
    return dataset


def _key(term: Term | pyoxigraph.DefaultGraph) -> tuple[int, str]:
    return (0, "") if isinstance(term, pyoxigraph.DefaultGraph) else (1, str(term))


def sorted_quads(quads: Iterable[pyoxigraph.Quad]) -> list[pyoxigraph.Quad]:
    """Quads ordered by graph, subject, predicate, object (N-Triples text): the byte-stable file order."""
    return sorted(quads, key=lambda q: (_key(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def sorted_triples(quads: Iterable[pyoxigraph.Quad]) -> list[pyoxigraph.Triple]:
    """The distinct triples of the union of all graphs, ordered by subject, predicate, object."""
    triples = {(str(q.subject), str(q.predicate), str(q.object)): q.triple for q in quads}
    return [triples[key] for key in sorted(triples)]
