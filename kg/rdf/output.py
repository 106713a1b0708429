"""The RDF side of ``kg build``: a build's quads into a memory store (for the summary and the view), into the
corpus store when one is given, and into the graph files, with the slow parts overlapped.

Oxigraph's bulk loader parses N-Quads bytes without holding the GIL (see :func:`kg.rdf.store.add_dataset`), so
the on-disk store is written in a background thread while this thread sorts and serialises the files; the files are written (atomically) only once the store has its
documents, so a store failure still leaves no new files, as before.

>>> import tempfile, pathlib
>>> from kg.rdf.build import build_quads
>>> from kg.records import DocumentRecord
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> built = write_build(build_quads([DocumentRecord("d1", "No news.")]), [out / "g.ttl", out / "g.trig"])
>>> len(built), sorted(p.name for p in out.iterdir())
(2, ['g.trig', 'g.ttl'])
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph

from kg.collector import quiet_collector
from kg.files import write_atomic
from kg.rdf.io import file_order, format_for, serialize
from kg.rdf.store import add_dataset


def add_in_background(store: pyoxigraph.Store, quads: list[pyoxigraph.Quad]) -> Callable[[], list[str]]:
    """Start :func:`kg.rdf.store.add_dataset` (bulk) in a thread; the function returned waits for it and
    returns its graph names, or raises its :class:`kg.rdf.store.StoreError`."""
    # no `with` block: its exit waits for the task, which left nothing to overlap
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-store")
    future = pool.submit(add_dataset, store, quads, bulk=True)
    pool.shutdown(wait=False)  # the thread ends with its one task; `future.result` waits for it
    return future.result


def render_files(quads: list[pyoxigraph.Quad], paths: list[Path]) -> dict[Path, bytes]:
    """The bytes of each file (format from its extension), the quads sorted once for all of them."""
    formats = [format_for(path) for path in paths]
    order = file_order(quads) if any(name != "json-ld" for name in formats) else None
    return {path: serialize(quads, name, order=order) for path, name in zip(paths, formats, strict=True)}


def write_build(
    quads: list[pyoxigraph.Quad], files: list[Path], corpus: pyoxigraph.Store | None = None
) -> pyoxigraph.Store:
    """Write a build: ``quads`` into ``corpus`` (each document graph replaced; :class:`StoreError` on failure,
    then no file is written) and into ``files``; returns the build's own documents in a memory store."""
    wait = add_in_background(corpus, quads) if corpus is not None else None
    built = pyoxigraph.Store()
    with quiet_collector():  # sorting for the files makes ~10^5 tracked objects: no full passes meanwhile
        built.extend(quads)  # a new store has no graph to replace (add_dataset reads every quad's graph name)
        rendered = render_files(quads, files)
        if wait is not None:
            wait()
    for path, data in rendered.items():
        write_atomic(path, data)
    return built
