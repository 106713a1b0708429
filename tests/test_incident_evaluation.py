"""ACLED-style and event_location scoring, the incident table and its RDF: real pipeline, real CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import RDF
from typer.testing import CliRunner

from kg.cli import app
from kg.evaluation.acled import evaluate_acled, same_place
from kg.evaluation.baselines import keyword_type
from kg.evaluation.event_places import evaluate_event_places, split_of
from kg.rdf.namespace import KG

runner = CliRunner()
REPORTS = [
    {"id": "r1", "date": "2023-05-09", "text": "On 7 May 2023, gunmen attacked Kuri village (Dala district), "
     "killing three farmers.", "incidents": [{"event_type": "Violence against civilians", "sub_event_type":
     "Attack", "event_date": "2023-05-07", "location": "Kuri", "admin1": "Dala", "fatalities": 3, "inter1": 2}]},
    {"id": "r2", "date": "2023-05-09", "text": "Hundreds of teachers marched in Tala town on Monday to demand "
     "unpaid wages.", "incidents": [{"event_type": "Protests", "sub_event_type": "Peaceful protest",
     "event_date": "2023-05-08", "location": "Tala", "fatalities": 0, "inter1": 6}]},
]  # fmt: skip


def test_acled_scores_have_the_baselines_beside_newskg(nlp):
    report = evaluate_acled(nlp, REPORTS)
    assert report.n_incidents == 2
    assert report.scores["event_type"]["newskg"] == 1.0
    assert report.scores["event_date"]["newskg"] == 1.0
    assert report.scores["place"]["newskg"] == 1.0
    assert "keywords + first date + first place" in report.scores["event_date"]
    assert "keywords + first date + first place" in report.to_text()


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [("Deir al-Balah", "Deir El Balah", True), ("Sarmin", "Sarmin", True), ("Idlib", "Hama", False)],
)
def test_place_names_match_across_spellings(predicted, gold, same):
    assert same_place(predicted, gold) is same


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets bombed the camp.", "Explosions/Remote violence"),
        ("Crowds held a rally.", "Protests"),
        ("Talks.", None),
    ],
)
def test_the_keyword_baseline_types_by_first_keyword(text, expected):
    assert keyword_type(text) == expected


def test_event_places_count_right_and_invented_places(nlp):
    text = "Gunmen shot a trader in Kano on Monday."
    records = [{"id": "e1", "text": text, "event_verb": [{"start": 7, "end": 11, "text": "shot"}],
                "event_locations": [{"start": 24, "end": 28, "text": "Kano"}]}]  # fmt: skip
    report = evaluate_event_places(nlp, records)
    tally = report.tallies[split_of("e1")]
    assert tally["newskg linker"].with_place == 1
    assert tally["all places of the sentence"].right == 1


def test_kg_evaluate_reads_acled_gold_and_refuses_bad_lines(tmp_path: Path):
    gold = tmp_path / "acled.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold)])
    assert result.exit_code == 0, result.output
    assert "event_type" in result.output and "all places of the report" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "incidents": 3}\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 2 and "error:" in result.output and "Traceback" not in result.output


def test_incidents_are_in_the_graph_and_conform(seed_dataset):
    from kg.rdf.ontology import validate

    dataset, record = seed_dataset
    incidents = {s for s, _, _, _ in dataset.quads((None, RDF.type, KG.Incident, None))}
    assert len(incidents) == len(record.incidents)
    assert {o for _, _, o, _ in dataset.quads((None, KG.partOfIncident, None, None))} <= incidents
    report = validate(dataset)
    assert not [v for v in report.violations if v.focus_node in {str(i) for i in incidents}]


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory, seed_dataset) -> Path:
    from kg.rdf.io import write_dataset

    path = tmp_path_factory.mktemp("seed") / "graph.trig"
    write_dataset(seed_dataset[0], path)
    return path


@pytest.mark.parametrize("command", [["incidents"], ["events", "--level", "incident"]])
def test_the_incident_table_has_acled_columns(seed_graph, command):
    result = runner.invoke(app, [*command, str(seed_graph), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and {"event_date", "event_type", "sub_event_type", "actor1", "inter1", "location", "admin1",
                     "latitude", "fatalities", "notes"} <= set(rows[0])  # fmt: skip
    assert any(r["event_type"] == "Battles" for r in rows)


def test_min_confidence_filters_the_incident_table(seed_graph):
    every = runner.invoke(app, ["incidents", str(seed_graph), "--format", "jsonl"]).output.splitlines()
    sure = runner.invoke(app, ["incidents", str(seed_graph), "--format", "jsonl", "--min-confidence", "0.75"])
    kept = sure.output.splitlines()
    assert 0 < len(kept) < len(every)
    assert all(json.loads(line)["confidence"] >= 0.75 for line in kept)
    assert runner.invoke(app, ["incidents", str(seed_graph), "--min-confidence", "3"]).exit_code == 2


def test_an_event_place_is_scored_by_its_label_and_by_its_name_as_written(nlp):
    from kg.evaluation.acled import event_guesses
    from kg.extract.recorder import records_from_doc
    from kg.rdf.ontology import event_type_mappings

    # GeoNames labels the town "Kafranbel"; the report writes "Kafr Nabl", and `kg events` exports both
    record = records_from_doc(
        nlp("On 3 March 2020, regime forces shelled Kafr Nabl town, killing two civilians.")
    )
    places = {p for guess in event_guesses(record, event_type_mappings()) for p in guess.places}
    assert "Kafr Nabl" in places
    assert any(same_place(p, "Kafr Nabl") for p in places)
