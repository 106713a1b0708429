"""The Oxigraph store under everything: documents in named graphs, on disk or in memory.

``kg build --store DIR`` writes into an on-disk :class:`pyoxigraph.Store` with one named graph per document
(re-adding a document replaces its graph); every read command opens a *target*, a store folder or an RDF
file, with :func:`open_target`. rdflib stays the Python API of :mod:`kg.rdf.build` (and pyshacl's
input); :mod:`kg.rdf.terms` converts between the two.

>>> from rdflib import Dataset, Literal, URIRef
>>> ds = Dataset()
>>> doc = URIRef("https://w3id.org/newskg/id/doc/a")
>>> _ = ds.graph(doc).add((URIRef("https://x.org/a"), URIRef("https://x.org/p"), Literal("A")))
>>> store = pyoxigraph.Store()
>>> add_dataset(store, ds)
['https://w3id.org/newskg/id/doc/a']
>>> add_dataset(store, ds) and len(store)  # replaced, not duplicated
1
>>> document_graphs(store)
['https://w3id.org/newskg/id/doc/a']
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph

from kg.rdf.io import load_file
from kg.rdf.terms import to_quads


class StoreError(ValueError):
    """A target that is neither an Oxigraph store folder nor a readable RDF file."""


def is_store(path: str | os.PathLike[str]) -> bool:
    """True for a folder holding an Oxigraph (RocksDB) store.

    >>> is_store("/")
    False
    """
    folder = Path(path)
    return folder.is_dir() and (folder / "CURRENT").is_file()


def open_store(path: str | os.PathLike[str], *, read_only: bool = False) -> pyoxigraph.Store:
    """Open (or, unless ``read_only``, create) the on-disk store in folder ``path``.

    Read-only opens take no lock, so several processes (the endpoint's workers) can read one store.
    """
    folder = Path(path)
    if read_only and not is_store(folder):
        raise StoreError(f"{folder}: not an Oxigraph store folder")
    if not read_only and folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: exists and is not a folder")
    if not read_only and folder.is_dir() and any(folder.iterdir()) and not is_store(folder):
        raise StoreError(f"{folder}: a non-empty folder that is not an Oxigraph store")
    try:
        return pyoxigraph.Store.read_only(str(folder)) if read_only else pyoxigraph.Store(str(folder))
    except OSError as error:  # locked by another writer, permissions, corrupt files
        raise StoreError(f"{folder}: cannot open the store ({error})") from None


def open_target(path: str | os.PathLike[str]) -> pyoxigraph.Store:
    """A store folder (opened read-only) or an RDF file loaded into an in-memory store.

    Files go through :func:`kg.rdf.io.load_file` (RDF/XML and remote JSON-LD contexts refused).
    """
    target = Path(path)
    if target.is_dir():
        return open_store(target, read_only=True)
    if not target.is_file():
        raise StoreError(f"{target}: no such graph file or store folder")
    store = pyoxigraph.Store()
    load_file(store, target)
    return store


def add_dataset(
    store: pyoxigraph.Store, data: Dataset | Graph | list[pyoxigraph.Quad], *, bulk: bool = False
) -> list[str]:
    """Write a built dataset (or its quads) into ``store``: each document graph replaces the graph of that name.

    Returns the document graph IRIs written. Triples outside named graphs go to the default graph.
    ``bulk=True`` is for on-disk stores: Oxigraph's bulk loader writes new files directly, about five times
    faster than a transaction, but without its all-or-nothing guarantee. A failure then raises
    :class:`StoreError`; re-adding the same documents repairs the store, since each graph is replaced.
    """
    quads = data if isinstance(data, list) else to_quads(data)
    # each read of .graph_name makes a new Python object: once per quad
    graphs = {q.graph_name for q in quads}
    names = sorted(g.value for g in graphs if isinstance(g, pyoxigraph.NamedNode))
    for name in names:
        if store.contains_named_graph(node := pyoxigraph.NamedNode(name)):  # absent graphs: nothing to clear
            store.remove_graph(node)
    if not bulk:
        store.extend(quads)
        return names
    try:
        store.bulk_extend(quads)
        store.flush()
    except OSError as error:
        raise StoreError(
            f"writing {len(names)} document(s) into the store failed ({error}); the store may hold part of "
            "them: run the same build again to replace them"
        ) from None
    return names


def document_graphs(store: pyoxigraph.Store) -> list[str]:
    """The IRIs of the store's named graphs (one per document), sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, pyoxigraph.NamedNode))
