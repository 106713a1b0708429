"""The event lexicon: curated triggers win, the CAMEO-derived verbs fill gaps, statements stay claims."""

from __future__ import annotations

import json

import pytest

from kg.extract.lexicon import DEFAULT_PATH, load_lexicon
from kg.rdf.ontology import event_type_mappings


@pytest.mark.parametrize(
    ("lemma", "pos", "kind"),
    [
        ("clash", "NOUN", "ArmedClash"),
        ("kill", "VERB", "Killing"),
        ("murder", "VERB", "Killing"),  # CAMEO synonym of KILL inherits our type for KILL
        ("torture", "VERB", "Assault"),
        ("transfer", "VERB", "DetaineeTransfer"),
        ("say", "VERB", None),  # reporting verbs make claims, not events
        ("offer", "VERB", None),  # control verbs mark intent of the event they govern
    ],
)
def test_trigger_types(lemma, pos, kind):
    assert load_lexicon().type_of_lemma(lemma, pos) == kind


def test_every_trigger_type_is_a_concept_of_the_ontology():
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    secondary = json.loads((DEFAULT_PATH.parent / "cameo_verbs.json").read_text(encoding="utf-8"))["verbs"]
    assert set(data["types"]) | set(secondary.values()) <= set(event_type_mappings())


def test_a_custom_lexicon_file_adds_an_event_type_without_code(tmp_path):
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["verb_dictionaries"] = []
    data["types"]["Protest"]["verbs"].append("picket")
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_lexicon(str(path)).type_of_lemma("picket", "VERB") == "Protest"
