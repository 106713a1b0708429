"""The packaged newskg ontology, event-type mappings and SHACL validation.

>>> from kg.rdf.ontology import event_type_mappings
>>> event_type_mappings()["ArmedClash"]["plover"]
'FIGHT'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph
from rdflib import RDF, SH, SKOS, Dataset, Graph, Node, URIRef

from kg.rdf.namespace import EVT, KG, bind_prefixes

ONTOLOGY_FILES = ("kg.ttl", "event-types.ttl", "alignment.ttl")
SHAPES_FILE = "shapes.ttl"
CONTEXT_FILE = "context.jsonld"

# Keys of event_type_mappings() entries and the concept annotation each one is read from.
MAPPING_KEYS = {
    "cameo": KG.cameo,
    "plover": KG.plover,
    "acled_event_type": KG.acledEventType,
    "acled_sub_event_type": KG.acledSubEventType,
}


def ontology_dir() -> Path:
    """Directory holding the ontology files, in a source checkout or an installed wheel.

    >>> (ontology_dir() / "kg.ttl").is_file()
    True
    """
    package_dir = Path(__file__).resolve().parents[1]
    # Wheel: pyproject force-includes <repo>/ontologies as kg/ontologies.
    for candidate in (package_dir / "ontologies", package_dir.parent / "ontologies"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise FileNotFoundError(f"newskg ontology files not found next to {package_dir}")


def ontology_path(name: str) -> Path:
    """Path of one packaged ontology file, e.g. ``ontology_path("shapes.ttl")``.

    >>> ontology_path("event-types.ttl").name
    'event-types.ttl'
    """
    path = ontology_dir() / name
    if not path.is_file():
        raise FileNotFoundError(path)
    return path


@cache
def _parsed(name: str) -> Graph:
    graph = Graph(bind_namespaces="core")
    graph.parse(ontology_path(name), format="turtle")
    return graph


def load_ontology(*, alignment: bool = True) -> Graph:
    """A fresh graph with the core ontology and event types (and the alignment unless disabled).

    >>> len(load_ontology()) > 500
    True
    """
    graph = bind_prefixes(Graph(bind_namespaces="core"))
    for name in ONTOLOGY_FILES:
        if alignment or name != "alignment.ttl":
            graph += _parsed(name)
    return graph


def load_shapes() -> Graph:
    """A fresh graph with the SHACL shapes.

    >>> (None, None, None) in load_shapes()
    True
    """
    graph = Graph(bind_namespaces="core")
    graph += _parsed(SHAPES_FILE)
    return graph


@cache
def _mappings() -> dict[str, dict[str, str]]:
    graph = _parsed("event-types.ttl")
    result: dict[str, dict[str, str]] = {}
    for concept in graph.subjects(SKOS.inScheme, URIRef(str(EVT))):
        name = str(concept).removeprefix(str(EVT))
        entry = {"label": str(graph.value(concept, SKOS.prefLabel))}
        for key, prop in MAPPING_KEYS.items():
            value = graph.value(concept, prop)
            if value is not None:
                entry[key] = str(value)
        result[name] = entry
    return result


def event_type_mappings() -> dict[str, dict[str, str]]:
    """Local concept name -> {"label", and when mapped "cameo", "plover", "acled_event_type", ...}.

    Keys absent from an entry mean "no mapping" (e.g. PrisonBreak has none). Returns a copy of a
    cached table, so callers may mutate it.

    >>> event_type_mappings()["Statement"]
    {'label': 'statement', 'cameo': '010'}
    """
    return {name: dict(entry) for name, entry in _mappings().items()}


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the offending node, the property path (if any), the message and severity."""

    focus_node: str
    path: str | None
    message: str
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    """Outcome of :func:`validate`; ``conforms`` is True when there are no violations."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)


Data = Graph | Dataset | pyoxigraph.Store | Iterable[pyoxigraph.Quad]


def _prepared(data: Data) -> Graph:
    """A copy of the data (all named graphs merged) plus kg.ttl and the event-type scheme.

    pyshacl's own ``ont_graph`` mixing copies only RDFS/OWL axioms, not SKOS concepts, so the
    "event type is a concept of the scheme" check needs the scheme merged in here.
    """
    from kg.rdf.terms import union_graph

    merged = Graph(bind_namespaces="core")
    if isinstance(data, Graph):
        sources = data.graphs() if isinstance(data, Dataset) else [data]  # graphs() includes the default
        for source in sources:
            merged += source
    else:
        union_graph(data, merged)
    merged += load_ontology(alignment=False)
    return merged


@cache
def _split_shapes() -> tuple[Graph, list]:
    from kg.rdf.shacl import split_shapes

    return split_shapes(load_shapes())


@cache
def _ontology_quads() -> list[pyoxigraph.Quad]:
    from kg.rdf.terms import to_quads

    return to_quads(load_ontology(alignment=False))


def _sparql_violations(data: Data, constraints: list) -> tuple[bool, list[Violation]]:
    """The SHACL-SPARQL constraints, run in Oxigraph on the data and the ontology (:mod:`kg.rdf.shacl`)."""
    from kg.rdf.shacl import sparql_results
    from kg.rdf.terms import to_quads

    store = pyoxigraph.Store()
    store.extend(to_quads(data) if isinstance(data, Graph) else data)
    store.extend(_ontology_quads())
    results = sparql_results(store, constraints)
    violations = [
        Violation(
            focus_node=str(r.focus_node),
            path=_text(r.path),
            message=" ".join([*sorted(set(r.messages)), f"(value: {r.value.n3()})"]),
            severity=r.severity,
        )
        for r in results
    ]
    return not any(r.breaks_conformance for r in results), violations


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _violations(results: Graph) -> list[Violation]:
    found = []
    # Only top-level results: nested sh:detail results (from sh:node / sh:or) repeat the same problem.
    reports = results.subjects(RDF.type, SH.ValidationReport)
    for result in {r for report in reports for r in results.objects(report, SH.result)}:
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        value = results.value(result, SH.value)
        if value is not None:
            messages.append(f"(value: {value.n3()})")
        severity = results.value(result, SH.resultSeverity)
        found.append(
            Violation(
                focus_node=str(results.value(result, SH.focusNode)),
                path=_text(results.value(result, SH.resultPath)),
                message=" ".join(messages) or "constraint violated",
                severity=str(severity).removeprefix(str(SH)) if severity else "Violation",
            )
        )
    return sorted(found, key=lambda v: (v.focus_node, v.path or "", v.message))


def validate(data_graph: Data, *, inference: str = "none") -> ValidationReport:
    """Validate a graph, the union of a dataset's named graphs, a store or quads against ``shapes.ttl``.

    The ontology and event-type scheme are merged into a copy of the data, so ``sh:targetClass
    kg:Actor`` reaches ``kg:ArmedGroup`` nodes without inference; ``inference="rdfs"`` also
    applies domains and ranges (slower, and not needed by the shapes). Without inference, the
    SHACL-SPARQL constraints run in Oxigraph (:mod:`kg.rdf.shacl`, same results, ~100x faster than
    pyshacl's re-parsing) and pyshacl checks the rest.

    >>> g = Graph().parse(ontology_path("examples/valid.ttl"))
    >>> validate(g).conforms
    True
    """
    from pyshacl import validate as shacl_validate  # slow import; only needed here

    if isinstance(data_graph, pyoxigraph.Store) or not isinstance(data_graph, Graph):
        data_graph = list(data_graph)  # read twice: pyshacl's copy and Oxigraph's
    sparql_conforms, sparql_violations = True, list[Violation]()
    if inference == "none":
        core, constraints = _split_shapes()
        shapes = Graph(bind_namespaces="core")
        shapes += core
        sparql_conforms, sparql_violations = _sparql_violations(data_graph, constraints)
    else:  # inferred triples would reach the SPARQL constraints too: pyshacl runs them all
        shapes = load_shapes()
    conforms, results, _text_report = shacl_validate(
        _prepared(data_graph),
        shacl_graph=shapes,
        inference=inference,
        inplace=True,  # the prepared graph is already a private copy
        advanced=True,
        allow_warnings=True,
    )
    violations = sorted(
        _violations(results) + sparql_violations, key=lambda v: (v.focus_node, v.path or "", v.message)
    )
    return ValidationReport(conforms=bool(conforms) and sparql_conforms, violations=violations)


def format_report(report: ValidationReport) -> str:
    """Readable text for a :class:`ValidationReport`, one line per violation.

    >>> format_report(ValidationReport(conforms=True))
    'Conforms: no SHACL violations.'
    """
    if report.conforms and not report.violations:
        return "Conforms: no SHACL violations."
    header = "Conforms" if report.conforms else "Does not conform"
    lines = [f"{header}: {len(report.violations)} result(s)."]
    for v in report.violations:
        path = f" {v.path}" if v.path else ""
        lines.append(f"- [{v.severity}] {v.focus_node}{path}: {v.message}")
    return "\n".join(lines)


__all__ = [
    "ValidationReport",
    "Violation",
    "event_type_mappings",
    "format_report",
    "load_ontology",
    "load_shapes",
    "ontology_dir",
    "ontology_path",
    "validate",
]
