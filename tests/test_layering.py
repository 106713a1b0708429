"""Data flows one way: a module imports only upstream stages (checked on the source with ast)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
# Modules that must not import these libraries (records stay plain, build never sees spaCy, viz never rdflib).
FORBIDDEN = {
    "records": {"spacy", "rdflib", "networkx"},
    "temporal": {"spacy", "rdflib"},
    "gazetteer": {"spacy", "rdflib"},
    "build": {"spacy"},
    "query": {"spacy"},
    "export": {"spacy"},
    "ontology": {"spacy"},
    "projection": {"spacy"},
    "analysis": {"spacy", "pyvis"},
    "viz": {"spacy", "rdflib"},
}
# Modules of the extraction stage must not import the RDF or presentation stages.
EXTRACTION = {
    "actors",
    "events",
    "claims",
    "arguments",
    "roles",
    "discourse",
    "quantities",
    "lexicon",
    "pipeline",
}
DOWNSTREAM = {"kg.build", "kg.query", "kg.export", "kg.projection", "kg.analysis", "kg.viz", "kg.cli"}


def imports(module: str) -> set[str]:
    tree = ast.parse((KG / f"{module}.py").read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize(("module", "forbidden"), sorted(FORBIDDEN.items()))
def test_module_does_not_import_a_later_stage_library(module, forbidden):
    assert not {name.split(".")[0] for name in imports(module)} & forbidden


@pytest.mark.parametrize("module", sorted(EXTRACTION))
def test_extraction_does_not_import_rdf_or_presentation(module):
    assert not imports(module) & DOWNSTREAM
