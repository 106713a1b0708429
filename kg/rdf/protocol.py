"""What a SPARQL 1.1 Protocol answer is, apart from HTTP: content negotiation and one request's reply.

>>> negotiate("text/csv;q=0.9, application/sparql-results+json", "bindings")
('json', 'application/sparql-results+json')
>>> negotiate("text/turtle", "bindings") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": "ttl", "application/n-triples": "nt", "application/ld+json": "jsonld"}
DEFAULT_TYPE = {"bindings": "application/sparql-results+json", "boolean": "application/sparql-results+json",
                "graph": "text/turtle"}  # fmt: skip


def negotiate(accept: str | None, kind: str) -> tuple[str, str] | None:
    """The (format, media type) that best fits an Accept header for a ``bindings``/``boolean``/``graph``
    result; None when the client accepts none of them (406)."""
    offered = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept or "*/*").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if quality > 0:
            choices.append((-quality, position, media.lower()))
    for _quality, _position, media in sorted(choices):
        if media in offered:
            return offered[media], media
        if media in {"*/*", "application/*", "text/*"}:
            default = DEFAULT_TYPE[kind]
            if media == "*/*" or default.startswith(media[:-1]):
                return offered[default], default
    return None


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, media type and body."""

    status: int
    content_type: str
    body: bytes


def error_reply(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", f"error: {message}\n".encode())


def answer(store: Any, job: dict[str, Any], max_results: int) -> Reply:
    """Run one protocol request against an open store (inside a worker process)."""
    from kg.rdf.query import QueryError, QueryRefused, run_query

    try:
        result = run_query(
            store,
            job["query"],
            limit=max_results,
            default_graphs=job.get("default_graphs") or None,
            named_graphs=job.get("named_graphs") or None,
        )
    except QueryRefused as error:
        return error_reply(403, str(error))
    except QueryError as error:
        return error_reply(400, str(error))
    if result.truncated:
        return error_reply(413, f"the result has more than {max_results} rows or triples; add a LIMIT")
    chosen = negotiate(job.get("accept"), result.kind)
    if chosen is None:
        offered = GRAPH_TYPES if result.kind == "graph" else RESULT_TYPES
        return error_reply(406, f"cannot answer in {job.get('accept')!r}; offered: {', '.join(offered)}")
    fmt, media = chosen
    if result.kind == "graph":
        return Reply(200, media, result.to_rdf(fmt))
    text = {"json": result.to_json, "xml": result.to_xml, "csv": result.to_csv, "tsv": result.to_tsv}[fmt]()
    return Reply(200, f"{media}; charset=utf-8", text.encode("utf-8"))
