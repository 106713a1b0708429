"""The event lexicon: curated triggers win, the CAMEO-derived verbs fill gaps, statements stay claims."""

from __future__ import annotations

import json
import os
from pathlib import Path

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


def test_a_new_title_word_is_a_data_file_change_only(tmp_path):
    """Adding "Warlord" to kg/data/lexicon/actors.json makes it a title, with no Python change."""
    import shutil
    import subprocess
    import sys

    from kg.extract.lexicon import LEXICON_DIR

    probe = (
        "import spacy; from spacy.tokens import Span; from tests.parses import hand_parse;"
        "from kg.extract.actors.spans import widen_title;"
        "rows = [('Warlord', 1, 'compound', 'PROPN', 'NNP', 'Warlord'), ('Ahmed', 1, 'ROOT', 'PROPN', 'NNP', 'Ahmed')];"
        "doc = hand_parse(spacy.blank('en').vocab, rows);"
        "print(widen_title(Span(doc, 1, 2, label='PERSON'))[1])"
    )
    copy = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, copy)
    data = json.loads((copy / "actors.json").read_text(encoding="utf-8"))
    data["titles"]["words"].append("warlord")
    (copy / "actors.json").write_text(json.dumps(data), encoding="utf-8")
    root = str(Path(__file__).resolve().parent.parent)

    def title(env_dir: Path | None) -> str:
        env = {k: v for k, v in os.environ.items() if k != "NEWSKG_LEXICON_DIR"}
        if env_dir:
            env["NEWSKG_LEXICON_DIR"] = str(env_dir)
        run = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=root, check=True
        )
        return run.stdout.strip()

    assert title(None) == ""
    assert title(copy) == "Warlord"
