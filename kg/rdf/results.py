"""SPARQL results with typed terms and the standard result formats: a table, CSV, TSV, SPARQL 1.1 Results JSON
and XML, or (for CONSTRUCT/DESCRIBE) sorted, byte-stable Turtle, N-Triples or JSON-LD.

>>> QueryResult(["s"]).to_json()
'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import pyoxigraph

from kg.rdf.guard import QueryError
from kg.rdf.namespace import PREFIXES
from kg.rdf.terms import Term, sorted_triples

STANDARD_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
ALL_PREFIXES = {**STANDARD_PREFIXES, **PREFIXES}
GRAPH_FORMATS = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
                 "jsonld": pyoxigraph.RdfFormat.JSON_LD}  # fmt: skip


def _plain(term: Term | None) -> str | None:
    return None if term is None else term.value


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _xml_term(term: Term) -> str:
    if isinstance(term, pyoxigraph.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, pyoxigraph.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f'<literal xml:lang="{escape(term.language)}">{escape(term.value)}</literal>'
    return f'<literal datatype="{escape(term.datatype.value)}">{escape(term.value)}</literal>'


@dataclass(frozen=True)
class QueryResult:
    """A SELECT's rows of typed terms, an ASK's boolean, or a CONSTRUCT/DESCRIBE's triples.

    ``rows`` gives the plain values (IRI, lexical form) for tables; ``truncated`` says a row limit cut it.
    """

    variables: list[str]
    terms: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[pyoxigraph.Triple] | None = None
    truncated: bool = False

    @property
    def kind(self) -> str:
        """``bindings``, ``boolean`` or ``graph``."""
        return "graph" if self.triples is not None else "boolean" if self.boolean is not None else "bindings"

    @property
    def rows(self) -> list[list[str | None]]:
        if self.kind == "boolean":
            return [[str(self.boolean).lower()]]
        if self.kind == "graph":
            return [[str(t.subject), str(t.predicate), str(t.object)] for t in self.triples or []]
        return [[_plain(term) for term in row] for row in self.terms]

    def _delimited(self, dialect: str) -> str:
        out = io.StringIO()
        if dialect == "csv":
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(self.variables)
            writer.writerows([["" if v is None else v for v in row] for row in self.rows])
            return out.getvalue()
        out.write("\t".join(f"?{v}" for v in self.variables) + "\n")
        for row in self.terms:
            out.write("\t".join("" if t is None else str(t) for t in row) + "\n")
        return out.getvalue()

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV: plain values (booleans as one ``ask`` column)."""
        return self._delimited("csv")

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV: terms in N-Triples syntax."""
        if self.kind == "boolean":
            return f"?ask\n{str(self.boolean).lower()}\n"
        return self._delimited("tsv")

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (typed terms).

        >>> QueryResult(["x"], [[pyoxigraph.Literal("1", datatype=pyoxigraph.NamedNode(
        ...     "http://www.w3.org/2001/XMLSchema#integer"))]]).to_json()
        '{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}'
        """
        if self.kind == "boolean":
            return json.dumps({"head": {}, "boolean": self.boolean})
        bindings = [
            {var: _json_term(term) for var, term in zip(self.variables, row, strict=True) if term is not None}
            for row in self.terms
        ]
        return json.dumps(
            {"head": {"vars": self.variables}, "results": {"bindings": bindings}}, ensure_ascii=False
        )

    def to_xml(self) -> str:
        """SPARQL Query Results XML."""
        head = "".join(f'<variable name="{escape(v)}"/>' for v in self.variables)
        parts = [
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
            f"<head>{head}</head>",
        ]
        if self.kind == "boolean":
            parts.append(f"<boolean>{str(self.boolean).lower()}</boolean>")
        else:
            parts.append("<results>")
            for row in self.terms:
                cells = "".join(
                    f'<binding name="{escape(var)}">{_xml_term(term)}</binding>'
                    for var, term in zip(self.variables, row, strict=True)
                    if term is not None
                )
                parts.append(f"<result>{cells}</result>")
            parts.append("</results>")
        return "".join(parts) + "</sparql>\n"

    def to_rdf(self, fmt: str) -> bytes:
        """The triples of a CONSTRUCT/DESCRIBE as ``ttl``, ``nt`` or ``jsonld`` (sorted, byte-stable)."""
        if self.triples is None:
            raise QueryError(f"--format {fmt} is for CONSTRUCT/DESCRIBE; a {self.kind} result has no triples")
        fake = [pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in self.triples]
        data = pyoxigraph.serialize(sorted_triples(fake), format=GRAPH_FORMATS[fmt], prefixes=ALL_PREFIXES)
        return data or b""
