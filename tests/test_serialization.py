"""A processed pipeline saves with ``nlp.to_disk`` and loads with ``spacy.load`` in a fresh process, giving the
same records: the components save their lexicon and gazetteer, and the config names registered objects."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.extract.pipeline import extract, load_pipeline
from kg.records import InputDocument, to_json

pytestmark = pytest.mark.integration

TEXT = (
    "On Tuesday, Syrian Democratic Forces (SDF) fighters clashed with ISIS gunmen near al-Hawl camp, "
    "killing at least 12 people, the SDF said. Damascus denied that its forces took part."
)
LOAD_AND_EXTRACT = """
import json, sys, spacy
from kg.records import to_json, record_from_json
nlp = spacy.load(sys.argv[1])
doc = nlp.make_doc(sys.argv[2])
doc._.kg_doc_id, doc._.kg_date = "d", "2026-01-20"
doc = nlp(doc)
print(json.dumps(doc._.kg_record, sort_keys=True))
"""


def test_saved_pipeline_loads_in_a_fresh_process_with_the_same_records(tmp_path):
    nlp = load_pipeline()
    expected = to_json(next(extract(nlp, [InputDocument("d", TEXT, "2026-01-20")])))
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "kg_events" / "lexicon.json").is_file()
    assert (tmp_path / "pipeline" / "kg_actors" / "gazetteer.jsonl").is_file()
    out = subprocess.run(
        [sys.executable, "-c", LOAD_AND_EXTRACT, str(tmp_path / "pipeline"), TEXT],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )  # fmt: skip
    assert json.loads(out.stdout) == json.loads(json.dumps(expected, sort_keys=True))


def test_config_names_registered_lexicon_and_gazetteer():
    config = load_pipeline().config["components"]
    assert config["kg_events"]["triggers"]["@misc"] == "kg.triggers.v1"
    assert config["kg_claims"]["triggers"]["@misc"] == "kg.triggers.v1"
    assert config["kg_actors"]["gazetteer"]["@misc"] == "kg.gazetteer.v1"


def test_custom_lexicon_survives_save_and_load_in_a_fresh_process(tmp_path, hijacking_triggers):
    nlp = load_pipeline()
    for name in ("kg_events", "kg_claims"):
        nlp.replace_pipe(
            name, name, config={"triggers": {"@misc": "kg.triggers.v1", "path": str(hijacking_triggers)}}
        )
    nlp.to_disk(tmp_path / "pipeline")
    out = subprocess.run(
        [sys.executable, "-c", LOAD_AND_EXTRACT, str(tmp_path / "pipeline"), "Gunmen hijacked a bus near Kano."],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )  # fmt: skip
    assert [e["type"] for e in json.loads(out.stdout)["events"]] == ["Hijacking"]
