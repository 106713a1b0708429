"""The Oxigraph store: one named graph per document, replace on re-add, read-only opens, targets, and
byte-identical files in every format from two builds of the same input in separate processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDFS, Dataset, Literal, URIRef

from kg.rdf.io import FORMATS, write_dataset
from kg.rdf.query import run_query
from kg.rdf.store import StoreError, add_dataset, document_graphs, is_store, open_store, open_target
from kg.rdf.terms import to_quads, to_rdflib

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "json-ld": ".jsonld"}


def _doc(name: str, *labels: str) -> Dataset:
    ds = Dataset()
    graph = ds.graph(URIRef(f"https://x.org/doc/{name}"))
    for label in labels:
        graph.add((URIRef(f"https://x.org/{label}"), RDFS.label, Literal(label)))
    return ds


def _labels(store: ox.Store) -> list[str]:
    return [row[0] for row in run_query(store, "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l").rows]


@pytest.mark.parametrize("bulk", [False, True], ids=["transaction", "bulk loader"])
def test_readding_a_document_replaces_its_graph_and_keeps_the_others(tmp_path, bulk):
    store = open_store(tmp_path / "s")
    add_dataset(store, _doc("a", "old1", "old2"), bulk=bulk)
    add_dataset(store, _doc("b", "other"), bulk=bulk)
    assert add_dataset(store, _doc("a", "new"), bulk=bulk) == ["https://x.org/doc/a"]
    assert _labels(store) == ["new", "other"]
    assert document_graphs(store) == ["https://x.org/doc/a", "https://x.org/doc/b"]


def test_the_store_persists_and_read_only_opens_share_it(tmp_path):
    folder = tmp_path / "s"
    store = open_store(folder)
    add_dataset(store, _doc("a", "x"))
    store.flush()
    del store
    assert is_store(folder)
    first, second = open_store(folder, read_only=True), open_store(folder, read_only=True)
    assert _labels(first) == _labels(second) == ["x"]
    child = subprocess.run(
        [sys.executable, "-c", f"import pyoxigraph as ox; print(len(ox.Store.read_only({str(folder)!r})))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert child.stdout.strip() == "1"


@pytest.mark.parametrize("ext", [".trig", ".nq", ".ttl", ".nt", ".jsonld"])
def test_a_target_is_a_store_folder_or_a_graph_file(tmp_path, ext):
    path = write_dataset(_doc("a", "x", "y"), tmp_path / f"g{ext}")
    assert _labels(open_target(path)) == ["x", "y"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing", "no such graph file or store folder"),
        (lambda p: (p / "plain").mkdir() or p / "plain", "not an Oxigraph store folder"),
    ],
)
def test_bad_targets_are_store_errors(tmp_path, make, message):
    with pytest.raises(StoreError, match=message):
        open_target(make(tmp_path))


def test_a_folder_with_other_files_is_not_turned_into_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        open_store(tmp_path)


def test_terms_survive_the_trip_between_rdflib_and_oxigraph():
    ds = _doc("a", "x")
    graph = ds.graph(URIRef("https://x.org/doc/a"))
    graph.add((URIRef("https://x.org/x"), URIRef("https://x.org/n"), Literal(3)))
    graph.add((URIRef("https://x.org/x"), URIRef("https://x.org/l"), Literal("Hasakah", lang="en")))
    back = to_rdflib(to_quads(ds))
    assert set(back.graph(URIRef("https://x.org/doc/a"))) == set(graph)


BUILD = """
import sys
from pathlib import Path
from kg.extract.pipeline import InputDocument, extract, load_pipeline
from kg.rdf.build import build_graph
from kg.rdf.io import write_dataset
from kg.rdf.store import add_dataset, open_store
out = Path(sys.argv[1])
text = Path(sys.argv[2]).read_text(encoding="utf-8")
records = list(extract(load_pipeline(), [InputDocument("hasakah-prison-break", text, "2026-01-23")]))
store = open_store(out / "store")
add_dataset(store, build_graph(records))
for name, ext in {exts!r}.items():
    write_dataset(store, out / ("graph" + ext))
"""


def test_two_builds_give_byte_identical_files_in_every_format(tmp_path):
    """Separate processes with different hash seeds: set and dict orders differ, the bytes must not."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        script = BUILD.format(exts=EXTENSIONS)
        subprocess.run([sys.executable, "-c", script, str(out), str(ROOT / "examples/hasakah-prison-break.txt")],
                       check=True, env=env, timeout=300)  # fmt: skip
        outputs.append(out)
    assert set(EXTENSIONS) == set(FORMATS)
    for ext in EXTENSIONS.values():
        first, second = (out / f"graph{ext}" for out in outputs)
        assert first.stat().st_size > 10_000, ext
        assert first.read_bytes() == second.read_bytes(), ext


def test_a_failed_bulk_write_is_a_clear_store_error():
    class FullDisk:  # stands in for an on-disk store whose disk fills up during the write
        def contains_named_graph(self, name):
            return False

        def bulk_extend(self, quads):
            raise OSError("No space left on device")

    with pytest.raises(StoreError, match="No space left on device.*run the same build again"):
        add_dataset(FullDisk(), _doc("a", "x"), bulk=True)  # type: ignore[arg-type]
