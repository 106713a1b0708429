"""SHACL-SPARQL constraints run in Oxigraph; pyshacl keeps the core shapes, reorganised to run faster.

pyshacl runs an ``sh:sparql`` constraint once per focus node and re-parses its query with rdflib's pyparsing
grammar every time: on 50 articles (1,229 events) that was 117 s of 163 s of validation under cProfile. Here
each such constraint of a node shape is parsed once by Oxigraph and run per focus node with ``$this``
pre-bound (SEP-0007 substitution, as SHACL prescribes); the results become the violations pyshacl would
report (same focus node, path, value, messages and severity). A constraint this module cannot run the same
way (on a property shape, on a shape other shapes refer to, with ``$shapesGraph`` / ``$currentShape``,
``GRAPH`` or a deactivation, or a target other than the four standard ones) stays in the shapes pyshacl gets.
The core shapes get their property shapes lifted to the top level (see :func:`_lift_property_shapes`).

>>> from kg.rdf.ontology import load_shapes
>>> core, constraints = split_shapes(load_shapes())
>>> len(constraints), (None, SH.sparql, None) in core
(1, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph
from rdflib import RDF, RDFS, SH, Graph, Literal, Node, URIRef
from rdflib.term import IdentifiedNode

from kg.rdf.terms import Term, to_rdflib_term

_TARGETS = {
    SH.targetClass: "?this <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/"
    "<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{}>",
    SH.targetSubjectsOf: "?this <{}> ?any",
    SH.targetObjectsOf: "?any <{}> ?this",
}
_UNSUPPORTED = re.compile(r"\$shapesGraph|\$currentShape|\?shapesGraph|\?currentShape|\bGRAPH\b", re.I)
_LENIENT = {SH.Warning, SH.Info}  # pyshacl runs with allow_warnings: these do not break conformance


@dataclass(frozen=True)
class SparqlConstraint:
    """One ``sh:sparql`` SELECT constraint of a node shape, with what its results need."""

    shape: IdentifiedNode
    targets: tuple[tuple[URIRef, Node], ...]  # (sh:targetClass / targetNode / ..., its object)
    select: str
    prefixes: dict[str, str]
    messages: tuple[str, ...]  # the shape's own sh:message texts, then the constraint's
    severity: str  # local name: Violation, Warning, Info


@dataclass(frozen=True)
class SparqlResult:
    """One result: what :func:`kg.rdf.ontology.validate` turns into a ``Violation``."""

    focus_node: Node
    path: Node | None
    value: Node
    messages: tuple[str, ...]
    severity: str

    @property
    def breaks_conformance(self) -> bool:
        return SH[self.severity] not in _LENIENT


def _prefixes(shapes: Graph, constraint: Node) -> dict[str, str]:
    found = {}
    for source in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(source, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                found[str(prefix)] = str(namespace)
    return found


def _constraint(shapes: Graph, shape: Node, node: Node) -> SparqlConstraint | None:
    """The constraint, or None when Oxigraph cannot give pyshacl's answer the way this module runs it."""
    select = shapes.value(node, SH.select)
    targets = tuple(
        (target, value)
        for target in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
        for value in shapes.objects(shape, target)
    )
    if (
        select is None
        or not isinstance(shape, IdentifiedNode)
        or (shape, SH.path, None) in shapes  # a property shape: value nodes, result paths
        or (None, None, shape) in shapes  # reached through sh:node / sh:or / ...: other focus nodes
        or (shape, RDF.type, RDFS.Class) in shapes  # an implicit class target
        or (shape, SH.target, None) in shapes  # a SHACL-AF target
        or any(shapes.objects(node, SH.deactivated)) or any(shapes.objects(shape, SH.deactivated))
        or _UNSUPPORTED.search(str(select))
        or not all(isinstance(value, URIRef) for target, value in targets if target != SH.targetNode)
    ):  # fmt: skip
        return None
    own = sorted((m for m in shapes.objects(node, SH.message)), key=str)  # pyshacl's order
    shape_messages = list(shapes.objects(shape, SH.message))
    messages = [str(m) for m in shape_messages + [m for m in own if m not in shape_messages]]
    severity = shapes.value(shape, SH.severity) or SH.Violation
    return SparqlConstraint(
        shape,
        targets,
        str(select),
        _prefixes(shapes, node),
        tuple(messages),
        str(severity).removeprefix(str(SH)),
    )


_TARGET_PREDICATES = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


def _lift_property_shapes(shapes: Graph, core: Graph) -> None:
    """Give each property shape of a targeted node shape the node shape's targets, in ``core``.

    pyshacl validates a node shape's property shapes once per focus node (85,000 nested validations on 50
    articles, each rebuilding its constraint objects); a top-level property shape is validated once for all
    its focus nodes. The results are the same (a property shape's results are its own: focus node, path,
    value, message, severity). Left alone: node shapes other shapes refer to (their property shapes must
    also apply there), closed or deactivated ones, property shapes used twice and qualified-shape siblings.
    """
    for shape in set(shapes.subjects(SH.property, None)):
        targets = [(p, o) for p in _TARGET_PREDICATES for o in shapes.objects(shape, p)]
        properties = list(shapes.objects(shape, SH.property))
        if (
            not targets
            or (None, None, shape) in shapes
            or (shape, SH.closed, None) in shapes
            or (shape, SH.deactivated, None) in shapes
            or any((p, SH.qualifiedValueShapesDisjoint, None) in shapes for p in properties)
            or any(len(set(shapes.subjects(None, p))) != 1 for p in properties)
        ):
            continue
        for prop in properties:
            core.remove((shape, SH.property, prop))
            for predicate, value in targets:
                core.add((prop, predicate, value))


def split_shapes(shapes: Graph) -> tuple[Graph, list[SparqlConstraint]]:
    """The shapes pyshacl checks (property shapes of targeted node shapes lifted to the top level: same
    results, about half the time) without the constraints Oxigraph runs, and those (as :class:`SparqlConstraint`).

    The returned graph is a copy: ``shapes`` is not changed.
    """
    core = Graph(bind_namespaces="core")
    core += shapes
    _lift_property_shapes(shapes, core)
    constraints = []
    for shape, node in shapes.subject_objects(SH.sparql):
        constraint = _constraint(shapes, shape, node)
        if constraint is not None:
            core.remove((shape, SH.sparql, node))  # the constraint's own triples stay, unreferenced
            constraints.append(constraint)
    return core, sorted(constraints, key=lambda c: (str(c.shape), c.select))


def _ox(node: Node) -> pyoxigraph.NamedNode | pyoxigraph.Literal | pyoxigraph.BlankNode:
    if isinstance(node, Literal):
        datatype = pyoxigraph.NamedNode(str(node.datatype)) if node.datatype else None
        return pyoxigraph.Literal(str(node), language=node.language, datatype=datatype)
    return pyoxigraph.NamedNode(str(node)) if isinstance(node, URIRef) else pyoxigraph.BlankNode(str(node))


def _focus_nodes(store: pyoxigraph.Store, constraint: SparqlConstraint) -> list[Term]:
    nodes: dict[Term, None] = {}
    for target, value in constraint.targets:
        if target == SH.targetNode:
            nodes[_ox(value)] = None
            continue
        query = f"SELECT DISTINCT ?this WHERE {{ {_TARGETS[target].format(value)} }}"
        for row in store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
            nodes[row["this"]] = None
    return sorted(nodes, key=str)


def _message(text: str, bound: dict[str, Node]) -> str:
    for var, value in bound.items():  # pyshacl's {?var} / {$var} substitution
        text = re.sub(f"{{[?$]{var}}}", str(value), text)
    return text


def _result(
    constraint: SparqlConstraint, focus: Node, bound: dict[str, Node], failed: bool
) -> SparqlResult | None:
    """One solution as pyshacl reports it: ``?failure`` once per focus node; otherwise a result when
    ``?this``, ``?path`` or ``?value`` is bound, the value defaulting to the focus node."""
    variables = dict(bound)
    if variables.pop("failure", None) is not None:
        if failed:
            return None
        return SparqlResult(focus, None, focus, tuple(_message(m, variables) for m in constraint.messages),
                            constraint.severity)  # fmt: skip
    this, path, value = (variables.pop(name, None) for name in ("this", "path", "value"))
    if this is None and path is None and value is None:
        return None
    value = focus if value is None else value
    fill = {
        **variables,
        **{k: v for k, v in (("this", this), ("path", path), ("value", value)) if v is not None},
    }
    return SparqlResult(this or focus, path, value, tuple(_message(m, fill) for m in constraint.messages),
                        constraint.severity)  # fmt: skip


def sparql_results(store: pyoxigraph.Store, constraints: Iterable[SparqlConstraint]) -> list[SparqlResult]:
    """Run each constraint per focus node on ``store`` (the data and the ontology, union default graph).

    >>> from kg.rdf.ontology import load_shapes
    >>> _, constraints = split_shapes(load_shapes())
    >>> sparql_results(pyoxigraph.Store(), constraints)
    []
    """
    results: dict[SparqlResult, None] = {}  # pyshacl keeps each distinct result once
    this = pyoxigraph.Variable("this")
    for constraint in constraints:
        for focus in _focus_nodes(store, constraint):
            solutions = store.query(
                constraint.select,
                prefixes=constraint.prefixes,
                use_default_graph_as_union=True,
                substitutions={this: focus},
            )
            failed = False
            for solution in solutions:  # type: ignore[union-attr]
                bound = {
                    var.value: to_rdflib_term(solution[var])
                    for var in solutions.variables  # type: ignore[union-attr]
                    if solution[var] is not None
                }
                result = _result(constraint, to_rdflib_term(focus), bound, failed)
                failed = failed or "failure" in bound
                if result is not None:
                    results[result] = None
    return list(results)
