"""Two separate `kg build` runs merged into one graph: no IRI joins two different real things, same-named
document-scoped nodes are only candidates (kg:sameNameAs), and every build conforms to the shapes.

The two articles were written for this test: a Gaza and a Lebanon report that share the generic names
"Health Ministry" and "the army" and a person's name, "Ahmed Hassan", that belongs to two different men.
"""

from __future__ import annotations

import pytest
from rdflib import RDFS, Dataset, Graph, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf.namespace import KG
from kg.rdf.ontology import validate

GAZA = (
    "Strikes hit Khan Younis as ministry counts dead\n"
    "The Health Ministry in Gaza said Israeli strikes killed 12 people in Khan Younis on Tuesday. Ahmed Hassan, "
    "a nurse at Nasser hospital, said the army had surrounded the building for two days.\n"
)
LEBANON = (
    "Drone strike kills three in south Lebanon village\n"
    "Lebanon's Health Ministry said an Israeli drone strike killed three people in the village of Aitaroun, "
    "east of Bint Jbeil, on Tuesday. Ahmed Hassan, a farmer, said the army withdrew from the town at dawn.\n"
)
runner = CliRunner()


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> Dataset:
    dataset = Dataset()
    for name, text in (("gaza", GAZA), ("lebanon", LEBANON)):
        folder = tmp_path_factory.mktemp(name)
        (folder / "report.txt").write_text(text, encoding="utf-8")  # the same file name in both builds
        out = folder / "out"
        result = runner.invoke(app, ["build", str(folder / "report.txt"), "--out", str(out), "--no-html"])
        assert result.exit_code == 0 and "SHACL: conforms" in result.output, result.output
        dataset.parse(out / "graph.trig", format="trig")
    return dataset


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _nodes_labelled(dataset: Dataset, label: str) -> set[URIRef]:
    return {s for s, o in _union(dataset).subject_objects(RDFS.label) if str(o) == label}


@pytest.mark.integration
def test_two_report_txt_files_stay_two_documents(merged: Dataset) -> None:
    documents = {str(g.identifier) for g in merged.graphs() if "/doc/" in str(g.identifier)}
    assert len(documents) == 2 and all("/doc/report-" in d for d in documents)


@pytest.mark.integration
@pytest.mark.parametrize("label", ["Health Ministry", "Ahmed Hassan"])
def test_same_names_from_two_builds_stay_two_nodes(merged: Dataset, label: str) -> None:
    nodes = _nodes_labelled(merged, label)
    assert len(nodes) == 2 and all("/doc/" in str(n) for n in nodes)


@pytest.mark.integration
def test_no_global_iri_carries_two_labels_or_a_generic_name(merged: Dataset) -> None:
    labels: dict[URIRef, set[str]] = {}
    for s, o in _union(merged).subject_objects(RDFS.label):
        labels.setdefault(s, set()).add(str(o))
    globals_ = {s: names for s, names in labels.items() if "/actor/" in str(s) and "/doc/" not in str(s)}
    assert all(len(names) == 1 for names in labels.values())
    assert not {"army", "the army", "Health Ministry", "Ahmed Hassan"} & set().union(*globals_.values())


@pytest.mark.integration
def test_the_merged_graph_conforms_and_places_are_mapped_or_say_why(merged: Dataset) -> None:
    assert validate(merged).conforms
    union = _union(merged)
    places = {
        s
        for kind in (KG.City, KG.Facility, KG.Region, KG.AdministrativeRegion)
        for s in union.subjects(None, kind)
    }
    assert places
    for place in places:
        located = (place, KG.latitude, None) in union
        assert located or any(str(o) == "unknown" for o in union.objects(place, KG.geoPrecision))


@pytest.mark.integration
def test_the_seed_articles_events_can_be_mapped(seed_dataset) -> None:
    union = _union(seed_dataset[0])
    events = set(union.subjects(KG.place, None))
    mapped = {e for e in events if any((p, KG.latitude, None) in union for p in union.objects(e, KG.place))}
    print(f"{len(mapped)} of {len(events)} events with a place can be mapped")
    assert events and mapped == events
