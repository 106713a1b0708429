"""The named analyst queries in ``kg/queries/*.rq``: their text, description and typed parameters.

A named query documents itself in its leading comment lines; ``# @param NAME TYPE help`` lines declare
the variables that ``--bind NAME=VALUE`` may pre-bind (TYPE is ``iri``, ``string``, ``date``, ``decimal``
or ``integer``). A parameter left unbound stays unbound, and the query treats it as "any".

>>> info = query_info("events_of_actor")
>>> [p.name for p in info.params]
['actor']
>>> convert_binding("from", "2026-01-19", "date")
<Literal value=2026-01-19 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources

import pyoxigraph

from kg.rdf.guard import QueryError

XSD = "http://www.w3.org/2001/XMLSchema#"
TYPES = ("iri", "string", "date", "decimal", "integer")
_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s+(\w+)\s*(.*)$")
# The projection_* queries and the table queries serve kg.graph and kg.rdf.tables; they are listed too.


@dataclass(frozen=True)
class Param:
    """One ``# @param`` line: a variable the query can take pre-bound."""

    name: str
    type: str
    help: str


@dataclass(frozen=True)
class NamedQuery:
    """A packaged query: name, first comment paragraph as its description, parameters, text."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str

    @classmethod
    def from_text(cls, name: str, text: str) -> NamedQuery:
        description: list[str] = []
        params = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            match = _PARAM.match(line)
            if match:
                if match.group(2) not in TYPES:
                    raise QueryError(f"query {name}: parameter type {match.group(2)!r} is not one of {TYPES}")
                params.append(Param(match.group(1), match.group(2), match.group(3).strip()))
            elif not params:
                description.append(line.lstrip("#").strip())
        return cls(name, " ".join(d for d in description if d), tuple(params), text)


def named_query(name: str) -> str:
    """The text of the packaged query ``kg/queries/<name>.rq``: the one loader of named queries.

    >>> "SELECT" in named_query("top_actors")
    True
    """
    try:
        return resources.files("kg").joinpath("queries", f"{name}.rq").read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        raise QueryError(f"no named query {name!r}") from None


def query_info(name: str) -> NamedQuery:
    """The parsed header of a named query."""
    return NamedQuery.from_text(name, named_query(name))


def named_queries() -> list[NamedQuery]:
    """Every packaged query, sorted by name.

    >>> "actors_at_place" in [q.name for q in named_queries()]
    True
    """
    folder = resources.files("kg").joinpath("queries")
    names = sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))
    return [query_info(name) for name in names]


def convert_binding(
    name: str, value: str, kind: str | None
) -> pyoxigraph.NamedNode | pyoxigraph.Literal | None:
    """``value`` as a term of ``kind`` (guessed when None); None for an ``iri`` given as a label.

    >>> convert_binding("n", "<https://x.org/a>", None)
    <NamedNode value=https://x.org/a>
    >>> convert_binding("n", "12", None)
    <Literal value=12 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    text = value.strip()
    is_iri = re.fullmatch(r"<[^<>\s]+>|(https?|urn|file):[^\s<>\"]+", text) is not None
    if kind is None:
        if is_iri:
            kind = "iri"
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            kind = "date"
        elif re.fullmatch(r"[+-]?\d+", text):
            kind = "integer"
        elif re.fullmatch(r"[+-]?\d*\.\d+", text):
            kind = "decimal"
        else:
            kind = "string"
    if kind == "iri":
        return pyoxigraph.NamedNode(text.strip("<>")) if is_iri else None
    if kind == "string":
        return pyoxigraph.Literal(value)
    try:
        if kind == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError(text)
            dt.date.fromisoformat(text)
            lexical = text
        elif kind == "integer":
            lexical = str(int(text))
        else:
            lexical = str(Decimal(text))
            if not Decimal(text).is_finite():
                raise ValueError(text)
    except (ValueError, InvalidOperation):
        raise QueryError(f"--bind {name}={value!r}: not a valid {kind}") from None
    return pyoxigraph.Literal(lexical, datatype=pyoxigraph.NamedNode(XSD + kind))
