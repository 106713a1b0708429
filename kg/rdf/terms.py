"""Between rdflib and pyoxigraph: term and quad conversion, Python values as literals, the byte-stable order.

:mod:`kg.rdf.build` writes pyoxigraph quads directly (:func:`literal`, :class:`OxNamespace` give the terms
rdflib would have made); Oxigraph stores, queries and writes; rdflib stays the Python API
(``build_graph``) and pyshacl's input, converted with :func:`to_rdflib`.

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
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pyoxigraph
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.rdf.namespace import bind_prefixes

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER, _DECIMAL, _BOOLEAN = (
    pyoxigraph.NamedNode(_XSD + name) for name in ("integer", "decimal", "boolean")
)


def literal(value: str | int | Decimal) -> pyoxigraph.Literal:
    """The literal rdflib's ``Literal(value)`` makes (same lexical form and datatype), without rdflib.

    >>> literal(Decimal("1.5E+2")), literal(True)
    (<Literal value=150 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#decimal>>, \
<Literal value=true datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#boolean>>)
    """
    if isinstance(value, str):
        return pyoxigraph.Literal(value)
    if isinstance(value, bool):  # before int: bool is an int
        return pyoxigraph.Literal("true" if value else "false", datatype=_BOOLEAN)
    if isinstance(value, int):
        return _integer(value)
    if isinstance(value, Decimal):
        return pyoxigraph.Literal(f"{value:f}", datatype=_DECIMAL)  # rdflib's lexical form of a Decimal
    return _ox(Literal(value), {})  # anything else: exactly what rdflib makes of it


@lru_cache(maxsize=65536)
def _integer(value: int) -> pyoxigraph.Literal:
    """An xsd:integer literal, made once per value: every mention and sentence has two character offsets, and
    the offsets of a corpus repeat. Literals are immutable, so the cached one is as good as a new one."""
    return pyoxigraph.Literal(str(value), datatype=_INTEGER)


@lru_cache(maxsize=65536)
def typed_literal(lexical: str, datatype: str) -> pyoxigraph.Literal:
    """``Literal(lexical, datatype=datatype)`` as rdflib normalises it ("2026-01-21Z" as an xsd:date is
    "2026-01-21"), cached: dates repeat, and the output must not change with the engine that makes it.

    >>> typed_literal("2026-01-21Z", _XSD + "date").value
    '2026-01-21'
    """
    found = _ox(Literal(lexical, datatype=URIRef(datatype)), {})
    assert isinstance(found, pyoxigraph.Literal)
    return found


class OxNamespace:
    """The pyoxigraph named nodes of an rdflib namespace, looked up once; a closed namespace still refuses a
    typo (``KG.agnet`` raises) because the first lookup goes through rdflib.

    >>> from kg.rdf.namespace import KG
    >>> OxNamespace(KG).agent
    <NamedNode value=https://w3id.org/newskg/ns#agent>
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace
        self._nodes: dict[str, pyoxigraph.NamedNode] = {}

    def __getitem__(self, name: str) -> pyoxigraph.NamedNode:
        node = self._nodes.get(name)
        if node is None:
            node = self._nodes[name] = pyoxigraph.NamedNode(str(self._namespace[name]))
        return node

    def __getattr__(self, name: str) -> pyoxigraph.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self[name]
        setattr(self, name, node)  # the next lookup is a plain attribute
        return node


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


class _Converter(dict[Term, Node]):
    """pyoxigraph -> rdflib terms, each converted once (IRIs repeat)."""

    def __missing__(self, term: Term) -> Node:
        found = self[term] = to_rdflib_term(term)
        return found


def union_graph(quads: Iterable[pyoxigraph.Quad], graph: Graph | None = None) -> Graph:
    """The triples of every graph of ``quads`` in one rdflib Graph (``graph`` when given), e.g. for pyshacl.

    >>> from pyoxigraph import NamedNode, Quad
    >>> len(union_graph([Quad(NamedNode("https://x.org/a"), NamedNode("https://x.org/p"), NamedNode("https://x.org/b"))]))
    1
    """
    graph = Graph(bind_namespaces="core") if graph is None else graph
    term = _Converter()
    for quad in quads:
        graph.add((term[quad.subject], term[quad.predicate], term[quad.object]))  # type: ignore[index]
    return graph


def to_rdflib(store: pyoxigraph.Store | Iterable[pyoxigraph.Quad], dataset: Dataset | None = None) -> Dataset:
    """All quads as an rdflib Dataset (for pyshacl and the Python API), named graphs kept; added to
    ``dataset`` when given (its prefixes kept), else to a new one with the core and project prefixes."""
    if dataset is None:
        dataset = Dataset()
        dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="core")
        bind_prefixes(dataset)
    graphs: dict[str, Graph] = {}
    term = _Converter()
    for quad in store:
        graph_name = quad.graph_name
        if isinstance(graph_name, pyoxigraph.DefaultGraph):
            graph = dataset.default_graph
        else:
            graph = graphs.get(graph_name.value)
            if graph is None:
                graph = graphs[graph_name.value] = dataset.graph(URIRef(graph_name.value))
        graph.add((term[quad.subject], term[quad.predicate], term[quad.object]))  # type: ignore[index]  # no RDF-star here
    return dataset


def _key(term: Term | pyoxigraph.DefaultGraph) -> tuple[int, str]:
    return (0, "") if isinstance(term, pyoxigraph.DefaultGraph) else (1, str(term))


def _lines(triples: list[pyoxigraph.Triple]) -> list[bytes]:
    """Each triple's N-Triples line, written by Oxigraph in one call. Its byte order is the order of the
    (subject, predicate, object) texts: each term's text ends where the next begins (``>``, or a literal's
    closing quote, language or datatype), and UTF-8 keeps code point order."""
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES) or b""
    return data.split(b"\n")[: len(triples)]


class FileOrder:
    """The byte-stable orders of a set of quads for the files, from one N-Triples pass over them: the quad
    formats' order (by graph, then line) and the triple formats' (distinct lines of all graphs). Writing
    ``graph.ttl`` and ``graph.trig`` from one FileOrder serialises and sorts the quads once, not twice.

    >>> g, p = pyoxigraph.NamedNode("https://x.org/g"), pyoxigraph.NamedNode("https://x.org/p")
    >>> order = FileOrder([pyoxigraph.Quad(g, p, pyoxigraph.Literal(s), g) for s in ("b", "a", "b")])
    >>> [q.object.value for q in order.quads()], len(order.triples())
    (['a', 'b'], 2)
    """

    def __init__(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        self._quads = list(dict.fromkeys(quads))  # a graph is a set: a repeated quad is written once
        # each read of .triple makes a new Triple: made once, for the lines and for triples()
        self._triples = [q.triple for q in self._quads]
        self._lines = _lines(self._triples)

    def quads(self) -> list[pyoxigraph.Quad]:
        """Ordered by graph, subject, predicate, object (N-Triples text)."""
        graphs: dict[Any, list[int]] = {}
        for i, quad in enumerate(self._quads):
            graphs.setdefault(quad.graph_name, []).append(i)
        lines, ordered = self._lines, []
        for name in sorted(graphs, key=_key):
            ordered += [self._quads[i] for i in sorted(graphs[name], key=lines.__getitem__)]
        return ordered

    def triples(self) -> list[pyoxigraph.Triple]:
        """The distinct triples of the union of all graphs, ordered by subject, predicate, object."""
        distinct = dict(zip(self._lines, self._triples, strict=True))
        return [distinct[line] for line in sorted(distinct)]


def sorted_quads(quads: Iterable[pyoxigraph.Quad]) -> list[pyoxigraph.Quad]:
    """Quads ordered by graph, subject, predicate, object (N-Triples text): the byte-stable file order.

    >>> g, p = pyoxigraph.NamedNode("https://x.org/g"), pyoxigraph.NamedNode("https://x.org/p")
    >>> quads = [pyoxigraph.Quad(pyoxigraph.NamedNode(f"https://x.org/{s}"), p, pyoxigraph.Literal(s), g)
    ...          for s in ("b", "a")]
    >>> [q.subject.value for q in sorted_quads(quads)]
    ['https://x.org/a', 'https://x.org/b']
    """
    return FileOrder(quads).quads()


def sorted_triples(quads: Iterable[pyoxigraph.Quad]) -> list[pyoxigraph.Triple]:
    """The distinct triples of the union of all graphs, ordered by subject, predicate, object."""
    return FileOrder(quads).triples()
