"""Shared fixtures: the real default spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "examples" / "hasakah-prison-break.txt"
SEED_GOLD = ROOT / "tests" / "data" / "hasakah-prison-break.gold.json"


@pytest.fixture(scope="session")
def nlp():
    from kg.extract.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_dataset(nlp):
    from kg.extract.pipeline import InputDocument, extract
    from kg.rdf.build import build_graph

    text = SEED_TEXT.read_text(encoding="utf-8")
    records = list(extract(nlp, [InputDocument("hasakah-prison-break", text, "2026-01-23")]))
    return build_graph(records), records[0]


@pytest.fixture
def hijacking_triggers(tmp_path) -> Path:
    """A trigger lexicon file that adds one new event type ("Hijacking", its words taken from Abduction): data,
    no code."""
    import json

    from kg.extract.lexicon import DEFAULT_PATH

    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["verb_dictionaries"] = []
    # the built-in lexicon types hijacking as an abduction: the user's type takes the words over
    for spec in data["types"].values():
        for key in ("verbs", "nouns"):
            spec[key] = [w for w in spec.get(key, []) if w not in {"hijack", "hijacking"}]
    data["types"]["Hijacking"] = {"verbs": ["hijack"], "nouns": ["hijacking"], "object_role": "target"}
    path = tmp_path / "hijacking-triggers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
