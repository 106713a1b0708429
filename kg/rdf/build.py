"""Records -> RDF: deterministic IRIs, provenance on every fact, one named graph per document.

The records become pyoxigraph quads directly (:func:`build_quads`, what ``kg build`` stores and writes);
:func:`build_graph` gives the same quads as an rdflib Dataset for the Python API.

>>> from kg.records import DocumentRecord, Entity, Mention
>>> m = Mention("d1", 0, 4, "ISIS", (0, 20))
>>> rec = DocumentRecord("d1", "ISIS attacked Mosul.", entities=(Entity("isis", "Islamic State", "ArmedGroup", (m,)),))
>>> ds = build_graph([rec])
>>> len(list(ds.graphs())) >= 2
True
>>> len(build_quads([rec])) == len(ds)
True
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import NamedNode, Quad
from rdflib import OWL, Dataset, Graph, URIRef
from rdflib.namespace import PROV, NamespaceManager

from kg.rdf.iris import IRIs
from kg.rdf.namespace import KG, bind_prefixes
from kg.rdf.terms import to_rdflib
from kg.rdf.triples import GEO, WIKIDATA, Triple, document_triples
from kg.records import DEFAULT_BASE_IRI, DocumentRecord

DEFAULT_BASE = DEFAULT_BASE_IRI
_SAME_NAME_AS = NamedNode(str(KG.sameNameAs))
__all__ = [
    "GEO",
    "WIKIDATA",
    "add_document",
    "build_graph",
    "build_quads",
    "document_quads",
    "link_same_names",
]


def document_quads(record: DocumentRecord, *, base_iri: str = DEFAULT_BASE) -> list[Quad]:
    """One document's quads, all in its named graph (the document IRI).

    >>> from kg.records import DocumentRecord
    >>> [str(q.predicate) for q in document_quads(DocumentRecord("d1", "No news."))][:2]
    ['<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>', '<https://schema.org/identifier>']
    """
    return _document(record, IRIs(base_iri))


def _document(record: DocumentRecord, iris: IRIs) -> list[Quad]:
    graph_id = iris.doc(record.doc_id)
    return [Quad(s, p, o, graph_id) for s, p, o in document_triples(record, iris)]


def build_quads(
    records: Iterable[DocumentRecord],
    *,
    base_iri: str = DEFAULT_BASE,
    keep: list[DocumentRecord] | None = None,
) -> list[Quad]:
    """The only records -> RDF step: quads with one named graph per document (no blank nodes), the
    cross-document ``kg:sameNameAs`` candidates included. A repeated document id keeps its last record.

    ``records`` may be a stream (:func:`kg.extract.pipeline.extract`): each document's quads are made as its
    record arrives, so with worker processes this runs while they parse the next documents; ``keep`` collects
    the records for the caller.

    >>> from kg.records import DocumentRecord
    >>> sorted({q.graph_name.value for q in build_quads([DocumentRecord("a", "x"), DocumentRecord("b", "y")])})
    ['https://w3id.org/newskg/id/doc/a', 'https://w3id.org/newskg/id/doc/b']
    """
    iris = IRIs(base_iri)
    graphs, kept = {}, ([] if keep is None else keep)
    for record in records:  # each document as it comes: with worker processes, while the others are parsed
        graphs[record.doc_id] = _document(record, iris)
        kept.append(record)
    records = kept
    # dict keys: a graph is a set, and a repeated document would repeat its links
    links = {Quad(*triple, iris.doc(doc_id)): None for doc_id, triple in _same_names(records, iris)}
    return [quad for graph in graphs.values() for quad in graph] + list(links)


def _build_dataset() -> Dataset:
    """An empty Dataset with the prefixes of a build bound (rdflib binds ~30 by default; keep the used ones)."""
    dataset = Dataset()
    dataset.namespace_manager = NamespaceManager(Graph(), bind_namespaces="core")
    bind_prefixes(dataset)
    dataset.bind("owl", OWL)
    dataset.bind("prov", PROV)
    dataset.bind("geo", GEO)
    return dataset


def add_document(dataset: Dataset, record: DocumentRecord, *, base_iri: str = DEFAULT_BASE) -> Graph:
    """Add (or replace) one document's named graph in ``dataset`` and return that graph."""
    graph_id = URIRef(IRIs(base_iri).doc(record.doc_id).value)
    dataset.remove_graph(graph_id)
    to_rdflib(document_quads(record, base_iri=base_iri), dataset)
    return dataset.graph(graph_id)


def build_graph(records: Iterable[DocumentRecord], *, base_iri: str = DEFAULT_BASE) -> Dataset:
    """:func:`build_quads` as an rdflib Dataset with one named graph per document (no blank nodes)."""
    return to_rdflib(build_quads(records, base_iri=base_iri), _build_dataset())


def _same_names(records: list[DocumentRecord], iris: IRIs) -> Iterable[tuple[str, Triple]]:
    """(document id, sameNameAs triple) for each later document-scoped node named like an earlier one."""
    seen: dict[tuple[str, str], NamedNode] = {}
    for record in records:
        prefix = iris.doc(record.doc_id).value + "/"
        for entity in record.entities:
            if not entity.scoped:
                continue
            node, name = (
                iris.entity(entity, record.doc_id),
                (" ".join(entity.label.casefold().split()), entity.kind),
            )
            first = seen.setdefault(name, node)
            if first != node and not first.value.startswith(prefix):
                yield record.doc_id, (node, _SAME_NAME_AS, first)


def link_same_names(dataset: Dataset, records: list[DocumentRecord], *, base_iri: str = DEFAULT_BASE) -> None:
    """Document-scoped nodes of different documents with the same name and kind get ``kg:sameNameAs`` (in the
    later document's graph): a candidate for a reviewer, never identity ("Ahmed Hassan" may be two people)."""
    iris = IRIs(base_iri)
    to_rdflib([Quad(*t, iris.doc(doc_id)) for doc_id, t in _same_names(records, iris)], dataset)
