"""Event and entity tables (kg.rdf.tables) on small hand-built graphs, and the `kg events` / `kg entities` CLI."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf.io import write_dataset
from kg.rdf.namespace import EVT, KG, SCHEMA
from kg.rdf.tables import ENTITY_COLUMNS, EVENT_COLUMNS, cell_text, entity_rows, event_rows, to_csv, to_jsonl

BASE = "https://w3id.org/newskg/id/"
DOC = URIRef(BASE + "doc/d1")
SDF, IRAQ, TOWN = URIRef(BASE + "actor/sdf"), URIRef(BASE + "actor/iraq"), URIRef(BASE + "place/hasakah")
EVENT, CLAIM, QTY = (
    URIRef(BASE + "event/d1/e1"),
    URIRef(BASE + "claim/d1/c1"),
    URIRef(BASE + "quantity/d1/e1-0"),
)
TEXT = "The SDF attacked Hasakah. Officials said the SDF attacked again in Hasakah."


def _mention(g, subject: URIRef, start: int, end: int, sentence: tuple[int, int]) -> None:
    node, sent = URIRef(f"{DOC}#char={start},{end}"), URIRef(f"{DOC}#char={sentence[0]},{sentence[1]}")
    g.add((subject, KG.mention, node))
    for p, o in (
        (RDF.type, KG.Mention),
        (KG.document, DOC),
        (KG.startChar, Literal(start)),
        (KG.endChar, Literal(end)),
        (KG.anchorOf, Literal(TEXT[start:end])),
        (KG.inSentence, sent),
    ):
        g.add((node, p, o))  # fmt: skip
    g.add((sent, RDF.type, KG.Sentence))
    g.add((sent, KG.anchorOf, Literal(TEXT[sentence[0] : sentence[1]])))


@pytest.fixture()
def dataset() -> Dataset:
    ds = Dataset()
    g = ds.graph(DOC)
    g.add((DOC, RDF.type, SCHEMA.NewsArticle))
    g.add((DOC, SCHEMA.identifier, Literal("d1")))
    g.add((SDF, RDF.type, KG.ArmedGroup))
    g.add((SDF, RDFS.label, Literal("Syrian Democratic Forces")))
    g.add((SDF, SKOS.altLabel, Literal("SDF")))
    g.add((SDF, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q21707950")))
    _mention(g, SDF, 4, 7, (0, 25))
    _mention(g, SDF, 45, 48, (26, 75))
    g.add((TOWN, RDF.type, KG.City))
    g.add((TOWN, RDFS.label, Literal("Hasakah")))
    g.add((TOWN, KG.latitude, Literal(Decimal("36.5"))))
    g.add((TOWN, KG.longitude, Literal(Decimal("40.75"))))
    _mention(g, TOWN, 17, 24, (0, 25))
    for kind in (KG.Country, KG.Actor):
        g.add((IRAQ, RDF.type, kind))
    g.add((IRAQ, RDFS.label, Literal("Iraq")))
    g.add((EVENT, RDF.type, KG.Event))
    for p, o in (
        (KG.eventType, EVT.Attack),
        (KG.trigger, Literal("attacked")),
        (KG.plover, Literal("FIGHT")),
        (KG.cameo, Literal("190")),
        (KG.agent, SDF),
        (KG.target, IRAQ),
        (KG.place, TOWN),
        (KG.date, Literal("2026-01-19", datatype=XSD.date)),
        (KG.datePrecision, Literal("day")),
        (KG.certainty, Literal("asserted")),
        (KG.quantity, QTY),
    ):
        g.add((EVENT, p, o))  # fmt: skip
    _mention(g, EVENT, 49, 57, (26, 75))
    _mention(g, EVENT, 8, 16, (0, 25))
    for p, o in (
        (RDF.type, KG.Quantity),
        (KG.value, Literal(Decimal("150"))),
        (KG.unit, Literal("fighters")),
        (KG.qualifier, Literal("approximate")),
        (KG.status, Literal("done")),
    ):
        g.add((QTY, p, o))  # fmt: skip
    for p, o in (
        (RDF.type, KG.Claim),
        (RDF.type, KG.Event),
        (KG.eventType, EVT.Statement),
        (KG.speaker, IRAQ),
        (KG.claimContent, EVENT),
    ):
        g.add((CLAIM, p, o))  # fmt: skip
    bare = URIRef(BASE + "event/d1/e2")
    g.add((bare, RDF.type, KG.Event))
    g.add((bare, KG.eventType, EVT.Protest))
    return ds


def test_event_table_has_one_row_per_event_and_leaves_out_claims(dataset: Dataset) -> None:
    rows = event_rows(dataset)
    assert sorted(r["event"] for r in rows) == [str(EVENT), BASE + "event/d1/e2"]


def test_event_row_carries_roles_places_quantities_speakers_and_evidence(dataset: Dataset) -> None:
    row = next(r for r in event_rows(dataset) if r["event"] == str(EVENT))
    assert (row["doc_id"], row["document"], row["type"], row["plover"], row["cameo"]) == (
        "d1",
        str(DOC),
        "Attack",
        "FIGHT",
        "190",
    )
    assert (row["date"], row["date_precision"], row["certainty"]) == ("2026-01-19", "day", "asserted")
    assert row["agents"] == [{"label": "Syrian Democratic Forces", "iri": str(SDF)}]
    assert row["targets"] == [{"label": "Iraq", "iri": str(IRAQ)}]
    assert row["places"] == [
        {"label": "Hasakah", "iri": str(TOWN), "latitude": 36.5, "longitude": 40.75, "name": "Hasakah"}
    ]
    assert row["quantities"] == [
        {"value": 150, "qualifier": "approximate", "unit": "fighters", "status": "done"}
    ]
    assert row["speakers"] == [{"label": "Iraq", "iri": str(IRAQ)}]
    assert row["evidence"] == "The SDF attacked Hasakah."  # the sentence of the earliest mention


def test_a_place_comes_with_its_name_as_the_events_sentence_writes_it(dataset: Dataset) -> None:
    # the gazetteer's label need not be the text's spelling; an analyst matching the report needs both
    dataset.remove((TOWN, RDFS.label, None))
    dataset.add((TOWN, RDFS.label, Literal("Al-Hasakah")))
    row = next(r for r in event_rows(dataset) if r["event"] == str(EVENT))
    assert [(p["label"], p["name"]) for p in row["places"]] == [("Al-Hasakah", "Hasakah")]
    assert cell_text(row["places"]).startswith('Al-Hasakah ("Hasakah") <')


def test_event_without_roles_gets_empty_lists(dataset: Dataset) -> None:
    row = next(r for r in event_rows(dataset) if r["type"] == "Protest")
    assert all(row[c] == [] for c in ("agents", "targets", "themes", "recipients", "places", "speakers"))
    assert row["evidence"] is None


def test_entity_table_merges_kinds_aliases_ids_and_counts_mentions(dataset: Dataset) -> None:
    rows = {r["label"]: r for r in entity_rows(dataset)}
    assert rows["Syrian Democratic Forces"]["aliases"] == ["SDF"]
    assert rows["Syrian Democratic Forces"]["identifiers"] == ["http://www.wikidata.org/entity/Q21707950"]
    assert (rows["Syrian Democratic Forces"]["mentions"], rows["Syrian Democratic Forces"]["documents"]) == (
        2,
        ["d1"],
    )
    assert (rows["Hasakah"]["latitude"], rows["Hasakah"]["longitude"]) == (36.5, 40.75)
    assert rows["Iraq"]["kinds"] == ["Actor", "Country"]
    assert rows["Iraq"]["mentions"] == 0


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ([], ""),
        ("x", "x"),
        ([{"label": "Iraq", "iri": "http://x/iraq"}], "Iraq <http://x/iraq>"),
        ([{"label": "A", "iri": "http://x/a", "latitude": 1.5, "longitude": 2}], "A <http://x/a> @1.5,2"),
        ([{"label": "A", "iri": "http://x/a", "name": "A"}], "A <http://x/a>"),
        (
            [{"value": 150, "qualifier": "approximate", "unit": None, "status": "done"}],
            "150 approximate done",
        ),
        (["a", "b"], "a; b"),
    ],
)
def test_cell_text_flattens_lists_and_items(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_csv_and_jsonl_round_trip_the_rows(dataset: Dataset) -> None:
    rows = event_rows(dataset)
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows, EVENT_COLUMNS))))
    assert [p["event"] for p in parsed] == [r["event"] for r in rows]
    assert [json.loads(line) for line in to_jsonl(rows).splitlines()] == rows


@pytest.mark.parametrize(
    ("command", "fmt", "column"),
    [("events", "csv", EVENT_COLUMNS[0]), ("entities", "csv", ENTITY_COLUMNS[0]),
     ("events", "jsonl", "event"), ("entities", "jsonl", "entity"), ("entities", "table", "label")],
)  # fmt: skip
def test_cli_writes_tables_from_a_graph_file(
    dataset: Dataset, tmp_path, command: str, fmt: str, column: str
) -> None:
    path = tmp_path / "graph.trig"
    write_dataset(dataset, path)
    result = CliRunner().invoke(app, [command, str(path), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert column in result.output


@pytest.mark.parametrize(("command", "fmt"), [("events", "table"), ("events", "xml"), ("entities", "nt")])
def test_cli_refuses_unknown_formats(dataset: Dataset, tmp_path, command: str, fmt: str) -> None:
    path = tmp_path / "graph.trig"
    write_dataset(dataset, path)
    assert CliRunner().invoke(app, [command, str(path), "--format", fmt]).exit_code == 2
