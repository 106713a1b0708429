"""Data flows one way: a module imports only its own stage or stages upstream (checked on the source with ast).

The rules are about folders, so a new module is checked without editing this file:

- ``kg/records.py``, ``kg/files.py``, ``kg/decoding.py``, ``kg/reader.py``, ``kg/collector.py``: the contract, imported by
  everyone, importing no later stage;
- ``kg/extract/``: everything that imports spaCy; inside it, a component package (``actors/``, ``events/``) or
  component module (``claims``, ``paragraphs``, ``recorder``) never imports another component; shared modules
  (``state``, ``gazetteer``, ``lexicon``, ``temporal``, ...) import no component; only ``pipeline`` assembles them;
- ``kg/rdf/`` (records → RDF, store, queries), then ``kg/graph/`` (networkx, HTML), then ``kg/evaluation/``,
  then ``kg/cli.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
STAGES = {"contract": 0, "extract": 1, "rdf": 2, "graph": 3, "evaluation": 4, "cli": 5}
CONTRACT = {"records", "files", "reader", "decoding", "collector", "__init__"}
EXTRACT_COMPONENTS = {"actors", "events", "claims", "paragraphs", "recorder"}
# Libraries a stage must not import.
FORBIDDEN = {
    "contract": {"spacy", "rdflib", "pyoxigraph", "networkx", "pyvis"},
    "rdf": {"spacy", "networkx", "pyvis"},
    "graph": {"spacy"},
}
MODULES = sorted(p for p in KG.rglob("*.py"))


def stage_of(module: str) -> str:
    """'kg.rdf.build' -> 'rdf'; 'kg.records' -> 'contract'."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "kg":
        return "external"
    if parts[1] in STAGES:
        return parts[1]
    if parts[1] in CONTRACT or parts[1].startswith("__version"):
        return "contract"
    if parts[1] == "__main__":
        return "cli"
    raise AssertionError(f"{module}: not in any stage folder; add it to a stage")


def module_name(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 2 else parts)


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names if node.module in {"kg", "kg.extract"}}
    return names


def component_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 3 and parts[1] == "extract" and parts[2] in EXTRACT_COMPONENTS:
        return parts[2]
    return None


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_module_imports_only_its_stage_or_upstream(path):
    me = module_name(path)
    mine = STAGES[stage_of(me) if me != "kg" else "contract"]
    upward = [n for n in imports(path) if n.startswith("kg.") and STAGES.get(stage_of(n), -1) > mine]
    assert not upward, f"{me} imports a later stage: {upward}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_stage_does_not_import_a_later_stage_library(path):
    forbidden = FORBIDDEN.get(stage_of(module_name(path)), set())
    assert not {n.split(".")[0] for n in imports(path)} & forbidden


@pytest.mark.parametrize("path", sorted((KG / "extract").rglob("*.py")), ids=lambda p: module_name(p))
def test_no_component_imports_another_component(path):
    me = module_name(path)
    if me == "kg.extract.pipeline":
        return  # the one place that assembles the components
    others = {component_of(n) for n in imports(path)} - {None, component_of(me)}
    assert not others, f"{me} imports the components {sorted(others)}"


def test_there_is_no_import_cycle():
    graph = {module_name(p): {n for n in imports(p) if n.startswith("kg")} for p in MODULES}
    known = set(graph)

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    edges = {m: {r for n in deps if (r := resolve(n)) and r != m and r != "kg"} for m, deps in graph.items()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in edges.get(node, ()):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [])
