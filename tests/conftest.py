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
