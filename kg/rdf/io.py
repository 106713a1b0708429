"""Write and read newskg datasets in standard RDF formats.

What each format holds:

- ``turtle`` (.ttl) and ``nt`` (.nt): triples only, the union of all named graphs (and the default
  graph). Which document a triple came from is lost; use a quad format to keep it.
- ``nquads`` (.nq), ``trig`` (.trig) and ``json-ld`` (.jsonld, .json): quads, one named graph per
  document. JSON-LD is compacted with the published context ``ontologies/context.jsonld``, embedded
  inline so the file parses offline.

Every format is byte-stable: the same data gives the same bytes on every run. Turtle, N-Triples, N-Quads
and TriG are written by pyoxigraph's serialisers from quads sorted by graph, subject, predicate and
object. JSON-LD is compacted by rdflib (pyoxigraph's writer has no context compaction) and then put in a
canonical order: keys sorted, arrays (unordered sets in JSON-LD) sorted.

Writes are atomic: the data goes to a temporary file in the target directory that replaces the
target only once complete. Reading refuses RDF/XML (untrusted-input crashes in pyoxigraph and rdflib)
and JSON-LD that references remote contexts (parsing it would fetch URLs).

>>> import tempfile, pathlib
>>> from rdflib import Dataset, Literal, URIRef
>>> ds = Dataset()
>>> _ = ds.graph(URIRef("https://w3id.org/newskg/id/doc/a")).add(
...     (URIRef("https://w3id.org/newskg/id/actor/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
...      Literal("X")))
>>> out = pathlib.Path(tempfile.mkdtemp()) / "kg.trig"
>>> write_dataset(ds, out)
PosixPath('...kg.trig')
>>> len(read_dataset(out))
1
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

import pyoxigraph
from rdflib import Dataset, Graph
from rdflib.namespace import NamespaceManager

from kg.files import write_atomic
from kg.rdf.namespace import PREFIXES, bind_prefixes
from kg.rdf.ontology import CONTEXT_FILE, ontology_path
from kg.rdf.terms import FileOrder, to_quads, to_rdflib

Format = Literal["turtle", "nt", "nquads", "trig", "json-ld"]
Data = Dataset | Graph | pyoxigraph.Store | list[pyoxigraph.Quad]  # what can be written

FORMATS: tuple[str, ...] = ("turtle", "nt", "nquads", "trig", "json-ld")
QUAD_FORMATS = frozenset({"nquads", "trig", "json-ld"})
EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}
OX_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "json-ld": pyoxigraph.RdfFormat.JSON_LD,
}
# Prefixes written into Turtle and TriG: the usual vocabularies and the project's own.
FILE_PREFIXES = {
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    **PREFIXES,
}
REFUSED_EXTENSIONS = frozenset({".rdf", ".xml", ".owl", ".rdfxml"})
ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "nq": "nquads", "jsonld": "json-ld"}


class UnsupportedFormatError(ValueError):
    """The format is unknown, or refused (RDF/XML, remote JSON-LD contexts)."""


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The canonical format name for ``fmt``, or guessed from the file extension.

    >>> format_for("out/graph.nq")
    'nquads'
    >>> format_for("x.data", "ttl")
    'turtle'
    """
    if fmt is not None:
        name = ALIASES.get(fmt.lower(), fmt.lower())
        if name in {"xml", "rdf/xml", "rdfxml", "pretty-xml"}:
            raise UnsupportedFormatError("RDF/XML is not supported (refused as untrusted input)")
        if name not in FORMATS:
            raise UnsupportedFormatError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return name
    suffix = Path(path).suffix.lower()
    if suffix in REFUSED_EXTENSIONS:
        raise UnsupportedFormatError(f"{suffix} (RDF/XML) is not supported (refused as untrusted input)")
    if suffix not in EXTENSIONS:
        known = ", ".join(sorted(EXTENSIONS))
        raise UnsupportedFormatError(f"cannot guess the RDF format of {path!s}; use one of {known}")
    return EXTENSIONS[suffix]


@cache
def _context_document() -> dict[str, Any]:
    return json.loads(ontology_path(CONTEXT_FILE).read_text(encoding="utf-8"))


def jsonld_context() -> dict[str, Any]:
    """The ``@context`` object of ``ontologies/context.jsonld`` (a fresh copy).

    >>> jsonld_context()["mention"]
    {'@id': 'kg:mention', '@type': '@id'}
    """
    return json.loads(json.dumps(_context_document()["@context"]))


def _as_dataset(data: Dataset | Graph) -> Dataset:
    if isinstance(data, Dataset):
        return cast(Dataset, bind_prefixes(data))
    dataset = new_dataset()
    dataset.default_graph += data  # a plain Graph has no document graph: use the default graph
    return dataset


def new_dataset() -> Dataset:
    """An empty Dataset with only the core and project prefixes bound.

    >>> sorted(p for p, _ in new_dataset().namespaces())[:3]
    ['evt', 'kg', 'owl']
    """
    dataset = Dataset()
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="core")
    return cast(Dataset, bind_prefixes(dataset))


def _canonical_json(node: Any, *, ordered: bool = False) -> Any:
    """JSON with arrays sorted by their canonical text: JSON-LD arrays are unordered sets, except
    ``@list`` and ``@context`` (kept ``ordered``)."""
    if isinstance(node, dict):
        return {
            key: _canonical_json(value, ordered=key in {"@list", "@context"}) for key, value in node.items()
        }
    if isinstance(node, list) and ordered:
        return [_canonical_json(item) for item in node]
    if isinstance(node, list):
        items = [_canonical_json(item) for item in node]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return node


def _jsonld(data: Data) -> bytes:
    dataset = to_rdflib(data) if isinstance(data, pyoxigraph.Store | list) else _as_dataset(data)
    text = dataset.serialize(format="json-ld", context=jsonld_context(), encoding="utf-8")
    canonical = _canonical_json(json.loads(text))
    return (json.dumps(canonical, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def serialize(data: Data, fmt: str, *, order: FileOrder | None = None) -> bytes:
    """Serialize a dataset, graph, store or quad list to UTF-8 bytes in one of :data:`FORMATS`, byte-stable.
    ``order``, the :class:`FileOrder` of the same data, saves sorting it again for a second file.

    >>> serialize(new_dataset(), "nquads")
    b''
    """
    name = format_for("", fmt)
    if name == "json-ld":
        return _jsonld(data)
    order = order or file_order(data)
    if name in QUAD_FORMATS:
        return pyoxigraph.serialize(order.quads(), format=OX_FORMATS[name], prefixes=FILE_PREFIXES) or b""
    return pyoxigraph.serialize(order.triples(), format=OX_FORMATS[name], prefixes=FILE_PREFIXES) or b""


def file_order(data: Data) -> FileOrder:
    """The byte-stable file order of ``data`` (see :class:`kg.rdf.terms.FileOrder`)."""
    if isinstance(data, pyoxigraph.Store | list):
        return FileOrder(data)
    return FileOrder(to_quads(data))


def write_dataset(data: Data, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Write ``data`` to ``path`` atomically; the format comes from ``fmt`` or the extension.

    A failure (serialisation error, full disk) leaves any existing file at ``path`` untouched.
    See the module docstring for what each format holds. Returns the path written.
    """
    target = Path(path)
    return write_atomic(target, serialize(data, format_for(target, fmt)))


def write_datasets(data: Data, paths: list[Path]) -> list[Path]:
    """:func:`write_dataset` for several files of the same data (formats from the extensions), sorting the
    data once for all of them (``kg build`` writes ``graph.ttl`` and ``graph.trig``)."""
    formats = [format_for(path) for path in paths]
    order = file_order(data) if any(name != "json-ld" for name in formats) else None
    return [
        write_atomic(path, serialize(data, name, order=order))
        for path, name in zip(paths, formats, strict=True)
    ]


def _remote_contexts(node: Any) -> list[str]:
    """String-valued ``@context`` / ``@import`` entries anywhere in a JSON-LD document."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"@context", "@import"}:
                items = value if isinstance(value, list) else [value]
                found.extend(item for item in items if isinstance(item, str))
            found.extend(_remote_contexts(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_remote_contexts(item))
    return found


def _check_jsonld(text: str) -> None:
    remote = _remote_contexts(json.loads(text))
    if remote:
        raise UnsupportedFormatError(f"JSON-LD with remote contexts is refused (would fetch {remote[0]!r})")


def read_dataset(path: str | os.PathLike[str], fmt: str | None = None) -> Dataset:
    """Parse a file written by :func:`write_dataset` (or any file in :data:`FORMATS`).

    Triple formats (turtle, nt) load into the default graph; quad formats keep their named graphs.
    RDF/XML and JSON-LD with remote ``@context`` references are refused with
    :class:`UnsupportedFormatError`.
    """
    source = Path(path)
    name = format_for(source, fmt)
    dataset = new_dataset()
    text = source.read_text(encoding="utf-8")
    if name == "json-ld":
        _check_jsonld(text)
    if name in QUAD_FORMATS:
        dataset.parse(data=text, format=name)
    else:
        dataset.default_graph.parse(data=text, format=name)
    return dataset


def load_file(store: pyoxigraph.Store, path: str | os.PathLike[str], fmt: str | None = None) -> None:
    """Load an RDF file into ``store`` with pyoxigraph's parser (same refusals as :func:`read_dataset`).

    Triple formats (turtle, nt) load into the default graph; quad formats keep their named graphs.
    Raises :class:`UnsupportedFormatError` for refused formats and ``SyntaxError`` for bad files.
    """
    source = Path(path)
    name = format_for(source, fmt)
    if name == "json-ld":
        _check_jsonld(source.read_text(encoding="utf-8"))
    store.bulk_load(path=str(source), format=OX_FORMATS[name])
